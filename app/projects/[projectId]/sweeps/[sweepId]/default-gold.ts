/**
 * The gold standard a group's page scores against by default: the one most of its finished runs fit best
 * (each run lists its best fit first), else the project's first. A gold standard sharing no edge with a
 * run is never its best fit, so this avoids scoring against an unrelated one.
 */
export function defaultGoldStandard(
  runs: readonly { storedMetrics: readonly { goldStandardId: string }[] }[],
  golds: readonly { id: string }[],
): string | null {
  const votes = new Map<string, number>();
  for (const r of runs) {
    const best = r.storedMetrics[0]?.goldStandardId;
    if (best) votes.set(best, (votes.get(best) ?? 0) + 1);
  }
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1] || golds.findIndex((g) => g.id === a[0]) - golds.findIndex((g) => g.id === b[0]))[0];
  return top?.[0] ?? golds[0]?.id ?? null;
}
