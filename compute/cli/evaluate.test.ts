import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvaluate } from './evaluate';

const dir = mkdtempSync(path.join(tmpdir(), 'dash-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

// The 3×3 case of metrics.test.ts by name: genes A, B, C; gold A→B, B→C (+ one edge to a gene outside).
const genes = file('genes.csv', 'x\nA\nB\nC\n');
const effects = file('effects.csv', 'regulator,target,effect\nA,B,0.9\nA,C,0.2\nC,A,-0.5\n');
const gold = file('gold.tsv', 'regulator\ttarget\tsign\nA\tB\t+\nB\tC\t-\nTF9\tA\t+\n');

describe('runEvaluate', () => {
  it('prints the scores table and writes JSON', async () => {
    const lines: string[] = [];
    const out = path.join(dir, 'scores.json');
    const report = await runEvaluate(['--effects', effects, '--gold', gold, '--genes', genes, '--out', out], (l) => lines.push(l));
    expect(report.scores.balancedAccuracy).toBeCloseTo(17 / 28, 12);
    expect(report.scores.auroc).toBeCloseTo(19 / 28, 12);
    expect(report.scores.referenceEdgesOutside).toBe(1);
    expect(lines.join('\n')).toMatch(/balanced accuracy\s+0\.6071/);
    expect(lines.join('\n')).toContain('2 inside, 1 outside the genes');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.scores.aupr).toBeCloseTo(11 / 18, 12);
    expect(json.genes).toBe(3);
  });

  it('takes the genes from the effects file when no --genes is given', async () => {
    const report = await runEvaluate(['--effects', effects, '--gold', gold], () => {});
    expect(report.genesSource).toBe('effects file');
    expect(report.genes).toBe(3);
  });

  it('reads a dense gold matrix without names through --genes', async () => {
    const matrix = file('gold_matrix.csv', '0,1,0\n0,0,-1\n0,0,0\n');
    const report = await runEvaluate(['--effects', effects, '--gold', matrix, '--genes', genes], () => {});
    expect(report.scores.f1).toBeCloseTo(2 / 5, 12);
  });

  it('explains missing and unknown flags', async () => {
    await expect(runEvaluate(['--effects', effects], () => {})).rejects.toThrow(/--gold: the gold standard file is required/);
    await expect(runEvaluate(['--effects', effects, '--gold', gold, '--bogus'], () => {})).rejects.toThrow(/Unknown option '--bogus'/);
    await expect(runEvaluate(['--effects', effects, '--gold', gold, '--gold-kind', 'xml'], () => {})).rejects.toThrow(/--gold-kind/);
  });

  it('names the file, line and column of a malformed input', async () => {
    const bad = file('bad.csv', 'regulator,target,effect\nA,B,0.9\nA,C,zero\n');
    await expect(runEvaluate(['--effects', bad, '--gold', gold], () => {})).rejects.toThrow(`${bad}: line 3, column 3: 'zero' is not a number`);
    await expect(runEvaluate(['--effects', path.join(dir, 'missing.csv'), '--gold', gold], () => {})).rejects.toThrow(/cannot read .*missing\.csv/);
  });
});
