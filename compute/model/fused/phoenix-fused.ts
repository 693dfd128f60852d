import { flatLayout } from '../layout';
import { maskDensity } from './sparse-csr';
import { SPARSE_DENSITY, SPARSE_MIN_WEIGHTS, SparseProducts, transposeRows } from './sparse-products';
import { gemmInstance, type GemmFn, type GemmNTFn } from './wasm-gemm';

/** One trajectory's one-step-ahead pairs as plain arrays (the same numbers a PairBatch holds). */
export interface FusedBatch {
  rows: number;
  /** rows×n */
  start: Float32Array;
  target: Float32Array;
  /** rows×n, 1 where observed; null: all observed */
  observed: Float32Array | null;
  /** rows */
  dt: Float32Array;
  /** observed target entries: the MSE denominator */
  count: number;
}

/**
 * The PHOENIX training step (RK4 from τ = 0 to 1 and its exact discrete adjoint, exactly the
 * computation of `rk4WithAdjoint` in rhs.ts) on float32 arrays in one WebAssembly memory: the
 * matrix products run in the SIMD kernel of wasm-gemm.ts, the element-wise work in plain JavaScript.
 * No tfjs kernels, so no per-kernel dispatch cost: what the tfjs path spends in ~600 kernel calls per
 * step is here ~100 function calls.
 *
 * Parameters come in the model's flat layout (layout.ts) and the gradient goes out in it; pruned
 * entries (mask 0) evaluate as zero and get zero gradient, as multiplying by the mask does in tfjs.
 * Where fewer than `sparseBelow` of the weights are kept, the weight products skip the pruned ones
 * (sparse-products.ts): the dense products stream every weight, kept or not, 32 times a step.
 */
export class FusedPhoenix {
  readonly n: number;
  readonly h: number;
  private readonly length: number;
  private memory: WebAssembly.Memory;
  private gemm: GemmFn;
  private gemmNT: GemmNTFn;
  private capacity = 0;
  /** Float offsets, set by `layout`. */
  private at = {
    theta: 0,
    grad: 0,
    S: 0,
    Lg: 0,
    D: 0,
    H: 0,
    GAP: 0,
    CS: 0,
    GJ: 0,
    DSZ: 0,
    rate: 0,
    y: 0,
    u: 0,
    k: [0, 0, 0, 0],
    a: 0,
    c: 0,
    t1: 0,
    t2: 0,
    sparse: 0,
    X: 0,
    Y: 0,
    T: { ST: 0, LgT: 0, GJT: 0, DSZT: 0, HT: 0 },
    lanes: 0,
    end: 0,
  };
  private f: Float32Array;
  /** The sparse products for the current mask (null: dense), and the mask they were chosen for. */
  private sparse: SparseProducts | null = null;
  private sparseFor: ArrayLike<number> | null = null;
  private readonly sparseBelow: number;

  /** `sparseBelow`: the kept share under which the sparse products run (tests force either path; by default none below SPARSE_MIN_WEIGHTS weights). */
  constructor(n: number, h: number, options: { sparseBelow?: number } = {}) {
    this.n = n;
    this.h = h;
    const byDefault = 4 * n * h >= SPARSE_MIN_WEIGHTS ? SPARSE_DENSITY : 0;
    this.sparseBelow = SparseProducts.fits(n, h) ? (options.sparseBelow ?? byDefault) : 0;
    this.length = flatLayout(n, h).length;
    const { memory, gemm, gemmNT } = gemmInstance(65536);
    this.memory = memory;
    this.gemm = gemm;
    this.gemmNT = gemmNT;
    this.f = new Float32Array(memory.buffer);
  }

