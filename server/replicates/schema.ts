import type { EdgeSetScores, ListScores } from '@/compute';
import { builder } from '../graphql/builder';
import { EdgeReviewStatusEnum, queueFilterArg, ReviewQueueFilter, ReviewQueueOrderEnum, ReviewQueuePageRef } from '../reviews/schema';
import { HyperparametersInput, StrategyEnum, SweepRef } from '../runs/schema';
import { launchReplicates, replicateRun } from './launch';
import { replicateListQueue } from './queue';
import * as replicates from './service';
import type { ReplicateRun } from './store';

const ReplicateListEnum = builder.enumType('ReplicateList', {
  description: 'UNSUPPORTED: the flagged prior edges (the data does not support them); CANDIDATES: pairs outside the prior that replicates keep.',
  values: { UNSUPPORTED: { value: 'unsupported' }, CANDIDATES: { value: 'candidates' } } as const,
});

const ReplicateRunRef = builder.objectRef<ReplicateRun>('ReplicateRun').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), seed: t.exposeInt('seed') }),
});

const UnsupportedEdgeRef = builder.objectRef<replicates.UnsupportedEdgeItem>('UnsupportedPriorEdge').implement({
  description: 'A prior edge with how often the replicates pruned it.',
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    priorSign: t.exposeInt('priorSign', { description: '+1, −1, or 0 for unknown.' }),
    confidence: t.exposeFloat('confidence', { description: 'The share of replicates that pruned the edge: the confidence that the data does not support it.' }),
    signDisagreement: t.exposeFloat('signDisagreement', {
      description: 'The share of replicates keeping it with the sign opposite to the prior’s (not counted in confidence).',
    }),
    survival: t.exposeFloat('survival'),
    meanRank: t.exposeFloat('meanRank', {
      description: 'Rank by |effect| averaged over replicates (1 = strongest; pruned = after the replicate’s last edge).',
    }),
    meanEffect: t.exposeFloat('meanEffect'),
    flagged: t.exposeBoolean('flagged'),
    reviewStatus: t.field({ type: EdgeReviewStatusEnum, resolve: (e) => e.reviewStatus }),
  }),
});

const CandidateEdgeRef = builder.objectRef<replicates.CandidateEdgeItem>('CandidateEdge').implement({
  description: 'A pair outside the prior that the data suggests (the residual screen: compute/analysis/residual-screen.ts).',
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    confidence: t.exposeFloat('confidence', {
      description: 'The share of the target’s rate of change, unexplained by its prior regulators, that this regulator explains (0 to 1).',
    }),
    sign: t.exposeInt('sign', { description: '+1 activation, −1 repression (the sign of the partial correlation).' }),
    survival: t.exposeFloat('survival'),
    meanRank: t.exposeFloat('meanRank'),
    meanEffect: t.exposeFloat('meanEffect'),
    accepted: t.exposeBoolean('accepted', { description: 'Confident enough to join the consensus network.' }),
    reviewStatus: t.field({ type: EdgeReviewStatusEnum, resolve: (e) => e.reviewStatus }),
  }),
});

const ConsensusEdgeRef = builder.objectRef<replicates.ConsensusEdgeItem>('ConsensusEdge').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    sign: t.exposeInt('sign'),
    fromPrior: t.exposeBoolean('fromPrior', { description: 'A prior edge kept (true) or an accepted candidate (false).' }),
  }),
});

const pageFields = { total: 'total', offset: 'offset', limit: 'limit' } as const;
const UnsupportedPageRef = builder.objectRef<replicates.Page<replicates.UnsupportedEdgeItem>>('UnsupportedPriorEdgePage').implement({
  fields: (t) => ({
    items: t.field({ type: [UnsupportedEdgeRef], resolve: (p) => p.items }),
    total: t.exposeInt(pageFields.total),
    offset: t.exposeInt(pageFields.offset),
    limit: t.exposeInt(pageFields.limit),
  }),
});
const CandidatePageRef = builder.objectRef<replicates.Page<replicates.CandidateEdgeItem>>('CandidateEdgePage').implement({
  fields: (t) => ({
    items: t.field({ type: [CandidateEdgeRef], resolve: (p) => p.items }),
    total: t.exposeInt(pageFields.total),
    offset: t.exposeInt(pageFields.offset),
    limit: t.exposeInt(pageFields.limit),
  }),
});
const ConsensusPageRef = builder.objectRef<replicates.Page<replicates.ConsensusEdgeItem>>('ConsensusEdgePage').implement({
  fields: (t) => ({
    items: t.field({ type: [ConsensusEdgeRef], resolve: (p) => p.items }),
    total: t.exposeInt(pageFields.total),
    offset: t.exposeInt(pageFields.offset),
    limit: t.exposeInt(pageFields.limit),
  }),
});

