/**
 * The one place the runs domain meets compute (contract: compute/index.ts, notes/compute-api.md).
 * The server imports only compute's light modules (config, types); TensorFlow.js loads in workers alone.
 */
import type { TrainInput } from '@/compute/training/trainer';
import type { TrainResult } from '@/compute/training/types';

export {
  DEFAULT_TRAINING_RULES,
  defaultTrainConfig,
  parseTrainConfig,
  withExplicitRules,
  type TrainConfig,
  type TrainingRules,
} from '@/compute/training/config';
export { STRATEGIES, STRATEGY_IDS, type StrategyId } from '@/compute/strategies';
export { LR_RESETS, type LearningRateReset } from '@/compute/training/learning-rates';
export { SELECTION_RULES, type SelectionRule } from '@/compute/training/selection';
export type { EpochReport, TrainCallbacks, TrainCheckpoint, TrainResult } from '@/compute/training/types';
export type { TrainInput };

export type Trainer = (input: TrainInput) => Promise<TrainResult>;

/** compute's `train`, loaded on first use so that only processes that train load TensorFlow.js. */
export async function loadTrainer(): Promise<Trainer> {
  const compute = await import('@/compute/training/trainer');
  return compute.train;
}
