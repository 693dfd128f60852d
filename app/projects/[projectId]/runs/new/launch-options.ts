import { PRIOR_CORRUPTION_OPTION } from '@/compute/prior-corruption';
import { type EnumOf, graphql, type ResultOf } from '../../../../lib/graphql';

/** What the launch form needs from the project, and how its hyperparameter inputs map to the API. */
export const LAUNCH_OPTIONS = graphql(`
  query LaunchOptions($projectId: ID!) {
    datasets(projectId: $projectId) { id name geneCount trainTrajectoryCount testTrajectoryCount isSynthetic }
    priorNetworks(projectId: $projectId) { id name versions { id number message isHead edgeCount } }
    runPresets { id label description lambda1 lambda2 epochs noiseStd validationFraction selection lrReset }
    runStrategies { strategy label needsPrior }
    runTrainingDefaults { selection lrReset }
  }
`);

export type LaunchOptions = ResultOf<typeof LAUNCH_OPTIONS>;

export type SelectionChoice = EnumOf<'ModelSelection'>;
export type LrResetChoice = EnumOf<'LearningRateReset'>;

/** Hyperparameter inputs as typed; empty means "the preset's or compute's default". */
export const HYPERPARAMETERS = [
  { key: 'epochs', label: 'Epoch limit', hint: 'default 200', integer: true },
  { key: 'hidden', label: 'Hidden units h', hint: 'default 40', integer: true },
  { key: 'noiseStd', label: 'Noise σ added at load', hint: 'synthetic data: 0.025', integer: false },
  { key: 'validationFraction', label: 'Validation fraction', hint: 'default 10/150', integer: false },
  { key: 'patience', label: 'Early-stop patience (epochs)', hint: 'default 40', integer: true },
  { key: 'learningRate', label: 'Learning rate', hint: 'default 0.001', integer: false },
  { key: 'pruningFirstEpoch', label: 'First pruning epoch', hint: 'default 3', integer: true },
  { key: 'pruningFirstFraction', label: 'First pruning fraction', hint: 'default 0.7', integer: false },
  { key: 'pruningEvery', label: 'Prune every … epochs', hint: 'default 10', integer: true },
  { key: 'pruningFraction', label: 'Later pruning fraction', hint: 'default 0.1', integer: false },
  { key: 'pinnLambda', label: 'PINN data weight λ_d', hint: 'PINN only; default 0.99', integer: false },
  { key: PRIOR_CORRUPTION_OPTION.key, label: PRIOR_CORRUPTION_OPTION.label, hint: PRIOR_CORRUPTION_OPTION.hint, integer: false },
] as const;
export type HyperparameterKey = (typeof HYPERPARAMETERS)[number]['key'] | 'lambda1' | 'lambda2';

/** "0.5, 0.9 0.99" → [0.5, 0.9, 0.99]; null when a value is not a number. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const values = parts.map(Number);
  return values.some((v) => !Number.isFinite(v)) ? null : values;
}
