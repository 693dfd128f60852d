import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '@/compute/backend';
import { Random } from '@/compute/random';
import { initPhoenixParams } from '../init';
import { fullMasks } from '../params';
import { masksToFlat, PhoenixModel, type PairBatch, type SolverConfig } from '../phoenix';
import { GradientTape } from '../rhs';
import { fusedBatch } from './batch';
import { FusedPhoenix } from './phoenix-fused';

const rk4 = (steps: number): Extract<SolverConfig, { method: 'rk4' }> => ({ method: 'rk4', minSteps: steps, maxRateStep: 1e9 });

function randomBatch(n: number, rows: number, random: Random, missing = false): PairBatch {
  const start = Array.from({ length: rows * n }, () => random.next());
  const target = Array.from({ length: rows * n }, () => random.next());
  const observed: number[] = Array.from({ length: rows * n }, () => (missing && random.next() < 0.2 ? 0 : 1));
  const dt = Array.from({ length: rows }, () => 0.5 + 3 * random.next());
  return {
    start: tf.tensor2d(start, [rows, n]),
    target: tf.tensor2d(target, [rows, n]),
    observed: missing ? tf.tensor2d(observed, [rows, n]) : null,
    dt: tf.tensor2d(dt, [rows, 1]),
    rows,
    maxDt: Math.max(...dt),
    count: observed.reduce((a, b) => a + b, 0),
  };
}

/** The trainer's tfjs step: loss and gradient through rk4WithAdjoint. */
function tfjsLossAndGradient(model: PhoenixModel, batch: PairBatch, steps: number): { loss: number; grad: Float32Array } {
  const tape = new GradientTape();
  const { value, grads } = tf.variableGrads(() => model.loss(model.tensors(), batch, rk4(steps), tape), [model.theta]);
  tape.release();
  const out = { loss: value.dataSync()[0], grad: Float32Array.from(grads[model.theta.name].dataSync()) };
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

/** max |a − b| / max |b|: agreement relative to the gradient's scale. */
function relativeError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let q = 0; q < a.length; q++) {
    diff = Math.max(diff, Math.abs(a[q] - b[q]));
    scale = Math.max(scale, Math.abs(b[q]));
  }
  return diff / scale;
}

describe('the fused PHOENIX step (WebAssembly SIMD) against the tfjs path', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it.each([
    [12, 8, 3, 2, false],
    [37, 10, 4, 3, true],
    [350, 40, 4, 4, false],
  ])('n %i, h %i, %i rows, %i RK4 steps (missing targets: %s): the same loss and gradient', (n, h, rows, steps, missing) => {
    const random = new Random(7);
    const params = initPhoenixParams(n, h, random);
    const model = new PhoenixModel(params);
    const batch = randomBatch(n, rows, random, missing);
    const before = tf.memory().numTensors;
    const reference = tfjsLossAndGradient(model, batch, steps);
    const fused = new FusedPhoenix(n, h);
    const grad = new Float32Array(reference.grad.length);
    const loss = fused.lossAndGradient(model.theta.dataSync(), null, fusedBatch(batch), steps, grad);
    expect(Math.abs(loss - reference.loss) / reference.loss).toBeLessThan(1e-5);
    expect(relativeError(grad, reference.grad)).toBeLessThan(1e-4);
    expect(fused.loss(model.theta.dataSync(), null, fusedBatch(batch), steps)).toBeCloseTo(loss, 7);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    tf.dispose([batch.start, batch.target, batch.dt, ...(batch.observed ? [batch.observed] : [])]);
  });

  it('a pruned model: pruned weights act as zero and get exactly zero gradient, as with the mask in tfjs', () => {
    const n = 30;
    const h = 6;
    const random = new Random(3);
    const masks = fullMasks(n, h);
    for (const name of ['Ws', 'Wp', 'As', 'Ap'] as const) for (let q = 0; q < masks[name].length; q++) masks[name][q] = random.next() < 0.7 ? 0 : 1;
    const model = new PhoenixModel(initPhoenixParams(n, h, random), masks);
    const batch = randomBatch(n, 4, random);
    const reference = tfjsLossAndGradient(model, batch, 3);
    const mask = masksToFlat(masks, n, h);
    const grad = new Float32Array(reference.grad.length);
    const loss = new FusedPhoenix(n, h).lossAndGradient(model.theta.dataSync(), mask, fusedBatch(batch), 3, grad);
    expect(Math.abs(loss - reference.loss) / reference.loss).toBeLessThan(1e-5);
    expect(relativeError(grad, reference.grad)).toBeLessThan(1e-4);
    for (let q = 0; q < mask.length; q++) if (mask[q] === 0) expect(Math.abs(grad[q])).toBe(0);
    model.dispose();
    tf.dispose([batch.start, batch.target, batch.dt]);
  });

  it('matches central finite differences of its own loss (float64-free check of the adjoint)', () => {
    const n = 9;
    const h = 4;
    const random = new Random(11);
    const model = new PhoenixModel(initPhoenixParams(n, h, random));
    const batch = fusedBatch(randomBatch(n, 2, random));
    const theta = Float32Array.from(model.theta.dataSync());
    const fused = new FusedPhoenix(n, h);
    const grad = new Float32Array(theta.length);
    fused.lossAndGradient(theta, null, batch, 3, grad);
    // A few entries of every block: W_sᵀ, W_pᵀ, A_sᵀ, A_pᵀ, b_s, b_p, v.
    const probes = [0, 5, n * h + 3, 2 * n * h + 7, 3 * n * h + 2, 4 * n * h, 4 * n * h + h + 1, 4 * n * h + 2 * h + 4];
    for (const q of probes) {
      const eps = 1e-2 * Math.max(1e-2, Math.abs(theta[q]));
      const plus = theta.slice();
      plus[q] += eps;
      const minus = theta.slice();
      minus[q] -= eps;
      const numeric = (fused.loss(plus, null, batch, 3) - fused.loss(minus, null, batch, 3)) / (plus[q] - minus[q]);
      // float32 losses: the quotient carries ~1e-5 of rounding, so agreement to 0.5% plus that.
      expect(Math.abs(numeric - grad[q])).toBeLessThan(5e-3 * Math.abs(grad[q]) + 2e-5);
    }
    model.dispose();
  });
});
