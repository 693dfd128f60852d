/**
 * Ranking metrics from the scores of positive and negative pairs. Tied scores form one threshold:
 * AUROC counts a tied positive/negative pair as one half (Mann–Whitney), and AUPR is average
 * precision, Σ (R_k − R_{k−1}) · P_k over the distinct score thresholds, as scikit-learn computes it.
 * Sorting the two score sets separately (native Float64Array sort) keeps this fast for n² pairs.
 */
export function rankingMetrics(positiveScores: Float64Array, negativeScores: Float64Array): { auroc: number; aupr: number } {
  const pos = Float64Array.from(positiveScores).sort().reverse();
  const neg = Float64Array.from(negativeScores).sort().reverse();
  const P = pos.length;
  const N = neg.length;
  if (P === 0) return { auroc: Number.NaN, aupr: Number.NaN };

  let i = 0;
  let j = 0;
  let tp = 0;
  let fp = 0;
  let aupr = 0;
  let rocArea = 0; // Σ over positives of (negatives scored lower + ½ tied), accumulated per threshold
  while (i < P || j < N) {
    const threshold = Math.max(i < P ? pos[i] : -Infinity, j < N ? neg[j] : -Infinity);
    let tiedPos = 0;
    let tiedNeg = 0;
    while (i < P && pos[i] === threshold) {
      i++;
      tiedPos++;
    }
    while (j < N && neg[j] === threshold) {
      j++;
      tiedNeg++;
    }
    // Positives at this threshold beat every negative not yet reached and tie with tiedNeg of them.
    rocArea += tiedPos * (N - fp - tiedNeg + tiedNeg / 2);
    const recallBefore = tp / P;
    tp += tiedPos;
    fp += tiedNeg;
    if (tiedPos > 0) aupr += (tp / P - recallBefore) * (tp / (tp + fp));
  }
  return { auroc: N === 0 ? Number.NaN : rocArea / (P * N), aupr };
}
