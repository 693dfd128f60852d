import { builder } from '../graphql/builder';
import { queueSettings } from '../queue';
import { pageArgDescription, pageLimits, pageOf } from '../paging';
import {
  DEFAULT_TRAINING_RULES,
  LR_RESETS,
  SELECTION_RULES,
  SOLVER_IDS,
  SOLVERS,
  STRATEGIES,
  TRAIN_FIELD_KEYS,
  TRAIN_FIELDS,
  withExplicitRules,
  type TrainField,
  type TrainingRules,
} from '@/compute';
import { effectiveLambda } from './config';
import { runStatusDetail } from './liveness';
import type { StoredRunProgress, StoredRunSummary } from './columns';
import * as metrics from './metrics';
import * as network from './network';
import { runPresets, type RunPreset } from './presets';
import * as runs from './service';
import { strategies, strategiesNeedingPrior, strategyLabels, type Strategy } from './validation';

export const RunStatusEnum = builder.enumType('RunStatus', {
  values: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const,
});

export const StrategyEnum = builder.enumType('Strategy', {
  description: 'The strategies of compute’s registry (runStrategies lists them with labels).',
  values: Object.fromEntries(strategies.map((s) => [s.replace('-', '_'), { value: s, description: STRATEGIES[s].description }])) as Record<
    string,
    { value: Strategy }
  >,
});

const SolverEnum = builder.enumType('Solver', {
  description: 'The ODE solvers of compute’s registry (compute/solvers/registry.ts).',
  values: Object.fromEntries(SOLVER_IDS.map((id) => [id, { value: id, description: SOLVERS[id].description }])) as unknown as Record<
    (typeof SOLVER_IDS)[number],
    { value: (typeof SOLVER_IDS)[number] }
  >,
});
const ModelSelectionEnum = builder.enumType('ModelSelection', {
  description:
    'Which epoch’s model a run keeps. one_se (the default): the sparsest model within one standard error of the lowest validation loss. best: the lowest validation loss.',
  values: Object.fromEntries(SELECTION_RULES.map((rule) => [rule.replace('-', '_'), { value: rule }])) as {
    best: { value: 'best' };
    one_se: { value: 'one-se' };
  },
});

const LearningRateResetEnum = builder.enumType('LearningRateReset', {
  description:
    'What a pruning event does to the learning rates. reference (the default): as the authors’ training script, whose reset gives the 5× to A_p instead of v. initial: every group back to its starting rate.',
  values: LR_RESETS,
});

const StrategyInfoRef = builder.objectRef<{ strategy: Strategy }>('StrategyInfo').implement({
  fields: (t) => ({
    strategy: t.field({ type: StrategyEnum, resolve: (s) => s.strategy }),
    label: t.string({ resolve: (s) => strategyLabels[s.strategy] }),
    needsPrior: t.boolean({ resolve: (s) => strategiesNeedingPrior.has(s.strategy) }),
  }),
});

const RunPresetRef = builder.objectRef<RunPreset>('RunPreset').implement({
  description: 'Hyperparameters from the DASH paper for one kind of data, with the training rules they go with.',
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label'),
    description: t.exposeString('description'),
    lambda1: t.float({ resolve: (p) => p.lambda[0] }),
    lambda2: t.float({ resolve: (p) => p.lambda[1] }),
    epochs: t.exposeInt('epochs'),
    noiseStd: t.exposeFloat('noiseStd'),
    validationFraction: t.exposeFloat('validationFraction'),
    selection: t.field({ type: ModelSelectionEnum, resolve: (p) => p.selection }),
    lrReset: t.field({ type: LearningRateResetEnum, resolve: (p) => p.lrReset }),
  }),
});

const TrainingRulesRef = builder.objectRef<TrainingRules>('TrainingRules').implement({
  description: 'Which model a run keeps and what a pruning event does to the learning rates.',
  fields: (t) => ({
    selection: t.field({ type: ModelSelectionEnum, resolve: (r) => r.selection }),
    lrReset: t.field({ type: LearningRateResetEnum, resolve: (r) => r.lrReset }),
  }),
});

