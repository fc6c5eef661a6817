// The stock ledger: every change of the seller's own stock is one move (+/−), and on hand is the sum
// of an offer's moves. Moves that orders cause carry an idempotency key built from the posting and
// the offer, so re-syncs, retries and resumed runs find the key already written and add nothing.
import type { Schema } from '../orders/posting';
import { SHIPPED_STATUSES } from '../orders/statuses';

export type MoveReason =
  'opening' | 'receipt' | 'shipment' | 'cancellation' | 'return' | 'write_off' | 'count';

export const MOVE_REASONS: readonly MoveReason[] = [
  'opening',
  'receipt',
  'shipment',
  'cancellation',
  'return',
  'write_off',
  'count',
];

export interface StockMove {
  /** Epoch ms. */
  when: number;
  offerId: string;
  /** Signed whole units: + into the seller's stock, − out of it. */
  quantity: number;
  reason: MoveReason;
  /** Posting number, return id or the seller's note. */
  reference: string;
  who: string;
  /** Idempotency key; empty for rows a seller typed into the ledger by hand. */
  key: string;
}

/** A move as read back from the ledger tab: only what the arithmetic needs. */
export interface LedgerRow {
  offerId: string;
  quantity: number;
  /** Epoch ms, or null when the cell is empty or not a date. */
  when: number | null;
  key: string;
}

export const openingKey = (offerId: string) => `opening:${offerId}`;
export const shipmentKey = (posting: string, offerId: string) => `shipment:${posting}:${offerId}`;
export const cancellationKey = (posting: string, offerId: string) => `cancel:${posting}:${offerId}`;
export const returnKey = (returnId: string, posting: string, offerId: string) =>
  `return:${returnId}:${posting}:${offerId}`;
export const manualKey = (id: string) => `manual:${id}`;

/** Shipped and already out of the seller's hands (Ozon no longer counts it in its stock). */
export const HANDED_OVER_STATUSES: ReadonlySet<string> = new Set(
  [...SHIPPED_STATUSES].filter((s) => s !== 'awaiting_deliver'),
);

/** Open postings whose goods are promised but still on the seller's shelf. */
export const RESERVING_STATUSES: ReadonlySet<string> = new Set([
  'awaiting_registration',
  'acceptance_in_progress',
  'awaiting_approve',
  'awaiting_verification',
  'awaiting_packaging',
]);

/** Ends that bring packed goods back to the seller. A split parent is neither a sale nor a cancellation. */
export const CANCELLED_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'not_accepted']);

/** What the ledger arithmetic needs of a posting (from the Orders and Order lines tabs). */
export interface PostingFacts {
  postingNumber: string;
  schema: Schema | string;
  status: string;
  /** When the goods left or were due to leave (ship-by, else ordered-at), epoch ms; null if unknown. */
  shipAt: number | null;
  /** When Ozon took the posting into delivery (its delivering date), epoch ms; absent if unknown. */
  handedAt?: number | null;
  /** When the posting reached its current status (first seen by a sync), epoch ms; absent if unknown. */
  changedAt?: number | null;
  lines: { offerId: string; sku: string; name: string; quantity: number }[];
  /** The seller's warehouse the posting ships from (the Orders tab's Warehouse column). */
  warehouse?: string;
}

export const touchesOwnStock = (p: Pick<PostingFacts, 'schema'>) => p.schema === 'FBS' || p.schema === 'rFBS';

/** Quantities per offer of a posting (a posting may list one offer on several lines). */
export function offerQuantities(p: PostingFacts): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of p.lines) {
    if (!line.offerId || !(line.quantity > 0)) continue;
    out.set(line.offerId, (out.get(line.offerId) ?? 0) + line.quantity);
  }
  return out;
}

