import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { pruningPathsSvg, type PlottedRun } from '../plots/pruning-paths-svg';
import { CliUsageError } from './cli-errors';
import { describeIssues, usageFailure } from './input-files';
import { numeric } from './args';

export const PLOT_USAGE = `Usage: npm run dash -- plot --out paths.svg RUN... [options]
  Draws balanced accuracy (or the validation loss) against sparsity along each run's pruning path,
  the kept model ringed. RUN is a train folder (with result.json, trained with --gold), a result.json,
  or a folder holding such runs (a sweep's output, seeds included).
  --out      the SVG file to write
  --y        ba: balanced accuracy (default); val: validation MSE over the run's lowest
  --title    plot title (default: the runs' count)
  --x-min    left end of the sparsity axis (default 0)
  --y-min    bottom of the y axis (default 0.5 for ba, 0.95 for val)
  --y-max    top of the y axis (default 1 for ba; for val, the highest plotted value)
  --guide    dashed guide lines at sparsity,y, e.g. 0.94,0.90`;

const argsSchema = z.object({
  out: z.string().min(1, 'the SVG file to write is required'),
  title: z.string().optional(),
  'x-min': numeric('x-min').pipe(z.number().min(0).max(0.99)).default(0),
  y: z.enum(['ba', 'val'], "--y is ba (balanced accuracy) or val (validation MSE over the run's lowest)").default('ba'),
  'y-min': numeric('y-min').pipe(z.number().min(0)).optional(),
  'y-max': numeric('y-max').pipe(z.number().positive()).optional(),
  guide: z
    .string()
    .regex(/^\s*[\d.]+\s*,\s*[\d.]+\s*$/, 'give sparsity,y, e.g. 0.94,0.90')
    .transform((s) => {
      const [sparsity, value] = s.split(',').map(Number);
      return { sparsity, value };
    })
    .optional(),
});

const resultSchema = z.object({
  strategy: z.string(),
  sparsity: z.number(),
  valMse: z.number().optional(),
  balancedAccuracy: z.number({ error: 'no balanced accuracy (train with --gold)' }),
  pruningPath: z.array(z.object({ sparsity: z.number(), valMse: z.number(), scores: z.object({ balancedAccuracy: z.number() }).nullable() }), {
    error: 'no pruning path (train with --gold)',
  }),
});
type Measure = z.infer<typeof argsSchema>['y'];

/** `dash plot`: the pruning paths of some runs as one SVG. */
export async function runPlot(argv: string[], log: (line: string) => void = console.log): Promise<PlottedRun[]> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    const options = Object.fromEntries(['out', 'y', 'title', 'x-min', 'y-min', 'y-max', 'guide'].map((name) => [name, { type: 'string' as const }]));
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageFailure(e instanceof Error ? e.message : String(e), PLOT_USAGE);
  }
  const args = argsSchema.safeParse({ out: '', ...parsed.values });
  if (!args.success) throw usageFailure(describeIssues(args.error), PLOT_USAGE);
  if (parsed.positionals.length === 0) throw new CliUsageError(`name at least one run folder or result.json\n\n${PLOT_USAGE}`);
  const a = args.data;
  const runs = parsed.positionals.flatMap((p) => findResults(p)).map((r) => readRun(r, a.y));
  const highest = Math.max(...runs.flatMap((r) => r.path.filter((p) => p.sparsity >= a['x-min']).map((p) => p.value)));
  const [yMin, yMax, yLabel] =
    a.y === 'ba'
      ? [a['y-min'] ?? 0.5, a['y-max'] ?? 1, 'balanced accuracy']
      : [a['y-min'] ?? 0.95, a['y-max'] ?? Math.ceil(highest * 10) / 10, "validation MSE / the run's lowest"];
  if (!(yMax > yMin)) throw new CliUsageError(`--y-max (${yMax}) must be above --y-min (${yMin})\n\n${PLOT_USAGE}`);
  const title = a.title ?? `Pruning paths of ${runs.length} run${runs.length === 1 ? '' : 's'}`;
  const svg = pruningPathsSvg(runs, { title, xMin: a['x-min'], yMin, yMax, yLabel, guide: a.guide });
  writeFileSync(args.data.out, svg);
  log(`wrote ${args.data.out} (${runs.length} run${runs.length === 1 ? '' : 's'})`);
  return runs;
}

/** result.json files under `target`, each with a label: the run folder relative to what was named. */
function findResults(target: string): { file: string; label: string }[] {
  if (!existsSync(target)) throw new CliUsageError(`${target} does not exist`);
  if (statSync(target).isFile()) return [{ file: target, label: path.basename(path.dirname(path.resolve(target))) }];
  const own = path.join(target, 'result.json');
  if (existsSync(own)) return [{ file: own, label: path.basename(path.resolve(target)) }];
  const found: { file: string; label: string }[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      const sub = path.join(dir, name);
      // statSync follows links, so folders linked into a sweep layout count too.
      if (!statSync(sub, { throwIfNoEntry: false })?.isDirectory()) continue;
      if (existsSync(path.join(sub, 'result.json'))) found.push({ file: path.join(sub, 'result.json'), label: labelOf(target, sub) });
      else if (depth < 3) walk(sub, depth + 1);
    }
  };
  walk(target, 1);
  if (found.length === 0) throw new CliUsageError(`${target} holds no result.json`);
  return found;
}

/** The run's folder relative to what was named, with the named folder's own name when that alone says little ('seed-3'). */
function labelOf(target: string, run: string): string {
  const relative = path.relative(target, run);
  return relative.includes(path.sep) ? relative : path.join(path.basename(path.resolve(target)), relative);
}

/** The run's pruning path in the chosen measure; `val` divides by the lowest level's loss, so seeds compare. */
function readRun({ file, label }: { file: string; label: string }, measure: Measure): PlottedRun {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliUsageError(`${file}: not readable JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = resultSchema.safeParse(json);
  if (!r.success) throw new CliUsageError(`${file}: ${[...new Set(r.error.issues.map((i) => i.message))].join('; ')}`);
  const levels = r.data.pruningPath;
  if (measure === 'val') {
    if (r.data.valMse === undefined) throw new CliUsageError(`${file}: no validation loss to plot`);
    const lowest = Math.min(...levels.map((l) => l.valMse));
    const path_ = levels.map((l) => ({ sparsity: l.sparsity, value: l.valMse / lowest }));
    return { label, strategy: r.data.strategy, path: path_, kept: { sparsity: r.data.sparsity, value: r.data.valMse / lowest } };
  }
  const path_ = levels.flatMap((l) => (l.scores ? [{ sparsity: l.sparsity, value: l.scores.balancedAccuracy }] : []));
  return { label, strategy: r.data.strategy, path: path_, kept: { sparsity: r.data.sparsity, value: r.data.balancedAccuracy } };
}
