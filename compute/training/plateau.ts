/**
 * torch.optim.lr_scheduler.ReduceLROnPlateau as the reference configures it: mode min, factor 0.9,
 * patience 3, absolute threshold 1e-6, floor 4e-5 per group, eps 1e-9, no cooldown.
 */
export interface PlateauState {
  /** null before the first metric (torch's +inf). */
  best: number | null;
  badEpochs: number;
  rates: number[];
}

export class ReduceOnPlateau {
  state: PlateauState;

  constructor(
    rates: readonly number[],
    private readonly options = { factor: 0.9, patience: 3, threshold: 1e-6, minRate: 4e-5, eps: 1e-9 },
  ) {
    this.state = { best: null, badEpochs: 0, rates: rates.slice() };
  }

  get rates(): readonly number[] {
    return this.state.rates;
  }

  /** Feeds one epoch's validation loss; returns true when the rates were lowered. */
  observe(metric: number): boolean {
    const s = this.state;
    const o = this.options;
    if (s.best === null || metric < s.best - o.threshold) {
      s.best = metric;
      s.badEpochs = 0;
    } else {
      s.badEpochs += 1;
    }
    if (s.badEpochs <= o.patience) return false;
    s.badEpochs = 0;
    let lowered = false;
    s.rates = s.rates.map((old) => {
      const next = Math.max(old * o.factor, o.minRate);
      if (old - next > o.eps) {
        lowered = true;
        return next;
      }
      return old;
    });
    return lowered;
  }
}