/** The ledger read once: sums, keys and what each posting has already moved. */
export interface LedgerIndex {
  onHand: Map<string, number>;
  lastMove: Map<string, number>;
  keys: Set<string>;
  /** Units shipped per `posting:offer` (positive). */
  shipped: Map<string, number>;
  /** Units that came back per `posting:offer` (cancellations and returns, positive). */
  returned: Map<string, number>;
  /** When each offer's opening count was taken. */
  openedAt: Map<string, number>;
  /** Offers with at least one move. */
  offers: Set<string>;
}

const pairKey = (posting: string, offerId: string) => `${posting}\u0000${offerId}`;

export function emptyIndex(): LedgerIndex {
  return {
    onHand: new Map(),
    lastMove: new Map(),
    keys: new Set(),
    shipped: new Map(),
    returned: new Map(),
    openedAt: new Map(),
    offers: new Set(),
  };
}

/** Posting and offer encoded in a shipment, cancel or return key, or null. Posting numbers hold no ':'. */
function postingOfKey(key: string): { kind: string; posting: string; offerId: string } | null {
  const m = /^(shipment|cancel):([^:]+):(.+)$/.exec(key) ?? /^(return):[^:]*:([^:]+):(.+)$/.exec(key);
  return m ? { kind: m[1], posting: m[2], offerId: m[3] } : null;
}

/** Adds moves to an index (in place); a key already present is ignored, so adding twice is harmless. */
export function addToIndex(index: LedgerIndex, rows: Iterable<LedgerRow>): void {
  for (const row of rows) {
    if (!row.offerId || !Number.isFinite(row.quantity)) continue;
    if (row.key) {
      if (index.keys.has(row.key)) continue;
      index.keys.add(row.key);
    }
    index.offers.add(row.offerId);
    index.onHand.set(row.offerId, (index.onHand.get(row.offerId) ?? 0) + row.quantity);
    if (row.when !== null) {
      index.lastMove.set(row.offerId, Math.max(index.lastMove.get(row.offerId) ?? -Infinity, row.when));
    }
    if (row.key.startsWith('opening:') && row.when !== null) index.openedAt.set(row.offerId, row.when);
    const pk = postingOfKey(row.key);
    if (pk) {
      const map = pk.kind === 'shipment' ? index.shipped : index.returned;
      const k = pairKey(pk.posting, pk.offerId);
      map.set(k, (map.get(k) ?? 0) + Math.abs(row.quantity));
    }
  }
}

export function indexLedger(rows: Iterable<LedgerRow>): LedgerIndex {
  const index = emptyIndex();
  addToIndex(index, rows);
  return index;
}

export function moveToRow(move: StockMove): LedgerRow {
  return { offerId: move.offerId, quantity: move.quantity, when: move.when, key: move.key };
}

/**
 * The moves the current state of the orders calls for and the ledger does not hold yet:
 * - a shipment (−) per FBS/rFBS posting × offer once the posting is packed or later;
 * - a cancellation (+, what was shipped minus what already came back) once a shipped posting is cancelled.
 * A posting handed over before the offer's opening count is already reflected in that count and
 * moves nothing. FBO postings never touch the seller's stock. Deterministic: the same orders and
 * ledger always give the same moves, and a ledger holding them gives none.
 */
