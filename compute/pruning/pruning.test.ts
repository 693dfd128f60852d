import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import { initPhoenixParams } from '../model/init';
import { fullMasks, type PhoenixParams } from '../model/params';
import { PhoenixModel } from '../model/phoenix';
import { GradientTape } from '../model/rhs';
import { Random } from '../random';
import { decodeFloat64, encodeFloat64 } from '../training/encoding';
import type { SquareMatrix } from '../types';
import { inverse, toSparse } from './linalg';
import { PinnPrior } from './pinn';
import { ppiFromPrior } from './ppi';
import { Pruner, strategyLambdas } from './pruner';
import { pruningFractionAt, referenceSchedule } from './schedule';
import { combineScores, dataScores, firstLayerPrior, secondLayerPrior } from './scores';
import { pruneLowest } from './select';

// 3 genes: gene 0 activates 1 and represses 2; gene 1 activates 2.
const prior: SquareMatrix = { n: 3, data: Float64Array.from([0, 1, -1, 0, 0, 1, 0, 0, 0]) };
// S (h = 2 × n = 3).
const S = Float64Array.from([1, 0, 1, 0, 1, 1]);

function params(): PhoenixParams {
  return {
    n: 3,
    h: 2,
    Ws: Float32Array.from([1, -2, 0, 0, 3, -4]),
    bs: new Float32Array(2),
    Wp: Float32Array.from([0, Math.log(2), 0, 0, 0, 0]),
    bp: new Float32Array(2),
    As: Float32Array.from([1, 0, -2, 1, 0, 3]),
    Ap: Float32Array.from([0, 1, 1, 0, 0, 0]),
    v: Float32Array.from([0.5, -1, 2]),
  };
}

const close = (got: ArrayLike<number>, want: number[], digits = 10) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, k) => expect(got[k]).toBeCloseTo(w, digits));
};

describe('data scores D (by hand)', () => {
  const d = dataScores(params());
  it('W_s: |W_s| / Σ', () => close(d.Ws, [0.1, 0.2, 0, 0, 0.3, 0.4]));
  it('W_p: exp(W_p) / Σ (pruned zeros count as exp(0) = 1)', () => close(d.Wp, [1 / 7, 2 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7], 6));
  it('A: |A| ⊙ relu(v)ᵀ / Σ, row i scaled by gene i', () => {
    close(d.As, [0.5 / 6.5, 0, 0, 0, 0, 6 / 6.5]);
    close(d.Ap, [0, 0.5 / 0.5, 0, 0, 0, 0]);
  });
});

describe('DASH prior scores (by hand)', () => {
  it('PPI = |P||P|ᵀ / Σ applied in factored form', () => {
    // |P||P|ᵀ = [[2,1,0],[1,1,0],[0,0,0]], sum 5; S·PPI = [[2,1,0],[1,1,0]] / 5.
    close(ppiFromPrior(prior).rightMultiply(S, 2), [0.4, 0.2, 0, 0.2, 0.2, 0]);
  });

  it('first layer: S* = (S Sᵀ)⁻¹ S PPI', () => {
    // (S Sᵀ)⁻¹ = [[2,−1],[−1,2]] / 3.
    close(firstLayerPrior(S, 2, ppiFromPrior(prior)), [0.2, 0.2 / 3, 0, 0, 0.2 / 3, 0]);
  });

  it('second layer: C* = (S|P|)ᵀ (S Sᵀ)⁻¹', () => {
    // S|P| = [[0,1,1],[0,0,1]].
    close(secondLayerPrior(S, 2, toSparse(prior.data, 3, Math.abs)), [0, 0, 2 / 3, -1 / 3, 1 / 3, 1 / 3]);
  });

  it('agrees with dense matrix algebra on a larger random case', () => {
    const n = 7;
    const h = 3;
    const r = new Random(4);
    const p = Float64Array.from({ length: n * n }, () => (r.next() < 0.25 ? (r.next() < 0.5 ? -1 : 1) : 0));
    const s = Float64Array.from({ length: h * n }, () => r.next());
    const mul = (a: ArrayLike<number>, b: ArrayLike<number>, ra: number, ca: number, cb: number) =>
      Array.from({ length: ra * cb }, (_, idx) => {
        const i = Math.floor(idx / cb);
        const j = idx % cb;
        let sum = 0;
        for (let k = 0; k < ca; k++) sum += a[i * ca + k] * b[k * cb + j];
        return sum;
      });
    const tr = (a: ArrayLike<number>, ra: number, ca: number) => Array.from({ length: ra * ca }, (_, idx) => a[(idx % ra) * ca + Math.floor(idx / ra)]);
    const abs = Array.from(p, Math.abs);
    const ppi = mul(abs, tr(abs, n, n), n, n, n);
    const total = ppi.reduce((a, b) => a + b, 0);
    const inv3 = (m: number[]) => {
      const [a, b, c, d, e, f, g, hh, i] = m;
      const det = a * (e * i - f * hh) - b * (d * i - f * g) + c * (d * hh - e * g);
      return [e * i - f * hh, c * hh - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * hh - e * g, b * g - a * hh, a * e - b * d].map(
        (x) => x / det,
      );
    };
    const sst = inv3(mul(s, tr(s, h, n), h, n, h));
    const wantFirst = mul(
      sst,
      mul(
        s,
        ppi.map((x) => x / total),
        h,
        n,
        n,
      ),
      h,
      h,
      n,
    );
    close(firstLayerPrior(s, h, ppiFromPrior({ n, data: p })), wantFirst, 9);
    const wantSecond = mul(tr(mul(s, abs, h, n, n), h, n), sst, n, h, h);
    close(secondLayerPrior(s, h, toSparse(p, n, Math.abs)), wantSecond, 9);
  });

  it('inverts like torch, and falls back to a ridge only for a singular Gram matrix', () => {
    const inv = inverse([4, 7, 2, 6], 2);
    close(inv, [0.6, -0.7, -0.2, 0.4]);
    const singular = inverse([1, 1, 1, 1], 2); // rank 1: (I·1e-12 + J)⁻¹ exists
    expect(singular.every(Number.isFinite)).toBe(true);
    expect(() => inverse([NaN, 0, 0, 1], 2)).toThrow(/cannot invert/);
  });

  it('combines λ·|prior| + (1 − λ)·D', () => {
    close(combineScores(0.25, Float64Array.from([-4, 0]), Float64Array.from([1, 2])), [0.25 * 4 + 0.75, 1.5]);
    close(combineScores(0, null, Float64Array.from([1, 2])), [1, 2]);
  });
});

