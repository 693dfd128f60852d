import { z } from 'zod';
import { SOLVER_IDS } from '../solvers/registry';
import type { OptionScope } from '../strategies';
import { LR_RESETS } from './learning-rates';
import { SELECTION_RULES } from './selection';

/**
 * The training config's user-facing options, described once: name, type, default, bounds, label and why
 * it matters. compute's config schema takes its bounds from here; the CLI's flags, the server's zod and
 * GraphQL inputs, the launch form's fields and hints and the presets are derived from it. A lab's
 * tighter caps (server/runs/limits.ts) are an overlay on top, not a second table.
 *
 * Keys are flat (the API's spelling); `path` says where the value sits in a TrainConfig.
 */
interface FieldBase {
  path: readonly [string] | readonly [string, string | number];
  label: string;
  /** One line: what it does, for the usage text, GraphQL descriptions and the form's hints. */
  reason: string;
  /** The CLI flag (`--flag`); absent where the CLI spells the option differently (λ as one pair). */
  cliFlag?: string;
  /** Only strategies that read this (compute/strategies.ts `strategyReads`) use it. */
  scope?: OptionScope;
  /** The launch form's hint, where "default X" alone would say too little. */
  hint?: string;
}

export interface NumberField extends FieldBase {
  type: 'int' | 'number';
  min: number;
  max: number;
  /** The minimum itself is not allowed (a positive learning rate). */
  minExclusive?: boolean;
  default: number;
  /** How the default reads to a person, where the number alone reads badly (10/150). */
  shownDefault?: string;
}

export interface ChoiceField extends FieldBase {
  type: 'choice';
  values: readonly [string, ...string[]];
  default: string;
}

export type TrainField = NumberField | ChoiceField;

const LARGE = 100_000;

/** σ of the noise the paper adds to noise-free synthetic data (its "5% noise"); the server's default on such data. */
export const SYNTHETIC_NOISE_STD = 0.025;

export const TRAIN_FIELDS = {
  lambda1: {
    path: ['lambda', 0],
    type: 'number',
    min: 0,
    max: 1,
    default: 0.5,
    label: 'λ₁',
    reason: 'DASH: how much the prior weighs against the data in the first layer’s pruning scores.',
    scope: 'lambda',
  },
  lambda2: {
    path: ['lambda', 1],
    type: 'number',
    min: 0,
    max: 1,
    default: 0.05,
    label: 'λ₂',
    reason: 'DASH: the same for the second layer’s scores.',
    scope: 'lambda',
  },
  pinnLambda: {
    path: ['pinnLambda'],
    type: 'number',
    min: 0,
    max: 1,
    default: 0.99,
    label: 'PINN data weight λ_d',
    reason: 'Weight of the data loss against the prior loss (PHOENIX used 0.99).',
    cliFlag: 'pinn-lambda',
    scope: 'pinnLambda',
    hint: 'PINN only; default 0.99',
  },
  hidden: {
    path: ['hidden'],
    type: 'int',
    min: 1,
    max: LARGE,
    default: 40,
    label: 'Hidden units h',
    reason: 'Width of each gene’s hidden layer: capacity against speed.',
    cliFlag: 'hidden',
  },
  epochs: {
    path: ['epochs'],
    type: 'int',
    min: 1,
    max: LARGE,
    default: 200,
    label: 'Epoch limit',
    reason: 'Training stops here if early stopping has not stopped it before.',
    cliFlag: 'epochs',
  },
  patience: {
    path: ['patience'],
    type: 'int',
    min: 1,
    max: LARGE,
    default: 40,
    label: 'Early-stop patience (epochs)',
    reason: 'Stop after this many epochs without a lower validation loss.',
    cliFlag: 'patience',
  },
  learningRate: {
    path: ['learningRate'],
    type: 'number',
    min: 0,
    minExclusive: true,
    max: 1,
    default: 1e-3,
    shownDefault: '0.001',
    label: 'Learning rate',
    reason: 'Adam’s step size (v gets 5×).',
    cliFlag: 'lr',
  },
  validationFraction: {
    path: ['validationFraction'],
    type: 'number',
    min: 0,
    max: 0.9,
    default: 10 / 150,
    shownDefault: '10/150',
    label: 'Validation fraction',
    reason: 'Share of trajectories held out to choose the model and stop early (0: none held out).',
    cliFlag: 'val-fraction',
  },
  noiseStd: {
    path: ['noiseStd'],
    type: 'number',
    min: 0,
    max: 10,
    default: 0,
    label: 'Noise σ added at load',
    reason: `Gaussian noise added to the training data, for noise-free synthetic benchmarks (the paper: ${SYNTHETIC_NOISE_STD}).`,
    cliFlag: 'noise',
    hint: `synthetic data: ${SYNTHETIC_NOISE_STD}`,
  },
  solver: {
    path: ['solver'],
    type: 'choice',
    values: SOLVER_IDS,
    default: 'rk4',
    label: 'ODE solver',
    reason: 'How the model’s ODE is integrated (compute/solvers/registry.ts).',
    cliFlag: 'solver',
  },
  selection: {
    path: ['selection'],
    type: 'choice',
    values: SELECTION_RULES,
    default: 'one-se',
    label: 'Model selection',
    reason: 'Which epoch’s model the run keeps: one-se (the sparsest within one SE of the lowest validation loss) or best.',
    cliFlag: 'select',
  },
  lrReset: {
    path: ['lrReset'],
    type: 'choice',
    values: LR_RESETS,
    default: 'reference',
    label: 'Learning-rate reset',
    reason: 'What a pruning event does to the learning rates: reference (the authors’ script) or initial.',
    cliFlag: 'lr-reset',
  },
  priorCorruption: {
    path: ['priorCorruption'],
    type: 'number',
    min: 0,
    max: 1,
    default: 0,
    label: 'Prior corruption',
    reason:
      'Corrupts the prior before training, seeded by the run’s seed: of its E edges, round(f·E) are removed, as many false edges are added at random empty off-diagonal positions (random sign), and round(f·E) of the kept edges have their sign flipped. The edge count stays E.',
    cliFlag: 'corrupt-prior',
    scope: 'prior',
    hint: 'fraction f, default 0',
  },
  pruningFirstEpoch: {
    path: ['pruning', 'firstEpoch'],
    type: 'int',
    min: 1,
    max: LARGE,
    default: 3,
    label: 'First pruning epoch',
    reason: 'The epoch that ends with the first pruning event.',
    scope: 'pruning',
  },
  pruningFirstFraction: {
    path: ['pruning', 'firstFraction'],
    type: 'number',
    min: 0,
    max: 1,
    default: 0.7,
    label: 'First pruning fraction',
    reason: 'Share of the weights the first event removes.',
    scope: 'pruning',
  },
  pruningEvery: {
    path: ['pruning', 'every'],
    type: 'int',
    min: 1,
    max: LARGE,
    default: 10,
    label: 'Prune every … epochs',
    reason: 'Epochs between later pruning events.',
    scope: 'pruning',
  },
  pruningFraction: {
    path: ['pruning', 'fraction'],
    type: 'number',
    min: 0,
    max: 1,
    default: 0.1,
    label: 'Later pruning fraction',
    reason: 'Share of the remaining weights each later event removes.',
    scope: 'pruning',
  },
} as const satisfies Record<string, TrainField>;