export function deriveOrderMoves(
  postings: Iterable<PostingFacts>,
  index: LedgerIndex,
  now: number,
  who: string,
): StockMove[] {
  const moves: StockMove[] = [];
  const keys = new Set<string>();
  for (const p of postings) {
    if (!touchesOwnStock(p)) continue;
    const shipped = SHIPPED_STATUSES.has(p.status);
    const cancelled = CANCELLED_STATUSES.has(p.status);
    if (!shipped && !cancelled) continue;
    for (const [offerId, quantity] of offerQuantities(p)) {
      const sKey = shipmentKey(p.postingNumber, offerId);
      if (shipped) {
        if (index.keys.has(sKey) || keys.has(sKey)) continue;
        const at = shipmentTime(p, index.openedAt.get(offerId), now);
        if (at === null) continue;
        keys.add(sKey);
        moves.push({
          when: at,
          offerId,
          quantity: -quantity,
          reason: 'shipment',
          reference: p.postingNumber,
          who,
          key: sKey,
        });
      } else {
        const cKey = cancellationKey(p.postingNumber, offerId);
        if (index.keys.has(cKey) || keys.has(cKey) || !index.keys.has(sKey)) continue;
        const pk = pairKey(p.postingNumber, offerId);
        const back = (index.shipped.get(pk) ?? 0) - (index.returned.get(pk) ?? 0);
        if (back <= 0) continue;
        keys.add(cKey);
        moves.push({
          when: now,
          offerId,
          quantity: back,
          reason: 'cancellation',
          reference: p.postingNumber,
          who,
          key: cKey,
        });
      }
    }
  }
  return moves;
}

/**
 * When a posting's goods left the seller's stock as the ledger books it, or null when the offer's
 * opening count already reflects it. The opening count is Ozon's figure at that moment, and Ozon
 * still counts goods packed but not yet handed over: those are booked when Ozon takes them into
 * delivery; goods handed over before the count are not booked at all. A move is dated when it
 * happened (Ozon's delivering date, else when the status was first seen), never by the ship-by
 * deadline, which may lie days ahead.
 */
export function shipmentTime(p: PostingFacts, opened: number | undefined, now: number): number | null {
  const handedOver = HANDED_OVER_STATUSES.has(p.status);
  const handedAt = p.handedAt ?? null;
  const seen = p.changedAt ?? null;
  const happened = handedOver ? (handedAt ?? seen ?? p.shipAt) : (seen ?? p.shipAt);
  if (opened !== undefined) {
    if (handedOver) {
      const left = handedAt ?? seen ?? p.shipAt;
      if (left !== null && left < opened) return null;
    } else if ((seen ?? p.shipAt ?? now) < opened) {
      // Packed before the count: Ozon still counted it; booked once it is handed over.
      return null;
    }
  }
  return Math.min(happened ?? now, now);
}

export interface ReturnReceivedInput {
  /** Ozon's return id (or the customer-service feature's own id for the return). */
  returnId: string;
  postingNumber: string;
  offerId: string;
  /** Units received back on the shelf (whole, > 0). */
  quantity: number;
  /** Epoch ms. */
  when: number;
  who: string;
}

/**
 * The "return received" move for a return, or null when the ledger already holds it or the posting's
 * goods are already back (a cancellation after packing or an earlier return): what comes back for a
 * posting never exceeds what left for it. A return for a posting the ledger never shipped (shipped
 * before the opening count, or FBO) is recorded in full.
 */
export function returnReceivedMove(input: ReturnReceivedInput, index: LedgerIndex): StockMove | null {
  if (!Number.isInteger(input.quantity) || input.quantity <= 0) return null;
  const key = returnKey(input.returnId, input.postingNumber, input.offerId);
  if (index.keys.has(key)) return null;
  const pk = pairKey(input.postingNumber, input.offerId);
  const shipped = index.shipped.get(pk);
  const quantity =
    shipped === undefined
      ? input.quantity
      : Math.min(input.quantity, shipped - (index.returned.get(pk) ?? 0));
  if (quantity <= 0) return null;
  return {
    when: input.when,
    offerId: input.offerId,
    quantity,
    reason: 'return',
    reference: `${input.postingNumber} / ${input.returnId}`,
    who: input.who,
    key,
  };
}

/** Moves not yet in the ledger, each key once, added to the index as they are accepted. */
export function acceptMoves(index: LedgerIndex, moves: Iterable<StockMove>): StockMove[] {
  const accepted: StockMove[] = [];
  for (const move of moves) {
    if (move.key && index.keys.has(move.key)) continue;
    addToIndex(index, [moveToRow(move)]);
    accepted.push(move);
  }
  return accepted;
}
