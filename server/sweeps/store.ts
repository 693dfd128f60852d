import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { runs, sweeps, users } from '@/db/schema';
import { isUuid } from '../ids';

type Reader = Pick<Database, 'select'>;

/** A group of runs as stored: its launch settings (config) kept as given, read by describe.ts. */
export interface SweepRow {
  id: string;
  projectId: string;
  name: string;
  config: unknown;
  createdAt: Date;
  createdByName: string | null;
  runCount: number;
}

const columns = {
  id: sweeps.id,
  projectId: sweeps.projectId,
  name: sweeps.name,
  config: sweeps.config,
  createdAt: sweeps.createdAt,
  createdByName: users.name,
  runCount: sql<number>`(select count(*)::int from ${runs} where ${runs.sweepId} = ${sweeps.id})`,
};

export async function findSweep(db: Reader, id: string): Promise<SweepRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(columns).from(sweeps).leftJoin(users, eq(users.id, sweeps.createdBy)).where(eq(sweeps.id, id));
  return row ?? null;
}

/** The project's groups, newest first (ties by id, so pages never overlap). */
export async function listProjectSweeps(db: Reader, projectId: string, page: { limit: number; offset: number }): Promise<SweepRow[]> {
  return db
    .select(columns)
    .from(sweeps)
    .leftJoin(users, eq(users.id, sweeps.createdBy))
    .where(eq(sweeps.projectId, projectId))
    .orderBy(desc(sweeps.createdAt), asc(sweeps.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countProjectSweeps(db: Reader, projectId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sweeps).where(eq(sweeps.projectId, projectId));
  return Number(row?.n ?? 0);
}

/** How many of the group's runs are in each status. */
export async function statusCounts(db: Reader, sweepId: string): Promise<{ status: (typeof runs.$inferSelect)['status']; count: number }[]> {
  const rows = await db.select({ status: runs.status, n: count() }).from(runs).where(eq(runs.sweepId, sweepId)).groupBy(runs.status).orderBy(asc(runs.status));
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

/** The ids of the runs of each group named, by group. */
export async function runIdsBySweep(db: Reader, sweepIds: readonly string[]): Promise<Map<string, string[]>> {
  const bySweep = new Map<string, string[]>(sweepIds.map((id) => [id, []]));
  if (!sweepIds.length) return bySweep;
  const rows = await db
    .select({ id: runs.id, sweepId: runs.sweepId })
    .from(runs)
    .where(inArray(runs.sweepId, [...sweepIds]));
  for (const r of rows) if (r.sweepId) bySweep.get(r.sweepId)?.push(r.id);
  return bySweep;
}
