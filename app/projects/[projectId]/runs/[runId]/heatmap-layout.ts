/** Sizes the heatmap can be shown at: regulators (rows) × targets (columns), within the server's limits (≤ 80 × 150). */
export const HEATMAP_SIZES = [
  { id: 'small', label: '20 × 40', regulators: 20, targets: 40, cell: 14 },
  { id: 'medium', label: '40 × 80', regulators: 40, targets: 80, cell: 11 },
  { id: 'large', label: '80 × 150', regulators: 80, targets: 150, cell: 9 },
] as const;

export type HeatmapSizeId = (typeof HEATMAP_SIZES)[number]['id'];

// .plot-tick is 9px: an average glyph of a gene name is at most ~6px wide.
const CHAR_WIDTH = 6;
const PAD = 8;
const COLUMN_ANGLE = (60 * Math.PI) / 180;

/**
 * Margins that hold the longest row and column labels (columns are rotated by 60°), so no gene name is
 * clipped however long the names of this dataset are.
 */
export function heatmapMargins(regulators: readonly string[], targets: readonly string[]): { left: number; top: number } {
  const longest = (names: readonly string[]) => names.reduce((m, n) => Math.max(m, n.length), 0) * CHAR_WIDTH;
  return {
    left: Math.ceil(longest(regulators)) + PAD,
    top: Math.ceil(longest(targets) * Math.sin(COLUMN_ANGLE)) + PAD + 4,
  };
}
