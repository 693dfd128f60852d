import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PruningStrategy } from '../types';
import { CliUsageError } from './cli-errors';
import { configFromArgs, loadInputs, parseCliArgs, TRAIN_OPTIONS, trainArgsSchema, trainToFolder } from './train';

export const SWEEP_USAGE = `Usage: npm run dash -- sweep --data D.csv --prior P.csv --out DIR [options]
  Runs DASH over a λ grid and the baselines one after another (each in DIR/<run>/), then prints the
  sparsity / balanced accuracy table; DASH's λ is the one with the lowest validation loss.
  --lambdas      DASH grid, pairs separated by ';' (default 0.5,0.05;0.75,0.75;0.8,0.8;0.95,0.95;0.995,0.95)
  --strategies   baselines to run besides DASH (default none,imp,bioprune,pinn,pinn-mp)
  --redo         rerun runs whose DIR/<run>/result.json exists (default: reuse them)
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
    .default('none,imp,bioprune,pinn,pinn-mp')
    .transform((s, ctx) => {
      const list = s.split(',').map((x) => x.trim()).filter(Boolean);
      const known = ['none', 'imp', 'bioprune', 'pinn', 'pinn-mp'];
      const bad = list.filter((x) => !known.includes(x));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown strategies ${bad.join(', ')} (choose from ${known.join(', ')})` });
        return z.NEVER;
      }
      return list as PruningStrategy[];
    }),
  redo: z.boolean().default(false),
});

const { strategy: _strategy, lambda: _lambda, resume: _resume, ...RUN_OPTIONS } = TRAIN_OPTIONS;
const OPTIONS = {
  ...RUN_OPTIONS,
  lambdas: { type: 'string' },
  strategies: { type: 'string' },
  redo: { type: 'boolean' },
} as const;

export interface SweepRow {
  run: string;
  strategy: string;
  lambda: [number, number] | null;
  sparsity: number;
  balancedAccuracy?: number;
  balancedAccuracyRegulators?: number;
  valMse: number;
  testMse?: number;
  secondsPerEpoch: number;
  chosen?: boolean;
}

/** `dash sweep`: the λ grid and the baselines, sequentially; reuses finished runs unless --redo. */
export async function runSweep(argv: string[], log: (line: string) => void = console.log): Promise<SweepRow[]> {
  const args = parseCliArgs(argv, OPTIONS, sweepSchema, SWEEP_USAGE, { data: '', out: '' });
  if (!args.prior) throw new CliUsageError(`--prior: DASH needs a prior network\n\n${SWEEP_USAGE}`);
  const inputs = loadInputs(args);
  for (const note of inputs.notes) log(`note: ${note}`);
  const runs: { run: string; strategy: PruningStrategy; lambda?: [number, number] }[] = [
    ...args.lambdas.map((l) => ({ run: `dash_${l[0]}_${l[1]}`, strategy: 'dash' as const, lambda: l })),
    ...args.strategies.map((s) => ({ run: s, strategy: s })),
  ];
  const rows: SweepRow[] = [];
  for (const [k, r] of runs.entries()) {
    const out = path.join(args.out, r.run);
    const resultFile = path.join(out, 'result.json');
    let summary: Record<string, unknown>;
    if (!args.redo && existsSync(resultFile)) {
      summary = JSON.parse(readFileSync(resultFile, 'utf8'));
      log(`[${k + 1}/${runs.length}] ${r.run}: reusing ${resultFile}`);
    } else {
      log(`[${k + 1}/${runs.length}] ${r.run}`);
      const config = configFromArgs({ ...args, strategy: r.strategy, lambda: r.lambda, resume: false });
      summary = (await trainToFolder(inputs, config, out, { quiet: args.quiet, label: r.run })).summary;
    }
    rows.push({
      run: r.run,
      strategy: r.strategy,
      lambda: (summary.lambda as [number, number] | null) ?? null,
      sparsity: summary.sparsity as number,
      balancedAccuracy: summary.balancedAccuracy as number | undefined,
      balancedAccuracyRegulators: summary.balancedAccuracyRegulators as number | undefined,
      valMse: summary.valMse as number,
      testMse: summary.testMse as number | undefined,
      secondsPerEpoch: summary.secondsPerEpoch as number,
    });
  }
  const dash = rows.filter((r) => r.strategy === 'dash');
  if (dash.length) dash.reduce((best, r) => (r.valMse < best.valMse ? r : best)).chosen = true;
  for (const line of formatTable(rows)) log(line);
  writeFileSync(path.join(args.out, 'sweep.json'), JSON.stringify(rows, null, 2) + '\n');
  return rows;
}

export function formatTable(rows: SweepRow[]): string[] {
  const f = (x: number | undefined, d = 4) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d));
  const e = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toExponential(3));
  const header = ['run', 'sparsity', 'bal. acc.', 'bal. acc. reg.', 'val MSE', 'test MSE', 's/epoch'];
  const body = rows.map((r) => [`${r.run}${r.chosen ? ' ← chosen (lowest val MSE)' : ''}`, f(r.sparsity), f(r.balancedAccuracy), f(r.balancedAccuracyRegulators), e(r.valMse), e(r.testMse), f(r.secondsPerEpoch, 2)]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}
