import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import type { PhoenixTensors } from '../model/phoenix';
import type { PhoenixParams } from '../model/params';
import { Random } from '../random';
import { randomKinetics } from '../simulator/random-kinetics';
import { simulateDataset } from '../simulator/simulate';
import { STRATEGIES } from '../strategies';
import { defaultTrainConfig } from '../training/config';
import { train } from '../training/trainer';
import type { TrainCheckpoint } from '../training/types';
import type { SquareMatrix } from '../types';
import { gateLayout, gateOpenProbability, PenaltyTerms, sampleGate, testGate } from './penalties';

beforeAll(async () => {
  await useBackend('wasm');
});

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

// n = 2 genes, h = 1 hidden unit: every term can be worked out by hand.
const n = 2;
const h = 1;
function smallWeights(): PhoenixTensors {
  return {
    WsT: tf.tensor2d([[1], [-2]]), // W₁ of the sums branch (inputs × hidden)
    WpT: tf.tensor2d([[0.5], [0]]),
    A2: tf.tensor2d([
      [3, -4], // A_sᵀ: hidden → outputs
      [1, 1], // A_pᵀ
    ]),
    bs: tf.tensor2d([[0]]),
    bp: tf.tensor2d([[0]]),
    v: tf.tensor2d([[1, 1]]),
  };
}
const terms = (settings: (typeof STRATEGIES)['l0' | 'path-l1' | 'pathreg']['penalty']) => new PenaltyTerms(settings, n, h, new Random(0));
const value = (t: tf.Tensor) => t.dataSync()[0];

describe('hard-concrete gates', () => {
  it('sample, open at test time and count as Louizos et al. define them', () => {
    expect(sampleGate(0, 0.5, 2 / 3)).toBeCloseTo(0.5, 6); // sigmoid(0) · 1.2 − 0.1
    expect(sampleGate(0, 0.999, 2 / 3)).toBe(1); // stretched past 1, clipped
    expect(sampleGate(0, 0.001, 2 / 3)).toBe(0); // stretched below 0: exactly closed
    expect(testGate(Math.log(4))).toBeCloseTo(0.8 * 1.2 - 0.1, 6); // drop rate 0.2 at start
    expect(testGate(-3)).toBe(0);
    expect(gateOpenProbability(0, 2 / 3)).toBeCloseTo(sigmoid((2 / 3) * Math.log(11)), 6);
  });
});

describe('penalty terms on a 2-gene, 1-hidden-unit model', () => {
  it('C-NODE path L1: λ · mean over input-output pairs of |W₁||W₂|, both branches', () => {
    const penalty = terms(STRATEGIES['path-l1'].penalty);
    // sums: |W₁| = [1, 2]ᵀ, |W₂| = [3, 4] → |W₁||W₂| = [[3, 4], [6, 8]], total 21; prods: [[0.5, 0.5], [0, 0]], total 1.
    const got = tf.tidy(() => value(penalty.loss(smallWeights(), null)));
    expect(got).toBeCloseTo((1e-3 * (21 + 1)) / 4, 9);
    penalty.dispose();
  });

  it('PathReg: the gates’ path term Σz₁ · Σz₂ / n per branch, on top of path L1', () => {
    const penalty = terms(STRATEGIES.pathreg.penalty);
    // Gates [Ws inputs | Wp inputs | As input | Ap input] = [1, 0.5 | 0, 1 | 0.4 | 1].
    const z = tf.tensor1d([1, 0.5, 0, 1, 0.4, 1]);
    const got = tf.tidy(() => value(penalty.loss(smallWeights(), z)));
    expect(got).toBeCloseTo((1e-3 * 22) / 4 + (1e-4 * (1.5 * 0.4 + 1 * 1)) / 2, 7);
    // The same as the mean of |Z₁||Z₂| written out: Z₁ = diag(z₁)·1 (2×1), Z₂ = diag(z₂)·1 (1×2).
    const brute = (z1: number[], z2: number) => z1.flatMap((a) => [a * z2, a * z2]).reduce((s, x) => s + x, 0) / 4;
    expect(got).toBeCloseTo((1e-3 * 22) / 4 + 1e-4 * (brute([1, 0.5], 0.4) + brute([0, 1], 1)), 7);
    z.dispose();
    penalty.dispose();
  });

  it('L0: λ · Σ P(gate ≠ 0) · the weights each gate holds; gated weights follow the test-time gates', () => {
    const penalty = terms(STRATEGIES.l0.penalty);
    const la = penalty.save()!;
    // Four gene gates hold h = 1 weight each, two hidden-unit gates hold n = 2 each.
    const expected = (1 / 50_000) * la.reduce((s, a, k) => s + gateOpenProbability(a, 1 / 50) * (k < 2 * n ? h : n), 0);
    expect(tf.tidy(() => value(penalty.loss(smallWeights(), null)))).toBeCloseTo(expected, 9);
    // Close gene 1's W_s gate and the A_p gate: those inputs' weights become exactly zero.
    const at = gateLayout(n, h);
    const closed = la.slice();
    closed[at.Ws + 1] = -5;
    closed[at.Ap] = -5;
    penalty.restore(closed);
    const p: PhoenixParams = {
      n,
      h,
      Ws: Float32Array.of(1, -2),
      Wp: Float32Array.of(0.5, 0),
      As: Float32Array.of(3, -4),
      Ap: Float32Array.of(1, 1),
      bs: Float32Array.of(0),
      bp: Float32Array.of(0),
      v: Float32Array.of(1, 1),
    };
    const gated = penalty.gatedParams(p);
    expect(gated.Ws[1]).toBe(-0); // -2 · 0
    expect(gated.Ws[0]).toBeCloseTo(testGate(la[at.Ws]), 6);
    expect(Array.from(gated.Ap)).toEqual([0, 0]);
    expect(gated.As[0]).toBeCloseTo(3 * testGate(la[at.As]), 5);
    penalty.dispose();
  });
});

describe('penalty baselines in training', () => {
  const genes = ['a', 'b', 'c', 'd', 'e', 'f'];
  const truth: SquareMatrix = { n: 6, data: new Float64Array(36) };
  for (const [a, b, s] of [
    [0, 2, 1],
    [1, 3, -1],
    [2, 4, 1],
    [3, 5, 1],
  ])
    truth.data[a * 6 + b] = s;
  const data = simulateDataset(randomKinetics(genes, truth, 1), { trajectories: 12, times: [0, 1, 2, 4], seed: 3 }).clean;
  const config = (strategy: 'l0' | 'path-l1' | 'pathreg', epochs = 4) =>
    defaultTrainConfig({ strategy, hidden: 4, epochs, validationFraction: 0.25, learningRate: 0.01, seed: 7 });

  for (const strategy of ['l0', 'path-l1', 'pathreg'] as const) {
    it(`${strategy}: same seed, same run; resumes exactly from a checkpoint; no pruning events`, async () => {
      const checkpoints: TrainCheckpoint[] = [];
      const a = await train({ data, config: config(strategy), callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))) } });
      const b = await train({ data, config: config(strategy) });
      expect(b.model).toEqual(a.model);
      expect(a.history.every((r) => !r.pruned)).toBe(true);
      expect(a.history.at(-1)!.valLoss).toBeLessThan(a.history[0].valLoss);
      const resumed = await train({ data, config: config(strategy), resumeFrom: checkpoints[1] });
      expect(resumed.model).toEqual(a.model);
      expect(resumed.summary).toMatchObject({ bestEpoch: a.summary.bestEpoch, sparsity: a.summary.sparsity });
    });
  }
});
