import { describe, expect, it } from 'vitest';
import { effectsMatrix, modelSparsity } from './effects';
import { Random } from '../random';
import type { PhoenixParams } from './params';

// n = 2 genes, h = 2 hidden units.
const params: PhoenixParams = {
  n: 2,
  h: 2,
  Ws: Float32Array.from([1, 0, 0, 2]), // hidden 0 reads gene 0, hidden 1 reads gene 1
  bs: Float32Array.from([0.3, -0.3]),
  Wp: Float32Array.from([0, 0, 0.5, 0]), // hidden 1 (prods) reads gene 0
  bp: Float32Array.from([0, 0]),
  As: Float32Array.from([0, 3, 4, 0]), // gene 0 ← hidden 1, gene 1 ← hidden 0
  Ap: Float32Array.from([0, 0, 0, -1]), // gene 1 ← prods hidden 1
  v: Float32Array.from([2, 0.5]),
};

describe('effects matrix E = (W_sᵀA_sᵀ + W_pᵀA_pᵀ) ⊙ relu(v)', () => {
  it('matches the hand computation', () => {
    const e = effectsMatrix(params);
    // W_sᵀA_sᵀ[j][i] = Σ_k Ws[k][j]·As[i][k]: [0→0]=0, [0→1]=1·4, [1→0]=2·3, [1→1]=0.
    // W_pᵀA_pᵀ: [0→1] = 0.5·(−1). Then column i times relu(v_i) = [2, 0.5].
    expect(Array.from(e.data)).toEqual([0, (4 - 0.5) * 0.5, 6 * 2, 0]);
  });

  it('a switched-off gene (v ≤ 0) receives no effects', () => {
    const e = effectsMatrix({ ...params, v: Float32Array.from([-1, 0.5]) });
    expect(e.data[0 * 2 + 0]).toBe(0);
    expect(e.data[1 * 2 + 0]).toBe(0);
    expect(e.data[0 * 2 + 1]).toBeCloseTo(1.75, 12);
  });
});

describe('effects of a larger pruned model', () => {
  it('equals the plain triple sum, with units both sparse and dense and some genes switched off', () => {
    const n = 40;
    const h = 7;
    const random = new Random(12);
    // Units 0–2 keep most of their targets (the dense path), the others few (the gather path).
    const weights = (rows: number, cols: number, keep: (row: number, col: number) => number) =>
      Float32Array.from({ length: rows * cols }, (_, q) => (random.next() < keep(Math.floor(q / cols), q % cols) ? random.next() - 0.5 : 0));
    const p: PhoenixParams = {
      n,
      h,
      Ws: weights(h, n, () => 0.1),
      Wp: weights(h, n, () => 0.1),
      As: weights(n, h, (_i, k) => (k < 3 ? 0.9 : 0.1)),
      Ap: weights(n, h, (_i, k) => (k < 3 ? 0.9 : 0.1)),
      bs: new Float32Array(h),
      bp: new Float32Array(h),
      v: Float32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? -0.2 : random.next())),
    };
    const e = effectsMatrix(p);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let k = 0; k < h; k++) sum += p.Ws[k * n + j] * p.As[i * h + k] + p.Wp[k * n + j] * p.Ap[i * h + k];
        expect(e.data[j * n + i]).toBeCloseTo(sum * Math.max(p.v[i], 0), 12);
      }
    }
  });
});

describe('sparsity (spec §7)', () => {
  it('counts zeros of W_s, W_p, A_s ⊙ relu(v)ᵀ, A_p ⊙ relu(v)ᵀ', () => {
    // Ws 2 zeros, Wp 3, As 2, Ap 3 → 10 / 16.
    expect(modelSparsity(params)).toBe(10 / 16);
    // With v₁ ≤ 0, row 1 of both A matrices counts as zero: As gains 1, Ap gains 1 (−1 entry).
    expect(modelSparsity({ ...params, v: Float32Array.from([2, 0]) })).toBe(12 / 16);
  });
});
