// Ozon stock & replenishment: reads what Ozon holds of the seller's goods (stock by SKU × cluster, turnover,
// supply requests) and writes the Ozon stock, Replenishment and Supply requests tabs, plus FBO stock and
// days of cover in Inventory. Ozon is read first, without the lock; the tabs are then read and landed
// under the document lock, every row found again by its key when it is written (core/table/land).
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import { t, type Lang } from '../core/i18n/messages';
import { inventorySpec, readInventory } from '../core/inventory/tables';
import {
  isOpenSupply,
  offerTotals,
  replenishment,
  supplyIncoming,
  cellKey,
  type ClusterInfo,
  type StockCell,
  type SupplyRequest,
} from '../core/ozon-stock/plan';
import {
  levelText,
  ozonStockSpec,
  replenishmentRow,
  replenishmentSpec,
  stockRow,
  supplyRow,
  supplySpec,
} from '../core/ozon-stock/tables';
import { type TableTarget } from '../core/table/land';
import { prepareTab, type PreparedTab } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';
import { analyticsStocks, clusters, TURNOVER_INTERVAL_MS, turnoverPage } from '../ozon/analytics-stock';
import type { OzonClient } from '../ozon/client';
import type { AnalyticsStockItem, SupplyOrder, TurnoverItem } from '../ozon/schemas/analytics-stock';
import { SUPPLY_STATES, supplyContents, supplyOrderIds, supplyOrders } from '../ozon/supply';
import { ozonClientFor } from '../app/ozon';
import { appsScriptHost, withInventoryLock, type InventoryHost } from '../inventory/host';
import { landInventory } from '../inventory/workbook';

import { BUDGET, deadlineFrom } from '../app/budgets';
import { localDay } from '../core/time/serial';
import { targetCoverDays } from './settings';

const TURNOVER_OFFSET_KEY = 'ODESK_TURNOVER_OFFSET';
/** The Moscow day (spreadsheet time) of the last complete refresh; the hourly run refreshes once a day. */
export const OZON_STOCK_DAY_KEY = 'ODESK_OZON_STOCK_DAY';

export interface OzonStockSummary {
  cells: number;
  supplies: number;
  openSupplies: number;
  offersToSupply: number;
  turnoverRead: number;
  /** SKUs whose turnover waits for the next refresh (Ozon allows one turnover request a minute). */
  turnoverPending: number;
  message: string;
  sheetsCalls: number;
}

const num = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function toCell(item: AnalyticsStockItem, names: ReadonlyMap<number, string>): StockCell | null {
  const clusterId = item.cluster_id ?? item.macrolocal_cluster_id;
  if (clusterId === null || clusterId === undefined) return null;
  return {
    sku: String(item.sku),
    offerId: item.offer_id ?? '',
    name: item.name ?? '',
    clusterId,
    clusterName: item.cluster_name || names.get(clusterId) || String(clusterId),
    available: num(item.available_stock_count),
    transit: num(item.transit_stock_count),
    requested: num(item.requested_stock_count),
    excess: num(item.excess_stock_count),
    expiring: num(item.expiring_stock_count),
    defective: num(item.stock_defect_stock_count) + num(item.transit_defect_stock_count),
    adsCluster: num(item.ads_cluster),
    daysWithoutSales: num(item.days_without_sales_cluster),
    grade: item.turnover_grade_cluster ?? '',
  };
}

function toRequest(
  o: SupplyOrder,
  contents: ReadonlyMap<string, { sku: string; quantity: number }[]>,
): SupplyRequest {
  return {
    orderId: String(o.order_id),
    orderNumber: o.order_number ?? String(o.order_id),
    state: o.state ?? '',
    createdAt: o.created_date ?? null,
    stateUpdatedAt: o.state_updated_date ?? null,
    timeslotFrom: o.timeslot?.timeslot?.from ?? null,
    supplies: o.supplies.map((s) => ({
      clusterId: s.macrolocal_cluster_id ?? null,
      warehouseId: s.storage_warehouse?.warehouse_id ?? null,
      warehouseName: s.storage_warehouse?.name ?? '',
      items: contents.get(s.bundle_id ?? '') ?? [],
    })),
  };
}

interface OzonRead {
  cells: StockCell[];
  clusters: ClusterInfo[];
  requests: SupplyRequest[];
  suppliesRead: boolean;
  supplyProblem: string;
  turnover: TurnoverItem[];
  turnoverNext: number | null;
}

