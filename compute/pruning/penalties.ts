import * as tf from '@tensorflow/tfjs';
import type { PhoenixTensors } from '../model/phoenix';
import type { PhoenixParams } from '../model/params';
import type { Random } from '../random';
import type { GateSettings, PenaltySettings } from '../strategies';

/** The hard-concrete stretch interval (γ, ζ) of Louizos et al. 2018 and their code. */
export const STRETCH = { low: -0.1, high: 1.1 } as const;
/** Uniform draws stay inside (ε, 1 − ε), as in the reference L0Dense. */
const EPS = 1e-6;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clip01 = (x: number) => Math.min(1, Math.max(0, x));

/** A sample of one gate: clip(sigmoid((log u − log(1 − u) + log α) / β) · (ζ − γ) + γ, 0, 1). */
export function sampleGate(logAlpha: number, u: number, temperature: number): number {
  return clip01(sigmoid((Math.log(u) - Math.log(1 - u) + logAlpha) / temperature) * (STRETCH.high - STRETCH.low) + STRETCH.low);
}

/** The gate at test time (Louizos et al. 2018, eq. 13): clip(sigmoid(log α) · (ζ − γ) + γ, 0, 1). */
export function testGate(logAlpha: number): number {
  return clip01(sigmoid(logAlpha) * (STRETCH.high - STRETCH.low) + STRETCH.low);
}

/** P(gate ≠ 0) = sigmoid(log α − β · log(−γ / ζ)): what the expected-L0 term counts. */
export function gateOpenProbability(logAlpha: number, temperature: number): number {
  return sigmoid(logAlpha - temperature * Math.log(-STRETCH.low / STRETCH.high));
}

/**
 * Where the gates sit: one per input unit of each layer, as the authors' L0Dense gates its inputs.
 * Flat order [W_s inputs (n genes) | W_p inputs (n) | A_s inputs (h hidden units) | A_p inputs (h)].
 */
export function gateLayout(n: number, h: number) {
  return { Ws: 0, Wp: n, As: 2 * n, Ap: 2 * n + h, length: 2 * n + 2 * h };
}

/**
 * A penalty baseline's extra parameters and loss terms (spec §5's penalty baselines; settings in
 * compute/strategies.ts): hard-concrete gates on the layers' inputs, trained with the weights, and
 * the L0, path-L1 and PathReg terms. Gates are sampled from the run's stream at every step, and the
 * test-time gates multiply the weights the run evaluates, keeps and reads the network from.
 */
export class PenaltyTerms {
  readonly logAlpha: tf.Variable<tf.Rank.R1> | null;
  readonly gates: GateSettings | null;

  constructor(
    readonly settings: PenaltySettings,
    readonly n: number,
    readonly h: number,
    random: Random,
  ) {
    this.gates = settings.gates;
    if (!this.gates) {
      this.logAlpha = null;
      return;
    }
    // log α ~ N(log(1 − d) − log d, 0.01²), d the layer's initial drop rate, as L0Dense initialises it.
    const at = gateLayout(n, h);
    const init = new Float32Array(at.length);
    const [d1, d2] = this.gates.dropInit;
    for (let k = 0; k < at.length; k++) {
      const d = k < at.As ? d1 : d2;
      init[k] = random.normal(Math.log(1 - d) - Math.log(d), 1e-2);
    }
    this.logAlpha = tf.variable(tf.tensor1d(init), true);
  }

  get gateCount(): number {
    return this.logAlpha ? gateLayout(this.n, this.h).length : 0;
  }

  /** Uniform draws for one step's gate sample, from the run's stream (so a resumed run draws the same). */
  drawUniforms(random: Random): Float32Array | null {
    if (!this.logAlpha) return null;
    const u = new Float32Array(this.gateCount);
    for (let k = 0; k < u.length; k++) u[k] = EPS + (1 - 2 * EPS) * random.next();
    return u;
  }

  /** Sampled gates as a tensor, differentiable in log α. Call inside a gradient. */
  sampledGates(u: Float32Array): tf.Tensor1D {
    const logits = tf.add(tf.tensor1d(u.map((x) => Math.log(x) - Math.log(1 - x))), this.logAlpha!);
    const s = tf.sigmoid(tf.div(logits, this.gates!.temperature));
    return tf.clipByValue(tf.add(tf.mul(s, STRETCH.high - STRETCH.low), STRETCH.low), 0, 1) as tf.Tensor1D;
  }

