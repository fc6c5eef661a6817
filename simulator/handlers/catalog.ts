// Products, prices, warehouses and stocks.
import { badRequest } from '../errors';
import type { Product } from '../model';
import { promoOf } from '../promotions';
import { iso } from '../render';
import type { Shop } from '../shop';
import { checkLimit, decodeOffset, encodeOffset, type Body, type Ctx, type Handler } from './common';

export const STOCK_PAIR_INTERVAL_MS = 30_000;
export const MAX_STOCK = 1_000_000;

function productFilter(shop: Shop, f: Body): Product[] {
  const offers = Array.isArray(f?.offer_id) ? new Set<string>(f.offer_id.map(String)) : null;
  const ids = Array.isArray(f?.product_id) ? new Set<number>(f.product_id.map(Number)) : null;
  const visibility: string = f?.visibility ?? 'ALL';
  return shop.state.products.filter((p) => {
    if (offers && !offers.has(p.offerId)) return false;
    if (ids && !ids.has(p.productId)) return false;
    switch (visibility) {
      case 'VISIBLE':
      case 'IN_SALE':
        return !p.archived;
      case 'ARCHIVED':
        return p.archived;
      case 'INVISIBLE':
        return p.archived;
      case 'EMPTY_STOCK':
        return !hasStock(shop, p);
      default:
        return true;
    }
  });
}

function hasStock(shop: Shop, p: Product): boolean {
  if (p.fboStock > 0) return true;
  return shop.state.warehouses.some(
    (w) => (shop.state.stocks.get(shop.stockKey(p.productId, w.id))?.present ?? 0) > 0,
  );
}

function fbsStocks(shop: Shop, p: Product, rfbs: boolean) {
  let present = 0;
  let reserved = 0;
  let any = false;
  const ids: number[] = [];
  for (const w of shop.state.warehouses) {
    if (w.isRfbs !== rfbs) continue;
    const c = shop.state.stocks.get(shop.stockKey(p.productId, w.id));
    // Deprecated since 2025-12-18: the simulator can stop filling it, as Ozon will.
    if (c && shop.fillWarehouseIds) ids.push(w.id);
    if (c) any = true;
    present += c?.present ?? 0;
    reserved += c?.reserved ?? 0;
  }
  return { present, reserved, ids, any };
}

const setStocks: Handler = ({ shop, body, now }: Ctx) => {
  const items = body.stocks as {
    offer_id?: string;
    product_id?: number;
    stock: number;
    warehouse_id: number;
  }[];
  if (!items.length) throw badRequest('stocks: value must contain at least 1 item(s)');
  if (items.length > 100) throw badRequest('stocks: value must contain at most 100 item(s)');
  const seen = new Set<string>();
  return {
    result: items.map((it) => {
      const byId = it.product_id ? shop.state.productsById.get(Number(it.product_id)) : undefined;
      const byOffer =
        it.offer_id !== undefined && it.offer_id !== ''
          ? shop.state.productsByOffer.get(it.offer_id)
          : undefined;
      const product = it.product_id ? byId : byOffer;
      const errors: { code: string; message: string }[] = [];
      const wh = shop.state.warehouses.find((w) => w.id === Number(it.warehouse_id));
      if (
        !product ||
        (byId && byOffer && byId !== byOffer) ||
        (it.product_id && it.offer_id && byOffer === undefined)
      ) {
        errors.push({ code: 'PRODUCT_NOT_FOUND', message: 'Product not found' });
      } else if (product.archived) {
        errors.push({ code: 'PRODUCT_IS_ARCHIVED', message: 'Product is archived' });
      }
      if (!wh)
        errors.push({ code: 'WAREHOUSE_NOT_FOUND', message: `Warehouse ${it.warehouse_id} not found` });
      if (!Number.isInteger(it.stock) || it.stock < 0) {
        errors.push({ code: 'INVALID_STOCK', message: 'stock must be a non-negative integer' });
      } else if (it.stock >= MAX_STOCK) {
        errors.push({ code: 'STOCK_TOO_BIG', message: `stock must be less than ${MAX_STOCK}` });
      }
      if (!errors.length && product && wh) {
        const key = shop.stockKey(product.productId, wh.id);
        const cell = shop.stockCell(product.productId, wh.id);
        if (seen.has(key) || (cell.updatedAt && now - cell.updatedAt < STOCK_PAIR_INTERVAL_MS)) {
          errors.push({
            code: 'TOO_MANY_REQUESTS',
            message: 'The stock of one product at one warehouse can be updated once in 30 seconds',
          });
        } else {
          cell.present = it.stock + cell.reserved;
          cell.updatedAt = now;
        }
        seen.add(key);
      }
      return {
        errors,
        offer_id: product?.offerId ?? it.offer_id ?? '',
        product_id: product?.productId ?? Number(it.product_id ?? 0),
        updated: errors.length === 0,
        warehouse_id: Number(it.warehouse_id),
      };
    }),
  };
};

