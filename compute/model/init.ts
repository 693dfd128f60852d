import type { Random } from '../random';
import type { PhoenixParams } from './params';

/**
 * torch.nn.init.sparse_ for a rows×cols matrix: normal(0, std) entries, then in every column
 * ceil(sparsity·rows) randomly chosen rows are zeroed.
 */
export function sparseNormal(rows: number, cols: number, sparsity: number, std: number, random: Random): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = random.normal(0, std);
  const zeros = Math.ceil(sparsity * rows);
  const order = Array.from({ length: rows }, (_, i) => i);
  for (let c = 0; c < cols; c++) {
    const shuffled = random.shuffle(order);
    for (let z = 0; z < zeros; z++) out[shuffled[z] * cols + c] = 0;
  }
  return out;
}

/**
 * torch.nn.init.orthogonal_ for a rows×cols matrix: the Q factor (with R's diagonal made positive) of a
 * standard-normal matrix, taken along the longer side, times `gain`. Orthonormal columns when
 * rows ≥ cols, orthonormal rows otherwise.
 */
export function orthogonal(rows: number, cols: number, gain: number, random: Random): Float32Array {
  const tall = rows >= cols;
  const m = tall ? rows : cols; // length of each vector to orthonormalise
  const k = tall ? cols : rows; // how many vectors
  const vectors: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const x = new Float64Array(m);
    for (let i = 0; i < m; i++) x[i] = random.normal();
    vectors.push(x);
  }
  // Modified Gram–Schmidt: Q with R's diagonal positive, as torch's sign correction gives.
  for (let j = 0; j < k; j++) {
    const q = vectors[j];
    for (let p = 0; p < j; p++) {
      const prev = vectors[p];
      let dot = 0;
      for (let i = 0; i < m; i++) dot += prev[i] * q[i];
      for (let i = 0; i < m; i++) q[i] -= dot * prev[i];
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += q[i] * q[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) q[i] /= norm;
  }
  const out = new Float32Array(rows * cols);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < m; i++) {
      const value = gain * vectors[j][i];
      if (tall) out[i * cols + j] = value;
      else out[j * cols + i] = value;
    }
  }
  return out;
}

/** The reference initialisation (spec §2): sparse-normal first layers, orthogonal second layers, zero biases, v ~ U(0, 1). */
export function initPhoenixParams(n: number, h: number, random: Random): PhoenixParams {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`genes must be a positive integer, got ${n}`);
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`hidden units must be a positive integer, got ${h}`);
  const Ws = sparseNormal(h, n, 0.95, 0.05, random);
  const Wp = sparseNormal(h, n, 0.95, 0.05, random);
  const As = orthogonal(n, h, 1, random);
  const Ap = orthogonal(n, h, 1, random);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = random.next();
  return { n, h, Ws, bs: new Float32Array(h), Wp, bp: new Float32Array(h), As, Ap, v };
}
