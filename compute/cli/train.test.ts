import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDenseMatrix } from '../formats/dense-matrix';
import { writeEdgeListCsv } from '../formats/edge-list';
import { writeGeneNames } from '../formats/gene-names';
import { matrixToEdges } from '../formats/network-convert';
import { writeTrajectoryCsv } from '../formats/trajectory-csv';
import { parseModelWeights } from '../formats/weights';
import { randomKinetics } from '../simulator/random-kinetics';
import { simulateDataset } from '../simulator/simulate';
import type { SquareMatrix } from '../types';
import { parseSeedList, runSweep } from './sweep';
import { summariseSweep } from './sweep-table';
import { configFromArgs, parseTrainArgs, runTrain } from './train';
import { runTrainPool } from './train-pool';

const dir = mkdtempSync(path.join(tmpdir(), 'dash-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const n = 6;
const genes = ['A', 'B', 'C', 'D', 'E', 'F'];
const truth: SquareMatrix = { n, data: new Float64Array(n * n) };
for (const [a, b, s] of [
  [0, 2, 1],
  [1, 3, -1],
  [2, 4, 1],
  [3, 5, 1],
])
  truth.data[a * n + b] = s;
const sim = simulateDataset(randomKinetics(genes, truth, 3), { trajectories: 12, times: [0, 1, 2, 4], seed: 4 });
const dataFile = file('data.csv', writeTrajectoryCsv(sim.clean));
const genesFile = file('genes.csv', writeGeneNames(genes));
const priorFile = file('prior.csv', writeDenseMatrix(truth));
const goldFile = file('gold.csv', writeEdgeListCsv(matrixToEdges(truth, genes)));
const quick = ['--epochs', '4', '--hidden', '4', '--val-fraction', '0.25', '--quiet'];

describe('dash train', () => {
  it('writes result.json, effects.csv and model.json and prints a summary', async () => {
    const out = path.join(dir, 'run');
    const lines: string[] = [];
    await runTrain(
      [
        '--data',
        dataFile,
        '--genes',
        genesFile,
        '--prior',
        priorFile,
        '--gold',
        goldFile,
        '--test',
        dataFile,
        '--strategy',
        'dash',
        '--lambda',
        '0.5,0.05',
        '--noise',
        '0.01',
        ...quick,
        '--out',
        out,
      ],
      (l) => lines.push(l),
    );
    const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'));
    for (const key of [
      'strategy',
      'lambda',
      'sparsity',
      'balancedAccuracy',
      'balancedAccuracyRegulators',
      'precision',
      'recall',
      'auroc',
      'aupr',
      'epr',
      'valMse',
      'testMse',
      'epochsRun',
      'bestEpoch',
      'secondsPerEpoch',
      'config',
    ]) {
      expect(result, key).toHaveProperty(key);
    }
    expect(result.lambda).toEqual([0.5, 0.05]);
    expect(result.config.noiseStd).toBe(0.01);
    expect(result.epochsRun).toBe(4);
    const effects = readFileSync(path.join(out, 'effects.csv'), 'utf8').trim().split('\n');
    expect(effects[0]).toBe('regulator,target,effect');
    expect(effects.length).toBeGreaterThan(1);
    for (const row of effects.slice(1)) {
      const [reg, target, effect] = row.split(',');
      expect(genes).toContain(reg);
      expect(genes).toContain(target);
      expect(Number(effect)).not.toBe(0);
    }
    expect(parseModelWeights(readFileSync(path.join(out, 'model.json'), 'utf8')).genes).toEqual(genes);
    expect(existsSync(path.join(out, 'checkpoint.json'))).toBe(true);
    expect(lines.join('\n')).toMatch(/balanced accuracy\s+0\.\d{4}/);
  });

  it('continues a run from its checkpoint with --resume', async () => {
    const out = path.join(dir, 'resume');
    const args = ['--data', dataFile, '--genes', genesFile, '--strategy', 'imp', '--hidden', '4', '--val-fraction', '0.25', '--quiet', '--out', out];
    await runTrain([...args, '--epochs', '2'], () => {});
    const resumed = await runTrain([...args, '--epochs', '4', '--resume'], () => {});
    const straight = await runTrain([...args.slice(0, -1), path.join(dir, 'straight'), '--epochs', '4'], () => {});
    expect(resumed.summary.epochsRun).toBe(4);
    expect(resumed.result.model).toEqual(straight.result.model);
  });

  it('explains bad arguments', async () => {
    await expect(runTrain(['--data', dataFile, '--out', dir, '--lambda', '2,0'], () => {})).rejects.toThrow(/--lambda: '2,0' is not two numbers in \[0, 1\]/);
    await expect(runTrain(['--data', dataFile, '--out', dir, '--strategy', 'magic'], () => {})).rejects.toThrow(/--strategy/);
    await expect(runTrain(['--out', dir], () => {})).rejects.toThrow(/--data: the expression data file is required/);
    await expect(runTrain(['--data', path.join(dir, 'nope.csv'), '--out', dir], () => {})).rejects.toThrow(/cannot read .*nope\.csv/);
    await expect(
      runTrain(['--data', dataFile, '--genes', genesFile, '--strategy', 'bioprune', '--out', path.join(dir, 'x'), '--quiet'], () => {}),
    ).rejects.toThrow(/prior/);
  });

  it('defaults to --select one-se --lr-reset reference, names the rules in the config, and takes the others when asked', () => {
    const base = ['--data', dataFile, '--out', dir];
    const plain = configFromArgs(parseTrainArgs(base));
    expect(plain).toMatchObject({ selection: 'one-se', lrReset: 'reference' });
    const chosen = configFromArgs(parseTrainArgs([...base, '--select', 'best', '--lr-reset', 'initial']));
    expect(chosen).toMatchObject({ selection: 'best', lrReset: 'initial' });
    expect(() => parseTrainArgs([...base, '--lr-reset', 'paper'])).toThrow(/--lr-reset/);
  });
});

describe('dash sweep', () => {
  const sweepArgs = [
    '--data',
    dataFile,
    '--genes',
    genesFile,
    '--prior',
    priorFile,
    '--gold',
    goldFile,
    '--lambdas',
    '0.5,0.05;0.9,0.9',
    ...quick,
    '--epochs',
    '3',
  ];

  it('runs the λ grid and baselines, picks DASH λ by validation loss and prints the table', async () => {
    const out = path.join(dir, 'sweep');
    const lines: string[] = [];
    const args = [...sweepArgs, '--strategies', 'none,imp', '--out', out];
    const { rows } = await runSweep(args, (l) => lines.push(l));
    expect(rows.map((r) => r.run)).toEqual(['dash_0.5_0.05', 'dash_0.9_0.9', 'none', 'imp']);
    const dash = rows.filter((r) => r.strategy === 'dash');
    const chosen = dash.find((r) => r.chosen)!;
    expect(chosen.valMse).toBe(Math.min(...dash.map((r) => r.valMse)));
    expect(lines.some((l) => l.includes('← chosen'))).toBe(true);
    expect(lines.some((l) => /^run\s+sparsity\s+bal\. acc\./.test(l))).toBe(true);
    // A second sweep reuses the finished runs.
    const again: string[] = [];
    await runSweep(args, (l) => again.push(l));
    expect(again.filter((l) => l.includes('reusing'))).toHaveLength(4);
    // Under other rules the finished runs are not the sweep asked for: they train again, and so does a result naming no rules (the old defaults).
    const other: string[] = [];
    await runSweep([...args, '--strategies', 'none', '--lambdas', '0.5,0.05', '--select', 'best', '--lr-reset', 'initial'], (l) => other.push(l));
    expect(other.filter((l) => l.includes('training again'))).toHaveLength(2);
    const noneResult = path.join(out, 'none', 'result.json');
    const stored = JSON.parse(readFileSync(noneResult, 'utf8'));
    expect(stored.config).toMatchObject({ selection: 'best', lrReset: 'initial' });
    delete stored.config.selection;
    delete stored.config.lrReset;
    writeFileSync(noneResult, JSON.stringify(stored));
    const legacy: string[] = [];
    await runSweep([...args, '--strategies', 'none', '--lambdas', '0.5,0.05', '--select', 'best', '--lr-reset', 'initial'], (l) => legacy.push(l));
    expect(legacy.filter((l) => l.includes('reusing'))).toHaveLength(2);
  });

  it('repeats every configuration over --seeds in parallel processes, the same as one at a time', async () => {
    const parallel = path.join(dir, 'seeds-parallel');
    const serial = path.join(dir, 'seeds-serial');
    const lines: string[] = [];
    const outcome = await runSweep([...sweepArgs, '--lambdas', '0.9,0.9', '--strategies', 'imp', '--seeds', '0-1', '--jobs', '2', '--out', parallel], (l) =>
      lines.push(l),
    );
    expect(outcome.rows.map((r) => `${r.run}/${r.seed}`)).toEqual(['dash_0.9_0.9/0', 'dash_0.9_0.9/1', 'imp/0', 'imp/1']);
    expect(existsSync(path.join(parallel, 'imp', 'seed-1', 'result.json'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('finished'))).toHaveLength(4);
    expect(outcome.summaries.map((s) => s.seeds)).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(lines.some((l) => /^dash_0\.9_0\.9 ← chosen \(lowest val MSE\)\s+2\s+0\.\d{4} ± 0\.\d{4}/.test(l))).toBe(true);
    // Child processes get the same flags: their results equal in-process training's, seed for seed.
    const one = await runSweep([...sweepArgs, '--lambdas', '0.9,0.9', '--strategies', '', '--seeds', '1', '--out', serial], () => {});
    const child = outcome.rows.find((r) => r.run === 'dash_0.9_0.9' && r.seed === 1)!;
    expect(one.rows[0].valMse).toBe(child.valMse);
    expect(one.rows[0].sparsity).toBe(child.sparsity);
  }, 60_000);

  it('stops the other trainings when one fails, and says which failed', async () => {
    const long = path.join(dir, 'pool-long');
    const started = Date.now();
    const jobs = [
      {
        label: 'long',
        argv: ['--data', dataFile, '--genes', genesFile, '--strategy', 'none', '--hidden', '4', '--epochs', '100000', '--patience', '100000'],
        out: long,
      },
      { label: 'broken', argv: ['--data', path.join(dir, 'no-such.csv')], out: path.join(dir, 'pool-broken') },
    ];
    await expect(runTrainPool(jobs, 2, () => {})).rejects.toThrow(/broken failed \(exit 2\):\n.*cannot read .*no-such\.csv/s);
    // A live training rewrites its checkpoint every epoch (milliseconds here); a stopped one does not.
    const checkpoint = path.join(long, 'checkpoint.json');
    const mtime = () => (existsSync(checkpoint) ? statSync(checkpoint).mtimeMs : 0);
    await new Promise((r) => setTimeout(r, 300));
    const before = mtime();
    await new Promise((r) => setTimeout(r, 1500));
    expect(mtime()).toBe(before);
    expect(existsSync(path.join(long, 'result.json'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('explains a bad --seeds or --jobs', async () => {
    await expect(runSweep([...sweepArgs, '--seeds', '3-1', '--out', dir], () => {})).rejects.toThrow(/--seeds: '3-1' is not a list of seeds/);
    await expect(runSweep([...sweepArgs, '--jobs', '0', '--out', dir], () => {})).rejects.toThrow(/--jobs/);
  });
});

describe('sweep summaries', () => {
  it('parses seed lists', () => {
    expect(parseSeedList('0-2,5,1')).toEqual([0, 1, 2, 5]);
    expect(parseSeedList('7')).toEqual([7]);
    for (const bad of ['', 'a', '-1', '2-1', '1.5', '0-5000']) expect(parseSeedList(bad), bad).toBeNull();
  });

  it('averages each configuration over its seeds with the sample standard deviation', () => {
    const row = (run: string, seed: number, sparsity: number, valMse: number) => ({
      run,
      strategy: run.startsWith('dash') ? 'dash' : run,
      lambda: null,
      seed,
      sparsity,
      valMse,
      secondsPerEpoch: 1,
    });
    const summaries = summariseSweep([
      row('dash_a', 0, 0.9, 3),
      row('dash_a', 1, 0.94, 1),
      row('dash_b', 0, 0.8, 1),
      row('dash_b', 1, 0.8, 2.5),
      row('imp', 0, 0.96, 0.5),
    ]);
    expect(summaries.map((s) => s.run)).toEqual(['dash_a', 'dash_b', 'imp']);
    expect(summaries[0].sparsity.mean).toBeCloseTo(0.92, 12);
    expect(summaries[0].sparsity.sd).toBeCloseTo(Math.sqrt(0.0008), 12); // ((0.02² + 0.02²) / 1)^½
    expect(summaries[1].valMse).toEqual({ mean: 1.75, sd: Math.sqrt(1.125) });
    expect(summaries[2].valMse).toEqual({ mean: 0.5, sd: 0 });
    // λ by mean validation loss among DASH runs only: dash_b (1.75) over dash_a (2), imp not eligible.
    expect(summaries.filter((s) => s.chosen).map((s) => s.run)).toEqual(['dash_b']);
    expect(summaries[0].balancedAccuracy).toBeUndefined();
  });
});
