import { fieldHint, TRAIN_FIELDS, type TrainFieldKey } from '@/compute';
import { type EnumOf, graphql, type ResultOf } from '@/app/lib/graphql';

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

/** The numeric fields of compute's field table the form shows, in its order (λ and the rules have their own controls). */
const FORM_FIELDS = [
  'epochs',
  'hidden',
  'noiseStd',
  'validationFraction',
  'patience',
  'learningRate',
  'pruningFirstEpoch',
  'pruningFirstFraction',
  'pruningEvery',
  'pruningFraction',
  'pinnLambda',
  'priorCorruption',
] as const satisfies readonly TrainFieldKey[];

/** Hyperparameter inputs as typed; empty means "the preset's or compute's default". Labels and hints are compute's. */
export const HYPERPARAMETERS = FORM_FIELDS.map((key) => ({
  key,
  label: TRAIN_FIELDS[key].label,
  hint: fieldHint(key),
  integer: TRAIN_FIELDS[key].type === 'int',
}));
export type HyperparameterKey = (typeof FORM_FIELDS)[number] | 'lambda1' | 'lambda2';

/** "0.5, 0.9 0.99" → [0.5, 0.9, 0.99]; null when a value is not a number. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const values = parts.map(Number);
  return values.some((v) => !Number.isFinite(v)) ? null : values;
}
