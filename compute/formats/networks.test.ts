import { describe, expect, it } from 'vitest';
import type { NamedEdge } from '../types';
import { parseDenseMatrix, writeDenseMatrix } from './dense-matrix';
import { parseEdgeList, writeEdgeListCsv } from './edge-list';
import { writeCytoscapeJson, writeGraphML } from './graph-export';
import { edgesToMatrix, matrixToEdges } from './network-convert';
import { detectNetworkKind, parseNetwork } from './network-file';
import { parseSif, writeSif } from './sif';
import { parseSign } from './sign';
import { formatError } from './test-helpers';

const GENES = ['A', 'B', 'C'];

describe('parseDenseMatrix', () => {
  const PLAIN = '0,1,0\n-1,0,0\n0,0,1\n';

  it('reads a matrix without names using the given genes', () => {
    const { genes, matrix } = parseDenseMatrix(PLAIN, GENES);
    expect(genes).toEqual(GENES);
    expect(Array.from(matrix.data)).toEqual([0, 1, 0, -1, 0, 0, 0, 0, 1]);
  });

  it('reads gene names from a header row and first column, putting rows in column order', () => {
    const text = ',A,B,C\nB,-1,0,0\nA,0,1,0\nC,0,0,1\n';
    const { genes, matrix } = parseDenseMatrix(text);
    expect(genes).toEqual(GENES);
    expect(Array.from(matrix.data)).toEqual([0, 1, 0, -1, 0, 0, 0, 0, 1]);
  });

  it('reads names from a header row alone or a first column alone, as TSV too', () => {
    expect(parseDenseMatrix('A,B\n0,1\n1,0\n').genes).toEqual(['A', 'B']);
    const rowsOnly = parseDenseMatrix('A\t0\t1\nB\t1\t0\n');
    expect(rowsOnly.genes).toEqual(['A', 'B']);
    expect(Array.from(rowsOnly.matrix.data)).toEqual([0, 1, 1, 0]);
  });

  it('round-trips through writeDenseMatrix with and without names', () => {
    const { matrix } = parseDenseMatrix(PLAIN, GENES);
    expect(parseDenseMatrix(writeDenseMatrix(matrix, GENES))).toEqual({ genes: GENES, matrix });
    expect(parseDenseMatrix(writeDenseMatrix(matrix), GENES)).toEqual({ genes: GENES, matrix });
  });

  it('reports missing names, non-square shapes, ragged rows, bad numbers and duplicate genes', () => {
    expect(formatError(() => parseDenseMatrix(PLAIN)).message).toContain('pass the gene list');
    expect(formatError(() => parseDenseMatrix(PLAIN, ['A', 'B'])).kind).toBe('wrong-shape');
    expect(formatError(() => parseDenseMatrix('0,1,0\n1,0,0\n', GENES)).message).toContain('2 rows and 3 columns');
    const ragged = formatError(() => parseDenseMatrix('0,1,0\n1,0\n0,0,1\n', GENES));
    expect([ragged.kind, ragged.line]).toEqual(['ragged-row', 2]);
    const bad = formatError(() => parseDenseMatrix('0,1,0\n1,0,x\n0,0,1\n', GENES));
    expect([bad.kind, bad.line, bad.column]).toEqual(['malformed-number', 2, 3]);
    const inf = formatError(() => parseDenseMatrix(',A,B\nA,0,inf\nB,1,0\n'));
    expect([inf.kind, inf.line, inf.column]).toEqual(['not-finite', 2, 3]);
    const dup = formatError(() => parseDenseMatrix(',A,A\nA,0,1\nB,1,0\n'));
    expect([dup.kind, dup.line, dup.column]).toEqual(['duplicate-gene', 1, 3]);
    expect(formatError(() => parseDenseMatrix(',A,B\nA,0,1\nC,1,0\n')).message).toContain("'B' name columns but no rows");
    expect(formatError(() => parseDenseMatrix(PLAIN, GENES, { maxBytes: 5 })).kind).toBe('too-large');
  });
});

