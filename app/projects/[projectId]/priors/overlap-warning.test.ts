import { describe, expect, it } from 'vitest';
import { overlapWarning, type DatasetOverlap } from './overlap-warning';

const overlap = (datasetName: string, missingGenes: string[], priorGeneCount: number, kept: number, dropped: number): DatasetOverlap => ({
  datasetName,
  mismatch: { priorGeneCount, matchedGeneCount: priorGeneCount - missingGenes.length, missingGenes, keptEdgeCount: kept, droppedEdgeCount: dropped },
});

describe('overlapWarning', () => {
  it('says nothing when every gene is in every dataset, or there is no dataset yet', () => {
    expect(overlapWarning([overlap('SIM350', [], 4, 3, 0)])).toBeNull();
    expect(overlapWarning([])).toBeNull();
  });

  it('names a total mismatch with examples and the likely cause', () => {
    const genes = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
    const text = overlapWarning([overlap('A', genes, 6, 0, 9), overlap('B', genes, 6, 0, 9)])!;
    expect(text).toContain('None of the 6 prior genes appear in any dataset');
    expect(text).toContain('e.g. E1, E2, E3, E4, E5, …');
    expect(text).toContain('identifiers');
  });

  it('gives counts per partly matching dataset only', () => {
    const text = overlapWarning([overlap('Full', [], 4, 2, 0), overlap('Small', ['X', 'Y'], 4, 1, 3)])!;
    expect(text).toBe('Only 2 of 4 prior genes are in dataset “Small” (missing e.g. X, Y); a run on it keeps 1 of 4 edges.');
  });
});
