// A push that would cut stock sharply for many products at once is more likely a damaged ledger, a
// wrong count or a mistyped entry than real sales: Ozon would hide the offers or stop selling them. Such
// a push needs the seller's confirmation (menu or sidebar); after a sync it is skipped and said so.
//
// Sharp: the figure sent is at most half of what Ozon has for the pair now (what the add-on last pushed
// there, else Ozon's stock as last read) and at least MIN_DROP units lower. The floor keeps small stock
// selling its last few units out of it: 3 → 0 is a sale, 40 → 0 is a question.
// Many: at least MANY_PAIRS pairs, or (in a small shop) at least MANY_SHARE of the pairs the push
// covers and at least two. An hourly push rarely halves even two products by real sales; the seller's
// receipts only raise figures.
export const SHARP_RATIO = 0.5;
export const MIN_DROP = 5;
export const MANY_PAIRS = 5;
export const MANY_SHARE = 0.2;

/** One pair the push would send: its figure now at Ozon (null: unknown) and the figure to send. */
export interface StockChange {
  /** Offer × warehouse, unique within one push. */
  key: string;
  offerId: string;
  warehouse: string;
  from: number | null;
  to: number;
}

export interface SharpCut {
  /** The sharply cut pairs, largest drop first. */
  cuts: StockChange[];
  /** Pairs the push covers (the share's denominator). */
  pairs: number;
  /** Names this very set of cuts: a confirmation given for it is for it only. */
  token: string;
}

export function isSharp(change: StockChange): boolean {
  if (change.from === null || !(change.from > 0)) return false;
  return change.to <= change.from * SHARP_RATIO && change.from - change.to >= MIN_DROP;
}

/** The push's sharp cuts when they are "many" (null otherwise). `pairs`: every pair the push covers. */
export function sharpCut(changes: readonly StockChange[], pairs: number): SharpCut | null {
  const cuts = changes.filter(isSharp);
  const total = Math.max(pairs, changes.length);
  const many = cuts.length >= MANY_PAIRS || (cuts.length >= 2 && cuts.length >= total * MANY_SHARE);
  if (!many) return null;
  cuts.sort((a, b) => (b.from ?? 0) - b.to - ((a.from ?? 0) - a.to) || a.key.localeCompare(b.key));
  return { cuts, pairs: total, token: cutToken(cuts) };
}

/** FNV-1a over the cuts (keys and figures, in key order), with their count: short, stable, pure. */
export function cutToken(cuts: readonly StockChange[]): string {
  const lines = cuts.map((c) => `${c.key}:${c.from}>${c.to}`).sort();
  let hash = 0x811c9dc5;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      hash ^= line.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x0a;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${cuts.length.toString(36)}-${hash.toString(36)}`;
}
