import type { SquareMatrix } from '../types';
import { compileRate, type RateExpr } from './expression';

export interface KineticEdge {
  regulator: number;
  target: number;
  /** +1 activation, −1 repression. */
  sign: 1 | -1;
  ec50: number;
  /** Hill coefficient n. */
  hill: number;
}

/** A network with kinetics: each non-input gene has dx/dt = rate(x) (= R(x) − x); input genes stay constant. */
export interface KineticNetwork {
  genes: string[];
  /** null marks an input gene. */
  rates: (RateExpr | null)[];
  edges: KineticEdge[];
}

/** The signed regulator × target matrix of the network's edges. */
export function truthMatrix(network: KineticNetwork): SquareMatrix {
  const n = network.genes.length;
  const data = new Float64Array(n * n);
  for (const e of network.edges) data[e.regulator * n + e.target] = e.sign;
  return { n, data };
}

export function inputGenes(network: KineticNetwork): number[] {
  return network.rates.flatMap((r, i) => (r === null ? [i] : []));
}

/** dy/dt for the whole network, as a fresh array (the shared solver's calling convention). */
export function networkDerivative(network: KineticNetwork): (t: number, y: Float64Array) => Float64Array {
  const compiled = network.rates.map((r) => (r === null ? null : compileRate(r)));
  return (_t, y) => {
    const dy = new Float64Array(compiled.length);
    for (let i = 0; i < compiled.length; i++) {
      const f = compiled[i];
      if (f !== null) dy[i] = f(y);
    }
    return dy;
  };
}
