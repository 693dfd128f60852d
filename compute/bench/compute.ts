/**
 * `npm run bench:compute`: seconds per epoch on SIM350 with the paper's protocol (DASH λ = (0.5, 0.05),
 * σ = 0.025, one trajectory per optimiser step), optimiser steps per second, achieved GFLOP/s next
 * to this machine's measured matmul peak on the same backend, and where a step's time goes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { useBackend } from '../backend';
import { parseDenseMatrix } from '../formats/dense-matrix';
import { parseGeneNames } from '../formats/gene-names';
import { parseTrajectoryCsv } from '../formats/trajectory-csv';
import { loadSim350 } from '../fixtures/sim350';
import { numeric, parseCliArgs } from '../cli/args';
import { CliUsageError } from '../cli/cli-errors';
import { readTextFile } from '../cli/input-files';
import { initPhoenixParams } from '../model/init';
import { PhoenixModel, flatLayout, type PairBatch } from '../model/phoenix';
import { GradientTape } from '../model/rhs';
import { FUSED_BACKEND, tfjsBackendFor } from '../model/fused/backend-name';
import { FusedStep } from '../training/fused-step';
import { Pruner } from '../pruning/pruner';
import { fullMasks } from '../model/params';
import { Random } from '../random';
import { FlatAdam } from '../training/adam';
import { defaultTrainConfig } from '../training/config';
import { disposeBatch, pairBatch } from '../training/data';
import { solverFor, train } from '../training/trainer';
import { DEFAULT_SIZES, measureSize, printScaleHeader, printScaleRow } from './scale';
import type { ExpressionData, SquareMatrix } from '../types';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../../../shared/data/sim350');

function loadData(dir: string | undefined): { data: ExpressionData; prior: SquareMatrix; source: string } {
  const shared = dir ?? SHARED;
  if (existsSync(path.join(shared, 'train_val_150traj.csv'))) {
    const genes = parseGeneNames(readTextFile(path.join(shared, 'genes.csv')));
    return {
      data: parseTrajectoryCsv(readTextFile(path.join(shared, 'train_val_150traj.csv')), genes),
      prior: parseDenseMatrix(readTextFile(path.join(shared, 'prior_matrix_noise_0.025.csv')), genes).matrix,
      source: shared,
    };
  }
  const sim = loadSim350();
  return { data: sim.data, prior: sim.prior, source: 'compute/fixtures/sim350' };
}

function timeIt(reps: number, fn: () => void): number {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps / 1000;
}

/**
 * Kernel calls and time per op name, the costliest first. A custom-gradient function shows up in the
 * profile as one pseudo-kernel whose time includes the real kernels inside it, which are listed too:
 * only kernels registered with the backend are counted, so nothing is counted twice.
 */
async function kernelTimeByOp(
  kernels: { name: string; kernelTimeMs: number | { error: string } | Promise<number | { error: string }> }[],
  steps: number,
  top = 8,
) {
  const byName = new Map<string, { calls: number; ms: number }>();
  let totalMs = 0;
  const backendName = tf.getBackend();
  for (const k of kernels) {
    if (!tf.getKernel(k.name, backendName)) continue;
    const time = await k.kernelTimeMs;
    const ms = typeof time === 'number' ? time : 0;
    const entry = byName.get(k.name) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += ms;
    totalMs += ms;
    byName.set(k.name, entry);
  }
  const ops = [...byName.entries()].map(([name, e]) => ({ name, calls: e.calls / steps, ms: e.ms / steps })).sort((a, b) => b.ms - a.ms);
  return { totalMs: totalMs / steps, top: ops.slice(0, top) };
}

