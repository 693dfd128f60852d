import type { SquareMatrix } from '../types';
import type { PhoenixParams } from './params';

const relu = (x: number) => (x > 0 ? x : 0);

/** One branch's second layer prepared for gathering: AT[k·n + i] = A[i, k] · relu(v_i), and each unit's non-zero targets. */
function branchTargets(A: Float32Array, v: Float32Array, n: number, h: number) {
  const AT = new Float64Array(h * n);
  for (let i = 0; i < n; i++) {
    const scale = relu(v[i]);
    if (scale === 0) continue;
    for (let k = 0; k < h; k++) AT[k * n + i] = A[i * h + k] * scale;
  }
  // targets[start[k] .. start[k + 1]) lists unit k's targets and values[·] their AT entries, side by
  // side so the gather reads them in order; a unit reaching over a quarter of the genes is run densely.
  const start = new Int32Array(h + 1);
  const list: number[] = [];
  const dense = new Uint8Array(h);
  for (let k = 0; k < h; k++) {
    start[k] = list.length;
    let count = 0;
    for (let i = 0; i < n; i++) if (AT[k * n + i] !== 0) count++;
    dense[k] = count > n / 4 ? 1 : 0;
    if (!dense[k]) for (let i = 0; i < n; i++) if (AT[k * n + i] !== 0) list.push(i);
  }
  start[h] = list.length;
  const targets = Int32Array.from(list);
  const values = new Float64Array(targets.length);
  for (let k = 0; k < h; k++) for (let t = start[k]; t < start[k + 1]; t++) values[t] = AT[k * n + targets[t]];
  return { AT, start, targets, values, dense };
}

/**
 * E = (W_sᵀ A_sᵀ + W_pᵀ A_pᵀ) ⊙ relu(v) (spec §6): E[j, i] is the effect of gene j on gene i.
 * Pass masked parameters: pruned weights must be exactly zero, so missing paths give exact zeros.
 * Row j of E gathers W[k, j] · relu(v) ⊙ A[:, k] over hidden units k, skipping zero weights, so a pruned
 * model costs in proportion to its surviving paths. Rows are built one at a time (both branches), so
 * the row being written stays in cache even when E is a gigabyte (11,000 genes); every entry sums its
 * terms in the same order as before (the W_s branch over k, then the W_p branch over k).
 */
export function effectsMatrix(p: PhoenixParams): SquareMatrix {
  const { n, h } = p;
  const data = new Float64Array(n * n);
  const branches = [
    { W: p.Ws, ...branchTargets(p.As, p.v, n, h) },
    { W: p.Wp, ...branchTargets(p.Ap, p.v, n, h) },
  ];
  for (let j = 0; j < n; j++) {
    const row = j * n;
    for (const { W, AT, start, targets, values, dense } of branches) {
      for (let k = 0; k < h; k++) {
        const w = W[k * n + j];
        if (w === 0) continue;
        const base = k * n;
        if (dense[k]) {
          for (let i = 0; i < n; i++) data[row + i] += w * AT[base + i];
        } else {
          for (let t = start[k]; t < start[k + 1]; t++) data[row + targets[t]] += w * values[t];
        }
      }
    }
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
