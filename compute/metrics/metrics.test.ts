import { describe, expect, it } from 'vitest';
import type { NamedEdge, SquareMatrix } from '../types';
import { fractionZero, mse, rankingMetrics, rowsWithEdges, scoreNamedNetwork, scoreNetwork } from './index';

const matrix = (rows: number[][]): SquareMatrix => ({ n: rows.length, data: Float64Array.from(rows.flat()) });

/*
 * 3×3 case. Reference edges 0→1, 1→2 (regulator rows 0 and 1). Prediction:
 *   E = [0 .9 .2; 0 0 0; .5 0 0]
 * All 9 pairs: P = 2, N = 7. Predicted edges (0,1) TP, (0,2) FP, (2,0) FP; (1,2) FN.
 *   TP 1, FP 2, FN 1, TN 5. TPR 1/2, TNR 5/7, BA = (1/2 + 5/7)/2 = 17/28.
 *   Regulator rows (6 pairs): TP 1, FP 1, FN 1, TN 3 → BA = (1/2 + 3/4)/2 = 5/8.
 *   precision 1/3, recall 1/2, F1 = 2·(1/6)/(5/6) = 2/5.
 *   AUROC: positives score .9 and 0; negatives .5, .2 and five 0s.
 *     .9 beats all 7 → 7; 0 ties the five 0s → 2.5. (7 + 2.5) / (2·7) = 19/28.
 *   AUPR (average precision): at .9 P=1, R=1/2 → 1/2; .5 and .2 add FPs only; at 0 everything is in,
 *     P = 2/9, R = 1 → + (1/2)(2/9). AP = 1/2 + 1/9 = 11/18.
 *   EPR: no self-loops in the reference, k = 2; off-diagonal predictions .9, .5, .2; the 2nd is .5 →
 *     {(0,1), (2,0)}, 1 hit → EP = 1/2; density 2/(3·2) = 1/3 → EPR = 3/2.
 *   sparsity 6/9.
 */
const REF3 = matrix([
  [0, 1, 0],
  [0, 0, -1],
  [0, 0, 0],
]);
const PRED3 = matrix([
  [0, 0.9, 0.2],
  [0, 0, 0],
  [0.5, 0, 0],
]);

/*
 * 4×4 case with ties and a self-loop. Reference: 0→1 (+), 0→2 (−), 1→3 (−), 2→2 (+, self-loop).
 * Prediction: (0,1) .8, (0,3) .8, (1,3) .4, (1,2) −.4, (2,2) .9, (3,0) .4; the rest 0.
 * All 16 pairs: P 4, N 12. TP (0,1) (1,3) (2,2) = 3, FP 3, FN 1, TN 9.
 *   BA = (3/4 + 9/12)/2 = 3/4; precision 1/2, recall 3/4, F1 = 0.75/1.25 = 3/5.
 *   AUROC: positives .9, .8, .4, 0; negatives .8, .4, .4 and nine 0s.
 *     .9 → 12; .8 → 11 below + ½ tie = 11.5; .4 → 9 below + ½·2 = 10; 0 → ½·9 = 4.5. 38/48 = 19/24.
 *   AP: .9 (1/1, R 1/4) → 12/48; .8 (2/3, R 1/2) → 8/48; .4 (3/6, R 3/4) → 6/48; 0 (4/16, R 1) → 3/48.
 *     AP = 29/48.
 *   EPR (self-loops dropped): k = 3; off-diagonal |E| sorted .8 .8 .4 .4 .4, the 3rd is .4 and its ties
 *     are all taken: 5 edges, hits (0,1) (1,3) → EP 2/5; density 3/(4·3) = 1/4 → EPR 8/5.
 *   Sign accuracy: TPs (0,1) + vs +, (1,3) + vs −, (2,2) + vs + → 2/3.
 */
const REF4 = matrix([
  [0, 1, -1, 0],
  [0, 0, 0, -1],
  [0, 0, 1, 0],
  [0, 0, 0, 0],
]);
const PRED4 = matrix([
  [0, 0.8, 0, 0.8],
  [0, 0, -0.4, 0.4],
  [0, 0, 0.9, 0],
  [0.4, 0, 0, 0],
]);