function describe(error: unknown, lang: Lang): string {
  return error instanceof AppError ? t(lang, error.key, error.params) : String(error);
}

/** Everything from Ozon, within the fetch budget. */
function readOzon(
  ctx: AppContext,
  client: OzonClient,
  skus: string[],
  fetchUntil: number,
  now: () => number,
): OzonRead {
  const cls = clusters(client).map((c) => ({ id: c.id, name: c.name, warehouseIds: c.warehouseIds }));
  const names = new Map(cls.map((c) => [c.id, c.name]));
  const cells = analyticsStocks(client, skus)
    .map((i) => toCell(i, names))
    .filter((c): c is StockCell => c !== null);

  let requests: SupplyRequest[] = [];
  let suppliesRead = true;
  let supplyProblem = '';
  try {
    const bounds = { clock: client.transport.clock, deadline: fetchUntil };
    const open = SUPPLY_STATES.filter(isOpenSupply);
    const closed = SUPPLY_STATES.filter((s) => !isOpenSupply(s));
    const ids = [
      ...supplyOrderIds(client, open, bounds),
      ...supplyOrderIds(client, closed, { ...bounds, maxPages: 1 }),
    ];
    const orders = supplyOrders(client, [...new Set(ids)]);
    const bundles = orders.flatMap((o) => o.supplies.map((s) => s.bundle_id ?? ''));
    const contents = supplyContents(client, bundles);
    requests = orders.map((o) => toRequest(o, contents));
  } catch (error) {
    // Without supply requests the analytics' own transit figures stand; the seller is told why.
    suppliesRead = false;
    supplyProblem = describe(error, ctx.lang);
  }

  // Turnover: one page a minute, from where the last refresh stopped, while the budget allows.
  const turnover: TurnoverItem[] = [];
  let next: number | null = Number(ctx.doc.get(TURNOVER_OFFSET_KEY) ?? 0) || 0;
  let first = true;
  while (next !== null && (first || now() + TURNOVER_INTERVAL_MS < fetchUntil)) {
    const page = turnoverPage(client, next);
    turnover.push(...page.items);
    next = page.next;
    first = false;
  }
  return { cells, clusters: cls, requests, suppliesRead, supplyProblem, turnover, turnoverNext: next };
}

/** Keys in the tab that are not among `keep` (rows Ozon no longer reports). */
function stale(tab: PreparedTab, keyColumn: string, keep: ReadonlySet<string>): Set<string> {
  const col = tab.positions.get(keyColumn);
  const out = new Set<string>();
  if (col === undefined || !tab.snapshot.exists) return out;
  for (const row of tab.snapshot.values.slice(1)) {
    const key = row[col];
    if (key !== '' && key !== null && key !== undefined && !keep.has(String(key))) out.add(String(key));
  }
  return out;
}

/** The seller's own targets typed into Replenishment (a whole number of days ≥ 1). */
function typedTargets(tab: PreparedTab): Map<string, number> {
  const out = new Map<string, number>();
  const keyCol = tab.positions.get('key');
  const targetCol = tab.positions.get('target_days');
  if (keyCol === undefined || targetCol === undefined || !tab.snapshot.exists) return out;
  for (const row of tab.snapshot.values.slice(1)) {
    const value = Number(row[targetCol]);
    if (row[targetCol] !== '' && Number.isInteger(value) && value >= 1 && value <= 365)
      out.set(String(row[keyCol]), value);
  }
  return out;
}

