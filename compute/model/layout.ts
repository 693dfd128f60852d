/**
 * Flat layout of all parameters (one tf.Variable, so Adam and masking are a handful of ops per step):
 * [W_sᵀ (n·h) | W_pᵀ (n·h) | A_sᵀ (h·n) | A_pᵀ (h·n) | b_s (h) | b_p (h) | v (n)].
 * Plain arithmetic, no TensorFlow.js: modules the server loads eagerly (config, learning rates) use it.
 */
export function flatLayout(n: number, h: number) {
  const nh = n * h;
  return { WsT: 0, WpT: nh, AsT: 2 * nh, ApT: 3 * nh, bs: 4 * nh, bp: 4 * nh + h, v: 4 * nh + 2 * h, length: 4 * nh + 2 * h + n };
}
