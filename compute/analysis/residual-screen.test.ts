import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import type { ExpressionData } from '../types';
import { residualScreen } from './residual-screen';
import type { SparseEffects } from './sparse-effects';

// Genes a, b, c, d (pair index = 4·regulator + target). Over each unit interval the target c changes
// exactly as dc/dt = s·a − 0.3·b − 0.2·c at the midpoint; a and d vary at random and regulate nothing of c.
// The prior knows b→c, a→d and d→b, so a, b and d are the candidate regulators.
function data(strength: number, trajectories = 40, seed = 1): ExpressionData {
  const random = new Random(seed);
  const list = Array.from({ length: trajectories }, () => {
    const from = [random.uniform(), random.uniform(), random.uniform(), random.uniform()];
    const to = [random.uniform(), random.uniform(), 0, random.uniform()];
    const mid = (g: number) => (from[g] + to[g]) / 2;
    // c₁ − c₀ = s·ā − 0.3·b̄ − 0.1·(c₀ + c₁), solved for c₁.
    to[2] = (from[2] * 0.9 + strength * mid(0) - 0.3 * mid(1)) / 1.1;
    return { times: [0, 1], values: [from, to] };
  });
  return { genes: ['a', 'b', 'c', 'd'], trajectories: list };
}
const prior: SparseEffects = { n: 4, index: [1 * 4 + 2, 0 * 4 + 3, 3 * 4 + 1], value: [-1, 1, 1] };

describe('residualScreen', () => {
  it('finds the regulator the prior lacks: it explains all of what the prior leaves, with its sign', () => {
    const pairs = residualScreen(data(0.5), prior);
    expect(pairs[0].index).toBe(0 * 4 + 2);
    expect(pairs[0].explained).toBeCloseTo(1, 9);
    expect(pairs[0].sign).toBe(1);
    // d explains nothing real of c; a prior pair (b→c) and self-pairs are never listed.
    const dc = pairs.find((p) => p.index === 3 * 4 + 2)!;
    expect(dc.explained).toBeLessThan(0.1);
    expect(pairs.some((p) => p.index === 1 * 4 + 2 || p.index % 5 === 0)).toBe(false);
    // Only genes that regulate something in the prior are candidates: c regulates nothing.
    expect(pairs.some((p) => Math.floor(p.index / 4) === 2)).toBe(false);
  });

  it('gives a repressor sign −1 and is repeatable', () => {
    const pairs = residualScreen(data(-0.5), prior);
    expect(pairs[0]).toMatchObject({ index: 2, sign: -1 });
    expect(residualScreen(data(-0.5), prior)).toEqual(pairs);
  });

  it('lists nothing for a target the prior explains fully', () => {
    const pairs = residualScreen(data(0), prior);
    expect(pairs.some((p) => p.index % 4 === 2)).toBe(false);
  });

  it('skips intervals with a missing or non-finite value and keeps at most perTarget per target', () => {
    const d = data(0.5);
    d.trajectories[0].values[1][0] = null;
    d.trajectories[1].values[0][3] = Number.NaN;
    expect(residualScreen(d, prior)[0]).toMatchObject({ index: 2, sign: 1 });
    const capped = residualScreen(data(0.5), prior, { perTarget: 1, noiseStd: 0 });
    expect(capped.filter((p) => p.index % 4 === 2)).toHaveLength(1);
  });

  it('adds the training noise first, one fixed draw: the missing regulator still leads, below 1', () => {
    const noisy = residualScreen(data(0.5, 200), prior, { perTarget: 20, noiseStd: 0.05 });
    expect(noisy[0]).toMatchObject({ index: 2, sign: 1 });
    expect(noisy[0].explained).toBeLessThan(0.99);
    expect(noisy[0].explained).toBeGreaterThan(0.3);
    expect(residualScreen(data(0.5, 200), prior, { perTarget: 20, noiseStd: 0.05 })).toEqual(noisy);
  });

  it('refuses a prior of another size and gives nothing for too few intervals', () => {
    expect(() => residualScreen(data(0.5), { n: 3, index: [], value: [] })).toThrow(/3×3/);
    expect(residualScreen(data(0.5, 2), prior)).toEqual([]);
  });
});
