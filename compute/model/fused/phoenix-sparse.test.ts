import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '@/compute/backend';
import { Random } from '@/compute/random';
import { flatLayout } from '../layout';
import { initPhoenixParams } from '../init';
import { paramsToFlat } from '../phoenix';
import { type FusedBatch, FusedPhoenix } from './phoenix-fused';

function randomBatch(n: number, rows: number, random: Random, missing: boolean): FusedBatch {
  const start = Float32Array.from({ length: rows * n }, () => random.next());
  const target = Float32Array.from({ length: rows * n }, () => random.next());
  const observed = missing ? Float32Array.from({ length: rows * n }, () => (random.next() < 0.2 ? 0 : 1)) : null;
  const dt = Float32Array.from({ length: rows }, () => 0.5 + 3 * random.next());
  const count = observed ? observed.reduce((a, b) => a + b, 0) : rows * n;
  return { rows, start, target, observed, dt, count };
}

/** A flat mask keeping `density` of each weight at random; biases and v always kept. */
function randomMask(n: number, h: number, density: number, random: Random): Float32Array {
  const L = flatLayout(n, h);
  const mask = new Float32Array(L.length).fill(1);
  for (let q = 0; q < L.bs; q++) mask[q] = random.next() < density ? 1 : 0;
  return mask;
}

function relativeError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let q = 0; q < a.length; q++) {
    diff = Math.max(diff, Math.abs(a[q] - b[q]));
    scale = Math.max(scale, Math.abs(b[q]));
  }
  return diff / scale;
}

describe('the fused step with sparse weight products against its dense products', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it.each([
    [37, 10, 3, 2, 0.3, true],
    [41, 7, 4, 4, 0.05, false],
    [23, 9, 6, 3, 0.7, true],
    [350, 40, 4, 4, 0.3, false],
    [130, 17, 9, 2, 0.02, true],
  ])('n %i, h %i, %i rows, %i RK4 steps, %f kept (missing targets: %s)', (n, h, rows, steps, density, missing) => {
    const random = new Random(5);
    const data = flattenParams(n, h, random);
    const mask = randomMask(n, h, density, random);
    const batch = randomBatch(n, rows, random, missing);
    const before = tf.memory().numTensors;
    const dense = new FusedPhoenix(n, h, { sparseBelow: 0 });
    const sparse = new FusedPhoenix(n, h, { sparseBelow: 1.01 });
    const gDense = new Float32Array(data.length);
    const gSparse = new Float32Array(data.length).fill(Number.NaN);
    const lDense = dense.lossAndGradient(data, mask, batch, steps, gDense);
    const lSparse = sparse.lossAndGradient(data, mask, batch, steps, gSparse);
    expect(dense.usesSparse).toBe(false);
    expect(sparse.usesSparse).toBe(true);
    expect(Math.abs(lSparse - lDense) / lDense).toBeLessThan(1e-5);
    expect(relativeError(gSparse, gDense)).toBeLessThan(1e-4);
    for (let q = 0; q < mask.length; q++) if (mask[q] === 0) expect(Object.is(gSparse[q], 0)).toBe(true);
    expect(Math.abs(sparse.loss(data, mask, batch, steps) - lDense) / lDense).toBeLessThan(1e-5);
    const rowsDense = dense.rowSquaredErrors(data, mask, batch, steps);
    const rowsSparse = sparse.rowSquaredErrors(data, mask, batch, steps);
    for (let r = 0; r < rows; r++) expect(Math.abs(rowsSparse[r] - rowsDense[r])).toBeLessThan(1e-5 * Math.max(rowsDense[r], 1e-3));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rebuilds its patterns when the mask changes, and goes dense where the mask keeps too much', () => {
    const n = 29;
    const h = 6;
    const random = new Random(9);
    const data = flattenParams(n, h, random);
    const batch = randomBatch(n, 4, random, false);
    const kernel = new FusedPhoenix(n, h, { sparseBelow: 0.5 });
    const reference = new FusedPhoenix(n, h, { sparseBelow: 0 });
    const grad = new Float32Array(data.length);
    const expected = new Float32Array(data.length);
    for (const density of [0.9, 0.3, 0.1]) {
      const mask = randomMask(n, h, density, random);
      const loss = kernel.lossAndGradient(data, mask, batch, 2, grad);
      expect(kernel.usesSparse).toBe(density < 0.5);
      const want = reference.lossAndGradient(data, mask, batch, 2, expected);
      expect(Math.abs(loss - want) / want).toBeLessThan(1e-5);
      expect(relativeError(grad, expected)).toBeLessThan(1e-4);
    }
    kernel.lossAndGradient(data, null, batch, 2, grad);
    expect(kernel.usesSparse).toBe(false);
    // By default a model as small as SIM350 stays dense at any density: there the dense products pay.
    const small = new FusedPhoenix(n, h);
    small.lossAndGradient(data, randomMask(n, h, 0.05, random), batch, 2, grad);
    expect(small.usesSparse).toBe(false);
  });
});

/** The model's initialisation in the flat layout, every entry moved a little so no weight or bias is zero. */
function flattenParams(n: number, h: number, random: Random): Float32Array {
  const out = paramsToFlat(initPhoenixParams(n, h, random));
  for (let q = 0; q < out.length; q++) out[q] += 0.2 * (random.next() - 0.5);
  return out;
}
