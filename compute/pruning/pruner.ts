import type { PhoenixMasks, PhoenixParams } from '../model/params';
import type { Random } from '../random';
import type { PruningStrategy, SquareMatrix } from '../types';
import { STRATEGIES, strategyLambdas as lambdasOf } from '../strategies';
import { decodeFloat64, encodeFloat64 } from '../training/encoding';
import { toSparse, type SparseSquare } from './linalg';
import { ppiFromMatrix, ppiFromPrior, type PpiOperator } from './ppi';
import { combineScores, dataScores, firstLayerPrior, secondLayerPrior } from './scores';
import { pruneLowest } from './select';

/** (λ₁, λ₂) for a strategy, or null when it never prunes (spec §5 table; compute/strategies.ts holds the rule). */
export function strategyLambdas(strategy: PruningStrategy, lambda?: readonly [number, number]): [number, number] | null {
  if (STRATEGIES[strategy].lambda === 'chosen' && !lambda) throw new Error(`strategy '${strategy}' needs lambda (λ1, λ2)`);
  return lambdasOf(strategy, lambda);
}

export interface PruneEvent {
  fraction: number;
  pruned: { Ws: number; Wp: number; As: number; Ap: number };
}

export interface PrunerState {
  /** Current first-layer score matrices (h×n, float64 base64), the S of the next event. */
  sWs: string;
  sWp: string;
}

/**
 * One pruning family (spec §5): score = λ·|prior score| + (1 − λ)·D per matrix, the lowest-scoring
 * fraction of each matrix's kept entries pruned at every event. Keeps the first-layer scores S
 * between events.
 */
export class Pruner {
  readonly lambda: [number, number];
  private readonly n: number;
  private readonly h: number;
  private readonly ppi: PpiOperator | null;
  private readonly absPrior: SparseSquare | null;
  private sWs: Float64Array;
  private sWp: Float64Array;

  constructor(options: { n: number; h: number; lambda: [number, number]; prior: SquareMatrix | null; ppi?: SquareMatrix | null; random: Random }) {
    const { n, h, lambda, prior } = options;
    this.n = n;
    this.h = h;
    this.lambda = lambda;
    const needsPrior = lambda[0] !== 0 || lambda[1] !== 0;
    if (needsPrior && !prior) throw new Error('this pruning strategy uses the prior network, but none was given');
    if (prior && prior.n !== n) throw new Error(`the prior is ${prior.n}×${prior.n}, the data has ${n} genes`);
    if (options.ppi && options.ppi.n !== n) throw new Error(`the PPI is ${options.ppi.n}×${options.ppi.n}, the data has ${n} genes`);
    this.ppi = needsPrior && prior ? (options.ppi ? ppiFromMatrix(options.ppi) : ppiFromPrior(prior)) : null;
    this.absPrior = needsPrior && prior ? toSparse(prior.data, n, Math.abs) : null;
    // Before the first event S is uniform random (reference); drawn only when a prior score uses it.
    const draw = () => {
      const s = new Float64Array(h * n);
      if (needsPrior) for (let k = 0; k < s.length; k++) s[k] = options.random.next();
      return s;
    };
    this.sWs = draw();
    this.sWp = draw();
  }

  /** Scores every prunable matrix of the (masked) parameters and prunes `fraction` of each one's kept entries. */
  prune(params: PhoenixParams, masks: PhoenixMasks, fraction: number): { masks: PhoenixMasks; event: PruneEvent } {
    const { h } = this;
    const [l1, l2] = this.lambda;
    for (const w of [params.Ws, params.Wp, params.As, params.Ap, params.v]) {
      if (!w.every(Number.isFinite)) throw new Error('the model weights are not finite numbers (training diverged; a lower learning rate may help)');
    }
    const d = dataScores(params);
    const scoreWs = combineScores(l1, l1 !== 0 ? firstLayerPrior(this.sWs, h, this.ppi!) : null, d.Ws);
    const scoreWp = combineScores(l1, l1 !== 0 ? firstLayerPrior(this.sWp, h, this.ppi!) : null, d.Wp);
    this.sWs = scoreWs;
    this.sWp = scoreWp;
    // Second layers use the branch's first-layer score just updated (the reference's module order).
    const scoreAs = combineScores(l2, l2 !== 0 ? secondLayerPrior(this.sWs, h, this.absPrior!) : null, d.As);
    const scoreAp = combineScores(l2, l2 !== 0 ? secondLayerPrior(this.sWp, h, this.absPrior!) : null, d.Ap);
    const ws = pruneLowest(masks.Ws, scoreWs, fraction);
    const wp = pruneLowest(masks.Wp, scoreWp, fraction);
    const as = pruneLowest(masks.As, scoreAs, fraction);
    const ap = pruneLowest(masks.Ap, scoreAp, fraction);
    return {
      masks: { Ws: ws.mask, Wp: wp.mask, As: as.mask, Ap: ap.mask },
      event: { fraction, pruned: { Ws: ws.pruned, Wp: wp.pruned, As: as.pruned, Ap: ap.pruned } },
    };
  }

  save(): PrunerState {
    return { sWs: encodeFloat64(this.sWs), sWp: encodeFloat64(this.sWp) };
  }

  restore(state: PrunerState): void {
    this.sWs = decodeFloat64(state.sWs, this.h * this.n);
    this.sWp = decodeFloat64(state.sWp, this.h * this.n);
  }
}
