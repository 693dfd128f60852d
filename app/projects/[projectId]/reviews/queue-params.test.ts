import { describe, expect, it } from 'vitest';
import { parseQueueParams, queueFilter, queueSearch } from './queue-params';

describe('review queue URL parameters', () => {
  it('round-trip through the URL', () => {
    const search = 'run=r1&status=DISPUTED,ACCEPTED&gene=G1&novelty=NOVEL&gold=g1&inGold=no&order=CONFIDENCE&page=2&edge=G1%3EG2';
    const p = parseQueueParams(new URLSearchParams(search));
    expect(p).toEqual({
      run: 'r1',
      level: null,
      list: null,
      statuses: ['DISPUTED', 'ACCEPTED'],
      gene: 'G1',
      novelty: 'NOVEL',
      gold: 'g1',
      inGold: false,
      order: 'CONFIDENCE',
      page: 2,
      edge: { regulator: 'G1', target: 'G2' },
    });
    expect(parseQueueParams(new URLSearchParams(queueSearch(p)))).toEqual(p);
  });

  it('carry a pruning level or a replicate list (a list wins: it is not a network of the run)', () => {
    const level = parseQueueParams(new URLSearchParams('run=r1&level=3'));
    expect(level).toMatchObject({ run: 'r1', level: 3, list: null });
    expect(queueSearch(level)).toBe('run=r1&level=3');
    expect(parseQueueParams(new URLSearchParams('level=-1')).level).toBeNull();
    expect(parseQueueParams(new URLSearchParams('level=two')).level).toBeNull();
    const list = parseQueueParams(new URLSearchParams('run=r1&list=CANDIDATES&level=3'));
    expect(list).toMatchObject({ list: 'CANDIDATES', level: 3 });
    expect(queueSearch(list)).toBe('run=r1&list=CANDIDATES');
    expect(parseQueueParams(new URLSearchParams('list=OTHER')).list).toBeNull();
  });

  it('drop unknown statuses, bad pages and in/out of gold without a gold standard', () => {
    const p = parseQueueParams(new URLSearchParams('status=NOPE,REJECTED&page=-3&inGold=yes&novelty=maybe'));
    expect(p.statuses).toEqual(['REJECTED']);
    expect(p.page).toBe(0);
    expect(p.novelty).toBeNull();
    expect(queueFilter(p)).toEqual({ statuses: ['REJECTED'], gene: null, novelty: null, goldStandardId: null, inGold: null });
    expect(queueSearch(p)).toBe('status=REJECTED');
  });
});
