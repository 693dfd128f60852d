/** Small dense linear algebra on row-major Float64Arrays (pruning scores are h×n with small h). */

/** a (r×k) · b (k×c). */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let p = 0; p < k; p++) {
      const x = a[i * k + p];
      if (x === 0) continue;
      const bRow = p * c;
      const oRow = i * c;
      for (let j = 0; j < c; j++) out[oRow + j] += x * b[bRow + j];
    }
  }
  return out;
}

/** a (r×c) → aᵀ (c×r). */
export function transpose(a: ArrayLike<number>, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

/** a · aᵀ for a (r×c): the r×r Gram matrix. */
export function gram(a: ArrayLike<number>, r: number, c: number): Float64Array {
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let sum = 0;
      for (let k = 0; k < c; k++) sum += a[i * c + k] * a[j * c + k];
      out[i * r + j] = sum;
      out[j * r + i] = sum;
    }
  }
  return out;
}

/**
 * Inverse of an r×r matrix by Gauss–Jordan elimination with partial pivoting, like torch.inverse (which
 * the reference calls): only an exactly singular matrix, or one whose inverse overflows, fails. Then
 * (e.g. S·Sᵀ when h exceeds n) a ridge of 1e-12, 1e-10, … times the mean |diagonal| is added until it
 * inverts, so the prior score stays defined where torch would stop with an error.
 */
export function inverse(a: ArrayLike<number>, r: number): Float64Array {
  const attempt = solveInverse(a, r);
  if (attempt) return attempt;
  let diagonal = 0;
  for (let i = 0; i < r; i++) diagonal += Math.abs(a[i * r + i]);
  diagonal = diagonal / r || 1;
  for (let power = -12; power <= 0; power += 2) {
    const regularised = Float64Array.from(a as ArrayLike<number>);
    for (let i = 0; i < r; i++) regularised[i * r + i] += diagonal * 10 ** power;
    const inv = solveInverse(regularised, r);
    if (inv) return inv;
  }
  throw new Error('cannot invert the score Gram matrix (non-finite scores?)');
}

function solveInverse(a: ArrayLike<number>, r: number): Float64Array | null {
  const m = Float64Array.from(a as ArrayLike<number>);
  const inv = new Float64Array(r * r);
  for (let i = 0; i < r; i++) inv[i * r + i] = 1;
  for (let col = 0; col < r; col++) {
    let pivot = col;
    for (let row = col + 1; row < r; row++) if (Math.abs(m[row * r + col]) > Math.abs(m[pivot * r + col])) pivot = row;
    const p = m[pivot * r + col];
    if (p === 0 || !Number.isFinite(p)) return null;
    if (pivot !== col) {
      for (let j = 0; j < r; j++) {
        [m[col * r + j], m[pivot * r + j]] = [m[pivot * r + j], m[col * r + j]];
        [inv[col * r + j], inv[pivot * r + j]] = [inv[pivot * r + j], inv[col * r + j]];
      }
    }
    for (let j = 0; j < r; j++) {
      m[col * r + j] /= p;
      inv[col * r + j] /= p;
    }
    for (let row = 0; row < r; row++) {
      if (row === col) continue;
      const factor = m[row * r + col];
      if (factor === 0) continue;
      for (let j = 0; j < r; j++) {
        m[row * r + j] -= factor * m[col * r + j];
        inv[row * r + j] -= factor * inv[col * r + j];
      }
    }
  }
  for (const x of inv) if (!Number.isFinite(x)) return null;
  return inv;
}

/** Nonzero entries of an n×n matrix (coordinate form), for products with a sparse prior. */
export interface SparseSquare {
  n: number;
  rows: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

export function toSparse(data: ArrayLike<number>, n: number, transform: (x: number) => number = (x) => x): SparseSquare {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = data[i * n + j];
      if (x !== 0) {
        rows.push(i);
        cols.push(j);
        values.push(transform(x));
      }
    }
  }
  return { n, rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float64Array.from(values) };
}

/** S (r×n) · M for a sparse n×n M. */
export function timesSparse(s: ArrayLike<number>, r: number, m: SparseSquare): Float64Array {
  const n = m.n;
  const out = new Float64Array(r * n);
  for (let e = 0; e < m.values.length; e++) {
    const i = m.rows[e];
    const j = m.cols[e];
    const w = m.values[e];
    for (let k = 0; k < r; k++) out[k * n + j] += s[k * n + i] * w;
  }
  return out;
}

/** S (r×n) · Mᵀ for a sparse n×n M. */
export function timesSparseTransposed(s: ArrayLike<number>, r: number, m: SparseSquare): Float64Array {
  const n = m.n;
  const out = new Float64Array(r * n);
  for (let e = 0; e < m.values.length; e++) {
    const i = m.rows[e];
    const j = m.cols[e];
    const w = m.values[e];
    for (let k = 0; k < r; k++) out[k * n + i] += s[k * n + j] * w;
  }
  return out;
}
