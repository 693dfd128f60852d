import type { SquareMatrix } from '../types';
import type { PhoenixParams } from './params';

const relu = (x: number) => (x > 0 ? x : 0);

/**
 * E = (W_sᵀ A_sᵀ + W_pᵀ A_pᵀ) ⊙ relu(v) (spec §6): E[j, i] is the effect of gene j on gene i.
 * Pass masked parameters: pruned weights must be exactly zero, so missing paths give exact zeros.
 * Loops skip zero weights, so a pruned model costs in proportion to its surviving paths.
 */
export function effectsMatrix(p: PhoenixParams): SquareMatrix {
  const { n, h } = p;
  const data = new Float64Array(n * n);
  const addBranch = (W: Float32Array, A: Float32Array) => {
    const sources: number[] = [];
    const targets: number[] = [];
    for (let k = 0; k < h; k++) {
      sources.length = 0;
      targets.length = 0;
      for (let j = 0; j < n; j++) if (W[k * n + j] !== 0) sources.push(j);
      if (sources.length === 0) continue;
      for (let i = 0; i < n; i++) if (A[i * h + k] !== 0 && p.v[i] > 0) targets.push(i);
      for (const j of sources) {
        const w = W[k * n + j];
        const row = j * n;
        for (const i of targets) data[row + i] += w * A[i * h + k];
      }
    }
  };
  addBranch(p.Ws, p.As);
  addBranch(p.Wp, p.Ap);
  for (let j = 0; j < n; j++) {
    const row = j * n;
    for (let i = 0; i < n; i++) data[row + i] *= relu(p.v[i]);
  }
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
