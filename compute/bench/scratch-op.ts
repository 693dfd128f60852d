import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../backend';
async function main() {
  await useBackend(process.argv[2] ?? 'wasm');
  const a = tf.randomNormal([4, 350]);
  const w = tf.randomNormal([350, 40]);
  const run = (label: string, fn: (x: tf.Tensor) => tf.Tensor, n = 2000) => {
    tf.tidy(() => { let x = a; for (let i = 0; i < 100; i++) x = fn(x); });
    const t0 = performance.now();
    tf.tidy(() => { let x = a; for (let i = 0; i < n; i++) x = fn(x); });
    console.log(label, ((performance.now() - t0) / n * 1000).toFixed(2), 'us/op');
  };
  run('add', (x) => tf.add(x, a));
  run('mul scalar', (x) => tf.mul(x, 0.5));
  run('abs', (x) => tf.abs(x));
  run('exp', (x) => tf.exp(tf.mul(x, 0)));
  run('mm+mmT', (x) => tf.matMul(tf.matMul(x, w), w, false, true), 1000);
  console.log(tf.memory().numTensors);
}
main();
