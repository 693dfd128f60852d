import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { pruningPathsSvg, type PlottedRun } from '../plots/pruning-paths-svg';
import { CliUsageError } from './cli-errors';
import { describeIssues, usageFailure } from './input-files';
import { numeric } from './train';

export const PLOT_USAGE = `Usage: npm run dash -- plot --out paths.svg RUN... [options]
  Draws balanced accuracy against sparsity along each run's pruning path, the kept model ringed.
  RUN is a train folder (with result.json, trained with --gold), a result.json, or a folder holding
  such runs (a sweep's output, seeds included).
  --out      the SVG file to write
  --title    plot title (default: the runs' count)
  --x-min    left end of the sparsity axis (default 0)
  --y-min    bottom of the balanced-accuracy axis (default 0.5)
  --guide    dashed guide lines at sparsity,balanced accuracy, e.g. 0.94,0.90`;

const argsSchema = z.object({
  out: z.string().min(1, 'the SVG file to write is required'),
  title: z.string().optional(),
  'x-min': numeric('x-min').pipe(z.number().min(0).max(0.99)).default(0),
  'y-min': numeric('y-min').pipe(z.number().min(0).max(0.99)).default(0.5),
  guide: z
    .string()
    .regex(/^\s*[\d.]+\s*,\s*[\d.]+\s*$/, 'give sparsity,balanced accuracy, e.g. 0.94,0.90')
    .transform((s) => {
      const [sparsity, balancedAccuracy] = s.split(',').map(Number);
      return { sparsity, balancedAccuracy };
    })
    .optional(),
});

const scored = z.object({ sparsity: z.number(), balancedAccuracy: z.number() });
const resultSchema = z.object({
  strategy: z.string(),
  sparsity: z.number(),
  balancedAccuracy: z.number({ error: 'no balanced accuracy (train with --gold)' }),
  pruningPath: z.array(z.object({ sparsity: z.number(), scores: scored.omit({ sparsity: true }).nullable() }), { error: 'no pruning path (train with --gold)' }),
});

/** `dash plot`: the pruning paths of some runs as one SVG. */
export async function runPlot(argv: string[], log: (line: string) => void = console.log): Promise<PlottedRun[]> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: 'string' }, title: { type: 'string' }, 'x-min': { type: 'string' }, 'y-min': { type: 'string' }, guide: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageFailure(e instanceof Error ? e.message : String(e), PLOT_USAGE);
  }
  const args = argsSchema.safeParse({ out: '', ...parsed.values });
  if (!args.success) throw usageFailure(describeIssues(args.error), PLOT_USAGE);
  if (parsed.positionals.length === 0) throw new CliUsageError(`name at least one run folder or result.json\n\n${PLOT_USAGE}`);
  const runs = parsed.positionals.flatMap((p) => findResults(p)).map(readRun);
  const svg = pruningPathsSvg(runs, { title: args.data.title ?? `Pruning paths of ${runs.length} run${runs.length === 1 ? '' : 's'}`, xMin: args.data['x-min'], yMin: args.data['y-min'], guide: args.data.guide });
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

function readRun({ file, label }: { file: string; label: string }): PlottedRun {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliUsageError(`${file}: not readable JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = resultSchema.safeParse(json);
  if (!r.success) throw new CliUsageError(`${file}: ${[...new Set(r.error.issues.map((i) => i.message))].join('; ')}`);
  const path_ = r.data.pruningPath.flatMap((l) => (l.scores ? [{ sparsity: l.sparsity, balancedAccuracy: l.scores.balancedAccuracy }] : []));
  return { label, strategy: r.data.strategy, path: path_, kept: { sparsity: r.data.sparsity, balancedAccuracy: r.data.balancedAccuracy } };
}
