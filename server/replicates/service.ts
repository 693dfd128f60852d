import { edgeAgreement, reviewLists, scoreReviewLists, type ListScores, type ReviewListOptions, type ReviewLists, type SparseEffects } from '@/compute';
import type { ServiceContext } from '../context';
import { badInput } from '../errors';
import { requireProjectRole } from '../authz/access';
import { requireInProject } from '../authz/in-project';
import { statusesOf } from '../reviews/queue';
import type { EdgeStatus } from '../reviews/status';
import { parseInput } from '../validation';
import { datasetScreen } from './screen';
import * as store from './store';
import { listPage, replicateAnalysisInput, type ReplicateAnalysisInput } from './validation';

export interface AnalysedEdge {
  regulator: string;
  target: string;
  confidence: number;
  survival: number;
  meanRank: number;
  meanEffect: number;
  reviewStatus: EdgeStatus;
}

export interface UnsupportedEdgeItem extends AnalysedEdge {
  priorSign: number;
  signDisagreement: number;
  flagged: boolean;
}

export interface CandidateEdgeItem extends AnalysedEdge {
  sign: number;
  accepted: boolean;
}

export interface ConsensusEdgeItem {
  regulator: string;
  target: string;
  sign: number;
  fromPrior: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface ReplicateAnalysis {
  runId: string;
  projectId: string;
  replicates: store.ReplicateRun[];
  options: ReviewListOptions;
  priorEdgeCount: number;
  flaggedCount: number;
  acceptedCount: number;
  scores: ListScores | null;
  /** The whole lists, for the page fields (unsupportedPage, candidatePage, consensusPage). */
  lists: ReviewLists;
  priorPairs: Set<number>;
  genes: string[];
}

/**
 * The replicate analysis of a run (compute/analysis/review-lists.ts): its replicates' agreement, the
 * prior edges the data does not support, the candidates the prior lacks and the consensus network;
 * with a gold standard, how these and the prior alone score. Computed on request from the stored
 * networks (a few replicates of a pruned network are tens of thousands of rows); the lists are served
 * a page at a time by the functions below.
 */
export async function replicateAnalysis(ctx: ServiceContext, raw: ReplicateAnalysisInput): Promise<ReplicateAnalysis> {
  await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(replicateAnalysisInput, raw);
  await requireInProject(ctx, input.projectId, 'run', input.runId);
  if (input.goldStandardId) await requireInProject(ctx, input.projectId, 'goldStandard', input.goldStandardId);
  const run = (await store.runBasics(ctx.db, input.runId))!; // in the project: runs go only with their project
  if (!run.priorVersionId) throw badInput('The run used no prior, so there is nothing to compare its replicates with.', { field: 'runId' });
  if (run.priorCorruption > 0) {
    // Each seed corrupts the prior its own way, so no one prior is what the replicates were given.
    throw badInput(
      'The run corrupted its prior before training (a different corruption per seed), so its replicates cannot be compared with one prior. Upload the corrupted prior as a version instead.',
      { field: 'runId' },
    );
  }
  if (run.status !== 'succeeded') throw badInput('The run has not finished; its replicates are compared once it has.', { field: 'runId' });
  const replicates = await store.replicateRuns(ctx.db, input.runId);
  if (replicates.length < 2) {
    throw badInput(
      'This run has no finished replicate yet: launch a replicate group (the same configuration with other seeds) and wait for two of its runs to finish.',
      { field: 'runId' },
    );
  }
  const genes = run.genes;
  const n = genes.length;
  const geneIndex = new Map(genes.map((g, i) => [g, i]));
  const toSparse = (edges: store.NamedValue[], keepZero: boolean): SparseEffects => {
    const pairs = new Map<number, number>();
    for (const e of edges) {
      const j = geneIndex.get(e.regulator);
      const i = geneIndex.get(e.target);
      if (j !== undefined && i !== undefined && (keepZero || e.value !== 0)) pairs.set(j * n + i, e.value);
    }
    const index = [...pairs.keys()].sort((a, b) => a - b);
    return { n, index, value: index.map((k) => pairs.get(k)!) };
  };
  const effects = await store.runEffects(
    ctx.db,
    replicates.map((r) => r.id),
  );
  const networks = replicates.map((r) => toSparse(effects.get(r.id)!, false));
  // Unknown-sign prior edges are stored with sign 0 and still count as edges.
  const prior = toSparse(await store.priorVersionEdges(ctx.db, run.priorVersionId), true);
  const options: ReviewListOptions = { flagAt: input.flagAt, acceptAt: input.acceptAt };
  const screen = await datasetScreen(ctx.db, run.datasetId, run.priorVersionId, prior, run.noiseStd);
  const lists = reviewLists(networks, edgeAgreement(networks), prior, screen, options);
  const scores = input.goldStandardId ? scoreGold(lists, prior, toSparse(await store.goldStandardEdges(ctx.db, input.goldStandardId), true)) : null;
  return {
    runId: input.runId,
    projectId: input.projectId,
    replicates,
    options,
    priorEdgeCount: prior.index.length,
    flaggedCount: lists.flaggedCount,
    acceptedCount: lists.acceptedCount,
    scores,
    lists,
    priorPairs: new Set(prior.index),
    genes,
  };
}

const pairName = (a: ReplicateAnalysis, index: number) => ({ regulator: a.genes[Math.floor(index / a.genes.length)], target: a.genes[index % a.genes.length] });

async function withStatuses<E extends { index: number; confidence: number; survival: number; meanRank: number; meanEffect: number }>(
  ctx: ServiceContext,
  a: ReplicateAnalysis,
  edges: E[],
): Promise<(AnalysedEdge & { source: E })[]> {
  const named = edges.map((e) => ({ e, pair: pairName(a, e.index) }));
  const statuses = await statusesOf(
    ctx.db,
    a.projectId,
    named.map((x) => x.pair),
  );
  return named.map(({ e, pair }) => ({
    ...pair,
    confidence: e.confidence,
    survival: e.survival,
    meanRank: e.meanRank,
    meanEffect: e.meanEffect,
    reviewStatus: statuses.get(`${pair.regulator}\u0000${pair.target}`) ?? 'unreviewed',
    source: e,
  }));
}

/** One page of the prior edges, least supported first, with their review status. */
export async function unsupportedPage(ctx: ServiceContext, a: ReplicateAnalysis, raw: unknown): Promise<Page<UnsupportedEdgeItem>> {
  const page = parseInput(listPage, raw);
  const rows = await withStatuses(ctx, a, a.lists.priorEdges.slice(page.offset, page.offset + page.limit));
  const items = rows.map(({ source, ...e }) => ({
    ...e,
    priorSign: Math.sign(source.priorValue),
    signDisagreement: source.signDisagreement,
    flagged: source.flagged,
  }));
  return { items, total: a.lists.priorEdges.length, ...page };
}

/** One page of the candidates outside the prior, most explained first, with their review status. */
export async function candidatePage(ctx: ServiceContext, a: ReplicateAnalysis, raw: unknown): Promise<Page<CandidateEdgeItem>> {
  const page = parseInput(listPage, raw);
  const rows = await withStatuses(ctx, a, a.lists.candidates.slice(page.offset, page.offset + page.limit));
  return { items: rows.map(({ source, ...e }) => ({ ...e, sign: source.sign, accepted: source.accepted })), total: a.lists.candidates.length, ...page };
}

/** One page of the consensus network, in pair order. */
export function consensusPage(a: ReplicateAnalysis, raw: unknown): Page<ConsensusEdgeItem> {
  const page = parseInput(listPage, raw);
  const { index, value } = a.lists.consensus;
  const items = index.slice(page.offset, page.offset + page.limit).map((e, k) => ({
    ...pairName(a, e),
    sign: Math.sign(value[page.offset + k]),
    fromPrior: a.priorPairs.has(e),
  }));
  return { items, total: index.length, ...page };
}

function scoreGold(lists: ReviewLists, prior: SparseEffects, gold: SparseEffects): ListScores {
  if (gold.index.length === 0) throw badInput('None of the gold standard’s edges join two genes of this run’s dataset.', { field: 'goldStandardId' });
  return scoreReviewLists(lists, prior, gold);
}
