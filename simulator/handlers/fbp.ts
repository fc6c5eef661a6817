// FBP postings (Ozon's partner warehouses): /v1/posting/fbp/list (beta). The list pages by cursor alone
// (no has_next): the last page answers an empty cursor. since/to filter the processing start.
// /v1/posting/fbp/get is announced in the news of 2026-07-01 but is not in the vendored spec, so it is not
// served: one posting is read with filter.posting_numbers.
import { FBP_WAREHOUSES } from '../data';
import { badRequest } from '../errors';
import type { Posting } from '../model';
import { iso } from '../render';
import {
  checkLimit,
  checkPeriod,
  decodeCursor,
  encodeCursor,
  optionalTime,
  POSTING_STATUSES,
  rejectEmptyArrays,
  type Ctx,
  type Handler,
} from './common';
import { page } from './postings';

const money2 = (n: number) => n.toFixed(2);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** An item of `/v1/posting/fbp/list`. */
export function fbpListItem(p: Posting) {
  return {
    financial_data: {
      cluster_from: p.clusterFrom,
      cluster_to: p.clusterTo,
      delivery_amount: 0,
      products: p.lines.map((l) => {
        const discount = round2(Math.max(0, l.oldPrice - l.price));
        return {
          actions: [],
          commissions_currency_code: p.currency,
          old_price: l.oldPrice,
          price: l.price,
          product_id: l.sku,
          quantity: l.quantity,
          total_discount_percent: l.oldPrice > 0 ? round2((discount / l.oldPrice) * 100) : 0,
          total_discount_value: discount,
        };
      }),
    },
    in_process_at: iso(p.inProcessAt),
    order_date: iso(p.inProcessAt),
    order_id: p.orderId,
    order_number: p.orderNumber,
    posting_number: p.postingNumber,
    products: p.lines.map((l) => ({
      customer_price: { amount: money2(l.price), currency: p.currency },
      name: l.name,
      offer_id: l.offerId,
      price: { amount: money2(l.price), currency: p.currency },
      quantity: l.quantity,
      seller_price: { amount: money2(l.price), currency: p.currency },
      sku: l.sku,
    })),
    provider_id: FBP_WAREHOUSES.find((w) => w.id === p.warehouseId)?.provider ?? 0,
    status: p.status,
  };
}

const fbpList: Handler = ({ shop, body }: Ctx) => {
  const f = body.filter ?? {};
  rejectEmptyArrays(f, 'filter');
  const since = optionalTime(f.since, 'filter.since') ?? -Infinity;
  const to = optionalTime(f.to, 'filter.to') ?? Infinity;
  if (Number.isFinite(since) && Number.isFinite(to)) checkPeriod(since, to, 'filter');
  const limit = body.limit === undefined ? 100 : checkLimit(body.limit, 1, 100);
  const dir = body.sort_dir === 'DESC' ? 'DESC' : 'ASC';
  if (
    body.sort_by !== undefined &&
    body.sort_by !== 'in_process_at' &&
    body.sort_by !== 'last_change_status_date'
  )
    throw badRequest(`sort_by: unknown value "${body.sort_by}"`);
  const statuses = Array.isArray(f.statuses) ? new Set<string>(f.statuses) : null;
  for (const s of statuses ?? [])
    if (!POSTING_STATUSES.has(s)) throw badRequest(`filter.statuses: unknown status "${s}"`);
  const numbers = Array.isArray(f.posting_numbers) ? new Set<string>(f.posting_numbers.map(String)) : null;
  const offer = typeof f.offer_id === 'string' && f.offer_id ? f.offer_id : null;
  const name = typeof f.name === 'string' && f.name ? f.name.toLowerCase() : null;
  const match = (p: Posting) =>
    (!statuses || statuses.has(p.status)) &&
    (!numbers || numbers.has(p.postingNumber)) &&
    (!offer || p.lines.some((l) => l.offerId === offer)) &&
    (!name || p.lines.some((l) => l.name.toLowerCase().includes(name)));
  const cursor = decodeCursor(body.cursor);
  let items: Posting[];
  let hasNext: boolean;
  let keyOf: (p: Posting) => number;
  if (body.sort_by === 'last_change_status_date') {
    // A full scan sorted by (last change, seq): the simulator's shops are small enough.
    keyOf = (p) => p.lastChangedStatusDate;
    const sign = dir === 'ASC' ? 1 : -1;
    const after = (p: Posting) =>
      !cursor ||
      sign * (keyOf(p) - cursor.t) > 0 ||
      (keyOf(p) === cursor.t && sign * (p.seq - cursor.seq) > 0);
    const all = shop.fbpIndex.items
      .filter((p) => p.inProcessAt >= since && p.inProcessAt <= to && match(p) && after(p))
      .sort((a, b) => sign * (keyOf(a) - keyOf(b) || a.seq - b.seq));
    items = all.slice(0, limit);
    hasNext = all.length > limit;
  } else {
    keyOf = (p) => p.inProcessAt;
    ({ items, hasNext } = page(shop.fbpIndex, since, to, cursor, dir, limit, match));
  }
  const last = items[items.length - 1];
  return {
    cursor: hasNext && last ? encodeCursor('p.in_process_at', keyOf(last), last.seq, dir) : '',
    postings: items.map(fbpListItem),
  };
};

export const fbpHandlers: Record<string, Handler> = {
  '/v1/posting/fbp/list': fbpList,
};
