import { describe, expect, it } from 'vitest';
import { formatJaccard, levelLabel } from './edge-format';

describe('edge comparison labels', () => {
  it('a Jaccard of two empty networks says so', () => {
    expect(formatJaccard(null)).toBe('— (no edges)');
    expect(formatJaccard(1 / 3)).toBe('0.333');
  });
  it('a level names its sparsity, edges and whether the run kept it', () => {
    expect(levelLabel({ level: 2, sparsity: 0.875, edgeCount: 12, kept: true })).toBe('level 2: 87.5% sparse, 12 edges (kept)');
  });
});
