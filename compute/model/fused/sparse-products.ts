import { flatLayout } from '../layout';
import { type Csr, csrByRows } from './sparse-csr';
import { type SparseFn, sparseInstance } from './wasm-sparse';

/**
 * Below this share of kept weights the fused step multiplies by the compressed weights instead of
 * the dense ones: at 2,000 × 300 and 11,000 × 300 the sparse step is faster from 45% kept down
 * (docs/performance.md, "Genome scale").
 */
export const SPARSE_DENSITY = 0.5;
/**
 * ...and only from this many weights: SIM350's 56k weights (224 kB) stay in cache, where the dense
 * products are as fast as the sparse ones' interleaving and transposes (measured 1.3 vs 1.6–2.1 ms at 30–45% kept).
 */
export const SPARSE_MIN_WEIGHTS = 1_000_000;

/** A CSR placed in WebAssembly memory: byte addresses of its positions, indices and values. */
interface Placed {
  csr: Csr;
  ptr: number;
  idx: number;
  val: number;
}

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * The fused step's weight products for a pruned model: CSRs of W_sᵀ, W_pᵀ (by gene) and A₂ᵀ (by
 * hidden unit), gathered through in the adjoint and scattered through in the forward pass, the row-interleaved activations they multiply, and the
 * weight gradient at the kept entries only. Built once per mask (the mask array is never changed in
 * place: PhoenixModel.setMasks makes a new one); values are refreshed from θ each step.
 */
export class SparseProducts {
  /** Bytes of the region `place` fills: CSRs, plus one gradient scratch of the largest nnz. */
  readonly regionBytes: number;
  private readonly csr: { wsC: Csr; wpC: Csr; aK: Csr };
  /** Only the by-rows CSRs are placed: the products by their transposes scatter (spmmT4). */
  private placed: { wsC: Placed; wpC: Placed; aK: Placed } | null = null;
  private placedAt = -1;
  private out = 0;
  private readonly spmm4: SparseFn;
  private readonly sddmm: SparseFn;
  private readonly spmmT4: SparseFn;

  constructor(
    readonly mask: ArrayLike<number>,
    private readonly n: number,
    private readonly h: number,
    memory: WebAssembly.Memory,
  ) {
    const L = flatLayout(n, h);
    // By rows only: W_sᵀ and W_pᵀ by gene, A₂ᵀ by hidden unit; the forward products scatter through them.
    const wsC = csrByRows(mask, L.WsT, n, h);
    const wpC = csrByRows(mask, L.WpT, n, h);
    const aK = csrByRows(mask, L.AsT, 2 * h, n);
    this.csr = { wsC, wpC, aK };
    const all = [wsC, wpC, aK];
    const maxNnz = Math.max(wsC.nnz, wpC.nnz, aK.nnz);
    this.regionBytes = all.reduce((s, c) => s + align16(4 * (c.rows + 1)) + align16(2 * c.nnz) + align16(4 * c.nnz), 0) + align16(4 * maxNnz);
    ({ spmm4: this.spmm4, sddmm: this.sddmm, spmmT4: this.spmmT4 } = sparseInstance(memory));
  }

  /** Whether the sparse kernels' u16 indices can hold this model's sizes. */
  static fits(n: number, h: number): boolean {
    return n < 65536 && 2 * h < 65536;
  }

  /** Whether the mask's weight entries are all 0 or 1 (masksToFlat's), so a kept weight is θ itself. */
  static usable(mask: ArrayLike<number>, weights: number): boolean {
    for (let q = 0; q < weights; q++) if (mask[q] !== 0 && mask[q] !== 1) return false;
    return true;
  }

  /** Copies the patterns into memory at byte `base` (again only when the region moved). */
  place(buffer: ArrayBuffer, base: number): void {
    if (this.placedAt === base) return;
    let at = base;
    const take = (bytes: number) => {
      const here = at;
      at += align16(bytes);
      return here;
    };
    const put = (csr: Csr): Placed => {
      const p = { csr, ptr: take(4 * (csr.rows + 1)), idx: take(2 * csr.nnz), val: take(4 * csr.nnz) };
      new Int32Array(buffer, p.ptr, csr.rows + 1).set(csr.ptr);
      new Uint16Array(buffer, p.idx, csr.nnz).set(csr.idx);
      return p;
    };
    const c = this.csr;
    this.placed = { wsC: put(c.wsC), wpC: put(c.wpC), aK: put(c.aK) };
    this.out = at;
    this.placedAt = base;
  }

  /** Gathers each kept weight into the value arrays, in θ's order (the mask is 1 there: `usable` checks it once). */
  refresh(f: Float32Array, theta: ArrayLike<number>): void {
    for (const p of Object.values(this.placedOrThrow())) {
      const { flat, nnz } = p.csr;
      const v = p.val >> 2;
      for (let q = 0; q < nnz; q++) f[v + q] = theta[flat[q]];
    }
  }

  private placedOrThrow() {
    if (!this.placed) throw new Error('SparseProducts.place must run first');
    return this.placed;
  }

  /** Y (byte address, nOut × 4) = csr · X (byte address, interleaved) */
  private product(p: Placed, X: number, Y: number): void {
    this.spmm4(p.csr.rows, p.ptr, p.idx, p.val, X, Y, 0);
  }

  /** Y (float offset, K × 4) = csrᵀ · X (float offset, interleaved) */
  private productT(f: Float32Array, p: Placed, K: number, X: number, Y: number): void {
    f.fill(0, Y, Y + 4 * K);
    this.spmmT4(p.csr.rows, p.ptr, p.idx, p.val, 4 * X, 4 * Y, 0);
  }

