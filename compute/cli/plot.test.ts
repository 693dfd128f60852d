import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlot } from './plot';

const dir = mkdtempSync(path.join(tmpdir(), 'dash-plot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function result(folder: string, strategy: string, sparsity: number, ba: number, levels: [number, number | null][]) {
  mkdirSync(folder, { recursive: true });
  const pruningPath = levels.map(([s, b], level) => ({
    level,
    sparsity: s,
    valMse: 1e-3,
    scores: b === null ? null : { balancedAccuracy: b, balancedAccuracyRegulators: b, precision: 0.1, recall: 0.9 },
  }));
  writeFileSync(path.join(folder, 'result.json'), JSON.stringify({ strategy, sparsity, balancedAccuracy: ba, pruningPath }));
}

describe('dash plot', () => {
  it('finds the runs of a sweep folder, seeds included, and writes one SVG', async () => {
    const sweep = path.join(dir, 'sweep');
    result(path.join(sweep, 'dash_0.5_0.05', 'seed-0'), 'dash', 0.93, 0.91, [
      [0.7, 0.65],
      [0.93, 0.91],
      [0.95, null],
    ]);
    result(path.join(sweep, 'dash_0.5_0.05', 'seed-10'), 'dash', 0.95, 0.9, [
      [0.7, 0.64],
      [0.95, 0.9],
    ]);
    result(path.join(sweep, 'dash_0.5_0.05', 'seed-2'), 'dash', 0.84, 0.8, [[0.84, 0.8]]);
    result(path.join(dir, 'imp'), 'imp', 0.96, 0.72, [[0.96, 0.72]]);
    // A run kept elsewhere and linked into the sweep's layout, and a dangling link, which is skipped.
    result(path.join(dir, 'elsewhere'), 'bioprune', 0.84, 0.87, [[0.84, 0.87]]);
    symlinkSync(path.join(dir, 'elsewhere'), path.join(sweep, 'linked'));
    symlinkSync(path.join(dir, 'gone'), path.join(sweep, 'dangling'));
    const out = path.join(dir, 'paths.svg');
    const lines: string[] = [];
    const runs = await runPlot(['--out', out, '--guide', '0.94,0.90', sweep, path.join(dir, 'imp', 'result.json')], (l) => lines.push(l));
    expect(runs.map((r) => r.label)).toEqual([
      path.join('dash_0.5_0.05', 'seed-0'),
      path.join('dash_0.5_0.05', 'seed-2'),
      path.join('dash_0.5_0.05', 'seed-10'),
      path.join('sweep', 'linked'),
      'imp',
    ]);
    expect(runs[0].path).toHaveLength(2); // the unscored level is left out
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/class="kept"/g)).toHaveLength(5);
    expect(lines).toEqual([`wrote ${out} (5 runs)`]);
  });

  it('explains what it cannot plot', async () => {
    const bare = path.join(dir, 'no-gold');
    mkdirSync(bare, { recursive: true });
    writeFileSync(path.join(bare, 'result.json'), JSON.stringify({ strategy: 'dash', sparsity: 0.9 }));
    const out = path.join(dir, 'x.svg');
    await expect(runPlot(['--out', out, bare], () => {})).rejects.toThrow(/no-gold.*result\.json: no balanced accuracy \(train with --gold\); no pruning path/);
    await expect(runPlot(['--out', out, path.join(dir, 'missing')], () => {})).rejects.toThrow(/missing does not exist/);
    await expect(runPlot(['--out', out], () => {})).rejects.toThrow(/name at least one run/);
    await expect(runPlot(['--out', out, '--guide', 'high', bare], () => {})).rejects.toThrow(/--guide: give sparsity,y/);
    await expect(runPlot(['--out', out, '--y', 'auc', bare], () => {})).rejects.toThrow(/--y is ba \(balanced accuracy\) or val/);
    await expect(runPlot([bare], () => {})).rejects.toThrow(/--out: the SVG file to write is required/);
  });

  it("--y val plots each level's validation loss over the run's lowest, the kept model on it", async () => {
    const run = path.join(dir, 'val-run');
    mkdirSync(run, { recursive: true });
    const pruningPath = [
      [0.7, 2e-3],
      [0.9, 1e-3],
      [0.95, 1.5e-3],
    ].map(([sparsity, valMse], level) => ({ level, sparsity, valMse, scores: { balancedAccuracy: 0.8 } }));
    writeFileSync(path.join(run, 'result.json'), JSON.stringify({ strategy: 'dash', sparsity: 0.9, valMse: 1e-3, balancedAccuracy: 0.85, pruningPath }));
    const out = path.join(dir, 'val.svg');
    const [plotted] = await runPlot(['--out', out, '--y', 'val', run], () => {});
    expect(plotted.path.map((p) => p.value)).toEqual([2, 1, 1.5]);
    expect(plotted.kept).toEqual({ sparsity: 0.9, value: 1 });
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain("validation MSE / the run's lowest");
    expect(svg).toContain('val-run (0.900, 1.000)');
    await expect(runPlot(['--out', out, '--y', 'val', '--y-min', '2', '--y-max', '1', run], () => {})).rejects.toThrow(
      /--y-max \(1\) must be above --y-min \(2\)/,
    );
  });
});