export type TrainFieldKey = keyof typeof TRAIN_FIELDS;
export const TRAIN_FIELD_KEYS = Object.keys(TRAIN_FIELDS) as TrainFieldKey[];

type ValueOf<F> = F extends { type: 'choice'; values: readonly (infer V)[] } ? V : number;
/** One value per field, in the field's type (a choice field's values are its strings). */
export type TrainFieldValues = { -readonly [K in TrainFieldKey]: ValueOf<(typeof TRAIN_FIELDS)[K]> };

export const TRAIN_FIELD_DEFAULTS = Object.fromEntries(TRAIN_FIELD_KEYS.map((k) => [k, TRAIN_FIELDS[k].default])) as TrainFieldValues;

/** The field's zod schema; `what` names it in messages (defaults to its label). */
export function fieldSchema<K extends TrainFieldKey>(key: K, what: string = TRAIN_FIELDS[key].label): z.ZodType<ValueOf<(typeof TRAIN_FIELDS)[K]>> {
  const f: TrainField = TRAIN_FIELDS[key];
  if (f.type === 'choice') return z.enum(f.values, `${what} must be ${f.values.join(' or ')}.`) as never;
  let s = z.number({ error: `${what} must be a number.` });
  if (f.type === 'int') s = s.int(`${what} must be a whole number.`);
  if (f.min === 0 && f.max === 1 && !f.minExclusive) return s.min(0, `${what} must be from 0 to 1.`).max(1, `${what} must be from 0 to 1.`) as never;
  s = f.minExclusive
    ? s.gt(f.min, `${what} must be ${f.min === 0 ? 'positive' : `above ${f.min}`}.`)
    : s.min(f.min, f.min === 0 ? `${what} cannot be negative.` : `${what} must be at least ${f.min}.`);
  return s.max(f.max, `${what} must be at most ${f.max}.`) as never;
}

/** The default as a person reads it ("10/150", "200"): the usage text's and the form's. */
export function shownDefault(key: TrainFieldKey): string {
  const f: TrainField = TRAIN_FIELDS[key];
  return f.type !== 'choice' && f.shownDefault ? f.shownDefault : String(f.default);
}

/** The launch form's hint for a field: its own, or "default X". */
export function fieldHint(key: TrainFieldKey): string {
  const f: TrainField = TRAIN_FIELDS[key];
  return f.hint ?? `default ${shownDefault(key)}`;
}

/** The flat field values of a config (absent where the config leaves an option out). */
export function fieldValuesOf(config: Record<string, unknown>): Partial<TrainFieldValues> {
  const values: Record<string, unknown> = {};
  for (const key of TRAIN_FIELD_KEYS) {
    const [head, inner] = TRAIN_FIELDS[key].path;
    const outer = config[head];
    const value = inner === undefined ? outer : outer !== null && typeof outer === 'object' ? (outer as Record<string | number, unknown>)[inner] : undefined;
    if (value !== undefined && value !== null) values[key] = value;
  }
  return values as Partial<TrainFieldValues>;
}

/** `config` with the given flat values written where they belong (nested objects copied, not mutated). */
export function withFieldValues<C extends object>(config: C, values: Partial<TrainFieldValues>): C {
  const out: Record<string, unknown> = { ...(config as Record<string, unknown>) };
  for (const key of TRAIN_FIELD_KEYS) {
    const value = values[key];
    if (value === undefined) continue;
    const [head, inner] = TRAIN_FIELDS[key].path;
    if (inner === undefined) out[head] = value;
    else {
      const outer = out[head];
      const copy = (typeof inner === 'number' ? [...((outer as unknown[] | undefined) ?? [])] : { ...((outer as object | undefined) ?? {}) }) as Record<
        string | number,
        unknown
      >;
      copy[inner] = value;
      out[head] = copy;
    }
  }
  return out as C;
}
