import { describe, expect, it } from 'vitest';
import { neutralise } from './export';
import { majoritySign } from './proposal';
import { evidenceEntry, evidenceUrl } from './validation';

describe('evidence', () => {
  it('accepts PubMed IDs and DOIs and links them', () => {
    const pmid = evidenceEntry.parse({ kind: 'pmid', value: '10521345' });
    expect(evidenceUrl(pmid)).toBe('https://pubmed.ncbi.nlm.nih.gov/10521345/');
    expect(evidenceUrl(evidenceEntry.parse({ kind: 'doi', value: '10.1038/nature02800' }))).toBe('https://doi.org/10.1038/nature02800');
  });
  it('refuses malformed PubMed IDs, DOIs and unknown databases', () => {
    for (const bad of [
      { kind: 'pmid', value: 'PMID:1' },
      { kind: 'pmid', value: '1234567890' },
      { kind: 'doi', value: '10.12/x' },
      { kind: 'doi', value: 'doi:10.1038/x' },
      { kind: 'database', value: 'Wikipedia' },
    ]) {
      expect(evidenceEntry.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('spells known databases canonically and keeps the accession', () => {
    expect(evidenceEntry.parse({ kind: 'database', value: 'yeastract:YER111C' })).toEqual({ kind: 'database', value: 'YEASTRACT:YER111C' });
  });
});

describe('CSV formula neutralisation', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-cmd', '@x', 'GATA1'].map(neutralise)).toEqual(["'=SUM(A1)", "'+1", "'-cmd", "'@x", 'GATA1']);
  });
});

describe('majoritySign', () => {
  it('is the most common sign given, null on a tie or when none is given', () => {
    expect(majoritySign([1, -1, -1, null])).toBe(-1);
    expect(majoritySign([1, -1])).toBeNull();
    expect(majoritySign([null, null])).toBeNull();
  });
});