const GoldStandardFitRef = builder.objectRef<metrics.GoldStandardFit>('GoldStandardFit').implement({
  description: 'A gold standard of the project and how many of its edges join two genes of a run’s dataset.',
  fields: (t) => ({
    goldStandardId: t.exposeID('goldStandardId'),
    goldStandardName: t.exposeString('goldStandardName'),
    sharedEdges: t.exposeInt('sharedEdges'),
  }),
});

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const RunProgressRef = builder.objectRef<StoredRunProgress>('RunProgress').implement({
  description: 'The latest report of a queued or running training (kept after it ends).',
  fields: (t) => ({
    phase: t.exposeString('phase', { description: 'queued, loading, training, saving, done, failed, cancelled, interrupted (waiting to resume)' }),
    epoch: t.int({ resolve: (p) => p.epoch ?? 0 }),
    totalEpochs: t.int({ resolve: (p) => p.totalEpochs ?? 0 }),
    fraction: t.float({
      description: 'Progress from 0 to 1, counting optimiser steps within the epoch.',
      resolve: (p) => {
        if (p.phase === 'done') return 1; // early stopping ends before the epoch limit
        if (!p.totalEpochs) return 0;
        const within = p.step && p.stepsPerEpoch ? p.step / p.stepsPerEpoch : 0;
        return Math.min(1, (p.epoch + within) / p.totalEpochs);
      },
    }),
    step: t.int({ nullable: true, resolve: (p) => p.step ?? null }),
    stepsPerEpoch: t.int({ nullable: true, resolve: (p) => p.stepsPerEpoch ?? null }),
    trainLoss: t.float({ nullable: true, resolve: (p) => finite(p.trainLoss) }),
    valLoss: t.float({ nullable: true, resolve: (p) => finite(p.valLoss) }),
    sparsity: t.float({ nullable: true, resolve: (p) => finite(p.sparsity) }),
    learningRate: t.float({ nullable: true, resolve: (p) => finite(p.learningRate) }),
    bestEpoch: t.int({ nullable: true, resolve: (p) => p.bestEpoch ?? null }),
    bestValLoss: t.float({ nullable: true, resolve: (p) => finite(p.bestValLoss) }),
    keptEpoch: t.int({
      nullable: true,
      description: 'The epoch of the model the run keeps so far: bestEpoch, or under the one-SE rule the sparsest epoch within one SE of it.',
      resolve: (p) => p.keptEpoch ?? null,
    }),
    lastPruningEpoch: t.int({ nullable: true, resolve: (p) => p.lastPruningEpoch ?? null }),
    resumedFromEpoch: t.int({ nullable: true, resolve: (p) => p.resumedFromEpoch ?? null }),
    attempt: t.int({ nullable: true, resolve: (p) => p.attempt ?? null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.updatedAt ?? null }),
  }),
});

const RunSummaryRef = builder.objectRef<StoredRunSummary>('RunSummary').implement({
  description: 'What training reported at the end.',
  fields: (t) => ({
    sparsity: t.float({ nullable: true, description: 'Fraction of exact zeros over the pruned weight matrices.', resolve: (s) => finite(s.sparsity) }),
    valMse: t.float({ nullable: true, resolve: (s) => finite(s.valMse) }),
    testMse: t.float({ nullable: true, resolve: (s) => finite(s.testMse) }),
    epochsRun: t.int({ nullable: true, resolve: (s) => finite(s.epochsRun) }),
    bestEpoch: t.int({ nullable: true, resolve: (s) => finite(s.bestEpoch) }),
    secondsPerEpoch: t.float({ nullable: true, resolve: (s) => finite(s.secondsPerEpoch) }),
    stoppedEarly: t.boolean({ nullable: true, resolve: (s) => (typeof s.stoppedEarly === 'boolean' ? s.stoppedEarly : null) }),
    inferredEdges: t.int({ nullable: true, description: 'Nonzero entries of the effects matrix.', resolve: (s) => finite(s.inferredEdges) }),
    provenance: t.string({
      nullable: true,
      description: 'Set when the run was not trained by a worker of this installation (e.g. the demo runs, trained offline).',
      resolve: (s) => (typeof s.provenance === 'string' ? s.provenance : null),
    }),
  }),
});

