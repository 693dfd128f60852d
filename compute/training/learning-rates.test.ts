import { describe, expect, it } from 'vitest';
import { flatLayout } from '../model/layout';
import { learningRateGroups, LR_RESETS } from './learning-rates';

const n = 5;
const h = 3;
const lr = 1e-3;
const at = flatLayout(n, h);

/** The learning rate of every entry of the flat parameter vector. */
function perEntry(groups: { start: number; length: number }[], rates: number[]): number[] {
  const out = new Array<number>(at.length).fill(Number.NaN);
  groups.forEach((g, k) => out.fill(rates[k], g.start, g.start + g.length));
  return out;
}

const range = (rates: number[], start: number, length: number) => rates.slice(start, start + length);

describe('learning-rate groups', () => {
  it('cover the parameter vector once, in order, for every reset rule', () => {
    for (const reset of LR_RESETS) {
      const { groups, initial, afterPruning } = learningRateGroups(n, h, lr, reset);
      let next = 0;
      for (const g of groups) {
        expect(g.start).toBe(next);
        next += g.length;
      }
      expect(next).toBe(at.length);
      expect(initial).toHaveLength(groups.length);
      expect(afterPruning).toHaveLength(groups.length);
    }
  });

  it('start every rule at the spec rates: 5× for v, 1× for everything else', () => {
    for (const reset of LR_RESETS) {
      const { groups, initial } = learningRateGroups(n, h, lr, reset);
      const rates = perEntry(groups, initial);
      expect(range(rates, 0, at.v)).toEqual(new Array(at.v).fill(lr));
      expect(range(rates, at.v, n)).toEqual(new Array(n).fill(5 * lr));
    }
  });

  it("'initial' restores the starting rates after a pruning event", () => {
    const { initial, afterPruning } = learningRateGroups(n, h, lr, 'initial');
    expect(afterPruning).toEqual(initial);
  });

  it("'reference' moves the 5× from v to A_p after a pruning event, as the authors' reset loop does", () => {
    const { groups, afterPruning } = learningRateGroups(n, h, lr, 'reference');
    const rates = perEntry(groups, afterPruning);
    const nh = n * h;
    expect(range(rates, at.WsT, 3 * nh)).toEqual(new Array(3 * nh).fill(lr)); // W_s, W_p, A_s
    expect(range(rates, at.ApT, nh)).toEqual(new Array(nh).fill(5 * lr)); // A_p
    expect(range(rates, at.bs, 2 * h)).toEqual(new Array(2 * h).fill(lr)); // b_s, b_p
    expect(range(rates, at.v, n)).toEqual(new Array(n).fill(lr)); // v
  });
});