const EdgeSetScoresRef = builder.objectRef<EdgeSetScores>('EdgeSetScores').implement({
  fields: (t) => ({ edges: t.exposeInt('edges'), precision: t.exposeFloat('precision'), recall: t.exposeFloat('recall'), f1: t.exposeFloat('f1') }),
});

type Flagged = ListScores['flagged'];
type Candidates = ListScores['candidates'];
const FlaggedScoresRef = builder.objectRef<Flagged>('FlaggedEdgeScores').implement({
  description: 'The flagged prior edges as a detector of the prior’s wrong edges (those the gold standard lacks).',
  fields: (t) => ({
    count: t.exposeInt('count'),
    precision: t.exposeFloat('precision'),
    recall: t.exposeFloat('recall'),
    topPrecision: t.exposeFloat('topPrecision', { description: 'Precision of the k least supported prior edges, k = the number of wrong prior edges.' }),
    chancePrecision: t.exposeFloat('chancePrecision', { description: 'What flagging at random gives: the share of wrong edges in the prior.' }),
  }),
});
const CandidateScoresRef = builder.objectRef<Candidates>('CandidateEdgeScores').implement({
  fields: (t) => ({
    k: t.exposeInt('k', { description: 'The number of wrong prior edges (fewer when fewer candidates are listed).' }),
    topPrecision: t.exposeFloat('topPrecision', { description: 'Precision of the top k candidates.' }),
    topTrue: t.exposeInt('topTrue'),
    accepted: t.exposeInt('accepted'),
    acceptedPrecision: t.exposeFloat('acceptedPrecision'),
    chancePrecision: t.exposeFloat('chancePrecision', { description: 'What a random pair outside the prior gives.' }),
  }),
});
const ListScoresRef = builder.objectRef<ListScores>('ReplicateListScores').implement({
  description: 'Against a gold standard: the lists, the consensus and the prior alone.',
  fields: (t) => ({
    priorEdges: t.exposeInt('priorEdges'),
    wrongPriorEdges: t.exposeInt('wrongPriorEdges'),
    missingEdges: t.exposeInt('missingEdges', { description: 'Gold-standard edges outside the prior.' }),
    prior: t.field({ type: EdgeSetScoresRef, description: 'The prior alone as a predictor.', resolve: (s) => s.prior }),
    consensus: t.field({ type: EdgeSetScoresRef, resolve: (s) => s.consensus }),
    flagged: t.field({ type: FlaggedScoresRef, resolve: (s) => s.flagged }),
    candidates: t.field({ type: CandidateScoresRef, resolve: (s) => s.candidates }),
  }),
});

// offset/limit sit on the page fields themselves, so the query cost rule sizes their items by the limit asked.
const pageArg = (p: { offset?: number | null; limit?: number | null }) => ({ offset: p.offset ?? undefined, limit: p.limit ?? undefined });

const ReplicateAnalysisRef = builder.objectRef<replicates.ReplicateAnalysis>('ReplicateAnalysis').implement({
  description: 'What a run’s replicates (same configuration, other seeds) add to its prior.',
  fields: (t) => ({
    runId: t.exposeID('runId'),
    replicates: t.field({ type: [ReplicateRunRef], resolve: (a) => a.replicates }),
    flagAt: t.float({ resolve: (a) => a.options.flagAt }),
    acceptAt: t.float({ resolve: (a) => a.options.acceptAt }),
    priorEdgeCount: t.exposeInt('priorEdgeCount'),
    flaggedCount: t.exposeInt('flaggedCount'),
    acceptedCount: t.exposeInt('acceptedCount'),
    unsupported: t.field({
      type: UnsupportedPageRef,
      description: 'Prior edges, least supported first.',
      args: { offset: t.arg.int({ defaultValue: 0 }), limit: t.arg.int({ defaultValue: 50, description: '1 to 500' }) },
      resolve: (a, args, ctx) => replicates.unsupportedPage(ctx, a, pageArg(args)),
    }),
    candidates: t.field({
      type: CandidatePageRef,
      description: 'Pairs outside the prior, most explained first.',
      args: { offset: t.arg.int({ defaultValue: 0 }), limit: t.arg.int({ defaultValue: 50, description: '1 to 500' }) },
      resolve: (a, args, ctx) => replicates.candidatePage(ctx, a, pageArg(args)),
    }),
    consensus: t.field({
      type: ConsensusPageRef,
      description: 'In pair order.',
      args: { offset: t.arg.int({ defaultValue: 0 }), limit: t.arg.int({ defaultValue: 50, description: '1 to 500' }) },
      resolve: (a, args) => replicates.consensusPage(a, pageArg(args)),
    }),
    scores: t.field({ type: ListScoresRef, nullable: true, description: 'Present when a gold standard was named.', resolve: (a) => a.scores }),
  }),
});

