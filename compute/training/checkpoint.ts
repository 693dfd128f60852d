import { z } from 'zod';
import type { PhoenixMasks, PhoenixParams } from '../model/params';
import type { PrunerState } from '../pruning/pruner';
import type { AdamState } from './adam';
import { withExplicitRules, type TrainConfig, type TrainingRules } from './config';
import { decodeBytes, decodeFloat32, encodeBytes, encodeFloat32 } from './encoding';
import type { PlateauState } from './plateau';
import type { KeptModel, SelectionState } from './selection';
import type { EpochReport, TrainCheckpoint } from './types';

interface RandomState {
  state: number;
  spareNormal: number | null;
}

export interface TrainingState {
  config: TrainConfig;
  n: number;
  epoch: number;
  params: PhoenixParams;
  masks: PhoenixMasks | null;
  adam: AdamState;
  plateau: PlateauState;
  random: RandomState;
  pruner: PrunerState | null;
  pinnRandom: RandomState | null;
  selection: SelectionState;
  history: EpochReport[];
  /** A penalty baseline's gate parameters (log α) and their Adam state; null without gates. */
  gates?: { logAlpha: Float32Array; adam: AdamState } | null;
}

const PARAM_NAMES = ['Ws', 'bs', 'Wp', 'bp', 'As', 'Ap', 'v'] as const;
const MASK_NAMES = ['Ws', 'Wp', 'As', 'Ap'] as const;

function encodeParams(p: PhoenixParams): Record<string, string> {
  return Object.fromEntries(PARAM_NAMES.map((k) => [k, encodeFloat32(p[k])]));
}

function decodeParams(e: Record<string, string>, n: number, h: number): PhoenixParams {
  const sizes = { Ws: h * n, bs: h, Wp: h * n, bp: h, As: n * h, Ap: n * h, v: n };
  const out = { n, h } as PhoenixParams;
  for (const k of PARAM_NAMES) out[k] = decodeFloat32(e[k], sizes[k]);
  return out;
}

function encodeMasks(m: PhoenixMasks | null): Record<string, string> | null {
  return m ? Object.fromEntries(MASK_NAMES.map((k) => [k, encodeBytes(m[k])])) : null;
}

function decodeMasks(e: Record<string, string> | null, n: number, h: number): PhoenixMasks | null {
  if (!e) return null;
  return { Ws: decodeBytes(e.Ws, h * n), Wp: decodeBytes(e.Wp, h * n), As: decodeBytes(e.As, n * h), Ap: decodeBytes(e.Ap, n * h) };
}

/** NaN and ±∞ are not JSON: numbers that may be either travel as strings. */
const encodeNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
const decodeNumber = (x: number | string): number => (typeof x === 'number' ? x : Number(x));

function encodeKept(m: KeptModel | null) {
  if (!m) return null;
  return {
    epoch: m.epoch,
    valLoss: encodeNumber(m.valLoss),
    ...(m.valSe !== undefined ? { valSe: m.valSe } : {}),
    level: m.level,
    params: encodeParams(m.params),
    masks: encodeMasks(m.masks),
  };
}

function decodeKept(k: z.infer<typeof keptSchema> | null | undefined, n: number, h: number): KeptModel | null {
  if (!k) return null;
  return {
    epoch: k.epoch,
    valLoss: decodeNumber(k.valLoss),
    ...(k.valSe !== undefined ? { valSe: k.valSe } : {}),
    level: k.level,
    params: decodeParams(k.params, n, h),
    masks: decodeMasks(k.masks, n, h),
  };
}

export function takeCheckpoint(s: TrainingState): TrainCheckpoint {
  return {
    version: 1,
    epoch: s.epoch,
    config: s.config,
    n: s.n,
    h: s.config.hidden,
    params: encodeParams(s.params),
    masks: encodeMasks(s.masks),
    adam: s.adam,
    plateau: { ...s.plateau, best: s.plateau.best === null ? null : encodeNumber(s.plateau.best) },
    random: s.random,
    pruner: s.pruner,
    pinnRandom: s.pinnRandom,
    best: encodeKept(s.selection.best),
    // Only when it differs from best, which happens under the one-se rule alone.
    ...(s.selection.chosen !== s.selection.best ? { chosen: encodeKept(s.selection.chosen) } : {}),
    badEpochs: s.selection.badEpochs,
    history: s.history.map((r) => ({ ...r, trainLoss: encodeNumber(r.trainLoss), valLoss: encodeNumber(r.valLoss) })),
    ...(s.gates ? { gates: { logAlpha: encodeFloat32(s.gates.logAlpha), adam: s.gates.adam } } : {}),
  };
}

