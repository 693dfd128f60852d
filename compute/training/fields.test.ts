import { describe, expect, it } from 'vitest';
import { STRATEGY_IDS, strategyLambdas, strategyReads } from '../strategies';
import { defaultTrainConfig, parseTrainConfig, TrainConfigError } from './config';
import { fieldHint, fieldSchema, fieldValuesOf, TRAIN_FIELD_DEFAULTS, TRAIN_FIELD_KEYS, TRAIN_FIELDS, withFieldValues, type TrainField } from './fields';
import { lambdaGrid, planSweep } from './sweep-plan';

describe('the training field table', () => {
  it('gives the config its defaults and reads them back field by field', () => {
    const config = defaultTrainConfig();
    const { priorCorruption: _leftOut, ...defaults } = TRAIN_FIELD_DEFAULTS;
    expect(fieldValuesOf(config)).toEqual(defaults);
    expect(config).toMatchObject({
      lambda: [0.5, 0.05],
      hidden: 40,
      epochs: 200,
      solver: 'rk4',
      selection: 'one-se',
      pruning: { firstEpoch: 3, fraction: 0.1 },
    });
    expect(config).not.toHaveProperty('priorCorruption');
  });

  it('writes flat values where they belong without touching the rest', () => {
    const base = defaultTrainConfig();
    const changed = withFieldValues(base, { lambda2: 0.9, pruningEvery: 4, epochs: 7 });
    expect(changed).toMatchObject({ lambda: [0.5, 0.9], pruning: { firstEpoch: 3, every: 4 }, epochs: 7 });
    expect(base.lambda).toEqual([0.5, 0.05]);
    expect(base.pruning.every).toBe(10);
  });

  it('is the bound of compute’s config schema, with the field named', () => {
    for (const key of TRAIN_FIELD_KEYS) {
      const f: TrainField = TRAIN_FIELDS[key];
      expect(fieldSchema(key).safeParse(f.default).success, key).toBe(true);
      if (f.type !== 'choice') {
        expect(fieldSchema(key).safeParse(f.max + 1).success, key).toBe(false);
        expect(fieldSchema(key).safeParse(f.min - 1).success, key).toBe(false);
      }
    }
    expect(() => parseTrainConfig(defaultTrainConfig({ hidden: TRAIN_FIELDS.hidden.max + 1 }))).toThrow(TrainConfigError);
    try {
      parseTrainConfig({ ...defaultTrainConfig(), pruning: { ...defaultTrainConfig().pruning, every: 0 } });
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_TRAIN_CONFIG', field: 'pruning.every', reason: expect.stringContaining('at least 1') });
    }
    expect.assertions(TRAIN_FIELD_KEYS.length + 2 * TRAIN_FIELD_KEYS.filter((k) => TRAIN_FIELDS[k].type !== 'choice').length + 2);
  });

  it('words the form’s hints from the defaults', () => {
    expect(fieldHint('epochs')).toBe('default 200');
    expect(fieldHint('validationFraction')).toBe('default 10/150');
    expect(fieldHint('noiseStd')).toBe('synthetic data: 0.025');
  });
});

describe('the strategy registry’s rules', () => {
  it('gives each strategy its λ and the options it reads', () => {
    expect(Object.fromEntries(STRATEGY_IDS.map((s) => [s, strategyLambdas(s, [0.3, 0.4])]))).toEqual({
      none: null,
      imp: [0, 0],
      bioprune: [1, 1],
      dash: [0.3, 0.4],
      pinn: null,
      'pinn-mp': [0, 0],
      l0: null,
      'path-l1': null,
      pathreg: null,
    });
    expect(STRATEGY_IDS.filter((s) => strategyReads(s, 'pinnLambda'))).toEqual(['pinn', 'pinn-mp']);
    expect(STRATEGY_IDS.filter((s) => strategyReads(s, 'lambda'))).toEqual(['dash']);
    expect(STRATEGY_IDS.filter((s) => strategyReads(s, 'prior'))).toEqual(['bioprune', 'dash', 'pinn', 'pinn-mp']);
  });
});

describe('planSweep', () => {
  it('runs DASH once per λ pair, every other strategy once, each once per seed, in the order given', () => {
    const plan = planSweep({ strategies: ['imp', 'dash', 'none'], lambdas: lambdaGrid([0.5, 0.8], [0.05]), seeds: [0, 1] });
    expect(plan.map((p) => `${p.strategy}${p.lambda ? `(${p.lambda})` : ''}@${p.seed}`)).toEqual([
      'imp@0',
      'imp@1',
      'dash(0.5,0.05)@0',
      'dash(0.5,0.05)@1',
      'dash(0.8,0.05)@0',
      'dash(0.8,0.05)@1',
      'none@0',
      'none@1',
    ]);
  });
});
