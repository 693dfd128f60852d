import { pairAgreement, type EdgeAgreement } from './replicates';
import type { SparseEffects } from './sparse-effects';

import type { ScreenedPair } from './residual-screen';

/**
 * What replicate runs add to a prior, as two lists a reviewer works through and a consensus network.
 * Every rule here reads the replicates, the data and the prior only, never a gold standard.
 *
 * Prior edges the data does not support: the confidence is the fraction of replicates whose network
 * pruned the edge (effect exactly zero); the edge is flagged when that fraction reaches `flagAt`. Ties
 * are broken by mean rank, weakest first. A kept edge whose sign contradicts the prior's is not
 * counted against it (on SIM350 those are mostly true edges the model signs wrongly) but reported as
 * `signDisagreement`, for the reviewer's "wrong sign".
 *
 * Candidate edges the prior lacks: the pairs of the data's residual screen (residual-screen.ts), strongest
 * first; the confidence is the share of the target's unexplained rate of change the regulator explains.
 * The replicates' survival and mean rank stand beside it, but do not order the list: trained towards the
 * prior, the model ranks the missing edges low (SIM350, 5 seeds: top-k precision 0.11 by mean rank against
 * 0.44 by the screen; docs/sim350-results.md).
 *
 * Consensus network: the prior edges not flagged (with the prior's value), plus the candidates whose
 * confidence reaches `acceptAt` (with the screen's sign).
 */
export interface ReviewListOptions {
  flagAt: number;
  acceptAt: number;
}

/**
 * flagAt 0.6: a majority of the replicates (2 of 2 or 3, 3 of 4 or 5, 6 of 10); acceptAt 0.5: the candidate
 * explains at least half of what the prior leaves unexplained. Both chosen on SIM350 (docs/sim350-results.md).
 */
export const DEFAULT_REVIEW_LIST_OPTIONS: ReviewListOptions = { flagAt: 0.6, acceptAt: 0.5 };

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
  /** The screen's sign: +1 activation, −1 repression. */
  sign: 1 | -1;
  accepted: boolean;
}

export interface ReviewLists {
  /** Every prior edge, least supported first; the flagged ones lead. */
  priorEdges: UnsupportedPriorEdge[];
  flaggedCount: number;
  /** Pairs outside the prior, as the residual screen ranks them. */
  candidates: CandidateEdge[];
  acceptedCount: number;
  /** The consensus network: the prior's value (0 for a prior edge of unknown sign), or the screen's sign for an accepted candidate. */
  consensus: SparseEffects;
}

export function reviewLists(
  replicates: readonly SparseEffects[],
  agreement: EdgeAgreement,
  prior: SparseEffects,
  screen: readonly ScreenedPair[],
  options: ReviewListOptions = DEFAULT_REVIEW_LIST_OPTIONS,
): ReviewLists {
  const { n } = agreement;
  if (prior.n !== n) throw new RangeError(`reviewLists: the prior is ${prior.n}×${prior.n} but the replicates are ${n}×${n}`);
  const priorValue = new Map(prior.index.map((e, k) => [e, prior.value[k]]));
  const disagree = new Map<number, number>();
  for (const r of replicates) {
    for (let k = 0; k < r.index.length; k++) {
      const p = priorValue.get(r.index[k]);
      if (p !== undefined && p * r.value[k] < 0) disagree.set(r.index[k], (disagree.get(r.index[k]) ?? 0) + 1);
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
  priorEdges.sort((a, b) => b.confidence - a.confidence || b.meanRank - a.meanRank || a.index - b.index);
  const candidates = screen
    .filter((p) => !priorValue.has(p.index) && Math.floor(p.index / n) !== p.index % n)
    .map((p): CandidateEdge => ({ ...listed(p.index, p.explained), sign: p.sign, accepted: p.explained >= options.acceptAt }))
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const consensus = new Map<number, number>();
  for (const p of priorEdges) if (!p.flagged) consensus.set(p.index, p.priorValue);
  for (const c of candidates) if (c.accepted) consensus.set(c.index, c.sign);
  const index = [...consensus.keys()].sort((a, b) => a - b);
  return {
    priorEdges,
    flaggedCount: priorEdges.filter((p) => p.flagged).length,
    candidates,
    acceptedCount: candidates.filter((c) => c.accepted).length,
    consensus: { n, index, value: index.map((e) => consensus.get(e)!) },
  };
}
