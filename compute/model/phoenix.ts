import * as tf from '@tensorflow/tfjs';
import { dopri5, integrateAdaptive, integrateFixed, rk4, tensorOps } from '../solvers';
import { flatLayout } from './layout';
import { applyMasks, type PhoenixMasks, type PhoenixParams } from './params';
import { rhsWeights, rhsWithGradient, rk4WithAdjoint, type GradientTape } from './rhs';

/**
 * How the model integrates one batch of one-step-ahead pairs. Each row k runs in normalised time
 * τ ∈ [0, 1] with dy/dτ = Δt_k · f(y), so one solve covers pairs with different time gaps.
 * - rk4: fixed steps; the count is max(minSteps, ⌈max Δt · max relu(v) / maxRateStep⌉), so a
 *   step never spans more than `maxRateStep` relaxation times of the fastest gene.
 * - dopri5: adaptive Dormand–Prince 5(4) (float32, so tolerances near 1e-7 are the floor).
 */
export type SolverConfig = { method: 'rk4'; minSteps: number; maxRateStep: number } | { method: 'dopri5'; rtol: number; atol: number; maxSteps: number };

const MAX_RK4_STEPS = 1000;

export const defaultSolver = (method: 'rk4' | 'dopri5'): SolverConfig =>
  method === 'rk4' ? { method, minSteps: 2, maxRateStep: 1 } : { method, rtol: 1e-6, atol: 1e-8, maxSteps: 2000 };

/** One-step-ahead pairs as tensors: row k starts at `start[k]`, is integrated over `dt[k]`, compared with `target[k]`. */
export interface PairBatch {
  start: tf.Tensor2D;
  target: tf.Tensor2D;
  /** 1 where the target is observed; null when every entry is. */
  observed: tf.Tensor2D | null;
  /** B×1 time gaps. */
  dt: tf.Tensor2D;
  rows: number;
  maxDt: number;
  /** Number of observed target entries (the MSE denominator). */
  count: number;
  /** Consecutive rows that come from one trajectory, with their observed entries, in row order. */
  groups?: { rows: number; count: number }[];
}

/** The parameters sliced out of the flat vector, in the layouts the forward pass multiplies without transposes. */
export interface PhoenixTensors {
  /** n×h = W_sᵀ */
  WsT: tf.Tensor2D;
  /** n×h = W_pᵀ */
  WpT: tf.Tensor2D;
  /** 2h×n = [A_sᵀ; A_pᵀ] */
  A2: tf.Tensor2D;
  bs: tf.Tensor2D;
  bp: tf.Tensor2D;
  /** 1×n */
  v: tf.Tensor2D;
}

export { flatLayout };

export function paramsToFlat(p: PhoenixParams): Float32Array {
  const { n, h } = p;
  const at = flatLayout(n, h);
  const flat = new Float32Array(at.length);
  for (let k = 0; k < h; k++) {
    for (let j = 0; j < n; j++) {
      flat[at.WsT + j * h + k] = p.Ws[k * n + j];
      flat[at.WpT + j * h + k] = p.Wp[k * n + j];
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < h; k++) {
      flat[at.AsT + k * n + i] = p.As[i * h + k];
      flat[at.ApT + k * n + i] = p.Ap[i * h + k];
    }
  }
  flat.set(p.bs, at.bs);
  flat.set(p.bp, at.bp);
  flat.set(p.v, at.v);
  return flat;
}

export function flatToParams(flat: ArrayLike<number>, n: number, h: number): PhoenixParams {
  const at = flatLayout(n, h);
  const p: PhoenixParams = {
    n,
    h,
    Ws: new Float32Array(h * n),
    Wp: new Float32Array(h * n),
    As: new Float32Array(n * h),
    Ap: new Float32Array(n * h),
    bs: Float32Array.from({ length: h }, (_, k) => flat[at.bs + k]),
    bp: Float32Array.from({ length: h }, (_, k) => flat[at.bp + k]),
    v: Float32Array.from({ length: n }, (_, i) => flat[at.v + i]),
  };
  for (let k = 0; k < h; k++) {
    for (let j = 0; j < n; j++) {
      p.Ws[k * n + j] = flat[at.WsT + j * h + k];
      p.Wp[k * n + j] = flat[at.WpT + j * h + k];
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < h; k++) {
      p.As[i * h + k] = flat[at.AsT + k * n + i];
      p.Ap[i * h + k] = flat[at.ApT + k * n + i];
    }
  }
  return p;
}

