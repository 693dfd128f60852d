import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { edgesToMatrix } from '../formats/network-convert';
import { scoreNamedNetwork, type NamedNetworkScores } from '../metrics/named-scores';
import { CliUsageError } from './cli-errors';
import { describeIssues, networkKindSchema, readGeneFile, readNetworkFile, usageFailure } from './input-files';

export const EVALUATE_USAGE = `Usage: npm run dash -- evaluate --effects E.csv --gold T.csv [--genes G.csv] [--out scores.json]
  --effects          predicted network: effects.csv (regulator,target,effect), an edge list or a dense matrix
  --gold             reference network: edge list, SIF or dense matrix (without names it needs --genes)
  --genes            the dataset's genes (header x); without it, the genes named by the effects file
  --gold-kind        force the gold file's layout: matrix, edges or sif (default: detected)
  --regulators-only  restrict precision, recall, AUROC, AUPR and EPR to regulator rows
  --out              also write the scores as JSON`;

const argsSchema = z.object({
  effects: z.string().min(1, 'the predicted effects file is required'),
  gold: z.string().min(1, 'the gold standard file is required'),
  genes: z.string().min(1).optional(),
  'gold-kind': networkKindSchema.optional(),
  'regulators-only': z.boolean().default(false),
  out: z.string().min(1).optional(),
});

export interface EvaluateReport {
  effects: string;
  gold: string;
  genes: number;
  genesSource: 'genes file' | 'effects file';
  predictedEdgesOutside: number;
  scores: NamedNetworkScores;
}

/** `dash evaluate`: scores predicted effects against a gold standard by gene name and prints a table. */
export async function runEvaluate(argv: string[], log: (line: string) => void = console.log): Promise<EvaluateReport> {
  const args = parseEvaluateArgs(argv);
  const genesFromFile = args.genes ? readGeneFile(args.genes) : null;
  const predicted = readNetworkFile(args.effects, { genes: genesFromFile ?? undefined });
  const genes = genesFromFile ?? genesOf(predicted.edges);
  if (genes.length === 0) throw new CliUsageError(`${args.effects}: no predicted edges and no --genes; nothing to score`);
  const effects = edgesToMatrix(predicted.edges, genes, 'weight');
  const gold = readNetworkFile(args.gold, { genes, kind: args['gold-kind'] });
  const scores = scoreNamedNetwork(effects.matrix, genes, gold.edges, { regulatorsOnly: args['regulators-only'] });
  if (scores.referenceEdges === 0) throw new CliUsageError(`${args.gold}: none of its edges joins two genes of the dataset`);

  const report: EvaluateReport = {
    effects: args.effects,
    gold: args.gold,
    genes: genes.length,
    genesSource: genesFromFile ? 'genes file' : 'effects file',
    predictedEdgesOutside: effects.outsideEdges,
    scores,
  };
  for (const line of formatReport(report)) log(line);
  if (args.out) writeFileSync(args.out, JSON.stringify(report, jsonNumbers, 2) + '\n');
  return report;
}

function parseEvaluateArgs(argv: string[]): z.infer<typeof argsSchema> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        effects: { type: 'string' },
        gold: { type: 'string' },
        genes: { type: 'string' },
        'gold-kind': { type: 'string' },
        'regulators-only': { type: 'boolean' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw usageFailure(e instanceof Error ? e.message : String(e), EVALUATE_USAGE);
  }
  const parsed = argsSchema.safeParse({ effects: '', gold: '', ...values });
  if (!parsed.success) throw usageFailure(describeIssues(parsed.error), EVALUATE_USAGE);
  return parsed.data;
}

function genesOf(edges: readonly { regulator: string; target: string }[]): string[] {
  const seen = new Set<string>();
  for (const e of edges) {
    seen.add(e.regulator);
    seen.add(e.target);
  }
  return [...seen];
}

/** NaN (a metric undefined for this input) becomes null in JSON rather than silently 0. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

export function formatReport(report: EvaluateReport): string[] {
  const s = report.scores;
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
  const rows: [string, string][] = [
    ['genes', `${report.genes} (from the ${report.genesSource})`],
    ['reference edges', `${s.referenceEdges} inside, ${s.referenceEdgesOutside} outside the genes`],
    ['predicted edges', `${s.predictedEdges} (sparsity ${f(s.sparsityOfPrediction)})`],
    ['TP / FP / TN / FN', `${s.tp} / ${s.fp} / ${s.tn} / ${s.fn}`],
    ['balanced accuracy', f(s.balancedAccuracy)],
    ['  regulator rows', f(s.balancedAccuracyRegulators)],
    ['precision', f(s.precision)],
    ['recall', f(s.recall)],
    ['F1', f(s.f1)],
    ['AUROC', f(s.auroc)],
    ['AUPR', f(s.aupr)],
    ['early precision ratio', `${f(s.epr)} (early precision ${f(s.earlyPrecision)})`],
    ['sign accuracy (TP)', f(s.signAccuracy)],
  ];
  if (report.predictedEdgesOutside > 0) rows.push(['predicted edges outside', `${report.predictedEdgesOutside} (genes not in --genes)`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
}
