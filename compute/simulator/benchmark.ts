import { edgesToMatrix } from '../formats/network-convert';
import { Random } from '../random';
import type { ExpressionData, NamedEdge, Trajectory } from '../types';
import { BENCHMARK_FIELDS, benchmarkNumberSchema, benchmarkTimesSchema, MAX_BENCHMARK_VALUES } from './benchmark-fields';
import { DEFAULT_SIMULATION_TOLERANCES, simulateTrajectory } from './simulate';
import { randomKinetics } from './random-kinetics';
import type { Tolerances } from './integrate';

export interface SyntheticBenchmarkInput {
  /** The benchmark's genes, in the dataset's column order. */
  genes: readonly string[];
  /** Signed regulator → target edges over `genes`; sign 0 (unknown) is simulated as activation, as `dash simulate` does. */
  edges: readonly Pick<NamedEdge, 'regulator' | 'target' | 'sign'>[];
  trajectories: number;
  timePoints: readonly number[];
  /** σ of the Gaussian noise added to every observation. */
  noise: number;
  seed: number;
}

export interface SyntheticBenchmarkProgress {
  trajectoriesDone: number;
  trajectories: number;
}

export interface SyntheticBenchmarkOptions {
  /** After each trajectory; awaited, so a caller may write progress somewhere. */
  onProgress?: (progress: SyntheticBenchmarkProgress) => void | Promise<void>;
  /** Checked between trajectories: true stops with BenchmarkStopped. */
  shouldStop?: () => boolean;
  tolerances?: Tolerances;
}

export interface SyntheticBenchmark {
  /** The observations (clean + noise), in the dataset format. */
  data: ExpressionData;
  /** The true network: every simulated edge with its sign (+1 activation, −1 repression), regulators in gene order. */
  truth: { regulator: string; target: string; sign: 1 | -1 }[];
  /** Genes no edge regulates: they keep their start value. */
  inputGenes: string[];
}

/** Input the benchmark cannot be made from; `field` names the option at fault. */
export class BenchmarkInputError extends Error {
  override name = 'BenchmarkInputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export class BenchmarkStopped extends Error {
  override name = 'BenchmarkStopped';
}

/**
 * A SIM-style benchmark from a signed network: random SIM kinetics per edge (randomKinetics, seeded),
 * every gene starting from U(0, 1) in each trajectory, the network integrated to the time points, and
 * Gaussian noise on top. The random draws are those of `dash simulate` (simulateDataset) in the same
 * order, so the same network, options and seed give the CLI's data exactly. Yields to the event loop
 * between trajectories, so a worker's lease renewals keep running.
 */
export async function simulateBenchmark(input: SyntheticBenchmarkInput, options: SyntheticBenchmarkOptions = {}): Promise<SyntheticBenchmark> {
  const { genes, times } = checkInput(input);
  const { matrix } = edgesToMatrix(input.edges as NamedEdge[], genes);
  const network = randomKinetics(genes, matrix, input.seed);
  const random = new Random(input.seed);
  const n = genes.length;
  const clean: Trajectory[] = [];
  for (let r = 0; r < input.trajectories; r++) {
    if (options.shouldStop?.()) throw new BenchmarkStopped('The benchmark was stopped.');
    const initial = Float64Array.from({ length: n }, () => random.next());
    clean.push(simulateTrajectory(network, initial, times, options.tolerances ?? DEFAULT_SIMULATION_TOLERANCES));
    await options.onProgress?.({ trajectoriesDone: r + 1, trajectories: input.trajectories });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Noise after all trajectories, in the same order as simulateDataset.
  const trajectories = clean.map((t) => ({
    times: [...t.times],
    values: t.values.map((row) => row.map((v) => (v !== null && input.noise > 0 ? v + random.normal(0, input.noise) : v))),
  }));
  const truth = network.edges
    .slice()
    .sort((a, b) => a.regulator - b.regulator || a.target - b.target)
    .map((e) => ({ regulator: genes[e.regulator], target: genes[e.target], sign: e.sign }));
  return {
    data: { genes: [...genes], trajectories },
    truth,
    inputGenes: network.rates.flatMap((rate, i) => (rate === null ? [genes[i]] : [])),
  };
}

function checkInput(input: SyntheticBenchmarkInput): { genes: string[]; times: number[] } {
  const check = <T>(field: string, parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T => {
    if (!parsed.success) throw new BenchmarkInputError(parsed.error.issues[0].message, field);
    return parsed.data;
  };
  check('trajectories', benchmarkNumberSchema('trajectories').safeParse(input.trajectories));
  check('noise', benchmarkNumberSchema('noise').safeParse(input.noise));
  check('seed', benchmarkNumberSchema('seed').safeParse(input.seed));
  const times = check('timePoints', benchmarkTimesSchema().safeParse(input.timePoints));
  const genes = [...input.genes];
  const { min, max } = BENCHMARK_FIELDS.genes;
  if (genes.length < min) throw new BenchmarkInputError(`A benchmark needs at least ${min} genes; the network has ${genes.length}.`, 'genes');
  if (genes.length > max) throw new BenchmarkInputError(`A benchmark has at most ${max} genes; the network has ${genes.length}.`, 'genes');
  if (new Set(genes).size !== genes.length) throw new BenchmarkInputError('Gene names must be unique.', 'genes');
  if (input.edges.length === 0) throw new BenchmarkInputError('The network has no edges to simulate.', 'edges');
  const known = new Set(genes);
  const stray = input.edges.find((e) => !known.has(e.regulator) || !known.has(e.target));
  if (stray) throw new BenchmarkInputError(`The edge ${stray.regulator} → ${stray.target} names a gene outside the benchmark's genes.`, 'edges');
  const values = input.trajectories * times.length * genes.length;
  if (values > MAX_BENCHMARK_VALUES) {
    throw new BenchmarkInputError(
      `${input.trajectories} trajectories × ${times.length} time points × ${genes.length} genes is ${values.toLocaleString('en')} values; a benchmark has at most ${MAX_BENCHMARK_VALUES.toLocaleString('en')}.`,
      'trajectories',
    );
  }
  return { genes, times };
}
