import { eq } from 'drizzle-orm';
import { toDenseEffects } from '@/compute';
import { scoreNamedNetwork } from '@/compute';
import { datasets, runs } from '@/db/schema';
import type { ServiceContext } from '../context';
import { badInput, DomainError } from '../errors';
import { goldStandardProjectId, loadGoldStandardEdges } from '../gold-standards/load';
import { requireRunRole } from '../runs/service';
import { parseInput } from '../validation';
import * as store from '../run-execution/level-networks-store';
import { levelNetworkInput } from './validation';

export interface RunLevel extends store.LevelRecord {
  /** The level holding the model the run kept. */
  kept: boolean;
}

/** The run's pruning levels with a stored network, oldest first; the kept model's level is marked. */
export async function runLevels(ctx: ServiceContext, runId: string): Promise<RunLevel[]> {
  await requireRunRole(ctx, runId, 'viewer');
  const levels = await store.listLevels(ctx.db, runId);
  const [run] = await ctx.db.select({ summary: runs.summary }).from(runs).where(eq(runs.id, runId));
  const keptEpoch = (run?.summary as { bestEpoch?: number } | null)?.bestEpoch;
  return levels.map((l) => ({ ...l, kept: keptEpoch !== undefined && l.firstEpoch <= keptEpoch && keptEpoch <= l.lastEpoch }));
}

export interface LevelScores {
  goldStandardId: string;
  precision: number;
  recall: number;
  f1: number;
  balancedAccuracy: number;
  auroc: number;
  aupr: number;
  epr: number | null;
  referenceEdges: number;
}

export interface LevelNetwork {
  level: RunLevel;
  edges: { regulator: string; target: string; effect: number; rank: number }[];
  total: number;
  offset: number;
  limit: number;
  scores: LevelScores | null;
}

/**
 * One page of the network of a pruning level's best model, strongest first, with its scores against a
 * gold standard when one is named. Dense scoring costs n² numbers, so it is refused above 6,000 genes.
 */
export async function levelNetwork(ctx: ServiceContext, raw: unknown): Promise<LevelNetwork> {
  const input = parseInput(levelNetworkInput, raw);
  const { projectId } = await requireRunRole(ctx, input.runId, 'viewer');
  if (input.goldStandardId && (await goldStandardProjectId(ctx.db, input.goldStandardId)) !== projectId) {
    throw new DomainError('NOT_FOUND', 'Gold standard was not found in this project.', { field: 'goldStandardId' });
  }
  const [row] = await ctx.db.select({ genes: datasets.genes }).from(runs).innerJoin(datasets, eq(datasets.id, runs.datasetId)).where(eq(runs.id, input.runId));
  const genes = row.genes;
  const levels = await runLevels(ctx, input.runId);
  const level = levels.find((l) => l.level === input.level);
  const loaded = level ? await store.loadLevel(ctx.db, input.runId, input.level, genes.length) : null;
  if (!level || !loaded) throw new DomainError('NOT_FOUND', 'The run has no stored network at this pruning level.', { field: 'level' });
  const { effects } = loaded;
  const order = Array.from(effects.index.keys()).sort((a, b) => Math.abs(effects.value[b]) - Math.abs(effects.value[a]) || effects.index[a] - effects.index[b]);
  const n = genes.length;
  const edges = order.slice(input.offset, input.offset + input.limit).map((k, i) => ({
    regulator: genes[Math.floor(effects.index[k] / n)],
    target: genes[effects.index[k] % n],
    effect: effects.value[k],
    rank: input.offset + i + 1,
  }));
  let scores: LevelScores | null = null;
  if (input.goldStandardId) {
    if (n > 6000) throw badInput('Scoring a level network is limited to datasets of at most 6,000 genes.', { field: 'goldStandardId' });
    const gold = await loadGoldStandardEdges(ctx.db, input.goldStandardId);
    try {
      const s = scoreNamedNetwork(
        toDenseEffects(effects),
        [...genes],
        gold.map((e) => ({ regulator: e.regulator, target: e.target, sign: e.sign })),
      );
      scores = {
        goldStandardId: input.goldStandardId,
        precision: s.precision,
        recall: s.recall,
        f1: s.f1,
        balancedAccuracy: s.balancedAccuracy,
        auroc: s.auroc,
        aupr: s.aupr,
        epr: Number.isFinite(s.epr) ? s.epr : null,
        referenceEdges: s.referenceEdges,
      };
    } catch (e) {
      if (e instanceof RangeError && /no edges/.test(e.message))
        throw badInput('None of the gold standard’s edges join two genes of this run’s dataset.', { field: 'goldStandardId' });
      throw e;
    }
  }
  return { level, edges, total: effects.index.length, offset: input.offset, limit: input.limit, scores };
}