const readStocks: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 1000);
  const all = productFilter(shop, body.filter);
  const start = decodeOffset(body.cursor);
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    cursor: next < all.length ? encodeOffset(next) : '',
    items: slice.map((p) => {
      const stocks = [];
      for (const rfbs of [false, true]) {
        const s = fbsStocks(shop, p, rfbs);
        if (!s.any) continue;
        stocks.push({
          present: s.present,
          reserved: s.reserved,
          shipment_type: 'SHIPMENT_TYPE_GENERAL',
          sku: p.sku,
          type: rfbs ? 'rfbs' : 'fbs',
          warehouse_ids: s.ids,
        });
      }
      stocks.push({
        present: p.fboStock,
        reserved: p.fboReserved,
        shipment_type: 'SHIPMENT_TYPE_GENERAL',
        sku: p.sku,
        type: 'fbo',
        warehouse_ids: [],
      });
      return { offer_id: p.offerId, product_id: p.productId, stocks };
    }),
    total: all.length,
  };
};

const warehouseList: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 200);
  const ids = Array.isArray(body.warehouse_ids) ? new Set<number>(body.warehouse_ids.map(Number)) : null;
  const all = shop.state.warehouses.filter((w) => !ids || ids.has(w.id));
  const start = decodeOffset(body.cursor);
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    cursor: next < all.length ? encodeOffset(next) : '',
    has_next: next < all.length,
    warehouses: slice.map((w) => ({
      address_info: { address: w.address, latitude: 55.75, longitude: 37.61, utc: 'UTC+03:00' },
      carriage_label_type: 'BIG',
      courier_comment: '',
      courier_phones: [],
      created_at: iso(w.createdAt),
      cut_in_time: 0,
      first_mile: {
        dropoff_point_id: '',
        first_mile_is_changing: false,
        timeslot_from: '10:00',
        timeslot_id: 0,
        timeslot_to: '14:00',
        type: w.isRfbs ? 'UNSPECIFIED' : 'PICK_UP',
      },
      has_entrusted_acceptance: false,
      has_postings_limit: false,
      is_auto_assembly: false,
      is_comfort: false,
      is_express: false,
      is_kgt: false,
      is_rfbs: w.isRfbs,
      is_waybill_enabled: false,
      min_postings_limit: 0,
      name: w.name,
      phone: '+7(495)000-00-00',
      postings_limit: -1,
      sla_cut_in: 1440,
      status: 'created',
      timetable: null,
      updated_at: iso(w.createdAt),
      warehouse_id: w.id,
      warehouse_type: w.isRfbs ? 'rfbs' : 'fbs',
      with_item_list: false,
      working_days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    })),
  };
};

const productList: Handler = ({ shop, body }: Ctx) => {
  const limit = body.limit === undefined ? 100 : checkLimit(body.limit, 1, 1000);
  const all = productFilter(shop, body.filter);
  const start = decodeOffset(body.last_id);
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    result: {
      items: slice.map((p) => ({
        archived: p.archived,
        has_fbo_stocks: p.fboStock > 0,
        has_fbs_stocks: fbsStocks(shop, p, false).present + fbsStocks(shop, p, true).present > 0,
        is_discounted: false,
        offer_id: p.offerId,
        product_id: p.productId,
        quants: [],
      })),
      last_id: next < all.length ? encodeOffset(next) : '',
      total: all.length,
    },
  };
};

