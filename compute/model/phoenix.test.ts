import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import { Random } from '../random';
import { float64Ops, integrateFixed, rk4 } from '../solvers';
import { initPhoenixParams, orthogonal, sparseNormal } from './init';
import { cloneParams, type PhoenixParams } from './params';
import { flatLayout, flatToParams, paramsToFlat, PhoenixModel, type PairBatch, type SolverConfig } from './phoenix';
import { GradientTape } from './rhs';

/** The spec's right-hand side, written out in plain float64 JS as the reference for the tf model. */
function specDerivative(p: PhoenixParams, y: ArrayLike<number>): Float64Array {
  const { n, h } = p;
  const s = Float64Array.from(y, (x) => (x - 0.5) / (1 + Math.abs(x - 0.5)));
  const sums = new Float64Array(h);
  const prods = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    let a = p.bs[k];
    let b = p.bp[k];
    for (let j = 0; j < n; j++) {
      a += s[j] * p.Ws[k * n + j];
      b += Math.log1p(s[j]) * p.Wp[k * n + j];
    }
    sums[k] = a;
    prods[k] = Math.exp(b);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let joint = 0;
    for (let k = 0; k < h; k++) joint += sums[k] * p.As[i * h + k] + prods[k] * p.Ap[i * h + k];
    out[i] = Math.max(p.v[i], 0) * (joint - y[i]);
  }
  return out;
}

/** One-step-ahead MSE by plain JS RK4 with `steps` steps per pair. */
function specLoss(p: PhoenixParams, starts: number[][], targets: number[][], dts: number[], steps: number): number {
  let sum = 0;
  let count = 0;
  starts.forEach((start, r) => {
    const end = integrateFixed(rk4, (_t, y) => specDerivative(p, y), Float64Array.from(start), 0, dts[r], steps, float64Ops);
    end.forEach((x, g) => {
      sum += (x - targets[r][g]) ** 2;
      count++;
    });
  });
  return sum / count;
}

function makeBatch(starts: number[][], targets: number[][], dts: number[]): PairBatch {
  const n = starts[0].length;
  return {
    start: tf.tensor2d(starts.flat(), [starts.length, n]),
    target: tf.tensor2d(targets.flat(), [starts.length, n]),
    observed: null,
    dt: tf.tensor2d(dts, [dts.length, 1]),
    rows: dts.length,
    maxDt: Math.max(...dts),
    count: starts.length * n,
  };
}

function randomParams(n: number, h: number, seed: number): PhoenixParams {
  const r = new Random(seed);
  const p = initPhoenixParams(n, h, r);
  // Denser, larger first layers and nonzero biases than the initialisation, so every term matters.
  for (const k of ['Ws', 'Wp'] as const) for (let i = 0; i < p[k].length; i++) p[k][i] = r.normal(0, 0.4);
  for (const k of ['bs', 'bp'] as const) for (let i = 0; i < p[k].length; i++) p[k][i] = r.normal(0, 0.2);
  p.v[0] = -0.3; // a gene whose multiplier is switched off by relu
  return p;
}

