import * as tf from '@tensorflow/tfjs';

/**
 * Keeps the forward-pass tensors a hand-written gradient needs, past the tidy scopes of the forward
 * pass, and frees them together once the optimiser step is done.
 */
export class GradientTape {
  private kept: tf.Tensor[] = [];

  keep<T extends tf.Tensor>(t: T): T {
    this.kept.push(tf.keep(t));
    return t;
  }

  release(): void {
    tf.dispose(this.kept);
    this.kept = [];
  }
}

/** The forward-pass weights, plus their transposes for the backward pass (made once per loss evaluation). */
export interface RhsWeights {
  WsT: tf.Tensor2D;
  WpT: tf.Tensor2D;
  A2: tf.Tensor2D;
  bs: tf.Tensor2D;
  bp: tf.Tensor2D;
  /** W_s, W_p (h×n) and A2ᵀ (n×2h): for the input gradients. */
  Ws: tf.Tensor2D;
  Wp: tf.Tensor2D;
  A2T: tf.Tensor2D;
}

export function rhsWeights(w: { WsT: tf.Tensor2D; WpT: tf.Tensor2D; A2: tf.Tensor2D; bs: tf.Tensor2D; bp: tf.Tensor2D }, tape: GradientTape): RhsWeights {
  return { ...w, Ws: tape.keep(tf.transpose(w.WsT)), Wp: tape.keep(tf.transpose(w.WpT)), A2T: tape.keep(tf.transpose(w.A2)) };
}

/** What one right-hand-side evaluation leaves for its backward pass. */
export interface RhsRecord {
  /** 1 + |y − 0.5| */
  d: tf.Tensor2D;
  /** softsign(y − 0.5) */
  s: tf.Tensor2D;
  /** log1p(s) */
  l: tf.Tensor2D;
  prods: tf.Tensor2D;
  /** [sums, prods] (B×2h) */
  hidden: tf.Tensor2D;
  /** joint(y) − y */
  gap: tf.Tensor2D;
}

/** f(y) = rate ⊙ (joint(y) − y), keeping what the backward pass needs on the tape. */
export function rhsForward(w: RhsWeights, y: tf.Tensor, rate: tf.Tensor, tape: GradientTape): { value: tf.Tensor2D; record: RhsRecord } {
  const x = tf.sub(y, 0.5);
  const d = tape.keep(tf.add(tf.abs(x), 1) as tf.Tensor2D);
  const s = tape.keep(tf.div(x, d) as tf.Tensor2D);
  const l = tape.keep(tf.log1p(s) as tf.Tensor2D);
  const sums = tf.add(tf.matMul(s, w.WsT), w.bs);
  const prods = tape.keep(tf.exp(tf.add(tf.matMul(l, w.WpT), w.bp)) as tf.Tensor2D);
  const hidden = tape.keep(tf.concat([sums, prods], 1) as tf.Tensor2D);
  const gap = tape.keep(tf.sub(tf.matMul(hidden, w.A2), y) as tf.Tensor2D);
  return { value: tf.mul(rate, gap) as tf.Tensor2D, record: { d, s, l, prods, hidden, gap } };
}

/** The parts of one evaluation's vector–Jacobian product with cotangent c: the input gradient and the pieces of the weight gradients. */
export interface RhsCotangents {
  /** ∂⟨c, f⟩/∂y (null when not asked for) */
  dy: tf.Tensor | null;
  /** c ⊙ rate: the cotangent of joint */
  gj: tf.Tensor2D;
  dSums: tf.Tensor2D;
  dZp: tf.Tensor2D;
}

export function rhsBackward(w: RhsWeights, r: RhsRecord, rate: tf.Tensor, c: tf.Tensor, inputGradient = true): RhsCotangents {
  const h = w.bs.shape[1];
  const gj = tf.mul(c, rate) as tf.Tensor2D;
  const [dSums, dProds] = tf.split(tf.matMul(gj, w.A2T), [h, h], 1) as tf.Tensor2D[];
  const dZp = tf.mul(dProds, r.prods) as tf.Tensor2D;
  if (!inputGradient) return { dy: null, gj, dSums, dZp };
  const ds = tf.add(tf.matMul(dSums, w.Ws), tf.div(tf.matMul(dZp, w.Wp), tf.add(r.s, 1)));
  const dy = tf.sub(tf.div(ds, tf.square(r.d)), gj);
  return { dy, gj, dSums, dZp };
}

/** Column sums of a 2-D tensor as a 1×c matmul (wasm reduces along axis 0 through a slow transpose). */
function columnSums(x: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(tf.ones([1, x.shape[0]]), x);
}

