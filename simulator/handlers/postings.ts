// Reading postings: v4 FBS lists, v3 FBS get, v3 FBO list, v2 FBO get.
import { badRequest, notFound } from '../errors';
import { shippedByOzon, type Posting } from '../model';
import { fboGetResult, fboListItem, fbsGetResult, fbsListItem, type With } from '../render';

import type { Shop } from '../shop';
import type { SortedIndex } from '../sorted-index';
import {
  checkLimit,
  checkPeriod,
  decodeCursor,
  encodeCursor,
  optionalTime,
  parseTime,
  POSTING_STATUSES,
  rejectEmptyArrays,
  type Body,
  type Ctx,
  type Handler,
} from './common';

/** A posting as the test garbled it (Shop.garbled), else as rendered. */
function garble<T extends object>(shop: Shop, p: Posting, item: T): T {
  const change = shop.garbled.get(p.postingNumber);
  if (!change) return item;
  const copy = structuredClone(item) as Record<string, unknown>;
  change(copy);
  return copy as T;
}

function withOf(body: Body): With {
  if (Array.isArray(body?.with)) throw badRequest('with: invalid value, expected an object');
  return (body && typeof body.with === 'object' && body.with) || {};
}

function statusesOf(list: unknown, field: string): Set<string> | null {
  if (list === undefined || list === null) return null;
  const arr = list as string[];
  for (const s of arr) if (!POSTING_STATUSES.has(s)) throw badRequest(`${field}: unknown status "${s}"`);
  return new Set(arr);
}

function numberSet(list: unknown): Set<number> | null {
  if (!Array.isArray(list)) return null;
  return new Set(list.map((v) => Number(v)));
}

/** Reads one page from a sorted index: keyset on (time, seq), stable while the shop changes. */
export function page(
  index: SortedIndex,
  from: number,
  to: number,
  cursor: { t: number; seq: number } | null,
  dir: 'ASC' | 'DESC',
  limit: number,
  match: (p: Posting) => boolean,
): { items: Posting[]; hasNext: boolean } {
  const items: Posting[] = [];
  const arr = index.items;
  if (dir === 'ASC') {
    let i = cursor ? index.lowerBound(cursor.t, cursor.seq, false) : index.lowerBound(from, -Infinity);
    for (; i < arr.length && arr[i].inProcessAt <= to; i++) {
      if (arr[i].inProcessAt < from || !match(arr[i])) continue;
      if (items.length === limit) return { items, hasNext: true };
      items.push(arr[i]);
    }
  } else {
    let i = (cursor ? index.lowerBound(cursor.t, cursor.seq, true) : index.lowerBound(to, Infinity)) - 1;
    for (; i >= 0 && arr[i].inProcessAt >= from; i--) {
      if (arr[i].inProcessAt > to || !match(arr[i])) continue;
      if (items.length === limit) return { items, hasNext: true };
      items.push(arr[i]);
    }
  }
  return { items, hasNext: false };
}

function weightOf(shop: Shop) {
  return (sku: number) => shop.state.productsBySku.get(sku)?.weightKg ?? 0;
}

function warehouseOf(shop: Shop, id: number) {
  return shop.state.warehouses.find((w) => w.id === id);
}

