import { describe, expect, it } from 'vitest';
import { configFromArgs, parseTrainArgs } from './cli/train';
import { corruptPrior, PRIOR_CORRUPTION_OPTION } from './prior-corruption';
import type { SquareMatrix } from './types';

// A 4-gene chain with one repression: 4 signed edges, 8 empty off-diagonal places.
const n = 4;
const prior: SquareMatrix = { n, data: new Float64Array(n * n) };
for (const [a, b, s] of [
  [0, 1, 1],
  [1, 2, -1],
  [2, 3, 1],
  [3, 0, 1],
])
  prior.data[a * n + b] = s;
const edgesOf = (m: SquareMatrix) => Array.from(m.data.keys()).filter((k) => m.data[k] !== 0);

describe('corruptPrior', () => {
  it('at f = 0.5 of 4 edges removes 2, adds 2 false ones off the diagonal, flips the signs of both kept ones', () => {
    const { prior: out, removed, added, flipped } = corruptPrior(prior, 0.5, 11);
    expect({ removed, added, flipped }).toEqual({ removed: 2, added: 2, flipped: 2 });
    const before = new Set(edgesOf(prior));
    const after = edgesOf(out);
    expect(after).toHaveLength(4);
    const kept = after.filter((k) => before.has(k));
    const fresh = after.filter((k) => !before.has(k));
    expect(kept).toHaveLength(2);
    for (const k of kept) expect(out.data[k]).toBe(-prior.data[k]);
    for (const k of fresh) {
      expect(Math.floor(k / n)).not.toBe(k % n);
      expect(Math.abs(out.data[k])).toBe(1);
    }
    expect(Array.from(prior.data.filter((x) => x !== 0))).toEqual([1, -1, 1, 1]); // the input is left alone
  });

  it('is seeded: the same seed gives the same prior, another seed another; f = 0 changes nothing, f = 1 replaces every edge', () => {
    expect(corruptPrior(prior, 0.5, 11).prior.data).toEqual(corruptPrior(prior, 0.5, 11).prior.data);
    const seeds = [1, 2, 3, 4, 5].map((s) => Array.from(corruptPrior(prior, 0.5, s).prior.data).join(','));
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(corruptPrior(prior, 0, 3).prior.data).toEqual(prior.data);
    const all = corruptPrior(prior, 1, 3);
    expect({ removed: all.removed, added: all.added, flipped: all.flipped }).toEqual({ removed: 4, added: 4, flipped: 0 });
    expect(edgesOf(all.prior).some((k) => prior.data[k] !== 0)).toBe(false);
    expect(() => corruptPrior(prior, 1.5, 0)).toThrow(/from 0 to 1/);
  });

  it('is the CLI’s --corrupt-prior, recorded in the config only when set', () => {
    const base = ['--data', 'd.csv', '--out', 'o'];
    expect(configFromArgs(parseTrainArgs(base))).not.toHaveProperty(PRIOR_CORRUPTION_OPTION.key);
    expect(configFromArgs(parseTrainArgs([...base, '--corrupt-prior', '0.2']))).toMatchObject({ priorCorruption: 0.2 });
    expect(() => parseTrainArgs([...base, '--corrupt-prior', '2'])).toThrow(/corrupt-prior/);
  });
});
