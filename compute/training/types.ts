import type { SerializedModel } from '../formats/weights';
import type { SquareMatrix } from '../types';
import type { PhoenixParams } from '../model/params';

export interface EpochReport {
  epoch: number;
  totalEpochs: number;
  trainLoss: number;
  valLoss: number;
  /** Standard error of valLoss over the validation trajectories (sample sd / √count); absent with fewer than two. */
  valSe?: number;
  /** MSE on the held-out test trajectories, when given: reported only, never used to choose a model. */
  testLoss?: number;
  sparsity: number;
  learningRate: number;
  seconds: number;
  pruned: boolean;
  /** Whether this epoch has the lowest validation loss so far. */
  isBest: boolean;
  /**
   * The epoch of the model the run keeps so far: the lowest loss, or under one-SE the sparsest epoch
   * within one SE of it. Absent in histories recorded before it was.
   */
  keptEpoch?: number;
}

export interface StepReport {
  epoch: number;
  step: number;
  stepsPerEpoch: number;
  loss: number;
}

/** JSON-safe; pass back as `resumeFrom` to continue exactly where it was taken. */
export type TrainCheckpoint = { version: 1; epoch: number; [k: string]: unknown };

export interface TrainCallbacks {
  onEpoch?(r: EpochReport): void | Promise<void>;
  /** The model as it stands after each epoch (a copy), for reports that score every epoch. */
  onEpochModel?(epoch: number, params: PhoenixParams): void;
  onStep?(s: StepReport): void;
  /** Called after each epoch with a checkpoint of the whole training state. */
  onCheckpoint?(c: TrainCheckpoint): void | Promise<void>;
  /** Polled between steps; returning true stops training early (cancel). */
  shouldStop?(): boolean | Promise<boolean>;
}

export interface TrainSummary {
  sparsity: number;
  valMse: number;
  testMse?: number;
  epochsRun: number;
  /** The kept model's epoch: the lowest validation loss under the default rule (config.selection). */
  bestEpoch: number;
  secondsPerEpoch: number;
  stoppedEarly: boolean;
  cancelled: boolean;
}

export interface TrainResult {
  model: SerializedModel;
  /** Regulator × target: data[j·n + i] is the effect of gene j on gene i. */
  effects: SquareMatrix;
  summary: TrainSummary;
  history: EpochReport[];
}
