import type { SparseEffects } from './sparse-effects';

/** How replicate runs agree on one pair. */
export interface PairAgreement {
  /** The fraction of replicates whose network has the edge (a nonzero effect). */
  survival: number;
  /** Its rank by |effect| (1 = strongest), averaged; a replicate that pruned it ranks it just after its own last edge. */
  meanRank: number;
  /** The effect averaged over replicates (0 where pruned). */
  meanEffect: number;
  /** The fraction of replicates in which the effect is positive. */
  positive: number;
}

/**
 * Per-pair agreement of replicate runs (one configuration trained with several seeds). Kept sparse, for
 * the pairs some replicate has: a pruned network is a few percent of n², and n may be tens of thousands.
 */
export interface EdgeAgreement {
  n: number;
  replicates: number;
  pairs: Map<number, PairAgreement>;
  /** The mean rank of a pair no replicate has. */
  absentRank: number;
}

export function edgeAgreement(replicates: readonly SparseEffects[]): EdgeAgreement {
  if (replicates.length === 0) throw new RangeError('edgeAgreement: no replicates');
  const n = replicates[0].n;
  if (replicates.some((r) => r.n !== n)) throw new RangeError('edgeAgreement: the replicates have different gene counts');
  const count = replicates.length;
  const absentRank = replicates.reduce((sum, r) => sum + r.index.length + 1, 0) / count;
  // Sums relative to the absent rank, so a pair needs visiting only where some replicate has it.
  const sums = new Map<number, { seen: number; rank: number; effect: number; positive: number }>();
  for (const r of replicates) {
    const ranks = ranksByMagnitude(r.value);
    const absent = r.index.length + 1;
    for (let k = 0; k < r.index.length; k++) {
      let s = sums.get(r.index[k]);
      if (!s) {
        s = { seen: 0, rank: 0, effect: 0, positive: 0 };
        sums.set(r.index[k], s);
      }
      s.seen += 1;
      s.rank += ranks[k] - absent;
      s.effect += r.value[k];
      if (r.value[k] > 0) s.positive += 1;
    }
  }
  const pairs = new Map<number, PairAgreement>();
  for (const [e, s] of sums)
    pairs.set(e, { survival: s.seen / count, meanRank: absentRank + s.rank / count, meanEffect: s.effect / count, positive: s.positive / count });
  return { n, replicates: count, pairs, absentRank };
}

/** The agreement of one pair, also for a pair no replicate has. */
export function pairAgreement(a: EdgeAgreement, e: number): PairAgreement {
  return a.pairs.get(e) ?? { survival: 0, meanRank: a.absentRank, meanEffect: 0, positive: 0 };
}

/** 1-based ranks of the values by |value|, largest first; ties ranked in index order. */
export function ranksByMagnitude(values: readonly number[]): Int32Array {
  const order = Array.from(values.keys()).sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]) || a - b);
  const ranks = new Int32Array(values.length);
  order.forEach((k, r) => {
    ranks[k] = r + 1;
  });
  return ranks;
}
