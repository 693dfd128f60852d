import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LevelEffectsRecorder, type LevelEffects } from '../analysis/level-effects';
import { toSparseEffects, type SparseEffects } from '../analysis/sparse-effects';
import { scoreNetwork } from '../metrics';
import { train } from '../training/trainer';
import { DEFAULT_REVIEW_LIST_OPTIONS } from '../analysis/review-lists';
import { numeric, parseCliArgs } from './args';
import { CliUsageError } from './cli-errors';
import { parseSeedList } from './sweep';
import { configFromArgs, loadInputs, TRAIN_OPTIONS, trainArgsSchema, type LoadedInputs } from './train';
import { formatReplicateReport, analyseReplicateFolders } from './replicates-report';

export const REPLICATES_USAGE = `Usage: npm run dash -- replicates --data D.csv --prior P.csv --out DIR [options]
  Trains one configuration with several seeds (DIR/seed-<s>/: kept.json, levels.json, result.json), then
  analyses them as a group: per edge, the fraction of seeds whose kept model has it and its mean rank by
  |effect|; the prior edges the data does not support, the candidate edges the prior lacks, the consensus
  network; with --gold, how these and the prior alone score against it.
  --seeds         seeds, e.g. 0-4 or 0,3,7 (default 0-4)
  --train-only    train the missing seeds and stop (no analysis)
  --analyse-only  analyse the seeds already trained; train nothing
  --flag-at       flag a prior edge when at least this share of seeds pruned it (default 0.6: a majority)
  --accept-at     a candidate (from the data's residual screen, compute/analysis/residual-screen.ts) joins the
                  consensus when it explains at least this share of what the prior leaves unexplained (default 0.5)
  --level         which model of each seed to analyse: kept (default), or k (k pruning levels after the
                  kept one; the last level when there are fewer)
  Every train option applies to every seed (--data, --genes, --gold, --test, --noise, --strategy, …);
  --seed is ignored.`;

const replicatesSchema = trainArgsSchema.omit({ resume: true }).extend({
  seeds: z
    .string()
    .default('0-4')
    .transform((s, ctx) => {
      const seeds = parseSeedList(s);
      if (!seeds) {
        ctx.addIssue({ code: 'custom', message: `'${s}' is not a list of seeds (whole numbers ≥ 0, ranges like 0-4, separated by ',')` });
        return z.NEVER;
      }
      return seeds;
    }),
  'train-only': z.boolean().default(false),
  'analyse-only': z.boolean().default(false),
  'flag-at': numeric('flag-at').pipe(z.number().gt(0).max(1)).default(DEFAULT_REVIEW_LIST_OPTIONS.flagAt),
  'accept-at': numeric('accept-at').pipe(z.number().gt(0).max(1)).default(DEFAULT_REVIEW_LIST_OPTIONS.acceptAt),
  level: z
    .string()
    .default('kept')
    .refine((s) => s === 'kept' || /^\d+$/.test(s), 'must be kept or a whole number of levels after the kept one'),
});
export type ReplicatesArgs = z.infer<typeof replicatesSchema>;

const OPTIONS = {
  ...TRAIN_OPTIONS,
  seeds: { type: 'string' },
  'train-only': { type: 'boolean' },
  'analyse-only': { type: 'boolean' },
  level: { type: 'string' },
  'flag-at': { type: 'string' },
  'accept-at': { type: 'string' },
} as const;

/** What one seed's folder holds: the kept model's network and every level's best model. */
export interface SeedFolder {
  seed: number;
  keptEpoch: number;
  kept: SparseEffects;
  levels: LevelEffects[];
}

export async function trainSeed(inputs: LoadedInputs, args: ReplicatesArgs, seed: number, dir: string, log: (line: string) => void): Promise<void> {
  const config = configFromArgs({ ...args, seed, resume: false });
  const recorder = new LevelEffectsRecorder();
  const started = Date.now();
  const result = await train({
    data: inputs.data,
    prior: inputs.prior,
    ppi: inputs.ppi,
    test: inputs.test,
    config,
    callbacks: { onEpoch: (r) => recorder.onEpoch(r), onEpochModel: (e, p) => recorder.onEpochModel(e, p) },
  });
  mkdirSync(dir, { recursive: true });
  const scores = inputs.gold ? scoreNetwork(result.effects, inputs.gold) : null;
  writeFileSync(path.join(dir, 'kept.json'), JSON.stringify(toSparseEffects(result.effects)));
  writeFileSync(path.join(dir, 'levels.json'), JSON.stringify(recorder.result()));
  // Written last: its presence marks the seed as done.
  writeFileSync(path.join(dir, 'result.json'), JSON.stringify({ seed, config, summary: result.summary, scores, history: result.history }, null, 2) + '\n');
  log(
    `seed ${seed}: ${result.summary.epochsRun} epochs, kept epoch ${result.summary.bestEpoch}, sparsity ${result.summary.sparsity.toFixed(3)}${scores ? `, BA ${scores.balancedAccuracy.toFixed(3)}` : ''} (${((Date.now() - started) / 60000).toFixed(1)} min)`,
  );
}

export function readSeedFolder(dir: string, seed: number): SeedFolder {
  const result = JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')) as { summary: { bestEpoch: number } };
  const kept = JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8')) as SparseEffects;
  const levels = JSON.parse(readFileSync(path.join(dir, 'levels.json'), 'utf8')) as LevelEffects[];
  return { seed, keptEpoch: result.summary.bestEpoch, kept, levels };
}

/** `dash replicates`: trains the seeds not yet trained (one after another), then analyses the group. */
export async function runReplicates(argv: string[], log: (line: string) => void = console.log): Promise<void> {
  const args = parseCliArgs(argv, OPTIONS, replicatesSchema, REPLICATES_USAGE, { data: '', out: '' });
  if (args['train-only'] && args['analyse-only']) throw new CliUsageError('--train-only and --analyse-only exclude each other');
  const inputs = loadInputs(args);
  for (const note of inputs.notes) log(`note: ${note}`);
  const seedDir = (seed: number) => path.join(args.out, `seed-${seed}`);
  if (!args['analyse-only']) {
    for (const seed of args.seeds) {
      if (existsSync(path.join(seedDir(seed), 'result.json'))) continue;
      await trainSeed(inputs, args, seed, seedDir(seed), log);
    }
    if (args['train-only']) return;
  }
  const missing = args.seeds.filter((s) => !existsSync(path.join(seedDir(s), 'result.json')));
  if (missing.length) throw new CliUsageError(`seeds ${missing.join(', ')} are not trained in ${args.out}`);
  if (!inputs.prior) throw new CliUsageError('--prior is required for the analysis');
  const folders = args.seeds.map((s) => readSeedFolder(seedDir(s), s));
  const options = { flagAt: args['flag-at'], acceptAt: args['accept-at'] };
  // The screen reads the data as the seeds trained on it: with the same measurement noise (one fixed draw).
  const { report } = analyseReplicateFolders(folders, inputs, args.level === 'kept' ? 'kept' : Number(args.level), options, args.noise);
  writeFileSync(path.join(args.out, `analysis-${args.level}.json`), JSON.stringify(report, null, 2) + '\n');
  for (const line of formatReplicateReport(report)) log(line);
}