describe('parseEdgeList', () => {
  it('reads headerless CSV with signs in every accepted spelling', () => {
    const text = 'A,B,+1\nB,C,-1\nC,A,activation\nA,C,repression\nB,A,+\nC,B,-\n';
    expect(parseEdgeList(text).map((e) => e.sign)).toEqual([1, -1, 1, -1, 1, -1]);
  });

  it('reads a TSV header with columns in its own order, weight and evidence', () => {
    const text = 'regulator\ttarget\tevidence\tweight\tsign\nA\tB\tChIP-seq\t0.8\t1\n';
    const [edge] = parseEdgeList(text);
    expect(edge).toEqual({ regulator: 'A', target: 'B', sign: 1, weight: 0.8, evidence: 'ChIP-seq' });
  });

  it('reads BEELINE Gene1,Gene2,Type and effects files (sign from the effect value)', () => {
    expect(parseEdgeList('Gene1,Gene2,Type\nA,B,-\n')).toEqual([{ regulator: 'A', target: 'B', sign: -1 }]);
    expect(parseEdgeList('regulator,target,effect\nA,B,-0.25\n')).toEqual([{ regulator: 'A', target: 'B', sign: -1, weight: -0.25 }]);
    expect(parseEdgeList('A,B\nB,C\n')).toEqual([
      { regulator: 'A', target: 'B', sign: 0 },
      { regulator: 'B', target: 'C', sign: 0 },
    ]);
  });

  it('accepts header variants and refuses a half-recognised header', () => {
    expect(parseEdgeList('TF_name,Target_name,score\nTFAP2A,B,0.5\n')).toEqual([{ regulator: 'TFAP2A', target: 'B', sign: 1, weight: 0.5 }]);
    expect(parseEdgeList('TFAP2A,B\n')).toEqual([{ regulator: 'TFAP2A', target: 'B', sign: 0 }]);
    const e = formatError(() => parseEdgeList('regulator,gene\nA,B\n'));
    expect([e.kind, e.line]).toEqual(['wrong-header', 1]);
  });

  it('merges repeats with the same sign and refuses conflicting ones', () => {
    expect(parseEdgeList('A,B,1\nA,B,1\n')).toHaveLength(1);
    const e = formatError(() => parseEdgeList('A,B,1\nC,B,1\nA,B,-1\n'));
    expect([e.kind, e.line]).toEqual(['duplicate-entry', 3]);
  });

  it('reports bad signs, bad weights, empty names, ragged rows and empty files', () => {
    const sign = formatError(() => parseEdgeList('A,B,1\nB,C,maybe\n'));
    expect([sign.kind, sign.line, sign.column]).toEqual(['invalid-value', 2, 3]);
    const weight = formatError(() => parseEdgeList('regulator,target,weight\nA,B,NaN\n'));
    expect([weight.kind, weight.line, weight.column]).toEqual(['not-finite', 2, 3]);
    expect(formatError(() => parseEdgeList('A,B\n,C\n')).message).toBe('line 2, column 1: empty regulator name');
    expect(formatError(() => parseEdgeList('A,B,1\nB,C\n')).kind).toBe('ragged-row');
    expect(formatError(() => parseEdgeList('regulator,target\n')).kind).toBe('empty-file');
    expect(formatError(() => parseEdgeList('')).kind).toBe('empty-file');
  });

  it('round-trips through writeEdgeListCsv, quoting awkward names', () => {
    const edges: NamedEdge[] = [
      { regulator: 'A,1', target: 'B', sign: -1, weight: 2, evidence: 'said "so"' },
      { regulator: 'B', target: 'C', sign: 0 },
    ];
    expect(parseEdgeList(writeEdgeListCsv(edges))).toEqual(edges);
  });
});

describe('parseSif', () => {
  it('reads relations, several targets per line and lone nodes', () => {
    const edges = parseSif('A activates B C\nB -| C\nC pp A\nD\n# comment\nA\tinhibits\tD\n');
    expect(edges).toEqual([
      { regulator: 'A', target: 'B', sign: 1 },
      { regulator: 'A', target: 'C', sign: 1 },
      { regulator: 'B', target: 'C', sign: -1 },
      { regulator: 'C', target: 'A', sign: 0 },
      { regulator: 'A', target: 'D', sign: -1 },
    ]);
  });

  it('round-trips through writeSif, listing genes without edges', () => {
    const edges: NamedEdge[] = [
      { regulator: 'A', target: 'B', sign: -1 },
      { regulator: 'B', target: 'A', sign: 1 },
    ];
    const text = writeSif(edges, ['A', 'B', 'Z']);
    expect(text.trim().split('\n').pop()).toBe('Z');
    expect(parseSif(text)).toEqual(edges);
  });

  it('reports a relation without a target and an empty file', () => {
    const e = formatError(() => parseSif('A activates B\nB inhibits\n'));
    expect([e.kind, e.line]).toEqual(['ragged-row', 2]);
    expect(formatError(() => parseSif('A\nB\n')).kind).toBe('empty-file');
  });

  it('refuses prose: a second column that is no interaction type, naming the first bad line', () => {
    const prose = 'Introduction\nThe cell divides quickly after\nthe stimulus is applied.\n';
    const e = formatError(() => parseSif(prose));
    expect([e.kind, e.line, e.column]).toEqual(['invalid-value', 2, 2]);
    expect(e.message).toContain("'cell' is not an interaction type");
    expect(e.message).toContain('The cell divides quickly after');
  });

  it('refuses an unknown relation even after valid lines, and accepts signed numbers and Pathway Commons types', () => {
    expect(formatError(() => parseSif('A activates B\nB likes C\n')).line).toBe(2);
    expect(parseSif('A 0.5 B\nB -2 C\nC controls-expression-of A\nA PD C\n')).toEqual([
      { regulator: 'A', target: 'B', sign: 1 },
      { regulator: 'B', target: 'C', sign: -1 },
      { regulator: 'C', target: 'A', sign: 0 },
      { regulator: 'A', target: 'C', sign: 0 },
    ]);
  });
});

