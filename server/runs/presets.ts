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
}

export const runPresets: readonly RunPreset[] = [
  {
    id: 'synthetic',
    label: 'Synthetic (paper, SIM350)',
    description: 'The authors’ synthetic-data setting: 200 epochs, σ = 0.025 noise at load (“5% noise”), 10 of 150 trajectories for validation.',
    lambda: [0.5, 0.05],
    epochs: 200,
    noiseStd: 0.025,
    validationFraction: 10 / 150,
  },
  {
    id: 'yeast',
    label: 'Yeast (paper)',
    description: 'λ chosen by validation loss for the yeast cell-cycle data in the paper.',
    lambda: [0.75, 0.75],
    epochs: 200,
    noiseStd: 0,
    validationFraction: 10 / 150,
  },
  {
    id: 'breast-cancer',
    label: 'Breast cancer (paper)',
    description: 'λ chosen by validation loss for the breast cancer pseudotime data in the paper.',
    lambda: [0.995, 0.95],
    epochs: 200,
    noiseStd: 0,
    validationFraction: 10 / 150,
  },
  {
    id: 'hematopoiesis',
    label: 'Hematopoiesis (paper)',
    description: 'λ chosen by validation loss for the hematopoiesis data in the paper.',
    lambda: [0.8, 0.8],
    epochs: 200,
    noiseStd: 0,
    validationFraction: 10 / 150,
  },
];

export const findPreset = (id: string): RunPreset | undefined => runPresets.find((p) => p.id === id);
