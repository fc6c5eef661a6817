// The pick list: everything verified and waiting to be packed, summed by offer, in the order a
// picker walks the shelves (warehouse, then offer ID as people read it: A2 before A10).

export interface PickLine {
  posting: string;
  warehouse: string;
  offerId: string;
  sku: string;
  name: string;
  quantity: number;
}

export interface PickRow {
  warehouse: string;
  offerId: string;
  sku: string;
  name: string;
  quantity: number;
  /** Postings that need this offer, in first-seen order. */
  postings: string[];
}

/** Natural order: runs of digits compare as numbers, the rest case-insensitively. */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.toLowerCase().match(/\d+|\D+/g) ?? [];
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn) {
      const d = Number(p) - Number(q);
      if (d) return d;
      return p.length - q.length;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
const collator = { compare: naturalCompare };

export function pickRows(lines: readonly PickLine[]): PickRow[] {
  const rows = new Map<string, PickRow>();
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    const id = line.offerId || line.sku;
    const key = `${line.warehouse}\u0000${id}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        warehouse: line.warehouse,
        offerId: line.offerId,
        sku: line.sku,
        name: line.name,
        quantity: 0,
        postings: [],
      };
      rows.set(key, row);
    }
    row.quantity += line.quantity;
    if (!row.name && line.name) row.name = line.name;
    if (!row.postings.includes(line.posting)) row.postings.push(line.posting);
  }
  return [...rows.values()].sort(
    (a, b) =>
      collator.compare(a.warehouse, b.warehouse) || collator.compare(a.offerId || a.sku, b.offerId || b.sku),
  );
}
