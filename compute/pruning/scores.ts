import type { PhoenixParams, PrunableName } from '../model/params';
import { gram, inverse, matMul, timesSparse, transpose, type SparseSquare } from './linalg';
import type { PpiOperator } from './ppi';

export type ScoreMatrices = Record<PrunableName, Float64Array>;

function normalise(x: Float64Array): Float64Array {
  let sum = 0;
  for (const v of x) sum += v;
  if (sum > 0 && Number.isFinite(sum)) for (let k = 0; k < x.length; k++) x[k] /= sum;
  return x;
}

/**
 * Data scores D (spec §5), each normalised to sum 1 over its matrix. Computed on the masked weights,
 * as the reference does (pruned entries are 0, so exp(0) = 1 still counts in W_p's normaliser).
 */
export function dataScores(p: PhoenixParams): ScoreMatrices {
  const { n, h } = p;
  const second = (A: Float32Array) => {
    const d = new Float64Array(n * h);
    for (let i = 0; i < n; i++) {
      const scale = p.v[i] > 0 ? p.v[i] : 0;
      for (let k = 0; k < h; k++) d[i * h + k] = Math.abs(A[i * h + k]) * scale;
    }
    return normalise(d);
  };
  return {
    Ws: normalise(Float64Array.from(p.Ws, Math.abs)),
    Wp: normalise(Float64Array.from(p.Wp, Math.exp)),
    As: second(p.As),
    Ap: second(p.Ap),
  };
}

/** First-layer prior score S* = (S Sᵀ)⁻¹ S · PPI (h×n), S the layer's current score matrix (h×n). */
export function firstLayerPrior(s: Float64Array, h: number, ppi: PpiOperator): Float64Array {
  const n = ppi.n;
  const sPpi = ppi.rightMultiply(s, h);
  return matMul(inverse(gram(s, h, n), h), sPpi, h, h, n);
}

/** Second-layer prior score C* = (S_in · |P|)ᵀ · (S_in S_inᵀ)⁻¹ (n×h), S_in the branch's first-layer score (h×n). */
export function secondLayerPrior(sIn: Float64Array, h: number, absPrior: SparseSquare): Float64Array {
  const n = absPrior.n;
  const sp = timesSparse(sIn, h, absPrior); // h×n
  return matMul(transpose(sp, h, n), inverse(gram(sIn, h, n), h), n, h, h);
}

/** score = λ · |prior| + (1 − λ) · D. */
export function combineScores(lambda: number, prior: Float64Array | null, data: Float64Array): Float64Array {
  const out = new Float64Array(data.length);
  for (let k = 0; k < out.length; k++) out[k] = (1 - lambda) * data[k] + (prior && lambda !== 0 ? lambda * Math.abs(prior[k]) : 0);
  return out;
}
