import { eq } from 'drizzle-orm';
import { toDenseEffects } from '@/compute';
import { scoreNamedNetwork } from '@/compute';
import { datasets, runs } from '@/db/schema';
import type { ServiceContext } from '../context';
import { badInput, DomainError } from '../errors';
import { requireInProject } from '../authz/in-project';
import { loadGoldStandardEdges } from '../gold-standards/load';
import { requireRunRole } from '../runs/service';
import { parseInput } from '../validation';
import * as store from '../run-execution/level-networks-store';
import { levelNetworkInput, levelOnly } from './validation';

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
  if (input.goldStandardId) await requireInProject(ctx, projectId, 'goldStandard', input.goldStandardId);
  const { level, genes, pairs, effects } = await loadOrderedLevel(ctx, input.runId, input.level);
  const n = genes.length;
  const edges = pairs.slice(input.offset, input.offset + input.limit).map((pair, i) => ({
    regulator: genes[Math.floor(pair / n)],
    target: genes[pair % n],
    effect: effects[input.offset + i],
    rank: input.offset + i + 1,
  }));
  let scores: LevelScores | null = null;
  if (input.goldStandardId) {
    if (n > 6000) throw badInput('Scoring a level network is limited to datasets of at most 6,000 genes.', { field: 'goldStandardId' });
    const gold = await loadGoldStandardEdges(ctx.db, input.goldStandardId);
    try {
      const s = scoreNamedNetwork(
        toDenseEffects({ n, index: pairs, value: effects }),
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
  return { level, edges, total: pairs.length, offset: input.offset, limit: input.limit, scores };
}

/** A level's network strongest first: pair j·n + i (regulator j, target i) and effect, rank = position + 1. */
export interface OrderedLevel {
  level: RunLevel;
  genes: string[];
  pairs: number[];
  effects: number[];
}

/**
 * The network of one pruning level, ordered as the level network card and the review queue show it (|effect|
 * descending, ties by pair). Viewers of the run's project; NOT_FOUND (on `level`) for a level with no stored network.
 */
export async function levelEdges(ctx: ServiceContext, runId: string, rawLevel: unknown): Promise<OrderedLevel> {
  await requireRunRole(ctx, runId, 'viewer');
  return loadOrderedLevel(ctx, runId, parseInput(levelOnly, { level: rawLevel }).level);
}

async function loadOrderedLevel(ctx: ServiceContext, runId: string, levelNo: number): Promise<OrderedLevel> {
  const [row] = await ctx.db.select({ genes: datasets.genes }).from(runs).innerJoin(datasets, eq(datasets.id, runs.datasetId)).where(eq(runs.id, runId));
  const genes = row.genes;
  const levels = await runLevels(ctx, runId);
  const level = levels.find((l) => l.level === levelNo);
  const loaded = level ? await store.loadLevel(ctx.db, runId, levelNo, genes.length) : null;
  if (!level || !loaded) throw new DomainError('NOT_FOUND', 'The run has no stored network at this pruning level.', { field: 'level' });
  const { effects } = loaded;
  const order = Array.from(effects.index.keys()).sort((a, b) => Math.abs(effects.value[b]) - Math.abs(effects.value[a]) || effects.index[a] - effects.index[b]);
  return { level, genes, pairs: order.map((k) => effects.index[k]), effects: order.map((k) => effects.value[k]) };
}
