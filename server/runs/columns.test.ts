import { describe, expect, it } from 'vitest';
import { parseRunCheckpoint, parseRunConfig, parseRunProgress, parseRunSummary } from './columns';

const stored = {
  strategy: 'dash',
  seed: 3,
  lambda: [0.5, 0.05],
  hidden: 8,
  epochs: 6,
  patience: 40,
  learningRate: 0.001,
  validationFraction: 0.2,
  noiseStd: 0.025,
  solver: 'rk4',
  pruning: { firstEpoch: 2, firstFraction: 0.7, every: 2, fraction: 0.1 },
};

describe('the runs table’s JSONB columns', () => {
  it('parse a config from before the training rules were stored, leaving the rules absent (compute’s RULES_WHEN_ABSENT)', () => {
    const config = parseRunConfig(stored, 'r1');
    expect(config).toMatchObject({ strategy: 'dash', lambda: [0.5, 0.05] });
    expect(config).not.toHaveProperty('selection');
    expect(config).not.toHaveProperty('lrReset');
    expect(parseRunConfig({ ...stored, selection: 'one-se', lrReset: 'reference', backend: 'wasm' }, 'r1')).not.toHaveProperty('backend');
  });

  it('refuse a value of the wrong shape, naming the run, the column and the field', () => {
    expect(() => parseRunConfig({ ...stored, hidden: 'many' }, 'r1')).toThrow(/Run r1: its stored config .*hidden/);
    expect(() => parseRunProgress({ epoch: 3 }, 'r2')).toThrow(/Run r2: its stored progress .*phase/);
    expect(() => parseRunSummary({ sparsity: 'high' }, 'r3')).toThrow(/Run r3: its stored summary .*sparsity/);
    expect(() => parseRunCheckpoint({ version: 2, epoch: 1 }, 'r4')).toThrow(/Run r4: its stored checkpoint .*version/);
  });

  it('read NaN losses (stored as null) and absent columns', () => {
    expect(parseRunProgress({ phase: 'training', epoch: 2, totalEpochs: 6, valLoss: null }, 'r')).toMatchObject({ valLoss: null, epoch: 2 });
    expect(parseRunProgress(null, 'r')).toBeNull();
    expect(parseRunSummary({ sparsity: 0.9, extra: 'kept' }, 'r')).toMatchObject({ sparsity: 0.9, extra: 'kept' });
    expect(parseRunCheckpoint({ version: 1, epoch: 4, weights: 'x' }, 'r')).toMatchObject({ epoch: 4, weights: 'x' });
  });
});
