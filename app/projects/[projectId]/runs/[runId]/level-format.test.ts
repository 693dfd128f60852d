import { describe, expect, it } from 'vitest';
import { levelLabel, levelTsv } from './level-format';

describe('level network formatting', () => {
  it('labels a level with its epochs, sparsity, size and whether it was kept', () => {
    const l = {
      level: 3,
      firstEpoch: 23,
      lastEpoch: 32,
      bestEpoch: 30,
      sparsity: 0.9451,
      valMse: 1e-3,
      valSe: null,
      testMse: null,
      edgeCount: 15894,
      kept: true,
    };
    expect(levelLabel(l)).toBe('level 3 · epochs 23–32 · sparsity 94.5% · 15,894 edges · kept model');
    expect(levelLabel({ ...l, kept: false })).not.toMatch(/kept/);
  });
  it('exports rank, regulator, target and effect per line', () => {
    expect(levelTsv([{ rank: 1, regulator: 'A', target: 'B\tx', effect: -0.5 }])).toBe('rank\tregulator\ttarget\teffect\n1\tA\tB x\t-0.5\n');
  });
});
