import { describe, expect, it } from 'vitest';
import type { EpochPoint } from './loss-curves';
import { validationPath } from './validation-path';

const epoch = (epoch: number, valLoss: number, sparsity: number, pruned = false, valSe: number | null = 0.1): EpochPoint => ({
  epoch,
  trainLoss: valLoss,
  valLoss,
  valSe,
  sparsity,
  pruned,
});

// Level 0: epochs 1–2; level 1 (pruned at 3): 3–4; level 2 (pruned at 5): 5–6; level 3 (pruned at 7): 7.
const run = [
  epoch(1, 5, 0.02),
  epoch(2, 4, 0.02),
  epoch(3, 3, 0.7, true),
  epoch(4, 1.0, 0.7, false, 0.1),
  epoch(5, 1.2, 0.73, true),
  epoch(6, 1.05, 0.73),
  epoch(7, 1.5, 0.76, true),
];

describe('validationPath', () => {
  it('gives each pruned level its best loss over the lowest, and the one-SE line', () => {
    const path = validationPath(run, 4)!;
    expect(path.points.map((p) => [p.level, p.bestEpoch, p.sparsity])).toEqual([
      [1, 4, 0.7],
      [2, 6, 0.73],
      [3, 7, 0.76],
    ]);
    expect(path.points.map((p) => p.ratio)).toEqual([1, 1.05, 1.5]);
    expect(path.lowest.bestEpoch).toBe(4);
    expect(path.oneSeRatio).toBeCloseTo(1.1, 12);
    expect(path.points.map((p) => p.withinOneSe)).toEqual([true, true, false]);
    expect(path.points[1].seRatio).toBeCloseTo(0.1, 12);
  });

  it('names the kept level and the sparsest level the data cannot tell from the best', () => {
    const path = validationPath(run, 4)!;
    expect(path.kept?.level).toBe(1);
    expect(path.sparsestWithinOneSe?.level).toBe(2);
    expect(validationPath(run, 6)!.kept?.level).toBe(2);
    expect(validationPath(run, 1)!.kept).toBeNull();
  });

  it('has no one-SE line when the run recorded no standard errors', () => {
    const path = validationPath(
      run.map((e) => ({ ...e, valSe: null })),
      4,
    )!;
    expect(path.oneSeRatio).toBeNull();
    expect(path.points.every((p) => !p.withinOneSe && p.seRatio === null)).toBe(true);
    expect(path.sparsestWithinOneSe).toBeNull();
  });

  it('is null before the first pruning event and skips epochs without a validation loss', () => {
    expect(validationPath(run.slice(0, 2), 2)).toBeNull();
    expect(validationPath([], null)).toBeNull();
    const gappy = [...run.slice(0, 3), { ...run[3], valLoss: null }, ...run.slice(4)];
    expect(validationPath(gappy, 6)!.points[0].bestEpoch).toBe(3);
  });
});