describe('scoreNetwork', () => {
  it('matches the hand-computed 3×3 case', () => {
    const s = scoreNetwork(PRED3, REF3);
    expect([s.tp, s.fp, s.tn, s.fn]).toEqual([1, 2, 5, 1]);
    expect(s.balancedAccuracy).toBeCloseTo(17 / 28, 12);
    expect(s.balancedAccuracyRegulators).toBeCloseTo(5 / 8, 12);
    expect(s.precision).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBeCloseTo(1 / 2, 12);
    expect(s.f1).toBeCloseTo(2 / 5, 12);
    expect(s.auroc).toBeCloseTo(19 / 28, 12);
    expect(s.aupr).toBeCloseTo(11 / 18, 12);
    expect(s.earlyPrecision).toBeCloseTo(1 / 2, 12);
    expect(s.epr).toBeCloseTo(3 / 2, 12);
    expect(s.sparsityOfPrediction).toBeCloseTo(6 / 9, 12);
    expect([s.referenceEdges, s.predictedEdges]).toEqual([2, 3]);
  });

  /*
   * regulatorsOnly on the 3×3 case: rows 0 and 1 (6 pairs). TP 1, FP 1, FN 1, TN 3 → precision 1/2,
   * recall 1/2, F1 1/2. AUROC: positives .9 and 0, negatives .2 and three 0s → (4 + 1.5)/8 = 11/16.
   * EPR: off-diagonal pairs in those rows: 4, density 2/4; predictions .9, .2 both in the top 2, 1 hit
   * → EP 1/2, EPR 1.
   */
  it('restricts to regulator rows on request', () => {
    const s = scoreNetwork(PRED3, REF3, { regulatorsOnly: true });
    expect([s.tp, s.fp, s.tn, s.fn]).toEqual([1, 1, 3, 1]);
    expect(s.precision).toBeCloseTo(1 / 2, 12);
    expect(s.f1).toBeCloseTo(1 / 2, 12);
    expect(s.auroc).toBeCloseTo(11 / 16, 12);
    expect(s.epr).toBeCloseTo(1, 12);
    expect(s.balancedAccuracy).toBeCloseTo(17 / 28, 12);
  });

  it('matches the hand-computed 4×4 case with ties and a self-loop', () => {
    const s = scoreNetwork(PRED4, REF4);
    expect([s.tp, s.fp, s.tn, s.fn]).toEqual([3, 3, 9, 1]);
    expect(s.balancedAccuracy).toBeCloseTo(3 / 4, 12);
    expect(s.f1).toBeCloseTo(3 / 5, 12);
    expect(s.auroc).toBeCloseTo(19 / 24, 12);
    expect(s.aupr).toBeCloseTo(29 / 48, 12);
    expect(s.earlyPrecision).toBeCloseTo(2 / 5, 12);
    expect(s.epr).toBeCloseTo(8 / 5, 12);
    expect(s.signAccuracy).toBeCloseTo(2 / 3, 12);
  });

  it('gives a perfect prediction perfect scores and an empty one zero precision', () => {
    const perfect = scoreNetwork(REF4, REF4);
    expect([perfect.balancedAccuracy, perfect.auroc, perfect.aupr, perfect.f1]).toEqual([1, 1, 1, 1]);
    const empty = scoreNetwork(
      matrix([
        [0, 0],
        [0, 0],
      ]),
      matrix([
        [0, 1],
        [0, 0],
      ]),
    );
    expect([empty.precision, empty.recall, empty.f1, empty.balancedAccuracy, empty.epr]).toEqual([0, 0, 0, 0.5, 0]);
    expect(empty.auroc).toBe(0.5);
  });

  it('refuses mismatched sizes and an empty reference', () => {
    expect(() => scoreNetwork(PRED3, REF4)).toThrow(/3×3 .* 4×4/);
    expect(() =>
      scoreNetwork(
        PRED3,
        matrix([
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ]),
      ),
    ).toThrow(/no edges/);
  });

  it('finds regulator rows', () => {
    expect(rowsWithEdges(REF4)).toEqual([0, 1, 2]);
  });
});

describe('rankingMetrics', () => {
  it('scores an all-tied ranking as chance for AUROC and as the positive rate for AUPR', () => {
    const { auroc, aupr } = rankingMetrics(Float64Array.from([1, 1]), Float64Array.from([1, 1, 1, 1, 1, 1]));
    expect(auroc).toBe(0.5);
    expect(aupr).toBeCloseTo(2 / 8, 12);
  });

  it('scores a reversed ranking as 0 AUROC', () => {
    expect(rankingMetrics(Float64Array.from([0.1, 0.2]), Float64Array.from([0.5, 0.9])).auroc).toBe(0);
  });
});

describe('scoreNamedNetwork', () => {
  it('keeps only gold edges between dataset genes and reports the rest', () => {
    const gold: NamedEdge[] = [
      { regulator: 'A', target: 'B', sign: 1 },
      { regulator: 'B', target: 'C', sign: -1 },
      { regulator: 'TF9', target: 'A', sign: 1 },
      { regulator: 'A', target: 'Z', sign: 0 },
    ];
    const s = scoreNamedNetwork(PRED3, ['A', 'B', 'C'], gold);
    expect(s.referenceEdges).toBe(2);
    expect(s.referenceEdgesOutside).toBe(2);
    expect(s.unknownReferenceGenes).toEqual(['TF9', 'Z']);
    expect(s.balancedAccuracy).toBeCloseTo(17 / 28, 12);
  });
});

describe('mse and fractionZero', () => {
  it('averages squared errors over present observations', () => {
    expect(mse([1, 2, 3], [1, null, 5])).toBe(2);
    expect(() => mse([1], [1, 2])).toThrow(RangeError);
  });

  it('counts exact zeros over several arrays together', () => {
    expect(fractionZero([[0, 1], Float64Array.from([0, 0, 2, 3])])).toBeCloseTo(3 / 6, 12);
  });
});
