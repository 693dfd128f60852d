import * as tf from '@tensorflow/tfjs';
import type { VectorOps } from './vector-ops';

/**
 * VectorOps on tf.Tensors of any (equal) shape. Differentiable: gradients flow through `combine`.
 * `errorNorm` reads one number back (the step-size controller is not differentiated, as in
 * torchdiffeq's direct backpropagation). Callers wrap integration in tf.tidy.
 */
export const tensorOps: VectorOps<tf.Tensor> = {
  combine(base, coeffs, ks) {
    let out: tf.Tensor | null = base;
    for (let s = 0; s < ks.length; s++) {
      const c = coeffs[s];
      if (c === 0) continue;
      const term = c === 1 ? ks[s] : tf.mul(ks[s], c);
      out = out === null ? term : tf.add(out, term);
    }
    return out ?? tf.zerosLike(ks[0]);
  },
  errorNorm(err, y0, y1, rtol, atol) {
    const norm = tf.tidy(() => {
      const scale = tf.add(atol, tf.mul(rtol, tf.maximum(tf.abs(y0), tf.abs(y1))));
      return tf.sqrt(tf.mean(tf.square(tf.div(err, scale))));
    });
    const value = norm.dataSync()[0];
    norm.dispose();
    return value;
  },
};
