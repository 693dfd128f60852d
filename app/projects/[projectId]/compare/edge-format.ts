/** Labels of the edge comparison (edge-comparison.tsx). */
export const formatJaccard = (v: number | null | undefined): string => (v == null ? '— (no edges)' : v.toFixed(3));

export function levelLabel(l: { level: number; sparsity: number; edgeCount: number; kept: boolean }): string {
  return `level ${l.level}: ${(l.sparsity * 100).toFixed(1)}% sparse, ${l.edgeCount} edges${l.kept ? ' (kept)' : ''}`;
}

/** An effect with three significant digits: small effects of a barely pruned level stay readable (not "0.000"). */
export const formatEffect = (v: number | null | undefined): string =>
  v == null ? '—' : v === 0 ? '0' : Math.abs(v) >= 0.001 ? v.toFixed(Math.max(3, 2 - Math.floor(Math.log10(Math.abs(v))))) : v.toExponential(2);
