// One pass over the inventory's tabs: read Inventory, Stock moves, Orders and Order lines once (three
// Sheets calls), plan with the pure core, and write every change in one chunked batchUpdate.
import type { Lang } from '../core/i18n/messages';
import { t } from '../core/i18n/messages';
import type { LedgerIndex, StockMove } from '../core/inventory/ledger';
import type { ImportedProduct } from '../core/inventory/ozon';
import { planInventory, type AlertItem } from '../core/inventory/plan';
import {
  inventoryFormatRules,
  inventorySpec,
  moveRow,
  movesSpec,
  readInventory,
  readLedger,
  readPostings,
  type InventoryRowRead,
} from '../core/inventory/tables';
import { linesSpec, ordersSpec } from '../core/orders/tables';
import { locateColumns } from '../core/table/locate';
import { planRequests, type SheetsRequest } from '../core/table/requests';
import { prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';
import { planUpsert } from '../core/table/upsert';
import type { InventoryHost } from './host';
import { warehouseStockSpec, type WarehouseListing } from '../core/inventory/warehouses';
import { warehousePass } from './warehouse-stock';

export interface InventoryTabs {
  inventory: PreparedTab;
  moves: PreparedTab;
  inventoryRows: Map<string, InventoryRowRead>;
  /** Sheets requests that create or repair the two tabs (empty when they are fine). */
  setup: SheetsRequest[];
}

const body = (snapshot: TabSnapshot) => snapshot.values.slice(1);

function foreignRows(snapshot: TabSnapshot | undefined) {
  if (!snapshot || !snapshot.exists) return { rows: [], positions: new Map<string, number>() };
  const positions = locateColumns(snapshot.spec, snapshot.values[0] ?? [], snapshot.metadata).positions;
  return { rows: body(snapshot), positions };
}

export function prepareInventoryTabs(snapshots: Map<string, TabSnapshot>): InventoryTabs {
  const inventory = prepareTab(snapshots.get(inventorySpec.tab) as TabSnapshot, inventoryFormatRules);
  const moves = prepareTab(snapshots.get(movesSpec.tab) as TabSnapshot);
  return {
    inventory,
    moves,
    inventoryRows: readInventory(body(inventory.snapshot), inventory.positions),
    setup: [...inventory.setup, ...moves.setup],
  };
}

/** Requests appending moves at the end of the ledger (the snapshot tells where the end is). */
export function appendMoves(
  moves: PreparedTab,
  newMoves: readonly StockMove[],
  lang: Lang,
  host: InventoryHost,
): SheetsRequest[] {
  if (!newMoves.length) return [];
  const snapshot = moves.snapshot;
  const rows = snapshot.exists ? body(snapshot) : [];
  const plan = planUpsert(
    movesSpec,
    moves.positions,
    { firstRow: 1, rows },
    newMoves.map((m) => moveRow(m, lang, host.offset)),
  );
  return planRequests(
    movesSpec,
    snapshot.sheetId,
    snapshot.exists ? snapshot.rowCount : 200,
    moves.positions,
    plan,
  );
}

export function upsertInventory(tab: PreparedTab, rows: readonly RowValues[]) {
  const snapshot = tab.snapshot;
  const plan = planUpsert(
    inventorySpec,
    tab.positions,
    { firstRow: 1, rows: snapshot.exists ? body(snapshot) : [] },
    rows,
  );
  return {
    plan,
    requests: planRequests(
      inventorySpec,
      snapshot.sheetId,
      snapshot.exists ? snapshot.rowCount : 200,
      tab.positions,
      plan,
    ),
  };
}

export interface PassOptions {
  lang: Lang;
  imported?: readonly ImportedProduct[];
  extra?: readonly StockMove[];
  /**
   * Runs between planning and writing with the planned rows; the cells it returns per offer (e.g. what
   * a push sent) are merged in, so the tabs are still read once and written once.
   */
  beforeWrite?: (
    rows: readonly RowValues[],
    tabs: InventoryTabs,
    /** Offers with rows in Warehouse stock: pushed per warehouse, not from Inventory. */
    perWarehouse: ReadonlySet<string>,
  ) => ReadonlyMap<string, RowValues>;
  /** Ozon's per-warehouse listings (import, sellers with several warehouses): new Warehouse stock rows. */
  warehouseListings?: readonly WarehouseListing[];
  /** Like beforeWrite, for the planned Warehouse stock rows (keyed by row key). */
  beforeWarehouseWrite?: (rows: readonly RowValues[]) => ReadonlyMap<string, RowValues>;
  /** Sees the ledger as read, before anything is planned or written; throws to refuse a damaged one. */
  checkLedger?: (found: LedgerSize) => void;
}

/** How big the Stock moves ledger is: rows, and opening counts among them. */
export interface LedgerSize {
  exists: boolean;
  moves: number;
  openings: number;
}

export interface PassResult {
  moves: StockMove[];
  counts: { openings: number; shipments: number; cancellations: number; other: number };
  alerts: AlertItem[];
  rows: RowValues[];
  index: LedgerIndex;
  tabs: InventoryTabs;
  added: number;
  updated: number;
  products: number;
  /** Sheets API calls: 3 reads + the batchUpdate calls. */
  calls: number;
  cellsWritten: number;
  /** The ledger after this pass's write. */
  ledger: LedgerSize;
}

/** Reads everything once, plans, and writes in one go. The caller holds the document lock. */
export function inventoryPass(host: InventoryHost, options: PassOptions): PassResult {
  const snapshots = host.readTabs([inventorySpec, movesSpec, ordersSpec, linesSpec, warehouseStockSpec]);
  const tabs = prepareInventoryTabs(snapshots);
  const now = host.now();
  const postings = readPostings(
    foreignRows(snapshots.get(ordersSpec.tab)),
    foreignRows(snapshots.get(linesSpec.tab)),
    host.offset,
  );
  const ledger = readLedger(
    tabs.moves.snapshot.exists ? body(tabs.moves.snapshot) : [],
    tabs.moves.positions,
    host.offset,
  );
  const openings = ledger.filter((row) => row.key.startsWith('opening:')).length;
  options.checkLedger?.({ exists: tabs.moves.snapshot.exists, moves: ledger.length, openings });
  const plan = planInventory({
    now,
    lang: options.lang,
    offset: host.offset,
    who: t(options.lang, 'inventory.who.sync'),
    ledger,
    postings,
    inventory: tabs.inventoryRows,
    ...(options.imported ? { imported: options.imported } : {}),
    ...(options.extra ? { extra: options.extra } : {}),
  });
  const warehouse = warehousePass({
    snapshot: snapshots.get(warehouseStockSpec.tab),
    listings: options.warehouseListings,
    moves: plan.moves,
    postings,
    beforeWrite: options.beforeWarehouseWrite,
  });
  const patch = options.beforeWrite?.(plan.rows, tabs, warehouse.offers);
  const rows = patch
    ? plan.rows.map((row) => ({ ...row, ...(patch.get(String(row.offer_id)) ?? {}) }))
    : plan.rows;
  const inventoryWrite = upsertInventory(tabs.inventory, rows);
  const requests = [
    ...tabs.setup,
    ...inventoryWrite.requests,
    ...appendMoves(tabs.moves, plan.moves, options.lang, host),
    ...warehouse.requests,
  ];
  const calls = requests.length ? host.write(requests) : 0;
  return {
    moves: plan.moves,
    counts: plan.counts,
    alerts: plan.alerts,
    rows,
    index: plan.index,
    tabs,
    added: inventoryWrite.plan.added.length,
    updated: inventoryWrite.plan.updated.length,
    products: rows.length,
    calls: 3 + calls,
    ledger: {
      exists: true,
      moves: ledger.length + plan.moves.length,
      openings: openings + plan.counts.openings,
    },
    cellsWritten:
      inventoryWrite.plan.cellsWritten +
      plan.moves.length * movesSpec.columns.length +
      warehouse.cellsWritten,
  };
}

/** "Low stock: A, B and 3 more" for toasts and the digest; empty when nothing is low. */
export function alertText(lang: Lang, alerts: readonly AlertItem[], max = 5): string {
  if (!alerts.length) return '';
  const names = alerts
    .slice(0, max)
    .map((a) => a.offerId)
    .join(', ');
  const list =
    alerts.length > max
      ? t(lang, 'inventory.lowStockMore', { list: names, count: alerts.length - max })
      : names;
  return t(lang, 'inventory.lowStock', { list });
}
