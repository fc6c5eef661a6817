// Ozon area: actions (Ozon's promotions) and their products, buyers' discount requests, prices and
// quantity discounts. Joining, leaving and deciding requests are actions (endpoints.ts ACTIONS): an
// unclear answer is never re-sent; the caller re-reads the action and reports what really happened.
import type { z } from 'zod';
import type { OzonApi } from './api';
import { chunks, clampLimit, compact } from './body';
import { EP } from './endpoints';
import { collect, nextLastId } from './paging';
import {
  actionChangeAnswer,
  actionProductsAnswer,
  actionsAnswer,
  discountDecisionAnswer,
  discountTasksAnswer,
  importPricesAnswer,
  stairwayGetAnswer,
  stairwaySetAnswer,
} from './schemas/promotions';

export interface ActionJoin {
  product_id: number;
  /** In the product's currency (units, not minor). */
  action_price: number;
  /** Units offered, for stock-discount actions only. */
  stock?: number;
}

export interface ActionChange {
  done: number[];
  rejected: { product_id: number; reason: string }[];
}

export interface DiscountApproval {
  id: number;
  approved_price: number;
  approved_quantity_min: number;
  approved_quantity_max: number;
  seller_comment?: string;
}

export interface DiscountDecision {
  /** Ids Ozon reported as failed, with its text for the seller. */
  failed: Map<number, string>;
  success: number;
}

export interface PriceUpdate {
  offer_id: string;
  /** Left out to change only the minimum price. */
  price?: string;
  old_price?: string;
  min_price?: string;
  currency_code?: string;
}

export interface StairwayStep {
  step: number;
  quantity: number;
  /** Percent off, whole. */
  discount: number;
}

export interface Stairway {
  sku: number;
  enabled: boolean;
  steps: StairwayStep[];
}

export type DiscountTaskStatus = 'ALL' | 'NEW' | 'APPROVED' | 'DECLINED';

/** Ozon's documented cap on /v1/actions/products/activate; the same size is used to leave. */
const ACTION_PRODUCTS_PER_REQUEST = 1000;
const ACTION_PAGE = 100;
const TASK_PAGE = 50;
/** Ozon's cap on /v1/product/import/prices (prices maxItems). */
export const PRICES_PER_REQUEST = 1000;
/** Ozon's cap on /v1/product/stairway-discount/by-quantity/get (skus maxItems). */
const STAIRWAY_SKUS_PER_READ = 5000;
/** Not documented for set: the same size as a price import keeps one request modest. */
export const STAIRWAYS_PER_REQUEST = 1000;

function change(a: {
  result: { product_ids: number[]; rejected: { product_id: number; reason?: string | null }[] };
}) {
  return {
    done: a.result.product_ids,
    rejected: a.result.rejected.map((r) => ({ product_id: r.product_id, reason: r.reason ?? '' })),
  };
}

