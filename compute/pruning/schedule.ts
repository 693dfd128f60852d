export interface PruningSchedule {
  /** Epoch (1-based) of the first pruning event. */
  firstEpoch: number;
  /** Fraction of each matrix's remaining entries removed at the first event. */
  firstFraction: number;
  /** Later events fall on every multiple of this many epochs. */
  every: number;
  /** Fraction of the remaining entries removed at each later event. */
  fraction: number;
}

export const referenceSchedule: PruningSchedule = { firstEpoch: 3, firstFraction: 0.7, every: 10, fraction: 0.1 };

/**
 * The fraction to prune at the start of `epoch`, or 0. As in the reference: the first event at
 * `firstEpoch`, then every epoch divisible by `every` after it and before the last epoch.
 */
export function pruningFractionAt(epoch: number, totalEpochs: number, s: PruningSchedule): number {
  if (epoch === s.firstEpoch) return s.firstFraction;
  if (epoch > s.firstEpoch && epoch < totalEpochs && s.every > 0 && epoch % s.every === 0) return s.fraction;
  return 0;
}
