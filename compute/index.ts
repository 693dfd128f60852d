/**
 * The compute engine's public API (contract: notes/compute-api.md). The server's workers and the CLI
 * call exactly this; nothing here touches a database, Next or React.
 */
import { parseModelWeights, type SerializedModel } from './formats/weights';
import { effectsMatrix, modelSparsity } from './model/effects';
import { applyMasks } from './model/params';
import type { SquareMatrix } from './types';

export type { ExpressionData, NamedEdge, PruningStrategy, SquareMatrix, Trajectory } from './types';
export { train, type TrainInput, type TrainProfile } from './training/trainer';
export {
  DEFAULT_TRAINING_RULES,
  defaultTrainConfig,
  parseTrainConfig,
  RULES_WHEN_ABSENT,
  trainConfigSchema,
  withExplicitRules,
  type TrainConfig,
  type TrainingRules,
} from './training/config';
export { STRATEGIES, STRATEGY_IDS, strategyInfo, type StrategyId, type StrategyInfo } from './strategies';
export { corruptPrior, PRIOR_CORRUPTION_OPTION } from './prior-corruption';
export type { EpochReport, StepReport, TrainCallbacks, TrainCheckpoint, TrainResult, TrainSummary } from './training/types';
export { scoreNetwork, type NetworkScores, type ScoreOptions } from './metrics';
export { serializeModel, parseModelWeights, WEIGHTS_FORMAT, WEIGHTS_VERSION, type SerializedModel } from './formats/weights';
export { useBackend, type BackendName } from './backend';

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
