import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dopri5, euler, float64Ops, integrateAdaptive, integrateFixed, rk4, rkStep, tensorOps } from './index';

const decay = (rate: number) => (_t: number, y: Float64Array) => y.map((v) => -rate * v);
// Harmonic oscillator x'' = -ω²x as (x, v).
const oscillator = (omega: number) => (_t: number, y: Float64Array) => Float64Array.of(y[1], -omega * omega * y[0]);

describe('fixed-step integration', () => {
  it('RK4 solves exponential decay closely', () => {
    const y = integrateFixed(rk4, decay(1.3), Float64Array.of(2, -1), 0, 2, 40, float64Ops);
    expect(y[0]).toBeCloseTo(2 * Math.exp(-2.6), 6);
    expect(y[1]).toBeCloseTo(-Math.exp(-2.6), 6);
  });

  it('RK4 converges with order 4 on the harmonic oscillator', () => {
    const omega = 2;
    const errorAt = (steps: number) => {
      const y = integrateFixed(rk4, oscillator(omega), Float64Array.of(1, 0), 0, 3, steps, float64Ops);
      return Math.hypot(y[0] - Math.cos(omega * 3), y[1] + omega * Math.sin(omega * 3));
    };
    const orders = [20, 40, 80, 160].map((n, i, all) => (i === 0 ? 0 : Math.log2(errorAt(all[i - 1]) / errorAt(n)))).slice(1);
    for (const p of orders) expect(p).toBeGreaterThan(3.8);
    for (const p of orders) expect(p).toBeLessThan(4.3);
  });

  it('Euler converges with order 1 (the stepper honours each tableau)', () => {
    const err = (steps: number) => Math.abs(integrateFixed(euler, decay(1), Float64Array.of(1), 0, 1, steps, float64Ops)[0] - Math.exp(-1));
    expect(Math.log2(err(200) / err(400))).toBeCloseTo(1, 1);
  });

  it('DOPRI5 with fixed steps converges with order 5', () => {
    const err = (steps: number) => {
      const y = integrateFixed(dopri5, oscillator(1), Float64Array.of(1, 0), 0, 4, steps, float64Ops);
      return Math.hypot(y[0] - Math.cos(4), y[1] + Math.sin(4));
    };
    const p = Math.log2(err(20) / err(40));
    expect(p).toBeGreaterThan(4.7);
    expect(p).toBeLessThan(5.5);
  });

  it('rkStep gives the embedded error estimate of DOPRI5, about the size of the true error of the 4th-order solution', () => {
    const step = rkStep(dopri5, decay(1), 0, Float64Array.of(1), 0.5, float64Ops);
    const trueError5 = Math.abs(step.y[0] - Math.exp(-0.5));
    const estimate = Math.abs(step.error![0]);
    expect(estimate).toBeGreaterThan(trueError5);
    expect(estimate).toBeLessThan(1e-4);
    expect(step.lastStage![0]).toBeCloseTo(-step.y[0], 14);
  });
});

describe('adaptive integration', () => {
  it('honours the tolerance on the oscillator and lands on the output times', () => {
    const times = [0.5, 1, 2.5, 7, 10];
    for (const tol of [1e-4, 1e-7, 1e-10]) {
      const r = integrateAdaptive(dopri5, oscillator(1.5), Float64Array.of(1, 0), 0, 10, { rtol: tol, atol: tol }, float64Ops);
      const res = integrateAdaptive(dopri5, oscillator(1.5), Float64Array.of(1, 0), 0, 10, { rtol: tol, atol: tol, outputTimes: times }, float64Ops);
      expect(res.times).toEqual(times);
      res.values.forEach((y, i) => {
        const err = Math.abs(y[0] - Math.cos(1.5 * times[i]));
        // Global error accumulates over the steps: allow a modest multiple of the local tolerance.
        expect(err).toBeLessThan(50 * tol);
      });
      expect(r.values[0][0]).toBeCloseTo(Math.cos(15), -Math.log10(tol) - 2);
    }
  });

  it('takes more steps for tighter tolerances and rejects steps on a stiff start', () => {
    const loose = integrateAdaptive(dopri5, decay(1), Float64Array.of(1), 0, 5, { rtol: 1e-3, atol: 1e-6 }, float64Ops);
    const tight = integrateAdaptive(dopri5, decay(1), Float64Array.of(1), 0, 5, { rtol: 1e-9, atol: 1e-12 }, float64Ops);
    expect(tight.acceptedSteps).toBeGreaterThan(3 * loose.acceptedSteps);
    expect(tight.values[0][0]).toBeCloseTo(Math.exp(-5), 10);
    const fast = integrateAdaptive(dopri5, decay(50), Float64Array.of(1), 0, 1, { rtol: 1e-6, atol: 1e-9, firstStep: 0.5 }, float64Ops);
    expect(fast.rejectedSteps).toBeGreaterThan(0);
    expect(fast.values[0][0]).toBeCloseTo(Math.exp(-50), 8);
  });

  it('stops with a clear error past maxSteps, and checks its arguments', () => {
    expect(() => integrateAdaptive(dopri5, decay(1), Float64Array.of(1), 0, 100, { rtol: 1e-12, atol: 1e-14, maxSteps: 5 }, float64Ops)).toThrow(
      /more than 5 steps/,
    );
    expect(() => integrateAdaptive(rk4, decay(1), Float64Array.of(1), 0, 1, { rtol: 1e-3, atol: 1e-3 }, float64Ops)).toThrow(/no embedded error estimate/);
    expect(() => integrateAdaptive(dopri5, decay(1), Float64Array.of(1), 0, 1, { rtol: 1e-3, atol: 1e-3, outputTimes: [2] }, float64Ops)).toThrow(/outside/);
    expect(() => integrateFixed(rk4, decay(1), Float64Array.of(1), 0, 1, 0, float64Ops)).toThrow(/positive integer/);
  });
});

describe('the same stepper on tensors', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives the Float64Array result (to float32 precision) and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const y = tf.tidy(() => {
      const f = (_t: number, x: tf.Tensor) => tf.neg(tf.mul(x, tf.tensor1d([1, 2])));
      return integrateFixed(rk4, f, tf.tensor1d([1, 1]), 0, 1, 10, tensorOps);
    });
    const values = y.dataSync();
    expect(values[0]).toBeCloseTo(Math.exp(-1), 5);
    expect(values[1]).toBeCloseTo(Math.exp(-2), 5);
    y.dispose();
    const adaptive = tf.tidy(() => {
      const f = (_t: number, x: tf.Tensor) => tf.neg(x);
      return integrateAdaptive(dopri5, f, tf.tensor1d([1]), 0, 2, { rtol: 1e-5, atol: 1e-6 }, tensorOps).values[0];
    });
    expect(adaptive.dataSync()[0]).toBeCloseTo(Math.exp(-2), 5);
    adaptive.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('differentiates through the solver: d/dk of e^{-k} at t = 1', () => {
    const k0 = 0.7;
    const grad = tf.grad((k: tf.Tensor) => integrateFixed(rk4, (_t, x: tf.Tensor) => tf.neg(tf.mul(k, x)), tf.onesLike(k), 0, 1, 20, tensorOps));
    const g = grad(tf.scalar(k0));
    expect(g.dataSync()[0]).toBeCloseTo(-Math.exp(-k0), 5);
    g.dispose();
  });
});
