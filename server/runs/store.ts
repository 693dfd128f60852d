import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { datasets, priorNetworks, priorVersions, runEpochs, runs, sweeps, users } from '@/db/schema';
import { isUuid } from '../ids';
import { parseRunCheckpoint, parseRunConfig, parseRunProgress, parseRunSummary, type StoredRunProgress, type StoredRunSummary } from './columns';
import type { RunConfig } from './config';

type Reader = Pick<Database, 'select'>;

/** Every column but the large ones (the model and the checkpoint), which only workers and exports read. */
const { model: _model, checkpoint: _checkpoint, ...listColumns } = getTableColumns(runs);

const runSelection = {
  ...listColumns,
  datasetName: datasets.name,
  datasetGenes: datasets.geneCount,
  priorId: priorVersions.priorId,
  priorName: priorNetworks.name,
  priorVersionNumber: priorVersions.number,
  sweepName: sweeps.name,
  createdByName: users.name,
  /** Measured by the database's clock, the one heartbeats are written with. */
  heartbeatAgeSeconds: sql<number | null>`extract(epoch from (now() - ${runs.heartbeatAt}))::float8`,
};

type RunRow = Omit<typeof runs.$inferSelect, 'model' | 'checkpoint'> & {
  datasetName: string;
  datasetGenes: number;
  priorId: string | null;
  priorName: string | null;
  priorVersionNumber: number | null;
  sweepName: string | null;
  createdByName: string | null;
  heartbeatAgeSeconds: number | null;
};

/** A run as the domain reads it: the row, with its JSONB columns parsed (columns.ts), not cast. */
export type RunRecord = Omit<RunRow, 'config' | 'progress' | 'summary'> & {
  config: RunConfig;
  progress: StoredRunProgress | null;
  summary: StoredRunSummary | null;
};

function toRecord(row: RunRow): RunRecord {
  return {
    ...row,
    config: parseRunConfig(row.config, row.id),
    progress: parseRunProgress(row.progress, row.id),
    summary: parseRunSummary(row.summary, row.id),
  };
}

function selectRuns(db: Reader, where: SQL | undefined) {
  return db
    .select(runSelection)
    .from(runs)
    .innerJoin(datasets, eq(datasets.id, runs.datasetId))
    .leftJoin(priorVersions, eq(priorVersions.id, runs.priorVersionId))
    .leftJoin(priorNetworks, eq(priorNetworks.id, priorVersions.priorId))
    .leftJoin(sweeps, eq(sweeps.id, runs.sweepId))
    .leftJoin(users, eq(users.id, runs.createdBy))
    .where(where);
}

export async function findRun(db: Reader, id: string): Promise<RunRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectRuns(db, eq(runs.id, id));
  return row ? toRecord(row) : null;
}

export async function findRuns(db: Reader, ids: readonly string[]): Promise<RunRecord[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return (await selectRuns(db, inArray(runs.id, valid))).map(toRecord);
}

export async function listProjectRuns(
  db: Reader,
  projectId: string,
  filter: { sweepId?: string | null; status?: RunRecord['status'] | null; limit: number },
): Promise<RunRecord[]> {
  const conditions = [eq(runs.projectId, projectId)];
  if (filter.sweepId) conditions.push(eq(runs.sweepId, filter.sweepId));
  if (filter.status) conditions.push(eq(runs.status, filter.status));
  const rows = await selectRuns(db, and(...conditions))
    .orderBy(desc(runs.createdAt), asc(runs.name), asc(runs.id))
    .limit(filter.limit);
  return rows.map(toRecord);
}

/** The project a run belongs to, or null when there is no such run (ids of any shape). */
export async function runProjectId(db: Reader, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ projectId: runs.projectId }).from(runs).where(eq(runs.id, id));
  return row?.projectId ?? null;
}

export async function listRunEpochs(db: Reader, runId: string) {
  return db
    .select({
      epoch: runEpochs.epoch,
      trainLoss: runEpochs.trainLoss,
      valLoss: runEpochs.valLoss,
      valSe: runEpochs.valSe,
      sparsity: runEpochs.sparsity,
      learningRate: runEpochs.learningRate,
      seconds: runEpochs.seconds,
      pruned: runEpochs.pruned,
    })
    .from(runEpochs)
    .where(eq(runEpochs.runId, runId))
    .orderBy(asc(runEpochs.epoch));
}
export type RunEpochRecord = Awaited<ReturnType<typeof listRunEpochs>>[number];

/** What a worker polls between optimiser steps: whether to stop, and whether the run is still its attempt's. */
export async function findCancelState(db: Reader, runId: string) {
  const [row] = await db.select({ cancelRequested: runs.cancelRequested, attempts: runs.attempts, status: runs.status }).from(runs).where(eq(runs.id, runId));
  return row ?? null;
}

export async function sweepRunIds(db: Reader, sweepId: string): Promise<string[]> {
  const rows = await db.select({ id: runs.id }).from(runs).where(eq(runs.sweepId, sweepId));
  return rows.map((r) => r.id);
}

/** What a worker needs to train a run: where its inputs are, its parsed config and its last checkpoint. */
export async function findRunToTrain(db: Reader, runId: string) {
  const [row] = await db
    .select({ projectId: runs.projectId, datasetId: runs.datasetId, priorVersionId: runs.priorVersionId, config: runs.config, checkpoint: runs.checkpoint })
    .from(runs)
    .where(eq(runs.id, runId));
  if (!row) return null;
  return { ...row, config: parseRunConfig(row.config, runId), checkpoint: parseRunCheckpoint(row.checkpoint, runId) };
}

/** A run's stored training config, parsed (null when there is no such run). */
export async function findRunConfig(db: Reader, runId: string): Promise<RunConfig | null> {
  const [row] = await db.select({ config: runs.config }).from(runs).where(eq(runs.id, runId));
  return row ? parseRunConfig(row.config, runId) : null;
}
