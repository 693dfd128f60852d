import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { requireProjectRole, requireRoleForObject } from '../authz/access';
import { pageLimits, readPage, type PageArgs } from '../paging';
import type { SweepRecord } from '../runs/service';
import { findRuns, type RunRecord } from '../runs/store';
import { describeSweep, type SweepDescription } from './describe';
import * as store from './store';

/** A group of runs (a λ/strategy sweep or a replicate group) with what it is; `runs` as the Sweep type has them. */
export interface SweepGroup extends SweepRecord, SweepDescription {
  projectId: string;
  createdAt: Date;
  createdByName: string | null;
  runCount: number;
}

// Runs of one group are inserted in one transaction (one createdAt): their names (which carry λ or the seed) order them.
const byName = (a: RunRecord, b: RunRecord) => a.name.localeCompare(b.name, 'en', { numeric: true }) || a.id.localeCompare(b.id);

/** The groups with their runs: two queries for any number of groups (a group holds ≤ 64 runs, the sweep cap). */
async function groupsOf(ctx: ServiceContext, rows: store.SweepRow[]): Promise<SweepGroup[]> {
  const ids = await store.runIdsBySweep(
    ctx.db,
    rows.map((r) => r.id),
  );
  const found = new Map((await findRuns(ctx.db, [...ids.values()].flat())).map((r) => [r.id, r]));
  return rows.map((row) => {
    const runs = (ids.get(row.id) ?? []).flatMap((id) => found.get(id) ?? []).sort(byName);
    return { ...row, ...describeSweep(row.config, row.runCount), runs };
  });
}

/** One group, for viewers of its project; a missing group and another project's answer the same NOT_FOUND. */
export async function getSweep(ctx: ServiceContext, id: string): Promise<SweepGroup> {
  const row = await store.findSweep(ctx.db, id);
  await requireRoleForObject(ctx, 'Group of runs', row?.projectId, 'viewer');
  if (!row) throw notFound('Group of runs');
  const [group] = await groupsOf(ctx, [row]);
  return group;
}

/** The project's groups, newest first, one page. */
export async function projectSweeps(ctx: ServiceContext, projectId: string, args: PageArgs): Promise<SweepGroup[]> {
  await requireProjectRole(ctx, projectId, 'viewer');
  const page = readPage(args, pageLimits.sweeps);
  return groupsOf(ctx, await store.listProjectSweeps(ctx.db, projectId, page));
}

/**
 * The group's description for a Sweep made elsewhere (a launch mutation returns {id, name, runs}),
 * read once per object. The object was authorised where it was made.
 */
const loaded = new WeakMap<object, Promise<SweepGroup>>();
export function groupDetails(ctx: ServiceContext, s: SweepRecord | SweepGroup): Promise<SweepGroup> {
  if ('kind' in s) return Promise.resolve(s);
  let p = loaded.get(s);
  if (!p) {
    p = store.findSweep(ctx.db, s.id).then((row) => {
      if (!row) throw notFound('Group of runs');
      return { ...row, ...describeSweep(row.config, row.runCount), runs: s.runs };
    });
    loaded.set(s, p);
  }
  return p;
}

export function statusCounts(ctx: ServiceContext, s: SweepRecord) {
  return store.statusCounts(ctx.db, s.id);
}
