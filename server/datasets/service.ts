import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { extent } from '@/compute';
import type { Database } from '@/db/client';
import { datasets, datasetTrajectories, runs, users } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { ServiceContext } from '../context';
import { isForeignKeyViolation } from '../db-errors';
import { badInput, conflict, notFound } from '../errors';
import { isUuid } from '../ids';
import { requireProjectRole, requireRoleForObject, type ProjectRole } from '../authz/access';
import { parseInput } from '../validation';
import { parseUpload } from '../uploads/parse-off-thread';
import { listSome } from './parse';
import { insertDataset } from './store';
import { geneSearchInput, trajectoryPreviewInput, uploadDatasetInput, type DatasetFormat, type UploadDatasetInput } from './validation';

export type DatasetRecord = typeof datasets.$inferSelect & {
  format: DatasetFormat;
  createdByName: string | null;
  testTrajectoryCount: number;
};

const testCount = sql<number>`(select count(*)::int from ${datasetTrajectories} dt where dt.dataset_id = ${datasets.id} and dt.role = 'test')`;

const datasetSelection = { dataset: datasets, createdByName: users.name, testTrajectoryCount: testCount };

function toRecord(row: { dataset: typeof datasets.$inferSelect; createdByName: string | null; testTrajectoryCount: number }): DatasetRecord {
  return {
    ...row.dataset,
    format: row.dataset.sourceFormat as DatasetFormat,
    createdByName: row.createdByName,
    testTrajectoryCount: Number(row.testTrajectoryCount),
  };
}

/** The project a dataset belongs to, or null when there is no such dataset (ids of any shape). */
export async function datasetProjectId(db: Database, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ projectId: datasets.projectId }).from(datasets).where(eq(datasets.id, id));
  return row?.projectId ?? null;
}

/** Authorises access to a dataset by its id; unknown ids and other projects' ids answer the same NOT_FOUND. */
export async function requireDatasetRole(ctx: ServiceContext, id: string, needed: ProjectRole) {
  const projectId = await datasetProjectId(ctx.db, id);
  const access = await requireRoleForObject(ctx, 'Dataset', projectId, needed);
  return { ...access, projectId: projectId! };
}

async function fetchDataset(db: Database, id: string): Promise<DatasetRecord> {
  const [row] = await db.select(datasetSelection).from(datasets).leftJoin(users, eq(users.id, datasets.createdBy)).where(eq(datasets.id, id));
  if (!row) throw notFound('Dataset');
  return toRecord(row);
}

/** Parses every file first, then stores the dataset and all its trajectories in one transaction. */
export async function uploadDataset(ctx: ServiceContext, input: UploadDatasetInput): Promise<DatasetRecord> {
  const { viewer } = await requireProjectRole(ctx, input.projectId, 'editor');
  const v = parseInput(uploadDatasetInput, input);
  const { format, data, genes, pseudotime, testData, testPseudotime } = v;
  const files = { format, data, genes, pseudotime, testData, testPseudotime };
  const parsed = await parseUpload({ kind: 'dataset', files, testLastTrajectories: v.testLastTrajectories });
  const trajectories = parsed.trajectories;
  const id = await ctx.db.transaction(async (tx) => {
    const datasetId = await insertDataset(tx, {
      projectId: v.projectId,
      name: v.name,
      description: v.description,
      sourceFormat: v.format,
      genes: parsed.genes,
      isSynthetic: v.isSynthetic,
      createdBy: viewer.userId,
      trajectories,
    });
    await recordAudit(tx, {
      projectId: v.projectId,
      actorId: viewer.userId,
      action: 'dataset.upload',
      objectType: 'dataset',
      objectId: datasetId,
      details: {
        name: v.name,
        format: v.format,
        genes: parsed.genes.length,
        trainTrajectories: parsed.trainCount,
        testTrajectories: parsed.testCount,
      },
    });
    return datasetId;
  });
  return fetchDataset(ctx.db, id);
}

export async function listDatasets(ctx: ServiceContext, projectId: string): Promise<DatasetRecord[]> {
  await requireProjectRole(ctx, projectId, 'viewer');
  const rows = await ctx.db
    .select(datasetSelection)
    .from(datasets)
    .leftJoin(users, eq(users.id, datasets.createdBy))
    .where(eq(datasets.projectId, projectId))
    .orderBy(desc(datasets.createdAt), desc(datasets.id));
  return rows.map(toRecord);
}

export async function getDataset(ctx: ServiceContext, id: string): Promise<DatasetRecord> {
  await requireDatasetRole(ctx, id, 'viewer');
  return fetchDataset(ctx.db, id);
}