describe('edges ↔ matrix', () => {
  const edges: NamedEdge[] = [
    { regulator: 'A', target: 'B', sign: 1, weight: 0.5 },
    { regulator: 'C', target: 'A', sign: -1 },
    { regulator: 'B', target: 'C', sign: 0 },
    { regulator: 'X', target: 'A', sign: 1 },
    { regulator: 'B', target: 'Y', sign: 1 },
  ];

  it('places signs on the gene list and reports edges with unknown genes', () => {
    const { matrix, unknownGenes, outsideEdges } = edgesToMatrix(edges, GENES);
    expect(Array.from(matrix.data)).toEqual([0, 1, 0, 0, 0, 1, -1, 0, 0]);
    expect(unknownGenes).toEqual(['X', 'Y']);
    expect(outsideEdges).toBe(2);
  });

  it('can place weights instead of signs', () => {
    expect(Array.from(edgesToMatrix(edges, GENES, 'weight').matrix.data)).toEqual([0, 0.5, 0, 0, 0, 1, -1, 0, 0]);
  });

  it('lists nonzero entries as edges with the entry as weight', () => {
    const matrix = { n: 2, data: Float64Array.from([0, -0.3, 2, 0]) };
    expect(matrixToEdges(matrix, ['A', 'B'])).toEqual([
      { regulator: 'A', target: 'B', sign: -1, weight: -0.3 },
      { regulator: 'B', target: 'A', sign: 1, weight: 2 },
    ]);
  });
});

describe('graph exports', () => {
  const edges: NamedEdge[] = [{ regulator: 'A&B', target: 'C', sign: -1, weight: 0.5, evidence: 'PMID:1' }];

  it('writes directed GraphML with escaped names and edge data', () => {
    const xml = writeGraphML(edges, ['C', 'D']);
    expect(xml).toContain('<graph id="grn" edgedefault="directed">');
    expect(xml).toContain('<node id="A&amp;B">');
    expect(xml).toContain('<node id="D">');
    expect(xml).toContain(
      '<edge id="e0" source="A&amp;B" target="C"><data key="sign">-1</data><data key="weight">0.5</data><data key="evidence">PMID:1</data></edge>',
    );
  });

  it('writes Cytoscape JSON elements', () => {
    const json = JSON.parse(writeCytoscapeJson(edges));
    expect(json.elements.nodes).toEqual([{ data: { id: 'A&B', name: 'A&B' } }, { data: { id: 'C', name: 'C' } }]);
    expect(json.elements.edges).toEqual([
      { data: { id: 'e0', source: 'A&B', target: 'C', interaction: 'inhibits', sign: -1, weight: 0.5, evidence: 'PMID:1' } },
    ]);
  });
});

describe('parseNetwork', () => {
  it('detects matrices, edge lists and SIF', () => {
    expect(detectNetworkKind('0,1,0\n1,0,0\n0,0,1\n')).toBe('matrix');
    expect(detectNetworkKind(',A,B\nA,0,1\nB,1,0\n')).toBe('matrix');
    expect(detectNetworkKind('A,B,1\nB,C,-1\nC,A,1\n')).toBe('edges');
    expect(detectNetworkKind('A activates B\n')).toBe('sif');
    expect(detectNetworkKind('A\tpp\tB\n', 'net.sif')).toBe('sif');
  });

  it('reads a dense matrix without names as edges on the given genes', () => {
    const { kind, edges } = parseNetwork('0,1,0\n-1,0,0\n0,0,0\n', { genes: GENES });
    expect(kind).toBe('matrix');
    expect(edges.map((e) => [e.regulator, e.target, e.sign])).toEqual([
      ['A', 'B', 1],
      ['B', 'A', -1],
    ]);
  });
});

describe('parseSign', () => {
  it('accepts the documented spellings and refuses others', () => {
    expect(['+1', '1', '+', 'activation', 'Activates'].map(parseSign)).toEqual([1, 1, 1, 1, 1]);
    expect(['-1', '-', 'repression', 'inhibits', '-|'].map(parseSign)).toEqual([-1, -1, -1, -1, -1]);
    expect(['', '0', 'unknown'].map(parseSign)).toEqual([0, 0, 0]);
    expect(parseSign('sideways')).toBeNull();
  });
});
