// Postings kept sorted by (time, seq): list pages start with a binary search and read forward, so a page costs
// O(log N + page) rather than a scan of the shop.
import type { Posting } from './model';

export class SortedIndex {
  readonly items: Posting[] = [];
  constructor(private readonly time: (p: Posting) => number = (p) => p.inProcessAt) {}

  /** First position whose key is greater than (t, seq) (or >= when `inclusive`). */
  lowerBound(t: number, seq: number, inclusive = true): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.items[mid];
      const pt = this.time(p);
      const less = pt < t || (pt === t && (inclusive ? p.seq < seq : p.seq <= seq));
      if (less) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(p: Posting): void {
    const n = this.items.length;
    const last = this.items[n - 1];
    if (!last || this.time(last) < this.time(p) || (this.time(last) === this.time(p) && last.seq < p.seq)) {
      this.items.push(p);
      return;
    }
    this.items.splice(this.lowerBound(this.time(p), p.seq), 0, p);
  }

  remove(p: Posting): void {
    const i = this.lowerBound(this.time(p), p.seq);
    if (this.items[i] === p) this.items.splice(i, 1);
  }

  has(p: Posting): boolean {
    return this.items[this.lowerBound(this.time(p), p.seq)] === p;
  }

  get size(): number {
    return this.items.length;
  }
}
