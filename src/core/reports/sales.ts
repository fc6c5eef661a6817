// The Sales table: one row per posting line, joined with its posting's date, status and place.
// Split parents are left out (their lines live on in the child postings); lines of cancelled and
// returned postings keep their ordered value but carry no revenue, commission or payout.
import { FEE_GROUPS, type GroupTotals } from '../finance/fees';
import { feeColumn } from '../finance/tables';
import { monthStart, serialDay } from './calendar';
import { kopecks, num, text, type SourceTable } from './source';
import { earns, statusGroup, type StatusGroup } from './status';

export interface PostingInfo {
  posting: string;
  order: string;
  schema: string;
  statusCode: string;
  group: StatusGroup;
  /** Serial date-time of the order in the spreadsheet's zone, or null. */
  orderedAt: number | null;
  shipBy: number | null;
  warehouse: string;
  delivery: string;
  region: string;
  buyerId: string;
  currency: string;
  /** Orders tab total, in kopecks. */
  total: number;
}

export interface SaleLine {
  info: PostingInfo;
  offerId: string;
  sku: string;
  product: string;
  quantity: number;
  currency: string;
  /** Money in kopecks. */
  unitPrice: number | null;
  ordered: number;
  revenue: number;
  discount: number | null;
  commission: number | null;
  payout: number | null;
  /** From the finance run: what Ozon accrued for the line, its cost and profit (kopecks), or null. */
  accruedPayout: number | null;
  accruedRevenue: number | null;
  /** Accrued per fee group (sale = revenue; the rest signed fees), when the line has accruals. */
  accrued: GroupTotals | null;
  cost: number | null;
  profit: number | null;
  /** Why profit is blank when it is ("cost missing", …), else empty. */
  profitNote: string;
}

export interface SalesData {
  postings: Map<string, PostingInfo>;
  lines: SaleLine[];
  /** Order lines whose posting is not in the Orders tab (left out of every report). */
  orphanLines: number;
  /** Lines of split parents (left out). */
  splitLines: number;
}

export function readPostings(orders: SourceTable | null): Map<string, PostingInfo> {
  const postings = new Map<string, PostingInfo>();
  if (!orders) return postings;
  const c = (key: string) => orders.col.get(key);
  const [numberCol, statusCol, substatusCol] = [c('posting_number'), c('status_code'), c('substatus')];
  const substatusCodeCol = c('substatus_code');
  for (const row of orders.rows) {
    const posting = text(row, numberCol);
    if (!posting) continue;
    const statusCode = text(row, statusCol);
    postings.set(posting, {
      posting,
      order: text(row, c('order_number')),
      schema: text(row, c('schema')),
      statusCode,
      group: statusGroup(statusCode, text(row, substatusCodeCol) || text(row, substatusCol)),
      orderedAt: num(row, c('ordered_at')),
      shipBy: num(row, c('ship_by')),
      warehouse: text(row, c('warehouse')),
      delivery: text(row, c('delivery_method')),
      region: text(row, c('region')),
      buyerId: text(row, c('buyer_id')),
      currency: text(row, c('currency')),
      total: kopecks(row, c('total')) ?? 0,
    });
  }
  return postings;
}

export function readSales(orders: SourceTable | null, lines: SourceTable | null): SalesData {
  const postings = readPostings(orders);
  const data: SalesData = { postings, lines: [], orphanLines: 0, splitLines: 0 };
  if (!lines) return data;
  const c = (key: string) => lines.col.get(key);
  const postingCol = c('posting_number');
  for (const row of lines.rows) {
    const number = text(row, postingCol);
    if (!number) continue;
    const info = postings.get(number);
    if (!info) {
      data.orphanLines++;
      continue;
    }
    if (info.group === 'split') {
      data.splitLines++;
      continue;
    }
    const quantity = num(row, c('quantity')) ?? 0;
    const unitPrice = kopecks(row, c('unit_price'));
    const ordered = kopecks(row, c('line_total')) ?? (unitPrice ?? 0) * quantity;
    const counts = earns(info.group);
    const accruedPayout = kopecks(row, c('ozon_payout'));
    let accrued: GroupTotals | null = null;
    if (accruedPayout !== null) {
      accrued = {};
      for (const g of FEE_GROUPS) {
        const v = kopecks(row, c(feeColumn(g)));
        if (v) accrued[g] = v;
      }
    }
    data.lines.push({
      info,
      offerId: text(row, c('offer_id')),
      sku: text(row, c('sku')),
      product: text(row, c('name')),
      quantity,
      currency: text(row, c('currency')) || info.currency,
      unitPrice,
      ordered,
      revenue: counts ? ordered : 0,
      discount: kopecks(row, c('discount')),
      commission: counts ? (kopecks(row, c('commission')) ?? null) : 0,
      payout: counts ? (kopecks(row, c('payout')) ?? null) : 0,
      accruedPayout,
      accruedRevenue: kopecks(row, c('fee_sale')),
      accrued,
      cost: kopecks(row, c('cost')),
      profit: kopecks(row, c('profit')),
      profitNote: text(row, c('profit_note')),
    });
  }
  data.lines.sort(
    (a, b) =>
      (a.info.orderedAt ?? Infinity) - (b.info.orderedAt ?? Infinity) ||
      (a.info.posting < b.info.posting ? -1 : a.info.posting > b.info.posting ? 1 : 0),
  );
  return data;
}

export const money = (k: number | null): number | null => (k === null ? null : k / 100);

export function salesRow(line: SaleLine): Record<string, string | number | null> {
  const { info } = line;
  const at = info.orderedAt;
  return {
    date: at === null ? null : serialDay(at),
    month: at === null ? null : monthStart(at),
    posting_number: info.posting,
    order_number: info.order,
    schema: info.schema,
    status_group: info.group,
    status_code: info.statusCode,
    offer_id: line.offerId,
    sku: line.sku,
    product: line.product,
    quantity: line.quantity,
    unit_price: money(line.unitPrice),
    ordered_value: money(line.ordered),
    revenue: money(line.revenue),
    discount: money(line.discount),
    commission: money(line.commission),
    payout: money(line.payout),
    currency: line.currency,
    warehouse: info.warehouse,
    delivery_method: info.delivery,
    region: info.region,
    buyer_key: info.schema === 'rFBS' ? info.buyerId : '',
  };
}
