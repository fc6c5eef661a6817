// The seller's supply requests to Ozon's warehouses: ids by state (/v3/supply-order/list, last_id),
// details (/v3/supply-order/get, ≤50 a call) and each supply's contents (/v1/supply-order/bundle).
import type { OzonClient } from './client';
import { EP } from './endpoints';
import { collect, nextLastId, type PagingBounds } from './paging';
import { parseAnswer } from './schemas/common';
import {
  supplyBundleAnswer,
  supplyGetAnswer,
  supplyListAnswer,
  type SupplyOrder,
} from './schemas/analytics-stock';

const GET_PER_REQUEST = 50;
const LIST_LIMIT = 100;

export const SUPPLY_STATES = [
  'DATA_FILLING',
  'READY_TO_SUPPLY',
  'ACCEPTED_AT_SUPPLY_WAREHOUSE',
  'IN_TRANSIT',
  'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
  'REPORTS_CONFIRMATION_AWAITING',
  'REPORT_REJECTED',
  'COMPLETED',
  'REJECTED_AT_SUPPLY_WAREHOUSE',
  'CANCELLED',
  'OVERDUE',
] as const;

/** Supply request ids in these states, newest first (every page, within the bounds). */
export function supplyOrderIds(
  client: OzonClient,
  states: readonly string[],
  bounds: PagingBounds,
): string[] {
  const page = (lastId: string) => {
    const body = {
      filter: { states },
      limit: LIST_LIMIT,
      sort_by: 'ORDER_CREATION',
      sort_dir: 'DESC',
      ...(lastId ? { last_id: lastId } : {}),
    };
    const a = parseAnswer(
      EP.supplyList,
      supplyListAnswer,
      client.transport.one({ path: EP.supplyList, body }).json,
    );
    return { items: a.order_ids, next: nextLastId(a.last_id ?? '', a.order_ids.length, LIST_LIMIT) };
  };
  return collect('', page, bounds).items;
}

/** Details of supply requests (≤50 a request, side by side). */
export function supplyOrders(client: OzonClient, ids: readonly string[]): SupplyOrder[] {
  const bodies: unknown[] = [];
  for (let k = 0; k < ids.length; k += GET_PER_REQUEST)
    bodies.push({ order_ids: ids.slice(k, k + GET_PER_REQUEST) });
  if (!bodies.length) return [];
  return client.transport
    .many(bodies.map((body) => ({ path: EP.supplyGet, body })))
    .flatMap((a) => parseAnswer(EP.supplyGet, supplyGetAnswer, a.json).orders);
}

/** The contents of supplies by bundle id: first pages side by side, further pages one by one. */
export function supplyContents(
  client: OzonClient,
  bundleIds: readonly string[],
): Map<string, { sku: string; quantity: number }[]> {
  const out = new Map<string, { sku: string; quantity: number }[]>();
  const body = (id: string, lastId = '') => ({
    bundle_ids: [id],
    limit: 100,
    ...(lastId ? { last_id: lastId } : {}),
  });
  const ids = [...new Set(bundleIds.filter(Boolean))];
  const answers = client.transport
    .many(ids.map((id) => ({ path: EP.supplyBundle, body: body(id) })))
    .map((a) => parseAnswer(EP.supplyBundle, supplyBundleAnswer, a.json));
  ids.forEach((id, k) => {
    let answer = answers[k];
    const items = answer.items.map((i) => ({ sku: String(i.sku), quantity: i.quantity }));
    for (let guard = 0; answer.has_next && answer.last_id && guard < 50; guard++) {
      answer = parseAnswer(
        EP.supplyBundle,
        supplyBundleAnswer,
        client.transport.one({ path: EP.supplyBundle, body: body(id, answer.last_id) }).json,
      );
      items.push(...answer.items.map((i) => ({ sku: String(i.sku), quantity: i.quantity })));
    }
    out.set(id, items);
  });
  return out;
}
