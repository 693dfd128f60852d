import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import { scoreNetwork } from '../metrics';
import { Random } from '../random';
import { randomKinetics } from '../simulator/random-kinetics';
import { simulateDataset } from '../simulator/simulate';
import type { ExpressionData, SquareMatrix } from '../types';
import { corruptPrior } from '../prior-corruption';
import { FlatAdam } from './adam';
import { DEFAULT_TRAINING_RULES, defaultTrainConfig, parseTrainConfig, RULES_WHEN_ABSENT, withExplicitRules, type TrainConfig } from './config';
import { splitTrajectories } from './data';
import { ReduceOnPlateau } from './plateau';
import { train } from './trainer';
import type { TrainCheckpoint } from './types';

// A small known network: 8 genes, 8 signed edges, SIM-style Hill kinetics.
const n = 8;
const edges: [number, number, number][] = [
  [0, 2, 1],
  [1, 3, -1],
  [2, 4, 1],
  [3, 5, 1],
  [0, 5, -1],
  [4, 6, 1],
  [1, 7, 1],
  [6, 7, -1],
];
const truth: SquareMatrix = { n, data: new Float64Array(n * n) };
for (const [a, b, s] of edges) truth.data[a * n + b] = s;
const genes = Array.from({ length: n }, (_, i) => `g${i}`);
const simulated = simulateDataset(randomKinetics(genes, truth, 1), { trajectories: 30, times: [0, 1, 2, 4, 6], seed: 2 });
const data: ExpressionData = simulated.clean;

const tiny = (overrides: Partial<TrainConfig> = {}) =>
  defaultTrainConfig({
    strategy: 'imp',
    hidden: 8,
    epochs: 6,
    validationFraction: 0.2,
    learningRate: 0.01,
    pruning: { firstEpoch: 2, firstFraction: 0.5, every: 3, fraction: 0.2 },
    // The rules these cases were written for; the cases on the rules name theirs.
    ...RULES_WHEN_ABSENT,
    ...overrides,
  });

beforeAll(async () => {
  await useBackend('wasm');
});