export function promotionsMethods(api: OzonApi) {
  function productsPage(path: string, actionId: number, lastId = 0, limit = ACTION_PAGE) {
    const size = clampLimit(limit, ACTION_PAGE);
    const a = api.call(
      path,
      compact({ action_id: actionId, limit: size, last_id: lastId || undefined }),
      actionProductsAnswer,
    );
    const items = a.result.products;
    return { items, next: nextLastId(a.result.last_id ?? null, items.length, size), total: a.result.total };
  }

  function discountTasksPage(status: DiscountTaskStatus = 'NEW', lastId = 0, limit = TASK_PAGE) {
    const size = ([5, 10, 15, 20, 30, 50] as const).find((n) => n >= Math.min(limit, TASK_PAGE)) ?? TASK_PAGE;
    const a = api.call(
      EP.discountTasks,
      compact({ status, limit: size, last_id: lastId || undefined }),
      discountTasksAnswer,
    );
    const last = a.tasks.length ? a.tasks[a.tasks.length - 1].id : null;
    return { items: a.tasks, next: nextLastId(last, a.tasks.length, size) };
  }

  return {
    /** Ozon's actions the seller can take part in (Ozon documents this read as GET). */
    actions() {
      return api.get(EP.actions, actionsAnswer).result;
    },

    actionProductsPage: (actionId: number, lastId = 0, limit = ACTION_PAGE) =>
      productsPage(EP.actionProducts, actionId, lastId, limit),

    /** Every product in an action (last_id paging). */
    actionProducts(actionId: number) {
      return collect(0, (id) => productsPage(EP.actionProducts, actionId, id), api.bounds());
    },

    /** Every product that could join an action. */
    actionCandidates(actionId: number) {
      return collect(0, (id) => productsPage(EP.actionCandidates, actionId, id), api.bounds());
    },

    /** Joins products to an action, ≤1000 a request; per product: done or Ozon's reason. */
    activateActionProducts(actionId: number, items: readonly ActionJoin[]): ActionChange {
      const out: ActionChange = { done: [], rejected: [] };
      for (const group of chunks(items, ACTION_PRODUCTS_PER_REQUEST)) {
        const a = change(
          api.call(
            EP.actionActivate,
            { action_id: actionId, products: group.map((p) => compact({ ...p })) },
            actionChangeAnswer,
          ),
        );
        out.done.push(...a.done);
        out.rejected.push(...a.rejected);
      }
      return out;
    },

    /** Takes products out of an action; per product: done or Ozon's reason. */
    deactivateActionProducts(actionId: number, productIds: readonly number[]): ActionChange {
      const out: ActionChange = { done: [], rejected: [] };
      for (const group of chunks(productIds, ACTION_PRODUCTS_PER_REQUEST)) {
        const a = change(
          api.call(EP.actionDeactivate, { action_id: actionId, product_ids: group }, actionChangeAnswer),
        );
        out.done.push(...a.done);
        out.rejected.push(...a.rejected);
      }
      return out;
    },

    discountTasksPage,

    /** Buyers' discount requests (v2; v1 is being retired), ≤50 a page. */
    discountTasks(status: DiscountTaskStatus = 'NEW') {
      return collect(0, (id) => discountTasksPage(status, id), api.bounds());
    },

    approveDiscountTasks(tasks: readonly DiscountApproval[]): DiscountDecision {
      const a = api.call(
        EP.discountApprove,
        { tasks: tasks.map((x) => compact({ ...x })) },
        discountDecisionAnswer,
      );
      return decision(a);
    },

    declineDiscountTasks(tasks: readonly { id: number; seller_comment?: string }[]): DiscountDecision {
      const a = api.call(
        EP.discountDecline,
        { tasks: tasks.map((x) => compact({ ...x })) },
        discountDecisionAnswer,
      );
      return decision(a);
    },

    /**
     * Sets prices, ≤1000 a request (one call: a lost answer throws OzonUnclearError and is never
     * re-sent; the caller reads the prices back). Per-item results.
     */
    importPrices(items: readonly PriceUpdate[]) {
      if (!items.length) return [];
      if (items.length > PRICES_PER_REQUEST) throw new RangeError('importPrices: at most 1000 items a call');
      return api.call(EP.importPrices, { prices: items.map((p) => compact({ ...p })) }, importPricesAnswer)
        .result;
    },

    /** Sets or removes quantity discounts per SKU (Ozon applies them asynchronously: read back with stairwayDiscounts). */
    setStairwayDiscounts(stairways: readonly Stairway[]) {
      return api.call(
        EP.stairwaySet,
        {
          stairways: stairways.map((x) => ({ sku: x.sku, enabled: x.enabled, stairway: { steps: x.steps } })),
        },
        stairwaySetAnswer,
      );
    },

    /** The quantity discounts of the given SKUs, with Ozon's status of the last change. */
    stairwayDiscounts(skus: readonly number[]) {
      const out: z.output<typeof stairwayGetAnswer>['stairways'] = [];
      for (const group of chunks([...new Set(skus)], STAIRWAY_SKUS_PER_READ)) {
        const a = api.call(EP.stairwayGet, { skus: group.map(String) }, stairwayGetAnswer);
        for (const x of a.stairways) out.push(x);
      }
      return out;
    },
  };
}

function decision(a: {
  result: {
    fail_details: { task_id: number; error_for_user?: string | null }[];
    success_count?: number | null;
  };
}): DiscountDecision {
  const failed = new Map<number, string>();
  for (const f of a.result.fail_details) failed.set(f.task_id, f.error_for_user ?? '');
  return { failed, success: a.result.success_count ?? 0 };
}
