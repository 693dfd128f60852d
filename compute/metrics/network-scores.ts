import type { SquareMatrix } from '../types';
import { rankingMetrics } from './ranking';

/**
 * Scores of a predicted network (e.g. the effects matrix E, regulator × target) against a reference.
 * An edge is a nonzero entry; signs matter only for `signAccuracy`. Choices where papers differ:
 * - balanced accuracy, precision, recall, F1, AUROC and AUPR use every ordered pair, self-pairs
 *   included (the spec's "all n² ordered pairs"); ranking is by |E| and unpredicted pairs tie at 0;
 * - the early precision ratio follows BEELINE: self-loops are dropped from both networks, k is the
 *   number of reference edges, the top k nonzero predictions are taken with all ties at the k-th
 *   value (all nonzero predictions when there are fewer than k), and the ratio divides that precision
 *   by the reference density k / (rows · (n − 1)). BEELINE also rounds weights to 6 decimals; we do not.
 * - `regulatorsOnly` restricts the pair set of every metric except the two balanced accuracies to
 *   rows of regulators (rows of the reference with at least one edge).
 */
export interface NetworkScores {
  /** Fraction of the n² predicted entries that are exactly zero. */
  sparsityOfPrediction: number;
  balancedAccuracy: number;
  balancedAccuracyRegulators: number;
  precision: number;
  recall: number;
  f1: number;
  auroc: number;
  aupr: number;
  epr: number;
  /** Precision of the top-k predictions (the numerator of epr). */
  earlyPrecision: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  referenceEdges: number;
  predictedEdges: number;
  /** Among true positives, the fraction whose sign matches the reference; NaN without true positives. */
  signAccuracy: number;
}

export interface ScoreOptions {
  regulatorsOnly?: boolean;
}

interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  signMatches: number;
}

export function scoreNetwork(predicted: SquareMatrix, reference: SquareMatrix, options: ScoreOptions = {}): NetworkScores {
  if (predicted.n !== reference.n) {
    throw new RangeError(`scoreNetwork: the prediction is ${predicted.n}×${predicted.n} but the reference is ${reference.n}×${reference.n}`);
  }
  const n = reference.n;
  const regulatorRows = rowsWithEdges(reference);
  if (regulatorRows.length === 0) throw new RangeError('scoreNetwork: the reference network has no edges');
  const allRows = Array.from({ length: n }, (_, i) => i);
  const rows = options.regulatorsOnly ? regulatorRows : allRows;

  const all = confusion(predicted, reference, allRows);
  const regulators = confusion(predicted, reference, regulatorRows);
  const chosen = options.regulatorsOnly ? regulators : all;
  const predictedEdges = all.tp + all.fp;
  const precision = chosen.tp + chosen.fp === 0 ? 0 : chosen.tp / (chosen.tp + chosen.fp);
  const recall = chosen.tp / (chosen.tp + chosen.fn);
  const early = earlyPrecision(predicted, reference, rows);
  return {
    sparsityOfPrediction: 1 - predictedEdges / (n * n),
    balancedAccuracy: balancedAccuracy(all),
    balancedAccuracyRegulators: balancedAccuracy(regulators),
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    ...rankingMetrics(...splitScores(predicted, reference, rows)),
    epr: early.ratio,
    earlyPrecision: early.precision,
    tp: chosen.tp,
    fp: chosen.fp,
    tn: chosen.tn,
    fn: chosen.fn,
    referenceEdges: all.tp + all.fn,
    predictedEdges,
    signAccuracy: chosen.tp === 0 ? Number.NaN : chosen.signMatches / chosen.tp,
  };
}

/** Rows of the reference with at least one edge: the regulators. */
export function rowsWithEdges(reference: SquareMatrix): number[] {
  const { n, data } = reference;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (data[i * n + j] !== 0) {
        rows.push(i);
        break;
      }
    }
  }
  return rows;
}

function confusion(predicted: SquareMatrix, reference: SquareMatrix, rows: readonly number[]): Confusion {
  const n = reference.n;
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0, signMatches: 0 };
  for (const i of rows) {
    for (let k = i * n; k < (i + 1) * n; k++) {
      const p = predicted.data[k];
      const r = reference.data[k];
      if (r !== 0) {
        if (p !== 0) {
          c.tp++;
          if (Math.sign(p) === Math.sign(r)) c.signMatches++;
        } else c.fn++;
      } else if (p !== 0) c.fp++;
      else c.tn++;
    }
  }
  return c;
}

function balancedAccuracy(c: Confusion): number {
  const tpr = c.tp / (c.tp + c.fn);
  const tnr = c.tn / (c.tn + c.fp);
  return (tpr + tnr) / 2;
}

function splitScores(predicted: SquareMatrix, reference: SquareMatrix, rows: readonly number[]): [Float64Array, Float64Array] {
  const n = reference.n;
  let positives = 0;
  for (const i of rows) for (let k = i * n; k < (i + 1) * n; k++) if (reference.data[k] !== 0) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(rows.length * n - positives);
  let a = 0;
  let b = 0;
  for (const i of rows) {
    for (let k = i * n; k < (i + 1) * n; k++) {
      const score = Math.abs(predicted.data[k]);
      if (reference.data[k] !== 0) pos[a++] = score;
      else neg[b++] = score;
    }
  }
  return [pos, neg];
}

function earlyPrecision(predicted: SquareMatrix, reference: SquareMatrix, rows: readonly number[]): { precision: number; ratio: number } {
  const n = reference.n;
  let k = 0;
  let nonzero = 0;
  for (const i of rows) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      if (reference.data[i * n + j] !== 0) k++;
      if (predicted.data[i * n + j] !== 0) nonzero++;
    }
  }
  if (k === 0 || nonzero === 0) return { precision: 0, ratio: 0 };
  const scores = new Float64Array(nonzero);
  let m = 0;
  for (const i of rows) {
    for (let j = 0; j < n; j++) {
      if (i !== j && predicted.data[i * n + j] !== 0) scores[m++] = Math.abs(predicted.data[i * n + j]);
    }
  }
  scores.sort(); // ascending: the k-th largest sits k places from the end
  const cutoff = scores[nonzero - Math.min(k, nonzero)];
  let selected = 0;
  let hits = 0;
  for (const i of rows) {
    for (let j = 0; j < n; j++) {
      const p = predicted.data[i * n + j];
      if (i === j || p === 0 || Math.abs(p) < cutoff) continue;
      selected++;
      if (reference.data[i * n + j] !== 0) hits++;
    }
  }
  const precision = hits / selected;
  const density = k / (rows.length * (n - 1));
  return { precision, ratio: precision / density };
}
