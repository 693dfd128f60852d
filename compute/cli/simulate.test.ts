import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDenseMatrix } from '../formats/dense-matrix';
import { parseEdgeList } from '../formats/edge-list';
import { parseGeneNames } from '../formats/gene-names';
import { parseTrajectoryCsv } from '../formats/trajectory-csv';
import { runSimulate } from './simulate';

const dir = mkdtempSync(path.join(tmpdir(), 'dash-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const read = (...parts: string[]) => readFileSync(path.join(dir, ...parts), 'utf8');

const network = file('net.csv', 'regulator,target,sign\nA,B,activation\nB,C,repression\nA,C,+\nC,D,-\n');

describe('runSimulate', () => {
  it('simulates an edge list and writes data, genes, truth, equations and kinetics', async () => {
    const out = path.join(dir, 'run1');
    const lines: string[] = [];
    const report = await runSimulate(['--network', network, '--trajectories', '4', '--times', '0,1,3', '--noise', '0.02', '--seed', '5', '--out', out], (l) =>
      lines.push(l),
    );
    expect(report).toMatchObject({ genes: 4, inputGenes: 1, edges: 4, trajectories: 4, times: [0, 1, 3] });
    expect(readdirSync(out).sort()).toEqual([
      'data.csv',
      'data_clean.csv',
      'edges_kinetics.csv',
      'genes.csv',
      'ode_equations.csv',
      'truth.csv',
      'truth_edges.csv',
    ]);
    const genes = parseGeneNames(read('run1', 'genes.csv'));
    expect(genes).toEqual(['A', 'B', 'C', 'D']);
    const data = parseTrajectoryCsv(read('run1', 'data.csv'), genes);
    const clean = parseTrajectoryCsv(read('run1', 'data_clean.csv'), genes);
    expect(data.trajectories).toHaveLength(4);
    expect(data.trajectories[0].times).toEqual([0, 1, 3]);
    expect(data.trajectories[0].values).not.toEqual(clean.trajectories[0].values);
    expect(Array.from(parseDenseMatrix(read('run1', 'truth.csv'), genes).matrix.data)).toEqual([0, 1, 1, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0]);
    expect(parseEdgeList(read('run1', 'truth_edges.csv'))).toHaveLength(4);
    expect(lines[0]).toContain('simulated 4 trajectories of 4 genes (1 inputs, 4 edges)');
  });

  it('re-simulates its own equations to the same clean data', async () => {
    const out = path.join(dir, 'run2');
    await runSimulate(
      [
        '--equations',
        path.join(dir, 'run1', 'ode_equations.csv'),
        '--kinetics',
        path.join(dir, 'run1', 'edges_kinetics.csv'),
        '--genes',
        path.join(dir, 'run1', 'genes.csv'),
        '--trajectories',
        '4',
        '--times',
        '0,1,3',
        '--noise',
        '0.02',
        '--seed',
        '5',
        '--out',
        out,
      ],
      () => {},
    );
    expect(read('run2', 'data_clean.csv')).toBe(read('run1', 'data_clean.csv'));
  });

  it('explains bad arguments', async () => {
    const out = path.join(dir, 'bad');
    await expect(runSimulate(['--out', out], () => {})).rejects.toThrow(/exactly one of --network or --equations/);
    await expect(runSimulate(['--network', network, '--out', out, '--times', '0,2,1'], () => {})).rejects.toThrow(/times must increase/);
    await expect(runSimulate(['--network', network, '--out', out, '--times', '0,x'], () => {})).rejects.toThrow(/not a comma-separated list of numbers/);
    await expect(runSimulate(['--network', network, '--out', out, '--trajectories', '0'], () => {})).rejects.toThrow(/--trajectories/);
    await expect(runSimulate(['--network', network, '--out', out, '--noise', '-1'], () => {})).rejects.toThrow(/--noise/);
    await expect(runSimulate(['--network', network], () => {})).rejects.toThrow(/--out: the output folder is required/);
  });

  it('reports genes of the network missing from --genes, and bad network files by line', async () => {
    const genes = file('genes_small.csv', 'x\nA\nB\n');
    await expect(runSimulate(['--network', network, '--genes', genes, '--out', path.join(dir, 'x')], () => {})).rejects.toThrow(/genes not in .*'C', 'D'/);
    const bad = file('bad_net.csv', 'A,B,1\nB,C,sideways\n');
    await expect(runSimulate(['--network', bad, '--out', path.join(dir, 'y')], () => {})).rejects.toThrow(`${bad}: line 2, column 3: 'sideways' is not a sign`);
  });
});
