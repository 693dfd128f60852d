import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseGoldStandardFile } from './parse';

const fails = (text: string) => {
  try {
    parseGoldStandardFile('edge_list', text);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details;
  }
  throw new Error('expected the file to be refused');
};

describe('parseGoldStandardFile', () => {
  it('reads score and sign columns by header name in any order', () => {
    expect(parseGoldStandardFile('edge_list', 'tf\ttarget\tsign\tscore\nB\tC\t-\t0.5\nA\tC\t+\t2\n')).toEqual([
      { regulator: 'A', target: 'C', sign: 1, score: 2 },
      { regulator: 'B', target: 'C', sign: -1, score: 0.5 },
    ]);
  });

  it('does not take a sign from a score: unsigned lists have sign 0', () => {
    expect(parseGoldStandardFile('edge_list', 'regulator,target,score\nA,B,-0.4\n')).toEqual([{ regulator: 'A', target: 'B', sign: 0, score: -0.4 }]);
    expect(parseGoldStandardFile('edge_list', 'A,B,0.9\n')).toEqual([{ regulator: 'A', target: 'B', sign: 0, score: 0.9 }]);
    expect(parseGoldStandardFile('edge_list', 'A,B\n')).toEqual([{ regulator: 'A', target: 'B', sign: 0, score: null }]);
  });

  it('reads a headerless fourth column as the sign', () => {
    expect(parseGoldStandardFile('edge_list', 'A,B,0.9,-1\n')).toEqual([{ regulator: 'A', target: 'B', sign: -1, score: 0.9 }]);
  });

  it('reports headerless problems at the line of the file itself', () => {
    expect(fails('A,B,0.9\nA,C,0.8\nA,D,lots\n')).toMatchObject({ field: 'text', line: 3, column: 3 });
    expect(fails('regulator,target,score\nA,B,0.9\nA,C,high\n')).toMatchObject({ field: 'text', line: 3, column: 3 });
  });

  it('keeps scores of a weighted matrix and none for a signed 0/±1 matrix', () => {
    const genes = 'x\nA\nB\n';
    expect(parseGoldStandardFile('dense_matrix', '0,-1\n1,0\n', genes)).toEqual([
      { regulator: 'A', target: 'B', sign: -1, score: null },
      { regulator: 'B', target: 'A', sign: 1, score: null },
    ]);
    expect(parseGoldStandardFile('dense_matrix', '0,0.25\n-3,0\n', genes)).toEqual([
      { regulator: 'A', target: 'B', sign: 1, score: 0.25 },
      { regulator: 'B', target: 'A', sign: -1, score: 3 },
    ]);
  });
});
