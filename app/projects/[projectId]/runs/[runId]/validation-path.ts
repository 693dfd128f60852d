import { pruningPath, type PathEpoch, type PruningLevel } from '@/compute';
import type { EpochPoint } from './loss-curves';

export interface PathPoint extends PruningLevel {
  /** valMse over the run's lowest validation loss. */
  ratio: number;
  /** valSe over the run's lowest, when known. */
  seRatio: number | null;
  withinOneSe: boolean;
}

export interface ValidationPath {
  /** The pruned levels (the one before the first pruning event is left out), in order. */
  points: PathPoint[];
  lowest: PruningLevel;
  /** The lowest loss plus its standard error, over the lowest: the one-SE rule's line. Null without SEs. */
  oneSeRatio: number | null;
  /** The pruned level holding the kept epoch. */
  kept: PathPoint | null;
  /** The sparsest pruned level within one SE of the lowest. */
  sparsestWithinOneSe: PathPoint | null;
}

/**
 * Each pruning level's best validation loss relative to the run's lowest, with the one-SE line: the
 * picture that shows how flat the loss is across sparsity, so how much the kept model's sparsity is
 * the data's choice and how much chance. Null when the run has no pruning events (yet).
 */
export function validationPath(epochs: readonly EpochPoint[], keptEpoch: number | null): ValidationPath | null {
  const complete: PathEpoch[] = epochs.flatMap((e) =>
    e.valLoss !== null && e.valLoss > 0 && e.sparsity !== null
      ? [{ epoch: e.epoch, valLoss: e.valLoss, sparsity: e.sparsity, pruned: e.pruned, ...(e.valSe != null ? { valSe: e.valSe } : {}) }]
      : [],
  );
  const levels = pruningPath(complete);
  if (levels.length < 2) return null;
  const lowest = levels.reduce((a, b) => (b.valMse < a.valMse ? b : a));
  const oneSeRatio = lowest.valSe !== undefined ? (lowest.valMse + lowest.valSe) / lowest.valMse : null;
  const points = levels.slice(1).map((l) => {
    const ratio = l.valMse / lowest.valMse;
    return { ...l, ratio, seRatio: l.valSe !== undefined ? l.valSe / lowest.valMse : null, withinOneSe: oneSeRatio !== null && ratio <= oneSeRatio };
  });
  const kept = keptEpoch === null ? null : (points.find((p) => p.firstEpoch <= keptEpoch && keptEpoch <= p.lastEpoch) ?? null);
  const within = points.filter((p) => p.withinOneSe);
  return { points, lowest, oneSeRatio, kept, sparsestWithinOneSe: within.at(-1) ?? null };
}
