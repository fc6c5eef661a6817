// The figures of one Inventory row: on hand (from the ledger), reserved (open postings not yet
// packed), available, the status and the days of cover from the last 30 days' shipped units.
import {
  CANCELLED_STATUSES,
  offerQuantities,
  RESERVING_STATUSES,
  touchesOwnStock,
  type PostingFacts,
} from './ledger';
import { SHIPPED_STATUSES } from '../orders/statuses';

export type StockStatus = 'ok' | 'low' | 'out' | 'oversold';
export const STOCK_STATUSES: readonly StockStatus[] = ['ok', 'low', 'out', 'oversold'];

export const COVER_WINDOW_DAYS = 30;
/** Without a reorder point, an offer that would run out within this many days is low. */
export const LOW_COVER_DAYS = 7;
const DAY_MS = 86_400_000;

export interface OrderDemand {
  /** Units in open FBS/rFBS postings not yet packed, per offer. */
  reserved: Map<string, number>;
  /** Units shipped in the cover window (FBS/rFBS, not cancelled), per offer. */
  shipped30: Map<string, number>;
}

export function orderDemand(postings: Iterable<PostingFacts>, now: number): OrderDemand {
  const reserved = new Map<string, number>();
  const shipped30 = new Map<string, number>();
  const since = now - COVER_WINDOW_DAYS * DAY_MS;
  for (const p of postings) {
    if (!touchesOwnStock(p) || CANCELLED_STATUSES.has(p.status)) continue;
    const open = RESERVING_STATUSES.has(p.status);
    const sold = SHIPPED_STATUSES.has(p.status) && p.shipAt !== null && p.shipAt >= since && p.shipAt <= now;
    if (!open && !sold) continue;
    const target = open ? reserved : shipped30;
    for (const [offerId, quantity] of offerQuantities(p)) {
      target.set(offerId, (target.get(offerId) ?? 0) + quantity);
    }
  }
  return { reserved, shipped30 };
}

/** Days until the available stock runs out at the last 30 days' pace; null when nothing sold. */
export function daysOfCover(available: number, shipped30: number): number | null {
  if (!(shipped30 > 0)) return null;
  if (available <= 0) return 0;
  return Math.round((available / (shipped30 / COVER_WINDOW_DAYS)) * 10) / 10;
}

export function stockStatus(
  onHand: number,
  available: number,
  reorderPoint: number | null,
  cover: number | null,
): StockStatus {
  if (available < 0 || onHand < 0) return 'oversold';
  if (available === 0) return 'out';
  if (reorderPoint !== null) return available <= reorderPoint ? 'low' : 'ok';
  return cover !== null && cover < LOW_COVER_DAYS ? 'low' : 'ok';
}

export interface StockFigures {
  onHand: number;
  reserved: number;
  available: number;
  status: StockStatus;
  daysOfCover: number | null;
  /** On hand minus what Ozon shows; null when Ozon's figure is unknown. */
  difference: number | null;
}

export function stockFigures(args: {
  onHand: number;
  reserved: number;
  shipped30: number;
  reorderPoint: number | null;
  ozonStock: number | null;
}): StockFigures {
  const available = args.onHand - args.reserved;
  const cover = daysOfCover(available, args.shipped30);
  return {
    onHand: args.onHand,
    reserved: args.reserved,
    available,
    status: stockStatus(args.onHand, available, args.reorderPoint, cover),
    daysOfCover: cover,
    difference: args.ozonStock === null ? null : args.onHand - args.ozonStock,
  };
}

/** A whole number from a cell, or null (empty, text, fractions are not reorder points). */
export function wholeOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? Math.round(n) : null;
}
