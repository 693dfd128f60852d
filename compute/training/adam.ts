import * as tf from '@tensorflow/tfjs';
import { decodeFloat32, encodeFloat32 } from './encoding';

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
  private lrHost: Float32Array | null = null;
  private lrKey = '';
  /** The moments as plain arrays while the fused step updates on the host (applyHost); null: the variables hold them. */
  private host: { m: Float32Array; s: Float32Array } | null = null;
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

  private hostLearningRates(rates: readonly number[]): Float32Array {
    const key = rates.join(',');
    if (this.lrHost && key === this.lrKey) return this.lrHost;
    this.lrVector?.dispose();
    this.lrVector = null;
    const lr = new Float32Array(this.length);
    this.groups.forEach((g, i) => lr.fill(rates[i], g.start, g.start + g.length));
    this.lrHost = lr;
    this.lrKey = key;
    return lr;
  }

  private learningRates(rates: readonly number[]): tf.Tensor1D {
    const lr = this.hostLearningRates(rates);
    this.lrVector ??= tf.keep(tf.tensor1d(lr));
    return this.lrVector;
  }

  /** Moves host moments back into the variables (before a tfjs update, a save or a restore). */
  private syncMoments(): void {
    if (!this.host) return;
    const { m, s } = this.host;
    tf.tidy(() => {
      this.m.assign(tf.tensor1d(m));
      this.s.assign(tf.tensor1d(s));
    });
    this.host = null;
  }

  /**
   * The same update as `apply` on plain float32 arrays, for the fused step: every operation rounded to
   * float32 in apply's order (Math.fround), so it gives apply's numbers without a kernel per operation.
   * The moments stay on the host until the next save, restore or tfjs apply.
   */
  applyHost(theta: Float32Array, grad: Float32Array, rates: readonly number[]): void {
    this.host ??= { m: Float32Array.from(this.m.dataSync()), s: Float32Array.from(this.s.dataSync()) };
    const { m, s } = this.host;
    this.step += 1;
    const lr = this.hostLearningRates(rates);
    const f = Math.fround;
    const b1 = f(this.beta1);
    const c1 = f(1 - this.beta1);
    const b2 = f(this.beta2);
    const c2 = f(1 - this.beta2);
    const unbias2 = f(1 / Math.sqrt(1 - this.beta2 ** this.step));
    const unbias1 = f(1 / (1 - this.beta1 ** this.step));
    const eps = f(this.eps);
    for (let q = 0; q < theta.length; q++) {
      const g = grad[q];
      const mq = f(f(m[q] * b1) + f(g * c1));
      const sq = f(f(s[q] * b2) + f(f(g * g) * c2));
      m[q] = mq;
      s[q] = sq;
      const denom = f(f(f(Math.sqrt(sq)) * unbias2) + eps);
      const update = f(lr[q] * f(mq / denom));
      theta[q] = f(theta[q] - f(update * unbias1));
    }
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
    this.host = null;
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
