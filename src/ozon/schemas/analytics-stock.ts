// Ozon's own stock of the seller's goods: clusters (/v1/cluster/list), stock by SKU × cluster
// (/v1/analytics/stocks), turnover per SKU (/v1/analytics/turnover/stocks) and supply requests
// (/v3/supply-order/list, /v3/supply-order/get, /v1/supply-order/bundle).
import { z } from 'zod';
import { bool, int, list, loose, looseNum, text } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();
const n = looseNum;

export const clusterListAnswer = lazySchema(() =>
  loose({
    clusters: list(
      loose({
        id: int,
        name: s,
        type: s,
        logistic_clusters: list(loose({ warehouses: list(loose({ warehouse_id: int, name: s, type: s })) })),
      }),
    ),
  }),
);

export const analyticsStocksAnswer = lazySchema(() =>
  loose({
    items: list(
      loose({
        sku: int,
        offer_id: s,
        name: s,
        cluster_id: i,
        cluster_name: s,
        macrolocal_cluster_id: i,
        available_stock_count: n,
        transit_stock_count: n,
        requested_stock_count: n,
        excess_stock_count: n,
        expiring_stock_count: n,
        stock_defect_stock_count: n,
        transit_defect_stock_count: n,
        valid_stock_count: n,
        waiting_docs_stock_count: n,
        other_stock_count: n,
        return_from_customer_stock_count: n,
        return_to_seller_stock_count: n,
        ads: n,
        ads_cluster: n,
        idc: n,
        days_without_sales: n,
        days_without_sales_cluster: n,
        turnover_grade: s,
        turnover_grade_cluster: s,
      }),
    ),
  }),
);
export type AnalyticsStockItem = z.output<typeof analyticsStocksAnswer>['items'][number];

/** The published spec names only ads, current_stock, idc and idc_grade; Ozon's Russian edition adds sku & co. */
export const turnoverAnswer = lazySchema(() =>
  loose({
    items: list(
      loose({
        sku: i,
        offer_id: s,
        name: s,
        ads: n,
        current_stock: n,
        idc: n,
        idc_grade: s,
        turnover: n,
        turnover_grade: s,
      }),
    ),
  }),
);
export type TurnoverItem = z.output<typeof turnoverAnswer>['items'][number];

export const supplyListAnswer = lazySchema(() => loose({ order_ids: list(text), last_id: s }));

export const supplyGetAnswer = lazySchema(() =>
  loose({
    orders: list(
      loose({
        order_id: int,
        order_number: s,
        state: s,
        created_date: s,
        state_updated_date: s,
        dropoff_warehouse: loose({ warehouse_id: i, name: s }).nullish(),
        supplies: list(
          loose({
            supply_id: i,
            bundle_id: s,
            state: s,
            macrolocal_cluster_id: i,
            storage_warehouse: loose({ warehouse_id: i, name: s, arrival_date: s }).nullish(),
          }),
        ),
        timeslot: loose({ timeslot: loose({ from: s, to: s }).nullish() }).nullish(),
      }),
    ),
  }),
);
export type SupplyOrder = z.output<typeof supplyGetAnswer>['orders'][number];

export const supplyBundleAnswer = lazySchema(() =>
  loose({
    items: list(loose({ sku: int, offer_id: s, name: s, quantity: int })),
    has_next: bool.nullish(),
    last_id: s,
    total_count: i,
  }),
);
