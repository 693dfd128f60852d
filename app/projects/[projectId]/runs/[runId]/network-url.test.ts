import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchWithFilters } from './network-url';

describe('network filters in the address', () => {
  it('round-trips every filter and the gold standard, leaving defaults out', () => {
    const search = searchWithFilters('?tab=network', { topK: 250, regulator: 'GATA1', gene: 'SPI1', hops: 2, gold: 'g1' });
    expect(search).toBe('?tab=network&top=250&regulator=GATA1&gene=SPI1&hops=2&gold=g1');
    expect(filtersFromSearch(search)).toEqual({ topK: 250, regulator: 'GATA1', gene: 'SPI1', hops: 2, gold: 'g1' });
    expect(searchWithFilters(search, { topK: 100, regulator: '', gene: '', hops: 1, gold: '' })).toBe('?tab=network');
  });

  it('falls back to the defaults for malformed or out-of-range values', () => {
    expect(filtersFromSearch('?top=0&hops=9')).toMatchObject({ topK: 100, hops: 1 });
    expect(filtersFromSearch('?top=1e3&hops=-1')).toMatchObject({ topK: 100, hops: 1 });
    // Up to the largest cap a server may set (NETWORK_MAX_EDGES ≤ 200,000); the server refuses past its own.
    expect(filtersFromSearch('?top=20000').topK).toBe(20_000);
    expect(filtersFromSearch('?top=200001').topK).toBe(100);
    expect(filtersFromSearch('')).toEqual({ topK: 100, regulator: '', gene: '', hops: 1, gold: '' });
  });
});
