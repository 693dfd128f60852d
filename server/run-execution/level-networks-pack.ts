import type { SparseEffects } from '@/compute';

/** A level's sparse effects as two byte strings: uint32 pairs and float32 effects, little-endian. */
export function packEffects(effects: SparseEffects): { pairs: Buffer; effects: Buffer } {
  const pairs = Buffer.alloc(effects.index.length * 4);
  const values = Buffer.alloc(effects.value.length * 4);
  for (let k = 0; k < effects.index.length; k++) {
    pairs.writeUInt32LE(effects.index[k], k * 4);
    values.writeFloatLE(effects.value[k], k * 4);
  }
  return { pairs, effects: values };
}

export function unpackEffects(n: number, pairs: Buffer, effects: Buffer): SparseEffects {
  if (pairs.length !== effects.length || pairs.length % 4 !== 0)
    throw new RangeError(`stored level network: ${pairs.length} pair bytes but ${effects.length} effect bytes`);
  const count = pairs.length / 4;
  const index = new Array<number>(count);
  const value = new Array<number>(count);
  for (let k = 0; k < count; k++) {
    index[k] = pairs.readUInt32LE(k * 4);
    value[k] = effects.readFloatLE(k * 4);
  }
  return { n, index, value };
}
