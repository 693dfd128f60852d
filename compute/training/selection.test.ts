import { describe, expect, it } from 'vitest';
import type { PhoenixParams } from '../model/params';
import { ModelSelection, standardError, type EpochObservation } from './selection';

const snapshot = (tag: number) => () => ({ params: { n: tag } as unknown as PhoenixParams, masks: null });
const epoch = (epoch: number, valLoss: number, level: number, valSe = 0.1): EpochObservation => ({ epoch, valLoss, valSe, level });

/** Feeds epochs in order; returns the kept epoch and the bad-epoch count after each. */
function run(rule: 'best' | 'one-se', epochs: EpochObservation[]) {
  const s = new ModelSelection(rule);
  const trace = epochs.map((e) => {
    s.observe(e, snapshot(e.epoch));
    return [s.chosen!.epoch, s.badEpochs];
  });
  return { s, trace };
}

// Loss falls to 1.0 at epoch 3 (level 1), then stays within 0.1 of it for two sparser levels, then rises.
const path = [
  epoch(1, 2.0, 0),
  epoch(2, 1.5, 1),
  epoch(3, 1.0, 1),
  epoch(4, 1.08, 2),
  epoch(5, 1.05, 2),
  epoch(6, 1.09, 3),
  epoch(7, 1.3, 4),
  epoch(8, 1.2, 4),
];

describe('model selection', () => {
  it('best: keeps the lowest validation loss; every other epoch counts towards the early stop', () => {
    const { s, trace } = run('best', path);
    expect(s.chosen!.epoch).toBe(3);
    expect(s.chosen).toBe(s.best);
    expect(trace.map(([, bad]) => bad)).toEqual([0, 0, 0, 1, 2, 3, 4, 5]);
  });

  it('one-se: keeps the sparsest level within one SE of the lowest loss, the lowest epoch of that level', () => {
    const { s, trace } = run('one-se', path);
    expect(s.best!.epoch).toBe(3);
    expect(s.chosen!.epoch).toBe(6); // level 3, loss 1.09 ≤ 1.0 + 0.1; level 4 (1.2, 1.3) is beyond
    expect(trace.map(([kept]) => kept)).toEqual([1, 2, 3, 4, 5, 6, 6, 6]);
    expect(trace.map(([, bad]) => bad)).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('one-se: a new lowest loss resets the choice to it, and the SE of the new best sets the band', () => {
    const { s } = run('one-se', [epoch(1, 1.0, 0, 0.05), epoch(2, 1.04, 1, 0.5), epoch(3, 0.9, 2, 0.01), epoch(4, 0.92, 3, 0.5)]);
    expect(s.best!.epoch).toBe(3);
    expect(s.chosen!.epoch).toBe(3); // 0.92 > 0.9 + 0.01
  });

  it('one-se without an SE (a single validation trajectory) is the best rule', () => {
    const noSe = path.map(({ valSe: _valSe, ...e }) => e);
    expect(run('one-se', noSe).s.chosen!.epoch).toBe(3);
    expect(run('one-se', noSe).trace).toEqual(run('best', noSe).trace);
  });

  it('copies the model only for epochs it keeps', () => {
    const s = new ModelSelection('one-se');
    let copies = 0;
    for (const e of path) s.observe(e, () => (copies++, snapshot(e.epoch)()));
    expect(copies).toBe(6); // epochs 1–6; 7 and 8 are outside the band
  });
});

describe('standardError', () => {
  it('is the sample sd over √count', () => {
    // values 1, 2, 3, 6: mean 3, squared deviations 4 + 1 + 0 + 9 = 14, sd² = 14/3, SE = √(14/3/4)
    expect(standardError([1, 2, 3, 6])).toBeCloseTo(Math.sqrt(14 / 12), 12);
    expect(standardError([5, 5])).toBe(0);
    expect(standardError([5])).toBeNull();
    expect(standardError([])).toBeNull();
  });
});
