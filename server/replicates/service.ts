import {
  edgeAgreement,
  reviewLists,
  scoreReviewLists,
  type ListScores,
  type ReviewListOptions,
  type SparseEffects,
} from '@/compute/analysis';
import type { ServiceContext } from '../context';
import { badInput, DomainError } from '../errors';
import { goldStandardProjectId } from '../gold-standards/load';
import { isUuid, requireProjectRole } from '../projects/access';
import { statusesOf } from '../reviews/queue';
import type { EdgeStatus } from '../reviews/status';
import { parseInput } from '../validation';
import * as store from './store';
import { replicateAnalysisInput, type ReplicateAnalysisInput } from './validation';

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
  replicates: store.ReplicateRun[];
  options: ReviewListOptions;
  priorEdgeCount: number;
  flaggedCount: number;
  acceptedCount: number;
  unsupported: Page<UnsupportedEdgeItem>;
  candidates: Page<CandidateEdgeItem>;
  consensus: Page<ConsensusEdgeItem>;
  scores: ListScores | null;
}

/**
 * The replicate analysis of a run (compute/analysis/review-lists.ts): its replicates' agreement, the
 * prior edges the data does not support, the candidates the prior lacks and the consensus network, one
 * page of each; with a gold standard, how these and the prior alone score. Computed on request from the
 * stored networks: a few replicates of a pruned network are tens of thousands of rows.
 */
export async function replicateAnalysis(ctx: ServiceContext, raw: ReplicateAnalysisInput): Promise<ReplicateAnalysis> {
  await requireProjectRole(ctx, raw.projectId, 'viewer');
  const input = parseInput(replicateAnalysisInput, raw);
  const run = isUuid(input.runId) ? await store.runBasics(ctx.db, input.runId) : null;
  if (!run || run.projectId !== input.projectId) throw new DomainError('NOT_FOUND', 'Run was not found in this project.', { field: 'runId' });
  if (input.goldStandardId && (await goldStandardProjectId(ctx.db, input.goldStandardId)) !== input.projectId) {
    throw new DomainError('NOT_FOUND', 'Gold standard was not found in this project.', { field: 'goldStandardId' });
  }
  if (!run.priorVersionId) throw badInput('The run used no prior, so there is nothing to compare its replicates with.', { field: 'runId' });
  if (run.priorCorruption > 0) {
    // Each seed corrupts the prior its own way, so no one prior is what the replicates were given.
    throw badInput('The run corrupted its prior before training (a different corruption per seed), so its replicates cannot be compared with one prior. Upload the corrupted prior as a version instead.', { field: 'runId' });
  }
  if (run.status !== 'succeeded') throw badInput('The run has not finished; its replicates are compared once it has.', { field: 'runId' });
  const replicates = await store.replicateRuns(ctx.db, input.runId);
  if (replicates.length < 2) {
    throw badInput('This run has no finished replicate yet: launch a replicate group (the same configuration with other seeds) and wait for two of its runs to finish.', { field: 'runId' });
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
  const effects = await store.runEffects(ctx.db, replicates.map((r) => r.id));
  const networks = replicates.map((r) => toSparse(effects.get(r.id)!, false));
  // Unknown-sign prior edges are stored with sign 0 and still count as edges.
  const prior = toSparse(await store.priorVersionEdges(ctx.db, run.priorVersionId), true);
  const options: ReviewListOptions = { flagAt: input.flagAt, candidateQuantile: input.candidateQuantile, acceptAt: input.acceptAt };
  const lists = reviewLists(networks, edgeAgreement(networks), prior, options);
  const scores = input.goldStandardId ? scoreGold(lists, prior, toSparse(await store.goldStandardEdges(ctx.db, input.goldStandardId), true)) : null;

  const name = (index: number) => ({ regulator: genes[Math.floor(index / n)], target: genes[index % n] });
  const unsupportedPage = lists.priorEdges.slice(input.unsupported.offset, input.unsupported.offset + input.unsupported.limit);
  const candidatePage = lists.candidates.slice(input.candidates.offset, input.candidates.offset + input.candidates.limit);
  const statuses = await statusesOf(ctx.db, input.projectId, [...unsupportedPage, ...candidatePage].map((e) => name(e.index)));
  const analysed = (e: { index: number; confidence: number; survival: number; meanRank: number; meanEffect: number }): AnalysedEdge => {
    const pair = name(e.index);
    return { ...pair, confidence: e.confidence, survival: e.survival, meanRank: e.meanRank, meanEffect: e.meanEffect, reviewStatus: statuses.get(`${pair.regulator}\u0000${pair.target}`) ?? 'unreviewed' };
  };
  const priorPairs = new Set(prior.index);
  const consensusIndex = lists.consensus.index;
  return {
    runId: input.runId,
    replicates,
    options,
    priorEdgeCount: prior.index.length,
    flaggedCount: lists.flaggedCount,
    acceptedCount: lists.acceptedCount,
    unsupported: {
      items: unsupportedPage.map((e) => ({ ...analysed(e), priorSign: Math.sign(e.priorValue), signDisagreement: e.signDisagreement, flagged: e.flagged })),
      total: lists.priorEdges.length,
      ...input.unsupported,
    },
    candidates: { items: candidatePage.map((e) => ({ ...analysed(e), accepted: e.accepted })), total: lists.candidates.length, ...input.candidates },
    consensus: {
      items: consensusIndex.slice(input.consensus.offset, input.consensus.offset + input.consensus.limit).map((index, k) => ({
        ...name(index),
        sign: Math.sign(lists.consensus.value[input.consensus.offset + k]),
        fromPrior: priorPairs.has(index),
      })),
      total: consensusIndex.length,
      ...input.consensus,
    },
    scores,
  };
}

function scoreGold(lists: ReturnType<typeof reviewLists>, prior: SparseEffects, gold: SparseEffects): ListScores {
  if (gold.index.length === 0) throw badInput('None of the gold standard’s edges join two genes of this run’s dataset.', { field: 'goldStandardId' });
  return scoreReviewLists(lists, prior, gold);
}
