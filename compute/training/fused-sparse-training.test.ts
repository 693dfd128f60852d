import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import { initPhoenixParams } from '../model/init';
import { fullMasks } from '../model/params';
import { PhoenixModel } from '../model/phoenix';
import { Random } from '../random';
import { randomKinetics } from '../simulator/random-kinetics';
import { simulateDataset } from '../simulator/simulate';
import type { SquareMatrix } from '../types';
import { FlatAdam } from './adam';
import { disposeBatch, pairBatch } from './data';
import { FusedStep } from './fused-step';

const n = 14;
const h = 9;
const truth: SquareMatrix = { n, data: new Float64Array(n * n) };
for (let i = 0; i + 2 < n; i++) truth.data[i * n + i + 2] = i % 3 === 0 ? -1 : 1;
const genes = Array.from({ length: n }, (_, i) => `g${i}`);
const data = simulateDataset(randomKinetics(genes, truth, 3), { trajectories: 6, times: [0, 1, 2, 4, 6], seed: 2 }).clean;

beforeAll(async () => {
  await useBackend('wasm');
});

describe('the fused trainer step with sparse weight products', () => {
  it('follows the dense products step by step over 60 Adam steps of a pruned model (losses within 1e-4 relative)', () => {
    const random = new Random(4);
    const params = initPhoenixParams(n, h, random);
    const masks = fullMasks(n, h);
    for (const m of [masks.Ws, masks.Wp, masks.As, masks.Ap]) for (let q = 0; q < m.length; q++) m[q] = random.next() < 0.3 ? 1 : 0;
    const solver = { method: 'rk4' as const, minSteps: 3, maxRateStep: 1 };
    const tensors = tf.memory().numTensors;
    const batches = data.trajectories.map((t) => pairBatch([t], n)!);
    const run = (sparseBelow: number) => {
      const model = new PhoenixModel(params, masks);
      const adam = new FlatAdam(model.theta.size, [{ start: 0, length: model.theta.size }]);
      const step = new FusedStep(model, solver, adam, { sparseBelow });
      const losses: number[] = [];
      for (let s = 0; s < 60; s++) losses.push(step.step(batches[s % batches.length], [0.01]));
      step.end();
      const theta = Float32Array.from(model.theta.dataSync());
      adam.dispose();
      model.dispose();
      return { losses, theta };
    };
    const dense = run(0);
    const sparse = run(1.01);
    dense.losses.forEach((l, s) => expect(Math.abs(sparse.losses[s] - l) / l).toBeLessThan(1e-4));
    // The losses fell: the steps trained, they did not merely agree on a model that stood still.
    expect(dense.losses.slice(-6).reduce((a, b) => a + b)).toBeLessThan(dense.losses.slice(0, 6).reduce((a, b) => a + b));
    let diff = 0;
    for (let q = 0; q < dense.theta.length; q++) diff = Math.max(diff, Math.abs(sparse.theta[q] - dense.theta[q]));
    expect(diff).toBeLessThan(1e-3);
    for (const b of batches) disposeBatch(b);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
