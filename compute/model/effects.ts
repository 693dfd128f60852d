import type { SquareMatrix } from '../types';
import type { PhoenixParams } from './params';

const relu = (x: number) => (x > 0 ? x : 0);

/**
 * E = (W_sᵀ A_sᵀ + W_pᵀ A_pᵀ) ⊙ relu(v) (spec §6): E[j, i] is the effect of gene j on gene i.
 * Pass masked parameters: pruned weights must be exactly zero, so missing paths give exact zeros.
 * Row j of E gathers W[k, j] · relu(v) ⊙ A[:, k] over hidden units k, skipping zero weights, so a pruned
 * model costs in proportion to its surviving paths; A is transposed first so the inner loop is contiguous.
 */
export function effectsMatrix(p: PhoenixParams): SquareMatrix {
  const { n, h } = p;
  const data = new Float64Array(n * n);
  const addBranch = (W: Float32Array, A: Float32Array) => {
    // AT[k·n + i] = A[i, k] · relu(v_i): the contribution of hidden unit k to every target.
    const AT = new Float64Array(h * n);
    for (let i = 0; i < n; i++) {
      const scale = relu(p.v[i]);
      if (scale === 0) continue;
      for (let k = 0; k < h; k++) AT[k * n + i] = A[i * h + k] * scale;
    }
    const targets = new Int32Array(n);
    for (let k = 0; k < h; k++) {
      let count = 0;
      for (let i = 0; i < n; i++) if (AT[k * n + i] !== 0) targets[count++] = i;
      if (count === 0) continue;
      const dense = count > n / 4;
      const base = k * n;
      for (let j = 0; j < n; j++) {
        const w = W[k * n + j];
        if (w === 0) continue;
        const row = j * n;
        if (dense) for (let i = 0; i < n; i++) data[row + i] += w * AT[base + i];
        else
          for (let t = 0; t < count; t++) {
            const i = targets[t];
            data[row + i] += w * AT[base + i];
          }
      }
    }
  };
  addBranch(p.Ws, p.As);
  addBranch(p.Wp, p.Ap);
  return { n, data };
}

/** Spec §7: fraction of exact zeros over W_s, W_p, A_s ⊙ relu(v)ᵀ and A_p ⊙ relu(v)ᵀ together (masked parameters). */
export function modelSparsity(p: PhoenixParams): number {
  const { n, h } = p;
  let zeros = 0;
  for (const W of [p.Ws, p.Wp]) for (let k = 0; k < W.length; k++) if (W[k] === 0) zeros++;
  for (const A of [p.As, p.Ap]) {
    for (let i = 0; i < n; i++) {
      const dead = !(p.v[i] > 0);
      for (let k = 0; k < h; k++) if (dead || A[i * h + k] === 0) zeros++;
    }
  }
  return zeros / (4 * n * h);
}
