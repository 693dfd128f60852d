import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { STRATEGIES, STRATEGY_IDS } from '../strategies';
import { withExplicitRules, type TrainingRules } from '../training/config';
import { planSweep } from '../training/sweep-plan';
import type { PruningStrategy } from '../types';
import { CliUsageError } from './cli-errors';
import { formatSummaryTable, formatTable, summariseSweep, type SweepRow, type SweepSummary } from './sweep-table';
import { numeric, parseCliArgs } from './args';
import { configFromArgs, loadInputs, TRAIN_OPTIONS, trainArgsSchema, trainToFolder, type LoadedInputs } from './train';
import { runTrainPool } from './train-pool';

export type { SweepRow, SweepSummary } from './sweep-table';

/** The paper's baselines beside DASH: every strategy of the registry but DASH and the penalty ones (run those by name). */
const PAPER_BASELINES = STRATEGY_IDS.filter((id) => STRATEGIES[id].lambda !== 'chosen' && STRATEGIES[id].kind !== 'penalty');

export const SWEEP_USAGE = `Usage: npm run dash -- sweep --data D.csv --prior P.csv --out DIR [options]
  Runs DASH over a λ grid and the baselines one after another (each in DIR/<run>/), then prints the
  sparsity / balanced accuracy table; DASH's λ is the one with the lowest validation loss.
  --lambdas      DASH grid, pairs separated by ';' (default 0.5,0.05;0.75,0.75;0.8,0.8;0.95,0.95;0.995,0.95)
  --strategies   baselines to run besides DASH (default ${PAPER_BASELINES.join(',')})
  --seeds        run every configuration with each of these seeds, e.g. 0-4 or 0,3,7 (runs go to
                 DIR/<run>/seed-<s>/); prints mean ± sd per configuration and chooses λ by mean val loss
  --jobs         trainings at a time, each in its own process (default 1; one per core helps)
  --redo         rerun runs whose result.json exists (default: reuse them)
  Every train option applies to every run (--data, --genes, --gold, --test, --noise, --epochs, --seed, …).`;

const DEFAULT_GRID = '0.5,0.05;0.75,0.75;0.8,0.8;0.95,0.95;0.995,0.95';

