import { pairAgreement, type EdgeAgreement } from './replicates';
import type { SparseEffects } from './sparse-effects';

/**
 * What replicate runs add to a prior, as two lists a reviewer works through and a consensus network.
 * Every rule here reads the replicates and the prior only, never a gold standard.
 *
 * Prior edges the data does not support: the confidence is the fraction of replicates whose network
 * pruned the edge (effect exactly zero); the edge is flagged when that fraction reaches `flagAt`. Ties
 * are broken by mean rank, weakest first. A kept edge whose sign contradicts the prior's is not
 * counted against it (on SIM350 those are mostly true edges the model signs wrongly) but reported as
 * `signDisagreement`, for the reviewer's "wrong sign".
 *
 * Candidate edges the prior lacks: every off-diagonal pair outside the prior that some replicate keeps,
 * ordered by mean rank (strongest across the replicates first; a replicate that pruned it counts it
 * last), which on SIM350 puts more true edges on top than ordering by confidence. Its confidence is the
 * fraction of replicates in which its |effect| reaches that replicate's bar: the `candidateQuantile`
 * quantile of |effect| over the prior edges the replicate keeps (0.75: as strong as the strongest
 * quarter of the prior edges the data supports). A pruned model keeps thousands of weak edges outside
 * the prior in every seed, so merely surviving says little.
 *
 * Consensus network: the prior edges not flagged (with the prior's value), plus the candidates whose
 * confidence reaches `acceptAt` (with the sign of their mean effect).
 */
export interface ReviewListOptions {
  flagAt: number;
  candidateQuantile: number;
  acceptAt: number;
}

/** flagAt 0.6: a majority of the replicates (2 of 2 or 3, 3 of 4 or 5, 6 of 10), chosen on SIM350 (docs/sim350-results.md). */
export const DEFAULT_REVIEW_LIST_OPTIONS: ReviewListOptions = { flagAt: 0.6, candidateQuantile: 0.75, acceptAt: 1 };

export interface ListedEdge {
  index: number;
  confidence: number;
  survival: number;
  meanRank: number;
  meanEffect: number;
}

export interface UnsupportedPriorEdge extends ListedEdge {
  priorValue: number;
  /** Fraction of replicates that keep the edge with the sign opposite to the prior's (0 for an unsigned prior edge). */
  signDisagreement: number;
  flagged: boolean;
}

export interface CandidateEdge extends ListedEdge {
  accepted: boolean;
}

export interface ReviewLists {
  /** Every prior edge, least supported first; the flagged ones lead. */
  priorEdges: UnsupportedPriorEdge[];
  flaggedCount: number;
  /** Pairs outside the prior that some replicate keeps, strongest mean rank first. */
  candidates: CandidateEdge[];
  acceptedCount: number;
  /** The consensus network: the prior's value (0 for a prior edge of unknown sign), or the sign of the mean effect for an accepted candidate. */
  consensus: SparseEffects;
}

export function reviewLists(
  replicates: readonly SparseEffects[],
  agreement: EdgeAgreement,
  prior: SparseEffects,
  options: ReviewListOptions = DEFAULT_REVIEW_LIST_OPTIONS,
): ReviewLists {
  const { n } = agreement;
  if (prior.n !== n) throw new RangeError(`reviewLists: the prior is ${prior.n}×${prior.n} but the replicates are ${n}×${n}`);
  const priorValue = new Map(prior.index.map((e, k) => [e, prior.value[k]]));
  const disagree = new Map<number, number>();
  const aboveBar = new Map<number, number>();
  const add = (m: Map<number, number>, e: number) => m.set(e, (m.get(e) ?? 0) + 1);
  for (const r of replicates) {
    const keptPrior: number[] = [];
    for (let k = 0; k < r.index.length; k++) {
      const p = priorValue.get(r.index[k]);
      if (p === undefined) continue;
      keptPrior.push(Math.abs(r.value[k]));
      if (p * r.value[k] < 0) add(disagree, r.index[k]);
    }
    const bar = quantile(keptPrior, options.candidateQuantile);
    for (let k = 0; k < r.index.length; k++) {
      const e = r.index[k];
      if (priorValue.has(e) || Math.floor(e / n) === e % n) continue;
      if (Math.abs(r.value[k]) >= bar) add(aboveBar, e);
      else if (!aboveBar.has(e)) aboveBar.set(e, 0);
    }
  }
  const count = agreement.replicates;
  const listed = (e: number, confidence: number): ListedEdge => {
    const a = pairAgreement(agreement, e);
    return { index: e, confidence, survival: a.survival, meanRank: a.meanRank, meanEffect: a.meanEffect };
  };
  const priorEdges = prior.index.map((e, k): UnsupportedPriorEdge => {
    const entry = listed(e, 0);
    // From the count, so 4 of 5 replicates give exactly 0.2 and a threshold of 0.2 holds.
    entry.confidence = Math.round((1 - entry.survival) * count) / count;
    return { ...entry, priorValue: prior.value[k], signDisagreement: (disagree.get(e) ?? 0) / count, flagged: entry.confidence >= options.flagAt };
  });
  const candidates = [...aboveBar].map(([e, c]): CandidateEdge => ({ ...listed(e, c / count), accepted: c / count >= options.acceptAt }));
  priorEdges.sort((a, b) => b.confidence - a.confidence || b.meanRank - a.meanRank || a.index - b.index);
  candidates.sort((a, b) => a.meanRank - b.meanRank || b.confidence - a.confidence || a.index - b.index);
  const consensus = new Map<number, number>();
  for (const p of priorEdges) if (!p.flagged) consensus.set(p.index, p.priorValue);
  for (const c of candidates) if (c.accepted) consensus.set(c.index, c.meanEffect < 0 ? -1 : 1);
  const index = [...consensus.keys()].sort((a, b) => a - b);
  return {
    priorEdges,
    flaggedCount: priorEdges.filter((p) => p.flagged).length,
    candidates,
    acceptedCount: candidates.filter((c) => c.accepted).length,
    consensus: { n, index, value: index.map((e) => consensus.get(e)!) },
  };
}

/** The q-quantile of the values (nearest rank, from below); +∞ when there are none, so nothing passes. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))];
}
