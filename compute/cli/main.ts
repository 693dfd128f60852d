import { CliUsageError } from './cli-errors';
import { EVALUATE_USAGE, runEvaluate } from './evaluate';
import { PLOT_USAGE, runPlot } from './plot';
import { REPLICATES_USAGE, runReplicates } from './replicates';
import { runSimulate, SIMULATE_USAGE } from './simulate';
import { runSweep, SWEEP_USAGE } from './sweep';
import { runTrain, TRAIN_USAGE } from './train';

const BENCH_USAGE = `Usage: npm run dash -- bench [--epochs 3] [--solver rk4|dopri5] [--hidden 40] [--backend wasm] [--data-dir DIR]`;

const USAGE = `Usage: npm run dash -- <command> [options]
  train      train PHOENIX with a pruning strategy and write result.json, effects.csv, model.json
  sweep      DASH over a λ grid plus the baselines; prints the sparsity / balanced-accuracy table
  replicates one configuration over several seeds: edge confidence, the prior edges the data does not
             support, the candidate edges the prior lacks, the consensus network
  simulate   make a SIM-style benchmark from a signed network
  evaluate   score predicted effects against a gold standard
  plot       balanced accuracy against sparsity along runs' pruning paths, as SVG
  bench      seconds per epoch on SIM350 and where the time goes
Run a command with --help for its options.`;

const USAGES: Record<string, string> = {
  train: TRAIN_USAGE,
  sweep: SWEEP_USAGE,
  replicates: REPLICATES_USAGE,
  simulate: SIMULATE_USAGE,
  evaluate: EVALUATE_USAGE,
  plot: PLOT_USAGE,
  bench: BENCH_USAGE,
};

const COMMANDS: Record<string, (argv: string[]) => Promise<unknown>> = {
  train: (argv) => runTrain(argv),
  sweep: (argv) => runSweep(argv),
  replicates: (argv) => runReplicates(argv),
  simulate: (argv) => runSimulate(argv),
  evaluate: (argv) => runEvaluate(argv),
  plot: (argv) => runPlot(argv),
  bench: async (argv) => (await import('../bench/compute')).runBench(argv),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command '${command}'.\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(USAGES[command]);
    return 0;
  }
  try {
    await run(rest);
    return 0;
  } catch (e) {
    if (e instanceof CliUsageError) {
      console.error(e.message);
      return 2;
    }
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
