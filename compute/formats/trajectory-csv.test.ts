import { describe, expect, it } from 'vitest';
import { parseGeneNames, writeGeneNames } from './gene-names';
import { formatError } from './test-helpers';
import { parseTrajectoryCsv, writeTrajectoryCsv } from './trajectory-csv';

// Two genes, two trajectories; the second has only two time points and one missing value.
const SAMPLE = ['2,2,', '0.1,0.2,0.3', '1,2,3', '0,1,2', '0.5,,', '1.5,2.5,', '0,4,'].join('\n');

describe('parseTrajectoryCsv', () => {
  it('reads blocks of gene rows and a time row, with shorter trajectories and missing values', () => {
    const data = parseTrajectoryCsv(SAMPLE, ['A', 'B']);
    expect(data.genes).toEqual(['A', 'B']);
    expect(data.trajectories).toHaveLength(2);
    expect(data.trajectories[0]).toEqual({
      times: [0, 1, 2],
      values: [
        [0.1, 1],
        [0.2, 2],
        [0.3, 3],
      ],
    });
    expect(data.trajectories[1]).toEqual({
      times: [0, 4],
      values: [
        [0.5, 1.5],
        [null, 2.5],
      ],
    });
  });

  it('names genes G1…Gn without a gene list', () => {
    expect(parseTrajectoryCsv(SAMPLE).genes).toEqual(['G1', 'G2']);
  });

  it('round-trips through writeTrajectoryCsv', () => {
    const data = parseTrajectoryCsv(SAMPLE, ['A', 'B']);
    expect(parseTrajectoryCsv(writeTrajectoryCsv(data), ['A', 'B'])).toEqual(data);
    expect(writeTrajectoryCsv(data).split('\n')[0]).toBe('2,2,');
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const data = parseTrajectoryCsv('\ufeff' + SAMPLE.replace(/\n/g, '\r\n'));
    expect(data.trajectories[1].times).toEqual([0, 4]);
  });

  it('reports a malformed number with its line and column', () => {
    const e = formatError(() => parseTrajectoryCsv(SAMPLE.replace('0.2', '0.2x')));
    expect(e.kind).toBe('malformed-number');
    expect([e.line, e.column]).toEqual([2, 2]);
    expect(e.message).toBe("line 2, column 2: '0.2x' is not a number");
  });

  it('refuses NaN and Infinity', () => {
    expect(formatError(() => parseTrajectoryCsv(SAMPLE.replace('1,2,3', '1,NaN,3'))).kind).toBe('not-finite');
    const e = formatError(() => parseTrajectoryCsv(SAMPLE.replace('1,2,3', '1,2,-Infinity')));
    expect([e.kind, e.line, e.column]).toEqual(['not-finite', 3, 3]);
  });

  it('reports ragged rows', () => {
    const e = formatError(() => parseTrajectoryCsv(SAMPLE.replace('1,2,3', '1,2')));
    expect([e.kind, e.line]).toEqual(['ragged-row', 3]);
    expect(formatError(() => parseTrajectoryCsv(SAMPLE.replace('1,2,3', '1,2,3,4'))).kind).toBe('ragged-row');
  });

  it('reports values without a time point and gaps in the time row', () => {
    const orphan = formatError(() => parseTrajectoryCsv(SAMPLE.replace('0.5,,', '0.5,,9')));
    expect([orphan.kind, orphan.line, orphan.column]).toEqual(['missing-time', 5, 3]);
    const gap = formatError(() => parseTrajectoryCsv(SAMPLE.replace('0,1,2', '0,,2')));
    expect([gap.kind, gap.line, gap.column]).toEqual(['missing-time', 4, 2]);
    const empty = formatError(() => parseTrajectoryCsv(SAMPLE.replace('0,4,', ',,')));
    expect([empty.kind, empty.line]).toEqual(['missing-time', 7]);
  });

  it('refuses decreasing times', () => {
    const e = formatError(() => parseTrajectoryCsv(SAMPLE.replace('0,1,2', '0,2,1')));
    expect([e.kind, e.line, e.column]).toEqual(['invalid-value', 4, 3]);
  });

  it('checks the header, the declared sizes and the gene list', () => {
    expect(formatError(() => parseTrajectoryCsv(SAMPLE.replace('2,2,', 'genes,2,'))).kind).toBe('wrong-header');
    expect(formatError(() => parseTrajectoryCsv(SAMPLE.replace('2,2,', '2,3,'))).kind).toBe('wrong-shape');
    const extra = formatError(() => parseTrajectoryCsv(SAMPLE.replace('2,2,', '2,1,')));
    expect([extra.kind, extra.line]).toEqual(['wrong-shape', 5]);
    expect(formatError(() => parseTrajectoryCsv(SAMPLE, ['A'])).message).toMatch(/1 names .* 2 genes/);
  });

  it('refuses an empty file and one over maxBytes', () => {
    expect(formatError(() => parseTrajectoryCsv('  \n')).kind).toBe('empty-file');
    const e = formatError(() => parseTrajectoryCsv(SAMPLE, undefined, { maxBytes: 10 }));
    expect(e.kind).toBe('too-large');
    expect(e.message).toContain('over the limit of 10 bytes');
  });

  it('reports an unclosed quote', () => {
    const e = formatError(() => parseTrajectoryCsv(SAMPLE.replace('1,2,3', '1,"2,3')));
    expect([e.kind, e.line, e.column]).toEqual(['malformed-csv', 3, 2]);
  });
});

describe('gene names file', () => {
  it('reads the header x and one name per line, and writes it back', () => {
    const genes = parseGeneNames('x\nABF1\n"ACE2_input"\n');
    expect(genes).toEqual(['ABF1', 'ACE2_input']);
    expect(parseGeneNames(writeGeneNames(genes))).toEqual(genes);
  });

  it('reports a wrong header, duplicates and extra columns', () => {
    expect(formatError(() => parseGeneNames('ABF1\nACE2\n')).kind).toBe('wrong-header');
    const dup = formatError(() => parseGeneNames('x\nA\nB\nA\n'));
    expect([dup.kind, dup.line]).toEqual(['duplicate-gene', 4]);
    expect(dup.message).toContain('first at line 2');
    expect(formatError(() => parseGeneNames('x\nA,B\n')).kind).toBe('ragged-row');
    expect(formatError(() => parseGeneNames('x\n')).kind).toBe('empty-file');
  });
});