const fbsList: Handler = ({ shop, body }: Ctx) => {
  const w = withOf(body);
  const f = body.filter;
  rejectEmptyArrays(f, 'filter');
  const since = parseTime(f.since, 'filter.since');
  const to = parseTime(f.to, 'filter.to');
  checkPeriod(since, to, 'filter');
  const limit = checkLimit(body.limit, 1, 100);
  const dir = body.sort_dir === 'DESC' ? 'DESC' : 'ASC';
  const statuses = statusesOf(f.statuses, 'filter.statuses');
  const lc = f.last_changed_status_date;
  const lcFrom = optionalTime(lc?.from, 'filter.last_changed_status_date.from');
  const lcTo = optionalTime(lc?.to, 'filter.last_changed_status_date.to');
  const warehouses = numberSet(f.warehouse_ids);
  const methods = numberSet(f.delivery_method_ids);
  const providers = numberSet(f.provider_ids);
  const orderNumbers = f.order_numbers ? new Set<string>(f.order_numbers) : null;
  const orderId = f.order_id ? Number(f.order_id) : null;
  const whById = new Map(shop.state.warehouses.map((w) => [w.id, w]));
  const match = (p: Posting) =>
    (!statuses || statuses.has(p.status)) &&
    (lcFrom === undefined || p.lastChangedStatusDate >= lcFrom) &&
    (lcTo === undefined || p.lastChangedStatusDate <= lcTo) &&
    (!warehouses || warehouses.has(p.warehouseId)) &&
    (!methods || methods.has(whById.get(p.warehouseId)?.deliveryMethodId ?? -1)) &&
    (!providers || providers.has(whById.get(p.warehouseId)?.tplProviderId ?? -1)) &&
    (!orderNumbers || orderNumbers.has(p.orderNumber)) &&
    (orderId === null || p.orderId === orderId);
  const { items, hasNext } = page(shop.fbsIndex, since, to, decodeCursor(body.cursor), dir, limit, match);
  const last = items[items.length - 1];
  return {
    cursor: hasNext && last ? encodeCursor('osp.in_process_at', last.inProcessAt, last.seq, dir) : '',
    has_next: hasNext,
    postings: items.map((p) => garble(shop, p, fbsListItem(p, w, whById.get(p.warehouseId), weightOf(shop)))),
  };
};

const fbsUnfulfilled: Handler = ({ shop, body }: Ctx) => {
  const f = body.filter ?? {};
  rejectEmptyArrays(f, 'filter');
  const cutoffFrom = optionalTime(f.cutoff_from, 'filter.cutoff_from');
  const cutoffTo = optionalTime(f.cutoff_to, 'filter.cutoff_to');
  const delFrom = optionalTime(f.delivering_date_from, 'filter.delivering_date_from');
  const delTo = optionalTime(f.delivering_date_to, 'filter.delivering_date_to');
  const byCutoff = cutoffFrom !== undefined || cutoffTo !== undefined;
  const byDelivering = delFrom !== undefined || delTo !== undefined;
  if (byCutoff && byDelivering) {
    throw badRequest(
      'filter: use either cutoff_from/cutoff_to or delivering_date_from/delivering_date_to, not both',
    );
  }
  if (!byCutoff && !byDelivering) {
    throw badRequest('filter: cutoff_from/cutoff_to or delivering_date_from/delivering_date_to is required');
  }
  if (byCutoff && (cutoffFrom === undefined || cutoffTo === undefined)) {
    throw badRequest('filter: both cutoff_from and cutoff_to are required');
  }
  if (byDelivering && (delFrom === undefined || delTo === undefined)) {
    throw badRequest('filter: both delivering_date_from and delivering_date_to are required');
  }
  const limit = checkLimit(body.limit, 1, 100);
  const dir = body.sort_dir === 'DESC' ? 'DESC' : 'ASC';
  const statuses = statusesOf(f.statuses, 'filter.statuses');
  const lc = f.last_changed_status_date;
  const lcFrom = optionalTime(lc?.from, 'filter.last_changed_status_date.from');
  const lcTo = optionalTime(lc?.to, 'filter.last_changed_status_date.to');
  const warehouses = numberSet(f.warehouse_ids);
  const methods = numberSet(f.delivery_method_ids);
  const whById = new Map(shop.state.warehouses.map((w) => [w.id, w]));
  const day = 24 * 3_600_000;
  const match = (p: Posting) =>
    (!statuses || statuses.has(p.status)) &&
    (!byCutoff || (p.shipmentDate >= cutoffFrom! && p.shipmentDate <= cutoffTo!)) &&
    (!byDelivering || (p.shipmentDate + day >= delFrom! && p.shipmentDate + day <= delTo!)) &&
    (lcFrom === undefined || p.lastChangedStatusDate >= lcFrom) &&
    (lcTo === undefined || p.lastChangedStatusDate <= lcTo) &&
    (!warehouses || warehouses.has(p.warehouseId)) &&
    (!methods || methods.has(whById.get(p.warehouseId)?.deliveryMethodId ?? -1));
  const { items, hasNext } = page(
    shop.unfulfilledIndex,
    -Infinity,
    Infinity,
    decodeCursor(body.cursor),
    dir,
    limit,
    match,
  );
  const w = withOf(body);
  const last = items[items.length - 1];
  return {
    count: items.length,
    cursor: hasNext && last ? encodeCursor('osp.in_process_at', last.inProcessAt, last.seq, dir) : '',
    has_next: hasNext,
    postings: items.map((p) => garble(shop, p, fbsListItem(p, w, whById.get(p.warehouseId), weightOf(shop)))),
  };
};

