import { Random } from './random';
import { TRAIN_FIELDS } from './training/fields';
import type { SquareMatrix } from './types';

const FIELD = TRAIN_FIELDS.priorCorruption;

/** The prior-corruption option (the DASH paper's Table 6 robustness study), as the field table describes it. */
export const PRIOR_CORRUPTION_OPTION = {
  key: 'priorCorruption',
  cliFlag: FIELD.cliFlag,
  label: FIELD.label,
  min: FIELD.min,
  max: FIELD.max,
  hint: FIELD.hint,
  description: FIELD.reason,
} as const;

export interface PriorCorruption {
  prior: SquareMatrix;
  removed: number;
  added: number;
  flipped: number;
}

/** Its own stream, so corrupting a prior changes none of the run's other draws. */
const SALT = 0x0c0_4e57;

/**
 * The prior with a fraction of it corrupted (see PRIOR_CORRUPTION_OPTION): remove true edges, add false
 * ones, flip signs of kept ones. Same prior, fraction and seed ⇒ same result.
 */
export function corruptPrior(prior: SquareMatrix, fraction: number, seed: number): PriorCorruption {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`the prior corruption must be a fraction from 0 to 1, not ${fraction}`);
  const { n } = prior;
  const data = Float64Array.from(prior.data);
  const edges: number[] = [];
  const empty: number[] = [];
  for (let k = 0; k < n * n; k++) {
    if (data[k] !== 0) edges.push(k);
    else if (Math.floor(k / n) !== k % n) empty.push(k);
  }
  const count = Math.round(fraction * edges.length);
  const random = new Random((seed ^ SALT) >>> 0);
  const shuffledEdges = random.shuffle(edges);
  const removed = shuffledEdges.slice(0, count);
  const kept = shuffledEdges.slice(count);
  const added = random.shuffle(empty).slice(0, Math.min(count, empty.length));
  const flipped = kept.slice(0, Math.min(count, kept.length));
  for (const k of removed) data[k] = 0;
  for (const k of added) data[k] = random.next() < 0.5 ? -1 : 1;
  for (const k of flipped) data[k] = -data[k];
  return { prior: { n, data }, removed: removed.length, added: added.length, flipped: flipped.length };
}
