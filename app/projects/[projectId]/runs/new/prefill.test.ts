import { describe, expect, it } from 'vitest';
import { prefillFromRun } from './prefill';

const run = {
  name: 'DASH λ (0.5, 0.05)',
  strategy: 'dash',
  datasetId: 'd1',
  priorId: 'p1',
  priorVersionId: 'v2',
  seed: 7,
  config: {
    strategy: 'dash',
    seed: 7,
    lambda: [0.5, 0.05],
    hidden: 40,
    epochs: 500,
    patience: 40,
    learningRate: 0.001,
    validationFraction: 0.0667,
    noiseStd: 0.025,
    selection: 'best',
    lrReset: 'initial',
    pruning: { firstEpoch: 3, firstFraction: 0.7, every: 10, fraction: 0.1 },
  },
};

describe('prefillFromRun', () => {
  it('fills the launch form with what the run trained with', () => {
    const f = prefillFromRun(run);
    expect(f).toMatchObject({
      datasetId: 'd1',
      priorId: 'p1',
      versionId: 'v2',
      strategy: 'dash',
      seed: '7',
      selection: 'best',
      lrReset: 'initial',
      name: 'DASH λ (0.5, 0.05) (edited)',
    });
    expect(f.values).toMatchObject({
      lambda1: '0.5',
      lambda2: '0.05',
      epochs: '500',
      hidden: '40',
      noiseStd: '0.025',
      pruningFirstEpoch: '3',
      pruningFraction: '0.1',
    });
  });

  it('leaves fields the run did not use empty and reads old records with the default rules', () => {
    const f = prefillFromRun({ ...run, strategy: 'imp', priorId: null, priorVersionId: null, config: { epochs: 200 } });
    expect(f).toMatchObject({ priorId: '', versionId: '', selection: 'one_se', lrReset: 'reference' });
    expect(f.values.lambda1).toBe('');
    expect(f.values.pinnLambda).toBe('');
    expect(f.values.epochs).toBe('200');
  });
});
