/**
 * The few vector operations the Runge–Kutta stepper needs, so one stepper runs on plain Float64Arrays
 * (the simulator, tight tolerances) and on tf.Tensors (the model, with autodiff).
 */
export interface VectorOps<T> {
  /** base + Σ coeffs[i] · ks[i] (just the sum when base is null); zero coefficients may be skipped. */
  combine(base: T | null, coeffs: readonly number[], ks: readonly T[]): T;
  /**
   * Root-mean-square of err / (atol + rtol · max(|y0|, |y1|)) over all entries: the step-size
   * controller accepts a step when this is ≤ 1.
   */
  errorNorm(err: T, y0: T, y1: T, rtol: number, atol: number): number;
}

export const float64Ops: VectorOps<Float64Array> = {
  combine(base, coeffs, ks) {
    const out = base ? Float64Array.from(base) : new Float64Array(ks[0].length);
    for (let s = 0; s < ks.length; s++) {
      const c = coeffs[s];
      if (c === 0) continue;
      const k = ks[s];
      for (let i = 0; i < out.length; i++) out[i] += c * k[i];
    }
    return out;
  },
  errorNorm(err, y0, y1, rtol, atol) {
    if (err.length === 0) return 0;
    let sum = 0;
    for (let i = 0; i < err.length; i++) {
      const scale = atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
      const r = err[i] / scale;
      sum += r * r;
    }
    return Math.sqrt(sum / err.length);
  },
};
