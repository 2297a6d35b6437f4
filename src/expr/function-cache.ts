/** A small least-recently-used cache of compiled functions keyed by their generated source. */
export class FunctionCache<F> {
  private readonly map = new Map<string, F>();
  constructor(private readonly capacity: number) {}

  /** The cached value for `key`, building (and caching) it with `build` when missing. */
  get(key: string, build: () => F): F {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = build();
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
    return value;
  }

  /** The cached value for `key`, if any (without building it). */
  peek(key: string): F | undefined {
    return this.map.get(key);
  }

  /** Forgets every entry (benchmarks use it to measure cold compilation). */
  clear(): void {
    this.map.clear();
  }

  /** Number of cached entries. */
  get size(): number {
    return this.map.size;
  }
}
