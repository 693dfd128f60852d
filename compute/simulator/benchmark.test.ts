import { describe, expect, it } from 'vitest';
import { edgesToMatrix } from '../formats/network-convert';
import { BenchmarkInputError, BenchmarkStopped, simulateBenchmark, type SyntheticBenchmarkInput } from './benchmark';
import { benchmarkFieldHint, BENCHMARK_FIELDS } from './benchmark-fields';
import { randomKinetics } from './random-kinetics';
import { simulateDataset } from './simulate';

const small: SyntheticBenchmarkInput = {
  genes: ['A', 'B', 'C', 'D'],
  edges: [
    { regulator: 'A', target: 'B', sign: 1 },
    { regulator: 'B', target: 'C', sign: -1 },
    { regulator: 'A', target: 'C', sign: 1 },
    { regulator: 'C', target: 'D', sign: 0 },
  ],
  trajectories: 6,
  timePoints: [0, 1, 2.5, 4],
  noise: 0.05,
  seed: 11,
};

describe('simulateBenchmark', () => {
  it('gives identical output for the same seed, and different output for another', async () => {
    const a = await simulateBenchmark(small);
    const b = await simulateBenchmark(small);
    expect(b).toEqual(a);
    const c = await simulateBenchmark({ ...small, seed: 12 });
    expect(c.data.trajectories[0].values).not.toEqual(a.data.trajectories[0].values);
  });

  it('draws exactly what `dash simulate` draws for the same network and seed', async () => {
    const result = await simulateBenchmark(small);
    const network = randomKinetics(small.genes, edgesToMatrix(small.edges as never, small.genes).matrix, small.seed);
    const cli = simulateDataset(network, { trajectories: small.trajectories, times: small.timePoints, seed: small.seed, noiseStd: small.noise });
    expect(result.data).toEqual(cli.observed);
  });

  it('returns the dataset shape and the true network with signs (unknown sign simulated as activation)', async () => {
    const result = await simulateBenchmark(small);
    expect(result.data.genes).toEqual(['A', 'B', 'C', 'D']);
    expect(result.data.trajectories).toHaveLength(6);
    for (const t of result.data.trajectories) {
      expect(t.times).toEqual([0, 1, 2.5, 4]);
      expect(t.values.every((row) => row.length === 4 && row.every((v) => Number.isFinite(v)))).toBe(true);
    }
    expect(result.truth).toEqual([
      { regulator: 'A', target: 'B', sign: 1 },
      { regulator: 'A', target: 'C', sign: 1 },
      { regulator: 'B', target: 'C', sign: -1 },
      { regulator: 'C', target: 'D', sign: 1 },
    ]);
    expect(result.inputGenes).toEqual(['A']);
  });

  it('one activator edge: the input stays put and the target rises towards 1 where the regulator is high, falls where it is low', async () => {
    const result = await simulateBenchmark({
      genes: ['R', 'T'],
      edges: [{ regulator: 'R', target: 'T', sign: 1 }],
      trajectories: 40,
      timePoints: [0, 10],
      noise: 0,
      seed: 3,
    });
    let high = 0;
    let low = 0;
    for (const { values } of result.data.trajectories) {
      const [r0, t0] = values[0] as number[];
      const [r1, t1] = values[1] as number[];
      expect(r1).toBe(r0); // an input gene keeps its start value
      // dx/dt = hill(R) − T settles at hill(R): near 1 for R well above the EC50 (0.4–0.6), near 0 well below.
      if (r0 > 0.85) {
        expect(t1).toBeGreaterThan(0.6);
        if (t0 < 0.6) expect(t1).toBeGreaterThan(t0); // it rose
        high++;
      }
      if (r0 < 0.15) {
        expect(t1).toBeLessThan(0.15);
        low++;
      }
    }
    expect(high).toBeGreaterThan(0);
    expect(low).toBeGreaterThan(0);
  });

  it('adds Gaussian noise of the chosen σ', async () => {
    const input = { ...small, trajectories: 200, noise: 0 };
    const clean = await simulateBenchmark(input);
    const noisy = await simulateBenchmark({ ...input, noise: 0.1 });
    const diffs = clean.data.trajectories.flatMap((t, r) =>
      t.values.flatMap((row, k) => row.map((v, g) => (noisy.data.trajectories[r].values[k][g] as number) - (v as number))),
    );
    const sd = Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });

  it('reports progress after each trajectory and stops when asked', async () => {
    const seen: number[] = [];
    await simulateBenchmark(small, { onProgress: (p) => void seen.push(p.trajectoriesDone) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    let calls = 0;
    await expect(simulateBenchmark(small, { shouldStop: () => ++calls > 2 })).rejects.toBeInstanceOf(BenchmarkStopped);
  });

  it.each([
    [{ noise: Number.NaN }, 'noise', /Noise σ must be a number/],
    [{ noise: -0.1 }, 'noise', /cannot be negative/],
    [{ trajectories: 0 }, 'trajectories', /at least 1/],
    [{ trajectories: 2.5 }, 'trajectories', /whole number/],
    [{ timePoints: [0, 2, 1] }, 'timePoints', /must increase/],
    [{ timePoints: [0] }, 'timePoints', /at least 2/],
    [{ edges: [] }, 'edges', /no edges/],
    [{ edges: [{ regulator: 'A', target: 'Z', sign: 1 }] }, 'edges', /A → Z/],
    [{ genes: Array.from({ length: BENCHMARK_FIELDS.genes.max + 1 }, (_, i) => `G${i}`) }, 'genes', /at most 2000 genes/],
    [
      {
        trajectories: 1000,
        timePoints: Array.from({ length: 100 }, (_, i) => i),
        genes: Array.from({ length: 60 }, (_, i) => `G${i}`),
        edges: [{ regulator: 'G0', target: 'G1', sign: 1 }],
      },
      'trajectories',
      /at most 5,000,000/,
    ],
  ])('refuses %o on %s', async (change, field, message) => {
    const error = await simulateBenchmark({ ...small, ...change } as SyntheticBenchmarkInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BenchmarkInputError);
    expect((error as BenchmarkInputError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });

  it('hints read from the field table', () => {
    expect(benchmarkFieldHint('trajectories')).toBe('1 to 1,000; default 150');
    expect(benchmarkFieldHint('timePoints')).toBe('2 to 100 increasing times; default 0, 2, 3, 7, 9');
  });
});
