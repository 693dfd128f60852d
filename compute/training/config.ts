import { z } from 'zod';
import { STRATEGY_IDS } from '../strategies';
import { fieldSchema, TRAIN_FIELD_DEFAULTS, withFieldValues } from './fields';
import type { LearningRateReset } from './learning-rates';
import type { SelectionRule } from './selection';

export const strategySchema = z.enum(STRATEGY_IDS);

/** Bounds and choices from the field table (fields.ts), with compute's terse messages. */
const field = fieldSchema;

export const trainConfigSchema = z
  .object({
    strategy: strategySchema,
    /** DASH (λ1, λ2); imp is (0, 0) and bioprune (1, 1) whatever is given here. */
    lambda: z.tuple([field('lambda1'), field('lambda2')]).optional(),
    /** λ_d, the data-loss weight of pinn / pinn-mp (PHOENIX used 0.99). */
    pinnLambda: field('pinnLambda').optional(),
    hidden: field('hidden'),
    epochs: field('epochs'),
    patience: field('patience'),
    learningRate: field('learningRate'),
    validationFraction: field('validationFraction'),
    noiseStd: field('noiseStd'),
    solver: field('solver'),
    pruning: z.object({
      firstEpoch: field('pruningFirstEpoch'),
      firstFraction: field('pruningFirstFraction'),
      every: field('pruningEvery'),
      fraction: field('pruningFraction'),
    }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    /** Which model the run keeps (selection.ts); absent means RULES_WHEN_ABSENT.selection. */
    selection: field('selection').optional(),
    backend: z.string().min(1).optional(),
    /** What a pruning event does to the learning rates (learning-rates.ts); absent means RULES_WHEN_ABSENT.lrReset. */
    lrReset: field('lrReset').optional(),
    /** Fraction of the prior corrupted before training (compute/prior-corruption.ts); absent: none. */
    priorCorruption: field('priorCorruption').optional(),
    /** Random states for the pinn prior loss (reference 10,000) and how many are drawn per step. */
    pinnStates: z.number().int().min(1).optional(),
    pinnBatch: z.number().int().min(1).optional(),
    /** rk4: at least this many steps per solve, each spanning at most `maxRateStep` relaxation times. */
    rk4MinSteps: z.number().int().min(1).optional(),
    rk4MaxRateStep: z.number().positive().optional(),
    /** dopri5 tolerances (float32 arithmetic: rtol below ~1e-6 buys nothing). */
    rtol: z.number().positive().optional(),
    atol: z.number().positive().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.strategy === 'dash' && !c.lambda) ctx.addIssue({ code: 'custom', path: ['lambda'], message: "strategy 'dash' needs lambda: [λ1, λ2]" });
  });

export type TrainConfig = z.infer<typeof trainConfigSchema>;

export interface TrainingRules {
  selection: SelectionRule;
  lrReset: LearningRateReset;
}

/**
 * The rules a new run gets (spec §3): the authors' script's learning-rate reset and the one-SE model,
 * the rules that reproduce the paper's SIM350 numbers. The CLI, the server, GraphQL and the launch form
 * all take their defaults from here, and a new config records them explicitly.
 */
export const DEFAULT_TRAINING_RULES: Readonly<TrainingRules> = { selection: TRAIN_FIELD_DEFAULTS.selection, lrReset: TRAIN_FIELD_DEFAULTS.lrReset };

/**
 * How a config that does not name the rules was trained: until issue 16 the spec's defaults were
 * 'best' and 'initial' and configs left them out, so stored runs, result files and checkpoints without
 * the fields keep meaning what they meant when they were made.
 */
export const RULES_WHEN_ABSENT: Readonly<TrainingRules> = { selection: 'best', lrReset: 'initial' };

/** The config with both rules named: what it was (or will be) trained with. */
export function withExplicitRules<C extends Partial<TrainingRules>>(config: C): C & TrainingRules {
  return { ...config, selection: config.selection ?? RULES_WHEN_ABSENT.selection, lrReset: config.lrReset ?? RULES_WHEN_ABSENT.lrReset };
}

/** The paper's settings for the synthetic benchmark; override what differs. */
export function defaultTrainConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  // Every field's default (fields.ts) but prior corruption, which a config leaves out unless asked for.
  const { priorCorruption: _none, ...defaults } = TRAIN_FIELD_DEFAULTS;
  const base = withFieldValues({ strategy: 'dash', seed: 0, backend: 'wasm-fused' } as TrainConfig, defaults);
  return { ...base, ...overrides, pruning: { ...base.pruning, ...(overrides.pruning ?? {}) } };
}

/** A config that does not validate: which field (dotted path, '(root)' for the whole) and why. */
export class TrainConfigError extends Error {
  readonly code = 'INVALID_TRAIN_CONFIG';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`invalid training config: ${field}: ${reason}`);
    this.name = 'TrainConfigError';
  }
}

/** Validates a config from outside (CLI, API, stored run); throws a TrainConfigError naming the field. */
export function parseTrainConfig(input: unknown): TrainConfig {
  const parsed = trainConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrainConfigError(issue.path.join('.') || '(root)', issue.message);
  }
  return parsed.data;
}
