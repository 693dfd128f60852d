import { describe, expect, it } from 'vitest';
import type { EpochReport } from '../training/types';
import { pruningPath, type EpochScores } from './pruning-path';

const report = (epoch: number, valLoss: number, sparsity: number, pruned = false): EpochReport => ({
  epoch,
  totalEpochs: 10,
  trainLoss: valLoss,
  valLoss,
  sparsity,
  learningRate: 1e-3,
  seconds: 1,
  pruned,
  isBest: false,
});
const scores = (ba: number): EpochScores => ({ balancedAccuracy: ba, balancedAccuracyRegulators: ba, precision: ba, recall: ba });

describe('pruningPath', () => {
  it('splits the history at pruning events and keeps the lowest validation loss of each level', () => {
    const history = [report(1, 5, 0.1), report(2, 4, 0.1), report(3, 6, 0.7, true), report(4, 3, 0.7), report(5, 3.5, 0.7), report(6, 9, 0.73, true)];
    const byEpoch = new Map([
      [2, scores(0.6)],
      [4, scores(0.8)],
      [6, scores(0.85)],
    ]);
    const path = pruningPath(history, byEpoch);
    expect(path.map((l) => [l.firstEpoch, l.lastEpoch, l.bestEpoch, l.sparsity, l.valMse])).toEqual([
      [1, 2, 2, 0.1, 4],
      [3, 5, 4, 0.7, 3],
      [6, 6, 6, 0.73, 9],
    ]);
    expect(path.map((l) => l.scores?.balancedAccuracy)).toEqual([0.6, 0.8, 0.85]);
    expect(path.every((l) => l.testMse === undefined)).toBe(true);
  });

  it("carries the test error of each level's chosen epoch when the run had test data", () => {
    const history = [
      { ...report(1, 5, 0.1), testLoss: 7 },
      { ...report(2, 4, 0.1), testLoss: 6.5 },
      { ...report(3, 6, 0.7, true), testLoss: 8 },
    ];
    expect(pruningPath(history, new Map()).map((l) => l.testMse)).toEqual([6.5, 8]);
  });

  it("carries the validation standard error of each level's chosen epoch", () => {
    const history = [
      { ...report(1, 5, 0.1), valSe: 0.5 },
      { ...report(2, 4, 0.1), valSe: 0.4 },
      { ...report(3, 6, 0.7, true), valSe: 0.7 },
    ];
    expect(pruningPath(history, new Map()).map((l) => l.valSe)).toEqual([0.4, 0.7]);
    expect(pruningPath([report(1, 2, 0)], new Map())[0]).not.toHaveProperty('valSe');
  });

  it('gives one level for an unpruned run and none for an empty history', () => {
    expect(pruningPath([report(1, 2, 0), report(2, 1, 0)], new Map())).toHaveLength(1);
    expect(pruningPath([], new Map())).toEqual([]);
  });
});
