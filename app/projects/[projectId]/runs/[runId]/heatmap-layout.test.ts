import { describe, expect, it } from 'vitest';
import { HEATMAP_SIZES, heatmapMargins } from './heatmap-layout';

describe('heatmapMargins', () => {
  it('grows with the longest label so long gene names are not clipped', () => {
    const short = heatmapMargins(['G1'], ['G2']);
    const long = heatmapMargins(['ENSMUSG00000012345'], ['ENSMUSG00000067890']);
    expect(long.left).toBeGreaterThanOrEqual(18 * 6);
    expect(long.top).toBeGreaterThanOrEqual(Math.ceil(18 * 6 * Math.sin(Math.PI / 3)));
    expect(short.left).toBeLessThan(long.left);
  });

  it('offers sizes within the server limits', () => {
    for (const s of HEATMAP_SIZES) expect(s.regulators <= 80 && s.targets <= 150).toBe(true);
  });
});
