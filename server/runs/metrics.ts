import { and, eq } from 'drizzle-orm';
import { scoreNamedNetwork, type NamedNetworkScores } from '@/compute/metrics';
import type { SquareMatrix } from '@/compute/types';
import type { Database } from '@/db/client';
import { datasets, goldStandards, inferredEdges, runMetrics } from '@/db/schema';
import type { ServiceContext } from '../context';
import { badInput, DomainError } from '../errors';
import { goldStandardProjectId, loadGoldStandardEdges } from '../gold-standards/load';
import { requireProjectRole } from '../projects/access';
import { parseInput } from '../validation';
import { requireRunRole } from './service';
import * as store from './store';
import { compareRunsInput } from './validation';

/** Stored scores, JSON-safe: NaN (e.g. sign accuracy without true positives) is kept as null. */
export type StoredScores = { [K in keyof NamedNetworkScores]: NamedNetworkScores[K] extends number ? number | null : NamedNetworkScores[K] };

export interface RunMetricsRecord extends StoredScores {
  runId: string;
  goldStandardId: string;
  goldStandardName: string;
  computedAt: Date;
}

/** The gold standard must belong to the run's project; anything else is NOT_FOUND on the field. */
async function requireGoldInProject(db: Database, goldStandardId: string, projectId: string): Promise<string> {
  if ((await goldStandardProjectId(db, goldStandardId)) !== projectId) {
    throw new DomainError('NOT_FOUND', 'Gold standard was not found in this project.', { field: 'goldStandardId' });
  }
  const [gold] = await db.select({ name: goldStandards.name }).from(goldStandards).where(eq(goldStandards.id, goldStandardId));
  return gold.name;
}

/**
 * Scores of a finished run against a gold standard of its project, computed on first request and kept
 * (the inputs never change: inferred edges and gold standards are immutable). Null while the run has no result.
 */
export async function getRunMetrics(ctx: ServiceContext, runId: string, goldStandardId: string): Promise<RunMetricsRecord | null> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const goldName = await requireGoldInProject(ctx.db, goldStandardId, projectId);
  const run = await store.findRun(ctx.db, runId);
  if (!run || run.status !== 'succeeded') return null;
  return metricsFor(ctx.db, run, goldStandardId, goldName);
}

async function metricsFor(db: Database, run: store.RunRecord, goldStandardId: string, goldName: string): Promise<RunMetricsRecord> {
  const [kept] = await db
    .select()
    .from(runMetrics)
    .where(and(eq(runMetrics.runId, run.id), eq(runMetrics.goldStandardId, goldStandardId)));
  if (kept) return { ...(kept.metrics as StoredScores), runId: run.id, goldStandardId, goldStandardName: goldName, computedAt: kept.computedAt };

  const scores = await computeScores(db, run, goldStandardId);
  // Two viewers asking at once compute the same numbers; the first one stored wins.
  await db.insert(runMetrics).values({ runId: run.id, goldStandardId, metrics: scores }).onConflictDoNothing();
  const [stored] = await db
    .select({ computedAt: runMetrics.computedAt })
    .from(runMetrics)
    .where(and(eq(runMetrics.runId, run.id), eq(runMetrics.goldStandardId, goldStandardId)));
  return { ...scores, runId: run.id, goldStandardId, goldStandardName: goldName, computedAt: stored.computedAt };
}

async function computeScores(db: Database, run: store.RunRecord, goldStandardId: string): Promise<StoredScores> {
  const [dataset] = await db.select({ genes: datasets.genes }).from(datasets).where(eq(datasets.id, run.datasetId));
  const effects = await loadEffectsMatrix(db, run.id, dataset.genes);
  const gold = await loadGoldStandardEdges(db, goldStandardId);
  let scores: NamedNetworkScores;
  try {
    scores = scoreNamedNetwork(
      effects,
      dataset.genes,
      gold.map((e) => ({ regulator: e.regulator, target: e.target, sign: e.sign })),
    );
  } catch (e) {
    if (e instanceof RangeError && /no edges/.test(e.message)) {
      throw badInput('None of the gold standard’s edges join two genes of this run’s dataset, so there is nothing to score against.', {
        field: 'goldStandardId',
      });
    }
    throw e;
  }
  return JSON.parse(JSON.stringify(scores, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as StoredScores;
}

/** The run's effects matrix over its dataset's genes, rebuilt from the stored nonzero entries. */
export async function loadEffectsMatrix(db: Database, runId: string, genes: readonly string[]): Promise<SquareMatrix> {
  const n = genes.length;
  const index = new Map(genes.map((g, i) => [g, i]));
  const data = new Float64Array(n * n);
  const rows = await db
    .select({ regulator: inferredEdges.regulator, target: inferredEdges.target, effect: inferredEdges.effect })
    .from(inferredEdges)
    .where(eq(inferredEdges.runId, runId));
  for (const r of rows) {
    const i = index.get(r.regulator);
    const j = index.get(r.target);
    if (i !== undefined && j !== undefined) data[i * n + j] = r.effect;
  }
  return { n, data };
}

export async function listStoredMetrics(ctx: ServiceContext, runId: string): Promise<RunMetricsRecord[]> {
  await requireRunRole(ctx, runId, 'viewer');
  const rows = await ctx.db
    .select({ row: runMetrics, goldStandardName: goldStandards.name })
    .from(runMetrics)
    .innerJoin(goldStandards, eq(goldStandards.id, runMetrics.goldStandardId))
    .where(eq(runMetrics.runId, runId));
  return rows.map(({ row, goldStandardName }) => ({
    ...(row.metrics as StoredScores),
    runId,
    goldStandardId: row.goldStandardId,
    goldStandardName,
    computedAt: row.computedAt,
  }));
}

export interface RunComparison {
  goldStandardId: string;
  goldStandardName: string;
  rows: { run: store.RunRecord; metrics: RunMetricsRecord | null; sparsity: number | null }[];
}

/** Several runs of one project side by side against one gold standard (metrics computed where missing). */
export async function compareRuns(ctx: ServiceContext, raw: unknown): Promise<RunComparison> {
  const input = parseInput(compareRunsInput, raw);
  await requireProjectRole(ctx, input.projectId, 'viewer');
  const goldName = await requireGoldInProject(ctx.db, input.goldStandardId, input.projectId);
  const found = new Map((await store.findRuns(ctx.db, input.runIds)).filter((r) => r.projectId === input.projectId).map((r) => [r.id, r]));
  const missing = input.runIds.find((id) => !found.has(id));
  if (missing) throw new DomainError('NOT_FOUND', `Run ${missing} was not found in this project.`, { field: 'runIds' });
  const rows: RunComparison['rows'] = [];
  for (const id of new Set(input.runIds)) {
    const run = found.get(id)!;
    const metrics = run.status === 'succeeded' ? await metricsFor(ctx.db, run, input.goldStandardId, goldName) : null;
    const summary = run.summary as { sparsity?: number } | null;
    rows.push({ run, metrics, sparsity: typeof summary?.sparsity === 'number' ? summary.sparsity : null });
  }
  return { goldStandardId: input.goldStandardId, goldStandardName: goldName, rows };
}
