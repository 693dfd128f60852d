import { describe, expect, it } from 'vitest';
import { consensusTsv, fixed } from './replicates-format';

describe('consensusTsv', () => {
  it('writes one line per edge with its source, tabs and newlines in names replaced', () => {
    expect(
      consensusTsv([
        { regulator: 'A', target: 'B', sign: -1, fromPrior: true },
        { regulator: 'C\tx', target: 'D', sign: 1, fromPrior: false },
      ]),
    ).toBe('regulator\ttarget\tsign\tsource\nA\tB\t-1\tprior\nC x\tD\t1\tcandidate\n');
  });
  it('prints a dash for a missing number', () => {
    expect(fixed(Number.NaN)).toBe('—');
    expect(fixed(0.5)).toBe('0.500');
  });
});
