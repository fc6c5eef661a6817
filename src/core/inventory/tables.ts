// The Inventory and Stock moves tabs: their columns, how their rows are read back, and how the
// orders tabs are read as posting facts for the ledger.
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { columnLetter, type SheetsRequest } from '../table/requests';
import type { RowValues, TableSpec } from '../table/spec';
import { fromSerial, toSerial, type OffsetMinutes } from '../time/serial';
import type { LedgerRow, MoveReason, PostingFacts, StockMove } from './ledger';
import type { StockFigures, StockStatus } from './stock';

export const INVENTORY_TAB = 'Inventory';
export const MOVES_TAB = 'Stock moves';

export const inventorySpec: TableSpec = {
  tab: INVENTORY_TAB,
  key: 'offer_id',
  columns: [
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 100 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 240 },
    // Filled when the row is added; the seller may change the warehouse an offer is pushed to.
    { key: 'warehouse', header: 'Warehouse', kind: 'text', role: 'insert', width: 140 },
    { key: 'on_hand', header: 'On hand', kind: 'int', role: 'sync', width: 70 },
    { key: 'reserved', header: 'Reserved', kind: 'int', role: 'sync', width: 70 },
    { key: 'available', header: 'Available', kind: 'int', role: 'sync', width: 70 },
    { key: 'ozon_stock', header: 'Ozon stock', kind: 'int', role: 'sync', width: 80 },
    { key: 'difference', header: 'Difference', kind: 'int', role: 'sync', width: 80 },
    { key: 'reorder_point', header: 'Reorder point', kind: 'int', role: 'seller', width: 90 },
    { key: 'reorder_qty', header: 'Reorder quantity', kind: 'int', role: 'seller', width: 100 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 90 },
    { key: 'days_of_cover', header: 'Days of cover', kind: 'number', role: 'sync', width: 90 },
    { key: 'last_movement', header: 'Last movement', kind: 'datetime', role: 'sync', width: 120 },
    // Ozon's own (FBO) stock of the offer over all clusters, written by "Refresh Ozon stock".
    { key: 'fbo_stock', header: 'FBO stock', kind: 'int', role: 'sync', width: 80 },
    { key: 'fbo_incoming', header: 'FBO incoming', kind: 'int', role: 'sync', width: 90 },
    { key: 'fbo_days_of_cover', header: 'FBO days of cover', kind: 'number', role: 'sync', width: 110 },
    // Ozon's prices (/v5/product/info/prices), refreshed by the import, "Refresh prices" and "Update prices".
    { key: 'price', header: 'Price', kind: 'money', role: 'sync', width: 90 },
    { key: 'old_price', header: 'Old price', kind: 'money', role: 'sync', width: 90 },
    { key: 'min_price', header: 'Min price (Ozon)', kind: 'money', role: 'sync', width: 100 },
    { key: 'seller_price', header: 'Price with your discounts', kind: 'money', role: 'sync', width: 120 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'margin', header: 'Margin % at price', kind: 'percent', role: 'sync', width: 100 },
    { key: 'qty_discount_now', header: 'Quantity discount', kind: 'text', role: 'sync', width: 140 },
    // The seller's price work, sent by "Update prices"; New price and the discount cells empty once applied.
    { key: 'new_price', header: 'New price', kind: 'money', role: 'seller', width: 90 },
    { key: 'my_min_price', header: 'My min price', kind: 'money', role: 'seller', width: 90 },
    { key: 'qty_from', header: 'Discount from qty', kind: 'int', role: 'seller', width: 100 },
    { key: 'qty_percent', header: 'Qty discount %', kind: 'int', role: 'seller', width: 100 },
    { key: 'price_confirm', header: 'Confirm below cost', kind: 'text', role: 'seller', width: 110 },
    { key: 'price_result', header: 'Price result', kind: 'text', role: 'sync', width: 260 },
    { key: 'prices_checked_at', header: 'Prices checked at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'product_id', header: 'Product ID', kind: 'id', role: 'sync', width: 100, hidden: true },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 80, hidden: true },
    { key: 'pushed_stock', header: 'Pushed stock', kind: 'int', role: 'sync', width: 80, hidden: true },
  ],
};

