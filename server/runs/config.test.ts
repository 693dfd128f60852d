import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { buildRunConfig, effectiveLambda, resolvePreset } from './config';

describe('buildRunConfig', () => {
  it('layers compute defaults, then the preset, then the user’s values, and drops the machine-specific backend', () => {
    const config = buildRunConfig({
      strategy: 'dash',
      preset: resolvePreset('breast-cancer'),
      hyperparameters: { lambda2: 0.5, epochs: 7, pruningEvery: 3 },
      seed: 9,
      isSyntheticData: false,
    });
    expect(config).toMatchObject({ strategy: 'dash', lambda: [0.995, 0.5], epochs: 7, noiseStd: 0, seed: 9, hidden: 40 });
    expect(config.pruning).toEqual({ firstEpoch: 3, firstFraction: 0.7, every: 3, fraction: 0.1 });
    expect(config).not.toHaveProperty('backend');
  });

  it('adds σ noise only to synthetic data unless told otherwise, and keeps λ only where the strategy uses it', () => {
    const base = { preset: null, seed: 0 };
    expect(buildRunConfig({ ...base, strategy: 'imp', hyperparameters: {}, isSyntheticData: true })).toMatchObject({ noiseStd: 0.025 });
    expect(buildRunConfig({ ...base, strategy: 'imp', hyperparameters: { noiseStd: 0 }, isSyntheticData: true })).toMatchObject({ noiseStd: 0 });
    expect(buildRunConfig({ ...base, strategy: 'imp', hyperparameters: {}, isSyntheticData: false })).not.toHaveProperty('lambda');
    expect(buildRunConfig({ ...base, strategy: 'pinn', hyperparameters: { pinnLambda: 0.9 }, isSyntheticData: false })).toMatchObject({ pinnLambda: 0.9 });
  });

  it('names the training rules in every stored config: compute’s defaults unless the user picks the others', () => {
    const base = { strategy: 'dash' as const, preset: null, seed: 0, isSyntheticData: true };
    expect(buildRunConfig({ ...base, hyperparameters: {} })).toMatchObject({ selection: 'one-se', lrReset: 'reference' });
    expect(buildRunConfig({ ...base, hyperparameters: { selection: 'best' } })).toMatchObject({ selection: 'best', lrReset: 'reference' });
    expect(buildRunConfig({ ...base, hyperparameters: { lrReset: 'initial' } })).toMatchObject({ selection: 'one-se', lrReset: 'initial' });
  });

  it('gives every preset the default rules, and the user’s explicit choice wins over the preset', () => {
    const base = { strategy: 'dash' as const, seed: 0, isSyntheticData: true };
    for (const id of ['synthetic', 'yeast', 'breast-cancer', 'hematopoiesis']) {
      expect(resolvePreset(id)).toMatchObject({ selection: 'one-se', lrReset: 'reference' });
      expect(buildRunConfig({ ...base, preset: resolvePreset(id), hyperparameters: {} })).toMatchObject({ selection: 'one-se', lrReset: 'reference' });
    }
    const spec = buildRunConfig({ ...base, preset: resolvePreset('synthetic'), hyperparameters: { selection: 'best', lrReset: 'initial' } });
    expect(spec).toMatchObject({ selection: 'best', lrReset: 'initial' });
  });

  it('refuses an unknown preset and a configuration compute would refuse, naming the field', () => {
    expect(() => resolvePreset('mouse')).toThrow(DomainError);
    try {
      buildRunConfig({ strategy: 'dash', preset: null, hyperparameters: { validationFraction: 0.95 }, seed: 0, isSyntheticData: false });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'hyperparameters' } });
      expect((e as Error).message).toMatch(/validationFraction/);
    }
  });
});

describe('effectiveLambda', () => {
  it('derives the baselines’ pairs from the strategy', () => {
    expect(effectiveLambda('dash', { lambda: [0.8, 0.8] })).toEqual([0.8, 0.8]);
    expect(effectiveLambda('imp', {})).toEqual([0, 0]);
    expect(effectiveLambda('pinn-mp', {})).toEqual([0, 0]);
    expect(effectiveLambda('bioprune', {})).toEqual([1, 1]);
    expect(effectiveLambda('none', {})).toBeNull();
  });
});