function findFbs(shop: Shop, number: unknown): Posting {
  const p = shop.state.postings.get(String(number));
  if (!p || shippedByOzon(p.scheme)) throw notFound('Posting not found');
  return p;
}

const fbsGet: Handler = ({ shop, body }: Ctx) => {
  if (!body.posting_number) throw badRequest('posting_number: value is required');
  const p = findFbs(shop, body.posting_number);
  const related = relatedOf(shop, p);
  return {
    result: garble(
      shop,
      p,
      fbsGetResult(p, withOf(body), warehouseOf(shop, p.warehouseId), related, weightOf(shop)),
    ),
  };
};

function relatedOf(shop: Shop, p: Posting): string[] {
  const out: string[] = [];
  const prefix = p.orderNumber + '-';
  for (let n = 1; n < 50; n++) {
    const q = shop.state.postings.get(prefix + n);
    if (!q) break;
    if (q !== p) out.push(q.postingNumber);
  }
  return out;
}

const fboList: Handler = ({ shop, body }: Ctx) => {
  const f = body.filter ?? {};
  rejectEmptyArrays(f, 'filter');
  const since = optionalTime(f.since, 'filter.since') ?? -Infinity;
  const to = optionalTime(f.to, 'filter.to') ?? Infinity;
  if (Number.isFinite(since) && Number.isFinite(to)) checkPeriod(since, to, 'filter');
  const limit = body.limit === undefined ? 100 : checkLimit(body.limit, 1, 100);
  const dir = body.sort_dir === 'DESC' ? 'DESC' : 'ASC';
  const statuses = statusesOf(f.statuses, 'filter.statuses');
  const postingNumbers = f.posting_numbers ? new Set<string>(f.posting_numbers) : null;
  const orderNumbers = f.order_numbers ? new Set<string>(f.order_numbers) : null;
  const match = (p: Posting) =>
    (!statuses || statuses.has(p.status)) &&
    (!postingNumbers || postingNumbers.has(p.postingNumber)) &&
    (!orderNumbers || orderNumbers.has(p.orderNumber));
  const { items, hasNext } = page(shop.fboIndex, since, to, decodeCursor(body.cursor), dir, limit, match);
  const w = withOf(body);
  const last = items[items.length - 1];
  return {
    cursor: hasNext && last ? encodeCursor('op.created_at', last.inProcessAt, last.seq, dir) : '',
    has_next: hasNext,
    postings: items.map((p) => garble(shop, p, fboListItem(p, w))),
  };
};

const fboGet: Handler = ({ shop, body }: Ctx) => {
  if (!body.posting_number) throw badRequest('posting_number: value is required');
  const p = shop.state.postings.get(String(body.posting_number));
  if (!p || p.scheme !== 'fbo') throw notFound('Posting not found');
  return { result: garble(shop, p, fboGetResult(p, withOf(body))) };
};

export const postingReadHandlers: Record<string, Handler> = {
  '/v4/posting/fbs/list': fbsList,
  '/v4/posting/fbs/unfulfilled/list': fbsUnfulfilled,
  '/v3/posting/fbs/get': fbsGet,
  '/v3/posting/fbo/list': fboList,
  '/v2/posting/fbo/get': fboGet,
};

export { findFbs };
