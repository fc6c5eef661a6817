// Stock per warehouse for sellers with several of their own (FBS/rFBS) warehouses. Inventory keeps one row
// per offer; the Warehouse stock tab keeps one row per offer × warehouse Ozon lists the offer at
// (/v1/product/info/stocks-by-warehouse/fbs, not the deprecated warehouse_ids). Each row's "On hand here"
// starts at Ozon's figure, follows the shipments and cancellations from that warehouse, and takes the
// seller's own counts; the push sends each warehouse its own available figure, and never a warehouse the
// offer has no row for.
import type { RowValues, TableSpec } from '../table/spec';
import { RESERVING_STATUSES, touchesOwnStock, type PostingFacts, type StockMove } from './ledger';

export const WAREHOUSE_STOCK_TAB = 'Warehouse stock';

export const warehouseStockSpec: TableSpec = {
  tab: WAREHOUSE_STOCK_TAB,
  key: 'key',
  columns: [
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 220 },
    { key: 'warehouse', header: 'Warehouse', kind: 'text', role: 'sync', width: 180 },
    // Started from Ozon, moved by shipments and cancellations from this warehouse; type a count to correct it.
    { key: 'on_hand', header: 'On hand here', kind: 'int', role: 'sync', width: 90 },
    { key: 'reserved', header: 'Reserved here', kind: 'int', role: 'sync', width: 90 },
    { key: 'available', header: 'Available here', kind: 'int', role: 'sync', width: 90 },
    { key: 'ozon_present', header: 'Ozon stock here', kind: 'int', role: 'sync', width: 100 },
    { key: 'pushed_stock', header: 'Pushed stock', kind: 'int', role: 'sync', width: 80, hidden: true },
    { key: 'product_id', header: 'Product ID', kind: 'id', role: 'sync', width: 100, hidden: true },
    { key: 'warehouse_id', header: 'Warehouse ID', kind: 'id', role: 'sync', width: 130, hidden: true },
    { key: 'key', header: 'Row key', kind: 'id', role: 'sync', width: 200, hidden: true },
  ],
};

export const warehouseRowKey = (offerId: string, warehouseId: string | number) => `${offerId}@${warehouseId}`;

export interface WarehouseListing {
  offerId: string;
  productId: string;
  name: string;
  warehouseId: string;
  warehouse: string;
  /** Ozon's figure at that warehouse, reserved included. */
  present: number;
  reserved: number;
}

export interface WarehouseRowRead {
  key: string;
  offerId: string;
  productId: string;
  warehouseId: string;
  warehouse: string;
  onHand: number | null;
  pushedStock: number | null;
}

const normalise = (name: string) => name.trim().toLowerCase();
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const numberOrNull = (v: unknown) => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : null;
};

export function readWarehouseRows(
  rows: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
): Map<string, WarehouseRowRead> {
  const at = (row: readonly unknown[], key: string) => {
    const i = positions.get(key);
    return i === undefined ? undefined : row[i];
  };
  const out = new Map<string, WarehouseRowRead>();
  for (const row of rows) {
    const key = text(at(row, 'key'));
    if (!key || out.has(key)) continue;
    out.set(key, {
      key,
      offerId: text(at(row, 'offer_id')),
      productId: text(at(row, 'product_id')),
      warehouseId: text(at(row, 'warehouse_id')),
      warehouse: text(at(row, 'warehouse')),
      onHand: numberOrNull(at(row, 'on_hand')),
      pushedStock: numberOrNull(at(row, 'pushed_stock')),
    });
  }
  return out;
}

/** Open units per offer × warehouse name: goods promised but still on that warehouse's shelf. */
export function reservedByWarehouse(postings: readonly PostingFacts[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of postings) {
    if (!touchesOwnStock(p) || !RESERVING_STATUSES.has(p.status) || !p.warehouse) continue;
    for (const l of p.lines) {
      if (!l.offerId || !(l.quantity > 0)) continue;
      const k = `${l.offerId}\u0000${normalise(p.warehouse)}`;
      out.set(k, (out.get(k) ?? 0) + l.quantity);
    }
  }
  return out;
}

