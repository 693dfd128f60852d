import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { datasets, goldStandards, priorNetworks, priorVersions, syntheticBenchmarks, users } from '@/db/schema';
import type { Transaction } from '../context';
import { isUuid } from '../ids';

/** Reading and writing synthetic benchmark records; no authorisation here (see service.ts). */

export type BenchmarkStatus = (typeof syntheticBenchmarks.$inferSelect)['status'];

export interface BenchmarkProgress {
  phase: 'queued' | 'simulating' | 'saving' | 'done' | 'failed';
  trajectoriesDone: number;
  trajectories: number;
}

export type BenchmarkRecord = typeof syntheticBenchmarks.$inferSelect & {
  progress: BenchmarkProgress | null;
  createdByName: string | null;
  priorId: string | null;
  priorName: string | null;
  priorVersionNumber: number | null;
  datasetName: string | null;
  goldStandardName: string | null;
};

type Reader = Pick<Database, 'select'>;

const creator = alias(users, 'creator');

function query(db: Reader) {
  return db
    .select({
      benchmark: syntheticBenchmarks,
      createdByName: creator.name,
      priorId: priorNetworks.id,
      priorName: priorNetworks.name,
      priorVersionNumber: priorVersions.number,
      datasetName: datasets.name,
      goldStandardName: goldStandards.name,
    })
    .from(syntheticBenchmarks)
    .leftJoin(creator, eq(creator.id, syntheticBenchmarks.createdBy))
    .leftJoin(priorVersions, eq(priorVersions.id, syntheticBenchmarks.priorVersionId))
    .leftJoin(priorNetworks, eq(priorNetworks.id, priorVersions.priorId))
    .leftJoin(datasets, eq(datasets.id, syntheticBenchmarks.datasetId))
    .leftJoin(goldStandards, eq(goldStandards.id, syntheticBenchmarks.goldStandardId));
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['where']>>[number];

const toRecord = ({ benchmark, ...rest }: Row): BenchmarkRecord => ({
  ...benchmark,
  progress: benchmark.progress as BenchmarkProgress | null,
  ...rest,
});

export async function findBenchmark(db: Reader, id: string): Promise<BenchmarkRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await query(db).where(eq(syntheticBenchmarks.id, id));
  return row ? toRecord(row) : null;
}

export async function benchmarkProjectId(db: Reader, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ projectId: syntheticBenchmarks.projectId }).from(syntheticBenchmarks).where(eq(syntheticBenchmarks.id, id));
  return row?.projectId ?? null;
}

/** A project's benchmarks, newest first, one page of them (paged in SQL). */
export async function listProjectBenchmarks(db: Reader, projectId: string, page: { limit: number; offset: number }): Promise<BenchmarkRecord[]> {
  const rows = await query(db)
    .where(eq(syntheticBenchmarks.projectId, projectId))
    .orderBy(desc(syntheticBenchmarks.createdAt), desc(syntheticBenchmarks.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map(toRecord);
}

export type NewBenchmark = Pick<
  typeof syntheticBenchmarks.$inferInsert,
  'projectId' | 'name' | 'priorVersionId' | 'trajectories' | 'timePoints' | 'noise' | 'seed' | 'createdBy'
>;

export async function insertBenchmark(tx: Transaction, values: NewBenchmark): Promise<string> {
  const progress: BenchmarkProgress = { phase: 'queued', trajectoriesDone: 0, trajectories: values.trajectories };
  const [row] = await tx
    .insert(syntheticBenchmarks)
    .values({ ...values, progress })
    .returning({ id: syntheticBenchmarks.id });
  return row.id;
}

export async function setBenchmarkJob(tx: Transaction, id: string, jobId: string): Promise<void> {
  await tx.update(syntheticBenchmarks).set({ jobId }).where(eq(syntheticBenchmarks.id, id));
}

/** Only this attempt's writes land: a worker that lost the job to another writes nothing more. */
export const attemptFence = (id: string, attempt: number): SQL =>
  and(eq(syntheticBenchmarks.id, id), eq(syntheticBenchmarks.attempts, attempt), eq(syntheticBenchmarks.status, 'running')) as SQL;

/**
 * Takes a queued benchmark, or a running one whose job came back (its worker died: pg-boss retried it
 * after the lease lapsed). Returns the attempt number that fences every later write, or null when the
 * benchmark is gone or already finished.
 */
export async function claimBenchmark(db: Database, id: string, jobId: string): Promise<{ attempt: number; record: BenchmarkRecord } | null> {
  const [claimed] = await db
    .update(syntheticBenchmarks)
    .set({
      status: 'running',
      attempts: sql`${syntheticBenchmarks.attempts} + 1`,
      startedAt: sql`coalesce(${syntheticBenchmarks.startedAt}, now())`,
      jobId,
      error: null,
    })
    .where(and(eq(syntheticBenchmarks.id, id), sql`${syntheticBenchmarks.status} IN ('queued', 'running')`))
    .returning({ attempts: syntheticBenchmarks.attempts });
  if (!claimed) return null;
  const record = await findBenchmark(db, id);
  return record ? { attempt: claimed.attempts, record } : null;
}

export async function writeProgress(db: Pick<Database, 'update'>, fence: SQL, progress: BenchmarkProgress): Promise<boolean> {
  const rows = await db.update(syntheticBenchmarks).set({ progress }).where(fence).returning({ id: syntheticBenchmarks.id });
  return rows.length === 1;
}

/** Links the stored dataset and gold standard; false when the attempt no longer holds the benchmark. */
export async function completeBenchmark(
  tx: Transaction,
  fence: SQL,
  done: { datasetId: string; goldStandardId: string; geneCount: number; edgeCount: number; progress: BenchmarkProgress },
): Promise<boolean> {
  const rows = await tx
    .update(syntheticBenchmarks)
    .set({ ...done, status: 'succeeded', finishedAt: sql`now()` })
    .where(fence)
    .returning({ id: syntheticBenchmarks.id });
  return rows.length === 1;
}

/** Marks a queued or running benchmark failed (by its attempt's fence, or any attempt when fence is null). */
export async function failBenchmark(db: Pick<Database, 'update'>, id: string, fence: SQL | null, reason: string): Promise<void> {
  await db
    .update(syntheticBenchmarks)
    .set({
      status: 'failed',
      error: reason,
      finishedAt: sql`now()`,
      progress: sql`coalesce(${syntheticBenchmarks.progress}, '{}'::jsonb) || ${JSON.stringify({ phase: 'failed' })}::jsonb`,
    })
    .where(fence ?? and(eq(syntheticBenchmarks.id, id), sql`${syntheticBenchmarks.status} IN ('queued', 'running')`));
}
