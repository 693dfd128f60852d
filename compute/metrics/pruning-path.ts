import type { EpochReport } from '../training/types';

/** Scores of the model after one epoch against the reference network. */
export interface EpochScores {
  balancedAccuracy: number;
  balancedAccuracyRegulators: number;
  precision: number;
  recall: number;
}

/** One sparsity level of a pruning run: the epochs between two pruning events. */
export interface PruningLevel {
  level: number;
  firstEpoch: number;
  lastEpoch: number;
  /** The epoch with the lowest validation loss at this level. */
  bestEpoch: number;
  sparsity: number;
  valMse: number;
  /** Standard error of valMse over the validation trajectories, when there were at least two. */
  valSe?: number;
  testMse?: number;
  scores: EpochScores | null;
}

/** What pruningPath reads of an epoch: the trainer's reports, or the stored epochs of a run. */
export type PathEpoch = Pick<EpochReport, 'epoch' | 'valLoss' | 'valSe' | 'testLoss' | 'sparsity' | 'pruned'>;

/**
 * The sparsity / accuracy trade-off along the pruning schedule: for every level, the model with the
 * lowest validation loss at that level. The run itself keeps the best model over all levels (spec §3);
 * this shows what the neighbouring levels would have given.
 */
export function pruningPath(history: readonly PathEpoch[], scores: ReadonlyMap<number, EpochScores> = new Map()): PruningLevel[] {
  const levels: PruningLevel[] = [];
  for (const r of history) {
    const current = levels.at(-1);
    if (!current || r.pruned) {
      levels.push({ level: levels.length, firstEpoch: r.epoch, lastEpoch: r.epoch, ...atEpoch(r, scores) });
      continue;
    }
    current.lastEpoch = r.epoch;
    if (r.valLoss < current.valMse) {
      Object.assign(current, atEpoch(r, scores));
    }
  }
  return levels;
}

function atEpoch(r: PathEpoch, scores: ReadonlyMap<number, EpochScores>) {
  return {
    bestEpoch: r.epoch,
    sparsity: r.sparsity,
    valMse: r.valLoss,
    ...(r.valSe !== undefined ? { valSe: r.valSe } : {}),
    ...(r.testLoss !== undefined ? { testMse: r.testLoss } : {}),
    scores: scores.get(r.epoch) ?? null,
  };
}
