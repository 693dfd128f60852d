import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeRow } from '../formats/csv';
import { parseTidyCsv } from '../formats/tidy-csv';
import { parseTrajectoryCsv } from '../formats/trajectory-csv';
import { pruningPath, scoreNetwork, type EpochScores, type NetworkScores, type PruningLevel } from '../metrics';
import { effectsMatrix } from '../model/effects';
import { SOLVER_IDS } from '../solvers/registry';
import { STRATEGIES, STRATEGY_IDS, strategyLambdas } from '../strategies';
import { defaultTrainConfig, type TrainConfig } from '../training/config';
import { fieldSchema, shownDefault as d, TRAIN_FIELD_DEFAULTS, TRAIN_FIELDS, type TrainField, type TrainFieldKey } from '../training/fields';
import { train, type TrainProfile } from '../training/trainer';
import type { TrainCheckpoint, TrainResult } from '../training/types';
import type { ExpressionData, SquareMatrix } from '../types';
import { numeric, parseCliArgs } from './args';
import { CliUsageError } from './cli-errors';
import { parseFile, readGeneFile, readNetworkOnGenes, readTextFile } from './input-files';
import { fixed, sci } from './number-format';
import { ProgressBar } from './progress';

export const TRAIN_USAGE = `Usage: npm run dash -- train --data D.csv --out DIR [options]
  --data          expression time series: the authors' trajectory CSV, or a tidy CSV (gene,trajectory,time,value)
  --genes         gene names (header x) for the trajectory CSV
  --prior         prior network P (dense matrix or edge list / SIF); needed by ${STRATEGY_IDS.filter((s) => STRATEGIES[s].needsPrior).join(', ')}
  --ppi           external interaction-partner matrix for DASH (default |P|·|P|ᵀ)
  --gold          reference network to score against (dense matrix or edge list)
  --test          held-out trajectories (same layout as --data) for the test MSE
  --strategy      ${STRATEGY_IDS.join(' | ')} (default dash)
                  l0, path-l1, pathreg: the paper's penalty baselines (L0 gates, C-NODE path L1, PathReg)
  --lambda        DASH λ1,λ2 (default ${d('lambda1')},${d('lambda2')})
  --pinn-lambda   λ_d, data-loss weight of pinn / pinn-mp (default ${d('pinnLambda')})
  --noise         σ of Gaussian noise added to the training data at load (default ${d('noiseStd')})
  --epochs        epoch limit (default ${d('epochs')})      --patience   early stop (default ${d('patience')})
  --hidden        hidden units h (default ${d('hidden')})     --seed       run seed (default 0)
  --lr            learning rate (default ${d('learningRate')}; v gets 5×)
  --lr-reset      what a pruning event does to the learning rates: reference (as the authors' script:
                  A_p gets the 5×, v 1×) or initial (all back to their starting rates); default ${d('lrReset')}
  --val-fraction  fraction of trajectories held out for validation (default ${d('validationFraction')})
  --${TRAIN_FIELDS.priorCorruption.cliFlag} fraction f of the prior to corrupt before training (default ${d('priorCorruption')}): of its E edges,
                  round(f·E) removed, as many false ones added (random sign), round(f·E) kept ones sign-flipped;
                  seeded by --seed
  --select        which model to keep: one-se (the sparsest one within one standard error of the lowest
                  validation loss) or best (the lowest validation loss); default ${d('selection')}
  --solver        ${SOLVER_IDS.join(' | ')} (default ${d('solver')})      --backend    wasm | cpu | another tfjs backend (default wasm)
  --resume        continue from DIR/checkpoint.json (written after every epoch)
  --quiet         no progress bar
  --out           output folder: result.json, effects.csv, model.json, checkpoint.json`;

