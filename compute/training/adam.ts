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
  private lrKey = '';
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

  private learningRates(rates: readonly number[]): tf.Tensor1D {
    const key = rates.join(',');
    if (this.lrVector && key === this.lrKey) return this.lrVector;
    this.lrVector?.dispose();
    const lr = new Float32Array(this.length);
    this.groups.forEach((g, i) => lr.fill(rates[i], g.start, g.start + g.length));
    this.lrVector = tf.keep(tf.tensor1d(lr));
    this.lrKey = key;
    return this.lrVector;
  }

  /** theta ← theta − lr · m̂ / (√v̂ + ε), one learning rate per group. */
  apply(theta: tf.Variable<tf.Rank.R1>, grad: tf.Tensor, rates: readonly number[]): void {
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
    return { step: this.step, m: encodeFloat32(this.m.dataSync()), s: encodeFloat32(this.s.dataSync()) };
  }

  restore(state: AdamState): void {
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
