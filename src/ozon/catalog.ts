// Ozon area: catalog (stocks, warehouses, products, prices) and the key's access roles.
import type { OzonApi } from './api';
import { chunks, clampLimit, compact } from './body';
import { EP } from './endpoints';
import { collect, nextCursor, nextLastId } from './paging';
import {
  pricesAnswer,
  productInfoAnswer,
  productListAnswer,
  rolesAnswer,
  setStocksAnswer,
  stocksAnswer,
  warehousesAnswer,
} from './schemas/catalog';
import { PairPacer } from './stock-pacing';

export interface Role {
  name: string;
  methods: string[];
}

export interface StockUpdate {
  product_id: number;
  warehouse_id: number;
  /** Available stock, reserved excluded; 0 ≤ stock < 1,000,000. */
  stock: number;
  offer_id?: string;
}

export interface StockResult extends StockUpdate {
  updated: boolean;
  errors: { code: string; message: string }[];
}

export interface ProductFilter {
  offer_id?: string[];
  product_id?: string[];
  visibility?: string;
}

const STOCKS_PER_REQUEST = 100;
const PRODUCT_INFO_PER_REQUEST = 1000;

const pairKey = (i: { product_id?: number | null; warehouse_id?: number | null }) =>
  `${i.product_id}:${i.warehouse_id}`;

export function catalogMethods(api: OzonApi) {
  const pacer = new PairPacer(api.options.clock, api.options.deadline ?? Infinity);

  function stocksPage(filter: ProductFilter = {}, cursor = '', limit = 1000) {
    const size = clampLimit(limit, 1000);
    const a = api.call(
      EP.stocksGet,
      compact({
        filter: compact({ visibility: 'ALL', ...filter }),
        limit: size,
        cursor: cursor || undefined,
      }),
      stocksAnswer,
    );
    const next = a.cursor && a.items.length >= size ? a.cursor : null;
    return { items: a.items, next, total: a.total };
  }

  /** One page of warehouses (cursor, ≤200 a page). */
  function warehousesPage(cursor = '', limit = 200) {
    const a = api.call(
      EP.warehouses,
      compact({ limit: clampLimit(limit, 200), cursor: cursor || undefined }),
      warehousesAnswer,
    );
    return { items: a.warehouses, next: nextCursor(a, a.warehouses.length) };
  }

  function productsPage(filter: ProductFilter = {}, lastId = '', limit = 1000) {
    const size = clampLimit(limit, 1000);
    const a = api.call(
      EP.productList,
      compact({
        filter: compact({ visibility: 'ALL', ...filter }),
        last_id: lastId || undefined,
        limit: size,
      }),
      productListAnswer,
    );
    return {
      items: a.result.items,
      next: nextLastId(a.result.last_id, a.result.items.length, size),
      total: a.result.total,
    };
  }

  return {
    /**
     * Sets stocks: ≤100 pairs a request, ≤80 requests a minute (paced), the same product/warehouse pair
     * at most once per 30 s within this execution (waits when the deadline allows, otherwise the item
     * comes back with a CLIENT_COOLDOWN error). Duplicate pairs in one call: the last value wins.
     * Per-item results, including Ozon's own errors from inside its HTTP 200.
     */
    setStocks(items: readonly StockUpdate[]): StockResult[] {
      const latest = new Map<string, StockUpdate>();
      for (const item of items) latest.set(pairKey(item), item);
      const results = new Map<string, StockResult>();
      const valid: StockUpdate[] = [];
      for (const [k, item] of latest) {
        if (!Number.isInteger(item.stock) || item.stock < 0 || item.stock >= 1_000_000) {
          results.set(k, {
            ...item,
            updated: false,
            errors: [
              { code: 'CLIENT_INVALID_STOCK', message: 'stock must be a whole number from 0 to 999999' },
            ],
          });
        } else valid.push(item);
      }
      const left = pacer.pace(valid, pairKey, (ready) => {
        const groups = chunks(ready, STOCKS_PER_REQUEST);
        const answers = api.callMany(
          EP.stocksSet,
          groups.map((g) => ({ stocks: g.map((i) => compact({ ...i })) })),
          setStocksAnswer,
        );
        groups.forEach((group, g) => {
          const byPair = new Map<string, (typeof answers)[number]['result'][number]>();
          for (const r of answers[g].result) byPair.set(pairKey(r), r);
          for (const item of group) {
            const r = byPair.get(pairKey(item));
            results.set(pairKey(item), {
              ...item,
              updated: r?.updated === true,
              errors: r
                ? r.errors.map((e) => ({ code: e.code ?? '', message: e.message ?? '' }))
                : [{ code: 'CLIENT_NO_RESULT', message: 'Ozon did not report on this item' }],
            });
          }
        });
      });
      for (const item of left) {
        results.set(pairKey(item), {
          ...item,
          updated: false,
          errors: [
            { code: 'CLIENT_COOLDOWN', message: 'this pair was updated less than 30 s ago; try again later' },
          ],
        });
      }
      return [...latest.keys()].map((k) => results.get(k) as StockResult);
    },

    /** One page of /v4/product/info/stocks (cursor, ≤1000; ends on an empty cursor or a short page). */
    stocksPage,

    listStocks(filter: ProductFilter = {}) {
      return collect('', (c) => stocksPage(filter, c), api.bounds());
    },

    warehousesPage,

    /** All warehouses. */
    warehouses() {
      return collect('', (cursor) => warehousesPage(cursor), api.bounds());
    },

    productsPage,

    listProducts(filter: ProductFilter = {}) {
      return collect('', (id) => productsPage(filter, id), api.bounds());
    },

    /** Product details by one kind of id, ≤1000 ids a request (split here and sent side by side). */
    productInfo(ids: { offer_id?: string[]; product_id?: number[]; sku?: number[] }) {
      const [kind, values] = (Object.entries(ids).find(([, v]) => v && v.length) ?? ['offer_id', []]) as [
        string,
        (string | number)[],
      ];
      const bodies = chunks(values, PRODUCT_INFO_PER_REQUEST).map((g) => ({
        [kind]: g.map((v) => String(v)),
      }));
      if (!bodies.length) return [];
      return api.callMany(EP.productInfo, bodies, productInfoAnswer).flatMap((a) => a.items);
    },

    pricesPage(filter: ProductFilter = {}, cursor = '', limit = 1000) {
      const size = clampLimit(limit, 1000);
      const a = api.call(
        EP.prices,
        compact({
          filter: compact({ visibility: 'ALL', ...filter }),
          limit: size,
          cursor: cursor || undefined,
        }),
        pricesAnswer,
      );
      const next = a.cursor && a.items.length >= size ? a.cursor : null;
      return { items: a.items, next, total: a.total };
    },

    /** The key's roles and allowed methods, and when it expires. */
    roles(): { roles: Role[]; expiresAt?: string } {
      const a = api.call(EP.roles, {}, rolesAnswer);
      return {
        roles: a.roles.map((r) => ({ name: r.name, methods: r.methods })),
        ...(a.expires_at ? { expiresAt: a.expires_at } : {}),
      };
    },
  };
}