describe('selection and schedule', () => {
  it('prunes round(fraction · kept) of the kept entries with the lowest scores', () => {
    const mask = Uint8Array.from([1, 0, 1, 1, 1, 1]);
    const { mask: out, pruned } = pruneLowest(mask, [5, 0, 3, 1, 4, 2], 0.4);
    expect(pruned).toBe(2); // round(0.4 · 5)
    expect(Array.from(out)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(Array.from(mask)).toEqual([1, 0, 1, 1, 1, 1]); // input untouched
  });

  it('selects exactly what a stable sort by score would, on a large case with many ties', () => {
    const r = new Random(3);
    const size = 5000;
    const mask = Uint8Array.from({ length: size }, () => (r.next() < 0.8 ? 1 : 0));
    const scores = Float64Array.from({ length: size }, () => Math.floor(r.next() * 50) / 50);
    scores[17] = NaN;
    const { mask: got, pruned } = pruneLowest(mask, scores, 0.3);
    const kept = Array.from(mask.keys()).filter((k) => mask[k] === 1);
    const key = (k: number) => (Number.isNaN(scores[k]) ? -Infinity : scores[k]);
    const order = kept.slice().sort((a, b) => key(a) - key(b) || a - b);
    const want = mask.slice();
    for (const k of order.slice(0, Math.round(0.3 * kept.length))) want[k] = 0;
    expect(pruned).toBe(Math.round(0.3 * kept.length));
    expect(Array.from(got)).toEqual(Array.from(want));
  });

  it('follows the reference schedule: 70% at epoch 3, then 10% at every tenth epoch before the last', () => {
    const events = Array.from({ length: 200 }, (_, i) => i + 1).filter((e) => pruningFractionAt(e, 200, referenceSchedule) > 0);
    expect(events).toEqual([3, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190]);
    expect(pruningFractionAt(3, 200, referenceSchedule)).toBe(0.7);
    expect(pruningFractionAt(50, 200, referenceSchedule)).toBe(0.1);
  });

  it('maps strategies to (λ1, λ2)', () => {
    expect(strategyLambdas('none')).toBeNull();
    expect(strategyLambdas('pinn')).toBeNull();
    expect(strategyLambdas('imp')).toEqual([0, 0]);
    expect(strategyLambdas('pinn-mp')).toEqual([0, 0]);
    expect(strategyLambdas('bioprune')).toEqual([1, 1]);
    expect(strategyLambdas('dash', [0.5, 0.05])).toEqual([0.5, 0.05]);
    expect(() => strategyLambdas('dash')).toThrow(/needs lambda/);
  });
});

describe('Pruner', () => {
  it('IMP prunes by data score alone', () => {
    const pruner = new Pruner({ n: 3, h: 2, lambda: [0, 0], prior: null, random: new Random(1) });
    const { masks, event } = pruner.prune(params(), fullMasks(3, 2), 0.5);
    expect(Array.from(masks.Ws)).toEqual([0, 1, 0, 0, 1, 1]); // |W_s| = 1,2,0,0,3,4
    expect(Array.from(masks.As)).toEqual([1, 0, 0, 0, 1, 1]); // D_As ∝ .5,0,0,0,0,6: four zeros, ties by position
    expect(event.pruned).toEqual({ Ws: 3, Wp: 3, As: 3, Ap: 3 });
  });

  it('BioPrune prunes by the prior score of the current S, then keeps the combined score as the next S', () => {
    const pruner = new Pruner({ n: 3, h: 2, lambda: [1, 1], prior, random: new Random(1) });
    pruner.restore({ sWs: encodeFloat64(S), sWp: encodeFloat64(S) });
    const { masks } = pruner.prune(params(), fullMasks(3, 2), 0.5);
    // |S*| = [.2, .0667, 0, 0, .0667, 0]: the three zeros go.
    expect(Array.from(masks.Ws)).toEqual([1, 1, 0, 0, 1, 0]);
    // |C*| from the new S (= |S*|): S* rows [.2, 1/15, 0], [0, 1/15, 0]; S|P| = [[0, .2, .2+1/15],[0, 0, 1/15]].
    const s1 = [0.2, 1 / 15, 0, 0, 1 / 15, 0];
    const want = secondLayerPrior(Float64Array.from(s1), 2, toSparse(prior.data, 3, Math.abs));
    const order = Array.from(want, Math.abs)
      .map((x, k) => [x, k])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const expected = [1, 1, 1, 1, 1, 1];
    for (const [, k] of order.slice(0, 3)) expected[k] = 0;
    expect(Array.from(masks.As)).toEqual(expected);
    // The stored S is the combined score (here, with λ₁ = 1, |S*|).
    close(decodeFloat64(pruner.save().sWs), s1);
  });

  it('refuses prior-based strategies without a prior', () => {
    expect(() => new Pruner({ n: 3, h: 2, lambda: [0.5, 0.05], prior: null, random: new Random(1) })).toThrow(/uses the prior network/);
  });
});

describe('PINN prior loss', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('is mean((joint(x) − x·P)²) over the fixed states, and a subsample estimates it', () => {
    const p = initPhoenixParams(3, 2, new Random(3));
    const model = new PhoenixModel(p);
    const full = new PinnPrior({ prior, seed: 1, states: 400, batchSize: 400 });
    const sub = new PinnPrior({ prior, seed: 1, states: 400, batchSize: 200 });
    const value = (pinn: PinnPrior) => tf.tidy(() => pinn.loss(model, model.tensors()).dataSync()[0]);
    const exact = value(full);
    // The same quantity from the spec's formulas in plain JS, on the same states.
    const x = (full as unknown as { x: tf.Tensor2D }).x.arraySync();
    let sum = 0;
    for (const row of x) {
      const s = row.map((y) => (y - 0.5) / (1 + Math.abs(y - 0.5)));
      const hidden = [0, 1].map((k) => ({
        sum: s.reduce((a, sj, j) => a + sj * p.Ws[k * 3 + j], 0),
        prod: Math.exp(s.reduce((a, sj, j) => a + Math.log1p(sj) * p.Wp[k * 3 + j], 0)),
      }));
      for (let i = 0; i < 3; i++) {
        const joint = hidden.reduce((a, hk, k) => a + hk.sum * p.As[i * 2 + k] + hk.prod * p.Ap[i * 2 + k], 0);
        const target = row.reduce((a, xj, j) => a + xj * prior.data[j * 3 + i], 0);
        sum += (joint - target) ** 2;
      }
    }
    expect(exact).toBeCloseTo(sum / (400 * 3), 5);
    const estimates = Array.from({ length: 20 }, () => value(sub));
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    expect(Math.abs(mean - exact)).toBeLessThan(0.1 * exact);
    expect(new Set(estimates).size).toBeGreaterThan(1);
    full.dispose();
    sub.dispose();
    model.dispose();
  });

  it('its hand-written gradient equals generic autodiff', () => {
    const p = initPhoenixParams(3, 2, new Random(8));
    for (const k of ['Ws', 'Wp'] as const) for (let i = 0; i < p[k].length; i++) p[k][i] = 0.3 * Math.sin(i + 1);
    const model = new PhoenixModel(p);
    const pinn = new PinnPrior({ prior, seed: 2, states: 300, batchSize: 300 });
    const tape = new GradientTape();
    const grad = (withTape: boolean) =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => pinn.loss(model, model.tensors(), withTape ? tape : undefined), [model.theta]);
        return [value.dataSync()[0], Array.from(grads[model.theta.name].dataSync())] as const;
      });
    const [generic, gGeneric] = grad(false);
    const [custom, gCustom] = grad(true);
    tape.release();
    expect(custom).toBeCloseTo(generic, 6);
    const scale = Math.max(...gGeneric.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    gGeneric.forEach((g, k) => expect(Math.abs(gCustom[k] - g)).toBeLessThan(1e-5 * scale));
    pinn.dispose();
    model.dispose();
  });
});
