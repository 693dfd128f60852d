import { describe, expect, it } from 'vitest';
import { PromiseLru } from './network-cache';

describe('PromiseLru', () => {
  it('builds a key once, also for concurrent misses', async () => {
    const cache = new PromiseLru<number>(100, () => 1);
    let builds = 0;
    const build = async () => ++builds;
    const [a, b] = await Promise.all([cache.get('k', build), cache.get('k', build)]);
    expect([a, b, builds]).toEqual([1, 1, 1]);
    expect(await cache.get('k', build)).toBe(1);
  });

  it('forgets a failed build, so the next read retries', async () => {
    const cache = new PromiseLru<string>(100, () => 1);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', async () => 'up')).toBe('up');
  });

  it('evicts the least recently used entries beyond the weight', async () => {
    const cache = new PromiseLru<number>(10, (v) => v);
    await cache.get('a', async () => 4);
    await cache.get('b', async () => 4);
    await cache.get('a', async () => -1); // a is now the most recently used
    await cache.get('c', async () => 4); // 12 > 10: b goes
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => -1)).toBe(4);
    expect(await cache.get('b', async () => 99)).toBe(99);
  });
});