const RunEpochRef = builder.objectRef<Awaited<ReturnType<typeof runs.listEpochs>>[number]>('RunEpoch').implement({
  fields: (t) => ({
    epoch: t.exposeInt('epoch'),
    trainLoss: t.float({ nullable: true, resolve: (e) => finite(e.trainLoss) }),
    valLoss: t.float({ nullable: true, resolve: (e) => finite(e.valLoss) }),
    valSe: t.float({ nullable: true, description: 'Standard error of valLoss over the validation trajectories.', resolve: (e) => finite(e.valSe) }),
    sparsity: t.float({ nullable: true, resolve: (e) => finite(e.sparsity) }),
    learningRate: t.float({ nullable: true, resolve: (e) => finite(e.learningRate) }),
    seconds: t.float({ nullable: true, resolve: (e) => finite(e.seconds) }),
    pruned: t.exposeBoolean('pruned', { description: 'A pruning event ended this epoch.' }),
  }),
});

const RunMetricsRef = builder.objectRef<metrics.RunMetricsRecord>('RunMetrics').implement({
  description: 'Scores of a run’s inferred network against a gold standard (pairs where both genes are in the dataset).',
  fields: (t) => {
    const score = (name: keyof metrics.StoredScores, description?: string) => t.float({ nullable: true, description, resolve: (m) => finite(m[name]) });
    const whole = (name: keyof metrics.StoredScores) => t.int({ resolve: (m) => Number(m[name] ?? 0) });
    return {
      runId: t.exposeID('runId'),
      goldStandardId: t.exposeID('goldStandardId'),
      goldStandardName: t.exposeString('goldStandardName'),
      computedAt: t.expose('computedAt', { type: 'DateTime' }),
      balancedAccuracy: score('balancedAccuracy', '(TPR + TNR) / 2 over all ordered pairs.'),
      balancedAccuracyRegulators: score('balancedAccuracyRegulators', 'Balanced accuracy over rows of the gold standard’s regulators.'),
      precision: score('precision'),
      recall: score('recall'),
      f1: score('f1'),
      auroc: score('auroc'),
      aupr: score('aupr'),
      epr: score('epr', 'Early precision ratio (BEELINE).'),
      earlyPrecision: score('earlyPrecision'),
      sparsityOfPrediction: score('sparsityOfPrediction', 'Fraction of zero entries in the effects matrix.'),
      signAccuracy: score('signAccuracy', 'Among true positives, the fraction with the right sign.'),
      tp: whole('tp'),
      fp: whole('fp'),
      tn: whole('tn'),
      fn: whole('fn'),
      referenceEdges: whole('referenceEdges'),
      predictedEdges: whole('predictedEdges'),
      referenceEdgesOutside: t.int({
        description: 'Gold-standard edges left out because a gene of theirs is not in the dataset.',
        resolve: (m) => Number(m.referenceEdgesOutside ?? 0),
      }),
      unknownReferenceGenes: t.stringList({
        description: 'Gold-standard genes not in the dataset (first 100).',
        resolve: (m) => (m.unknownReferenceGenes ?? []).slice(0, 100),
      }),
      unknownReferenceGeneCount: t.int({ resolve: (m) => (m.unknownReferenceGenes ?? []).length }),
    };
  },
});

const EdgeGoldStatusEnum = builder.enumType('EdgeGoldStatus', { values: ['tp', 'fp'] as const });