const num = z.union([z.number(), z.string()]);
const randomSchema = z.object({ state: z.number().int(), spareNormal: z.number().nullable() });
const encodedParams = z.record(z.string(), z.string());
const keptSchema = z.object({
  epoch: z.number().int(),
  valLoss: num,
  valSe: z.number().optional(),
  level: z.number().int().min(0).default(0),
  params: encodedParams,
  masks: encodedParams.nullable(),
});
const checkpointSchema = z.object({
  version: z.literal(1),
  epoch: z.number().int().min(0),
  config: z.record(z.string(), z.unknown()),
  n: z.number().int().positive(),
  h: z.number().int().positive(),
  params: encodedParams,
  masks: encodedParams.nullable(),
  adam: z.object({ step: z.number().int().min(0), m: z.string(), s: z.string() }),
  plateau: z.object({ best: num.nullable(), badEpochs: z.number().int().min(0), rates: z.array(z.number().positive()) }),
  random: randomSchema,
  pruner: z.object({ sWs: z.string(), sWp: z.string() }).nullable(),
  pinnRandom: randomSchema.nullable(),
  best: keptSchema.nullable(),
  chosen: keptSchema.nullable().optional(),
  badEpochs: z.number().int().min(0),
  history: z.array(z.record(z.string(), z.unknown())),
  gates: z.object({ logAlpha: z.string(), adam: z.object({ step: z.number().int().min(0), m: z.string(), s: z.string() }) }).optional(),
});

/** The settings that must match for a checkpoint to continue a run (the backend and epoch limit may change). */
function runIdentity(c: Record<string, unknown>): string {
  // A config that leaves the rules out was trained with RULES_WHEN_ABSENT: the same run as one that names them.
  const { backend: _backend, epochs: _epochs, ...rest } = withExplicitRules(c as Partial<TrainingRules> & Record<string, unknown>);
  return JSON.stringify(rest, Object.keys(rest).sort());
}

export function restoreCheckpoint(c: TrainCheckpoint, config: TrainConfig, n: number): Omit<TrainingState, 'config'> {
  const parsed = checkpointSchema.safeParse(c);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid checkpoint: ${issue.path.join('.')}: ${issue.message}`);
  }
  const k = parsed.data;
  if (k.n !== n || k.h !== config.hidden) throw new Error(`the checkpoint is for ${k.n} genes and ${k.h} hidden units, this run has ${n} and ${config.hidden}`);
  if (runIdentity(k.config) !== runIdentity(config as unknown as Record<string, unknown>)) {
    throw new Error('the checkpoint was taken with a different training config (only backend and epochs may change on resume)');
  }
  const h = k.h;
  const best = decodeKept(k.best, n, h);
  return {
    n,
    epoch: k.epoch,
    params: decodeParams(k.params, n, h),
    masks: decodeMasks(k.masks, n, h),
    adam: k.adam,
    plateau: { best: k.plateau.best === null ? null : decodeNumber(k.plateau.best), badEpochs: k.plateau.badEpochs, rates: k.plateau.rates },
    random: k.random,
    pruner: k.pruner,
    pinnRandom: k.pinnRandom,
    selection: { best, chosen: k.chosen === undefined ? best : decodeKept(k.chosen, n, h), badEpochs: k.badEpochs },
    history: k.history.map(
      (r) => ({ ...r, trainLoss: decodeNumber(r.trainLoss as number | string), valLoss: decodeNumber(r.valLoss as number | string) }) as EpochReport,
    ),
    gates: k.gates ? { logAlpha: decodeFloat32(k.gates.logAlpha, 2 * n + 2 * h), adam: k.gates.adam } : null,
  };
}
