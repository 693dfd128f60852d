import { describe, expect, it } from 'vitest';
import { packEffects, unpackEffects } from './level-networks-pack';

describe('level network packing', () => {
  it('round-trips pairs exactly and effects to float32', () => {
    const s = { n: 70_000, index: [0, 5, 4_899_999_999 % 2 ** 32], value: [0.5, -1.25, 3e-7] };
    const packed = packEffects(s);
    expect(packed.pairs.length).toBe(12);
    const back = unpackEffects(70_000, packed.pairs, packed.effects);
    expect(back.index).toEqual(s.index);
    expect(back.value[0]).toBe(0.5);
    expect(back.value[1]).toBe(-1.25);
    expect(back.value[2]).toBeCloseTo(3e-7, 12);
  });

  it('refuses byte strings of different lengths', () => {
    expect(() => unpackEffects(3, Buffer.alloc(8), Buffer.alloc(4))).toThrow(/8 pair bytes but 4 effect bytes/);
  });
});