const NetworkNodeRef = builder.objectRef<network.NetworkNode>('NetworkNode').implement({
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The gene name.' }),
    isFocus: t.exposeBoolean('isFocus'),
    inDegree: t.exposeInt('inDegree'),
    outDegree: t.exposeInt('outDegree'),
  }),
});

export const NetworkEdgeRef = builder.objectRef<network.NetworkEdge>('NetworkEdge').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    effect: t.exposeFloat('effect'),
    sign: t.exposeInt('sign', { description: '+1 activation, −1 repression.' }),
    rank: t.exposeInt('rank', { description: '1 = the largest |effect| of the run.' }),
    priorSupported: t.exposeBoolean('priorSupported', { description: 'The edge is in the prior version the run used.' }),
    gold: t.field({ type: EdgeGoldStatusEnum, nullable: true, resolve: (e) => e.gold }),
  }),
});

const GoldEdgeAmongNodesRef = builder.objectRef<network.GoldEdgeAmongNodes>('GoldEdgeAmongNodes').implement({
  fields: (t) => ({
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    sign: t.exposeInt('sign'),
    predicted: t.exposeBoolean('predicted', { description: 'False: the run missed this edge (a false negative).' }),
    shown: t.exposeBoolean('shown'),
  }),
});

const RunNetworkRef = builder.objectRef<network.RunNetwork>('RunNetwork').implement({
  fields: (t) => ({
    nodes: t.field({ type: [NetworkNodeRef], resolve: (n) => n.nodes }),
    edges: t.field({ type: [NetworkEdgeRef], resolve: (n) => n.edges }),
    totalEdges: t.exposeInt('totalEdges'),
    matchingEdges: t.exposeInt('matchingEdges', { description: 'Edges passing the filters before the top-k cut.' }),
    truncated: t.exposeBoolean('truncated'),
    maxEdges: t.exposeInt('maxEdges', { description: 'The most edges this server returns at once (topK’s upper bound).' }),
    goldStandardId: t.exposeID('goldStandardId', { nullable: true }),
    goldEdges: t.field({
      type: [GoldEdgeAmongNodesRef],
      description: 'Gold-standard edges between shown genes (up to 2000), to draw the missed ones.',
      resolve: (n) => n.goldEdges,
    }),
  }),
});

const RunNetworkInput = builder.inputType('RunNetworkInput', {
  fields: (t) => ({
    topK: t.int({ defaultValue: 200, description: 'Strongest edges to return, 1 to the server’s maxEdges (NETWORK_MAX_EDGES, 20,000 by default).' }),
    regulator: t.string({ description: 'Only edges from this regulator.' }),
    gene: t.string({ description: 'Only edges within `hops` of this gene (direction ignored).' }),
    hops: t.int({ defaultValue: 1, description: '1 to 3.' }),
    goldStandardId: t.id({ description: 'Mark true/false positives against this gold standard.' }),
  }),
});

const EffectsHeatmapRef = builder.objectRef<network.EffectsHeatmap>('EffectsHeatmap').implement({
  fields: (t) => ({
    regulators: t.exposeStringList('regulators'),
    targets: t.exposeStringList('targets'),
    values: t.floatList({
      description: 'Row-major: the effect of regulators[r] on targets[t] is values[r × targets.length + t]; 0 where pruned.',
      resolve: (h) => h.values.flat(),
    }),
    maxAbs: t.exposeFloat('maxAbs'),
    totalRegulators: t.exposeInt('totalRegulators'),
    totalTargets: t.exposeInt('totalTargets'),
  }),
});