/** Masks in the flat layout (biases and v are never pruned: 1). */
export function masksToFlat(m: PhoenixMasks, n: number, h: number): Float32Array {
  const ones = new Float32Array(n * h).fill(1);
  const asParams: PhoenixParams = {
    n,
    h,
    Ws: Float32Array.from(m.Ws),
    Wp: Float32Array.from(m.Wp),
    As: Float32Array.from(m.As),
    Ap: Float32Array.from(m.Ap),
    bs: ones.subarray(0, h),
    bp: ones.subarray(0, h),
    v: ones.subarray(0, n),
  };
  return paramsToFlat(asParams);
}

/**
 * The PHOENIX neural ODE on TensorFlow.js (spec §2):
 *   s = softsign(y − 0.5); sums = s·W_sᵀ + b_s; prods = exp(log1p(s)·W_pᵀ + b_p);
 *   joint = sums·A_sᵀ + prods·A_pᵀ;  dy/dt = relu(v) ⊙ (joint − y).
 */
export class PhoenixModel {
  readonly n: number;
  readonly h: number;
  readonly theta: tf.Variable<tf.Rank.R1>;
  private maskTensor: tf.Tensor1D | null = null;
  private maskState: PhoenixMasks | null = null;
  private maskFlat: Float32Array | null = null;
  private vMaxCache: number | null = null;
  /** Applied to the weights the model evaluates with (a penalty baseline's test-time gates); null: none. */
  private evalTransform: ((w: PhoenixTensors) => PhoenixTensors) | null = null;