describe('trainer', () => {
  it('recovers the edges of a small simulated network clearly better than chance', async () => {
    const result = await train({ data, prior: truth, config: tiny({ epochs: 40, pruning: { firstEpoch: 5, firstFraction: 0.5, every: 5, fraction: 0.2 } }) });
    const scores = scoreNetwork(result.effects, truth);
    expect(scores.auroc).toBeGreaterThan(0.8);
    expect(scores.balancedAccuracy).toBeGreaterThan(0.7);
    expect(result.summary.sparsity).toBeGreaterThan(0.7);
    expect(result.history.at(-1)!.valLoss).toBeLessThan(result.history[0].valLoss / 2);
  });

  it('gives the same result for the same seed, and another for another seed', async () => {
    const a = await train({ data, config: tiny({ epochs: 3 }) });
    const b = await train({ data, config: tiny({ epochs: 3 }) });
    const c = await train({ data, config: tiny({ epochs: 3, seed: 1 }) });
    expect(b.history.map((r) => [r.trainLoss, r.valLoss])).toEqual(a.history.map((r) => [r.trainLoss, r.valLoss]));
    expect(b.model).toEqual(a.model);
    expect(c.model.parameters.Ws.data).not.toEqual(a.model.parameters.Ws.data);
  });

  it('resumes from a checkpoint to exactly the uninterrupted result', async () => {
    const checkpoints: TrainCheckpoint[] = [];
    const full = await train({
      data,
      prior: truth,
      config: tiny({ strategy: 'dash', lambda: [0.5, 0.05] }),
      callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))) },
    });
    expect(checkpoints.map((c) => c.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    // Stop after epoch 3 (past the first pruning event), then continue from the stored checkpoint.
    const resumed = await train({ data, prior: truth, config: tiny({ strategy: 'dash', lambda: [0.5, 0.05] }), resumeFrom: checkpoints[2] });
    expect(resumed.history.map((r) => [r.epoch, r.trainLoss, r.valLoss, r.sparsity])).toEqual(
      full.history.map((r) => [r.epoch, r.trainLoss, r.valLoss, r.sparsity]),
    );
    expect(resumed.model).toEqual(full.model);
    expect(resumed.summary.bestEpoch).toBe(full.summary.bestEpoch);
    // A checkpoint written before the kept model carried its pruning level, SE and the one-SE choice.
    const { level: _level, valSe: _valSe, ...oldBest } = checkpoints[2].best as Record<string, unknown>;
    const older = await train({
      data,
      prior: truth,
      config: tiny({ strategy: 'dash', lambda: [0.5, 0.05] }),
      resumeFrom: { ...checkpoints[2], best: oldBest },
    });
    expect(older.model).toEqual(full.model);
    expect(older.summary.bestEpoch).toBe(full.summary.bestEpoch);
    const tensors = tf.memory().numTensors;
    await expect(train({ data, prior: truth, config: tiny({ strategy: 'dash', lambda: [0.4, 0.05] }), resumeFrom: checkpoints[2] })).rejects.toThrow(
      /different training config/,
    );
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it("trains as the 'initial' rule up to the first pruning event under lrReset 'reference', differently after it, and resumes exactly", async () => {
    const config = (lrReset: 'initial' | 'reference') => tiny({ strategy: 'dash', lambda: [0.5, 0.05], epochs: 5, lrReset });
    const spec = await train({ data, prior: truth, config: config('initial') });
    const checkpoints: TrainCheckpoint[] = [];
    const reference = await train({
      data,
      prior: truth,
      config: config('reference'),
      callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))) },
    });
    const losses = (r: typeof spec) => r.history.map((e) => [e.trainLoss, e.valLoss]);
    // The first pruning event is at the start of epoch 2 (tiny's schedule); epoch 1 is the same run.
    expect(losses(reference).slice(0, 1)).toEqual(losses(spec).slice(0, 1));
    expect(losses(reference)[1]).not.toEqual(losses(spec)[1]);
    expect(reference.model.parameters.Ap.data).not.toEqual(spec.model.parameters.Ap.data);
    const resumed = await train({ data, prior: truth, config: config('reference'), resumeFrom: checkpoints[2] });
    expect(resumed.model).toEqual(reference.model);
  });

  it('defaults to the authors’ reset and one-SE, and reads a config that names no rules with the rules of before (best, initial)', async () => {
    expect(DEFAULT_TRAINING_RULES).toEqual({ selection: 'one-se', lrReset: 'reference' });
    expect(defaultTrainConfig()).toMatchObject(DEFAULT_TRAINING_RULES);
    const noRules: { seed: number; selection?: 'best' } = { seed: 3 };
    expect(withExplicitRules(noRules)).toEqual({ seed: 3, ...RULES_WHEN_ABSENT });
    expect(withExplicitRules({ selection: 'one-se' as const })).toEqual({ selection: 'one-se', lrReset: 'initial' });
    const { selection: _s, lrReset: _l, ...stored } = tiny({ strategy: 'dash', lambda: [0.5, 0.05], epochs: 8 });
    const checkpoints: TrainCheckpoint[] = [];
    const old = await train({
      data,
      prior: truth,
      config: stored as TrainConfig,
      callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))) },
    });
    const legacy = await train({ data, prior: truth, config: { ...stored, ...RULES_WHEN_ABSENT } as TrainConfig });
    const today = await train({ data, prior: truth, config: { ...stored, ...DEFAULT_TRAINING_RULES } as TrainConfig });
    expect(old.model).toEqual(legacy.model);
    expect(old.history.map((r) => r.valLoss)).toEqual(legacy.history.map((r) => r.valLoss));
    expect(today.history.map((r) => r.valLoss)).not.toEqual(old.history.map((r) => r.valLoss));
    // A checkpoint of the old record continues under the same config with the rules named, and not under today's.
    const resumed = await train({ data, prior: truth, config: { ...stored, ...RULES_WHEN_ABSENT } as TrainConfig, resumeFrom: checkpoints[4] });
    expect(resumed.model).toEqual(old.model);
    await expect(train({ data, prior: truth, config: { ...stored, ...DEFAULT_TRAINING_RULES } as TrainConfig, resumeFrom: checkpoints[4] })).rejects.toThrow(
      /different training config/,
    );
  });

  it('trains with the prior corrupted as corruptPrior does it, seeded by the run’s seed', async () => {
    const config = tiny({ strategy: 'bioprune', epochs: 3 });
    const corrupted = await train({ data, prior: truth, config: { ...config, priorCorruption: 0.5 } });
    const byHand = await train({ data, prior: corruptPrior(truth, 0.5, config.seed).prior, config });
    const clean = await train({ data, prior: truth, config });
    expect(corrupted.model).toEqual(byHand.model);
    expect(corrupted.model.parameters.Ws.mask).not.toEqual(clean.model.parameters.Ws.mask);
  });

  it('records the validation SE, and one-se keeps the sparsest model within one SE of the lowest loss', async () => {
    const config = (selection: 'best' | 'one-se') => tiny({ strategy: 'dash', lambda: [0.5, 0.05], epochs: 16, patience: 50, selection });
    const best = await train({ data, prior: truth, config: config('best') });
    const checkpoints: TrainCheckpoint[] = [];
    const oneSe = await train({
      data,
      prior: truth,
      config: config('one-se'),
      callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))) },
    });
    // The rule changes which model is kept, never the training itself.
    expect(oneSe.history.map((r) => [r.valLoss, r.valSe])).toEqual(best.history.map((r) => [r.valLoss, r.valSe]));
    expect(best.history.every((r) => r.valSe! > 0)).toBe(true);
    const lowest = best.history.find((r) => r.epoch === best.summary.bestEpoch)!;
    const band = lowest.valLoss + lowest.valSe!;
    const kept = oneSe.history.find((r) => r.epoch === oneSe.summary.bestEpoch)!;
    expect(kept.valLoss).toBeLessThanOrEqual(band);
    expect(oneSe.summary.valMse).toBe(kept.valLoss);
    expect(oneSe.summary.sparsity).toBeGreaterThanOrEqual(best.summary.sparsity);
    // On this data the band reaches a sparser level than the lowest loss sits at, so the rules differ.
    expect(oneSe.summary.sparsity).toBeGreaterThan(best.summary.sparsity);
    const sparsestInBand = Math.max(...best.history.filter((r) => r.valLoss <= band).map((r) => r.sparsity));
    expect(kept.sparsity).toBeCloseTo(sparsestInBand, 3);
    // Each epoch reports the model kept so far: the lowest loss under the spec's rule, the one-SE choice otherwise.
    expect(best.history.map((r) => r.keptEpoch)).toEqual(
      best.history.map(
        (_, i) =>
          best.history
            .slice(0, i + 1)
            .filter((r) => r.isBest)
            .at(-1)!.epoch,
      ),
    );
    expect(oneSe.history.at(-1)!.keptEpoch).toBe(oneSe.summary.bestEpoch);
    expect(oneSe.history.some((r, i) => r.keptEpoch !== best.history[i].keptEpoch)).toBe(true);
    // A resumed one-se run keeps the same model.
    const resumed = await train({ data, prior: truth, config: config('one-se'), resumeFrom: checkpoints[9] });
    expect(resumed.summary.bestEpoch).toBe(oneSe.summary.bestEpoch);
    expect(resumed.model).toEqual(oneSe.model);
  });

  it('stops when asked and reports it', async () => {
    let steps = 0;
    const result = await train({ data, config: tiny(), callbacks: { onStep: () => void steps++, shouldStop: () => steps >= 30 } });
    expect(result.summary.cancelled).toBe(true);
    expect(result.summary.epochsRun).toBe(1); // 24 steps per epoch: the second epoch was cut short
    expect(steps).toBe(30);
  });

  it('stops early after `patience` epochs without a better validation loss', async () => {
    // A learning rate this large makes training diverge, so validation never improves on epoch 1.
    const result = await train({ data, config: tiny({ strategy: 'none', epochs: 30, patience: 2, learningRate: 1 }) });
    expect(result.summary.stoppedEarly).toBe(true);
    expect(result.summary.epochsRun).toBeLessThan(30);
    expect(result.summary.epochsRun - result.summary.bestEpoch).toBe(2);
  });

  it('leaks no tensors across steps and epochs', async () => {
    const before = tf.memory().numTensors;
    const during: number[] = [];
    await train({
      data,
      prior: truth,
      test: data,
      config: tiny({ strategy: 'pinn-mp', pinnStates: 200, pinnBatch: 50 }),
      callbacks: { onEpoch: () => void during.push(tf.memory().numTensors) },
    });
    // Epoch 1 runs unpruned; from the first pruning event (epoch 2) on, the model holds one mask tensor.
    expect(during[1]).toBe(during[0] + 1);
    expect(new Set(during.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports test MSE against the given test trajectories, and refuses mismatched inputs', async () => {
    const result = await train({ data, test: data, config: tiny({ epochs: 2 }) });
    expect(result.summary.testMse).toBeGreaterThan(0);
    await expect(train({ data, prior: { n: 3, data: new Float64Array(9) }, config: tiny() })).rejects.toThrow(/prior is 3×3/);
    await expect(train({ data, config: tiny({ strategy: 'bioprune' }) })).rejects.toThrow(/uses the prior network/);
    expect(() => parseTrainConfig({ ...tiny(), hidden: 0 })).toThrow(/hidden/);
  });
});

