/** The network view's filters as they travel in the page's address, so a view can be shared as a link. */
export interface NetworkFilters {
  topK: number;
  regulator: string;
  gene: string;
  hops: number;
}

export const DEFAULT_NETWORK_FILTERS: NetworkFilters = { topK: 100, regulator: '', gene: '', hops: 1 };

const KEYS = { topK: 'top', regulator: 'regulator', gene: 'gene', hops: 'hops', gold: 'gold' } as const;

function intIn(text: string | null, min: number, max: number): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Filters named in the address; out-of-range or malformed values fall back to the defaults. */
export function filtersFromSearch(search: string): NetworkFilters & { gold: string } {
  const p = new URLSearchParams(search);
  return {
    // The server's own cap (NETWORK_MAX_EDGES) may be lower: it answers with a clear error past it.
    topK: intIn(p.get(KEYS.topK), 1, 200_000) ?? DEFAULT_NETWORK_FILTERS.topK,
    regulator: p.get(KEYS.regulator)?.trim() ?? '',
    gene: p.get(KEYS.gene)?.trim() ?? '',
    hops: intIn(p.get(KEYS.hops), 1, 3) ?? DEFAULT_NETWORK_FILTERS.hops,
    gold: p.get(KEYS.gold) ?? '',
  };
}

/** The address's query with these filters (defaults left out), other parameters kept. */
export function searchWithFilters(search: string, filters: Partial<NetworkFilters> & { gold?: string }): string {
  const p = new URLSearchParams(search);
  const set = (key: string, value: string, fallback: string) => (value && value !== fallback ? p.set(key, value) : p.delete(key));
  if (filters.topK !== undefined) set(KEYS.topK, String(filters.topK), String(DEFAULT_NETWORK_FILTERS.topK));
  if (filters.regulator !== undefined) set(KEYS.regulator, filters.regulator, '');
  if (filters.gene !== undefined) set(KEYS.gene, filters.gene, '');
  if (filters.hops !== undefined) set(KEYS.hops, String(filters.hops), String(DEFAULT_NETWORK_FILTERS.hops));
  if (filters.gold !== undefined) set(KEYS.gold, filters.gold, '');
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** Writes the filters into the current address without a navigation (Next keeps its router in step). */
export function replaceFiltersInUrl(filters: Partial<NetworkFilters> & { gold?: string }): void {
  const { pathname, search, hash } = window.location;
  const next = searchWithFilters(search, filters);
  if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
}
