import * as tf from '@tensorflow/tfjs';
import type { PhoenixModel, PhoenixTensors } from '../model/phoenix';
import { rhsBackward, rhsForward, rhsWeights, weightGradients, type GradientTape } from '../model/rhs';
import { Random } from '../random';
import type { SquareMatrix } from '../types';

/**
 * PHOENIX's prior loss (spec §5, strategies pinn and pinn-mp): mean((joint(x) − x·P)²) over a fixed set
 * of random states x ~ U(−0.5, 0.5)ⁿ. The reference evaluates all 10,000 states at every optimiser step;
 * we take `batchSize` of them per step (a window at a random offset), an unbiased estimate of the same
 * mean at a fraction of the cost; batchSize = states gives the reference exactly.
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

  /**
   * `batchSize` consecutive states (wrapping around) from a uniformly random offset: every state is
   * equally likely, so the estimate is unbiased, and a slice costs far less than a gather on wasm.
   */
  private subsample(): { x: tf.Tensor2D; target: tf.Tensor2D } {
    if (this.batchSize === this.states) return { x: this.x, target: this.target };
    const start = this.random.int(this.states);
    const first = Math.min(this.batchSize, this.states - start);
    const rest = this.batchSize - first;
    const take = (t: tf.Tensor2D) => {
      const head = tf.slice(t, [start, 0], [first, -1]);
      return rest === 0 ? head : tf.concat([head, tf.slice(t, [0, 0], [rest, -1])], 0);
    };
    return { x: take(this.x), target: take(this.target) };
  }

  /**
   * The prior loss on this step's subsample (a scalar tensor, differentiable in the model's
   * parameters). With a tape, its gradient is the hand-written one of model/rhs.ts.
   */
  loss(model: PhoenixModel, w: PhoenixTensors, tape?: GradientTape): tf.Scalar {
    const { x, target } = this.subsample();
    if (!tape) return tf.mean(tf.square(tf.sub(model.joint(w, x), target)));
    const rw = rhsWeights(w, tape);
    // joint(x) − x·P = gap − (x·P − x), where rhsForward's gap = joint(x) − x.
    const offset = tf.sub(target, x);
    const op = tf.customGrad(() => {
      const { record } = rhsForward(rw, x, tf.scalar(1), tape);
      const residual = tape.keep(tf.sub(record.gap, offset));
      const count = residual.size;
      return {
        value: tf.div(tf.sum(tf.square(residual)), count) as tf.Scalar,
        gradFunc: (dy: tf.Tensor) => {
          const c = tf.mul(residual, tf.mul(dy, 2 / count));
          const cot = rhsBackward(rw, record, tf.scalar(1), c, false);
          const g = weightGradients([record], [cot], [c]);
          return [g.dWsT, g.dWpT, g.dA2, g.dbs, g.dbp];
        },
      };
    });
    return op(w.WsT, w.WpT, w.A2, w.bs, w.bp) as tf.Scalar;
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