export const RunRef = builder.objectRef<runs.RunRecord>('Run').implement({
  description: 'One training of a model on a dataset (and prior version), with everything needed to repeat it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    projectId: t.exposeID('projectId'),
    name: t.exposeString('name'),
    strategy: t.field({ type: StrategyEnum, resolve: (r) => r.strategy as Strategy }),
    strategyLabel: t.string({ resolve: (r) => strategyLabels[r.strategy as Strategy] ?? r.strategy }),
    lambda1: t.float({
      nullable: true,
      description: 'λ₁ as the pruning scores use it (derived for IMP and BioPrune).',
      resolve: (r) => effectiveLambda(r.strategy, r.config)?.[0] ?? null,
    }),
    lambda2: t.float({ nullable: true, resolve: (r) => effectiveLambda(r.strategy, r.config)?.[1] ?? null }),
    status: t.field({ type: RunStatusEnum, resolve: (r) => r.status }),
    datasetId: t.exposeID('datasetId'),
    datasetName: t.exposeString('datasetName'),
    priorVersionId: t.exposeID('priorVersionId', { nullable: true }),
    priorId: t.exposeID('priorId', { nullable: true }),
    priorName: t.exposeString('priorName', { nullable: true }),
    priorVersionNumber: t.exposeInt('priorVersionNumber', { nullable: true }),
    sweepId: t.exposeID('sweepId', { nullable: true }),
    sweepName: t.exposeString('sweepName', { nullable: true }),
    relaunchOfId: t.exposeID('relaunchOfId', { nullable: true }),
    config: t.field({
      type: 'JSON',
      description:
        'The full training configuration given to compute, the training rules always named (a record from before they were stored is read with the rules of its time).',
      resolve: (r) => withExplicitRules(r.config),
    }),
    seed: t.exposeInt('seed'),
    codeVersion: t.exposeString('codeVersion', { description: 'Git commit (or package version) of the code that trained it.' }),
    progress: t.field({ type: RunProgressRef, nullable: true, resolve: (r) => r.progress }),
    summary: t.field({ type: RunSummaryRef, nullable: true, resolve: (r) => r.summary }),
    error: t.exposeString('error', { nullable: true, description: 'Why the run failed, in words.' }),
    statusDetail: t.string({
      nullable: true,
      description: 'What is happening beyond the status, e.g. "Worker lost, retrying" when a running run\'s worker went silent.',
      resolve: (r) => runStatusDetail(r, queueSettings().retryLimit + 1),
    }),
    attempts: t.exposeInt('attempts', { description: 'Times a worker took it (more than 1 after a worker was lost).' }),
    workerId: t.exposeString('workerId', { nullable: true }),
    cancelRequested: t.exposeBoolean('cancelRequested'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    createdByName: t.exposeString('createdByName', { nullable: true }),
    epochs: t.field({
      type: [RunEpochRef],
      description: 'One row per epoch: the training curves.',
      args: {
        limit: t.arg.int({ defaultValue: pageLimits.epochs.defaultLimit, description: pageArgDescription(pageLimits.epochs) }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: async (r, args, ctx) => pageOf(await runs.listEpochs(ctx, r.id), args, pageLimits.epochs),
    }),
    metrics: t.field({
      type: RunMetricsRef,
      nullable: true,
      description: 'Scores against a gold standard of the project, computed on first request and kept. Null until the run succeeds.',
      args: { goldStandardId: t.arg.id({ required: true }) },
      resolve: (r, { goldStandardId }, ctx) => metrics.getRunMetrics(ctx, r.id, String(goldStandardId)),
    }),
    goldStandardFits: t.field({
      type: [GoldStandardFitRef],
      description: 'The project’s gold standards that share edges with the run’s genes, the best fit (most shared edges) first: the one pages pick by default.',
      resolve: (r, _a, ctx) => metrics.runGoldStandardFits(ctx, r.id),
    }),
    storedMetrics: t.field({
      type: [RunMetricsRef],
      description:
        'Scores so far, one per gold standard, the best-fitting gold standard first. A run is scored against every fitting gold standard when it succeeds, and against a new one when it is imported.',
      resolve: (r, _a, ctx) => metrics.listStoredMetrics(ctx, r.id),
    }),
    network: t.field({
      type: RunNetworkRef,
      description: 'The inferred network, filtered on the server so large networks stay drawable.',
      args: { input: t.arg({ type: RunNetworkInput }) },
      resolve: (r, { input }, ctx) =>
        network.runNetwork(ctx, r.id, {
          topK: input?.topK ?? undefined,
          regulator: input?.regulator,
          gene: input?.gene,
          hops: input?.hops ?? undefined,
          goldStandardId: input?.goldStandardId == null ? null : String(input.goldStandardId),
        }),
    }),
    heatmap: t.field({
      type: EffectsHeatmapRef,
      description: 'Top regulators (by Σ|effect|, ≤ 80) × their top targets (≤ 150).',
      args: { regulators: t.arg.int({ defaultValue: 40 }), targets: t.arg.int({ defaultValue: 80 }) },
      resolve: (r, args, ctx) => network.runHeatmap(ctx, r.id, { regulators: args.regulators ?? undefined, targets: args.targets ?? undefined }),
    }),
  }),
});

export const SweepRef = builder.objectRef<runs.SweepRecord>('Sweep').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    runs: t.field({ type: [RunRef], resolve: (s) => s.runs }),
  }),
});

