import { fixed, sci } from './number-format';

/** One finished run of a sweep: a configuration (DASH λ or a baseline) at one seed. */
export interface SweepRow {
  run: string;
  strategy: string;
  lambda: [number, number] | null;
  seed: number;
  sparsity: number;
  balancedAccuracy?: number;
  balancedAccuracyRegulators?: number;
  valMse: number;
  testMse?: number;
  secondsPerEpoch: number;
  chosen?: boolean;
}

/** Mean and sample standard deviation (0 for one value) of what the seeds of one configuration gave. */
export interface Spread {
  mean: number;
  sd: number;
}

/** A configuration over all its seeds. */
export interface SweepSummary {
  run: string;
  strategy: string;
  seeds: number[];
  sparsity: Spread;
  balancedAccuracy?: Spread;
  balancedAccuracyRegulators?: Spread;
  valMse: Spread;
  testMse?: Spread;
  chosen?: boolean;
}

export function spread(values: readonly number[]): Spread {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

function spreadOf(rows: readonly SweepRow[], pick: (r: SweepRow) => number | undefined): Spread | undefined {
  const values = rows.map(pick);
  return values.every((x): x is number => x !== undefined && Number.isFinite(x)) ? spread(values) : undefined;
}

/**
 * One summary per configuration, in first-seen order. DASH's λ is chosen by the lowest validation
 * loss (the paper's rule), averaged over seeds when there are several.
 */
export function summariseSweep(rows: readonly SweepRow[]): SweepSummary[] {
  const groups = new Map<string, SweepRow[]>();
  for (const r of rows) groups.set(r.run, [...(groups.get(r.run) ?? []), r]);
  const summaries = [...groups.entries()].map(([run, group]) => ({
    run,
    strategy: group[0].strategy,
    seeds: group.map((r) => r.seed),
    sparsity: spread(group.map((r) => r.sparsity)),
    balancedAccuracy: spreadOf(group, (r) => r.balancedAccuracy),
    balancedAccuracyRegulators: spreadOf(group, (r) => r.balancedAccuracyRegulators),
    valMse: spread(group.map((r) => r.valMse)),
    testMse: spreadOf(group, (r) => r.testMse),
  })) as SweepSummary[];
  const dash = summaries.filter((s) => s.strategy === 'dash');
  if (dash.length) dash.reduce((best, s) => (s.valMse.mean < best.valMse.mean ? s : best)).chosen = true;
  return summaries;
}

const CHOSEN = ' ← chosen (lowest val MSE)';

function layout(header: string[], body: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

/** Every run, one line each; the seed column appears when the sweep has more than one seed. */
export function formatTable(rows: readonly SweepRow[]): string[] {
  const seeded = new Set(rows.map((r) => r.seed)).size > 1;
  const header = ['run', ...(seeded ? ['seed'] : []), 'sparsity', 'bal. acc.', 'bal. acc. reg.', 'val MSE', 'test MSE', 's/epoch'];
  const body = rows.map((r) => [
    `${r.run}${r.chosen ? CHOSEN : ''}`,
    ...(seeded ? [String(r.seed)] : []),
    fixed(r.sparsity),
    fixed(r.balancedAccuracy),
    fixed(r.balancedAccuracyRegulators),
    sci(r.valMse),
    sci(r.testMse),
    fixed(r.secondsPerEpoch, 2),
  ]);
  return layout(header, body);
}

/** Mean ± standard deviation over seeds, one line per configuration. */
export function formatSummaryTable(summaries: readonly SweepSummary[]): string[] {
  const pm = (s: Spread | undefined, f: (x: unknown) => string) => (s ? `${f(s.mean)} ± ${f(s.sd)}` : 'n/a');
  const header = ['run', 'seeds', 'sparsity', 'bal. acc.', 'bal. acc. reg.', 'val MSE', 'test MSE'];
  const body = summaries.map((s) => [
    `${s.run}${s.chosen ? CHOSEN : ''}`,
    String(s.seeds.length),
    pm(s.sparsity, fixed),
    pm(s.balancedAccuracy, fixed),
    pm(s.balancedAccuracyRegulators, fixed),
    pm(s.valMse, sci),
    pm(s.testMse, sci),
  ]);
  return layout(header, body);
}
