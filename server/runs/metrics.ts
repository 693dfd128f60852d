import { and, desc, eq, sql } from 'drizzle-orm';
import { scoreNamedNetwork, type NamedNetworkScores, type SquareMatrix } from '@/compute';
import type { Database } from '@/db/client';
import { datasets, goldStandardEdges, goldStandards, inferredEdges, runMetrics, runs } from '@/db/schema';
import type { ServiceContext, Transaction } from '../context';
import type { Logger } from '../log';
import { badInput } from '../errors';
import { loadGoldStandardEdges } from '../gold-standards/load';
import { requireProjectRole, type ProjectScoped } from '../authz/access';
import { requireAllInProject, requireInProject } from '../authz/in-project';
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
async function requireGoldInProject(ctx: ServiceContext, goldStandardId: string, projectId: string): Promise<string> {
  await requireInProject(ctx, projectId, 'goldStandard', goldStandardId);
  const [gold] = await ctx.db.select({ name: goldStandards.name }).from(goldStandards).where(eq(goldStandards.id, goldStandardId));
  return gold.name;
}

/**
 * Scores of a finished run against a gold standard of its project, computed on first request and kept
 * (the inputs never change: inferred edges and gold standards are immutable). Null while the run has no result.
 */
export async function getRunMetrics(ctx: ServiceContext, runId: string, goldStandardId: string): Promise<RunMetricsRecord | null> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const goldName = await requireGoldInProject(ctx, goldStandardId, projectId);
  const run = await store.findRun(ctx.db, runId);
  if (run?.status !== 'succeeded') return null;
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
  return scoreEffects(db, effects, dataset.genes, goldStandardId);
}

