// The seller's supply requests to Ozon's warehouses: /v3/supply-order/list (ids, by last_id),
// /v3/supply-order/get (≤50 ids) and /v1/supply-order/bundle (a supply's contents, by last_id).
import { badRequest } from '../errors';
import type { SupplyOrder } from '../fbo-stock';
import { iso } from '../render';
import { checkLimit, decodeOffset, encodeOffset, type Ctx, type Handler } from './common';

const STATES = new Set([
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
]);

const orderList: Handler = ({ shop, body }: Ctx) => {
  const states: string[] = body.filter?.states ?? [];
  if (!Array.isArray(states) || !states.length) throw badRequest('filter.states: value is required');
  for (const s of states) if (!STATES.has(s)) throw badRequest(`filter.states: unknown state "${s}"`);
  const limit = checkLimit(body.limit, 1, 100);
  const key = (o: SupplyOrder) =>
    body.sort_by === 'ORDER_STATE_UPDATED_AT' ? o.stateUpdatedAt : o.createdAt;
  const sign = body.sort_dir === 'DESC' ? -1 : 1;
  const all = shop.fboStock.orders
    .filter((o) => states.includes(o.state))
    .sort((a, b) => sign * (key(a) - key(b) || a.orderId - b.orderId));
  const start = decodeOffset(body.last_id);
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    last_id: next < all.length ? encodeOffset(next) : '',
    order_ids: slice.map((o) => String(o.orderId)),
  };
};

const orderGet: Handler = ({ shop, body }: Ctx) => {
  const ids: string[] = body.order_ids ?? [];
  if (!ids.length) throw badRequest('order_ids: value must contain at least 1 item(s)');
  if (ids.length > 50) throw badRequest('order_ids: value must contain at most 50 item(s)');
  const wanted = new Set(ids.map(Number));
  return {
    orders: shop.fboStock.orders
      .filter((o) => wanted.has(o.orderId))
      .map((o) => ({
        created_date: iso(o.createdAt),
        data_filling_deadline_utc: iso(o.createdAt + 86_400_000),
        dropoff_warehouse: {
          address: 'Москва, Хорошёвское ш., 38',
          name: o.dropoff.name,
          warehouse_id: o.dropoff.id,
        },
        order_id: o.orderId,
        order_number: o.orderNumber,
        order_tags: {
          is_econom: false,
          is_quant: false,
          is_super_fbo: false,
          is_virtual: false,
          original_supply_id: 0,
          product_super_fbo: false,
        },
        state: o.state,
        state_updated_date: iso(o.stateUpdatedAt),
        supplies: o.supplies.map((s) => ({
          bundle_id: s.bundleId,
          is_crossdock: false,
          macrolocal_cluster_id: s.clusterId,
          state: o.state,
          storage_warehouse: {
            address: '',
            arrival_date: iso(s.arrivalAt),
            name: s.warehouse.name,
            warehouse_id: s.warehouse.id,
          },
          supply_id: s.supplyId,
          supply_tags: {
            freeze_stock_for_marking: false,
            is_ettn_required: false,
            is_evsd_required: false,
            is_jewelry: false,
            is_marking_possible: false,
            is_marking_required: false,
            is_utd: false,
          },
        })),
        timeslot: {
          timeslot: { from: iso(o.timeslot.from), to: iso(o.timeslot.to) },
          timezone_info: { iana_name: 'Europe/Moscow', offset: '10800' },
        },
      })),
  };
};

const bundle: Handler = ({ shop, body }: Ctx) => {
  const ids: string[] = body.bundle_ids ?? [];
  if (ids.length !== 1) throw badRequest('bundle_ids: one supply a call');
  const limit = checkLimit(body.limit, 1, 100);
  const items = shop.fboStock.bundles.get(String(ids[0])) ?? [];
  const start = decodeOffset(body.last_id);
  const slice = items.slice(start, start + limit);
  const next = start + slice.length;
  return {
    has_next: next < items.length,
    last_id: next < items.length ? encodeOffset(next) : '',
    total_count: items.length,
    items: slice.map((i) => {
      const p = shop.state.productsBySku.get(i.sku);
      return {
        barcode: p?.barcode ?? '',
        contractor_item_code: p?.offerId ?? '',
        icon_path: '',
        is_quant_editable: false,
        name: p?.name ?? '',
        offer_id: p?.offerId ?? '',
        product_id: p?.productId ?? 0,
        quant: 1,
        quantity: i.quantity,
        sfbo_attribute: 'ITEM_SFBO_ATTRIBUTE_NONE',
        shipment_type: 'BUNDLE_ITEM_SHIPMENT_TYPE_GENERAL',
        sku: i.sku,
        tags: [],
        total_volume_in_litres: i.quantity * 0.5,
        volume_in_litres: 0.5,
      };
    }),
  };
};

export const supplyHandlers: Record<string, Handler> = {
  '/v3/supply-order/list': orderList,
  '/v3/supply-order/get': orderGet,
  '/v1/supply-order/bundle': bundle,
};
