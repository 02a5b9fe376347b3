/**
 * A least-recently-used map bounded by total weight: by default each entry weighs 1, so the bound is an entry count;
 * give `weigh` (bytes, say) to bound by size. Map keeps insertion order: the first key is the oldest.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private total = 0;

  constructor(
    readonly max: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.total += this.weigh(value);
    while (this.total > this.max && this.map.size > 0) this.delete(this.map.keys().next().value as K);
  }

  /** Deletes the entry only while it still holds `value` (a newer one under the same key stays). */
  deleteIf(key: K, value: V): void {
    if (this.map.get(key) === value) this.delete(key);
  }

  delete(key: K): void {
    const value = this.map.get(key);
    if (value === undefined) return;
    this.map.delete(key);
    this.total -= this.weigh(value);
  }

  keys(): K[] {
    return [...this.map.keys()];
  }

  get size(): number {
    return this.map.size;
  }

  /** The sum of the entries' weights (their count when no `weigh` was given). */
  get weight(): number {
    return this.total;
  }
}