builder.queryFields((t) => ({
  replicateAnalysis: t.field({
    type: ReplicateAnalysisRef,
    description: 'Viewers. The run’s replicate group compared with its prior: the two review lists and the consensus, one page each.',
    args: {
      projectId: t.arg.id({ required: true }),
      runId: t.arg.id({ required: true }),
      goldStandardId: t.arg.id(),
      flagAt: t.arg.float({ description: 'Flag a prior edge when at least this share of replicates pruned it (default 0.6, a majority).' }),
      acceptAt: t.arg.float({ description: 'A candidate joins the consensus when it explains at least this share (default 0.5).' }),
    },
    resolve: (_r, a, ctx) =>
      replicates.replicateAnalysis(ctx, {
        projectId: String(a.projectId),
        runId: String(a.runId),
        goldStandardId: a.goldStandardId == null ? null : String(a.goldStandardId),
        flagAt: a.flagAt ?? undefined,
        acceptAt: a.acceptAt ?? undefined,
      }),
  }),
  replicateListQueue: t.field({
    type: ReviewQueuePageRef,
    description:
      'Viewers. The review queue over one list of the run’s replicate analysis (the flagged prior edges, or the candidates), each edge with the list’s confidence and mean effect; paged like reviewQueue.',
    args: {
      projectId: t.arg.id({ required: true }),
      runId: t.arg.id({ required: true }),
      list: t.arg({ type: ReplicateListEnum, required: true }),
      flagAt: t.arg.float(),
      acceptAt: t.arg.float(),
      filter: t.arg({ type: ReviewQueueFilter }),
      order: t.arg({ type: ReviewQueueOrderEnum, defaultValue: 'effect', description: 'EFFECT: the list’s own order.' }),
      offset: t.arg.int({ defaultValue: 0 }),
      limit: t.arg.int({ defaultValue: 50, description: '1 to 200' }),
    },
    resolve: (_r, a, ctx) =>
      replicateListQueue(ctx, {
        projectId: String(a.projectId),
        runId: String(a.runId),
        list: a.list,
        flagAt: a.flagAt,
        acceptAt: a.acceptAt,
        filter: queueFilterArg(a.filter),
        order: a.order ?? undefined,
        offset: a.offset ?? undefined,
        limit: a.limit ?? undefined,
      }),
  }),
}));

const LaunchReplicatesInput = builder.inputType('LaunchReplicatesInput', {
  description: 'One configuration over several consecutive seeds, grouped as a sweep.',
  fields: (t) => ({
    projectId: t.id({ required: true }),
    datasetId: t.id({ required: true }),
    priorVersionId: t.id(),
    name: t.string(),
    strategy: t.field({ type: StrategyEnum, required: true }),
    preset: t.string(),
    hyperparameters: t.field({ type: HyperparametersInput }),
    seed: t.int({ defaultValue: 0, description: 'The first seed; the others follow it.' }),
    replicates: t.int({ defaultValue: 5, description: '2 to 20.' }),
  }),
});

builder.mutationFields((t) => ({
  replicateRun: t.field({
    type: SweepRef,
    description: 'Editors. Trains the run’s exact configuration with `seeds` more seeds (default 4), grouped; they count as its replicates.',
    args: { runId: t.arg.id({ required: true }), seeds: t.arg.int({ defaultValue: 4, description: `1 to 19.` }) },
    resolve: (_r, a, ctx) => replicateRun(ctx, String(a.runId), a.seeds ?? undefined),
  }),
  launchReplicates: t.field({
    type: SweepRef,
    description: 'Editors. Launches a replicate group: the same run with `replicates` seeds.',
    args: { input: t.arg({ type: LaunchReplicatesInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      launchReplicates(ctx, {
        ...input,
        projectId: String(input.projectId),
        datasetId: String(input.datasetId),
        priorVersionId: input.priorVersionId == null ? null : String(input.priorVersionId),
        hyperparameters: input.hyperparameters ? Object.fromEntries(Object.entries(input.hyperparameters).filter(([, v]) => v != null)) : {},
        seed: input.seed ?? undefined,
        replicates: input.replicates ?? undefined,
      }),
  }),
}));
