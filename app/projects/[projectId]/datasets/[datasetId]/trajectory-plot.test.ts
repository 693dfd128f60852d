import { describe, expect, it } from 'vitest';
import { niceTicks } from './trajectory-plot';

describe('niceTicks', () => {
  it('puts round values 1, 2 or 5 × 10^k apart inside the range', () => {
    expect(niceTicks(0, 9)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 9, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.2, 0.68)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(niceTicks(-1.3, 2.1)).toEqual([-1, 0, 1, 2]);
  });

  it('gives the single value of an empty range', () => {
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});