/** Best of a few runs of a square matmul: the backend's attainable GFLOP/s for the model's kernel. */
function matmulPeak(size: number): number {
  const a = tf.randomNormal([size, size]);
  const b = tf.randomNormal([size, size]);
  let best = Infinity;
  for (let r = 0; r < 4; r++) {
    best = Math.min(
      best,
      timeIt(2, () => tf.tidy(() => void tf.matMul(a, b).dataSync())),
    );
  }
  a.dispose();
  b.dispose();
  return (2 * size ** 3) / best / 1e9;
}

export const BENCH_USAGE = `Usage: npm run bench:compute -- [options]
  --epochs     epochs of the real protocol to time (default 3; epoch 3 holds the first pruning event)
  --hidden     hidden units h (default 40)         --solver   rk4 | dopri5 (default rk4)
  --backend    wasm | wasm-fused | cpu | another tfjs backend (default wasm; wasm-fused: the fused step)
  --data-dir   a folder with SIM350's files (default ../shared/data/sim350, else the repo's fixture)
  --scale      time and memory against genes instead: "350x40,2000x300" (genes x hidden); alone, the default sizes
  --density    with --scale: kept shares of each weight matrix to time the step at, "1,0.3,0.05" (a random
               mask each, as DASH pruning leaves); only the step and the forward pass are timed then`;