  /** The test-time gates as a tensor. */
  testGates(): tf.Tensor1D {
    return tf.clipByValue(tf.add(tf.mul(tf.sigmoid(this.logAlpha!), STRETCH.high - STRETCH.low), STRETCH.low), 0, 1) as tf.Tensor1D;
  }

  /** The forward pass's weights with each input unit's gate applied (rows of W_sᵀ, W_pᵀ, A_sᵀ, A_pᵀ). */
  gate(w: PhoenixTensors, z: tf.Tensor1D): PhoenixTensors {
    const { n, h } = this;
    const at = gateLayout(n, h);
    return {
      ...w,
      WsT: tf.mul(w.WsT, tf.reshape(tf.slice(z, at.Ws, n), [n, 1])),
      WpT: tf.mul(w.WpT, tf.reshape(tf.slice(z, at.Wp, n), [n, 1])),
      A2: tf.mul(w.A2, tf.reshape(tf.slice(z, at.As, 2 * h), [2 * h, 1])),
    };
  }

  /**
   * The penalty added to the data loss, on the raw weights `w` and this step's sampled gates `z`:
   * λ_L0 · Σ P(gate ≠ 0) · (weights it gates) + λ_L1 · mean(|W₁||W₂|) + λ_PR · mean(|Z₁||Z₂|), the
   * means over the n×n input-output pairs, summed over the sums and products branches.
   */
  loss(w: PhoenixTensors, z: tf.Tensor1D | null): tf.Scalar {
    const { n, h, settings } = this;
    const at = gateLayout(n, h);
    let total: tf.Scalar = tf.scalar(0);
    if (settings.l0 > 0 && this.logAlpha) {
      const open = tf.sigmoid(tf.sub(this.logAlpha, this.gates!.temperature * Math.log(-STRETCH.low / STRETCH.high)));
      const fanOut = tf.concat([tf.fill([2 * n], h), tf.fill([2 * h], n)]);
      total = tf.add(total, tf.mul(tf.sum(tf.mul(open, fanOut)), settings.l0));
    }
    if (settings.pathL1 > 0) {
      const A2 = tf.abs(w.A2);
      const path = (W1: tf.Tensor2D, W2: tf.Tensor) => tf.sum(tf.mul(tf.sum(tf.abs(W1), 0), tf.sum(W2, 1)));
      const sums = path(w.WsT, tf.slice(A2, [0, 0], [h, n]));
      const prods = path(w.WpT, tf.slice(A2, [h, 0], [h, n]));
      total = tf.add(total, tf.mul(tf.add(sums, prods), settings.pathL1 / (n * n)));
    }
    if (settings.pathReg > 0 && z) {
      // With gates on the inputs, (|Z₁||Z₂|)[i, j] = z₁ᵢ · Σₖ z₂ₖ: the mean over i, j is Σz₁ · Σz₂ / n.
      const part = (start: number, length: number) => tf.sum(tf.slice(z, start, length));
      const paths = tf.add(tf.mul(part(at.Ws, n), part(at.As, h)), tf.mul(part(at.Wp, n), part(at.Ap, h)));
      total = tf.add(total, tf.mul(paths, settings.pathReg / n));
    }
    return total;
  }

  /** The parameters with the test-time gates applied (spec shapes): a closed gate zeroes its inputs' weights. */
  gatedParams(p: PhoenixParams): PhoenixParams {
    if (!this.logAlpha) return p;
    const { n, h } = this;
    const at = gateLayout(n, h);
    const la = this.logAlpha.dataSync();
    const z = Float32Array.from(la, (x) => testGate(x));
    const out: PhoenixParams = { ...p, Ws: p.Ws.slice(), Wp: p.Wp.slice(), As: p.As.slice(), Ap: p.Ap.slice() };
    for (let k = 0; k < h; k++) {
      for (let j = 0; j < n; j++) {
        out.Ws[k * n + j] *= z[at.Ws + j];
        out.Wp[k * n + j] *= z[at.Wp + j];
      }
    }
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < h; k++) {
        out.As[i * h + k] *= z[at.As + k];
        out.Ap[i * h + k] *= z[at.Ap + k];
      }
    }
    return out;
  }

  save(): Float32Array | null {
    return this.logAlpha ? Float32Array.from(this.logAlpha.dataSync()) : null;
  }

  restore(logAlpha: Float32Array): void {
    tf.tidy(() => this.logAlpha!.assign(tf.tensor1d(logAlpha)));
  }

  dispose(): void {
    this.logAlpha?.dispose();
  }
}
