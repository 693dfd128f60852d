/**
 * How time and memory grow with the number of genes (issue 3 §5): one SIM350-shaped trajectory
 * (5 time points, so a 4-row batch) of random data per size, a random sparse prior of SIM350's
 * density, and the trainer's own pieces: a gradient step (RK4, 4 steps, hand-written adjoint), an Adam
 * update (with --backend wasm-fused: the fused step and host Adam), validation-style forward pass, a DASH pruning event and the effects matrix of an unpruned
 * (dense) model, its most expensive case (up to 10⁶ parameters), and of a model with 95% of its weights
 * pruned, as DASH leaves one.
 */
import * as tf from '@tensorflow/tfjs';
import { effectsMatrix } from '../model/effects';
import { initPhoenixParams } from '../model/init';
import { fullMasks } from '../model/params';
import { PhoenixModel, flatLayout, type SolverConfig } from '../model/phoenix';
import { GradientTape } from '../model/rhs';
import { FusedStep } from '../training/fused-step';
import { Pruner } from '../pruning/pruner';
import { Random } from '../random';
import { FlatAdam } from '../training/adam';
import { disposeBatch, pairBatch } from '../training/data';

const DENSE_EFFECTS_LIMIT = 1e6;
const PRUNED_KEEP = 0.05;

export const DEFAULT_SIZES: [number, number][] = [
  [350, 40],
  [350, 300],
  [690, 40],
  [690, 300],
  [2000, 40],
  [2000, 300],
  [11000, 40],
  [11000, 300],
];

function seconds(fn: () => void, reps: number, warmUp = 1): number {
  for (let i = 0; i < warmUp; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps / 1000;
}

/**
 * With `fused`, the step is the trainer's 'wasm-fused' step (fused loss and gradient, then Adam); else the tfjs step.
 * With `kept`, the model carries a random mask keeping that share of each weight matrix, and only the
 * step and the forward pass are timed (the pruning event and effects do not depend on it).
 */
export function measureSize(n: number, h: number, fused = false, kept?: number) {
  const random = new Random(1);
  const trajectory = { times: [0, 2, 3, 7, 9], values: [0, 1, 2, 3, 4].map(() => Array.from({ length: n }, () => random.next())) };
  const prior = { n, data: new Float64Array(n * n) };
  const edges = Math.round((550 / (350 * 350)) * n * n);
  for (let e = 0; e < edges; e++) prior.data[random.int(n) * n + random.int(n)] = random.next() < 0.7 ? 1 : -1;
  const params = initPhoenixParams(n, h, random);
  const model = new PhoenixModel(params, kept === undefined ? null : randomMasks(n, h, kept, random));
  const batch = pairBatch([trajectory], n)!;
  const solver: Extract<SolverConfig, { method: 'rk4' }> = { method: 'rk4', minSteps: 4, maxRateStep: 1e9 };
  const tape = new GradientTape();
  const at = flatLayout(n, h);
  const adam = new FlatAdam(at.length, [
    { start: 0, length: at.v },
    { start: at.v, length: n },
  ]);
  const reps = n * h > 1e6 ? 3 : 10;
  // Small sizes get 30 warm-up steps: enough for the JIT to optimise the fused step's loops.
  // The fused step keeps the parameters on the host across steps, as during a training epoch.
  const fusedStep = fused ? new FusedStep(model, solver, adam) : null;
  const step = seconds(
    fusedStep
      ? () => void fusedStep.step(batch, [1e-3, 5e-3])
      : () => {
          const { value, grads } = tf.variableGrads(() => model.loss(model.tensors(), batch, solver, tape), [model.theta]);
          tape.release();
          adam.apply(model.theta, grads[model.theta.name], [1e-3, 5e-3]);
          value.dataSync();
          tf.dispose([value, ...Object.values(grads)]);
        },
    reps,
    n * h > 1e6 ? 3 : 30,
  );
  fusedStep?.end();
  const forward = seconds(() => void model.evaluate(batch, solver), reps);
  if (kept !== undefined) {
    const none = Number.NaN;
    const done = {
      n,
      h,
      kept,
      parameters: at.length,
      step,
      forward,
      pruning: none,
      effects: none,
      prunedEffects: none,
      tfBytes: tf.memory().numBytes,
      rss: process.memoryUsage().rss,
    };
    adam.dispose();
    model.dispose();
    disposeBatch(batch);
    return done;
  }
  // Pruning and effects on the initial weights: a few Adam steps on random data can diverge at large n.
  const pruner = new Pruner({ n, h, lambda: [0.5, 0.05], prior, random });
  const pruning = seconds(() => void pruner.prune(params, fullMasks(n, h), 0.7), 1);
  const dense = { ...params, Ws: params.Ws.map((x) => x || 1e-3), Wp: params.Wp.map((x) => x || 1e-3) };
  // The dense case is the worst one (n²·h); past 10⁶ parameters it takes minutes, so only the pruned one runs.
  const effects = at.length <= DENSE_EFFECTS_LIMIT ? seconds(() => void effectsMatrix(dense), 1, 0) : Number.NaN;
  // A model as DASH leaves it: 5% of each weight matrix kept (at random here), the rest exactly zero.
  const keep = (w: Float32Array) => w.map((x) => (random.next() < PRUNED_KEEP ? x || 1e-3 : 0));
  const pruned = { ...params, Ws: keep(params.Ws), Wp: keep(params.Wp), As: keep(params.As), Ap: keep(params.Ap) };
  const prunedEffects = seconds(() => void effectsMatrix(pruned), 1, 0);
  const tfBytes = tf.memory().numBytes;
  const rss = process.memoryUsage().rss;
  adam.dispose();
  model.dispose();
  disposeBatch(batch);
  return { n, h, kept: 1, parameters: at.length, step, forward, pruning, effects, prunedEffects, tfBytes, rss };
}

/** Masks keeping `kept` of each weight matrix at random. */
function randomMasks(n: number, h: number, kept: number, random: Random) {
  const masks = fullMasks(n, h);
  for (const m of [masks.Ws, masks.Wp, masks.As, masks.Ap]) for (let q = 0; q < m.length; q++) m[q] = random.next() < kept ? 1 : 0;
  return masks;
}

const HEADER = [
  'genes',
  'h',
  'parameters',
  'kept',
  'step',
  'epoch (140 steps)',
  'forward',
  'pruning event',
  'effects',
  'effects 95% pruned',
  'tf memory',
  'process RSS',
];
const WIDTHS = [6, 4, 11, 5, 9, 17, 9, 13, 9, 18, 10, 11];

export function printScaleHeader(): void {
  console.log(HEADER.map((t, c) => t.padStart(WIDTHS[c])).join('  '));
}

/** One row per size, printed as soon as it is measured. */
export function printScaleRow(r: ReturnType<typeof measureSize>, trajectories = 140): void {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const ms = (s: number) => (Number.isNaN(s) ? '—' : s < 1 ? `${(1000 * s).toFixed(1)} ms` : `${s.toFixed(2)} s`);
  const cells = [
    String(r.n),
    String(r.h),
    r.parameters.toLocaleString('en'),
    `${Math.round(100 * r.kept)}%`,
    ms(r.step),
    ms(r.step * trajectories),
    ms(r.forward),
    ms(r.pruning),
    ms(r.effects),
    ms(r.prunedEffects),
    mb(r.tfBytes),
    mb(r.rss),
  ];
  console.log(cells.map((c, i) => c.padStart(WIDTHS[i])).join('  '));
}
