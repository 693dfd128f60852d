import { z } from 'zod';

/**
 * A synthetic benchmark's options, described once: bounds, defaults, labels and why each matters. The
 * front door (benchmark.ts) checks its input against them; the server's zod, the GraphQL descriptions and
 * the app's form hints derive from them, as the training options derive from training/fields.ts.
 * Defaults are SIM350's (150 trajectories sampled at t = 0, 2, 3, 7, 9).
 */
interface BenchmarkFieldBase {
  label: string;
  /** One line: what it does (GraphQL descriptions, the form's hints). */
  reason: string;
}

export interface BenchmarkNumberField extends BenchmarkFieldBase {
  type: 'int' | 'number';
  min: number;
  max: number;
  default: number;
}

export interface BenchmarkTimesField extends BenchmarkFieldBase {
  type: 'times';
  /** Bounds on how many time points, and on each time. */
  minCount: number;
  maxCount: number;
  min: number;
  max: number;
  default: readonly number[];
}

export const BENCHMARK_FIELDS = {
  trajectories: {
    type: 'int',
    min: 1,
    max: 1000,
    default: 150,
    label: 'Trajectories',
    reason: 'How many time series: each starts from its own random state (every gene drawn from U(0, 1)).',
  },
  timePoints: {
    type: 'times',
    minCount: 2,
    maxCount: 100,
    min: 0,
    max: 1000,
    default: [0, 2, 3, 7, 9],
    label: 'Time points',
    reason: 'When each trajectory is sampled: increasing times from the start state (SIM350: 0, 2, 3, 7, 9).',
  },
  noise: {
    type: 'number',
    min: 0,
    max: 1,
    default: 0,
    label: 'Noise σ',
    reason: 'σ of Gaussian noise added to every observation; 0 stores noise-free data that runs may add noise to at load (the paper: 0.025 at load).',
  },
  seed: {
    type: 'int',
    min: 0,
    max: 2_147_483_647,
    default: 0,
    label: 'Seed',
    reason: 'Draws the kinetics, the start states and the noise: the same seed and network give the same benchmark.',
  },
  genes: {
    type: 'int',
    min: 2,
    max: 2000,
    default: 350,
    label: 'Genes',
    reason: 'The genes of the network’s edges; the simulation integrates all of them at once.',
  },
} as const satisfies Record<string, BenchmarkNumberField | BenchmarkTimesField>;

/** trajectories × time points × genes: the stored dataset's values (SIM350: 262,500). */
export const MAX_BENCHMARK_VALUES = 5_000_000;

export type BenchmarkFieldKey = keyof typeof BENCHMARK_FIELDS;

type NumberKey = { [K in BenchmarkFieldKey]: (typeof BENCHMARK_FIELDS)[K] extends { type: 'times' } ? never : K }[BenchmarkFieldKey];

/** The zod schema of a number field; messages name it by its label. */
export function benchmarkNumberSchema(key: NumberKey): z.ZodNumber {
  const f: BenchmarkNumberField = BENCHMARK_FIELDS[key];
  const what = f.label;
  let s = z.number({ error: `${what} must be a number.` });
  if (f.type === 'int') s = s.int(`${what} must be a whole number.`);
  return s.min(f.min, f.min === 0 ? `${what} cannot be negative.` : `${what} must be at least ${f.min}.`).max(f.max, `${what} must be at most ${f.max}.`);
}

/** The time points: finite, each in bounds, strictly increasing, within the count bounds. */
export function benchmarkTimesSchema(): z.ZodType<number[]> {
  const f: BenchmarkTimesField = BENCHMARK_FIELDS.timePoints;
  return z
    .array(
      z.number({ error: 'Each time point must be a number.' }).min(f.min, 'Time points cannot be negative.').max(f.max, `Time points are at most ${f.max}.`),
      {
        error: 'Give the time points as a list of numbers.',
      },
    )
    .min(f.minCount, `Give at least ${f.minCount} time points.`)
    .max(f.maxCount, `Give at most ${f.maxCount} time points.`)
    .refine((v) => v.every((t, k) => k === 0 || t > v[k - 1]), 'Time points must increase.');
}

/** The form's hint: the bounds and the default, as a person reads them. */
export function benchmarkFieldHint(key: BenchmarkFieldKey): string {
  const f: BenchmarkNumberField | BenchmarkTimesField = BENCHMARK_FIELDS[key];
  if (f.type === 'times') return `${f.minCount} to ${f.maxCount} increasing times; default ${f.default.join(', ')}`;
  return `${f.min} to ${f.max.toLocaleString('en')}; default ${f.default}`;
}
