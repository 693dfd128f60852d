import type { SquareMatrix } from '../types';

/**
 * The nonzero entries of an effects matrix (regulator × target), in row-major order: entry k is the
 * effect of gene floor(index[k] / n) on gene index[k] mod n. A pruned model's network is a few percent
 * of n², so levels and replicates keep this form rather than the dense matrix.
 */
export interface SparseEffects {
  n: number;
  index: number[];
  value: number[];
}

export function toSparseEffects(effects: SquareMatrix): SparseEffects {
  const index: number[] = [];
  const value: number[] = [];
  const { n, data } = effects;
  for (let k = 0; k < n * n; k++) {
    if (data[k] !== 0) {
      index.push(k);
      value.push(data[k]);
    }
  }
  return { n, index, value };
}

export function toDenseEffects(sparse: SparseEffects): SquareMatrix {
  const { n } = sparse;
  const data = new Float64Array(n * n);
  for (let k = 0; k < sparse.index.length; k++) data[sparse.index[k]] = sparse.value[k];
  return { n, data };
}

/** Checks the shape a stored or uploaded SparseEffects must have; throws a RangeError naming the fault. */
export function checkSparseEffects(s: SparseEffects): void {
  if (!Number.isInteger(s.n) || s.n < 1) throw new RangeError(`sparse effects: n must be a positive integer, not ${s.n}`);
  if (s.index.length !== s.value.length) throw new RangeError(`sparse effects: ${s.index.length} indices but ${s.value.length} values`);
  let previous = -1;
  for (let k = 0; k < s.index.length; k++) {
    const i = s.index[k];
    if (!Number.isInteger(i) || i <= previous || i >= s.n * s.n) throw new RangeError(`sparse effects: index ${k} (${i}) is not increasing within 0..n²−1`);
    if (!Number.isFinite(s.value[k]) || s.value[k] === 0) throw new RangeError(`sparse effects: value ${k} must be finite and nonzero`);
    previous = i;
  }
}
