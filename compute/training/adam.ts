import * as tf from '@tensorflow/tfjs';
import { gemmInstance, type AdamFn } from '../model/fused/wasm-gemm';
import { decodeFloat32, encodeFloat32 } from './encoding';

/** The host side of FlatAdam: parameters, gradient, moments and rates in one WebAssembly memory. */
interface HostAdam {
  adam: AdamFn;
  theta: Float32Array;
  grad: Float32Array;
  m: Float32Array;
  s: Float32Array;
  lr: Float32Array;
  /** Whether m and s hold the current moments (else the variables do). */
  current: boolean;
  lrKey: string;
}

export interface AdamState {
  step: number;
  m: string;
  s: string;
}

/**
 * Adam as torch.optim.Adam (β 0.9/0.999, ε 1e-8 added to √v̂, no weight decay) on one flat parameter
 * vector, with a per-entry learning rate (the gene multipliers get 5×). A dozen ops per step in all.
 */
export class FlatAdam {
  private readonly m: tf.Variable<tf.Rank.R1>;
  private readonly s: tf.Variable<tf.Rank.R1>;
  private lrVector: tf.Tensor1D | null = null;
  private lrKey = '';
  /** The fused step's workspace (applyHost); made on first use. */
  private host: HostAdam | null = null;
  step = 0;

  constructor(
    private readonly length: number,
    /** Entries [start, start + length) of each group get that group's learning rate. */
    private readonly groups: { start: number; length: number }[],
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.m = tf.tidy(() => tf.variable(tf.zeros([length]), false));
    this.s = tf.tidy(() => tf.variable(tf.zeros([length]), false));
  }

  private learningRateArray(rates: readonly number[]): Float32Array {
    const lr = new Float32Array(this.length);
    this.groups.forEach((g, i) => lr.fill(rates[i], g.start, g.start + g.length));
    return lr;
  }

  private learningRates(rates: readonly number[]): tf.Tensor1D {
    const key = rates.join(',');
    if (this.lrVector && key === this.lrKey) return this.lrVector;
    this.lrVector?.dispose();
    this.lrVector = tf.keep(tf.tensor1d(this.learningRateArray(rates)));
    this.lrKey = key;
    return this.lrVector;
  }

  /** Moves the host's moments back into the variables (before a tfjs update or a save). */
  private syncMoments(): void {
    const host = this.host;
    if (!host?.current) return;
    tf.tidy(() => {
      this.m.assign(tf.tensor1d(host.m));
      this.s.assign(tf.tensor1d(host.s));
    });
    host.current = false;
  }

  /**
   * Arrays in the host workspace for the parameters and the gradient: a caller that keeps them there
   * (the fused step) saves applyHost two copies of the whole parameter vector per step.
   */
  hostViews(): { theta: Float32Array; grad: Float32Array } {
    if (!this.host) {
      const length = this.length;
      const padded = Math.ceil(length / 4) * 4;
      const { memory, adam } = gemmInstance(5 * 4 * padded);
      const view = (k: number) => new Float32Array(memory.buffer, 4 * k * padded, length);
      this.host = { adam, theta: view(0), grad: view(1), m: view(2), s: view(3), lr: view(4), current: false, lrKey: '' };
    }
    return { theta: this.host.theta, grad: this.host.grad };
  }

  /**
   * The same update as `apply` on float32 arrays, for the fused step: the WebAssembly SIMD kernel in
   * model/fused/wasm-gemm.ts does apply's float32 operations in apply's order (IEEE in both), so the
   * numbers are apply's, without a tfjs kernel per operation. The moments stay on the host until the
   * next save or tfjs apply.
   */
  applyHost(theta: Float32Array, grad: Float32Array, rates: readonly number[]): void {
    this.hostViews();
    const host = this.host!;
    if (!host.current) {
      host.m.set(this.m.dataSync());
      host.s.set(this.s.dataSync());
      host.current = true;
    }
    const key = rates.join(',');
    if (host.lrKey !== key) {
      host.lr.set(this.learningRateArray(rates));
      host.lrKey = key;
    }
    if (theta !== host.theta) host.theta.set(theta);
    if (grad !== host.grad) host.grad.set(grad);
    this.step += 1;
    const at = (a: Float32Array) => a.byteOffset;
    const { beta1, beta2, eps } = this;
    host.adam(
      at(host.theta),
      at(host.grad),
      at(host.m),
      at(host.s),
      at(host.lr),
      this.length,
      beta1,
      1 - beta1,
      beta2,
      1 - beta2,
      1 / Math.sqrt(1 - beta2 ** this.step),
      eps,
      1 / (1 - beta1 ** this.step),
    );
    if (theta !== host.theta) theta.set(host.theta);
  }

  /** theta ← theta − lr · m̂ / (√v̂ + ε), one learning rate per group. */
  apply(theta: tf.Variable<tf.Rank.R1>, grad: tf.Tensor, rates: readonly number[]): void {
    this.syncMoments();
    this.step += 1;
    const lr = this.learningRates(rates);
    const bias1 = 1 - this.beta1 ** this.step;
    const bias2 = 1 - this.beta2 ** this.step;
    tf.tidy(() => {
      const m = tf.add(tf.mul(this.m, this.beta1), tf.mul(grad, 1 - this.beta1));
      const s = tf.add(tf.mul(this.s, this.beta2), tf.mul(tf.square(grad), 1 - this.beta2));
      this.m.assign(m as tf.Tensor1D);
      this.s.assign(s as tf.Tensor1D);
      const denom = tf.add(tf.mul(tf.sqrt(s), 1 / Math.sqrt(bias2)), this.eps);
      const update = tf.mul(lr, tf.div(m, denom));
      theta.assign(tf.sub(theta, tf.mul(update, 1 / bias1)) as tf.Tensor1D);
    });
  }

  save(): AdamState {
    this.syncMoments();
    return { step: this.step, m: encodeFloat32(this.m.dataSync()), s: encodeFloat32(this.s.dataSync()) };
  }

  restore(state: AdamState): void {
    if (this.host) this.host.current = false;
    this.step = state.step;
    tf.tidy(() => {
      this.m.assign(tf.tensor1d(decodeFloat32(state.m, this.length)));
      this.s.assign(tf.tensor1d(decodeFloat32(state.s, this.length)));
    });
  }

  dispose(): void {
    this.m.dispose();
    this.s.dispose();
    this.lrVector?.dispose();
  }
}