const RunComparisonRowRef = builder.objectRef<metrics.RunComparison['rows'][number]>('RunComparisonRow').implement({
  fields: (t) => ({
    run: t.field({ type: RunRef, resolve: (r) => r.run }),
    metrics: t.field({ type: RunMetricsRef, nullable: true, resolve: (r) => r.metrics }),
    sparsity: t.float({ nullable: true, description: 'The run’s weight sparsity (summary).', resolve: (r) => finite(r.sparsity) }),
  }),
});

const RunComparisonRef = builder.objectRef<metrics.RunComparison>('RunComparison').implement({
  fields: (t) => ({
    goldStandardId: t.exposeID('goldStandardId'),
    goldStandardName: t.exposeString('goldStandardName'),
    rows: t.field({ type: [RunComparisonRowRef], resolve: (c) => c.rows }),
  }),
});

/** The GraphQL enum of each choice field of compute's field table. */
const CHOICE_ENUMS = { solver: SolverEnum, selection: ModelSelectionEnum, lrReset: LearningRateResetEnum } as const;

export const HyperparametersInput = builder.inputType('RunHyperparametersInput', {
  description: 'Omitted values come from the preset, then from compute’s defaults (one field per entry of compute’s field table, compute/training/fields.ts).',
  fields: (t) =>
    Object.fromEntries(
      TRAIN_FIELD_KEYS.map((key) => {
        const field: TrainField = TRAIN_FIELDS[key];
        const description = `${field.label}: ${field.reason}`;
        if (field.type === 'choice') return [key, t.field({ type: CHOICE_ENUMS[key as keyof typeof CHOICE_ENUMS], description })];
        return [key, field.type === 'int' ? t.int({ description }) : t.float({ description })];
      }),
    ),
});

const LaunchRunInput = builder.inputType('LaunchRunInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    datasetId: t.id({ required: true }),
    priorVersionId: t.id({
      description: `Required by ${strategies
        .filter((s) => strategiesNeedingPrior.has(s))
        .map((s) => strategyLabels[s])
        .join(', ')}.`,
    }),
    name: t.string(),
    strategy: t.field({ type: StrategyEnum, required: true }),
    preset: t.string({ description: 'A RunPreset id.' }),
    hyperparameters: t.field({ type: HyperparametersInput }),
    seed: t.int({ defaultValue: 0 }),
  }),
});

const LaunchSweepInput = builder.inputType('LaunchSweepInput', {
  description: 'DASH once per (λ₁, λ₂) in the grid; every other strategy once. At most 64 runs.',
  fields: (t) => ({
    projectId: t.id({ required: true }),
    datasetId: t.id({ required: true }),
    priorVersionId: t.id(),
    name: t.string(),
    strategies: t.field({ type: [StrategyEnum], required: true }),
    lambda1Values: t.floatList(),
    lambda2Values: t.floatList(),
    preset: t.string(),
    hyperparameters: t.field({ type: HyperparametersInput }),
    seed: t.int({ defaultValue: 0 }),
  }),
});

