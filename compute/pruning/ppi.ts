import type { SquareMatrix } from '../types';
import { timesSparse, timesSparseTransposed, toSparse, type SparseSquare } from './linalg';

/**
 * The interaction-partner matrix as an operator S ↦ S·PPI (h×n → h×n). Without an external PPI it is
 * |P|·|P|ᵀ normalised to sum 1 (spec §4), applied in factored form so the dense n×n product is never
 * built: S·PPI = (S·|P|)·|P|ᵀ / Z with Z = Σ_k (Σ_i |P_ik|)².
 */
export interface PpiOperator {
  n: number;
  rightMultiply(s: ArrayLike<number>, rows: number): Float64Array;
}

export function ppiFromPrior(prior: SquareMatrix): PpiOperator {
  const absP = toSparse(prior.data, prior.n, Math.abs);
  const colSums = new Float64Array(prior.n);
  for (let e = 0; e < absP.values.length; e++) colSums[absP.cols[e]] += absP.values[e];
  let z = 0;
  for (const c of colSums) z += c * c;
  return {
    n: prior.n,
    rightMultiply(s, rows) {
      const out = timesSparseTransposed(timesSparse(s, rows, absP), rows, absP);
      if (z > 0) for (let k = 0; k < out.length; k++) out[k] /= z;
      return out;
    },
  };
}

/** An external (uploaded) PPI matrix, normalised like the derived one (entries summing to 1 in absolute value). */
export function ppiFromMatrix(ppi: SquareMatrix): PpiOperator {
  const sparse: SparseSquare = toSparse(ppi.data, ppi.n);
  let total = 0;
  for (const x of sparse.values) total += Math.abs(x);
  if (total > 0) for (let e = 0; e < sparse.values.length; e++) sparse.values[e] /= total;
  return { n: ppi.n, rightMultiply: (s, rows) => timesSparse(s, rows, sparse) };
}
