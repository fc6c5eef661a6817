// What Ozon's product, stock and warehouse lists mean for the Inventory tab, and which stock
// updates a push sends (available stock per offer and warehouse).

export interface OzonWarehouse {
  id: number;
  name: string;
  isRfbs: boolean;
  active: boolean;
}

export interface ImportedProduct {
  productId: string;
  offerId: string;
  sku: string;
  name: string;
  /** Units Ozon counts at the seller's own (FBS/rFBS) warehouses, reserved included. */
  ozonStock: number;
  /** Warehouse name the offer's stock is pushed to (one of the seller's own warehouses). */
  warehouse: string;
}

export interface ProductListItem {
  product_id: number;
  offer_id: string;
  archived?: boolean | null;
}
export interface ProductInfoItem {
  id: number;
  offer_id: string;
  name?: string | null;
  sku?: number | null;
  sources?: { sku?: number | null; source?: string | null }[];
}
export interface StockItem {
  offer_id: string;
  product_id: number;
  stocks: {
    sku?: number | null;
    type?: string | null;
    present?: number | null;
    reserved?: number | null;
    warehouse_ids?: number[];
  }[];
}

const OWN_TYPES = new Set(['fbs', 'rfbs']);

export function ownWarehouses(
  warehouses: readonly {
    warehouse_id: number;
    name: string;
    is_rfbs?: boolean | null;
    status?: string | null;
  }[],
): OzonWarehouse[] {
  return warehouses.map((w) => ({
    id: w.warehouse_id,
    name: w.name,
    isRfbs: Boolean(w.is_rfbs),
    active: !w.status || /created|new|active|working/i.test(w.status),
  }));
}

/** Ozon's own stock figure per product and the warehouse that holds it. */
export function ownStock(item: StockItem | undefined): { present: number; warehouseIds: number[] } {
  let present = 0;
  const warehouseIds: number[] = [];
  for (const s of item?.stocks ?? []) {
    if (!OWN_TYPES.has(String(s.type ?? '').toLowerCase())) continue;
    present += s.present ?? 0;
    for (const id of s.warehouse_ids ?? []) if (!warehouseIds.includes(id)) warehouseIds.push(id);
  }
  return { present, warehouseIds };
}

/** Products as the Inventory tab lists them: archived ones are left out. */
export function importedProducts(
  list: readonly ProductListItem[],
  info: readonly ProductInfoItem[],
  stocks: readonly StockItem[],
  warehouses: readonly OzonWarehouse[],
  /**
   * Product id → the own warehouses Ozon lists it at (/v1/product/info/stocks-by-warehouse/fbs). When
   * given, it decides the warehouse, not the deprecated items.stocks.warehouse_ids.
   */
  holders?: ReadonlyMap<string, readonly string[]>,
): ImportedProduct[] {
  const infoById = new Map(info.map((i) => [i.id, i]));
  const stockById = new Map(stocks.map((s) => [s.product_id, s]));
  const byId = new Map(warehouses.map((w) => [w.id, w]));
  const fallback = warehouses.find((w) => w.active && !w.isRfbs) ?? warehouses.find((w) => w.active);
  const out: ImportedProduct[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (item.archived || seen.has(item.offer_id)) continue;
    seen.add(item.offer_id);
    const details = infoById.get(item.product_id);
    const stock = ownStock(stockById.get(item.product_id));
    const sku = details?.sku ?? details?.sources?.find((s) => s.sku)?.sku ?? null;
    const ids = holders ? (holders.get(String(item.product_id)) ?? []).map(Number) : stock.warehouseIds;
    const warehouse =
      ids.map((id) => byId.get(id)).find((w) => w?.active) ??
      ids.map((id) => byId.get(id)).find(Boolean) ??
      fallback;
    out.push({
      productId: String(item.product_id),
      offerId: item.offer_id,
      sku: sku === null ? '' : String(sku),
      name: details?.name ?? '',
      ozonStock: stock.present,
      warehouse: warehouse?.name ?? '',
    });
  }
  return out;
}

export interface PushRow {
  offerId: string;
  productId: string;
  warehouse: string;
  available: number;
  pushedStock: number | null;
}

export interface PushItem {
  offer_id: string;
  product_id: number;
  warehouse_id: number;
  stock: number;
}

export type SkipReason = 'no_product' | 'no_warehouse' | 'unknown_warehouse';

export interface PushPlan {
  items: PushItem[];
  /** Rows that cannot be sent, and why. */
  skipped: { offerId: string; warehouse: string; reason: SkipReason }[];
}

const normalise = (name: string) => name.trim().toLowerCase();

/**
 * Stock updates for the rows: available stock (never below 0: Ozon refuses negatives, an oversold
 * offer is pushed as 0) to the row's warehouse. `onlyChanged` leaves out rows whose last pushed
 * figure is still current.
 */
export function planPush(
  rows: readonly PushRow[],
  warehouses: readonly OzonWarehouse[],
  onlyChanged: boolean,
): PushPlan {
  const byName = new Map(warehouses.map((w) => [normalise(w.name), w]));
  const plan: PushPlan = { items: [], skipped: [] };
  for (const row of rows) {
    const stock = Math.min(999_999, Math.max(0, Math.round(row.available)));
    if (onlyChanged && row.pushedStock === stock) continue;
    const productId = Number(row.productId);
    if (!row.productId || !Number.isSafeInteger(productId) || productId <= 0) {
      plan.skipped.push({ offerId: row.offerId, warehouse: row.warehouse, reason: 'no_product' });
      continue;
    }
    if (!row.warehouse) {
      plan.skipped.push({ offerId: row.offerId, warehouse: '', reason: 'no_warehouse' });
      continue;
    }
    const warehouse = byName.get(normalise(row.warehouse));
    if (!warehouse) {
      plan.skipped.push({ offerId: row.offerId, warehouse: row.warehouse, reason: 'unknown_warehouse' });
      continue;
    }
    plan.items.push({ offer_id: row.offerId, product_id: productId, warehouse_id: warehouse.id, stock });
  }
  return plan;
}
