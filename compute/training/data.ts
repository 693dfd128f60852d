import { maxOf } from '../extent';
import * as tf from '@tensorflow/tfjs';
import type { PairBatch } from '../model/phoenix';
import type { Random } from '../random';
import type { ExpressionData, Trajectory } from '../types';

/**
 * Which trajectories validate (spec §3): round(fraction · T) of them, at least one when T ≥ 2 and the
 * fraction is positive, never all; chosen at random with the run's stream.
 */
export function splitTrajectories(count: number, fraction: number, random: Random): { train: number[]; validation: number[] } {
  let k = Math.round(fraction * count);
  if (fraction > 0 && count >= 2) k = Math.min(Math.max(k, 1), count - 1);
  if (count < 2) k = 0;
  const order = random.shuffle(Array.from({ length: count }, (_, i) => i));
  const validation = order.slice(0, k).sort((a, b) => a - b);
  const train = order.slice(k).sort((a, b) => a - b);
  return { train, validation };
}

/** A copy with N(0, σ²) added to every observed value (the synthetic benchmarks' measurement noise). */
export function addNoise(t: Trajectory, sigma: number, random: Random): Trajectory {
  if (sigma === 0) return t;
  return {
    times: t.times.slice(),
    values: t.values.map((row) => row.map((x) => (x === null ? null : x + random.normal(0, sigma)))),
  };
}

/**
 * The one-step-ahead pairs (t_k → t_{k+1}) of some trajectories as one batch. A pair needs a fully
 * observed start and an increasing time; missing target entries are left out of the loss.
 */
export function pairBatch(trajectories: readonly Trajectory[], n: number): PairBatch | null {
  const start: number[] = [];
  const target: number[] = [];
  const observed: number[] = [];
  const dt: number[] = [];
  let missing = false;
  let count = 0;
  const groups: { rows: number; count: number }[] = [];
  for (const t of trajectories) {
    const rowsBefore = dt.length;
    const countBefore = count;
    for (let k = 0; k + 1 < t.times.length; k++) {
      const gap = t.times[k + 1] - t.times[k];
      const from = t.values[k];
      const to = t.values[k + 1];
      if (!(gap > 0) || from.length !== n || to.length !== n || from.some((x) => x === null)) continue;
      if (to.every((x) => x === null)) continue;
      for (let g = 0; g < n; g++) {
        start.push(from[g] as number);
        const y = to[g];
        target.push(y ?? 0);
        observed.push(y === null ? 0 : 1);
        if (y === null) missing = true;
        else count++;
      }
      dt.push(gap);
    }
    if (dt.length > rowsBefore) groups.push({ rows: dt.length - rowsBefore, count: count - countBefore });
  }
  const rows = dt.length;
  if (rows === 0) return null;
  return {
    start: tf.tensor2d(start, [rows, n]),
    target: tf.tensor2d(target, [rows, n]),
    observed: missing ? tf.tensor2d(observed, [rows, n]) : null,
    dt: tf.tensor2d(dt, [rows, 1]),
    rows,
    maxDt: maxOf(dt),
    count,
    groups,
  };
}

export function disposeBatch(b: PairBatch | null): void {
  if (!b) return;
  b.start.dispose();
  b.target.dispose();
  b.observed?.dispose();
  b.dt.dispose();
}

export function checkExpressionData(data: ExpressionData, what: string): void {
  const n = data.genes.length;
  if (n === 0) throw new Error(`${what}: no genes`);
  data.trajectories.forEach((t, i) => {
    if (t.values.length !== t.times.length) throw new Error(`${what}: trajectory ${i + 1} has ${t.times.length} times but ${t.values.length} observations`);
    t.values.forEach((row, k) => {
      if (row.length !== n) throw new Error(`${what}: trajectory ${i + 1}, time ${k + 1} has ${row.length} values for ${n} genes`);
      row.forEach((x, g) => {
        if (x !== null && !Number.isFinite(x)) throw new Error(`${what}: trajectory ${i + 1}, time ${k + 1}, gene ${data.genes[g]} is not a finite number`);
      });
    });
  });
}
