import {
  DEFAULT_TRAINING_RULES,
  SYNTHETIC_NOISE_STD,
  TRAIN_FIELD_DEFAULTS,
  type LearningRateReset,
  type SelectionRule,
  type TrainFieldValues,
} from '@/compute';

/**
 * Hyperparameter presets from the DASH paper. A preset fills the launch form; every value stays editable
 * and the run stores the full resulting configuration, not the preset's name alone.
 */
export interface RunPreset {
  id: string;
  label: string;
  description: string;
  /** DASH's (λ₁, λ₂) for this kind of data. */
  lambda: [number, number];
  epochs: number;
  /** Gaussian noise added at load: only for noise-free synthetic benchmarks. */
  noiseStd: number;
  validationFraction: number;
  /** Which epoch's model the run keeps. */
  selection: SelectionRule;
  /** The learning rates after a pruning event. */
  lrReset: LearningRateReset;
}

/**
 * Every preset trains with compute's default rules (spec §3: the authors' reset and the one-SE model),
 * its default epochs and validation share; only λ and the noise differ by kind of data.
 */
const PAPER = { epochs: TRAIN_FIELD_DEFAULTS.epochs, validationFraction: TRAIN_FIELD_DEFAULTS.validationFraction, ...DEFAULT_TRAINING_RULES };

export const runPresets: readonly RunPreset[] = [
  {
    id: 'synthetic',
    label: 'Synthetic (paper, SIM350)',
    description:
      'The authors’ synthetic-data setting: 200 epochs, σ = 0.025 noise at load (“5% noise”), 10 of 150 trajectories for validation; the authors’ learning-rate reset and the one-SE model (over 11 SIM350 seeds DASH keeps sparsity 0.949 ± 0.012 at balanced accuracy 0.910 ± 0.008, the paper’s point; docs/sim350-results.md).',
    lambda: [0.5, 0.05],
    noiseStd: SYNTHETIC_NOISE_STD,
    ...PAPER,
  },
  {
    id: 'yeast',
    label: 'Yeast (paper)',
    description: 'λ chosen by validation loss for the yeast cell-cycle data in the paper.',
    lambda: [0.75, 0.75],
    noiseStd: 0,
    ...PAPER,
  },
  {
    id: 'breast-cancer',
    label: 'Breast cancer (paper)',
    description: 'λ chosen by validation loss for the breast cancer pseudotime data in the paper.',
    lambda: [0.995, 0.95],
    noiseStd: 0,
    ...PAPER,
  },
  {
    id: 'hematopoiesis',
    label: 'Hematopoiesis (paper)',
    description: 'λ chosen by validation loss for the hematopoiesis data in the paper.',
    lambda: [0.8, 0.8],
    noiseStd: 0,
    ...PAPER,
  },
];

export const findPreset = (id: string): RunPreset | undefined => runPresets.find((p) => p.id === id);

/** A preset as values of compute's field table (what buildRunConfig layers between defaults and the user's values). */
export function presetFieldValues(preset: RunPreset): Partial<TrainFieldValues> {
  const { lambda, epochs, noiseStd, validationFraction, selection, lrReset } = preset;
  return { lambda1: lambda[0], lambda2: lambda[1], epochs, noiseStd, validationFraction, selection, lrReset };
}