/**
 * The Warehouse stock rows after a pass: new rows from Ozon's listings (on hand = Ozon's figure there),
 * and every row's on hand moved by this pass's new shipment and cancellation moves from its warehouse.
 * Rows the seller already has keep their own on-hand figure otherwise.
 */
export function planWarehouseRows(args: {
  existing: ReadonlyMap<string, WarehouseRowRead>;
  listings?: readonly WarehouseListing[];
  moves: readonly StockMove[];
  postings: readonly PostingFacts[];
}): RowValues[] {
  const warehouseOf = new Map(args.postings.map((p) => [p.postingNumber, normalise(p.warehouse ?? '')]));
  const rows = new Map<string, { read: WarehouseRowRead; onHand: number; listing?: WarehouseListing }>();
  for (const read of args.existing.values()) rows.set(read.key, { read, onHand: read.onHand ?? 0 });
  for (const l of args.listings ?? []) {
    const key = warehouseRowKey(l.offerId, l.warehouseId);
    const known = rows.get(key);
    if (known) known.listing = l;
    else
      rows.set(key, {
        read: {
          key,
          offerId: l.offerId,
          productId: l.productId,
          warehouseId: l.warehouseId,
          warehouse: l.warehouse,
          onHand: null,
          pushedStock: null,
        },
        onHand: Math.max(0, l.present),
        listing: l,
      });
  }
  // This pass's shipments (−) and cancellations (+) land on the row of the posting's warehouse.
  const byOfferWarehouse = new Map<string, string>();
  for (const r of rows.values())
    byOfferWarehouse.set(`${r.read.offerId}\u0000${normalise(r.read.warehouse)}`, r.read.key);
  for (const m of args.moves) {
    if (m.reason !== 'shipment' && m.reason !== 'cancellation') continue;
    const wh = warehouseOf.get(m.reference);
    const key = wh ? byOfferWarehouse.get(`${m.offerId}\u0000${wh}`) : undefined;
    const row = key ? rows.get(key) : undefined;
    if (row) row.onHand += m.quantity;
  }
  const reserved = reservedByWarehouse(args.postings);
  return [...rows.values()].map(({ read, onHand, listing }) => {
    const held = reserved.get(`${read.offerId}\u0000${normalise(read.warehouse)}`) ?? 0;
    const row: RowValues = {
      key: read.key,
      offer_id: read.offerId,
      warehouse: read.warehouse,
      product_id: read.productId,
      warehouse_id: read.warehouseId,
      on_hand: onHand,
      reserved: held,
      available: onHand - held,
      // What was last sent there: the push's baseline (sharp-cut rule, only-changed pushes).
      pushed_stock: read.pushedStock,
    };
    if (listing) {
      row.name = listing.name;
      row.ozon_present = listing.present;
    }
    return row;
  });
}

export interface WarehousePushItem {
  key: string;
  offer_id: string;
  product_id: number;
  warehouse_id: number;
  stock: number;
}

/** Each warehouse row's own available figure (never below 0), for the rows whose figure changed if asked. */
export function planWarehousePush(
  rows: readonly RowValues[],
  pushed: ReadonlyMap<string, number | null>,
  onlyChanged: boolean,
): WarehousePushItem[] {
  const out: WarehousePushItem[] = [];
  for (const r of rows) {
    const productId = Number(r.product_id);
    const warehouseId = Number(r.warehouse_id);
    if (
      !Number.isSafeInteger(productId) ||
      productId <= 0 ||
      !Number.isSafeInteger(warehouseId) ||
      warehouseId <= 0
    )
      continue;
    const stock = Math.min(999_999, Math.max(0, Math.round(Number(r.available) || 0)));
    if (onlyChanged && pushed.get(String(r.key)) === stock) continue;
    out.push({
      key: String(r.key),
      offer_id: String(r.offer_id),
      product_id: productId,
      warehouse_id: warehouseId,
      stock,
    });
  }
  return out;
}
