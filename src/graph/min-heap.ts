/** A binary min-heap of (priority, value) pairs; ties pop in insertion order so results are deterministic. */
export class MinHeap<T> {
  private readonly items: Array<{ p: number; n: number; v: T }> = [];
  private counter = 0;

  /** Number of queued items. */
  get length(): number {
    return this.items.length;
  }

  /** Queues `value` with `priority`. */
  push(priority: number, value: T): void {
    const items = this.items;
    items.push({ p: priority, n: this.counter++, v: value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  /** Removes and returns the item of least priority. */
  pop(): { priority: number; value: T } | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return { priority: top.p, value: top.v };
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    return x.p < y.p || (x.p === y.p && x.n < y.n);
  }
}