export const movesSpec: TableSpec = {
  tab: MOVES_TAB,
  key: 'key',
  columns: [
    { key: 'when', header: 'When', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'quantity', header: 'Quantity', kind: 'int', role: 'sync', width: 70 },
    { key: 'reason', header: 'Reason', kind: 'text', role: 'sync', width: 170 },
    { key: 'reference', header: 'Reference', kind: 'id', role: 'sync', width: 180 },
    { key: 'who', header: 'Who', kind: 'text', role: 'sync', width: 160 },
    { key: 'key', header: 'Move key', kind: 'id', role: 'sync', width: 200, hidden: true },
  ],
};

export const reasonText = (lang: Lang, reason: MoveReason) =>
  t(lang, `inventory.reason.${reason}` as MessageKey);
export const statusText = (lang: Lang, status: StockStatus) =>
  t(lang, `inventory.status.${status}` as MessageKey);

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());
const numberOrNull = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? n : null;
};

/** Cell at a column key of a row, or undefined when the column is not in the tab. */
function at(row: readonly unknown[], positions: ReadonlyMap<string, number>, key: string): unknown {
  const index = positions.get(key);
  return index === undefined ? undefined : row[index];
}

export function moveRow(move: StockMove, lang: Lang, offset: OffsetMinutes): RowValues {
  return {
    when: toSerial(move.when, offset),
    offer_id: move.offerId,
    quantity: move.quantity,
    reason: reasonText(lang, move.reason),
    reference: move.reference,
    who: move.who,
    key: move.key,
  };
}

/** Every ledger row with an offer and a numeric quantity, including rows typed in by hand. */
export function readLedger(
  rows: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
  offset: OffsetMinutes,
): LedgerRow[] {
  const out: LedgerRow[] = [];
  for (const row of rows) {
    const offerId = text(at(row, positions, 'offer_id'));
    const quantity = numberOrNull(at(row, positions, 'quantity'));
    if (!offerId || quantity === null) continue;
    const serial = numberOrNull(at(row, positions, 'when'));
    out.push({
      offerId,
      quantity,
      when: serial === null ? null : fromSerial(serial, offset),
      key: text(at(row, positions, 'key')),
    });
  }
  return out;
}

/** Postings from the Orders and Order lines tabs (both as read, header excluded). */
export function readPostings(
  orders: { rows: readonly (readonly unknown[])[]; positions: ReadonlyMap<string, number> },
  lines: { rows: readonly (readonly unknown[])[]; positions: ReadonlyMap<string, number> },
  offset: OffsetMinutes,
): PostingFacts[] {
  const byNumber = new Map<string, PostingFacts>();
  for (const row of orders.rows) {
    const postingNumber = text(at(row, orders.positions, 'posting_number'));
    if (!postingNumber || byNumber.has(postingNumber)) continue;
    const shipBy = numberOrNull(at(row, orders.positions, 'ship_by'));
    const orderedAt = numberOrNull(at(row, orders.positions, 'ordered_at'));
    const serial = shipBy ?? orderedAt;
    const warehouse = text(at(row, orders.positions, 'warehouse'));
    const delivering = numberOrNull(at(row, orders.positions, 'delivering_date'));
    const changed = numberOrNull(at(row, orders.positions, 'last_changed'));
    byNumber.set(postingNumber, {
      postingNumber,
      schema: text(at(row, orders.positions, 'schema')),
      status: text(at(row, orders.positions, 'status_code')),
      shipAt: serial === null ? null : fromSerial(serial, offset),
      ...(delivering === null ? {} : { handedAt: fromSerial(delivering, offset) }),
      ...(changed === null ? {} : { changedAt: fromSerial(changed, offset) }),
      lines: [],
      ...(warehouse ? { warehouse } : {}),
    });
  }
  for (const row of lines.rows) {
    const posting = byNumber.get(text(at(row, lines.positions, 'posting_number')));
    if (!posting) continue;
    const quantity = numberOrNull(at(row, lines.positions, 'quantity'));
    posting.lines.push({
      offerId: text(at(row, lines.positions, 'offer_id')),
      sku: text(at(row, lines.positions, 'sku')),
      name: text(at(row, lines.positions, 'name')),
      quantity: quantity === null ? 0 : quantity,
    });
  }
  return [...byNumber.values()];
}