/** Weight gradients summed over many evaluations at once: one matmul per weight for all of them. */
export function weightGradients(records: RhsRecord[], cots: RhsCotangents[], cs: tf.Tensor[]) {
  const rows = (ts: tf.Tensor[]) => (ts.length === 1 ? ts[0] : tf.concat(ts, 0)) as tf.Tensor2D;
  const S = rows(records.map((r) => r.s));
  const L = rows(records.map((r) => r.l));
  const H = rows(records.map((r) => r.hidden));
  const DS = rows(cots.map((c) => c.dSums));
  const DZ = rows(cots.map((c) => c.dZp));
  const GJ = rows(cots.map((c) => c.gj));
  const [b, n] = records[0].gap.shape;
  const e = records.length;
  const gapC = tf.mul(rows(cs), rows(records.map((r) => r.gap)));
  return {
    dWsT: tf.matMul(tf.transpose(S), DS),
    dWpT: tf.matMul(tf.transpose(L), DZ),
    dA2: tf.matMul(tf.transpose(H), GJ),
    dbs: columnSums(DS),
    dbp: columnSums(DZ),
    dRate: e === 1 ? gapC : tf.reshape(columnSums(tf.reshape(gapC, [e, b * n])), [b, n]),
  };
}

/**
 * f(y) = rate ⊙ (joint(y) − y) as one op with its vector–Jacobian product written out by hand
 * (about 20 ops instead of ~80 generic autodiff records); used under the adaptive solver.
 */
export function rhsWithGradient(w: RhsWeights, tape: GradientTape): (y: tf.Tensor, rate: tf.Tensor) => tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [y, rate] = args as tf.Tensor2D[];
    const { value, record } = rhsForward(w, y, rate, tape);
    return {
      value,
      gradFunc: (c: tf.Tensor) => {
        const cot = rhsBackward(w, record, rate, c);
        const g = weightGradients([record], [cot], [c]);
        return [cot.dy!, g.dRate, g.dWsT, g.dWpT, g.dA2, g.dbs, g.dbp];
      },
    };
  });
  return (y, rate) => op(y, tape.keep(rate), w.WsT, w.WpT, w.A2, w.bs, w.bp);
}

/**
 * Classic RK4 from τ = 0 to 1 in `steps` steps of dy/dτ = rate ⊙ (joint(y) − y), as one op whose
 * backward pass is the exact discrete adjoint of those steps: the stage cotangents run backwards
 * through the hand-written right-hand-side gradient, and the weight gradients of all 4·steps
 * evaluations come out of one matmul per weight at the end.
 */
export function rk4WithAdjoint(w: RhsWeights, steps: number, tape: GradientTape): (y0: tf.Tensor, rate: tf.Tensor) => tf.Tensor {
  const h = 1 / steps;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [y0, rate] = args as tf.Tensor2D[];
    const records: RhsRecord[] = [];
    let y: tf.Tensor = y0;
    const f = (u: tf.Tensor) => {
      const { value, record } = rhsForward(w, u, rate, tape);
      records.push(record);
      return value;
    };
    for (let k = 0; k < steps; k++) {
      const k1 = f(y);
      const k2 = f(tf.add(y, tf.mul(k1, h / 2)));
      const k3 = f(tf.add(y, tf.mul(k2, h / 2)));
      const k4 = f(tf.add(y, tf.mul(k3, h)));
      y = tf.addN([y, tf.mul(tf.add(k1, k4), h / 6), tf.mul(tf.add(k2, k3), h / 3)]);
    }
    return {
      value: y,
      gradFunc: (dyOut: tf.Tensor) => {
        const cots: RhsCotangents[] = new Array(records.length);
        const cs: tf.Tensor[] = new Array(records.length);
        const vjp = (e: number, c: tf.Tensor) => {
          cs[e] = c;
          cots[e] = rhsBackward(w, records[e], rate, c);
          return cots[e].dy!;
        };
        let a: tf.Tensor = dyOut;
        for (let k = steps - 1; k >= 0; k--) {
          const e = 4 * k;
          const c1 = tf.mul(a, h / 6);
          const c2 = tf.mul(a, h / 3);
          const u4 = vjp(e + 3, c1);
          const u3 = vjp(e + 2, tf.add(c2, tf.mul(u4, h)));
          const u2 = vjp(e + 1, tf.add(c2, tf.mul(u3, h / 2)));
          const u1 = vjp(e, tf.add(c1, tf.mul(u2, h / 2)));
          a = tf.addN([a, u4, u3, u2, u1]);
        }
        const g = weightGradients(records, cots, cs);
        return [a, g.dRate, g.dWsT, g.dWpT, g.dA2, g.dbs, g.dbp];
      },
    };
  });
  return (y0, rate) => op(y0, tape.keep(rate), w.WsT, w.WpT, w.A2, w.bs, w.bp);
}
