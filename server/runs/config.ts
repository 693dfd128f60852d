import { defaultTrainConfig, parseTrainConfig, type TrainConfig } from '@/compute';
import { badInput } from '../errors';
import { findPreset, type RunPreset } from './presets';
import { strategiesNeedingPrior, type HyperparametersInput, type Strategy } from './validation';

/** What a run stores as its configuration: compute's TrainConfig without the machine-specific backend. */
export type RunConfig = Omit<TrainConfig, 'backend'>;

export function resolvePreset(id: string | null | undefined): RunPreset | null {
  if (!id) return null;
  const preset = findPreset(id);
  if (!preset) throw badInput(`There is no preset called “${id}”.`, { field: 'preset' });
  return preset;
}

/**
 * The full training configuration of a run: compute's defaults, then the preset, then the user's values.
 * Noise is only added to synthetic (noise-free) data unless the user asks for it.
 */
export function buildRunConfig(input: {
  strategy: Strategy;
  preset: RunPreset | null;
  hyperparameters: HyperparametersInput;
  seed: number;
  isSyntheticData: boolean;
}): RunConfig {
  const { strategy, preset, seed } = input;
  const h = input.hyperparameters;
  const base = defaultTrainConfig({ strategy, seed });
  const lambda: [number, number] = [
    h.lambda1 ?? preset?.lambda[0] ?? base.lambda?.[0] ?? 0.5,
    h.lambda2 ?? preset?.lambda[1] ?? base.lambda?.[1] ?? 0.05,
  ];
  const config: TrainConfig = {
    ...base,
    strategy,
    seed,
    lambda: strategy === 'dash' ? lambda : undefined,
    pinnLambda: strategy === 'pinn' || strategy === 'pinn-mp' ? (h.pinnLambda ?? base.pinnLambda) : undefined,
    hidden: h.hidden ?? base.hidden,
    epochs: h.epochs ?? preset?.epochs ?? base.epochs,
    patience: h.patience ?? base.patience,
    learningRate: h.learningRate ?? base.learningRate,
    validationFraction: h.validationFraction ?? preset?.validationFraction ?? base.validationFraction,
    noiseStd: h.noiseStd ?? preset?.noiseStd ?? (input.isSyntheticData ? 0.025 : 0),
    solver: h.solver ?? base.solver,
    // Only where a prior is read; 0 is no corruption, left out so such configs stay as before.
    priorCorruption: h.priorCorruption && strategiesNeedingPrior.has(strategy) ? h.priorCorruption : undefined,
    // Always stored by name: a stored config without them was trained with compute's RULES_WHEN_ABSENT.
    selection: h.selection ?? preset?.selection ?? base.selection,
    lrReset: h.lrReset ?? preset?.lrReset ?? base.lrReset,
    pruning: {
      firstEpoch: h.pruningFirstEpoch ?? base.pruning.firstEpoch,
      firstFraction: h.pruningFirstFraction ?? base.pruning.firstFraction,
      every: h.pruningEvery ?? base.pruning.every,
      fraction: h.pruningFraction ?? base.pruning.fraction,
    },
  };
  try {
    parseTrainConfig(config);
  } catch (e) {
    throw badInput(`These hyperparameters do not make a valid training configuration (${(e as Error).message.replace(/^invalid training config: /, '')}).`, {
      field: 'hyperparameters',
    });
  }
  const { backend: _machineSpecific, ...stored } = config;
  return dropUndefined(stored);
}

/** (λ₁, λ₂) as the pruning scores use them: DASH's pair, or the pair a baseline is defined by. */
export function effectiveLambda(strategy: string, config: { lambda?: [number, number] | null }): [number, number] | null {
  if (strategy === 'dash') return config.lambda ?? null;
  if (strategy === 'imp' || strategy === 'pinn-mp') return [0, 0];
  if (strategy === 'bioprune') return [1, 1];
  return null;
}

function dropUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
