import { flatLayout } from '../model/layout';

/**
 * What a pruning event does to the learning rates.
 * - `initial` (spec §3, the default): every group goes back to its initial rate: 1e-3, and 5× that for v.
 * - `reference`: what the authors' committed training script does. Its reset loop gives the 5× to the
 *   6th of its 7 Adam groups, which is A_p, and sets v (the 7th) to the base rate; the comment there
 *   says the 5× was meant for v. So from the first pruning event on, A_p trains at 5× and v at 1×.
 *   The paper's numbers come from that script; this setting reproduces its protocol.
 */
export const LR_RESETS = ['initial', 'reference'] as const;
export type LearningRateReset = (typeof LR_RESETS)[number];

export interface LearningRateGroups {
  /** Ranges of the flat parameter vector (see flatLayout), one learning rate each. */
  groups: { start: number; length: number }[];
  /** The groups' rates at the start of training. */
  initial: number[];
  /** The groups' rates right after every pruning event. */
  afterPruning: number[];
}

export function learningRateGroups(n: number, h: number, lr: number, reset: LearningRateReset): LearningRateGroups {
  const at = flatLayout(n, h);
  if (reset === 'initial') {
    const rates = [lr, 5 * lr];
    return {
      groups: [
        { start: 0, length: at.v },
        { start: at.v, length: n },
      ],
      initial: rates,
      afterPruning: rates,
    };
  }
  // W_s, W_p, A_s | A_p | b_s, b_p | v
  return {
    groups: [
      { start: 0, length: at.ApT },
      { start: at.ApT, length: at.bs - at.ApT },
      { start: at.bs, length: at.v - at.bs },
      { start: at.v, length: n },
    ],
    initial: [lr, lr, lr, 5 * lr],
    afterPruning: [lr, 5 * lr, lr, lr],
  };
}