async function scoreEffects(db: Pick<Database, 'select'>, effects: SquareMatrix, genes: readonly string[], goldStandardId: string): Promise<StoredScores> {
  const gold = await loadGoldStandardEdges(db, goldStandardId);
  let scores: NamedNetworkScores;
  try {
    scores = scoreNamedNetwork(
      effects,
      [...genes],
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

/** Stored scores of a run, the gold standard that fits it best first (most of its edges within the run's genes). */
export async function listStoredMetrics(ctx: ServiceContext, runId: string): Promise<RunMetricsRecord[]> {
  await requireRunRole(ctx, runId, 'viewer');
  const rows = await ctx.db
    .select({ row: runMetrics, goldStandardName: goldStandards.name })
    .from(runMetrics)
    .innerJoin(goldStandards, eq(goldStandards.id, runMetrics.goldStandardId))
    .where(eq(runMetrics.runId, runId))
    .orderBy(desc(sql`(${runMetrics.metrics}->>'referenceEdges')::int`), desc(goldStandards.createdAt), goldStandards.id);
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
export async function compareRuns(ctx: ServiceContext, raw: ProjectScoped): Promise<RunComparison> {
  await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(compareRunsInput, raw);
  const goldName = await requireGoldInProject(ctx, input.goldStandardId, input.projectId);
  await requireAllInProject(ctx, input.projectId, 'run', input.runIds, 'runIds');
  const found = new Map((await store.findRuns(ctx.db, input.runIds)).map((r) => [r.id, r]));
  const rows: RunComparison['rows'] = [];
  for (const id of new Set(input.runIds)) {
    const run = found.get(id)!;
    const metrics = run.status === 'succeeded' ? await metricsFor(ctx.db, run, input.goldStandardId, goldName) : null;
    rows.push({ run, metrics, sparsity: run.summary?.sparsity ?? null });
  }
  return { goldStandardId: input.goldStandardId, goldStandardName: goldName, rows };
}

export interface GoldStandardFit {
  goldStandardId: string;
  goldStandardName: string;
  /** Edges of the gold standard that join two genes of the dataset: what a run on it can be scored on. */
  sharedEdges: number;
}

/**
 * The project's gold standards that share edges with a dataset's genes, the best fit first (most shared
 * edges; the newest on a tie). One sharing no edge cannot score a run, so it is not listed.
 */
export async function goldStandardFits(db: Pick<Database, 'select'>, projectId: string, datasetId: string): Promise<GoldStandardFit[]> {
  const genes = sql`(select jsonb_array_elements_text(${datasets.genes}) from ${datasets} where ${datasets.id} = ${datasetId})`;
  const shared = sql<number>`count(*)::int`;
  const rows = await db
    .select({ goldStandardId: goldStandards.id, goldStandardName: goldStandards.name, sharedEdges: shared })
    .from(goldStandards)
    .innerJoin(goldStandardEdges, eq(goldStandardEdges.goldStandardId, goldStandards.id))
    .where(and(eq(goldStandards.projectId, projectId), sql`${goldStandardEdges.regulator} in ${genes}`, sql`${goldStandardEdges.target} in ${genes}`))
    .groupBy(goldStandards.id, goldStandards.name, goldStandards.createdAt)
    .orderBy(desc(shared), desc(goldStandards.createdAt), goldStandards.id);
  return rows.map((r) => ({ ...r, sharedEdges: Number(r.sharedEdges) }));
}

export async function runGoldStandardFits(ctx: ServiceContext, runId: string): Promise<GoldStandardFit[]> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const run = await store.findRun(ctx.db, runId);
  return run ? goldStandardFits(ctx.db, projectId, run.datasetId) : [];
}

/**
 * Scores a run that just finished against every gold standard of its project that shares edges with its
 * genes, from the effects still in memory, so the scores are stored in the same transaction that marks
 * the run succeeded (the worker calls it; no authorisation).
 */
export async function scoresAtRunEnd(
  db: Pick<Database, 'select'>,
  run: { projectId: string; datasetId: string },
  effects: SquareMatrix,
  genes: readonly string[],
): Promise<{ goldStandardId: string; metrics: StoredScores }[]> {
  const fits = await goldStandardFits(db, run.projectId, run.datasetId);
  const out: { goldStandardId: string; metrics: StoredScores }[] = [];
  for (const fit of fits) out.push({ goldStandardId: fit.goldStandardId, metrics: await scoreEffects(db, effects, genes, fit.goldStandardId) });
  return out;
}

export async function storeScores(tx: Transaction, runId: string, scores: { goldStandardId: string; metrics: StoredScores }[]): Promise<void> {
  if (scores.length)
    await tx
      .insert(runMetrics)
      .values(scores.map((s) => ({ runId, goldStandardId: s.goldStandardId, metrics: s.metrics })))
      .onConflictDoNothing();
}

/**
 * Scores every finished run of the gold standard's project that shares edges with it and has no scores
 * against it yet: the worker's job after a gold standard is imported (no authorisation). Returns how many
 * runs it scored.
 */
export async function scoreFinishedRunsAgainst(db: Database, goldStandardId: string, log?: Logger): Promise<number> {
  const [gold] = await db
    .select({ projectId: goldStandards.projectId, name: goldStandards.name })
    .from(goldStandards)
    .where(eq(goldStandards.id, goldStandardId));
  if (!gold) return 0; // deleted before the job ran
  const pending = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.projectId, gold.projectId),
        eq(runs.status, 'succeeded'),
        sql`not exists (select 1 from ${runMetrics} m where m.run_id = ${runs.id} and m.gold_standard_id = ${goldStandardId})`,
      ),
    );
  const fitsByDataset = new Map<string, boolean>();
  let scored = 0;
  for (const { id } of pending) {
    const run = await store.findRun(db, id);
    if (!run) continue;
    if (!fitsByDataset.has(run.datasetId)) {
      const fits = await goldStandardFits(db, gold.projectId, run.datasetId);
      fitsByDataset.set(
        run.datasetId,
        fits.some((f) => f.goldStandardId === goldStandardId),
      );
    }
    if (!fitsByDataset.get(run.datasetId)) continue;
    await metricsFor(db, run, goldStandardId, gold.name);
    scored += 1;
  }
  log?.info('scored finished runs against a new gold standard', { goldStandardId, runs: scored });
  return scored;
}
