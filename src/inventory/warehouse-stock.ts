// The Warehouse stock tab inside an inventory pass: read with the other tabs, planned from the pass's new
// moves, and landed together with the ledger, so a shipment moves its warehouse's row exactly once.
import type { PostingFacts, StockMove } from '../core/inventory/ledger';
import { planWarehouseRows, readWarehouseRows, type WarehouseListing } from '../core/inventory/warehouses';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';

export interface WarehousePass {
  /** The rows Warehouse stock should hold (by row key), what a push sent merged in. */
  rows: RowValues[];
  /** Offers pushed per warehouse (they have rows in Warehouse stock). */
  offers: Set<string>;
  /** Whether the tab is to be written at all (it exists, or listings create it). */
  target: boolean;
}

export function warehousePass(args: {
  snapshot: TabSnapshot | undefined;
  listings?: readonly WarehouseListing[];
  moves: readonly StockMove[];
  postings: readonly PostingFacts[];
  /** Runs with the planned rows; the cells it returns per row key (what a push sent) are merged in. */
  beforeWrite?: (rows: readonly RowValues[]) => ReadonlyMap<string, RowValues>;
}): WarehousePass {
  const none: WarehousePass = { rows: [], offers: new Set(), target: false };
  if (!args.snapshot || (!args.snapshot.exists && !args.listings?.length)) return none;
  const tab = prepareTab(args.snapshot);
  const body = tab.snapshot.exists ? tab.snapshot.values.slice(1) : [];
  const existing = readWarehouseRows(body, tab.positions);
  let rows = planWarehouseRows({
    existing,
    listings: args.listings,
    moves: args.moves,
    postings: args.postings,
  });
  if (!rows.length && !tab.snapshot.exists) return none;
  const patch = args.beforeWrite?.(rows);
  if (patch) rows = rows.map((r) => ({ ...r, ...(patch.get(String(r.key)) ?? {}) }));
  // Written with the inventory's other tabs (inventory/workbook landInventory), each row by its key.
  return { rows, offers: new Set(rows.map((r) => String(r.offer_id))), target: true };
}