describe('optimiser and schedules', () => {
  it('Adam matches the torch update on two steps, with the second group at its own rate', () => {
    const theta = tf.variable(tf.tensor1d([1, -2, 3]));
    const adam = new FlatAdam(3, [
      { start: 0, length: 2 },
      { start: 2, length: 1 },
    ]);
    const grads = [
      [0.5, -1, 2],
      [0.1, 0.3, -0.2],
    ];
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    const want = [1, -2, 3];
    grads.forEach((g, t) => {
      tf.tidy(() => adam.apply(theta, tf.tensor1d(g), [0.01, 0.05]));
      for (let i = 0; i < 3; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] ** 2;
        const mHat = m[i] / (1 - 0.9 ** (t + 1));
        const vHat = v[i] / (1 - 0.999 ** (t + 1));
        want[i] -= (i < 2 ? 0.01 : 0.05) * (mHat / (Math.sqrt(vHat) + 1e-8));
      }
    });
    Array.from(theta.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(want[i], 6));
    const saved = adam.save();
    const other = new FlatAdam(3, [{ start: 0, length: 3 }]);
    other.restore(saved);
    expect(other.save()).toEqual(saved);
    theta.dispose();
    adam.dispose();
    other.dispose();
  });

  it('reduce-on-plateau lowers each rate by 0.9 after more than 3 bad epochs, never below 4e-5', () => {
    const p = new ReduceOnPlateau([1e-3, 5e-3]);
    expect(p.observe(1)).toBe(false);
    for (let i = 0; i < 3; i++) expect(p.observe(1)).toBe(false);
    expect(p.observe(1)).toBe(true);
    expect(p.rates[0]).toBeCloseTo(9e-4, 12);
    expect(p.rates[1]).toBeCloseTo(4.5e-3, 12);
    expect(p.observe(0.5)).toBe(false); // an improvement resets the count
    const floor = new ReduceOnPlateau([4.2e-5, 1]);
    for (let i = 0; i < 5; i++) floor.observe(1);
    expect(floor.rates[0]).toBe(4e-5);
  });

  it('holds out round(fraction · T) trajectories chosen by the seed', () => {
    const a = splitTrajectories(150, 10 / 150, new Random(0));
    expect(a.validation).toHaveLength(10);
    expect(a.train).toHaveLength(140);
    expect(new Set([...a.train, ...a.validation]).size).toBe(150);
    expect(splitTrajectories(150, 10 / 150, new Random(0))).toEqual(a);
    expect(splitTrajectories(150, 10 / 150, new Random(1)).validation).not.toEqual(a.validation);
    expect(splitTrajectories(3, 0.01, new Random(0)).validation).toHaveLength(1);
  });
});
