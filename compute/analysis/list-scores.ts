import type { ReviewLists } from './review-lists';
import type { SparseEffects } from './sparse-effects';

export interface EdgeSetScores {
  edges: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * How the review lists and the consensus score against a reference network, beside what the prior
 * alone gives, so a page can say what the model adds. Pairs are off-diagonal and unsigned (an edge is
 * right when the reference has an edge at that pair).
 * - flagged: the flagged prior edges as a detector of the prior's wrong edges (those the reference lacks);
 *   `topPrecision` is the precision of the `wrongPriorEdges` least-supported prior edges, whatever the threshold;
 * - candidates: precision of the top k candidates, k = the number of wrong prior edges (fewer when fewer
 *   are listed), and of the accepted ones;
 * - chance levels: the precision a random flag or a random pair outside the prior would have.
 */
export interface ListScores {
  priorEdges: number;
  wrongPriorEdges: number;
  missingEdges: number;
  prior: EdgeSetScores;
  consensus: EdgeSetScores;
  flagged: { count: number; precision: number; recall: number; topPrecision: number; chancePrecision: number };
  candidates: { k: number; topPrecision: number; topTrue: number; accepted: number; acceptedPrecision: number; chancePrecision: number };
}

/** `reference`: the reference network's pairs (values ignored); `prior`: the prior the lists were made from. */
export function scoreReviewLists(lists: ReviewLists, prior: SparseEffects, reference: SparseEffects): ListScores {
  const { n } = prior;
  if (reference.n !== n) throw new RangeError(`scoreReviewLists: the reference is ${reference.n}×${reference.n} but the prior is ${n}×${n}`);
  const ref = offDiagonal(reference);
  const inRef = (e: number) => ref.has(e);
  const priorPairs = offDiagonal(prior);
  const wrong = lists.priorEdges.filter((p) => !inRef(p.index)).length;
  const missing = [...ref].filter((e) => !priorPairs.has(e)).length;
  const outsidePairs = n * (n - 1) - priorPairs.size;
  const flagged = lists.priorEdges.slice(0, lists.flaggedCount);
  const flaggedWrong = flagged.filter((p) => !inRef(p.index)).length;
  const topWrong = lists.priorEdges.slice(0, wrong).filter((p) => !inRef(p.index)).length;
  const k = Math.min(wrong, lists.candidates.length);
  const topTrue = lists.candidates.slice(0, k).filter((c) => inRef(c.index)).length;
  const accepted = lists.candidates.slice(0, lists.acceptedCount);
  const acceptedTrue = accepted.filter((c) => inRef(c.index)).length;
  return {
    priorEdges: lists.priorEdges.length,
    wrongPriorEdges: wrong,
    missingEdges: missing,
    prior: edgeSetScores(prior, reference),
    consensus: edgeSetScores(lists.consensus, reference),
    flagged: {
      count: flagged.length,
      precision: ratio(flaggedWrong, flagged.length),
      recall: ratio(flaggedWrong, wrong),
      topPrecision: ratio(topWrong, Math.min(wrong, lists.priorEdges.length)),
      chancePrecision: ratio(wrong, lists.priorEdges.length),
    },
    candidates: {
      k,
      topPrecision: ratio(topTrue, k),
      topTrue,
      accepted: accepted.length,
      acceptedPrecision: ratio(acceptedTrue, accepted.length),
      chancePrecision: ratio(missing, outsidePairs),
    },
  };
}

/** Precision, recall and F1 of a network's off-diagonal pairs against the reference's. */
export function edgeSetScores(predicted: SparseEffects, reference: SparseEffects): EdgeSetScores {
  const ref = offDiagonal(reference);
  const pred = offDiagonal(predicted);
  let tp = 0;
  for (const e of pred) if (ref.has(e)) tp++;
  const precision = ratio(tp, pred.size);
  const recall = ratio(tp, ref.size);
  return { edges: pred.size, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function offDiagonal(s: SparseEffects): Set<number> {
  return new Set(s.index.filter((e) => Math.floor(e / s.n) !== e % s.n));
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
