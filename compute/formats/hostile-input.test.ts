import { describe, expect, it } from 'vitest';
import { parseNumberCell } from './csv';
import { parseDenseMatrix } from './dense-matrix';
import { parseEdgeList } from './edge-list';
import { detectNetworkKind } from './network-file';
import { isDecimalNumber } from './number';
import { parseMatrixWithPseudotime } from './pseudotime';
import { parseSif } from './sif';
import { parseSign } from './sign';
import { formatError } from './test-helpers';
import { parseTidyCsv } from './tidy-csv';
import { parseTrajectoryCsv } from './trajectory-csv';

const timed = <T>(fn: () => T): { ms: number; result: T | unknown } => {
  const start = performance.now();
  let result: T | unknown;
  try {
    result = fn();
  } catch (e) {
    result = e;
  }
  return { ms: performance.now() - start, result };
};

describe('number cells are scanned in linear time', () => {
  const digits = '1'.repeat(200_000);

  it('rejects a 200,000-digit cell that fails at its end without backtracking', () => {
    // The old pattern /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/ took 19 s on 120,000 digits.
    for (const cell of [`${digits}x`, `${digits}.${digits}e`, `.${digits}.`, `${digits}e+`]) {
      const { ms, result } = timed(() => parseNumberCell(cell, 2, 3));
      expect(ms).toBeLessThan(250);
      expect((result as Error).message).toMatch(/^line 2, column 3: '1{40}…' is not a number$|^line 2, column 3: '\.1{39}…' is not a number$/);
    }
    const scanners: (() => unknown)[] = [
      () => parseSign(`${digits}x`),
      () => isDecimalNumber(`${digits}x`),
      () => detectNetworkKind(`a,b,c\nd,e,${digits}x\nf,g,h\n`),
    ];
    for (const fn of scanners) {
      expect(timed(fn).ms).toBeLessThan(250);
    }
    const matrix = timed(() => parseDenseMatrix(`a,b\n${digits}x,1\n`));
    expect(matrix.ms).toBeLessThan(250);
  });

  it('reads a 200,000-digit number as too large for a double, with its place', () => {
    const { ms, result } = timed(() => parseNumberCell(digits, 4, 2));
    expect(ms).toBeLessThan(250);
    expect(result).toMatchObject({ kind: 'not-finite', line: 4, column: 2 });
  });

  it('accepts every spelling of the grammar and nothing else', () => {
    for (const ok of ['0', '-1', '+2.', '.5', '1.5e-3', '7E+08', '-.25e2']) expect([ok, isDecimalNumber(ok)]).toEqual([ok, true]);
    for (const bad of ['', '+', '.', 'e5', '1e', '1e+', '1..2', '1.2.3', '--1', '0x10', '1 2', '١']) expect([bad, isDecimalNumber(bad)]).toEqual([bad, false]);
  });
});

describe('non-finite numbers are refused with line and column', () => {
  it('refuses 1e309, Infinity and NaN in datasets instead of storing null', () => {
    const tidy = formatError(() => parseTidyCsv('gene,trajectory,time,value\nA,1,0,1e309\n'));
    expect([tidy.kind, tidy.line, tidy.column]).toEqual(['not-finite', 2, 4]);
    expect(tidy.message).toContain('overflows to Infinity');
    const trajectory = formatError(() => parseTrajectoryCsv('1,1\n-Infinity,2\n0,1\n'));
    expect([trajectory.kind, trajectory.line, trajectory.column]).toEqual(['not-finite', 2, 1]);
    const pseudotime = formatError(() => parseMatrixWithPseudotime('gene,c1\nA,NaN\n', 'cell,t\nc1,0\n'));
    expect([pseudotime.kind, pseudotime.line, pseudotime.column]).toEqual(['not-finite', 2, 2]);
  });

  it('refuses them as prior weights and gold-standard scores', () => {
    const weight = formatError(() => parseEdgeList('regulator,target,weight\nA,B,1\nA,C,-1e400\n'));
    expect([weight.kind, weight.line, weight.column]).toEqual(['not-finite', 3, 3]);
    const matrix = formatError(() => parseDenseMatrix(',A,B\nA,0,1e999\nB,0,0\n'));
    expect([matrix.kind, matrix.line, matrix.column]).toEqual(['not-finite', 2, 3]);
  });
});

describe('text that is not text is refused with a specific error', () => {
  const cases: [string, string, string, number][] = [
    ['a NUL character (a binary file)', 'regulator,target\nA,B\x00\n', 'binary-content', 2],
    ['bytes that were not UTF-8', 'regulator,target\nA,B\nPK\ufffd\ufffd,C\n', 'binary-content', 3],
    ['a lone high surrogate', 'regulator,target\nA\ud800,B\n', 'invalid-text', 2],
    ['a lone low surrogate', 'regulator,target\n\udc00A,B\n', 'invalid-text', 2],
    ['a control character', 'regulator,target\nA,\x07B\n', 'binary-content', 2],
  ];
  it.each(cases)('%s', (_, text, kind, line) => {
    const e = formatError(() => parseEdgeList(text));
    expect([e.kind, e.line]).toEqual([kind, line]);
    expect(e.message).toMatch(/character \d+: the edge list contains|character \d+: the edge list holds/);
    expect(formatError(() => parseSif(text.replaceAll(',', ' x ')))).toMatchObject({ kind, line });
  });

  it('keeps a paired surrogate (an emoji in a note) and tabs', () => {
    expect(parseEdgeList('regulator\ttarget\tevidence\nA\tB\tsee 🧬 figure\n')[0].evidence).toBe('see 🧬 figure');
  });
});

describe('grids are bounded by the input', () => {
  it('refuses a tidy file whose genes never share a time point, naming the sizes', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `g${i},1,${i},1`);
    const { ms, result } = timed(() => parseTidyCsv(['gene,trajectory,time,value', ...rows].join('\n')));
    expect(ms).toBeLessThan(5_000);
    expect(result).toMatchObject({ kind: 'too-sparse' });
    expect((result as Error).message).toContain('25,000 genes × 25,000 time points');
    expect((result as Error).message).toContain('625,000,000 cells');
  });

  it('still reads a tidy file with some missing observations', () => {
    const rows: string[] = [];
    for (let g = 0; g < 300; g++) for (let t = 0; t < 300; t++) if ((g + t) % 3 !== 0) rows.push(`g${g},1,${t},1`);
    const data = parseTidyCsv(['gene,trajectory,time,value', ...rows].join('\n'));
    expect([data.genes.length, data.trajectories[0].times.length]).toEqual([300, 300]);
  });

  it('refuses a pseudotime file that places every cell on thousands of lineages', () => {
    const genes = 200;
    const cells = 50;
    const lineages = 1_000;
    const matrix = [['gene', ...Array.from({ length: cells }, (_, c) => `c${c}`)].join(',')];
    for (let g = 0; g < genes; g++) matrix.push([`g${g}`, ...Array.from({ length: cells }, () => '1')].join(','));
    const pseudotime = [['cell', ...Array.from({ length: lineages }, (_, l) => `l${l}`)].join(',')];
    for (let c = 0; c < cells; c++) pseudotime.push([`c${c}`, ...Array.from({ length: lineages }, () => '0.5')].join(','));
    const e = formatError(() => parseMatrixWithPseudotime(matrix.join('\n'), pseudotime.join('\n')));
    expect(e.kind).toBe('too-sparse');
    expect(e.message).toContain('200 genes × 50,000 cell placements on 1,000 lineages = 10,000,000 cells');
  });
});