const sweepSchema = trainArgsSchema.omit({ strategy: true, lambda: true, resume: true }).extend({
  lambdas: z
    .string()
    .default(DEFAULT_GRID)
    .transform((s, ctx) => {
      const pairs = s.split(';').map((p) => p.split(',').map((x) => Number(x.trim())));
      if (pairs.some((p) => p.length !== 2 || p.some((x) => !Number.isFinite(x) || x < 0 || x > 1))) {
        ctx.addIssue({ code: 'custom', message: `'${s}' is not a list of λ1,λ2 pairs in [0, 1] separated by ';'` });
        return z.NEVER;
      }
      return pairs as [number, number][];
    }),
  strategies: z
    .string()
    .default(PAPER_BASELINES.join(','))
    .transform((s, ctx) => {
      const list = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const known: string[] = STRATEGY_IDS.filter((id) => id !== 'dash');
      const bad = list.filter((x) => !known.includes(x));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown strategies ${bad.join(', ')} (choose from ${known.join(', ')})` });
        return z.NEVER;
      }
      return list as PruningStrategy[];
    }),
  seeds: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const seeds = parseSeedList(s);
      if (!seeds) {
        ctx.addIssue({ code: 'custom', message: `'${s}' is not a list of seeds (whole numbers ≥ 0, ranges like 0-4, separated by ',')` });
        return z.NEVER;
      }
      return seeds;
    }),
  jobs: numeric('jobs').pipe(z.number().int().min(1).max(64)).default(1),
  redo: z.boolean().default(false),
});
type SweepArgs = z.infer<typeof sweepSchema>;

/** '0-2,5' → [0, 1, 2, 5]; null when malformed or longer than 1,000 seeds. */
export function parseSeedList(text: string): number[] | null {
  const seeds: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to - from >= 1000) return null;
    for (let s = from; s <= to; s++) if (!seeds.includes(s)) seeds.push(s);
  }
  return seeds.length > 0 && seeds.length <= 1000 ? seeds : null;
}

const { strategy: _strategy, lambda: _lambda, resume: _resume, ...RUN_OPTIONS } = TRAIN_OPTIONS;
const OPTIONS = {
  ...RUN_OPTIONS,
  lambdas: { type: 'string' },
  strategies: { type: 'string' },
  seeds: { type: 'string' },
  jobs: { type: 'string' },
  redo: { type: 'boolean' },
} as const;

/** One training of the sweep: a configuration at one seed, and its folder. */
interface PlannedRun {
  run: string;
  strategy: PruningStrategy;
  lambda?: [number, number];
  seed: number;
  out: string;
  label: string;
}

/** `dash sweep`: the λ grid and the baselines over the seeds; reuses finished runs unless --redo. */
export async function runSweep(argv: string[], log: (line: string) => void = console.log): Promise<SweepOutcome> {
  const args = parseCliArgs(argv, OPTIONS, sweepSchema, SWEEP_USAGE, { data: '', out: '' });
  if (!args.prior) throw new CliUsageError(`--prior: DASH needs a prior network\n\n${SWEEP_USAGE}`);
  const inputs = loadInputs(args);
  for (const note of inputs.notes) log(`note: ${note}`);
  const runs = planRuns(args);
  const results = reuseFinished(runs, args, log);
  await trainPending(runs, results, args, inputs, log);
  const rows = runs.map((r, k) => rowOf(r.run, r.strategy, r.seed, results[k]!));
  const summaries = summariseSweep(rows);
  printSweep(rows, summaries, log);
  writeFileSync(path.join(args.out, 'sweep.json'), JSON.stringify({ rows, summaries }, null, 2) + '\n');
  return { rows, summaries };
}

/** Every configuration at every seed; with --seeds each run gets its own seed-<s> folder. */
function planRuns(args: SweepArgs): PlannedRun[] {
  const plan = planSweep({ strategies: ['dash', ...args.strategies], lambdas: args.lambdas, seeds: args.seeds ?? [args.seed] });
  return plan.map(({ strategy, lambda, seed }) => {
    const run = lambda ? `${strategy}_${lambda[0]}_${lambda[1]}` : strategy;
    const c = { run, strategy, ...(lambda ? { lambda } : {}) };
    return args.seeds
      ? { ...c, seed, out: path.join(args.out, run, `seed-${seed}`), label: `${run} seed ${seed}` }
      : { ...c, seed, out: path.join(args.out, run), label: run };
  });
}

/** The result.json of each run that has one trained with the sweep's rules (unless --redo), null for the rest. */
function reuseFinished(runs: PlannedRun[], args: SweepArgs, log: (line: string) => void): (Record<string, unknown> | null)[] {
  return runs.map((r, k) => {
    const file = path.join(r.out, 'result.json');
    if (args.redo || !existsSync(file)) return null;
    const result = JSON.parse(readFileSync(file, 'utf8')) as { config?: Partial<TrainingRules> };
    const rules = withExplicitRules(result.config ?? {});
    if (rules.selection !== args.select || rules.lrReset !== args['lr-reset']) {
      log(`[${k + 1}/${runs.length}] ${r.label}: ${file} was trained with --select ${rules.selection} --lr-reset ${rules.lrReset}; training again`);
      return null;
    }
    log(`[${k + 1}/${runs.length}] ${r.label}: reusing ${file}`);
    return result as Record<string, unknown>;
  });
}

/** Trains the runs without a result, in child processes with --jobs > 1, else here one by one; fills `results`. */
async function trainPending(
  runs: PlannedRun[],
  results: (Record<string, unknown> | null)[],
  args: SweepArgs,
  inputs: LoadedInputs,
  log: (line: string) => void,
): Promise<void> {
  const pending = runs.flatMap((r, k) => (results[k] ? [] : [{ ...r, k }]));
  if (args.jobs > 1 && pending.length > 1) {
    log(`${pending.length} runs, ${Math.min(args.jobs, pending.length)} at a time`);
    const jobs = pending.map((r) => ({
      label: r.label,
      argv: [...childArgv(args), '--strategy', r.strategy, ...(r.lambda ? ['--lambda', r.lambda.join(',')] : []), '--seed', String(r.seed)],
      out: r.out,
    }));
    const done = await runTrainPool(jobs, args.jobs, log);
    pending.forEach((r, i) => (results[r.k] = done[i]));
    return;
  }
  for (const r of pending) {
    log(`[${r.k + 1}/${runs.length}] ${r.label}`);
    const config = configFromArgs({ ...args, strategy: r.strategy, lambda: r.lambda, seed: r.seed, resume: false });
    results[r.k] = (await trainToFolder(inputs, config, r.out, { quiet: args.quiet, label: r.label })).summary;
  }
}

/** One seed: the run table with the chosen λ marked. Several: every run, then mean ± sd per configuration. */
function printSweep(rows: SweepRow[], summaries: SweepSummary[], log: (line: string) => void): void {
  const seeds = summaries[0]?.seeds.length ?? 0;
  if (seeds <= 1) {
    const chosen = summaries.find((s) => s.chosen);
    for (const row of rows) if (chosen && row.run === chosen.run) row.chosen = true;
  }
  for (const line of formatTable(rows)) log(line);
  if (seeds <= 1) return;
  log('');
  log(`Over ${seeds} seeds (mean ± sd):`);
  for (const line of formatSummaryTable(summaries)) log(line);
}

export interface SweepOutcome {
  rows: SweepRow[];
  summaries: SweepSummary[];
}

function rowOf(run: string, strategy: string, seed: number, summary: Record<string, unknown>): SweepRow {
  return {
    run,
    strategy,
    lambda: (summary.lambda as [number, number] | null) ?? null,
    seed,
    sparsity: summary.sparsity as number,
    balancedAccuracy: summary.balancedAccuracy as number | undefined,
    balancedAccuracyRegulators: summary.balancedAccuracyRegulators as number | undefined,
    valMse: summary.valMse as number,
    testMse: summary.testMse as number | undefined,
    secondsPerEpoch: summary.secondsPerEpoch as number,
  };
}

/** The shared train flags, for a child process, from the validated arguments. */
function childArgv(args: SweepArgs): string[] {
  const argv: string[] = [];
  for (const name of Object.keys(RUN_OPTIONS) as (keyof typeof RUN_OPTIONS)[]) {
    if (name === 'out' || name === 'seed' || name === 'quiet') continue;
    const value = args[name];
    if (value !== undefined) argv.push(`--${name}`, String(value));
  }
  return argv;
}
