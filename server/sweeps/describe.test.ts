import { describe, expect, it } from 'vitest';
import { describeSweep } from './describe';

describe('describeSweep', () => {
  it('a sweep names only the settings with more than one value in its summary', () => {
    const d = describeSweep({ strategies: ['dash'], lambda1Values: [0.5, 0.9], lambda2Values: [0.05], seed: 0 }, 2);
    expect(d).toMatchObject({ kind: 'sweep', replicateOfRunId: null });
    expect(d.summary).toMatch(/^Sweep of 2 runs over λ₁ \(0\.5, 0\.9\);/);
    expect(d.settings.map((s) => s.name)).toEqual(['strategy', 'λ₁', 'λ₂']);
  });

  it('replicates from the form list their seeds from the first; “more seeds” groups name their run', () => {
    expect(describeSweep({ replicates: 3, strategies: ['imp'], seed: 4 }, 3)).toMatchObject({
      kind: 'replicates',
      settings: [{ name: 'seed', values: ['4', '5', '6'] }],
      summary: expect.stringMatching(/one IMP configuration trained with 3 seeds/),
    });
    expect(describeSweep({ replicates: 2, replicateOf: 'run-1', seeds: [1, 2] }, 2)).toMatchObject({
      replicateOfRunId: 'run-1',
      summary: expect.stringMatching(/one run/),
    });
  });

  it('an unreadable stored config still describes a sweep (never fails the page)', () => {
    expect(describeSweep('garbage', 1)).toMatchObject({ kind: 'sweep', settings: [], summary: expect.stringMatching(/^Sweep of 1 run;/) });
  });
});
