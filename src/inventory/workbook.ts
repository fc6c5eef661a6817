// One pass over the inventory's tabs: read Inventory, Stock moves, Orders and Order lines once (three
// Sheets calls), plan with the pure core, and land every change through core/table/land: rows found
// by their keys at the write, checked after it, re-planned when the seller moved rows meanwhile.
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
import type { SheetsRequest } from '../core/table/requests';
import { prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';
import { landTables, type TableTarget, type TablesLanding } from '../core/table/land';
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
  /**
   * Sees every planned row (Inventory and Warehouse stock) before either beforeWrite runs; throws to
   * stop the pass before anything is sent to Ozon or written (a push that needs confirmation).
   */
  vet?: (planned: {
    rows: readonly RowValues[];
    warehouseRows: readonly RowValues[];
    tabs: InventoryTabs;
    perWarehouse: ReadonlySet<string>;
  }) => void;
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
  /** Sheets API calls: the reads (3 each) and the batchUpdate calls. */
  calls: number;
  cellsWritten: number;
  /** The ledger after this pass's write. */
  ledger: LedgerSize;
  /** Rows rewritten because the seller moved rows or columns while the pass wrote. */
  repaired: number;
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
  let vetted = !options.vet;
  const vet = (warehouseRows: readonly RowValues[]) => {
    if (vetted) return;
    vetted = true;
    options.vet?.({
      rows: plan.rows,
      warehouseRows,
      tabs,
      perWarehouse: new Set(warehouseRows.map((r) => String(r.offer_id))),
    });
  };
  const beforeWarehouseWrite = options.beforeWarehouseWrite;
  const warehouse = warehousePass({
    snapshot: snapshots.get(warehouseStockSpec.tab),
    listings: options.warehouseListings,
    moves: plan.moves,
    postings,
    beforeWrite:
      beforeWarehouseWrite || options.vet
        ? (rows) => {
            vet(rows);
            return beforeWarehouseWrite?.(rows) ?? new Map<string, RowValues>();
          }
        : undefined,
  });
  vet([]);
  const patch = options.beforeWrite?.(plan.rows, tabs, warehouse.offers);
  const rows = patch
    ? plan.rows.map((row) => ({ ...row, ...(patch.get(String(row.offer_id)) ?? {}) }))
    : plan.rows;
  // A push spent time at Ozon since the read: the tabs are read again right before the write, and
  // every row is found by its key then (the seller may have sorted, inserted or deleted rows).
  const pushed = Boolean(options.beforeWrite || options.beforeWarehouseWrite);
  const landing = landInventory(
    host,
    [
      { spec: inventorySpec, rows, decorate: inventoryFormatRules, create: true },
      { spec: movesSpec, rows: plan.moves.map((m) => moveRow(m, options.lang, host.offset)), create: true },
      ...(warehouse.target ? [{ spec: warehouseStockSpec, rows: warehouse.rows }] : []),
    ],
    pushed ? undefined : snapshots,
  );
  const inventoryPlan = landing.plans.get(inventorySpec.tab);
  return {
    moves: plan.moves,
    counts: plan.counts,
    alerts: plan.alerts,
    rows,
    index: plan.index,
    tabs,
    added: inventoryPlan?.added.length ?? 0,
    updated: inventoryPlan?.updated.length ?? 0,
    products: rows.length,
    ledger: {
      exists: true,
      moves: ledger.length + plan.moves.length,
      openings: openings + plan.counts.openings,
    },
    calls: landing.calls + 3,
    cellsWritten: [...landing.plans.values()].reduce((sum, p) => sum + p.cellsWritten, 0),
    repaired: landing.repaired,
  };
}

/** Lands rows through the host's one reader and writer, counting the Sheets calls it made. */
export function landInventory(
  host: InventoryHost,
  targets: readonly TableTarget[],
  read?: ReadonlyMap<string, TabSnapshot>,
): TablesLanding & { calls: number } {
  let calls = 0;
  const landing = landTables(
    {
      readTabs: (specs) => {
        calls += 3;
        return host.readTabs(specs);
      },
      write: (requests) => (calls += host.write(requests)),
    },
    targets,
    read,
  );
  return { ...landing, calls };
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
