// The Products table: one row per offer, month and currency, with stock from the Inventory tab on
// the current month's row when that tab exists (stock is a now-figure: one row carries it, so a
// pivot summing stock does not count it once per month).
import { addTo, CHARGE_GROUPS, type GroupTotals } from '../finance/fees';
import { feeColumn } from '../finance/tables';
import { t, type Lang } from '../i18n/messages';
import { monthStart, serialDay } from './calendar';
import { money, type SaleLine } from './sales';
import { num, text, type SourceTable } from './source';
import { earns } from './status';

export interface StockInfo {
  offerId: string;
  available: number | null;
  daysOfCover: number | null;
  /** The Inventory tab's own verdict (ok / low / out / oversold) when it has one. */
  status: string;
}

export interface ProductRow {
  month: number | null;
  offerId: string;
  product: string;
  currency: string;
  units: number;
  /** kopecks */
  revenue: number;
  commission: number;
  payout: number;
  cancelledUnits: number;
  returnedUnits: number;
  stock: number | null;
  daysOfCover: number | null;
  /** Ozon's content rating and buyers' average score, on the offer's latest row (see ratings.ts). */
  contentRating?: number | null;
  reviewScore?: number | null;
  /** Accrued by Ozon for the month's lines (kopecks): payout, fees (payout minus revenue), cost, profit. */
  accrued: number | null;
  /** The month's lines' accruals per fee group (sale = accrued revenue), null before any accrual. */
  groups: GroupTotals | null;
  fees: number | null;
  cost: number | null;
  /** Null when any line with accruals has no known cost: never summed as if it were zero. */
  profit: number | null;
  costMissing: boolean;
}

export function readInventory(inventory: SourceTable | null): Map<string, StockInfo> | null {
  if (!inventory) return null;
  const c = (key: string) => inventory.col.get(key);
  const stock = new Map<string, StockInfo>();
  for (const row of inventory.rows) {
    const offerId = text(row, c('offer_id'));
    if (!offerId) continue;
    stock.set(offerId, {
      offerId,
      available: num(row, c('available')) ?? num(row, c('on_hand')),
      daysOfCover: num(row, c('days_of_cover')),
      status: text(row, c('status_code')),
    });
  }
  return stock;
}

export function buildProducts(
  lines: readonly SaleLine[],
  stock: ReadonlyMap<string, StockInfo> | null,
  today: number,
): ProductRow[] {
  const rows = new Map<string, ProductRow>();
  const get = (month: number | null, offerId: string, currency: string, product: string) => {
    const id = `${month ?? ''}\u0000${offerId}\u0000${currency}`;
    let row = rows.get(id);
    if (!row) {
      row = {
        month,
        offerId,
        product,
        currency,
        units: 0,
        revenue: 0,
        commission: 0,
        payout: 0,
        cancelledUnits: 0,
        returnedUnits: 0,
        stock: null,
        daysOfCover: null,
        accrued: null,
        groups: null,
        fees: null,
        cost: null,
        profit: null,
        costMissing: false,
      };
      rows.set(id, row);
    }
    if (!row.product && product) row.product = product;
    return row;
  };
  const lastCurrency = new Map<string, string>();
  const names = new Map<string, string>();
  for (const line of lines) {
    const at = line.info.orderedAt;
    const row = get(at === null ? null : monthStart(at), line.offerId, line.currency, line.product);
    lastCurrency.set(line.offerId, line.currency);
    if (line.product) names.set(line.offerId, line.product);
    if (line.accruedPayout !== null) {
      row.accrued = (row.accrued ?? 0) + line.accruedPayout;
      row.fees = (row.fees ?? 0) + line.accruedPayout - (line.accruedRevenue ?? 0);
      const groups = (row.groups ??= {});
      for (const [g, v] of Object.entries(line.accrued ?? {})) addTo(groups, g as keyof GroupTotals, v);
      if (line.profit === null) row.costMissing = true;
      else {
        row.cost = (row.cost ?? 0) + (line.cost ?? 0);
        row.profit = (row.profit ?? 0) + line.profit;
      }
    }
    const group = line.info.group;
    if (earns(group)) {
      row.units += line.quantity;
      row.revenue += line.revenue;
      row.commission += line.commission ?? 0;
      row.payout += line.payout ?? 0;
    } else if (group === 'cancelled') row.cancelledUnits += line.quantity;
    else if (group === 'returned') row.returnedUnits += line.quantity;
  }
  if (stock) {
    const month = monthStart(serialDay(today));
    for (const item of stock.values()) {
      const currency = lastCurrency.get(item.offerId) ?? '';
      const row = get(month, item.offerId, currency, names.get(item.offerId) ?? '');
      row.stock = item.available;
      row.daysOfCover = item.daysOfCover;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.month ?? 0) - (b.month ?? 0) ||
      a.offerId.localeCompare(b.offerId) ||
      a.currency.localeCompare(b.currency),
  );
}

/** Profit / accrued revenue in percent, two decimals (as Order lines' Margin %); blank when unknown. */
function margin(row: ProductRow): number | null {
  const revenue = row.groups?.sale ?? 0;
  if (row.costMissing || row.profit === null || revenue <= 0) return null;
  return Math.round((row.profit * 10_000) / revenue) / 100;
}

export function productsRow(row: ProductRow, lang: Lang = 'en'): Record<string, string | number | null> {
  const fees: Record<string, number | null> = {};
  fees[feeColumn('sale')] = row.groups ? money(row.groups.sale ?? 0) : null;
  for (const g of CHARGE_GROUPS) fees[feeColumn(g)] = row.groups ? money(row.groups[g] ?? 0) : null;
  return {
    month: row.month,
    offer_id: row.offerId,
    product: row.product,
    currency: row.currency,
    units: row.units,
    revenue: money(row.revenue),
    commission: money(row.commission),
    payout: money(row.payout),
    cancelled_units: row.cancelledUnits,
    returned_units: row.returnedUnits,
    stock: row.stock,
    days_of_cover: row.daysOfCover,
    content_rating: row.contentRating ?? null,
    review_score: row.reviewScore ?? null,
    ...fees,
    ozon_fees: money(row.fees),
    accrued_payout: money(row.accrued),
    cost: row.costMissing ? null : money(row.cost),
    profit: row.costMissing ? null : money(row.profit),
    margin: margin(row),
    profit_note: row.costMissing ? t(lang, 'finance.costMissing') : '',
  };
}
