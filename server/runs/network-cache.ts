/**
 * A bounded, least-recently-used cache of promises, weighted by size, that also merges concurrent misses
 * (fifty users opening the same cold network build it once). Callers authorise before they read it; it
 * knows nothing of users or projects.
 */
export class PromiseLru<V> {
  private readonly entries = new Map<string, { value: Promise<V>; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value under `key`, built by `build` on a miss. A failed build is forgotten, so the next read retries. */
  get(key: string, build: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry = { value: build(), weight: 1 };
    this.entries.set(key, entry);
    this.total += entry.weight;
    entry.value.then(
      (v) => this.settle(key, entry, this.weigh(v)),
      () => this.drop(key, entry),
    );
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private settle(key: string, entry: { value: Promise<V>; weight: number }, weight: number): void {
    if (this.entries.get(key) !== entry) return;
    this.total += weight - entry.weight;
    entry.weight = weight;
    this.evict();
  }

  private drop(key: string, entry: { value: Promise<V>; weight: number }): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxWeight || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.total -= entry.weight;
    }
  }
}
