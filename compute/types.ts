/**
 * The in-memory forms every compute module shares. Genes are indexed in the order of the data file.
 */

/** One time series: `values[k][g]` is gene g at `times[k]`; null marks a missing observation. */
export interface Trajectory {
  times: number[];
  values: (number | null)[][];
}

export interface ExpressionData {
  genes: string[];
  trajectories: Trajectory[];
}

/** Dense row-major n×n matrix: entry [i*n + j] concerns regulator i → target j. */
export interface SquareMatrix {
  n: number;
  data: Float64Array;
}

/** A signed regulator → target edge by gene name. */
export interface NamedEdge {
  regulator: string;
  target: string;
  /** +1 activation, −1 repression, 0 unknown. */
  sign: number;
  weight?: number;
  evidence?: string;
}

/** A strategy of compute's registry (strategies.ts). */
export type PruningStrategy = import('./strategies').StrategyId;
