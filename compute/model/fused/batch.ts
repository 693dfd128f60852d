import type { PairBatch } from '../phoenix';
import type { FusedBatch } from './phoenix-fused';

const cache = new WeakMap<PairBatch, FusedBatch>();

/** The batch's numbers as float32 arrays, read back once per batch (the batches live for the whole run). */
export function fusedBatch(batch: PairBatch): FusedBatch {
  let out = cache.get(batch);
  if (!out) {
    out = {
      rows: batch.rows,
      start: Float32Array.from(batch.start.dataSync()),
      target: Float32Array.from(batch.target.dataSync()),
      observed: batch.observed ? Float32Array.from(batch.observed.dataSync()) : null,
      dt: Float32Array.from(batch.dt.dataSync()),
      count: batch.count,
    };
    cache.set(batch, out);
  }
  return out;
}