/** `until`: the entry point's deadline for Ozon's part; the reading stops early enough for the writes. */
export function refreshOzonStock(
  ctx: AppContext,
  host: InventoryHost = appsScriptHost(),
  until = deadlineFrom(host.now(), BUDGET.ozonStockOzon),
): OzonStockSummary {
  const client = ozonClientFor(ctx.user, until);
  const products = client.listProducts().items.filter((p) => !p.archived);
  const info = products.length ? client.productInfo({ product_id: products.map((p) => p.product_id) }) : [];
  const skus = info.map((i) => (i.sku ? String(i.sku) : '')).filter(Boolean);
  if (!skus.length) {
    return {
      cells: 0,
      supplies: 0,
      openSupplies: 0,
      offersToSupply: 0,
      turnoverRead: 0,
      turnoverPending: 0,
      message: t(ctx.lang, 'ozonStock.noSkus'),
      sheetsCalls: 0,
    };
  }
  const read = readOzon(ctx, client, skus, until - BUDGET.ozonStockWriteRoom, () => host.now());
  const target = targetCoverDays(ctx.doc);
  const incoming = read.suppliesRead
    ? supplyIncoming(read.requests, read.clusters)
    : new Map<string, number>();
  const fromSupplies = (c: StockCell) =>
    read.suppliesRead ? (incoming.get(cellKey(c.sku, c.clusterId)) ?? 0) : undefined;
  const turnoverBySku = new Map(read.turnover.filter((i) => i.sku).map((i) => [String(i.sku), i]));

  return withInventoryLock(() => {
    const specs = [ozonStockSpec, replenishmentSpec, supplySpec, inventorySpec];
    const snapshots = host.readTabs(specs);
    const stock = prepareTab(snapshots.get(ozonStockSpec.tab)!);
    const repl = prepareTab(snapshots.get(replenishmentSpec.tab)!);
    const invSnapshot = snapshots.get(inventorySpec.tab)!;

    const rowCtx = { lang: ctx.lang, offset: host.offset, now: host.now() };
    const stockRows = read.cells.map((c) => {
      const row = stockRow(c, fromSupplies(c), rowCtx);
      const turnover = turnoverBySku.get(c.sku);
      if (turnover) {
        row.turnover_days = turnover.turnover ?? turnover.idc ?? null;
        row.stock_grade = levelText(ctx.lang, turnover.idc_grade ?? '');
      }
      return row;
    });
    const stockKeys = new Set(stockRows.map((r) => String(r.key)));

    // Replenishment reads the seller's typed targets before it writes.
    const exact = new Map<string, number>();
    for (const c of read.cells) {
      const n = fromSupplies(c);
      if (n !== undefined) exact.set(cellKey(c.sku, c.clusterId), n);
    }
    const lines = replenishment(read.cells, exact, target, typedTargets(repl));
    const targets: TableTarget[] = [
      { spec: ozonStockSpec, rows: stockRows, remove: stale(stock, 'key', stockKeys), create: true },
      {
        spec: replenishmentSpec,
        rows: lines.map(replenishmentRow),
        remove: stale(repl, 'key', new Set(lines.map((l) => l.key))),
        create: true,
      },
      {
        spec: supplySpec,
        rows: read.suppliesRead ? read.requests.map((r) => supplyRow(r, read.clusters, rowCtx)) : [],
        create: true,
      },
    ];

    // Inventory gains FBO stock and days of cover for the offers it lists (it is not created here).
    if (invSnapshot.exists) {
      const inv = prepareTab(invSnapshot);
      const listed = readInventory(inv.snapshot.values.slice(1), inv.positions);
      const totals = offerTotals(read.cells, exact);
      const rows: RowValues[] = [];
      for (const offerId of listed.keys()) {
        const o = totals.get(offerId);
        rows.push({
          offer_id: offerId,
          fbo_stock: o?.available ?? 0,
          fbo_incoming: o?.incoming ?? 0,
          fbo_days_of_cover: o?.daysOfCover ?? null,
        });
      }
      targets.push({ spec: inventorySpec, rows });
    }
    // Every row is found again by its key when it is written (the seller may sort or delete meanwhile).
    const { calls } = landInventory(host, targets, snapshots);

    ctx.doc.set(OZON_STOCK_DAY_KEY, localDay(host.now(), host.offset));
    if (read.turnoverNext === null) ctx.doc.delete(TURNOVER_OFFSET_KEY);
    else ctx.doc.set(TURNOVER_OFFSET_KEY, String(read.turnoverNext));
    const pending = read.turnoverNext === null ? 0 : Math.max(0, skus.length - read.turnoverNext);
    const open = read.requests.filter((r) => isOpenSupply(r.state)).length;
    const offersToSupply = new Set(lines.filter((l) => l.toSend > 0).map((l) => l.offerId)).size;
    const message = [
      t(ctx.lang, 'ozonStock.refreshed', {
        cells: read.cells.length,
        supplies: read.requests.length,
        open,
        toSend: offersToSupply,
        target,
      }),
      pending ? t(ctx.lang, 'ozonStock.turnoverPending', { left: pending }) : '',
      read.suppliesRead ? '' : t(ctx.lang, 'ozonStock.suppliesUnread', { reason: read.supplyProblem }),
    ]
      .filter(Boolean)
      .join(' ');
    return {
      cells: read.cells.length,
      supplies: read.requests.length,
      openSupplies: open,
      offersToSupply,
      turnoverRead: read.turnover.length,
      turnoverPending: pending,
      message,
      sheetsCalls: 4 + calls,
    };
  });
}
