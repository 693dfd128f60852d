import { loadSim350 } from '../fixtures/sim350';
import { train } from '../training/trainer';
import { defaultTrainConfig } from '../training/config';
import { scoreNetwork } from '../metrics';
async function main() {
  const sim = loadSim350();
  const epochs = Number(process.argv[2] ?? 2);
  const solver = (process.argv[3] ?? 'rk4') as 'rk4' | 'dopri5';
  const r = await train({
    data: sim.data, prior: sim.prior, test: sim.test,
    config: defaultTrainConfig({ epochs, noiseStd: 0.025, solver, backend: process.argv[4] ?? 'wasm' }),
    callbacks: { onEpoch: (e) => console.log(JSON.stringify(e)) },
  });
  console.log(r.summary, r.profile);
  const s = scoreNetwork(r.effects, sim.truth);
  console.log({ ba: s.balancedAccuracy, bar: s.balancedAccuracyRegulators, auroc: s.auroc });
}
main();
