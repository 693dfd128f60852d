import { describe, expect, it } from 'vitest';
import { formatEffect, formatJaccard, levelLabel } from './edge-format';

describe('edge comparison labels', () => {
  it('a Jaccard of two empty networks says so', () => {
    expect(formatJaccard(null)).toBe('— (no edges)');
    expect(formatJaccard(1 / 3)).toBe('0.333');
  });
  it('a level names its sparsity, edges and whether the run kept it', () => {
    expect(levelLabel({ level: 2, sparsity: 0.875, edgeCount: 12, kept: true })).toBe('level 2: 87.5% sparse, 12 edges (kept)');
  });
  it('effects keep three significant digits, tiny ones in exponent form', () => {
    expect([formatEffect(0.91234), formatEffect(-0.0051234), formatEffect(0.00004), formatEffect(12.5), formatEffect(0), formatEffect(null)]).toEqual([
      '0.912',
      '-0.00512',
      '4.00e-5',
      '12.500',
      '0',
      '—',
    ]);
  });
});