/** Runs keep their dataset (the foreign key restricts), so a dataset in use cannot be deleted. */
export async function deleteDataset(ctx: ServiceContext, id: string): Promise<boolean> {
  const { viewer, projectId } = await requireDatasetRole(ctx, id, 'editor');
  const inUse = () => conflict('Runs use this dataset; delete those runs first.', { field: 'id' });
  try {
    await ctx.db.transaction(async (tx) => {
      const [dataset] = await tx.select({ name: datasets.name }).from(datasets).where(eq(datasets.id, id)).for('update');
      if (!dataset) throw notFound('Dataset');
      const [used] = await tx.select({ n: count() }).from(runs).where(eq(runs.datasetId, id));
      if (used.n > 0) throw inUse();
      await tx.delete(datasets).where(eq(datasets.id, id));
      await recordAudit(tx, {
        projectId,
        actorId: viewer.userId,
        action: 'dataset.delete',
        objectType: 'dataset',
        objectId: id,
        details: { name: dataset.name },
      });
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw inUse();
    throw e;
  }
  return true;
}

export async function countDatasetRuns(db: Database, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(runs).where(eq(runs.datasetId, id));
  return row.n;
}

export interface TrajectorySummary {
  index: number;
  role: string;
  timeCount: number;
  tStart: number;
  tEnd: number;
}

export async function listTrajectories(db: Database, datasetId: string): Promise<TrajectorySummary[]> {
  const rows = await db
    .select({
      index: datasetTrajectories.index,
      role: datasetTrajectories.role,
      timeCount: sql<number>`jsonb_array_length(${datasetTrajectories.times})::int`,
      tStart: sql<number>`(${datasetTrajectories.times}->>0)::float8`,
      tEnd: sql<number>`(${datasetTrajectories.times}->>-1)::float8`,
    })
    .from(datasetTrajectories)
    .where(eq(datasetTrajectories.datasetId, datasetId))
    .orderBy(asc(datasetTrajectories.index));
  return rows.map((r) => ({ ...r, timeCount: Number(r.timeCount), tStart: Number(r.tStart), tEnd: Number(r.tEnd) }));
}

/** Gene names in column order, optionally filtered by a case-insensitive substring (the caller pages them). */
export function searchGenes(dataset: Pick<DatasetRecord, 'genes'>, search?: string | null): string[] {
  const v = parseInput(geneSearchInput, { search });
  const needle = v.search?.toLowerCase();
  return needle ? dataset.genes.filter((g) => g.toLowerCase().includes(needle)) : dataset.genes;
}

/**
 * Genes that change most along the first trajectory (largest max − min), for a preview that shows
 * dynamics rather than constant inputs. Reads one trajectory row only.
 */
export async function mostVariableGenes(db: Database, dataset: Pick<DatasetRecord, 'id' | 'genes'>, limit: number): Promise<string[]> {
  const count = Math.max(1, Math.min(limit, 50));
  const [row] = await db
    .select({ values: datasetTrajectories.values })
    .from(datasetTrajectories)
    .where(eq(datasetTrajectories.datasetId, dataset.id))
    .orderBy(asc(datasetTrajectories.index))
    .limit(1);
  if (!row) return dataset.genes.slice(0, count);
  const range = dataset.genes.map((_, g) => {
    const observed = row.values.map((step) => step[g]).filter((v): v is number => v !== null);
    if (observed.length === 0) return 0;
    const [lo, hi] = extent(observed);
    return hi - lo;
  });
  return dataset.genes
    .map((gene, g) => ({ gene, g, range: range[g] }))
    .sort((a, b) => b.range - a.range || a.g - b.g)
    .slice(0, count)
    .map((x) => x.gene);
}

export interface TrajectorySeries {
  trajectory: number;
  role: string;
  gene: string;
  times: number[];
  values: (number | null)[];
}

/**
 * Values of a few genes across a few trajectories for a plot. Only the chosen gene columns leave the
 * database, so previews of wide datasets stay small.
 */
export async function trajectoryPreview(ctx: ServiceContext, datasetId: string, genes: string[], trajectories: number[]): Promise<TrajectorySeries[]> {
  await requireDatasetRole(ctx, datasetId, 'viewer');
  const v = parseInput(trajectoryPreviewInput, { genes, trajectories });
  const dataset = await fetchDataset(ctx.db, datasetId);
  const position = new Map(dataset.genes.map((g, i) => [g, i]));
  const unknown = v.genes.filter((g) => !position.has(g));
  if (unknown.length) throw badInput(`The dataset has no gene ${listSome(unknown)}.`, { field: 'genes' });
  const outside = v.trajectories.filter((t) => t >= dataset.trajectoryCount);
  if (outside.length) {
    throw badInput(`The dataset has trajectories 0 to ${dataset.trajectoryCount - 1}; there is no ${listSome(outside.map(String))}.`, {
      field: 'trajectories',
    });
  }
  const geneIndexes = v.genes.map((g) => position.get(g)!);
  const rows = await ctx.db
    .select({
      index: datasetTrajectories.index,
      role: datasetTrajectories.role,
      times: datasetTrajectories.times,
      picked: sql<(number | null)[][] | null>`(
        select jsonb_agg(
          (select jsonb_agg(step.v -> g.i order by g.k) from unnest(${`{${geneIndexes.join(',')}}`}::int[]) with ordinality as g(i, k))
          order by step.k)
        from jsonb_array_elements(${datasetTrajectories.values}) with ordinality as step(v, k))`,
    })
    .from(datasetTrajectories)
    .where(and(eq(datasetTrajectories.datasetId, datasetId), sql`${datasetTrajectories.index} = any(${`{${v.trajectories.join(',')}}`}::int[])`));
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const series: TrajectorySeries[] = [];
  for (const t of new Set(v.trajectories)) {
    const row = byIndex.get(t);
    if (!row) continue;
    v.genes.forEach((gene, gi) => {
      series.push({ trajectory: t, role: row.role, gene, times: row.times, values: (row.picked ?? []).map((step) => step[gi] ?? null) });
    });
  }
  return series;
}
