import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes. */
function transposeLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(x, perm);
}

/** a·b with optional transposes, done as explicit transposes followed by a plain matmul. */
function plainMatMul(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  return tf.matMul(transposeA ? transposeLast(a) : a, transposeB ? transposeLast(b) : b);
}

/**
 * The stock BatchMatMul gradient calls matMul with transpose flags; the wasm kernel runs those with
 * strided access and no SIMD, about 10× slower than a plain product of the same size. This gradient
 * transposes explicitly (a cheap copy) and multiplies without flags. Same values, any backend.
 */
export const fastBatchMatMulGradConfig: tf.GradConfig = {
  kernelName: tf.BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved;
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const g = Array.isArray(dy) ? dy[0] : dy;
    if (!transposeA && !transposeB) {
      return { a: () => plainMatMul(g, b, false, true), b: () => plainMatMul(a, g, true, false) };
    }
    if (!transposeA && transposeB) {
      return { a: () => plainMatMul(g, b, false, false), b: () => plainMatMul(g, a, true, false) };
    }
    if (transposeA && !transposeB) {
      return { a: () => plainMatMul(b, g, false, true), b: () => plainMatMul(a, g, false, false) };
    }
    return { a: () => plainMatMul(b, g, true, true), b: () => plainMatMul(g, a, true, true) };
  },
};

let registered = false;

export function registerFastMatMulGradient(): void {
  if (registered) return;
  tf.registerGradient(fastBatchMatMulGradConfig);
  registered = true;
}
