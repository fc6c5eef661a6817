// Stock at each of the seller's own warehouses, per product: /v1/product/info/stocks-by-warehouse/fbs.
// It replaces /v4/product/info/stocks items.stocks.warehouse_ids, deprecated since 2025-12-18. (A v2 is
// announced in Ozon's news of 2026-05-14 but is not in the published spec yet.)
import type { OzonClient } from './client';
import { EP } from './endpoints';
import { parseAnswer } from './schemas/common';
import { stocksByWarehouseAnswer } from './schemas/warehouse-stock';

/** SKUs per request: the simulator's (and Ozon's documented) ceiling is 500; smaller calls fail less. */
const SKUS_PER_REQUEST = 100;

export interface ProductWarehouseStock {
  sku: string;
  offerId: string;
  productId: string;
  warehouseId: string;
  warehouseName: string;
  present: number;
  reserved: number;
}

/** One item per product × warehouse that holds it (a product absent from a warehouse has no item). */
export function stocksByWarehouse(client: OzonClient, skus: readonly string[]): ProductWarehouseStock[] {
  const unique = [...new Set(skus.filter(Boolean))];
  const bodies: unknown[] = [];
  for (let k = 0; k < unique.length; k += SKUS_PER_REQUEST)
    bodies.push({ sku: unique.slice(k, k + SKUS_PER_REQUEST) });
  if (!bodies.length) return [];
  return client.transport
    .many(bodies.map((body) => ({ path: EP.stocksByWarehouse, body })))
    .flatMap((a) => parseAnswer(EP.stocksByWarehouse, stocksByWarehouseAnswer, a.json).result)
    .map((i) => ({
      sku: i.sku ? String(i.sku) : '',
      offerId: i.offer_id ?? '',
      productId: i.product_id ? String(i.product_id) : '',
      warehouseId: String(i.warehouse_id),
      warehouseName: i.warehouse_name ?? '',
      present: Math.max(0, Math.round(i.present ?? 0)),
      reserved: Math.max(0, Math.round(i.reserved ?? 0)),
    }));
}