  /** H's rows [s·W_sᵀ + b_s, log1p(s)·W_pᵀ + b_p] (ld 2h) from S and Lg (rows × n); X, Y: scratch. */
  hidden(f: Float32Array, rows: number, S: number, Lg: number, H: number, bias: number, X: number, Y: number): void {
    const { n, h } = this;
    const p = this.placedOrThrow();
    for (let r0 = 0; r0 < rows; r0 += 4) {
      interleave(f, S, n, rows, r0, n, X);
      this.productT(f, p.wsC, h, X, Y);
      interleave(f, Lg, n, rows, r0, n, X);
      this.productT(f, p.wpC, h, X, Y + 4 * h);
      deinterleave(f, Y, rows, r0, 2 * h, H, 2 * h, bias);
    }
  }

  /** GAP (rows × n) = H · A₂ */
  joint(f: Float32Array, rows: number, H: number, GAP: number, X: number, Y: number): void {
    const { n, h } = this;
    const p = this.placedOrThrow();
    for (let r0 = 0; r0 < rows; r0 += 4) {
      interleave(f, H, 2 * h, rows, r0, 2 * h, X);
      this.productT(f, p.aK, n, X, Y);
      deinterleave(f, Y, rows, r0, n, GAP, n, -1);
    }
  }

  /** DSZ (rows × 2h) = GJ · A₂ᵀ */
  backHidden(f: Float32Array, rows: number, GJ: number, DSZ: number, X: number, Y: number): void {
    const { n, h } = this;
    const p = this.placedOrThrow();
    for (let r0 = 0; r0 < rows; r0 += 4) {
      interleave(f, GJ, n, rows, r0, n, X);
      this.product(p.aK, 4 * X, 4 * Y);
      deinterleave(f, Y, rows, r0, 2 * h, DSZ, 2 * h, -1);
    }
  }

  /** t1 = dSums · W_s and t2 = dZp · W_p (rows × n), dSums and dZp the halves of DSZ's rows. */
  backInput(f: Float32Array, rows: number, DSZ: number, t1: number, t2: number, X: number, Y: number): void {
    const { n, h } = this;
    const p = this.placedOrThrow();
    for (let r0 = 0; r0 < rows; r0 += 4) {
      interleave(f, DSZ, 2 * h, rows, r0, 2 * h, X);
      this.product(p.wsC, 4 * X, 4 * Y);
      deinterleave(f, Y, rows, r0, n, t1, n, -1);
      this.product(p.wpC, 4 * (X + 4 * h), 4 * Y);
      deinterleave(f, Y, rows, r0, n, t2, n, -1);
    }
  }

  /**
   * The weight gradient at the kept entries, scattered into `grad` (flat layout; pruned entries are
   * left alone, the caller zeroes them). ST, LgT, GJT (n rows) and DSZT, HT (2h rows) hold every
   * evaluation's rows side by side (`lanes` floats a row), so each kept entry's dot is contiguous.
   */
  gradients(f: Float32Array, t: { ST: number; LgT: number; GJT: number; DSZT: number; HT: number }, lanes: number, grad: Float32Array): void {
    const p = this.placedOrThrow();
    const rowBytes = 4 * lanes;
    const h = this.h;
    const run = (q: Placed, A: number, B: number) => {
      this.sddmm(q.csr.rows, q.ptr, q.idx, 4 * A, 4 * B, rowBytes, this.out);
      const o = this.out >> 2;
      const { flat, nnz } = q.csr;
      for (let k = 0; k < nnz; k++) grad[flat[k]] = f[o + k];
    };
    run(p.wsC, t.ST, t.DSZT);
    run(p.wpC, t.LgT, t.DSZT + h * lanes);
    // By A₂ᵀ's rows (k), so the scatter into grad runs in order.
    run(p.aK, t.HT, t.GJT);
  }
}

/** X[k·4 + r] = src[(r0 + r)·ld + k] for k < K (float offsets); rows past the batch are zero. */
function interleave(f: Float32Array, src: number, ld: number, rows: number, r0: number, K: number, X: number): void {
  for (let r = 0; r < 4; r++) {
    const row = r0 + r;
    if (row >= rows) {
      for (let k = 0; k < K; k++) f[X + 4 * k + r] = 0;
      continue;
    }
    const s = src + row * ld;
    for (let k = 0; k < K; k++) f[X + 4 * k + r] = f[s + k];
  }
}

/** dst[(r0 + r)·ld + k] = [f[bias + k] +] Y[k·4 + r] (bias < 0: none) */
function deinterleave(f: Float32Array, Y: number, rows: number, r0: number, K: number, dst: number, ld: number, bias: number): void {
  for (let r = 0; r < 4 && r0 + r < rows; r++) {
    const d = dst + (r0 + r) * ld;
    if (bias >= 0) for (let k = 0; k < K; k++) f[d + k] = f[bias + k] + f[Y + 4 * k + r];
    else for (let k = 0; k < K; k++) f[d + k] = f[Y + 4 * k + r];
  }
}

/** T[i·lanes + e·rp + r] = src[(e·rows + r)·ld + i] for i < K: every evaluation's rows of column i side by side. */
export function transposeRows(f: Float32Array, src: number, ld: number, rows: number, evals: number, K: number, T: number, lanes: number): void {
  const rp = Math.ceil(rows / 4) * 4;
  if (rp !== rows || evals * rp !== lanes) f.fill(0, T, T + K * lanes);
  for (let e = 0; e < evals; e++) {
    for (let r = 0; r < rows; r++) {
      const s = src + (e * rows + r) * ld;
      const lane = T + e * rp + r;
      for (let i = 0; i < K; i++) f[lane + i * lanes] = f[s + i];
    }
  }
}
