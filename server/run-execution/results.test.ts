import { describe, expect, it } from 'vitest';
import { hasNonFinite, rankEffects } from './results';

describe('rankEffects', () => {
  it('keeps every nonzero effect, ranked by |effect| with ties broken by position', () => {
    const data = new Float64Array([0, 0.5, -0.9, 0, 0, 0.5, 0.1, 0, 0]);
    expect(rankEffects({ n: 3, data }, ['A', 'B', 'C'])).toEqual([
      { regulator: 'A', target: 'C', effect: -0.9, rank: 1 },
      { regulator: 'A', target: 'B', effect: 0.5, rank: 2 },
      { regulator: 'B', target: 'C', effect: 0.5, rank: 3 },
      { regulator: 'C', target: 'A', effect: 0.1, rank: 4 },
    ]);
  });

  it('refuses a gene list that does not fit the matrix', () => {
    expect(() => rankEffects({ n: 2, data: new Float64Array(4) }, ['A'])).toThrow(RangeError);
  });

  it('spots diverged effects', () => {
    expect(hasNonFinite({ n: 1, data: new Float64Array([Number.NaN]) })).toBe(true);
    expect(hasNonFinite({ n: 1, data: new Float64Array([0.3]) })).toBe(false);
  });
});