const sizeList = z.string().transform((s, ctx) => {
  if (s.trim() === '') return DEFAULT_SIZES;
  const sizes = s.split(',').map((item) => item.trim().split('x').map(Number));
  if (sizes.some((pair) => pair.length !== 2 || pair.some((v) => !Number.isInteger(v) || v < 1))) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not a list of sizes like 350x40,2000x300 (genes x hidden units)` });
    return z.NEVER;
  }
  return sizes as [number, number][];
});

const benchArgsSchema = z.object({
  epochs: numeric('epochs').pipe(z.number().int().min(1)).default(3),
  hidden: numeric('hidden').pipe(z.number().int().min(1)).default(40),
  solver: z.enum(['rk4', 'dopri5']).default('rk4'),
  backend: z.string().min(1).default('wasm-fused'),
  'data-dir': z.string().min(1).optional(),
  scale: sizeList.optional(),
  density: z
    .string()
    .transform((s) => s.split(',').map(Number))
    .pipe(z.array(z.number().gt(0).lte(1)).min(1))
    .optional(),
});

const BENCH_OPTIONS = Object.fromEntries(Object.keys(benchArgsSchema.shape).map((name) => [name, { type: 'string' as const }]));

export function parseBenchArgs(argv: string[]): z.infer<typeof benchArgsSchema> {
  // A bare --scale means the default sizes; parseArgs would otherwise want a value after it.
  const i = argv.indexOf('--scale');
  const withValue = i >= 0 && (i === argv.length - 1 || argv[i + 1].startsWith('--')) ? [...argv.slice(0, i + 1), '', ...argv.slice(i + 1)] : argv;
  return parseCliArgs(withValue, BENCH_OPTIONS, benchArgsSchema, BENCH_USAGE);
}

export async function runBench(argv: string[] = process.argv.slice(2)): Promise<void> {
  const values = parseBenchArgs(argv);
  if (values.scale !== undefined) {
    await useBackend(tfjsBackendFor(values.backend));
    printScaleHeader();
    const fused = values.backend === FUSED_BACKEND;
    for (const [n, h] of values.scale) {
      if (!values.density) printScaleRow(measureSize(n, h, fused));
      else for (const kept of values.density) printScaleRow(measureSize(n, h, fused, kept));
    }
    return;
  }
  const { epochs, hidden } = values;
  const solverName = values.solver;
  const backend = values.backend === FUSED_BACKEND ? FUSED_BACKEND : await useBackend(values.backend);
  if (backend === FUSED_BACKEND) await useBackend(tfjsBackendFor(backend));
  const { data, prior, source } = loadData(values['data-dir']);
  const n = data.genes.length;
  console.log(`SIM350 from ${source}: ${n} genes, ${data.trajectories.length} trajectories; backend ${backend}, h = ${hidden}, solver ${solverName}`);

  // 1. The real protocol for a few epochs (epoch 3 includes the first pruning event).
  const config = defaultTrainConfig({ strategy: 'dash', lambda: [0.5, 0.05], noiseStd: 0.025, epochs, hidden, solver: solverName, backend });
  const result = await train({
    data,
    prior,
    config,
    callbacks: {
      onEpoch: (r) =>
        console.log(
          `  epoch ${r.epoch}: ${r.seconds.toFixed(2)} s, train ${r.trainLoss.toExponential(3)}, val ${r.valLoss.toExponential(3)}${r.pruned ? ', pruned' : ''}`,
        ),
    },
  });
  const p = result.profile;
  const secondsPerEpoch = result.summary.secondsPerEpoch;
  const stepsPerSecond = p.steps / p.stepSeconds;

  // 2. One optimiser step taken apart on a typical trajectory.
  const random = new Random(0);
  const model = new PhoenixModel(initPhoenixParams(n, hidden, random));
  const batch = pairBatch([data.trajectories[0]], n) as PairBatch;
  const solver = solverFor(config);
  const at = flatLayout(n, hidden);
  const adam = new FlatAdam(at.length, [
    { start: 0, length: at.v },
    { start: at.v, length: n },
  ]);
  const reps = 40;
  const tape = new GradientTape();
  const forward = timeIt(reps, () => tf.tidy(() => void model.loss(model.tensors(), batch, solver).dataSync()));
  // The trainer's step: RK4 with the hand-written discrete adjoint (tape), gradients by tf.variableGrads.
  const gradientStep = () => {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => model.loss(model.tensors(), batch, solver, tape), [model.theta]);
      grads[model.theta.name].dataSync();
    });
    tape.release();
  };
  const forwardBackward = timeIt(reps, gradientStep);
  // Profiled over several steps: one step's kernel times swing widely on a shared machine.
  const profiledSteps = 10;
  const profile = await tf.profile(() => {
    for (let i = 0; i < profiledSteps; i++) gradientStep();
  });
  const kernels = profile.kernels.length / profiledSteps;
  const byOp = await kernelTimeByOp(profile.kernels, profiledSteps);
  // The fused step (backend wasm-fused): loss, gradient and Adam without tfjs kernels; timed on its own model copy.
  let fusedStep = Number.NaN;
  let fusedKernels = Number.NaN;
  if (values.backend === FUSED_BACKEND && solver.method === 'rk4') {
    const fusedModel = new PhoenixModel(initPhoenixParams(n, hidden, new Random(0)));
    const fusedAdam = new FlatAdam(at.length, [
      { start: 0, length: at.v },
      { start: at.v, length: n },
    ]);
    const fused = new FusedStep(fusedModel, solver, fusedAdam);
    fusedStep = timeIt(10 * reps, () => void fused.step(batch, [1e-3, 5e-3]));
    fusedKernels = (await tf.profile(() => void fused.step(batch, [1e-3, 5e-3]))).kernels.length;
    fused.end();
    fusedAdam.dispose();
    fusedModel.dispose();
  }
  const grad = tf.zerosLike(model.theta);
  const optimiser = timeIt(reps, () => {
    adam.apply(model.theta, grad, [1e-3, 5e-3]);
    model.theta.dataSync();
  });
  const pruner = new Pruner({ n, h: hidden, lambda: [0.5, 0.05], prior, random });
  const pruning = timeIt(3, () => void pruner.prune(model.params(), fullMasks(n, hidden), 0.7));
  const steps = solver.method === 'rk4' ? model.rk4Steps(batch.maxDt, solver) : NaN;

  // 3. Arithmetic: the four matmuls of one right-hand side are 8·B·n·h flops; the backward pass twice that.
  const evals = solver.method === 'rk4' ? 4 * steps : NaN;
  const flopsPerStep = 3 * evals * 8 * batch.rows * n * hidden;
  const peak = matmulPeak(1024);
  const smallShape = tf.randomNormal([batch.rows, n]);
  const smallW = tf.randomNormal([n, hidden]);
  const smallMatmul = timeIt(400, () => tf.tidy(() => void tf.matMul(smallShape, smallW)));
  const tinyOp = timeIt(400, () => tf.tidy(() => void tf.add(smallShape, smallShape)));
  tf.dispose([smallShape, smallW, grad]);
  adam.dispose();
  model.dispose();
  disposeBatch(batch);

  const ms = (s: number) => `${(1000 * s).toFixed(2)} ms`;
  const rows: [string, string][] = [
    ['seconds per epoch', `${secondsPerEpoch.toFixed(2)} s (${p.steps / epochs} steps; reference PyTorch ≈ 82 s, target ≤ 8 s)`],
    ['optimiser steps per second', stepsPerSecond.toFixed(1)],
    ...(Number.isNaN(fusedStep)
      ? []
      : ([
          ['one step, fused: loss + gradient + Adam', ms(fusedStep)],
          ['tfjs kernels per fused step', String(fusedKernels)],
        ] as [string, string][])),
    ['one step, tfjs: forward (loss)', ms(forward)],
    ['one step, tfjs: backward', ms(forwardBackward - forward)],
    ['tfjs kernels per step (forward + backward)', String(kernels)],
    ['one step, tfjs: Adam update', ms(optimiser)],
    ['per epoch: validation', ms(p.validationSeconds / epochs)],
    ['pruning event (DASH scores + masks)', ms(pruning)],
    ['solver', solver.method === 'rk4' ? `rk4, ${steps} steps per solve (${evals} right-hand sides)` : 'dopri5 (adaptive)'],
    ['model flops per step', Number.isFinite(flopsPerStep) ? `${(flopsPerStep / 1e6).toFixed(1)} MFLOP` : 'n/a (adaptive)'],
    ['achieved, tfjs step', Number.isFinite(flopsPerStep) ? `${(flopsPerStep / forwardBackward / 1e9).toFixed(2)} GFLOP/s` : 'n/a'],
    ...(Number.isNaN(fusedStep) || !Number.isFinite(flopsPerStep)
      ? []
      : ([['achieved, fused step (with Adam)', `${(flopsPerStep / fusedStep / 1e9).toFixed(2)} GFLOP/s`]] as [string, string][])),
    ['peak: 1024² matmul, same backend', `${peak.toFixed(1)} GFLOP/s`],
    [
      `the model's matmul (${batch.rows}×${n}·${n}×${hidden})`,
      `${(1e6 * smallMatmul).toFixed(1)} µs = ${((2 * batch.rows * n * hidden) / smallMatmul / 1e9).toFixed(2)} GFLOP/s`,
    ],
    ['fixed cost of one tfjs op', `${(1e6 * tinyOp).toFixed(1)} µs (a ${batch.rows}×${n} add)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(`Kernel time by op in one step (tf.profile, mean of ${profiledSteps} steps; ${byOp.totalMs.toFixed(1)} ms of kernels in all):`);
  for (const op of byOp.top)
    console.log(
      `  ${op.name.padEnd(22)} ${String(op.calls).padStart(4)} calls  ${op.ms.toFixed(2).padStart(7)} ms  ${((100 * op.ms) / byOp.totalMs).toFixed(0).padStart(3)}%`,
    );
  console.log(
    `Where the time goes: ${kernels} kernel calls per step at ~${((1e6 * forwardBackward) / kernels).toFixed(1)} µs each; with ${batch.rows}-row matrices each kernel is dominated by its fixed dispatch cost, not its arithmetic, so the step runs far below the matmul peak.`,
  );
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runBench().catch((e) => {
    console.error(e instanceof CliUsageError ? e.message : e);
    process.exit(e instanceof CliUsageError ? 2 : 1);
  });
}
