import { describe, expect, it } from 'vitest';
import { extent, maxOf, minOf } from './extent';

describe('extent', () => {
  it('handles lists far longer than the argument limit of Math.max(...list)', () => {
    const values = Float64Array.from({ length: 2_000_000 }, (_, i) => Math.sin(i) * i);
    const [lo, hi] = extent(values);
    expect(lo).toBe(values.reduce((a, b) => Math.min(a, b)));
    expect(hi).toBe(values.reduce((a, b) => Math.max(a, b)));
    expect([minOf([3, -1, 2]), maxOf([3, -1, 2])]).toEqual([-1, 3]);
    expect(extent([])).toEqual([Infinity, -Infinity]);
  });
});