  /** Places every buffer for `rows` rows and `evals` right-hand-side evaluations, growing the memory when needed. */
  private layout(rows: number, evals: number): void {
    const { n, h } = this;
    const er = evals * rows;
    let p = 0;
    const take = (size: number) => {
      const at = p;
      // Keep every buffer 16-byte aligned.
      p += Math.ceil(size / 4) * 4;
      return at;
    };
    const a = this.at;
    a.theta = take(this.length);
    a.grad = take(this.length);
    // The sparse region stays put whatever the batch, so its patterns are copied once per mask.
    a.sparse = take((this.sparse?.regionBytes ?? 0) / 4);
    a.S = take(er * n);
    a.Lg = take(er * n);
    a.D = take(er * n);
    a.H = take(er * 2 * h);
    a.GAP = take(er * n);
    a.CS = take(er * n);
    a.GJ = take(er * n);
    a.DSZ = take(er * 2 * h);
    a.rate = take(rows * n);
    a.y = take(rows * n);
    a.u = take(rows * n);
    a.k = [take(rows * n), take(rows * n), take(rows * n), take(rows * n)];
    a.a = take(rows * n);
    a.c = take(rows * n);
    a.t1 = take(rows * n);
    a.t2 = take(rows * n);
    if (this.sparse) this.layoutSparse(rows, evals, take);
    a.end = p;
    const bytes = 4 * p;
    if (bytes > this.capacity) {
      const have = this.memory.buffer.byteLength;
      if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / 65536));
      this.f = new Float32Array(this.memory.buffer);
      this.capacity = this.memory.buffer.byteLength;
    }
  }

  /** Interleave scratch and, for a gradient, every evaluation's activations transposed (sddmm's rows). */
  private layoutSparse(rows: number, evals: number, take: (size: number) => number): void {
    const { n, h } = this;
    const a = this.at;
    a.X = take(4 * Math.max(n, 2 * h));
    a.Y = take(4 * Math.max(n, 2 * h));
    a.lanes = evals > 1 ? Math.ceil((evals * Math.ceil(rows / 4) * 4) / 8) * 8 : 0;
    a.T = { ST: take(n * a.lanes), LgT: take(n * a.lanes), GJT: take(n * a.lanes), DSZT: take(2 * h * a.lanes), HT: take(2 * h * a.lanes) };
  }

  /** Chooses dense or sparse products once per mask (a new mask array on every change, as setMasks makes). */
  private chooseProducts(mask: ArrayLike<number> | null): void {
    if (mask === this.sparseFor) return;
    this.sparseFor = mask;
    const weights = 4 * this.n * this.h;
    const sparse = mask !== null && this.sparseBelow > 0 && maskDensity(mask, weights) < this.sparseBelow && SparseProducts.usable(mask, weights);
    this.sparse = sparse ? new SparseProducts(mask, this.n, this.h, this.memory) : null;
  }

  /** Sets the layout, then copies the masked parameters in (the backward products use them transposed through gemmNT: no transposes made). */
  private prepare(theta: ArrayLike<number>, mask: ArrayLike<number> | null, rows: number, evals: number): void {
    this.chooseProducts(mask);
    this.layout(rows, evals);
    const { f, at, sparse } = this;
    const base = at.theta;
    // The sparse products read only their gathered values, so the dense weights are not copied.
    const from = sparse ? 4 * this.n * this.h : 0;
    if (mask) for (let q = from; q < this.length; q++) f[base + q] = theta[q] * mask[q];
    else for (let q = from; q < this.length; q++) f[base + q] = theta[q];
    if (sparse) {
      sparse.place(this.memory.buffer, 4 * at.sparse);
      sparse.refresh(f, theta);
    }
  }

  /** rate[r, i] = dt[r] · relu(v[i]) */
  private setRate(batch: FusedBatch): void {
    const { n, f, at } = this;
    const v = at.theta + flatLayout(n, this.h).v;
    for (let r = 0; r < batch.rows; r++) {
      const dt = batch.dt[r];
      for (let i = 0; i < n; i++) {
        const vi = f[v + i];
        f[at.rate + r * n + i] = dt * (vi > 0 ? vi : 0);
      }
    }
  }

  /** out = f(y) for evaluation slot e: rate ⊙ (joint(y) − y), keeping s, log1p(s), 1+|y−½|, [sums, prods] and joint − y. */
  private rhs(e: number, rows: number, y: number, out: number): void {
    const { n, h, f, at, gemm } = this;
    const L = flatLayout(n, h);
    const size = rows * n;
    const S = at.S + e * size;
    const Lg = at.Lg + e * size;
    const D = at.D + e * size;
    const H = at.H + e * rows * 2 * h;
    const GAP = at.GAP + e * size;
    for (let q = 0; q < size; q++) {
      const x = f[y + q] - 0.5;
      const d = 1 + Math.abs(x);
      const s = x / d;
      f[D + q] = d;
      f[S + q] = s;
      f[Lg + q] = Math.log1p(s);
    }
    const h2 = 2 * h;
    const sparse = this.sparse;
    // sums = s·W_sᵀ + b_s and z_p = log1p(s)·W_pᵀ + b_p, into the two halves of H's rows.
    if (sparse) sparse.hidden(f, rows, S, Lg, H, at.theta + L.bs, at.X, at.Y);
    else {
      for (let r = 0; r < rows; r++) f.copyWithin(H + r * h2, at.theta + L.bs, at.theta + L.bs + h2);
      gemm(rows, h, n, 4 * S, 4 * n, 4, 4 * (at.theta + L.WsT), 4 * h, 4 * H, 4 * h2, 1);
      gemm(rows, h, n, 4 * Lg, 4 * n, 4, 4 * (at.theta + L.WpT), 4 * h, 4 * (H + h), 4 * h2, 1);
    }
    for (let r = 0; r < rows; r++) for (let k = 0; k < h; k++) f[H + r * h2 + h + k] = Math.exp(f[H + r * h2 + h + k]);
    // joint = [sums, prods]·A2, straight into GAP, then minus y.
    if (sparse) sparse.joint(f, rows, H, GAP, at.X, at.Y);
    else gemm(rows, n, h2, 4 * H, 4 * h2, 4, 4 * (at.theta + L.AsT), 4 * n, 4 * GAP, 4 * n, 0);
    for (let q = 0; q < size; q++) {
      const gap = f[GAP + q] - f[y + q];
      f[GAP + q] = gap;
      f[out + q] = f[at.rate + q] * gap;
    }
  }

  /** The vector–Jacobian product of evaluation e with cotangent c: records its pieces; writes ∂⟨c, f⟩/∂y to dy unless dy < 0. */
  private vjp(e: number, rows: number, c: number, dy: number): void {
    const { n, h, f, at, gemmNT } = this;
    const L = flatLayout(n, h);
    const size = rows * n;
    const h2 = 2 * h;
    const CS = at.CS + e * size;
    const GJ = at.GJ + e * size;
    const DSZ = at.DSZ + e * rows * h2;
    const H = at.H + e * rows * h2;
    for (let q = 0; q < size; q++) {
      const cq = f[c + q];
      f[CS + q] = cq;
      f[GJ + q] = cq * f[at.rate + q];
    }
    // [dSums, dProds] = gj · A2ᵀ; dZp = dProds ⊙ prods (in place).
    const sparse = this.sparse;
    if (sparse) sparse.backHidden(f, rows, GJ, DSZ, at.X, at.Y);
    else gemmNT(rows, h2, n, 4 * GJ, 4 * n, 4 * (at.theta + L.AsT), 4 * n, 4 * DSZ, 4 * h2, 0);
    for (let r = 0; r < rows; r++) for (let k = h; k < h2; k++) f[DSZ + r * h2 + k] *= f[H + r * h2 + k];
    if (dy < 0) return;
    // dSums·W_s and dZp·W_p, with W = (Wᵀ)ᵀ read from the flat layout's W_sᵀ, W_pᵀ.
    if (sparse) sparse.backInput(f, rows, DSZ, at.t1, at.t2, at.X, at.Y);
    else {
      gemmNT(rows, n, h, 4 * DSZ, 4 * h2, 4 * (at.theta + L.WsT), 4 * h, 4 * at.t1, 4 * n, 0);
      gemmNT(rows, n, h, 4 * (DSZ + h), 4 * h2, 4 * (at.theta + L.WpT), 4 * h, 4 * at.t2, 4 * n, 0);
    }
    const S = at.S + e * size;
    const D = at.D + e * size;
    for (let q = 0; q < size; q++) {
      const ds = f[at.t1 + q] + f[at.t2 + q] / (f[S + q] + 1);
      const d = f[D + q];
      f[dy + q] = ds / (d * d) - f[GJ + q];
    }
  }

  /** out = base + coeff · k over `size` entries (an RK4 stage input). */
  private stageInput(out: number, base: number, coeff: number, k: number, size: number): void {
    const f = this.f;
    for (let q = 0; q < size; q++) f[out + q] = f[base + q] + coeff * f[k + q];
  }

  /** Integrates every row from τ = 0 to 1 in `steps` RK4 steps; records every evaluation when `record`. Leaves the end state in y. */
  private integrate(batch: FusedBatch, steps: number, record: boolean): void {
    const { n, at, f } = this;
    const rows = batch.rows;
    const size = rows * n;
    const step = 1 / steps;
    f.set(batch.start, at.y);
    const [k1, k2, k3, k4] = at.k;
    for (let s = 0; s < steps; s++) {
      const e = record ? 4 * s : 0;
      this.rhs(e, rows, at.y, k1);
      this.stageInput(at.u, at.y, step / 2, k1, size);
      this.rhs(record ? e + 1 : 0, rows, at.u, k2);
      this.stageInput(at.u, at.y, step / 2, k2, size);
      this.rhs(record ? e + 2 : 0, rows, at.u, k3);
      this.stageInput(at.u, at.y, step, k3, size);
      this.rhs(record ? e + 3 : 0, rows, at.u, k4);
      // Same grouping as the tfjs path: y + (k1 + k4)·h/6 + (k2 + k3)·h/3.
      for (let q = 0; q < size; q++) {
        f[at.y + q] = f[at.y + q] + (f[k1 + q] + f[k4 + q]) * (step / 6) + (f[k2 + q] + f[k3 + q]) * (step / 3);
      }
    }
  }

  /** Mean squared error of the end state against the targets; with `seed`, also writes its gradient into a. */
  private mse(batch: FusedBatch, seed: boolean): number {
    const { n, at, f } = this;
    const size = batch.rows * n;
    let sum = 0;
    const scale = 2 / batch.count;
    for (let q = 0; q < size; q++) {
      const o = batch.observed ? batch.observed[q] : 1;
      const diff = (f[at.y + q] - batch.target[q]) * o;
      sum += diff * diff;
      if (seed) f[at.a + q] = scale * diff * o;
    }
    return sum / batch.count;
  }

  /** Each row's sum of squared (observed) errors at the end of its interval: what validation groups by trajectory. */
  rowSquaredErrors(theta: ArrayLike<number>, mask: ArrayLike<number> | null, batch: FusedBatch, steps: number): Float64Array {
    this.prepare(theta, mask, batch.rows, 1);
    this.setRate(batch);
    this.integrate(batch, steps, false);
    const { n, at, f } = this;
    const out = new Float64Array(batch.rows);
    for (let r = 0; r < batch.rows; r++) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const q = r * n + i;
        const diff = (f[at.y + q] - batch.target[q]) * (batch.observed ? batch.observed[q] : 1);
        sum += diff * diff;
      }
      out[r] = sum;
    }
    return out;
  }

  /** The loss alone (no gradient). */
  loss(theta: ArrayLike<number>, mask: ArrayLike<number> | null, batch: FusedBatch, steps: number): number {
    this.prepare(theta, mask, batch.rows, 1);
    this.setRate(batch);
    this.integrate(batch, steps, false);
    return this.mse(batch, false);
  }

  /**
   * The loss and its gradient with respect to the flat parameters, written into `grad` (flat layout).
   * The adjoint runs the RK4 stages backwards as rk4WithAdjoint does; the weight gradients of all
   * evaluations come out of one product per weight at the end.
   */
  lossAndGradient(theta: ArrayLike<number>, mask: ArrayLike<number> | null, batch: FusedBatch, steps: number, grad: Float32Array): number {
    const { n, h } = this;
    const rows = batch.rows;
    const evals = 4 * steps;
    this.prepare(theta, mask, rows, evals);
    this.setRate(batch);
    this.integrate(batch, steps, true);
    const loss = this.mse(batch, true);
    const { f, at } = this;
    const size = rows * n;
    const step = 1 / steps;
    const [u1, u2, u3, u4] = at.k;
    for (let s = steps - 1; s >= 0; s--) {
      const e = 4 * s;
      // c1 = a·h/6 and c2 = a·h/3 are formed on the fly into at.c.
      for (let q = 0; q < size; q++) f[at.c + q] = f[at.a + q] * (step / 6);
      this.vjp(e + 3, rows, at.c, u4);
      for (let q = 0; q < size; q++) f[at.c + q] = f[at.a + q] * (step / 3) + f[u4 + q] * step;
      this.vjp(e + 2, rows, at.c, u3);
      for (let q = 0; q < size; q++) f[at.c + q] = f[at.a + q] * (step / 3) + f[u3 + q] * (step / 2);
      this.vjp(e + 1, rows, at.c, u2);
      for (let q = 0; q < size; q++) f[at.c + q] = f[at.a + q] * (step / 6) + f[u2 + q] * (step / 2);
      // The first evaluation's input gradient only feeds the gradient of the start state: not needed.
      if (s === 0) {
        this.vjp(e, rows, at.c, -1);
        break;
      }
      this.vjp(e, rows, at.c, u1);
      for (let q = 0; q < size; q++) f[at.a + q] = f[at.a + q] + f[u4 + q] + f[u3 + q] + f[u2 + q] + f[u1 + q];
    }
    this.weightGradients(batch, evals);
    // The sparse path writes the weights' gradient straight into grad, the rest comes from f.
    const from = this.sparse ? 4 * n * h : 0;
    grad.set(f.subarray(at.grad + from, at.grad + this.length), from);
    if (this.sparse) {
      grad.fill(0, 0, from);
      this.sparseWeightGradients(rows, evals, grad);
    }
    // Pruned entries learn nothing, as the tfjs path's product with the mask gives.
    if (mask) for (let q = from; q < grad.length; q++) grad[q] *= mask[q];
    return loss;
  }

  private weightGradients(batch: FusedBatch, evals: number): void {
    const { n, h, f, at, gemm } = this;
    const L = flatLayout(n, h);
    const rows = batch.rows;
    const er = evals * rows;
    const h2 = 2 * h;
    const g = at.grad;
    // dW_sᵀ = Sᵀ·dSums, dW_pᵀ = log1p(S)ᵀ·dZp, dA2 = Hᵀ·gj over all evaluations' rows at once.
    if (!this.sparse) {
      gemm(n, h, er, 4 * at.S, 4, 4 * n, 4 * at.DSZ, 4 * h2, 4 * (g + L.WsT), 4 * h, 0);
      gemm(n, h, er, 4 * at.Lg, 4, 4 * n, 4 * (at.DSZ + h), 4 * h2, 4 * (g + L.WpT), 4 * h, 0);
      gemm(h2, n, er, 4 * at.H, 4, 4 * h2, 4 * at.GJ, 4 * n, 4 * (g + L.AsT), 4 * n, 0);
    }
    for (let k = 0; k < h2; k++) {
      let sum = 0;
      for (let q = 0; q < er; q++) sum += f[at.DSZ + q * h2 + k];
      // bs and bp are adjacent in the layout, as dSums and dZp are in DSZ's rows.
      f[g + L.bs + k] = sum;
    }
    // dv[i] = [v_i > 0] · Σ_r dt[r] · Σ_e c_e[r, i] · gap_e[r, i]
    const size = rows * n;
    for (let i = 0; i < n; i++) {
      const vi = f[at.theta + L.v + i];
      if (!(vi > 0)) {
        f[g + L.v + i] = 0;
        continue;
      }
      let sum = 0;
      for (let r = 0; r < rows; r++) {
        let dRate = 0;
        for (let e = 0; e < evals; e++) {
          const q = e * size + r * n + i;
          dRate += f[at.CS + q] * f[at.GAP + q];
        }
        sum += dRate * batch.dt[r];
      }
      f[g + L.v + i] = sum;
    }
  }

  /** The weight gradient at the kept entries only: each a dot over every evaluation's rows. */
  private sparseWeightGradients(rows: number, evals: number, grad: Float32Array): void {
    const { n, h, f, at } = this;
    const { T, lanes } = at;
    transposeRows(f, at.S, n, rows, evals, n, T.ST, lanes);
    transposeRows(f, at.Lg, n, rows, evals, n, T.LgT, lanes);
    transposeRows(f, at.GJ, n, rows, evals, n, T.GJT, lanes);
    transposeRows(f, at.DSZ, 2 * h, rows, evals, 2 * h, T.DSZT, lanes);
    transposeRows(f, at.H, 2 * h, rows, evals, 2 * h, T.HT, lanes);
    this.sparse?.gradients(f, T, lanes, grad);
  }

  /** Whether the current mask runs the sparse products. */
  get usesSparse(): boolean {
    return this.sparse !== null;
  }

  /** Bytes of WebAssembly memory held. */
  get bytes(): number {
    return this.memory.buffer.byteLength;
  }
}
