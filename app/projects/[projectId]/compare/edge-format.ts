/** Labels of the edge comparison (edge-comparison.tsx). */
export const formatJaccard = (v: number | null | undefined): string => (v == null ? '— (no edges)' : v.toFixed(3));

export function levelLabel(l: { level: number; sparsity: number; edgeCount: number; kept: boolean }): string {
  return `level ${l.level}: ${(l.sparsity * 100).toFixed(1)}% sparse, ${l.edgeCount} edges${l.kept ? ' (kept)' : ''}`;
}
