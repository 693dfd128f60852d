import { z } from 'zod';
import { isUuid } from '../ids';
import { fieldSchema, STRATEGIES, STRATEGY_IDS, TRAIN_FIELD_KEYS, type StrategyId, type TrainFieldValues } from '@/compute';

/** compute's strategy registry (compute/strategies.ts): a strategy added there is launchable here. */
export const strategies = STRATEGY_IDS;
export type Strategy = StrategyId;

/** Strategies whose scores or loss use the prior; the others may run without one. */
export const strategiesNeedingPrior: ReadonlySet<Strategy> = new Set(strategies.filter((s) => STRATEGIES[s].needsPrior));

export const strategyLabels = Object.fromEntries(strategies.map((s) => [s, STRATEGIES[s].label])) as Record<Strategy, string>;

const fraction = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .min(0, `${what} must be from 0 to 1.`)
    .max(1, `${what} must be from 0 to 1.`);
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be at least ${min}.`)
    .max(max, `${what} must be at most ${max}.`);

/**
 * Overrides a user may give, one per field of compute's field table (compute/training/fields.ts), with
 * its bounds; everything omitted comes from the preset, then compute's defaults. A lab's tighter caps
 * (limits.ts) are checked on the built config.
 */
export type HyperparametersInput = { [K in keyof TrainFieldValues]?: TrainFieldValues[K] | null };
export const hyperparametersInput = z
  .object(Object.fromEntries(TRAIN_FIELD_KEYS.map((key) => [key, fieldSchema(key).nullish()])))
  .default({}) as unknown as z.ZodDefault<z.ZodType<HyperparametersInput>>;

const runName = z.string().trim().max(120, 'Run names are at most 120 characters.').nullish();
const seed = z
  .number()
  .int('The seed must be a whole number.')
  .min(0, 'The seed must be from 0 to 2147483647.')
  .max(2_147_483_647, 'The seed must be from 0 to 2147483647.')
  .default(0);

export const launchRunInput = z.object({
  projectId: z.string(),
  datasetId: z.string(),
  priorVersionId: z.string().nullish(),
  name: runName,
  strategy: z.enum(strategies, `The strategy must be one of ${strategies.join(', ')}.`),
  preset: z.string().nullish(),
  hyperparameters: hyperparametersInput,
  seed,
});
export type LaunchRunInput = z.input<typeof launchRunInput>;

const lambdaGrid = (what: string) =>
  z
    .array(fraction(what))
    .max(12, `Give at most 12 values of ${what}.`)
    .nullish()
    .transform((v) => (v && v.length ? [...new Set(v)] : null));

export const launchSweepInput = z.object({
  projectId: z.string(),
  datasetId: z.string(),
  priorVersionId: z.string().nullish(),
  name: runName,
  strategies: z
    .array(z.enum(strategies, `Each strategy must be one of ${strategies.join(', ')}.`))
    .min(1, 'Choose at least one strategy.')
    .transform((v) => [...new Set(v)]),
  lambda1Values: lambdaGrid('λ₁'),
  lambda2Values: lambdaGrid('λ₂'),
  preset: z.string().nullish(),
  hyperparameters: hyperparametersInput,
  seed,
});
export type LaunchSweepInput = z.input<typeof launchSweepInput>;

export const listRunsInput = z.object({
  projectId: z.string(),
  // Compared with a uuid column: anything else would fail in the database as an internal error.
  sweepId: z.string().refine(isUuid, 'The sweep id is not a valid id.').nullish(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).nullish(),
  limit: wholeNumber('The limit', 1, 500).default(100),
});

export const networkQueryInput = z.object({
  // The server's own cap (NETWORK_MAX_EDGES, at most 200,000) is checked in network.ts.
  topK: wholeNumber('Top-k', 1, 200_000).default(200),
  regulator: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  gene: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  hops: wholeNumber('The neighbourhood size', 1, 3).default(1),
  goldStandardId: z
    .string()
    .nullish()
    .transform((v) => v || null),
});
export type NetworkQueryInput = z.input<typeof networkQueryInput>;

export const heatmapInput = z.object({
  regulators: wholeNumber('The number of regulators', 1, 80).default(40),
  targets: wholeNumber('The number of targets', 1, 150).default(80),
});

export const compareRunsInput = z.object({
  projectId: z.string(),
  runIds: z.array(z.string()).min(1, 'Choose at least one run.').max(100, 'Compare at most 100 runs at once.'),
  goldStandardId: z.string(),
});
