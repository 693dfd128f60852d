/** The runs list with the runs of one group (a sweep or replicate group) together (runs-view.tsx). */
export interface GroupableRun {
  id: string;
  status: string;
  sweepId: string | null;
  sweepName: string | null;
}

export type RunListEntry<R extends GroupableRun> =
  | { kind: 'run'; run: R }
  | { kind: 'group'; id: string; name: string; runs: R[]; statusCounts: { status: string; count: number }[] };

const STATUS_ORDER = ['running', 'queued', 'succeeded', 'failed', 'cancelled'];

/**
 * Runs in their order (newest first), each group's runs gathered where its first run stands, so a
 * group sits among the runs launched about when it was. Runs of no group stay single.
 */
export function groupRuns<R extends GroupableRun>(runs: readonly R[]): RunListEntry<R>[] {
  const entries: RunListEntry<R>[] = [];
  const groups = new Map<string, Extract<RunListEntry<R>, { kind: 'group' }>>();
  for (const run of runs) {
    if (!run.sweepId) {
      entries.push({ kind: 'run', run });
      continue;
    }
    let group = groups.get(run.sweepId);
    if (!group) {
      group = { kind: 'group', id: run.sweepId, name: run.sweepName ?? 'Group of runs', runs: [], statusCounts: [] };
      groups.set(run.sweepId, group);
      entries.push(group);
    }
    group.runs.push(run);
  }
  for (const group of groups.values()) group.statusCounts = statusCounts(group.runs);
  return entries;
}

/** How many runs are in each status, active ones first, statuses with none left out. */
export function statusCounts(runs: readonly { status: string }[]): { status: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts.entries()].map(([status, count]) => ({ status, count })).sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

export const statusSummary = (counts: readonly { status: string; count: number }[]): string => counts.map((c) => `${c.count} ${c.status}`).join(' · ');
