/**
 * compute's light front door (contract: compute/README.md, "Front doors"): the training config and its
 * field table, the strategy and solver registries, the file formats, the metrics, a stored model's
 * effects and the synthetic-benchmark simulator (plain float64). It loads no TensorFlow.js and no Node
 * built-ins, so the server's API processes and the browser may import it; training is behind the heavy door, compute/train.ts.
 */
import { parseModelWeights, type SerializedModel } from './formats/weights';
import { effectsMatrix, modelSparsity } from './model/effects';
import { applyMasks } from './model/params';
import type { SquareMatrix } from './types';

export type { ExpressionData, NamedEdge, PruningStrategy, SquareMatrix, Trajectory } from './types';
export {
  DEFAULT_TRAINING_RULES,
  defaultTrainConfig,
  parseTrainConfig,
  RULES_WHEN_ABSENT,
  trainConfigSchema,
  TrainConfigError,
  withExplicitRules,
  type TrainConfig,
  type TrainingRules,
} from './training/config';
export {
  fieldHint,
  fieldSchema,
  fieldValuesOf,
  shownDefault,
  SYNTHETIC_NOISE_STD,
  TRAIN_FIELD_DEFAULTS,
  TRAIN_FIELD_KEYS,
  TRAIN_FIELDS,
  withFieldValues,
  type TrainField,
  type TrainFieldKey,
  type TrainFieldValues,
} from './training/fields';
export { lambdaGrid, planSweep, type PlannedTraining } from './training/sweep-plan';
export { SOLVER_IDS, SOLVERS, type SolverId } from './solvers/registry';
export { LR_RESETS, type LearningRateReset } from './training/learning-rates';
export { SELECTION_RULES, type SelectionRule } from './training/selection';
export { STRATEGIES, STRATEGY_IDS, strategyInfo, strategyLambdas, strategyReads, type OptionScope, type StrategyId, type StrategyInfo } from './strategies';
export { corruptPrior, PRIOR_CORRUPTION_OPTION } from './prior-corruption';
export type { EpochReport, StepReport, TrainCallbacks, TrainCheckpoint, TrainResult, TrainSummary } from './training/types';
export * from './metrics';
export * from './formats';
export * from './analysis';
export { detectDelimiter, parseDelimited, quoteCell, spreadsheetSafe, writeRow } from './formats/csv';
export { utf8Length } from './formats/errors';
export { checkEdgeListWidth } from './formats/edge-list';
export { serializeModel, parseModelWeights, WEIGHTS_FORMAT, WEIGHTS_VERSION, type SerializedModel } from './formats/weights';
export { extent, maxOf, minOf } from './extent';
export {
  BenchmarkInputError,
  BenchmarkStopped,
  simulateBenchmark,
  type SyntheticBenchmark,
  type SyntheticBenchmarkInput,
  type SyntheticBenchmarkOptions,
  type SyntheticBenchmarkProgress,
} from './simulator/benchmark';
export {
  BENCHMARK_FIELDS,
  benchmarkFieldHint,
  benchmarkNumberSchema,
  benchmarkTimesSchema,
  MAX_BENCHMARK_VALUES,
  type BenchmarkFieldKey,
} from './simulator/benchmark-fields';
export type { PhoenixParams } from './model/params';
/** A model's effects matrix from its (masked) parameters, as the level recorder computes it. */
export { effectsMatrix };

/** The effects matrix (regulator × target, spec §6) of a stored model; pruned weights give exact zeros. */
export function effectsFromModel(model: SerializedModel): SquareMatrix {
  const { params, masks } = parseModelWeights(model);
  return effectsMatrix(applyMasks(params, masks));
}

/** Spec §7 sparsity of a stored model. */
export function sparsityOfModel(model: SerializedModel): number {
  const { params, masks } = parseModelWeights(model);
  return modelSparsity(applyMasks(params, masks));
}
