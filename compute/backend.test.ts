import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from './backend';

describe('backends', () => {
  it('starts wasm and cpu, and names a backend that does not exist', async () => {
    expect(await useBackend('cpu')).toBe('cpu');
    expect(await useBackend('wasm')).toBe('wasm');
    await expect(useBackend('no-such-backend')).rejects.toThrow(/no-such-backend/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('the explicit-transpose MatMul gradient equals the analytic one for every transpose combination', async () => {
    await useBackend('wasm');
    const r = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      for (const [ta, tb] of [
        [false, false],
        [false, true],
        [true, false],
        [true, true],
      ] as const) {
        const a = r(ta ? [5, 3] : [3, 5], 1);
        const b = r(tb ? [4, 5] : [5, 4], 2);
        const g = r([3, 4], 3);
        const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, ta, tb), g)))([a, b]);
        // d/dA of Σ G ⊙ (A·B) is G·Bᵀ (transposed back when A enters transposed); likewise for B.
        const A = ta ? tf.transpose(a) : a;
        const B = tb ? tf.transpose(b) : b;
        const wantA = tf.matMul(g, tf.transpose(B));
        const wantB = tf.matMul(tf.transpose(A), g);
        const maxDiff = (x: tf.Tensor, y: tf.Tensor) => tf.max(tf.abs(tf.sub(x, y))).dataSync()[0];
        expect(maxDiff(da, ta ? tf.transpose(wantA) : wantA)).toBeLessThan(1e-5);
        expect(maxDiff(db, tb ? tf.transpose(wantB) : wantB)).toBeLessThan(1e-5);
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
