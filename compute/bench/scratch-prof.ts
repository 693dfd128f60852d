import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../backend';
import { initPhoenixParams } from '../model/init';
import { PhoenixModel, flatLayout, type SolverConfig } from '../model/phoenix';
import { GradientTape } from '../model/rhs';
import { Random } from '../random';
import { FlatAdam } from '../training/adam';
import { pairBatch } from '../training/data';
async function main() {
  await useBackend('wasm');
  const n = Number(process.argv[2]), h = Number(process.argv[3]);
  const random = new Random(1);
  const trajectory = { times: [0, 2, 3, 7, 9], values: [0, 1, 2, 3, 4].map(() => Array.from({ length: n }, () => random.next())) };
  const model = new PhoenixModel(initPhoenixParams(n, h, random));
  const batch = pairBatch([trajectory], n)!;
  const solver: SolverConfig = { method: 'rk4', minSteps: 4, maxRateStep: 1e9 };
  const tape = new GradientTape();
  const at = flatLayout(n, h);
  const adam = new FlatAdam(at.length, [{ start: 0, length: at.v }, { start: at.v, length: n }]);
  const step = () => {
    const { value, grads } = tf.variableGrads(() => model.loss(model.tensors(), batch, solver, tape), [model.theta]);
    tape.release();
    adam.apply(model.theta, grads[model.theta.name], [1e-3, 5e-3]);
    value.dataSync();
    tf.dispose([value, ...Object.values(grads)]);
  };
  step(); step();
  const t0 = performance.now(); for (let i = 0; i < 5; i++) step(); console.log('step ms', (performance.now() - t0) / 5);
  const prof = await tf.profile(step);
  const m = new Map<string, [number, number]>();
  for (const k of prof.kernels) { const e = m.get(k.name) ?? [0, 0]; e[0]++; e[1] += k.kernelTimeMs as number; m.set(k.name, e); }
  console.log([...m.entries()].sort((a, b) => b[1][1] - a[1][1]).slice(0, 10).map(([k, [c, t]]) => `${k} x${c} ${t.toFixed(1)}ms`).join('\n'));
}
main();
