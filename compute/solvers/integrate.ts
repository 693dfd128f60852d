import { rkStep, type OdeFunction } from './stepper';
import type { Tableau } from './tableaux';
import type { VectorOps } from './vector-ops';

/** Integrates from t0 to t1 in `steps` equal steps; returns the state at t1. */
export function integrateFixed<T>(tableau: Tableau, f: OdeFunction<T>, y0: T, t0: number, t1: number, steps: number, ops: VectorOps<T>): T {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const h = (t1 - t0) / steps;
  let y = y0;
  let first: T | undefined;
  for (let s = 0; s < steps; s++) {
    const step = rkStep(tableau, f, t0 + s * h, y, h, ops, first);
    y = step.y;
    first = step.lastStage;
  }
  return y;
}

export interface AdaptiveOptions {
  rtol: number;
  atol: number;
  /** Accepted plus rejected steps allowed before giving up. */
  maxSteps?: number;
  /** Times (in [t0, t1], ascending) at which to report the state; the steps land exactly on them. t1 is always reported. */
  outputTimes?: readonly number[];
  /** First step size; chosen automatically (Hairer, Nørsett & Wanner II.4) when absent. */
  firstStep?: number;
}

export interface AdaptiveResult<T> {
  /** The reported times (outputTimes, then t1 if not among them). */
  times: number[];
  values: T[];
  acceptedSteps: number;
  rejectedSteps: number;
}

const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;

/**
 * Adaptive integration with a tableau that has an embedded error estimate (e.g. dopri5).
 * Steps are clipped so they end exactly at each requested output time.
 */
export function integrateAdaptive<T>(
  tableau: Tableau,
  f: OdeFunction<T>,
  y0: T,
  t0: number,
  t1: number,
  options: AdaptiveOptions,
  ops: VectorOps<T>,
): AdaptiveResult<T> {
  if (!tableau.bHat || !tableau.errorOrder) throw new Error(`${tableau.name} has no embedded error estimate`);
  if (!(t1 > t0)) throw new RangeError(`integrateAdaptive needs t1 > t0 (got ${t0} → ${t1})`);
  const { rtol, atol } = options;
  const maxSteps = options.maxSteps ?? 100_000;
  const targets = outputTargets(options.outputTimes ?? [], t0, t1);
  const exponent = 1 / (Math.min(tableau.order, tableau.errorOrder) + 1);

  const result: AdaptiveResult<T> = { times: [], values: [], acceptedSteps: 0, rejectedSteps: 0 };
  let t = t0;
  let y = y0;
  let fy = f(t0, y0);
  let h = options.firstStep ?? initialStep(tableau, f, t0, y0, fy, rtol, atol, ops);
  let target = 0;
  while (target < targets.length && targets[target] <= t0) {
    result.times.push(t0);
    result.values.push(y0);
    target++;
  }
  while (target < targets.length) {
    if (result.acceptedSteps + result.rejectedSteps >= maxSteps) {
      throw new Error(`${tableau.name}: more than ${maxSteps} steps before t = ${targets[target]} (reached t = ${t})`);
    }
    const goal = targets[target];
    const lands = t + h >= goal - 1e-12 * Math.max(1, Math.abs(goal));
    const stepSize = lands ? goal - t : h;
    const step = rkStep(tableau, f, t, y, stepSize, ops, fy);
    const norm = ops.errorNorm(step.error as T, y, step.y, rtol, atol);
    const factor = norm === 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * norm ** -exponent));
    if (!Number.isFinite(norm)) {
      h = stepSize * MIN_FACTOR;
      result.rejectedSteps++;
      continue;
    }
    if (norm <= 1) {
      t = lands ? goal : t + stepSize;
      y = step.y;
      fy = step.lastStage ?? f(t, y);
      result.acceptedSteps++;
      if (lands) {
        result.times.push(goal);
        result.values.push(y);
        target++;
        // A step shortened to land on an output time says little about the next one: keep the larger.
        h = Math.max(h, stepSize * factor);
      } else {
        h = stepSize * factor;
      }
    } else {
      h = stepSize * Math.min(1, factor);
      result.rejectedSteps++;
    }
  }
  return result;
}

function outputTargets(outputTimes: readonly number[], t0: number, t1: number): number[] {
  for (let i = 0; i < outputTimes.length; i++) {
    const time = outputTimes[i];
    if (!(time >= t0 && time <= t1)) throw new RangeError(`output time ${time} lies outside [${t0}, ${t1}]`);
    if (i > 0 && time < outputTimes[i - 1]) throw new RangeError('output times must be ascending');
  }
  const targets = outputTimes.slice();
  if (targets.length === 0 || targets[targets.length - 1] < t1) targets.push(t1);
  return targets;
}

/** The starting step of Hairer, Nørsett & Wanner (Solving ODEs I, II.4). */
function initialStep<T>(tableau: Tableau, f: OdeFunction<T>, t0: number, y0: T, f0: T, rtol: number, atol: number, ops: VectorOps<T>): number {
  const d0 = ops.errorNorm(y0, y0, y0, rtol, atol);
  const d1 = ops.errorNorm(f0, y0, y0, rtol, atol);
  const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  const y1 = ops.combine(y0, [h0], [f0]);
  const f1 = f(t0 + h0, y1);
  const d2 = ops.errorNorm(ops.combine(f1, [-1], [f0]), y0, y0, rtol, atol) / h0;
  const order = tableau.errorOrder ?? tableau.order;
  const h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** (1 / (order + 1));
  return Math.min(100 * h0, h1);
}
