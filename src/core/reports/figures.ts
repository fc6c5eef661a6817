// Figures for the Dashboard and the nightly email, counted in the spreadsheet's days: "yesterday"
// is the calendar day before today in that zone, "7 days" and "30 days" are the full days before today.
import { serialDay } from './calendar';
import type { PostingInfo, SaleLine } from './sales';
import type { StockInfo } from './products';
import { earns, STATUS_GROUPS, type StatusGroup } from './status';

export type Period = 'yesterday' | 'days7' | 'days30';
export const PERIODS: readonly { period: Period; days: number }[] = [
  { period: 'yesterday', days: 1 },
  { period: 'days7', days: 7 },
  { period: 'days30', days: 30 },
];

export interface Headline {
  period: Period;
  currency: string;
  /** Postings placed in the period (split parents excluded, cancelled ones included). */
  orders: number;
  /** Units of lines that earn (not cancelled or returned). */
  units: number;
  /** kopecks */
  revenue: number;
  payout: number;
}

const inPeriod = (at: number | null, today: number, days: number) =>
  at !== null && serialDay(at) >= today - days && serialDay(at) < today;

export function currencies(lines: readonly SaleLine[]): string[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.revenue);
  return [...totals.entries()]
    .filter(([currency]) => currency)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([currency]) => currency);
}

/** The currency with the most revenue: charts plot money in one currency. */
export function mainCurrency(lines: readonly SaleLine[]): string {
  return currencies(lines)[0] ?? 'RUB';
}

export function headlines(lines: readonly SaleLine[], today: number): Headline[] {
  const list = currencies(lines);
  const out: Headline[] = [];
  for (const { period, days } of PERIODS) {
    for (const currency of list.length ? list : ['RUB']) {
      const postings = new Set<string>();
      const h: Headline = { period, currency, orders: 0, units: 0, revenue: 0, payout: 0 };
      for (const line of lines) {
        if (line.currency !== currency || !inPeriod(line.info.orderedAt, today, days)) continue;
        postings.add(line.info.posting);
        if (!earns(line.info.group)) continue;
        h.units += line.quantity;
        h.revenue += line.revenue;
        h.payout += line.payout ?? 0;
      }
      h.orders = postings.size;
      out.push(h);
    }
  }
  return out;
}

export interface DayPoint {
  day: number;
  revenue: number;
  orders: number;
}

/** Revenue (one currency) and postings placed per day, for the last `days` full days and today. */
export function byDay(lines: readonly SaleLine[], today: number, currency: string, days = 30): DayPoint[] {
  const points = new Map<number, { revenue: number; postings: Set<string> }>();
  for (let d = today - days; d <= today; d++) points.set(d, { revenue: 0, postings: new Set() });
  for (const line of lines) {
    if (line.info.orderedAt === null) continue;
    const point = points.get(serialDay(line.info.orderedAt));
    if (!point) continue;
    point.postings.add(line.info.posting);
    if (line.currency === currency) point.revenue += line.revenue;
  }
  return [...points.entries()].map(([day, p]) => ({ day, revenue: p.revenue, orders: p.postings.size }));
}

export interface Ranked {
  label: string;
  revenue: number;
}

function top(
  lines: readonly SaleLine[],
  today: number,
  currency: string,
  labelOf: (line: SaleLine) => string,
  limit: number,
): Ranked[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (line.currency !== currency || !inPeriod(line.info.orderedAt, today, 30) || !line.revenue) continue;
    const label = labelOf(line);
    totals.set(label, (totals.get(label) ?? 0) + line.revenue);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([label, revenue]) => ({ label, revenue }));
}

export const topProducts = (lines: readonly SaleLine[], today: number, currency: string, limit = 10) =>
  top(lines, today, currency, (l) => l.offerId || l.sku, limit);

export const topRegions = (lines: readonly SaleLine[], today: number, currency: string, limit = 10) =>
  top(lines, today, currency, (l) => l.info.region || '—', limit);

/** Postings of the last 30 days by status group (split parents are not in the Sales lines). */
export function statusMix(
  lines: readonly SaleLine[],
  today: number,
): { group: StatusGroup; postings: number }[] {
  const seen = new Map<StatusGroup, Set<string>>();
  for (const line of lines) {
    if (!inPeriod(line.info.orderedAt, today, 30)) continue;
    const set = seen.get(line.info.group) ?? new Set<string>();
    set.add(line.info.posting);
    seen.set(line.info.group, set);
  }
  return STATUS_GROUPS.filter((g) => seen.has(g)).map((group) => ({
    group,
    postings: seen.get(group)?.size ?? 0,
  }));
}

const UNSHIPPED = new Set(['awaiting_packaging', 'awaiting_deliver']);

/** Postings still waiting to be packed or handed over whose ship-by has passed. */
export function pastShipBy(postings: ReadonlyMap<string, PostingInfo>, nowSerial: number): PostingInfo[] {
  return [...postings.values()]
    .filter((p) => UNSHIPPED.has(p.statusCode) && p.shipBy !== null && p.shipBy < nowSerial)
    .sort((a, b) => (a.shipBy ?? 0) - (b.shipBy ?? 0));
}

export const LOW_STOCK_DAYS = 7;
const SHORT = new Set(['low', 'out', 'oversold']);

/**
 * Offers the Inventory tab marks low, out or oversold; when it gives no verdict, offers with
 * nothing available or fewer than LOW_STOCK_DAYS days of cover.
 */
export function lowStock(stock: ReadonlyMap<string, StockInfo> | null): StockInfo[] {
  if (!stock) return [];
  return [...stock.values()]
    .filter((s) =>
      s.status
        ? SHORT.has(s.status)
        : (s.available !== null && s.available <= 0) ||
          (s.daysOfCover !== null && s.daysOfCover < LOW_STOCK_DAYS),
    )
    .sort((a, b) => (a.available ?? 0) - (b.available ?? 0) || a.offerId.localeCompare(b.offerId));
}
