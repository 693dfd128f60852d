import { z } from 'zod';
import { STRATEGY_IDS } from '../strategies';
import { LR_RESETS, type LearningRateReset } from './learning-rates';
import { SELECTION_RULES, type SelectionRule } from './selection';

export const strategySchema = z.enum(STRATEGY_IDS);

const fraction = z.number().min(0).max(1);

export const trainConfigSchema = z
  .object({
    strategy: strategySchema,
    /** DASH (λ1, λ2); imp is (0, 0) and bioprune (1, 1) whatever is given here. */
    lambda: z.tuple([fraction, fraction]).optional(),
    /** λ_d, the data-loss weight of pinn / pinn-mp (PHOENIX used 0.99). */
    pinnLambda: fraction.optional(),
    hidden: z.number().int().min(1).max(100_000),
    epochs: z.number().int().min(1).max(100_000),
    patience: z.number().int().min(1),
    learningRate: z.number().positive().max(1),
    validationFraction: z.number().min(0).max(0.9),
    noiseStd: z.number().min(0),
    solver: z.enum(['rk4', 'dopri5']),
    pruning: z.object({
      firstEpoch: z.number().int().min(1),
      firstFraction: fraction,
      every: z.number().int().min(1),
      fraction,
    }),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    /** Which model the run keeps (selection.ts); absent means RULES_WHEN_ABSENT.selection. */
    selection: z.enum(SELECTION_RULES).optional(),
    backend: z.string().min(1).optional(),
    /** What a pruning event does to the learning rates (learning-rates.ts); absent means RULES_WHEN_ABSENT.lrReset. */
    lrReset: z.enum(LR_RESETS).optional(),
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
export const DEFAULT_TRAINING_RULES: Readonly<TrainingRules> = { selection: 'one-se', lrReset: 'reference' };

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
  const base: TrainConfig = {
    strategy: 'dash',
    lambda: [0.5, 0.05],
    pinnLambda: 0.99,
    hidden: 40,
    epochs: 200,
    patience: 40,
    learningRate: 1e-3,
    validationFraction: 10 / 150,
    noiseStd: 0,
    solver: 'rk4',
    pruning: { firstEpoch: 3, firstFraction: 0.7, every: 10, fraction: 0.1 },
    seed: 0,
    backend: 'wasm',
    ...DEFAULT_TRAINING_RULES,
  };
  return { ...base, ...overrides, pruning: { ...base.pruning, ...(overrides.pruning ?? {}) } };
}

/** Validates a config from outside (CLI, API, stored run), with the field named in the error. */
export function parseTrainConfig(input: unknown): TrainConfig {
  const parsed = trainConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid training config: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
