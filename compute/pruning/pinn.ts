import * as tf from '@tensorflow/tfjs';
import type { PhoenixModel, PhoenixTensors } from '../model/phoenix';
import { Random } from '../random';
import type { SquareMatrix } from '../types';

/**
 * PHOENIX's prior loss (spec §5, strategies pinn and pinn-mp): mean((joint(x) − x·P)²) over a fixed set
 * of random states x ~ U(−0.5, 0.5)ⁿ. The reference evaluates all 10,000 states at every optimiser step;
 * we draw `batchSize` of them (without replacement) per step, an unbiased estimate of the same mean at a
 * fraction of the cost; batchSize = states gives the reference exactly.
 */
export class PinnPrior {
  readonly states: number;
  readonly batchSize: number;
  private readonly x: tf.Tensor2D;
  private readonly target: tf.Tensor2D;
  private random: Random;

  constructor(options: { prior: SquareMatrix; seed: number; states?: number; batchSize?: number }) {
    const n = options.prior.n;
    this.states = options.states ?? 10_000;
    this.batchSize = Math.min(this.states, options.batchSize ?? 1000);
    const draw = new Random(options.seed ^ 0x5eed_9e37);
    const x = new Float32Array(this.states * n);
    for (let k = 0; k < x.length; k++) x[k] = draw.next() - 0.5;
    this.x = tf.tensor2d(x, [this.states, n]);
    const p = tf.tensor2d(Float32Array.from(options.prior.data), [n, n]);
    this.target = tf.matMul(this.x, p);
    p.dispose();
    this.random = new Random((options.seed ^ 0x0b1e_55ed) >>> 0);
  }

  /** The prior loss on this step's subsample (a scalar tensor, differentiable in the model's parameters). */
  loss(model: PhoenixModel, w: PhoenixTensors): tf.Scalar {
    if (this.batchSize === this.states) return tf.mean(tf.square(tf.sub(model.joint(w, this.x), this.target)));
    const picked = this.random.shuffle(Array.from({ length: this.states }, (_, i) => i)).slice(0, this.batchSize);
    const idx = tf.tensor1d(picked, 'int32');
    const x = tf.gather(this.x, idx);
    const target = tf.gather(this.target, idx);
    return tf.mean(tf.square(tf.sub(model.joint(w, x), target)));
  }

  saveRandom() {
    return this.random.save();
  }

  restoreRandom(saved: ReturnType<Random['save']>) {
    this.random = Random.restore(saved);
  }

  dispose(): void {
    this.x.dispose();
    this.target.dispose();
  }
}
