import { describe, expect, it } from 'vitest';
import { applyEdgeChanges, diffEdges, EdgeChangeError, geneMismatch, isEmptyDiff, type PriorEdge } from './edges';

const edge = (regulator: string, target: string, sign: -1 | 0 | 1 = 1, evidence = '', weight = 1): PriorEdge => ({
  regulator,
  target,
  sign,
  weight,
  evidence,
});

describe('diffEdges', () => {
  it('finds added, removed, sign-changed and annotation-changed edges, each sorted', () => {
    const from = [edge('A', 'B'), edge('A', 'C', -1), edge('B', 'C'), edge('C', 'A', 1, 'ChIP')];
    const to = [edge('C', 'A', 1, 'ChIP; PMID 1'), edge('B', 'C', -1), edge('D', 'A'), edge('A', 'B'), edge('A', 'D', 0)];
    const diff = diffEdges(from, to);
    expect(diff.added).toEqual([edge('A', 'D', 0), edge('D', 'A')]);
    expect(diff.removed).toEqual([edge('A', 'C', -1)]);
    expect(diff.signChanged).toEqual([{ regulator: 'B', target: 'C', from: edge('B', 'C'), to: edge('B', 'C', -1) }]);
    expect(diff.annotationChanged.map((p) => [p.from.evidence, p.to.evidence])).toEqual([['ChIP', 'ChIP; PMID 1']]);
  });

  it('treats direction as meaningful: A→B and B→A are different edges', () => {
    const diff = diffEdges([edge('A', 'B')], [edge('B', 'A')]);
    expect(diff.added).toEqual([edge('B', 'A')]);
    expect(diff.removed).toEqual([edge('A', 'B')]);
  });

  it('is empty for equal sets in any order, and inverts when swapped', () => {
    const a = [edge('A', 'B'), edge('B', 'C', -1)];
    expect(isEmptyDiff(diffEdges(a, [...a].reverse()))).toBe(true);
    const forward = diffEdges(a, [edge('A', 'B')]);
    const backward = diffEdges([edge('A', 'B')], a);
    expect(forward.removed).toEqual(backward.added);
  });
});

describe('applyEdgeChanges', () => {
  const base = [edge('A', 'B'), edge('B', 'C', -1), edge('C', 'D', 0)];

  it('adds, removes, flips, sets signs and evidence in order, leaving the base untouched', () => {
    const copy = structuredClone(base);
    const next = applyEdgeChanges(base, [
      { op: 'add', regulator: 'D', target: 'A', sign: -1, evidence: 'lit' },
      { op: 'remove', regulator: 'A', target: 'B' },
      { op: 'flip_sign', regulator: 'B', target: 'C' },
      { op: 'set_sign', regulator: 'C', target: 'D', sign: 1 },
      { op: 'set_evidence', regulator: 'D', target: 'A', evidence: 'ChIP-seq', weight: 0.5 },
    ]);
    expect(next).toEqual([edge('B', 'C', 1), edge('C', 'D', 1), edge('D', 'A', -1, 'ChIP-seq', 0.5)]);
    expect(base).toEqual(copy);
  });

  it('lets a later change act on an edge an earlier change added', () => {
    const next = applyEdgeChanges(base, [
      { op: 'add', regulator: 'X', target: 'Y', sign: 1 },
      { op: 'flip_sign', regulator: 'X', target: 'Y' },
    ]);
    expect(next.find((e) => e.regulator === 'X')).toEqual(edge('X', 'Y', -1));
  });

  it.each([
    [{ op: 'add', regulator: 'A', target: 'B', sign: 1 } as const, /already in the network/],
    [{ op: 'remove', regulator: 'B', target: 'A' } as const, /not in the network/],
    [{ op: 'flip_sign', regulator: 'C', target: 'D' } as const, /no sign to flip/],
    [{ op: 'set_evidence', regulator: 'Z', target: 'A', evidence: 'x' } as const, /not in the network/],
  ])('refuses %j naming the change', (change, message) => {
    try {
      applyEdgeChanges(base, [{ op: 'remove', regulator: 'B', target: 'C' }, change]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EdgeChangeError);
      expect((e as EdgeChangeError).index).toBe(1);
      expect((e as Error).message).toMatch(/^Change 2 /);
      expect((e as Error).message).toMatch(message);
    }
  });

  it('refuses removing the same edge twice in one batch', () => {
    expect(() =>
      applyEdgeChanges(base, [
        { op: 'remove', regulator: 'A', target: 'B' },
        { op: 'remove', regulator: 'A', target: 'B' },
      ]),
    ).toThrow(/Change 2 .*not in the network/);
  });
});

describe('geneMismatch', () => {
  it('lists prior genes missing from the dataset and counts the edges they drop', () => {
    const edges = [edge('A', 'B'), edge('B', 'X'), edge('Y', 'A'), edge('X', 'Y'), edge('A', 'C')];
    expect(geneMismatch(edges, ['A', 'B', 'C', 'D'])).toEqual({
      priorGeneCount: 5,
      datasetGeneCount: 4,
      matchedGeneCount: 3,
      missingGenes: ['X', 'Y'],
      droppedEdgeCount: 3,
      keptEdgeCount: 2,
    });
  });
});
