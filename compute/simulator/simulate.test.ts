import { describe, expect, it } from 'vitest';
import { loadSim350Network, readSim350File } from '../fixtures/sim350';
import { parseTrajectoryCsv } from '../formats/trajectory-csv';
import { compileRate } from './expression';
import { randomKinetics } from './random-kinetics';
import { parseOdeEquations } from './sim-files';
import { simulateDataset, simulateTrajectory } from './simulate';
import { writeOdeEquations } from './write-sim-files';

describe('simulateTrajectory', () => {
  it('matches the closed form for one activated gene: dx/dt = c − x with a constant input', () => {
    // A input at 1 → fAct(1) = 1, so x_B(t) = 1 − (1 − x0) e^{−t}.
    const network = parseOdeEquations('node,eqn\nA,input gene\nB,"fAct(A, 0.5, 1.3) - B"\n');
    const trajectory = simulateTrajectory(network, [1, 0.2], [0, 0.5, 2]);
    expect(trajectory.values[1][1]).toBeCloseTo(1 - 0.8 * Math.exp(-0.5), 8);
    expect(trajectory.values[2][1]).toBeCloseTo(1 - 0.8 * Math.exp(-2), 8);
    expect(trajectory.values.map((row) => row[0])).toEqual([1, 1, 1]);
  });

  /*
   * The sim350 test set: each trajectory started from its t = 0 values must reproduce the later
   * columns. The README reports 1.3e-6 for LSODA at rtol 1e-10 (the data's own generation error);
   * dopri5 reaches the same 1.3e-6 already at rtol 1e-6 (the floor is the data's), so 1e-5 is a
   * tolerance with margin that is still 2,500 times smaller than the benchmark's noise (σ = 0.025)
   * and would catch any wrong term.
   */
  it('reproduces the sim350 test trajectories from their t = 0 values', () => {
    const network = loadSim350Network();
    const test = parseTrajectoryCsv(readSim350File('test_10traj.csv.gz'), network.genes);
    let maxError = 0;
    for (const trajectory of test.trajectories) {
      const simulated = simulateTrajectory(network, trajectory.values[0] as number[], trajectory.times, { rtol: 1e-6, atol: 1e-8 });
      for (let k = 1; k < trajectory.times.length; k++) {
        for (let g = 0; g < network.genes.length; g++) {
          maxError = Math.max(maxError, Math.abs((simulated.values[k][g] as number) - (trajectory.values[k][g] as number)));
        }
      }
    }
    expect(maxError).toBeLessThan(1e-5);
  });
});

describe('simulateDataset', () => {
  const genes = ['A', 'B', 'C', 'D'];
  const signed = { n: 4, data: Float64Array.from([0, 1, -1, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0]) };
  const network = randomKinetics(genes, signed, 1);

  it('is reproducible from its seed, keeps inputs constant and stays in [0, 1]', () => {
    const a = simulateDataset(network, { trajectories: 3, times: [0, 1, 4], seed: 9 });
    expect(simulateDataset(network, { trajectories: 3, times: [0, 1, 4], seed: 9 })).toEqual(a);
    expect(simulateDataset(network, { trajectories: 3, times: [0, 1, 4], seed: 10 }).clean).not.toEqual(a.clean);
    for (const t of a.clean.trajectories) {
      expect(new Set(t.values.map((row) => row[0])).size).toBe(1);
      const levels = t.values.flat() as number[];
      expect(Math.min(...levels)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...levels)).toBeLessThanOrEqual(1);
    }
    expect(a.observed).toEqual(a.clean);
  });

  it('adds Gaussian noise of the requested σ to the observations only', () => {
    const { clean, observed } = simulateDataset(network, { trajectories: 200, times: [0, 1, 2, 3, 4], seed: 2, noiseStd: 0.05 });
    const residuals = observed.trajectories.flatMap((t, r) =>
      t.values.flatMap((row, k) => row.map((v, g) => (v as number) - (clean.trajectories[r].values[k][g] as number))),
    );
    const mean = residuals.reduce((s, x) => s + x, 0) / residuals.length;
    const std = Math.sqrt(residuals.reduce((s, x) => s + (x - mean) ** 2, 0) / residuals.length);
    // 4,000 draws: the sample σ is within ~2% of 0.05 and the mean within ~0.002 of 0 (4 standard errors).
    expect(std).toBeGreaterThan(0.048);
    expect(std).toBeLessThan(0.052);
    expect(Math.abs(mean)).toBeLessThan(0.0032);
  });
});

describe('writeOdeEquations', () => {
  it('writes equations that parse back to the same rates, for random kinetics and odd gene names', () => {
    const genes = ['A', 'HLA-B', 'C'];
    const network = randomKinetics(genes, { n: 3, data: Float64Array.from([0, 1, -1, 0, 0, 1, 0, 0, 0]) }, 4);
    const again = parseOdeEquations(writeOdeEquations(network), genes);
    expect(again.edges).toEqual(network.edges);
    const x = Float64Array.from([0.3, 0.6, 0.2]);
    network.rates.forEach((rate, i) => {
      const other = again.rates[i];
      if (rate === null || other === null) return expect(other).toBe(rate);
      expect(compileRate(other)(x)).toBeCloseTo(compileRate(rate)(x), 14);
    });
  });
});