type HyperparametersArg = Record<string, unknown> | null | undefined;
const hyperparameters = (h: HyperparametersArg) => (h ? Object.fromEntries(Object.entries(h).filter(([, v]) => v != null)) : {});
const idOrNull = (v: unknown) => (v == null ? null : String(v));

/** The ids, priors and hyperparameters that a run's and a sweep's launch inputs share, as the services take them. */
function launchArgs<
  I extends { projectId: string | number; datasetId: string | number; priorVersionId?: unknown; hyperparameters?: unknown; seed?: number | null },
>(input: I) {
  return {
    ...input,
    projectId: String(input.projectId),
    datasetId: String(input.datasetId),
    priorVersionId: idOrNull(input.priorVersionId),
    hyperparameters: hyperparameters(input.hyperparameters as HyperparametersArg),
    seed: input.seed ?? undefined,
  };
}

builder.queryFields((t) => ({
  runs: t.field({
    type: [RunRef],
    description: "The project's runs, newest first.",
    args: {
      projectId: t.arg.id({ required: true }),
      sweepId: t.arg.id(),
      status: t.arg({ type: RunStatusEnum }),
      limit: t.arg.int({ defaultValue: 100, description: '1 to 500' }),
    },
    resolve: (_root, args, ctx) =>
      runs.listRuns(ctx, { projectId: String(args.projectId), sweepId: idOrNull(args.sweepId), status: args.status, limit: args.limit ?? undefined }),
  }),
  run: t.field({
    type: RunRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => runs.getRun(ctx, String(id)),
  }),
  runPresets: t.field({ type: [RunPresetRef], description: 'Hyperparameter presets from the paper.', resolve: () => [...runPresets] }),
  runTrainingDefaults: t.field({
    type: TrainingRulesRef,
    description: 'The rules a run gets when the launch names none (spec §3: the authors’ learning-rate reset and the one-SE model).',
    resolve: () => ({ ...DEFAULT_TRAINING_RULES }),
  }),
  runStrategies: t.field({
    type: [StrategyInfoRef],
    description: 'Every strategy the compute engine has.',
    resolve: () => strategies.map((strategy) => ({ strategy })),
  }),
  compareRuns: t.field({
    type: RunComparisonRef,
    description: 'Runs of one project against one gold standard: metrics (computed where missing) and sparsity.',
    args: { projectId: t.arg.id({ required: true }), runIds: t.arg.idList({ required: true }), goldStandardId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      metrics.compareRuns(ctx, { projectId: String(args.projectId), runIds: args.runIds.map(String), goldStandardId: String(args.goldStandardId) }),
  }),
}));

builder.mutationFields((t) => ({
  launchRun: t.field({
    type: RunRef,
    description: 'Editors. Stores the run (queued) and its job together.',
    args: { input: t.arg({ type: LaunchRunInput, required: true }) },
    resolve: (_root, { input }, ctx) => runs.launchRun(ctx, launchArgs(input)),
  }),
  launchSweep: t.field({
    type: SweepRef,
    description: 'Editors. A λ grid (and baselines) launched at once.',
    args: { input: t.arg({ type: LaunchSweepInput, required: true }) },
    resolve: (_root, { input }, ctx) => runs.launchSweep(ctx, launchArgs(input)),
  }),
  cancelRun: t.field({
    type: RunRef,
    description: 'Editors. A queued run is cancelled at once; a running one stops at its next step. CONFLICT when already finished.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => runs.cancelRun(ctx, String(id)),
  }),
  relaunchRun: t.field({
    type: RunRef,
    description: 'Editors. A new run with the same dataset, prior version, configuration and seed.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => runs.relaunchRun(ctx, String(id)),
  }),
}));
