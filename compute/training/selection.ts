import type { PhoenixMasks, PhoenixParams } from '../model/params';

/**
 * Which epoch's model a run keeps.
 * - `best`: the lowest validation loss (spec §3, the default).
 * - `one-se`: the sparsest model whose validation loss is within one standard error of the lowest
 *   (the "one-standard-error rule" of Breiman et al. 1984 and Hastie, Tibshirani & Friedman §7.10).
 *   Along a pruning path the validation loss is often flat over a wide range of sparsity; this keeps
 *   the sparsest network that the validation data cannot tell apart from the best one.
 */
export const SELECTION_RULES = ['best', 'one-se'] as const;
export type SelectionRule = (typeof SELECTION_RULES)[number];

export interface KeptModel {
  epoch: number;
  valLoss: number;
  /** Standard error of valLoss over the validation trajectories; absent with fewer than two. */
  valSe?: number;
  /** Pruning level (0 before the first event, +1 at every event): later levels are sparser. */
  level: number;
  params: PhoenixParams;
  masks: PhoenixMasks | null;
}

export interface EpochObservation {
  epoch: number;
  valLoss: number;
  valSe?: number;
  level: number;
}

export interface SelectionState {
  best: KeptModel | null;
  chosen: KeptModel | null;
  badEpochs: number;
}

/**
 * Tracks the kept model and the early-stopping count. Under `best` an epoch counts as bad unless it
 * lowers the validation loss. Under `one-se` it counts as bad only when its loss is more than one
 * standard error above the lowest: an epoch the data cannot tell apart from the best keeps the run going.
 */
export class ModelSelection {
  best: KeptModel | null = null;
  chosen: KeptModel | null = null;
  badEpochs = 0;

  constructor(private readonly rule: SelectionRule) {}

  /** Records one epoch; `snapshot` copies the model and is called only when this epoch is kept. Returns whether it is the new lowest loss. */
  observe(e: EpochObservation, snapshot: () => Pick<KeptModel, 'params' | 'masks'>): boolean {
    if (this.best === null || e.valLoss < this.best.valLoss) {
      this.best = { ...e, ...snapshot() };
      this.chosen = this.best;
      this.badEpochs = 0;
      return true;
    }
    if (this.rule === 'one-se' && this.withinOneSe(e.valLoss)) {
      const chosen = this.chosen!;
      const sparser = e.level > chosen.level;
      if (sparser || (e.level === chosen.level && e.valLoss < chosen.valLoss)) this.chosen = { ...e, ...snapshot() };
      this.badEpochs = 0;
      return false;
    }
    this.badEpochs += 1;
    return false;
  }

  private withinOneSe(valLoss: number): boolean {
    const best = this.best!;
    return best.valSe !== undefined && valLoss <= best.valLoss + best.valSe;
  }

  get state(): SelectionState {
    return { best: this.best, chosen: this.chosen, badEpochs: this.badEpochs };
  }

  set state(s: SelectionState) {
    this.best = s.best;
    this.chosen = s.chosen ?? s.best;
    this.badEpochs = s.badEpochs;
  }
}

/** Standard error of a mean (sample sd / √count); null with fewer than two values. */
export function standardError(values: readonly number[]): number | null {
  const k = values.length;
  if (k < 2) return null;
  const mean = values.reduce((s, x) => s + x, 0) / k;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1);
  return Math.sqrt(variance / k);
}
