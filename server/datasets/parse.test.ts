import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { MAX_FILE_BYTES } from '../file-input';
import { parseDatasetFiles, type DatasetFiles } from './parse';

const tidy = (rows: string[]) => ['gene,trajectory,time,value', ...rows].join('\n') + '\n';
const twoTrajectories = tidy(['A,t1,0,1', 'B,t1,0,2', 'A,t2,0,3', 'B,t2,0,4']);

function refusal(files: DatasetFiles, last = 0) {
  try {
    parseDatasetFiles(files, last);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return { code: (e as DomainError).code, message: (e as Error).message, ...(e as DomainError).details };
  }
  throw new Error('expected the upload to be refused');
}

describe('parseDatasetFiles', () => {
  it('holds out the last k trajectories as test', () => {
    const parsed = parseDatasetFiles({ format: 'tidy-csv', data: twoTrajectories }, 1);
    expect(parsed.genes).toEqual(['A', 'B']);
    expect(parsed.train).toEqual([{ times: [0], values: [[1, 2]] }]);
    expect(parsed.test).toEqual([{ times: [0], values: [[3, 4]] }]);
  });

  it('refuses holding out every trajectory', () => {
    expect(refusal({ format: 'tidy-csv', data: twoTrajectories }, 2)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'testLastTrajectories' });
  });

  it('aligns a separate test file to the data file gene order', () => {
    const parsed = parseDatasetFiles({ format: 'tidy-csv', data: twoTrajectories, testData: tidy(['B,x,0,20', 'A,x,0,10']) }, 0);
    expect(parsed.test).toEqual([{ times: [0], values: [[10, 20]] }]);
  });

  it('names the genes a test file lacks or adds', () => {
    const r = refusal({ format: 'tidy-csv', data: twoTrajectories, testData: tidy(['A,x,0,1', 'C,x,0,1']) });
    expect(r).toMatchObject({ field: 'testData' });
    expect(r.message).toMatch(/lacks B and has genes the data file does not: C/);
  });

  it('blames the pseudotime file when the matrix itself reads', () => {
    const matrix = ',c1,c2\nA,1,2\nB,3,4\n';
    expect(refusal({ format: 'matrix-pseudotime', data: matrix, pseudotime: 'cell,t\nc1,0\nc2,zero\n' })).toMatchObject({
      field: 'pseudotime',
      line: 3,
      column: 2,
    });
    expect(refusal({ format: 'matrix-pseudotime', data: ',c1,c2\nA,1,x\nB,3,4\n', pseudotime: 'cell,t\nc1,0\nc2,1\n' })).toMatchObject({
      field: 'data',
      line: 2,
      column: 3,
    });
  });

  it('refuses an upload whose files together exceed the limit', () => {
    const half = 'x'.repeat(MAX_FILE_BYTES / 2 + 10);
    expect(refusal({ format: 'matrix-pseudotime', data: half, pseudotime: half })).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
