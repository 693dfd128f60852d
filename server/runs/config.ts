import {
  defaultTrainConfig,
  parseTrainConfig,
  STRATEGIES,
  strategyLambdas,
  strategyReads,
  SYNTHETIC_NOISE_STD,
  TRAIN_FIELD_KEYS,
  TRAIN_FIELDS,
  TrainConfigError,
  withFieldValues,
  type TrainConfig,
  type TrainFieldValues,
} from '@/compute';
import { badInput } from '../errors';
import { findPreset, presetFieldValues, type RunPreset } from './presets';
import type { HyperparametersInput, Strategy } from './validation';

/** What a run stores as its configuration: compute's TrainConfig without the machine-specific backend. */
export type RunConfig = Omit<TrainConfig, 'backend'>;

export function resolvePreset(id: string | null | undefined): RunPreset | null {
  if (!id) return null;
  const preset = findPreset(id);
  if (!preset) throw badInput(`There is no preset called “${id}”.`, { field: 'preset' });
  return preset;
}

/**
 * The full training configuration of a run: compute's defaults, then the preset, then the user's values,
 * field by field of compute's field table. A strategy's config keeps only the optional options it reads
 * (compute's strategy registry): DASH's λ, PINN's λ_d, prior corruption where a prior is read (and only
 * when not 0, so such configs stay as before). Noise is only added to synthetic (noise-free) data unless
 * the user asks for it. The training rules are always stored by name: a stored config without them was
 * trained with compute's RULES_WHEN_ABSENT.
 */
export function buildRunConfig(input: {
  strategy: Strategy;
  preset: RunPreset | null;
  hyperparameters: HyperparametersInput;
  seed: number;
  isSyntheticData: boolean;
}): RunConfig {
  const { strategy, preset, seed } = input;
  const fromPreset: Partial<TrainFieldValues> = preset ? presetFieldValues(preset) : {};
  const chosen: Record<string, unknown> = {};
  for (const key of TRAIN_FIELD_KEYS) chosen[key] = input.hyperparameters[key] ?? fromPreset[key] ?? undefined;
  chosen.noiseStd ??= input.isSyntheticData ? SYNTHETIC_NOISE_STD : undefined;
  const values = chosen as Partial<TrainFieldValues>;
  const config: TrainConfig = withFieldValues(defaultTrainConfig({ strategy, seed }), values);
  for (const key of TRAIN_FIELD_KEYS) {
    const scope = (TRAIN_FIELDS[key] as { scope?: Parameters<typeof strategyReads>[1] }).scope;
    if (scope && scope !== 'pruning' && !strategyReads(strategy, scope)) delete (config as Record<string, unknown>)[TRAIN_FIELDS[key].path[0]];
  }
  if (!config.priorCorruption) delete config.priorCorruption;
  try {
    parseTrainConfig(config);
  } catch (e) {
    if (!(e instanceof TrainConfigError)) throw e;
    throw badInput(`These hyperparameters do not make a valid training configuration (${e.field}: ${e.reason}).`, { field: 'hyperparameters' });
  }
  const { backend: _machineSpecific, ...stored } = config;
  return dropUndefined(stored);
}

/** (λ₁, λ₂) as the pruning scores use them: DASH's pair, or the pair a baseline is defined by (compute's registry). */
export function effectiveLambda(strategy: string, config: { lambda?: [number, number] | null }): [number, number] | null {
  return strategy in STRATEGIES ? strategyLambdas(strategy as Strategy, config.lambda) : null;
}

function dropUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
