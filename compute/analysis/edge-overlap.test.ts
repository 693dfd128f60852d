import { describe, expect, it } from 'vitest';
import { compareEdgeSets } from './edge-overlap';

// n = 3: pair index = regulator·3 + target.
const A = { n: 3, index: [1, 2, 3, 5, 7], value: [0.9, -0.5, 0.2, 0.4, -0.1] };
const B = { n: 3, index: [1, 2, 4, 5, 8], value: [0.3, 0.6, -0.8, 0.05, 0.7] };

describe('compareEdgeSets', () => {
  it('shared, only-in-A and only-in-B, with sign agreement (known answer)', () => {
    const c = compareEdgeSets(A, B, 2);
    // shared 1 (0.9 / 0.3, same), 2 (−0.5 / 0.6, opposite), 5 (0.4 / 0.05, same); by the larger |effect|.
    expect(c.shared).toEqual([
      { index: 1, a: 0.9, b: 0.3, sameSign: true },
      { index: 2, a: -0.5, b: 0.6, sameSign: false },
      { index: 5, a: 0.4, b: 0.05, sameSign: true },
    ]);
    expect(c.onlyA).toEqual([
      { index: 3, value: 0.2 },
      { index: 7, value: -0.1 },
    ]);
    expect(c.onlyB).toEqual([
      { index: 4, value: -0.8 },
      { index: 8, value: 0.7 },
    ]);
    expect([c.sameSign, c.oppositeSign]).toEqual([2, 1]);
    expect(c.jaccard).toBeCloseTo(3 / 7, 12);
    // top 2 of A: {1, 2}; of B: {4, 8}: no overlap.
    expect(c.topK).toEqual({ k: 2, inA: 2, inB: 2, intersection: 0, union: 4, jaccard: 0 });
  });

  it('top-k by |effect|: k = 4 gives A {1,2,5,3} and B {4,8,2,1}: two shared of six', () => {
    const c = compareEdgeSets(A, B, 4);
    expect(c.topK).toEqual({ k: 4, inA: 4, inB: 4, intersection: 2, union: 6, jaccard: 2 / 6 });
  });

  it('k beyond the edge count takes every edge, so it equals the overall Jaccard', () => {
    const c = compareEdgeSets(A, B, 100);
    expect([c.topK.inA, c.topK.inB]).toEqual([5, 5]);
    expect(c.topK.jaccard).toBeCloseTo(c.jaccard!, 12);
  });

  it('ties in |effect| are cut in pair order', () => {
    const a = { n: 2, index: [0, 1, 2], value: [0.5, -0.5, 0.5] };
    const b = { n: 2, index: [1, 2], value: [1, 1] };
    // top 1 of a is pair 0 (the first of the tie), so nothing is shared in the top 1.
    expect(compareEdgeSets(a, b, 1).topK).toMatchObject({ intersection: 0, union: 2, jaccard: 0 });
    expect(compareEdgeSets(a, b, 2).topK).toMatchObject({ intersection: 1, union: 3 });
  });

  it('a network with itself overlaps fully; zero entries count as absent; two empty networks have no Jaccard', () => {
    const self = compareEdgeSets(A, A, 3);
    expect([self.shared.length, self.onlyA.length, self.onlyB.length, self.jaccard, self.topK.jaccard, self.oppositeSign]).toEqual([5, 0, 0, 1, 1, 0]);
    const withZero = compareEdgeSets({ n: 3, index: [1, 4], value: [0.2, 0] }, { n: 3, index: [4], value: [0.3] }, 5);
    expect(withZero.shared).toEqual([]);
    expect(withZero.onlyB).toEqual([{ index: 4, value: 0.3 }]);
    const empty = compareEdgeSets({ n: 3, index: [], value: [] }, { n: 3, index: [], value: [] }, 5);
    expect([empty.jaccard, empty.topK.jaccard]).toEqual([null, null]);
  });

  it('refuses networks over different genes and a k below 1', () => {
    expect(() => compareEdgeSets(A, { n: 4, index: [], value: [] }, 2)).toThrow(/different gene counts/);
    expect(() => compareEdgeSets(A, B, 0)).toThrow(/k must be/);
  });
});