/** An Inventory row as read: the parts later computations keep or need. */
export interface InventoryRowRead {
  offerId: string;
  sku: string;
  name: string;
  warehouse: string;
  productId: string;
  reserved: number | null;
  reorderPoint: number | null;
  ozonStock: number | null;
  pushedStock: number | null;
  daysOfCover: number | null;
  available: number | null;
}

export function readInventory(
  rows: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
): Map<string, InventoryRowRead> {
  const out = new Map<string, InventoryRowRead>();
  for (const row of rows) {
    const offerId = text(at(row, positions, 'offer_id'));
    if (!offerId || out.has(offerId)) continue;
    const reorder = numberOrNull(at(row, positions, 'reorder_point'));
    out.set(offerId, {
      offerId,
      sku: text(at(row, positions, 'sku')),
      name: text(at(row, positions, 'name')),
      warehouse: text(at(row, positions, 'warehouse')),
      productId: text(at(row, positions, 'product_id')),
      reserved: numberOrNull(at(row, positions, 'reserved')),
      reorderPoint: reorder === null ? null : Math.round(reorder),
      ozonStock: numberOrNull(at(row, positions, 'ozon_stock')),
      pushedStock: numberOrNull(at(row, positions, 'pushed_stock')),
      daysOfCover: numberOrNull(at(row, positions, 'days_of_cover')),
      available: numberOrNull(at(row, positions, 'available')),
    });
  }
  return out;
}

/** The computed cells of an Inventory row (never the seller's reorder columns). */
export function inventoryCells(
  figures: StockFigures,
  lastMove: number | null,
  lang: Lang,
  offset: OffsetMinutes,
): RowValues {
  return {
    on_hand: figures.onHand,
    reserved: figures.reserved,
    available: figures.available,
    difference: figures.difference,
    status: statusText(lang, figures.status),
    status_code: figures.status,
    days_of_cover: figures.daysOfCover,
    last_movement: lastMove === null ? null : toSerial(lastMove, offset),
  };
}

/** Row colours: low stock (live, against the seller's reorder point, or by status), out and oversold. */
export function inventoryFormatRules(
  positions: ReadonlyMap<string, number>,
  sheetId: number,
): SheetsRequest[] {
  const col = (key: string) => `$${columnLetter(positions.get(key) as number)}2`;
  const range = { sheetId, startRowIndex: 1 };
  const rule = (formula: string, rgb: { red: number; green: number; blue: number }, index: number) => ({
    addConditionalFormatRule: {
      rule: {
        ranges: [range],
        booleanRule: {
          condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: formula }] },
          format: { backgroundColor: rgb },
        },
      },
      index,
    },
  });
  const status = col('status_code');
  const available = col('available');
  const reorder = col('reorder_point');
  return [
    rule(`=${status}="oversold"`, { red: 0.96, green: 0.78, blue: 0.78 }, 0),
    rule(`=${status}="out"`, { red: 0.99, green: 0.87, blue: 0.8 }, 1),
    rule(
      `=OR(${status}="low",AND(ISNUMBER(${reorder}),ISNUMBER(${available}),${available}<=${reorder}))`,
      { red: 1, green: 0.95, blue: 0.75 },
      2,
    ),
  ];
}
