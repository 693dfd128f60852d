import { and, desc, eq, sql } from 'drizzle-orm';
import { scoreNamedNetwork, type NamedNetworkScores, type SquareMatrix } from '@/compute';
import type { Database } from '@/db/client';
import { datasets, goldStandardEdges, goldStandards, inferredEdges, runMetrics } from '@/db/schema';
import { badInput } from '../errors';
import { loadGoldStandardEdges } from '../gold-standards/load';
import type { RunRecord } from './store';

/*
 * Scoring a run's network against a gold standard, without authorisation: the run's services (metrics.ts)
 * authorise and call it, and so does the worker at a run's end (server/run-execution/scores.ts).
 */

/** Stored scores, JSON-safe: NaN (e.g. sign accuracy without true positives) is kept as null. */
export type StoredScores = { [K in keyof NamedNetworkScores]: NamedNetworkScores[K] extends number ? number | null : NamedNetworkScores[K] };

export interface RunMetricsRecord extends StoredScores {
  runId: string;
  goldStandardId: string;
  goldStandardName: string;
  computedAt: Date;
}

/**
 * A run's scores against a gold standard: the kept ones, else computed from its inferred edges and kept
 * (no authorisation: callers have authorised, or are the worker).
 */
export async function metricsFor(db: Database, run: RunRecord, goldStandardId: string, goldName: string): Promise<RunMetricsRecord> {
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

async function computeScores(db: Database, run: RunRecord, goldStandardId: string): Promise<StoredScores> {
  const [dataset] = await db.select({ genes: datasets.genes }).from(datasets).where(eq(datasets.id, run.datasetId));
  const effects = await loadEffectsMatrix(db, run.id, dataset.genes);
  return scoreEffects(db, effects, dataset.genes, goldStandardId);
}

export async function scoreEffects(
  db: Pick<Database, 'select'>,
  effects: SquareMatrix,
  genes: readonly string[],
  goldStandardId: string,
): Promise<StoredScores> {
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
