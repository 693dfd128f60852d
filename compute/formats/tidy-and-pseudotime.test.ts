import { describe, expect, it } from 'vitest';
import { parseMatrixWithPseudotime } from './pseudotime';
import { formatError } from './test-helpers';
import { parseTidyCsv, writeTidyCsv } from './tidy-csv';

describe('parseTidyCsv', () => {
  const TIDY = ['gene,trajectory,time,value', 'A,t1,0,0.1', 'B,t1,0,1', 'A,t1,2,0.3', 'B,t1,2,', 'A,t2,5,0.7', 'A,t2,1,0.6'].join('\n');

  it('groups observations by trajectory, sorts times and fills unobserved genes with null', () => {
    const data = parseTidyCsv(TIDY);
    expect(data.genes).toEqual(['A', 'B']);
    expect(data.trajectories).toEqual([
      {
        times: [0, 2],
        values: [
          [0.1, 1],
          [0.3, null],
        ],
      },
      {
        times: [1, 5],
        values: [
          [0.6, null],
          [0.7, null],
        ],
      },
    ]);
  });

  it('accepts the columns in any order, as TSV', () => {
    const tsv = 'value\ttime\tgene\ttrajectory\n0.5\t1\tX\tr\n';
    expect(parseTidyCsv(tsv)).toEqual({ genes: ['X'], trajectories: [{ times: [1], values: [[0.5]] }] });
  });

  it('round-trips the observed values through writeTidyCsv', () => {
    const data = parseTidyCsv(TIDY);
    const again = parseTidyCsv(writeTidyCsv(data));
    expect(again.trajectories).toEqual(data.trajectories);
  });

  it('reports a missing column, a missing time, duplicates, bad numbers and ragged rows', () => {
    expect(formatError(() => parseTidyCsv('gene,trajectory,value\nA,1,2\n')).message).toContain("'time' is missing");
    const noTime = formatError(() => parseTidyCsv(TIDY.replace('A,t1,2,0.3', 'A,t1,,0.3')));
    expect([noTime.kind, noTime.line, noTime.column]).toEqual(['missing-time', 4, 3]);
    const dup = formatError(() => parseTidyCsv(TIDY + '\nA,t1,0,0.2'));
    expect([dup.kind, dup.line]).toEqual(['duplicate-entry', 8]);
    expect(dup.message).toContain('first at line 2');
    const bad = formatError(() => parseTidyCsv(TIDY.replace('0.7', '0,7')));
    expect([bad.kind, bad.line]).toEqual(['ragged-row', 6]);
    const notNumber = formatError(() => parseTidyCsv(TIDY.replace('0.7', 'high')));
    expect([notNumber.kind, notNumber.line, notNumber.column]).toEqual(['malformed-number', 6, 4]);
    expect(formatError(() => parseTidyCsv('gene,trajectory,time,value\n')).kind).toBe('empty-file');
  });
});

describe('parseMatrixWithPseudotime', () => {
  // BEELINE layout: genes as rows, cells as columns; two lineages, c4 only on the first.
  const MATRIX = [',c1,c2,c3,c4', 'A,1,2,3,4', 'B,10,20,30,40'].join('\n');
  const PSEUDOTIME = [',PseudoTime1,PseudoTime2', 'c1,0.5,0.1', 'c2,0.0,NA', 'c3,0.2,0.9', 'c4,0.9,'].join('\n');

  it('makes one trajectory per pseudotime column, cells sorted by pseudotime', () => {
    const data = parseMatrixWithPseudotime(MATRIX, PSEUDOTIME);
    expect(data.genes).toEqual(['A', 'B']);
    expect(data.trajectories[0]).toEqual({
      times: [0, 0.2, 0.5, 0.9],
      values: [
        [2, 20],
        [3, 30],
        [1, 10],
        [4, 40],
      ],
    });
    expect(data.trajectories[1]).toEqual({
      times: [0.1, 0.9],
      values: [
        [1, 10],
        [3, 30],
      ],
    });
  });

  it('reports duplicate genes, duplicate and unknown cells, ragged rows and empty lineages', () => {
    const dupGene = formatError(() => parseMatrixWithPseudotime(MATRIX + '\nA,5,5,5,5', PSEUDOTIME));
    expect([dupGene.kind, dupGene.line, dupGene.column]).toEqual(['duplicate-gene', 4, 1]);
    const dupCell = formatError(() => parseMatrixWithPseudotime(MATRIX.replace('c3', 'c2'), PSEUDOTIME));
    expect([dupCell.kind, dupCell.line, dupCell.column]).toEqual(['duplicate-entry', 1, 4]);
    const unknown = formatError(() => parseMatrixWithPseudotime(MATRIX, PSEUDOTIME + '\nc9,1,1'));
    expect([unknown.kind, unknown.line]).toEqual(['unknown-cell', 6]);
    const ragged = formatError(() => parseMatrixWithPseudotime(MATRIX.replace('A,1,2,3,4', 'A,1,2,3'), PSEUDOTIME));
    expect([ragged.kind, ragged.line]).toEqual(['ragged-row', 2]);
    const noTimes = formatError(() => parseMatrixWithPseudotime(MATRIX, [',P', 'c1,', 'c2,NA'].join('\n')));
    expect(noTimes.kind).toBe('missing-time');
    const nan = formatError(() => parseMatrixWithPseudotime(MATRIX.replace('20', 'NaN'), PSEUDOTIME));
    expect([nan.kind, nan.line, nan.column]).toEqual(['not-finite', 3, 3]);
  });
});
