import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import { FUSED_BACKEND } from '../model/fused/backend-name';
import { initPhoenixParams } from '../model/init';
import { PhoenixModel } from '../model/phoenix';
import { Random } from '../random';
import { FlatAdam } from './adam';
import { disposeBatch, pairBatch } from './data';
import { FusedStep } from './fused-step';
import { randomKinetics } from '../simulator/random-kinetics';
import { simulateDataset } from '../simulator/simulate';
import type { SquareMatrix } from '../types';
import { defaultTrainConfig, type TrainConfig } from './config';
import { train } from './trainer';
import type { TrainCheckpoint } from './types';

// A small known network (10 genes, 10 signed edges) simulated with SIM-style kinetics.
const n = 10;
const truth: SquareMatrix = { n, data: new Float64Array(n * n) };
for (const [a, b, s] of [
  [0, 2, 1],
  [1, 3, -1],
  [2, 4, 1],
  [3, 5, 1],
  [0, 5, -1],
  [4, 6, 1],
  [1, 7, 1],
  [6, 7, -1],
  [7, 8, 1],
  [8, 9, -1],
])
  truth.data[a * n + b] = s;
const genes = Array.from({ length: n }, (_, i) => `g${i}`);
const data = simulateDataset(randomKinetics(genes, truth, 3), { trajectories: 24, times: [0, 1, 2, 4, 6], seed: 5 }).clean;

const config = (backend: string, overrides: Partial<TrainConfig> = {}) =>
  defaultTrainConfig({
    strategy: 'dash',
    lambda: [0.5, 0.05],
    hidden: 12,
    epochs: 8,
    validationFraction: 0.2,
    noiseStd: 0.02,
    learningRate: 0.01,
    pruning: { firstEpoch: 2, firstFraction: 0.5, every: 3, fraction: 0.2 },
    backend,
    ...overrides,
  });

beforeAll(async () => {
  await useBackend('wasm');
});

describe(`backend '${FUSED_BACKEND}': the trainer's step on the fused kernel`, () => {
  it('follows the tfjs step epoch by epoch (losses within 1e-4 relative) until pruning, and prunes to the same sparsity', async () => {
    // Pruning ranks weights that Adam's first steps moved by nearly equal amounts (≈ lr per step whatever
    // the gradient's size): float32 rounding breaks those near-ties differently, so after the first
    // pruning event the two runs keep slightly different weights and only agree statistically (see
    // docs/performance.md for whole SIM350 runs).
    const schedule = { epochs: 5, pruning: { firstEpoch: 4, firstFraction: 0.5, every: 3, fraction: 0.2 } };
    const reference = await train({ data, prior: truth, config: config('wasm', schedule) });
    const tensors = tf.memory().numTensors;
    const fused = await train({ data, prior: truth, config: config(FUSED_BACKEND, schedule) });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(fused.history.length).toBe(reference.history.length);
    fused.history.forEach((r, e) => {
      const ref = reference.history[e];
      expect(r.pruned).toBe(ref.pruned);
      if (r.epoch >= 4) {
        expect(Math.abs(r.sparsity - ref.sparsity)).toBeLessThan(0.02);
        return;
      }
      expect(Math.abs(r.trainLoss - ref.trainLoss) / ref.trainLoss).toBeLessThan(1e-4);
      expect(Math.abs(r.valLoss - ref.valLoss) / ref.valLoss).toBeLessThan(1e-4);
      expect(r.sparsity).toBe(ref.sparsity);
    });
  });

  it('validates as PhoenixModel.evaluateByTrajectory does: the loss and every trajectory MSE within 1e-5 relative', () => {
    const random = new Random(9);
    const model = new PhoenixModel(initPhoenixParams(n, 12, random));
    // Trajectories of different lengths, one with missing targets.
    const trajectories = data.trajectories
      .slice(0, 5)
      .map((t, i) => ({ times: t.times.slice(0, 3 + (i % 3)), values: t.values.slice(0, 3 + (i % 3)).map((row) => row.slice()) }));
    trajectories[2].values[2][4] = null;
    const batch = pairBatch(trajectories, n)!;
    const solver = { method: 'rk4' as const, minSteps: 2, maxRateStep: 1 };
    const reference = model.evaluateByTrajectory(batch, solver);
    const adam = new FlatAdam(model.theta.size, [{ start: 0, length: model.theta.size }]);
    const fused = new FusedStep(model, solver, adam).evaluateByTrajectory(batch);
    expect(Math.abs(fused.mse - reference.mse) / reference.mse).toBeLessThan(1e-5);
    expect(fused.trajectoryMse.length).toBe(5);
    fused.trajectoryMse.forEach((m, i) => expect(Math.abs(m - reference.trajectoryMse[i]) / reference.trajectoryMse[i]).toBeLessThan(1e-5));
    adam.dispose();
    model.dispose();
    disposeBatch(batch);
  });

  it('is deterministic, and a run resumed from a checkpoint ends as the uninterrupted one', async () => {
    const checkpoints: TrainCheckpoint[] = [];
    const full = await train({
      data,
      prior: truth,
      config: config(FUSED_BACKEND),
      callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))) },
    });
    const again = await train({ data, prior: truth, config: config(FUSED_BACKEND) });
    expect(again.history.map((r) => r.valLoss)).toEqual(full.history.map((r) => r.valLoss));
    const resumed = await train({ data, prior: truth, config: config(FUSED_BACKEND), resumeFrom: checkpoints[3] });
    expect(resumed.history.map((r) => r.valLoss)).toEqual(full.history.map((r) => r.valLoss));
    expect(Array.from(resumed.effects.data)).toEqual(Array.from(full.effects.data));
  });

  it('leaves the strategies it does not cover (prior loss, penalties) and dopri5 on the tfjs step: same results as wasm', async () => {
    for (const overrides of [
      { strategy: 'pinn' as const, epochs: 2 },
      { solver: 'dopri5' as const, epochs: 2 },
    ]) {
      const a = await train({ data, prior: truth, config: config('wasm', overrides) });
      const b = await train({ data, prior: truth, config: config(FUSED_BACKEND, overrides) });
      expect(b.history.map((r) => r.valLoss)).toEqual(a.history.map((r) => r.valLoss));
    }
  });
});