const productInfoList: Handler = ({ shop, body }: Ctx) => {
  const offers: string[] = body.offer_id ?? [];
  const ids: string[] = body.product_id ?? [];
  const skus: string[] = body.sku ?? [];
  const n = offers.length + ids.length + skus.length;
  if (n === 0) throw badRequest('one of offer_id, product_id or sku is required');
  if (n > 1000) throw badRequest('offer_id, product_id and sku: at most 1000 values in total');
  const found = new Set<Product>();
  for (const o of offers) {
    const p = shop.state.productsByOffer.get(String(o));
    if (p) found.add(p);
  }
  for (const i of ids) {
    const p = shop.state.productsById.get(Number(i));
    if (p) found.add(p);
  }
  for (const s of skus) {
    const p = shop.state.productsBySku.get(Number(s));
    if (p) found.add(p);
  }
  return {
    items: [...found].map((p) => {
      const fbs = fbsStocks(shop, p, false);
      const rfbs = fbsStocks(shop, p, true);
      return {
        availabilities: [],
        barcodes: [p.barcode],
        color_image: [],
        commissions: [
          {
            delivery_amount: 0,
            percent: p.commissionPercent,
            return_amount: 0,
            sale_schema: 'FBS',
            value: round2((p.price * p.commissionPercent) / 100),
          },
          {
            delivery_amount: 0,
            percent: p.commissionPercent + 2,
            return_amount: 0,
            sale_schema: 'FBO',
            value: round2((p.price * (p.commissionPercent + 2)) / 100),
          },
        ],
        created_at: iso(p.createdAt),
        currency_code: p.currency,
        description_category_id: 17028922,
        discounted_fbo_stocks: 0,
        errors: [],
        has_discounted_fbo_item: false,
        id: p.productId,
        images: [`https://cdn1.ozone.ru/s3/multimedia-1/${p.productId}.jpg`],
        images360: [],
        is_archived: p.archived,
        is_autoarchived: false,
        is_discounted: false,
        is_kgt: false,
        is_prepayment_allowed: true,
        is_super: false,
        min_price: p.price.toFixed(2),
        model_info: { count: 1, model_id: p.productId + 7 },
        name: p.name,
        offer_id: p.offerId,
        old_price: p.oldPrice.toFixed(2),
        price: p.price.toFixed(2),
        primary_image: [`https://cdn1.ozone.ru/s3/multimedia-1/${p.productId}.jpg`],
        promotions: [],
        sku: p.sku,
        sources: [
          {
            created_at: iso(p.createdAt),
            quant_code: '',
            shipment_type: 'SHIPMENT_TYPE_GENERAL',
            sku: p.sku,
            source: 'SDS',
          },
        ],
        statuses: {
          is_created: true,
          moderate_status: 'approved',
          status: p.archived ? 'archived' : 'price_sent',
          status_description: '',
          status_failed: '',
          status_name: p.archived ? 'В архиве' : 'Продается',
          status_tooltip: '',
          status_updated_at: iso(p.createdAt),
          validation_status: 'success',
        },
        stocks: {
          has_stock: fbs.present + rfbs.present + p.fboStock > 0,
          stocks: [
            { present: fbs.present, reserved: fbs.reserved, sku: p.sku, source: 'fbs' },
            { present: rfbs.present, reserved: rfbs.reserved, sku: p.sku, source: 'rfbs' },
            { present: p.fboStock, reserved: p.fboReserved, sku: p.sku, source: 'fbo' },
          ],
        },
        type_id: 92851,
        updated_at: iso(p.createdAt),
        vat: p.vat,
        visibility_details: { has_price: true, has_stock: fbs.present + rfbs.present + p.fboStock > 0 },
        volume_weight: round2(p.weightKg * 1.2),
      };
    }),
  };
};

const round2 = (n: number) => Math.round(n * 100) / 100;