  constructor(params: PhoenixParams, masks: PhoenixMasks | null = null) {
    this.n = params.n;
    this.h = params.h;
    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(paramsToFlat(params)), true));
    this.setMasks(masks);
  }

  get masks(): PhoenixMasks | null {
    return this.maskState;
  }

  setMasks(masks: PhoenixMasks | null): void {
    this.maskTensor?.dispose();
    this.maskState = masks;
    this.maskFlat = masks ? masksToFlat(masks, this.n, this.h) : null;
    this.maskTensor = this.maskFlat ? tf.keep(tf.tensor1d(this.maskFlat)) : null;
  }

  /** The masks in the flat layout (1 keeps, 0 pruned); null when nothing is pruned. */
  get flatMask(): Float32Array | null {
    return this.maskFlat;
  }

  setEvalTransform(transform: ((w: PhoenixTensors) => PhoenixTensors) | null): void {
    this.evalTransform = transform;
  }

  private evalTensors(): PhoenixTensors {
    const w = this.tensors();
    return this.evalTransform ? this.evalTransform(w) : w;
  }

  /** Overwrites all parameters (e.g. restoring the best model or a checkpoint). */
  setParams(params: PhoenixParams): void {
    if (params.n !== this.n || params.h !== this.h) throw new Error(`parameters are ${params.n}×${params.h}, the model is ${this.n}×${this.h}`);
    tf.tidy(() => this.theta.assign(tf.tensor1d(paramsToFlat(params))));
    this.vMaxCache = null;
  }

  /** The current parameters in spec shapes, pruned entries exactly zero. */
  params(): PhoenixParams {
    return applyMasks(flatToParams(this.theta.dataSync(), this.n, this.h), this.maskState);
  }

  /** Called after every optimiser update: the cached max relu(v) sets the rk4 step count. */
  parametersChanged(): void {
    this.vMaxCache = null;
  }

  maxRate(): number {
    if (this.vMaxCache === null) {
      const at = flatLayout(this.n, this.h);
      const v = tf.tidy(() => tf.max(tf.relu(tf.slice(this.theta, at.v, this.n))));
      this.vMaxCache = v.dataSync()[0];
      v.dispose();
    }
    return this.vMaxCache;
  }

  /** Slices the (masked) flat vector into the forward pass's tensors. Call inside tf.tidy / a gradient. */
  tensors(theta: tf.Tensor1D = this.theta): PhoenixTensors {
    const { n, h } = this;
    const at = flatLayout(n, h);
    const t = this.maskTensor ? tf.mul(theta, this.maskTensor) : theta;
    return {
      WsT: tf.reshape(tf.slice(t, at.WsT, n * h), [n, h]),
      WpT: tf.reshape(tf.slice(t, at.WpT, n * h), [n, h]),
      A2: tf.reshape(tf.slice(t, at.AsT, 2 * n * h), [2 * h, n]),
      bs: tf.reshape(tf.slice(t, at.bs, h), [1, h]),
      bp: tf.reshape(tf.slice(t, at.bp, h), [1, h]),
      v: tf.reshape(tf.slice(t, at.v, n), [1, n]),
    };
  }

  /** joint(y) = sums·A_sᵀ + prods·A_pᵀ for a B×n batch of states. */
  joint(w: PhoenixTensors, y: tf.Tensor): tf.Tensor2D {
    const x = tf.sub(y, 0.5);
    const s = tf.div(x, tf.add(tf.abs(x), 1));
    const sums = tf.add(tf.matMul(s as tf.Tensor2D, w.WsT), w.bs);
    const prods = tf.exp(tf.add(tf.matMul(tf.log1p(s) as tf.Tensor2D, w.WpT), w.bp));
    return tf.matMul(tf.concat([sums, prods], 1), w.A2);
  }

  /** dy/dτ = rate ⊙ (joint(y) − y), rate = Δt ⊙ relu(v) per row. */
  derivative(w: PhoenixTensors, y: tf.Tensor, rate: tf.Tensor): tf.Tensor {
    return tf.mul(rate, tf.sub(this.joint(w, y), y));
  }

  /** RK4 steps for a batch; a diverged model (non-finite v) gets the minimum rather than an error, and the count is capped. */
  rk4Steps(maxDt: number, solver: Extract<SolverConfig, { method: 'rk4' }>, maxRate = this.maxRate()): number {
    const wanted = Math.ceil((maxDt * maxRate) / solver.maxRateStep);
    return Number.isFinite(wanted) ? Math.min(MAX_RK4_STEPS, Math.max(solver.minSteps, wanted)) : solver.minSteps;
  }

  /**
   * The state at the end of each row's interval. Call inside tf.tidy / a gradient. With a tape, the
   * right-hand side uses the hand-written gradient (rhs.ts); release the tape after the backward pass.
   */
  predict(w: PhoenixTensors, batch: PairBatch, solver: SolverConfig, tape?: GradientTape): tf.Tensor {
    const rate = tf.mul(batch.dt, tf.relu(w.v));
    if (solver.method === 'rk4') {
      const steps = this.rk4Steps(batch.maxDt, solver);
      if (tape) return rk4WithAdjoint(rhsWeights(w, tape), steps, tape)(batch.start, rate);
      return integrateFixed(rk4, (_t, y) => this.derivative(w, y, rate), batch.start, 0, 1, steps, tensorOps);
    }
    const rhs = tape ? rhsWithGradient(rhsWeights(w, tape), tape) : null;
    const f = rhs ? (_t: number, y: tf.Tensor) => rhs(y, rate) : (_t: number, y: tf.Tensor) => this.derivative(w, y, rate);
    const { rtol, atol, maxSteps } = solver;
    return integrateAdaptive(dopri5, f, batch.start, 0, 1, { rtol, atol, maxSteps }, tensorOps).values[0];
  }

  /** Mean squared one-step-ahead error over the observed target entries (a scalar tensor). */
  loss(w: PhoenixTensors, batch: PairBatch, solver: SolverConfig, tape?: GradientTape): tf.Scalar {
    return tf.div(tf.sum(this.squaredErrors(w, batch, solver, tape)), batch.count) as tf.Scalar;
  }

  /** Rows × genes squared one-step-ahead errors, zero where the target is not observed. */
  private squaredErrors(w: PhoenixTensors, batch: PairBatch, solver: SolverConfig, tape?: GradientTape): tf.Tensor {
    const diff = tf.sub(this.predict(w, batch, solver, tape), batch.target);
    return tf.square(batch.observed ? tf.mul(diff, batch.observed) : diff);
  }

  /** The loss as a number, without gradients. */
  evaluate(batch: PairBatch, solver: SolverConfig): number {
    const value = tf.tidy(() => this.loss(this.evalTensors(), batch, solver));
    const result = value.dataSync()[0];
    value.dispose();
    return result;
  }

  /**
   * The loss (the same number `evaluate` gives) and each trajectory's own MSE, from one solve of the
   * whole batch: the per-trajectory spread tells how precisely the loss is known.
   */
  evaluateByTrajectory(batch: PairBatch, solver: SolverConfig): { mse: number; trajectoryMse: number[] } {
    const [total, rowSums] = tf.tidy(() => {
      const sq = this.squaredErrors(this.evalTensors(), batch, solver);
      return [tf.div(tf.sum(sq), batch.count), tf.sum(sq, 1)];
    });
    const mse = total.dataSync()[0];
    const rows = rowSums.dataSync();
    total.dispose();
    rowSums.dispose();
    const groups = batch.groups ?? [{ rows: batch.rows, count: batch.count }];
    let row = 0;
    const trajectoryMse = groups.map((g) => {
      let sum = 0;
      for (let r = 0; r < g.rows; r++) sum += rows[row + r];
      row += g.rows;
      return sum / g.count;
    });
    return { mse, trajectoryMse };
  }

  dispose(): void {
    this.theta.dispose();
    this.maskTensor?.dispose();
  }
}
