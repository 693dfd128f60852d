import { Random } from '../random';
import type { ExpressionData, Trajectory } from '../types';
import { integrateAt, type Tolerances } from './integrate';
import { networkDerivative, type KineticNetwork } from './network';

/** Tight enough that solver error stays far below any noise a benchmark adds. */
export const DEFAULT_SIMULATION_TOLERANCES: Tolerances = { rtol: 1e-8, atol: 1e-10 };

/** Integrates the network from `initial` (the state at times[0]) and samples it at `times`. */
export function simulateTrajectory(
  network: KineticNetwork,
  initial: ArrayLike<number>,
  times: readonly number[],
  tolerances: Tolerances = DEFAULT_SIMULATION_TOLERANCES,
): Trajectory {
  if (initial.length !== network.genes.length) {
    throw new RangeError(`simulateTrajectory: ${initial.length} initial values for ${network.genes.length} genes`);
  }
  for (let k = 1; k < times.length; k++) {
    if (!(times[k] >= times[k - 1])) throw new RangeError(`simulateTrajectory: times must not decrease (${times[k - 1]} then ${times[k]})`);
  }
  const states = integrateAt(networkDerivative(network), Float64Array.from(initial), times, tolerances);
  const values = states.map((state) => Array.from(state));
  return { times: [...times], values };
}

export interface SimulateDatasetOptions {
  trajectories: number;
  times: readonly number[];
  seed: number;
  /** σ of Gaussian noise added to every observation of `observed` (0: observed equals clean). */
  noiseStd?: number;
  tolerances?: Tolerances;
}

export interface SimulatedDataset {
  /** Exact (solver-accurate) values. */
  clean: ExpressionData;
  /** clean + N(0, σ²) noise. */
  observed: ExpressionData;
}

/**
 * SIM-style benchmark data (sim350 README): every gene starts from U(0, 1); input genes keep that
 * value (their rate is 0), the others follow the network. Same seed, same data.
 */
export function simulateDataset(network: KineticNetwork, options: SimulateDatasetOptions): SimulatedDataset {
  const random = new Random(options.seed);
  const n = network.genes.length;
  const sigma = options.noiseStd ?? 0;
  const clean: Trajectory[] = [];
  for (let r = 0; r < options.trajectories; r++) {
    const initial = Float64Array.from({ length: n }, () => random.next());
    clean.push(simulateTrajectory(network, initial, options.times, options.tolerances));
  }
  const observed = clean.map((t) => ({
    times: [...t.times],
    values: t.values.map((row) => row.map((v) => (v !== null && sigma > 0 ? v + random.normal(0, sigma) : v))),
  }));
  return {
    clean: { genes: [...network.genes], trajectories: clean },
    observed: { genes: [...network.genes], trajectories: observed },
  };
}