const prices: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 1000);
  const all = productFilter(shop, body.filter);
  const start = decodeOffset(body.cursor);
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    cursor: next < all.length ? encodeOffset(next) : '',
    items: slice.map((p) => ({
      acquiring: round2(p.price * 0.015),
      commissions: {
        fbo_deliv_to_customer_amount: 25,
        fbo_direct_flow_trans_max_amount: 40,
        fbo_direct_flow_trans_min_amount: 20,
        fbo_return_flow_amount: 50,
        fbs_deliv_to_customer_amount: 25,
        fbs_direct_flow_trans_max_amount: 60,
        fbs_direct_flow_trans_min_amount: 30,
        fbs_first_mile_max_amount: 25,
        fbs_first_mile_min_amount: 0,
        fbs_return_flow_amount: 50,
        sales_percent_fbo: p.commissionPercent + 2,
        sales_percent_fbp: p.commissionPercent + 1,
        sales_percent_fbs: p.commissionPercent,
        sales_percent_rfbs: p.commissionPercent,
      },
      marketing_actions: null,
      offer_id: p.offerId,
      price: {
        auto_action_enabled: false,
        currency_code: p.currency,
        marketing_seller_price: p.price,
        min_price: promoOf(shop).minPrice(p),
        net_price: round2(p.price * 0.5),
        old_price: p.oldPrice,
        price: p.price,
        retail_price: 0,
        vat: Number(p.vat),
      },
      price_indexes: {
        color_index: 'WITHOUT_INDEX',
        external_index_data: { min_price: 0, min_price_currency: p.currency, price_index_value: 0 },
        ozon_index_data: { min_price: 0, min_price_currency: p.currency, price_index_value: 0 },
        self_marketplaces_index_data: { min_price: 0, min_price_currency: p.currency, price_index_value: 0 },
      },
      product_id: p.productId,
      volume_weight: round2(p.weightKg * 1.2),
    })),
    total: all.length,
  };
};

const stocksByWarehouse: Handler = ({ shop, body }: Ctx) => {
  const skus: string[] = body.sku ?? [];
  const offers: string[] = body.offer_id ?? [];
  if (!skus.length && !offers.length) throw badRequest('sku or offer_id is required');
  if (skus.length + offers.length > 500) throw badRequest('sku, offer_id: at most 500 values');
  const products = new Set<Product>();
  for (const s of skus) {
    const p = shop.state.productsBySku.get(Number(s));
    if (p) products.add(p);
  }
  for (const o of offers) {
    const p = shop.state.productsByOffer.get(String(o));
    if (p) products.add(p);
  }
  const result = [];
  for (const p of products) {
    for (const w of shop.state.warehouses) {
      const c = shop.state.stocks.get(shop.stockKey(p.productId, w.id));
      if (!c) continue; // the product is not at this warehouse
      result.push({
        sku: p.sku,
        offer_id: p.offerId,
        present: c?.present ?? 0,
        product_id: p.productId,
        reserved: c?.reserved ?? 0,
        warehouse_id: w.id,
        warehouse_name: w.name,
      });
    }
  }
  return { result };
};

const warehouseStocks: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 1000);
  const wh = shop.state.warehouses.find((w) => w.id === Number(body.warehouse_id));
  if (!wh) throw badRequest(`warehouse_id: warehouse ${body.warehouse_id} not found`);
  const start = decodeOffset(body.cursor);
  const all = shop.state.products;
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    cursor: next < all.length ? encodeOffset(next) : '',
    has_next: next < all.length,
    stocks: slice.map((p) => {
      const c = shop.stockCell(p.productId, wh.id);
      return {
        free_stock: Math.max(0, c.present - c.reserved),
        offer_id: p.offerId,
        present: c.present,
        product_id: p.productId,
        reserved: c.reserved,
        sku: p.sku,
        updated_at: iso(c.updatedAt || p.createdAt),
        warehouse_id: wh.id,
      };
    }),
  };
};

export const catalogHandlers: Record<string, Handler> = {
  '/v1/product/info/stocks-by-warehouse/fbs': stocksByWarehouse,
  '/v1/product/info/warehouse/stocks': warehouseStocks,
  '/v2/products/stocks': setStocks,
  '/v4/product/info/stocks': readStocks,
  '/v2/warehouse/list': warehouseList,
  '/v3/product/list': productList,
  '/v3/product/info/list': productInfoList,
  '/v5/product/info/prices': prices,
};