const pair = z.string().transform((s, ctx) => {
  const parts = s.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not two numbers in [0, 1] separated by a comma (λ1,λ2)` });
    return z.NEVER;
  }
  return parts as [number, number];
});

/** A numeric flag with the field table's bounds (training/fields.ts), named by its flag in errors. */
const numericFlag = (key: TrainFieldKey) => {
  const flag = (TRAIN_FIELDS[key] as TrainField).cliFlag!;
  return numeric(flag).pipe(fieldSchema(key, `--${flag}`) as unknown as z.ZodNumber);
};

export const trainArgsSchema = z.object({
  data: z.string().min(1, 'the expression data file is required'),
  genes: z.string().min(1).optional(),
  prior: z.string().min(1).optional(),
  ppi: z.string().min(1).optional(),
  gold: z.string().min(1).optional(),
  test: z.string().min(1).optional(),
  strategy: z.enum(STRATEGY_IDS).default('dash'),
  lambda: pair.optional(),
  'pinn-lambda': numericFlag('pinnLambda').optional(),
  noise: numericFlag('noiseStd').default(TRAIN_FIELD_DEFAULTS.noiseStd),
  epochs: numericFlag('epochs').default(TRAIN_FIELD_DEFAULTS.epochs),
  patience: numericFlag('patience').default(TRAIN_FIELD_DEFAULTS.patience),
  hidden: numericFlag('hidden').default(TRAIN_FIELD_DEFAULTS.hidden),
  seed: numeric('seed').pipe(z.number().int().min(0)).default(0),
  lr: numericFlag('learningRate').default(TRAIN_FIELD_DEFAULTS.learningRate),
  'val-fraction': numericFlag('validationFraction').default(TRAIN_FIELD_DEFAULTS.validationFraction),
  'corrupt-prior': numericFlag('priorCorruption').default(TRAIN_FIELD_DEFAULTS.priorCorruption),
  select: fieldSchema('selection', '--select').default(TRAIN_FIELD_DEFAULTS.selection),
  'lr-reset': fieldSchema('lrReset', '--lr-reset').default(TRAIN_FIELD_DEFAULTS.lrReset),
  solver: fieldSchema('solver', '--solver').default(TRAIN_FIELD_DEFAULTS.solver),
  backend: z.string().min(1).default('wasm-fused'),
  resume: z.boolean().default(false),
  quiet: z.boolean().default(false),
  out: z.string().min(1, 'the output folder is required'),
});
export type TrainArgs = z.infer<typeof trainArgsSchema>;

/** The `train` flags; `sweep` takes the same ones bar the per-run choices. */
export const TRAIN_OPTIONS = {
  data: { type: 'string' },
  genes: { type: 'string' },
  prior: { type: 'string' },
  ppi: { type: 'string' },
  gold: { type: 'string' },
  test: { type: 'string' },
  strategy: { type: 'string' },
  lambda: { type: 'string' },
  'pinn-lambda': { type: 'string' },
  noise: { type: 'string' },
  epochs: { type: 'string' },
  patience: { type: 'string' },
  hidden: { type: 'string' },
  seed: { type: 'string' },
  lr: { type: 'string' },
  'val-fraction': { type: 'string' },
  'corrupt-prior': { type: 'string' },
  select: { type: 'string' },
  'lr-reset': { type: 'string' },
  solver: { type: 'string' },
  backend: { type: 'string' },
  resume: { type: 'boolean' },
  quiet: { type: 'boolean' },
  out: { type: 'string' },
} as const;

export function parseTrainArgs(argv: string[]): TrainArgs {
  return parseCliArgs(argv, TRAIN_OPTIONS, trainArgsSchema, TRAIN_USAGE, { data: '', out: '' });
}

/** Trajectory CSV or tidy CSV, told apart by the tidy file's header. */
export function readExpression(file: string, genes?: readonly string[]): ExpressionData {
  const text = readTextFile(file);
  const header = text.slice(0, 200).split(/\r?\n/)[0].toLowerCase().replace(/\s/g, '');
  return parseFile(file, () => (header.startsWith('gene,trajectory,time,value') ? parseTidyCsv(text) : parseTrajectoryCsv(text, genes)));
}

export interface LoadedInputs {
  data: ExpressionData;
  test: ExpressionData | null;
  prior: SquareMatrix | null;
  ppi: SquareMatrix | null;
  gold: SquareMatrix | null;
  notes: string[];
}

export function loadInputs(args: Pick<TrainArgs, 'data' | 'genes' | 'prior' | 'ppi' | 'gold' | 'test'>): LoadedInputs {
  const genesFromFile = args.genes ? readGeneFile(args.genes) : undefined;
  const data = readExpression(args.data, genesFromFile);
  const genes = data.genes;
  const notes: string[] = [];
  const network = (file: string | undefined, what: string) => {
    if (!file) return null;
    const r = readNetworkOnGenes(file, genes, 'sign');
    if (r.outsideEdges > 0)
      notes.push(
        `${what}: ${r.outsideEdges} edges name genes outside the data (${r.unknownGenes.slice(0, 5).join(', ')}${r.unknownGenes.length > 5 ? ', …' : ''}); left out`,
      );
    return r.matrix;
  };
  const test = args.test ? readExpression(args.test, genes) : null;
  if (test && test.genes.join('\u0000') !== genes.join('\u0000')) throw new CliUsageError(`${args.test}: its genes differ from those of ${args.data}`);
  return {
    data,
    test,
    prior: network(args.prior, 'prior'),
    ppi: args.ppi ? readNetworkOnGenes(args.ppi, genes, 'weight').matrix : null,
    gold: network(args.gold, 'gold standard'),
    notes,
  };
}

export function configFromArgs(args: TrainArgs): TrainConfig {
  return defaultTrainConfig({
    strategy: args.strategy,
    lambda: args.lambda ?? [TRAIN_FIELD_DEFAULTS.lambda1, TRAIN_FIELD_DEFAULTS.lambda2],
    pinnLambda: args['pinn-lambda'] ?? TRAIN_FIELD_DEFAULTS.pinnLambda,
    hidden: args.hidden,
    epochs: args.epochs,
    patience: args.patience,
    learningRate: args.lr,
    validationFraction: args['val-fraction'],
    ...(args['corrupt-prior'] > 0 ? { priorCorruption: args['corrupt-prior'] } : {}),
    noiseStd: args.noise,
    solver: args.solver,
    seed: args.seed,
    backend: args.backend,
    // Always named: a config without them means the rules of before they were the defaults (RULES_WHEN_ABSENT).
    selection: args.select,
    lrReset: args['lr-reset'],
  });
}

export interface TrainOutcome {
  result: TrainResult & { profile: TrainProfile };
  summary: Record<string, unknown>;
}

/** Trains once and writes DIR/result.json, DIR/effects.csv, DIR/model.json (checkpoint.json after each epoch). */
export async function trainToFolder(
  inputs: LoadedInputs,
  config: TrainConfig,
  out: string,
  options: { resume?: boolean; quiet?: boolean; label?: string; files?: Record<string, string | undefined> },
): Promise<TrainOutcome> {
  mkdirSync(out, { recursive: true });
  const checkpointFile = path.join(out, 'checkpoint.json');
  let resumeFrom: TrainCheckpoint | null = null;
  if (options.resume) {
    if (!existsSync(checkpointFile)) throw new CliUsageError(`--resume: ${checkpointFile} does not exist`);
    resumeFrom = JSON.parse(readFileSync(checkpointFile, 'utf8')) as TrainCheckpoint;
  }
  const bar = options.quiet ? null : new ProgressBar(options.label ?? config.strategy);
  const gold = inputs.gold;
  const epochScores = new Map<number, EpochScores>();
  const result = await train({
    data: inputs.data,
    prior: inputs.prior,
    ppi: inputs.ppi,
    test: inputs.test,
    config,
    resumeFrom,
    callbacks: {
      onStep: (s) => bar?.step(s, config.epochs),
      onEpoch: (r) => bar?.epoch(r),
      onEpochModel: gold ? (epoch, params) => epochScores.set(epoch, pickScores(scoreNetwork(effectsMatrix(params), gold))) : undefined,
      onCheckpoint: (c) => writeFileSync(checkpointFile, JSON.stringify(c)),
    },
  });
  bar?.done();
  const s = result.summary;
  const scores = inputs.gold ? scoreNetwork(result.effects, inputs.gold) : null;
  const summary: Record<string, unknown> = {
    strategy: config.strategy,
    lambda: config.strategy === 'dash' ? config.lambda : strategyLambdas(config.strategy, config.lambda),
    sparsity: s.sparsity,
    ...(scores
      ? {
          balancedAccuracy: scores.balancedAccuracy,
          balancedAccuracyRegulators: scores.balancedAccuracyRegulators,
          precision: scores.precision,
          recall: scores.recall,
          f1: scores.f1,
          auroc: scores.auroc,
          aupr: scores.aupr,
          epr: scores.epr,
          referenceEdges: scores.referenceEdges,
        }
      : {}),
    valMse: s.valMse,
    ...(s.testMse !== undefined ? { testMse: s.testMse } : {}),
    epochsRun: s.epochsRun,
    bestEpoch: s.bestEpoch,
    secondsPerEpoch: s.secondsPerEpoch,
    stoppedEarly: s.stoppedEarly,
    cancelled: s.cancelled,
    config,
    files: options.files ?? {},
    notes: inputs.notes,
    profile: result.profile,
    history: result.history.map((r) => ({ ...r, ...epochScores.get(r.epoch) })),
    ...(gold ? { pruningPath: pruningPath(result.history, epochScores) } : {}),
  };
  writeFileSync(path.join(out, 'result.json'), JSON.stringify(summary, null, 2) + '\n');
  writeFileSync(path.join(out, 'model.json'), JSON.stringify(result.model) + '\n');
  writeFileSync(path.join(out, 'effects.csv'), effectsCsv(result.effects, inputs.data.genes));
  return { result, summary };
}

function pickScores(s: NetworkScores): EpochScores {
  return { balancedAccuracy: s.balancedAccuracy, balancedAccuracyRegulators: s.balancedAccuracyRegulators, precision: s.precision, recall: s.recall };
}

export function effectsCsv(effects: SquareMatrix, genes: readonly string[]): string {
  const lines = ['regulator,target,effect'];
  const n = effects.n;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const e = effects.data[j * n + i];
      if (e !== 0) lines.push(writeRow([genes[j], genes[i], String(e)]));
    }
  }
  return lines.join('\n') + '\n';
}

/** `dash train`: one run, files in --out, a readable summary on stdout. */
export async function runTrain(argv: string[], log: (line: string) => void = console.log): Promise<TrainOutcome> {
  const args = parseTrainArgs(argv);
  const inputs = loadInputs(args);
  const config = configFromArgs(args);
  for (const note of inputs.notes) log(`note: ${note}`);
  const outcome = await trainToFolder(inputs, config, args.out, {
    resume: args.resume,
    quiet: args.quiet,
    files: { data: args.data, genes: args.genes, prior: args.prior, ppi: args.ppi, gold: args.gold, test: args.test },
  });
  for (const line of formatSummary(outcome.summary)) log(line);
  log(`wrote ${path.join(args.out, 'result.json')}, effects.csv, model.json`);
  return outcome;
}

export function formatSummary(s: Record<string, unknown>): string[] {
  const f = fixed;
  const e = sci;
  const rows: [string, string][] = [
    ['strategy', `${s.strategy}${Array.isArray(s.lambda) ? ` λ=(${(s.lambda as number[]).join(', ')})` : ''}`],
    [
      'epochs',
      `${s.epochsRun} (${keptBy(s)} ${s.bestEpoch}${s.stoppedEarly ? ', stopped early' : ''}${s.cancelled ? ', cancelled' : ''}), ${f(s.secondsPerEpoch, 2)} s/epoch`,
    ],
    ['sparsity', f(s.sparsity)],
    ['validation MSE', e(s.valMse)],
  ];
  if ('testMse' in s) rows.push(['test MSE', e(s.testMse)]);
  if ('balancedAccuracy' in s) {
    rows.push(['balanced accuracy', `${f(s.balancedAccuracy)} (regulator rows ${f(s.balancedAccuracyRegulators)})`]);
    rows.push(['precision / recall', `${f(s.precision)} / ${f(s.recall)}`]);
    rows.push(['AUROC / AUPR / EPR', `${f(s.auroc)} / ${f(s.aupr)} / ${f(s.epr, 2)}`]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return [...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), ...formatPath(s.pruningPath as PruningLevel[] | undefined, s.bestEpoch as number)];
}

function keptBy(s: Record<string, unknown>): string {
  const config = s.config as { selection?: string } | undefined;
  return config?.selection === 'one-se' ? 'kept by the one-SE rule:' : 'best';
}

/** The pruning path as lines: one per sparsity level, its best-validation model and how it scores. */
function formatPath(levels: PruningLevel[] | undefined, bestEpoch: number): string[] {
  if (!levels || levels.length < 2) return [];
  const f = fixed;
  const lines = [
    '',
    'pruning path (best validation model at each sparsity level):',
    '  epochs     sparsity  val MSE ± SE        test MSE   bal. acc.  precision  recall',
  ];
  for (const l of levels) {
    const mark = l.bestEpoch === bestEpoch ? '  ← kept' : '';
    const val = `${l.valMse.toExponential(2)}${l.valSe === undefined ? '' : ` ± ${l.valSe.toExponential(1)}`}`.padEnd(18);
    lines.push(
      `  ${`${l.firstEpoch}-${l.lastEpoch}`.padEnd(9)}  ${f(l.sparsity)}    ${val}  ${l.testMse === undefined ? 'n/a     ' : l.testMse.toExponential(2)}  ${f(l.scores?.balancedAccuracy)}     ${f(l.scores?.precision)}     ${f(l.scores?.recall)}${mark}`,
    );
  }
  return lines;
}
