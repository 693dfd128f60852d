/**
 * `npm run precompute-demo`: trains the demo project's finished runs once, offline, with the real compute
 * engine, and writes them to compute/fixtures/demo-runs/<id>.json.gz (committed). The demo seed inserts
 * them as finished runs so a newcomer sees results at once instead of waiting hours for 200 epochs.
 *
 *   npm run precompute-demo                      # both runs, the paper's synthetic setting
 *   npm run precompute-demo -- --only dash       # one of them
 *   npm run precompute-demo -- --group replicates --backend wasm-fused   # the replicate group's seeds (with level networks)
 *   npm run precompute-demo -- --backend cpu     # another TensorFlow.js backend
 *   npm run precompute-demo -- --epochs 2 --out /tmp/demo-runs   # a quick trial that leaves the committed files alone
 *
 * The configuration is exactly what the launch form's "Synthetic (paper)" preset gives (server/runs/config.ts),
 * on the same inputs the seed stores (SIM350: 150 train/val + 10 test trajectories, prior at 5% noise),
 * so relaunching a demo run in the app repeats it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LevelEffectsRecorder, type PhoenixParams, type SparseEffects } from '@/compute';
import { CliUsageError, loadSim350, numeric, parseCliArgs, train } from '@/compute/train';
import { codeVersion } from '@/server/runs/code-version';
import { buildRunConfig, resolvePreset } from '@/server/runs/config';
import { DEMO_RUNS, DEMO_RUNS_DIR, decodeLevel, encodeLevel, writeDemoRunFile, type DemoLevelFile, type DemoRunFile } from '@/server/demo/demo-runs';

const USAGE = `Usage: npm run precompute-demo -- [--only ${DEMO_RUNS.map((r) => r.id).join('|')} | --group replicates] [--backend wasm] [--epochs N --out DIR]
  Trains the demo project's runs and writes them to ${path.relative(process.cwd(), DEMO_RUNS_DIR)} (or --out).`;

// Strict, because a misspelt flag (say --epoch 2) would otherwise train for hours and overwrite the committed runs.
const argsSchema = z
  .object({
    only: z.enum(DEMO_RUNS.map((r) => r.id) as [string, ...string[]]).optional(),
    group: z.literal('replicates').optional(),
    backend: z.string().min(1).default('wasm'),
    epochs: numeric('epochs').pipe(z.number().int().min(1)).optional(),
    out: z.string().min(1).optional(),
  })
  .refine((a) => a.epochs === undefined || a.out !== undefined, {
    message: 'a shortened trial (--epochs) needs --out, so that it leaves the committed runs alone',
    path: ['out'],
  });
const OPTIONS = {
  only: { type: 'string' },
  group: { type: 'string' },
  backend: { type: 'string' },
  epochs: { type: 'string' },
  out: { type: 'string' },
} as const;

async function main(): Promise<void> {
  const { only, group, backend, epochs, out } = parseCliArgs(process.argv.slice(2), OPTIONS, argsSchema, USAGE);
  const outDir = out ?? DEMO_RUNS_DIR;
  const runs = DEMO_RUNS.filter((r) => (!only || r.id === only) && (!group || r.group));
  // Taken before training: the code that trains the runs, whatever is edited while they train.
  const version = codeVersion();
  const sim = loadSim350({ prior: '0.025' });
  fs.mkdirSync(outDir, { recursive: true });

  for (const spec of runs) {
    const config = buildRunConfig({
      strategy: spec.strategy,
      preset: resolvePreset('synthetic'),
      hyperparameters: epochs ? { epochs } : {},
      seed: spec.seed,
      isSyntheticData: true,
    });
    console.log(`[precompute] ${spec.name}: ${JSON.stringify(config)}`);
    const started = Date.now();
    // Every pruning level's best network, as a worker stores it (server/runs/execution.ts).
    const levels = new LevelEffectsRecorder();
    const levelParams = new Map<number, PhoenixParams>();
    const result = await train({
      data: sim.data,
      prior: sim.prior,
      test: sim.test,
      config: { ...config, backend },
      callbacks: {
        onEpochModel: (epoch, params) => {
          levels.onEpochModel(epoch, params);
          // The file keeps the weights the recorder just turned into this level's network (a copy per epoch).
          const current = levels.result().at(-1);
          if (current?.bestEpoch === epoch) levelParams.set(current.level, params);
        },
        onEpoch: (r) => {
          levels.onEpoch(r);
          console.log(
            `[precompute] ${spec.id} epoch ${r.epoch}/${r.totalEpochs} train ${r.trainLoss.toExponential(3)} val ${r.valLoss.toExponential(3)} ` +
              `sparsity ${r.sparsity.toFixed(3)} ${r.seconds.toFixed(1)} s${r.pruned ? ' (pruned)' : ''}${r.isBest ? ' *' : ''}`,
          );
        },
      },
    });
    const file: DemoRunFile = {
      format: 'grn-studio/demo-run',
      version: 1,
      id: spec.id,
      name: spec.name,
      strategy: spec.strategy,
      config,
      seed: spec.seed,
      inputs: { dataset: 'SIM350: train_val_150traj + test_10traj', prior: 'prior_matrix_noise_0.025', gold: 'prior_matrix_noise_0.0' },
      trainedWith: 'scripts/precompute-demo.ts',
      backend,
      codeVersion: version,
      trainedAt: new Date().toISOString(),
      wallSeconds: (Date.now() - started) / 1000,
      summary: result.summary,
      history: result.history,
      model: result.model,
      levels: levels
        .result()
        .filter((l) => l.effects.n > 0)
        .map(({ effects, ...stats }) => checkedLevel(encodeLevel(stats, levelParams.get(stats.level)!), effects)),
    };
    const written = writeDemoRunFile(file, outDir);
    console.log(
      `[precompute] wrote ${path.relative(process.cwd(), written)} (${(fs.statSync(written).size / 1024).toFixed(0)} KiB), ${file.wallSeconds.toFixed(0)} s`,
    );
    console.log(`[precompute] summary ${JSON.stringify(result.summary)}`);
  }
}

/** The file's level must give back the recorder's network as the database stores it (float32 effects). */
function checkedLevel(file: DemoLevelFile, recorded: SparseEffects): DemoLevelFile {
  const back = decodeLevel(file).effects;
  const same =
    back.index.length === recorded.index.length &&
    back.index.every((k, t) => k === recorded.index[t] && Math.fround(back.value[t]) === Math.fround(recorded.value[t]));
  if (!same) throw new Error(`level ${file.level}: the weights in the file do not give the recorded network back`);
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e instanceof CliUsageError ? e.message : e);
    process.exit(e instanceof CliUsageError ? 2 : 1);
  });
}
