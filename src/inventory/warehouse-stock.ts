// The Warehouse stock tab inside an inventory pass: read with the other tabs, planned from the pass's new
// moves, and written in the same batch as the ledger, so a shipment moves its warehouse's row exactly once.
import type { PostingFacts, StockMove } from '../core/inventory/ledger';
import {
  planWarehouseRows,
  readWarehouseRows,
  warehouseStockSpec,
  type WarehouseListing,
} from '../core/inventory/warehouses';
import { planRequests, type SheetsRequest } from '../core/table/requests';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';
import { planUpsert } from '../core/table/upsert';

export interface WarehousePass {
  requests: SheetsRequest[];
  rows: RowValues[];
  /** Offers pushed per warehouse (they have rows in Warehouse stock). */
  offers: Set<string>;
  cellsWritten: number;
}

export function warehousePass(args: {
  snapshot: TabSnapshot | undefined;
  listings?: readonly WarehouseListing[];
  moves: readonly StockMove[];
  postings: readonly PostingFacts[];
  /** Runs with the planned rows; the cells it returns per row key (what a push sent) are merged in. */
  beforeWrite?: (rows: readonly RowValues[]) => ReadonlyMap<string, RowValues>;
}): WarehousePass {
  const none: WarehousePass = { requests: [], rows: [], offers: new Set(), cellsWritten: 0 };
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
  const plan = planUpsert(warehouseStockSpec, tab.positions, { firstRow: 1, rows: body }, rows);
  const requests = [
    ...tab.setup,
    ...planRequests(
      warehouseStockSpec,
      tab.snapshot.sheetId,
      tab.snapshot.exists ? tab.snapshot.rowCount : 200,
      tab.positions,
      plan,
    ),
  ];
  return {
    requests,
    rows,
    offers: new Set(rows.map((r) => String(r.offer_id))),
    cellsWritten: plan.cellsWritten,
  };
}
