import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend';
import { Random } from '../random';
import { FlatAdam } from './adam';

const groups = [
  { start: 0, length: 70 },
  { start: 70, length: 30 },
];

function randomArray(length: number, random: Random, scale: number): Float32Array {
  return Float32Array.from({ length }, () => scale * (random.next() - 0.5));
}

describe('FlatAdam on the host (the fused step) against the tfjs update', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('gives bit-identical parameters and moments over many steps, mixed with tfjs steps and a save/restore', () => {
    const random = new Random(4);
    const start = randomArray(100, random, 1);
    const device = new FlatAdam(100, groups);
    const host = new FlatAdam(100, groups);
    // A third keeps its parameters and gradient in its own workspace (no copies), as the fused step does.
    const inPlace = new FlatAdam(100, groups);
    const views = inPlace.hostViews();
    views.theta.set(start);
    const theta = tf.variable(tf.tensor1d(start));
    const hostTheta = start.slice();
    const hostVariable = tf.variable(tf.tensor1d(start));
    const before = tf.memory().numTensors;
    for (let step = 0; step < 30; step++) {
      // Gradients spanning many magnitudes, some exactly zero (pruned entries).
      const grad = Float32Array.from(randomArray(100, random, 1), (g, q) => (q % 7 === 0 ? 0 : g * 10 ** -(q % 9)));
      const rates = step < 15 ? [1e-3, 5e-3] : [9e-4, 1e-3];
      tf.tidy(() => device.apply(theta, tf.tensor1d(grad), rates));
      if (step % 10 === 9) {
        // Every tenth step the host run goes through tfjs too, and its state through save/restore.
        tf.tidy(() => hostVariable.assign(tf.tensor1d(hostTheta)));
        tf.tidy(() => host.apply(hostVariable, tf.tensor1d(grad), rates));
        hostTheta.set(hostVariable.dataSync());
        host.restore(host.save());
      } else {
        host.applyHost(hostTheta, grad, rates);
      }
      views.grad.set(grad);
      inPlace.applyHost(views.theta, views.grad, rates);
      expect(Array.from(hostTheta)).toEqual(Array.from(theta.dataSync()));
      expect(Array.from(views.theta)).toEqual(Array.from(hostTheta));
    }
    expect(host.save()).toEqual(device.save());
    expect(inPlace.save()).toEqual(device.save());
    // Each optimiser keeps its learning-rate vector.
    expect(tf.memory().numTensors).toBe(before + 2);
    inPlace.dispose();
    tf.dispose([theta, hostVariable]);
    device.dispose();
    host.dispose();
  });
});
