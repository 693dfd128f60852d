import { Random } from '../random';
import type { SquareMatrix } from '../types';
import type { RateExpr } from './expression';
import type { KineticEdge, KineticNetwork } from './network';

export interface RandomKineticsOptions {
  /** EC50 drawn uniformly from this range (sim350: 0.4–0.6). */
  ec50Range?: [number, number];
  /** Hill coefficient drawn uniformly from this range (sim350: 1.01–1.70). */
  hillRange?: [number, number];
  /** Chance that two regulator terms combine by AND (product) rather than OR (a + b − ab). */
  andProbability?: number;
}

/**
 * Gives any signed network (regulator × target; positive = activation, negative = repression)
 * SIM-style kinetics: per edge a Hill term with random EC50 and n, per target a random AND/OR
 * combination of its regulators' terms R, and dx/dt = R(x) − x. Genes without regulators are inputs.
 * The same seed gives the same kinetics.
 */
export function randomKinetics(genes: readonly string[], network: SquareMatrix, seed: number, options: RandomKineticsOptions = {}): KineticNetwork {
  const n = network.n;
  if (genes.length !== n) throw new RangeError(`randomKinetics: ${genes.length} gene names for a ${n}×${n} network`);
  const [ec50Low, ec50High] = options.ec50Range ?? [0.4, 0.6];
  const [hillLow, hillHigh] = options.hillRange ?? [1.01, 1.7];
  const andProbability = options.andProbability ?? 0.5;
  const random = new Random(seed);

  const edges: KineticEdge[] = [];
  const rates: (RateExpr | null)[] = [];
  for (let target = 0; target < n; target++) {
    const terms: RateExpr[] = [];
    for (let regulator = 0; regulator < n; regulator++) {
      const w = network.data[regulator * n + target];
      if (w === 0) continue;
      const edge: KineticEdge = {
        regulator,
        target,
        sign: w > 0 ? 1 : -1,
        ec50: random.uniform(ec50Low, ec50High),
        hill: random.uniform(hillLow, hillHigh),
      };
      edges.push(edge);
      const hill: RateExpr = { op: 'hill', gene: regulator, ec50: edge.ec50, n: edge.hill };
      terms.push(edge.sign > 0 ? hill : { op: '-', left: { op: 'num', value: 1 }, right: hill });
    }
    if (terms.length === 0) {
      rates.push(null);
      continue;
    }
    const regulation = combine(random.shuffle(terms), random, andProbability);
    rates.push({ op: '-', left: regulation, right: { op: 'gene', gene: target } });
  }
  return { genes: [...genes], rates, edges };
}

/** Joins terms pairwise at random into one AND/OR tree, as the simulator's fuzzy logic does. */
function combine(terms: RateExpr[], random: Random, andProbability: number): RateExpr {
  const pool = terms.slice();
  while (pool.length > 1) {
    const a = pool.splice(random.int(pool.length), 1)[0];
    const b = pool.splice(random.int(pool.length), 1)[0];
    const joined: RateExpr = random.next() < andProbability ? { op: '*', left: a, right: b } : { op: 'or', left: a, right: b };
    pool.push(joined);
  }
  return pool[0];
}