describe('initialisation', () => {
  it('sparse-normal leaves exactly ceil(0.95·rows) zeros in every column', () => {
    const w = sparseNormal(40, 30, 0.95, 0.05, new Random(1));
    for (let c = 0; c < 30; c++) {
      let zeros = 0;
      for (let r = 0; r < 40; r++) if (w[r * 30 + c] === 0) zeros++;
      expect(zeros).toBe(38);
    }
    const nonzero = Array.from(w).filter((x) => x !== 0);
    const std = Math.sqrt(nonzero.reduce((s, x) => s + x * x, 0) / nonzero.length);
    expect(std).toBeGreaterThan(0.035);
    expect(std).toBeLessThan(0.065);
  });

  it('orthogonal gives orthonormal columns (tall) or rows (wide)', () => {
    const check = (rows: number, cols: number) => {
      const a = orthogonal(rows, cols, 1, new Random(2));
      const tall = rows >= cols;
      const k = tall ? cols : rows;
      for (let p = 0; p < k; p++) {
        for (let q = 0; q < k; q++) {
          let dot = 0;
          for (let i = 0; i < (tall ? rows : cols); i++) dot += tall ? a[i * cols + p] * a[i * cols + q] : a[p * cols + i] * a[q * cols + i];
          expect(dot).toBeCloseTo(p === q ? 1 : 0, 5);
        }
      }
    };
    check(12, 4);
    check(3, 7);
  });

  it('is seeded: the same seed gives the same parameters, another seed others', () => {
    const a = initPhoenixParams(10, 40, new Random(5));
    const b = initPhoenixParams(10, 40, new Random(5));
    const c = initPhoenixParams(10, 40, new Random(6));
    expect(Array.from(a.As)).toEqual(Array.from(b.As));
    expect(Array.from(a.Ws)).not.toEqual(Array.from(c.Ws));
    expect(Array.from(a.bs).every((x) => x === 0)).toBe(true);
    expect(Array.from(a.v).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('flat layout round-trips', () => {
    const p = randomParams(5, 3, 3);
    const back = flatToParams(paramsToFlat(p), 5, 3);
    for (const k of ['Ws', 'bs', 'Wp', 'bp', 'As', 'Ap', 'v'] as const) expect(Array.from(back[k])).toEqual(Array.from(p[k]));
    expect(flatLayout(5, 3).length).toBe(4 * 15 + 6 + 5);
  });
});

describe('PhoenixModel on the wasm backend', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  const n = 5;
  const h = 3;
  const r = new Random(11);
  const starts = [0, 1, 2].map(() => Array.from({ length: n }, () => r.next()));
  const targets = [0, 1, 2].map(() => Array.from({ length: n }, () => r.next()));
  const dts = [0.5, 1.5, 1];
  const solver: SolverConfig = { method: 'rk4', minSteps: 6, maxRateStep: 100 };

  it('computes the spec right-hand side', () => {
    const p = randomParams(n, h, 4);
    const model = new PhoenixModel(p);
    const got = tf.tidy(() => {
      const w = model.tensors();
      return model.derivative(w, tf.tensor2d(starts.flat(), [3, n]), tf.mul(tf.ones([3, 1]), tf.relu(w.v))).arraySync();
    }) as number[][];
    starts.forEach((y, row) => {
      const want = specDerivative(p, y);
      want.forEach((x, g) => expect(got[row][g]).toBeCloseTo(x, 5));
    });
    expect(Math.abs(got[0][0])).toBe(0); // relu(v₀) = 0
    model.dispose();
  });

  it('integrates each row over its own time gap (normalised time), as plain RK4 does', () => {
    const p = randomParams(n, h, 4);
    const model = new PhoenixModel(p);
    const batch = makeBatch(starts, targets, dts);
    expect(model.evaluate(batch, solver)).toBeCloseTo(specLoss(p, starts, targets, dts, 6), 5);
    model.dispose();
  });

  it('splits the loss by trajectory: each group is the MSE of its own rows, the total the usual one', () => {
    const p = randomParams(n, h, 4);
    const model = new PhoenixModel(p);
    const batch = {
      ...makeBatch(starts, targets, dts),
      groups: [
        { rows: 1, count: n },
        { rows: 2, count: 2 * n },
      ],
    };
    const { mse, trajectoryMse } = model.evaluateByTrajectory(batch, solver);
    expect(mse).toBe(model.evaluate(batch, solver));
    expect(trajectoryMse[0]).toBeCloseTo(specLoss(p, starts.slice(0, 1), targets.slice(0, 1), dts.slice(0, 1), 6), 6);
    expect(trajectoryMse[1]).toBeCloseTo(specLoss(p, starts.slice(1), targets.slice(1), dts.slice(1), 6), 6);
    const ungrouped = makeBatch(starts, targets, dts);
    const { trajectoryMse: whole } = model.evaluateByTrajectory(ungrouped, solver);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toBeCloseTo(mse, 7);
    for (const b of [batch, ungrouped]) for (const t of [b.start, b.target, b.dt]) t.dispose();
    model.dispose();
  });

  it('gradients through the solver match central finite differences of the float64 reference', () => {
    const p = randomParams(n, h, 8);
    const model = new PhoenixModel(p);
    const batch = makeBatch(starts, targets, dts);
    const grad = tf.tidy(() =>
      tf
        .grad((theta: tf.Tensor) => model.loss(model.tensors(theta as tf.Tensor1D), batch, solver))(model.theta)
        .dataSync(),
    );
    const flat = paramsToFlat(p);
    const at = flatLayout(n, h);
    const lossAt = (f: Float32Array) => specLoss(flatToParams(f, n, h), starts, targets, dts, 6);
    const picks = [at.WsT + 1, at.WsT + 7, at.WpT + 2, at.WpT + 9, at.AsT + 4, at.ApT + 11, at.bs + 1, at.bp + 2, at.v + 2, at.v + 4];
    for (const k of picks) {
      const eps = 1e-3;
      const plus = Float32Array.from(flat);
      const minus = Float32Array.from(flat);
      plus[k] += eps;
      minus[k] -= eps;
      const fd = (lossAt(plus) - lossAt(minus)) / (plus[k] - minus[k]);
      expect(Math.abs(grad[k] - fd)).toBeLessThan(2e-3 * Math.abs(fd) + 2e-6);
    }
    // relu(v₀) = 0: no gradient reaches v₀ at all.
    expect(Math.abs(grad[at.v])).toBe(0);
    model.dispose();
  });

  it('the hand-written right-hand-side gradient equals generic autodiff, for both solvers', () => {
    const p = randomParams(n, h, 12);
    const model = new PhoenixModel(p);
    const batch = makeBatch(starts, targets, dts);
    const tape = new GradientTape();
    for (const s of [solver, { method: 'dopri5', rtol: 1e-5, atol: 1e-7, maxSteps: 500 } as SolverConfig]) {
      const generic = tf.tidy(() =>
        tf
          .grad((theta: tf.Tensor) => model.loss(model.tensors(theta as tf.Tensor1D), batch, s))(model.theta)
          .dataSync(),
      );
      const custom = tf.tidy(() =>
        tf
          .grad((theta: tf.Tensor) => model.loss(model.tensors(theta as tf.Tensor1D), batch, s, tape))(model.theta)
          .dataSync(),
      );
      tape.release();
      const scale = Math.max(...Array.from(generic, Math.abs));
      expect(scale).toBeGreaterThan(0);
      generic.forEach((g, k) => expect(Math.abs(custom[k] - g)).toBeLessThan(1e-5 * scale));
    }
    model.dispose();
  });

  it('masks prune in the forward pass: masked entries get zero gradient and zero output contribution', () => {
    const p = randomParams(n, h, 9);
    const masks = {
      Ws: new Uint8Array(h * n).fill(1),
      Wp: new Uint8Array(h * n).fill(1),
      As: new Uint8Array(n * h).fill(1),
      Ap: new Uint8Array(n * h).fill(1),
    };
    masks.Ws[2] = 0;
    masks.Ap[5] = 0;
    const model = new PhoenixModel(p, masks);
    const zeroed = cloneParams(p);
    zeroed.Ws[2] = 0;
    zeroed.Ap[5] = 0;
    const batch = makeBatch(starts, targets, dts);
    expect(model.evaluate(batch, solver)).toBeCloseTo(specLoss(zeroed, starts, targets, dts, 6), 5);
    const grad = tf.tidy(() =>
      tf
        .grad((theta: tf.Tensor) => model.loss(model.tensors(theta as tf.Tensor1D), batch, solver))(model.theta)
        .dataSync(),
    );
    const at = flatLayout(n, h);
    // Ws[k=0, j=2] sits at WsT[j=2, k=0]; Ap[i=1, k=2] (index 5) at ApT[k=2, i=1].
    expect(Math.abs(grad[at.WsT + 2 * h + 0])).toBe(0);
    expect(Math.abs(grad[at.ApT + 2 * n + 1])).toBe(0);
    expect(Math.abs(grad[at.WsT + 3 * h + 0])).toBeGreaterThan(0);
    expect(model.params().Ws[2]).toBe(0);
    model.dispose();
  });

  it('DOPRI5 and RK4 agree on the model', () => {
    const p = randomParams(n, h, 4);
    const model = new PhoenixModel(p);
    const batch = makeBatch(starts, targets, dts);
    const viaRk4 = model.evaluate(batch, { method: 'rk4', minSteps: 40, maxRateStep: 1 });
    const viaDopri = model.evaluate(batch, { method: 'dopri5', rtol: 1e-6, atol: 1e-8, maxSteps: 1000 });
    expect(Math.abs(viaRk4 - viaDopri)).toBeLessThan(1e-5 * viaDopri);
    model.dispose();
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    const model = new PhoenixModel(randomParams(n, h, 4));
    const batch = makeBatch(starts, targets, dts);
    for (let i = 0; i < 3; i++) {
      model.evaluate(batch, solver);
      model.evaluateByTrajectory(batch, solver);
      tf.tidy(() => {
        tf.grad((theta: tf.Tensor) => model.loss(model.tensors(theta as tf.Tensor1D), batch, solver))(model.theta);
      });
      model.params();
      model.maxRate();
    }
    model.dispose();
    for (const t of [batch.start, batch.target, batch.dt]) t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
