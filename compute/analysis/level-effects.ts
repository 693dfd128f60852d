import { effectsMatrix } from '../model/effects';
import type { PhoenixParams } from '../model/params';
import type { EpochReport } from '../training/types';
import { toSparseEffects, type SparseEffects } from './sparse-effects';

/**
 * One pruning level's best model (lowest validation loss between two pruning events, as
 * metrics/pruningPath defines levels) with its network, so a run can show the network at any level.
 */
export interface LevelEffects {
  level: number;
  firstEpoch: number;
  lastEpoch: number;
  bestEpoch: number;
  sparsity: number;
  valMse: number;
  valSe?: number;
  testMse?: number;
  effects: SparseEffects;
}

/**
 * Collects LevelEffects during training: pass its two methods as the trainer's onEpoch and
 * onEpochModel callbacks (the trainer calls onEpoch first, then onEpochModel for the same epoch).
 * Only an epoch that improves its level's validation loss costs an effects matrix.
 */
export class LevelEffectsRecorder {
  private readonly levels: LevelEffects[] = [];
  private captureEpoch: number | null = null;

  onEpoch(r: Pick<EpochReport, 'epoch' | 'valLoss' | 'valSe' | 'testLoss' | 'sparsity' | 'pruned'>): void {
    const current = this.levels.at(-1);
    const stats = {
      bestEpoch: r.epoch,
      sparsity: r.sparsity,
      valMse: r.valLoss,
      ...(r.valSe !== undefined ? { valSe: r.valSe } : {}),
      ...(r.testLoss !== undefined ? { testMse: r.testLoss } : {}),
    };
    if (!current || r.pruned) {
      this.levels.push({ level: this.levels.length, firstEpoch: r.epoch, lastEpoch: r.epoch, ...stats, effects: { n: 0, index: [], value: [] } });
      this.captureEpoch = r.epoch;
      return;
    }
    current.lastEpoch = r.epoch;
    if (r.valLoss < current.valMse) {
      delete current.valSe;
      delete current.testMse;
      Object.assign(current, stats);
      this.captureEpoch = r.epoch;
    } else this.captureEpoch = null;
  }

  onEpochModel(epoch: number, params: PhoenixParams): void {
    if (this.captureEpoch !== epoch) return;
    const current = this.levels.at(-1);
    if (current) current.effects = toSparseEffects(effectsMatrix(params));
    this.captureEpoch = null;
  }

  /** The levels so far; a level whose model was never seen (training resumed past it) has n = 0. */
  result(): LevelEffects[] {
    return this.levels;
  }
}
