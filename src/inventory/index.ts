// Inventory use-cases: import products from Ozon, keep the ledger in step with orders (afterSync),
// record the seller's entries, push available stock to Ozon, and record returns received.
import type { AppContext } from '../app/context';
import { appsScriptClock } from '../adapters/http';
import { readJson, type KeyValueStore } from '../adapters/properties';
import { AppError } from '../core/errors';
import { t, type Lang } from '../core/i18n/messages';
import {
  indexLedger,
  manualKey,
  returnReceivedMove as buildReturnMove,
  type ReturnReceivedInput,
  type StockMove,
} from '../core/inventory/ledger';
import {
  importedProducts,
  ownStock,
  ownWarehouses,
  planPush,
  type OzonWarehouse,
  type PushRow,
} from '../core/inventory/ozon';
import type { RowValues } from '../core/table/spec';
import { readLedger } from '../core/inventory/tables';
import { stockFigures } from '../core/inventory/stock';
import { toSerial } from '../core/time/serial';
import type { z } from 'zod';
import type {
  InventorySettingsInput,
  InventorySettingsView,
  PushItemResult,
  PushStockResult,
  SharpCutPreview,
  StockMoveInput,
  StockMoveResult,
} from '../shared/inventory-schema';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { ozonClientFor } from '../app/ozon';
import { STOCK_PAIR_COOLDOWN_MS } from '../ozon/stock-pacing';
import { appsScriptHost, notify, withInventoryLock, type InventoryHost } from './host';
import {
  alertText,
  inventoryPass,
  landInventory,
  prepareInventoryTabs,
  type InventoryTabs,
  type LedgerSize,
} from './workbook';
import { sharpCut, type SharpCut, type StockChange } from '../core/inventory/sharp-cut';
import {
  inventoryFormatRules,
  inventorySpec,
  moveRow,
  movesSpec,
  reasonText,
  statusText,
} from '../core/inventory/tables';
import type { OzonClient } from '../ozon/client';
import { TARGET_COVER_KEY, targetCoverDays } from '../ozon-stock/settings';
import { stocksByWarehouse, type ProductWarehouseStock } from '../ozon/warehouse-stock';
import { planWarehousePush, type WarehouseListing } from '../core/inventory/warehouses';
import type { ImportedProduct } from '../core/inventory/ozon';
import { describeError } from '../app/handler';
import { refreshPricesWith } from './prices';

export const ENABLED_KEY = 'ODESK_INVENTORY';
export const PUSH_AFTER_SYNC_KEY = 'ODESK_PUSH_AFTER_SYNC';
const LAST_PUSH_KEY = 'ODESK_INVENTORY_LAST_PUSH';
/** When products were last imported: an offer still without a product ID then is not on Ozon. */
const LAST_IMPORT_KEY = 'ODESK_INVENTORY_LAST_IMPORT';

export interface RefreshSummary {
  shipments: number;
  cancellations: number;
  openings: number;
  /** Offers that are low, out or oversold (worst first, at most 20). */
  lowStock: string[];
  lowStockCount: number;
  /** "Low stock: …" text for a toast or a digest; empty when none. */
  lowStockText: string;
  message: string;
  sheetsCalls: number;
}

function summary(lang: Lang, pass: ReturnType<typeof inventoryPass>, message: string): RefreshSummary {
  return {
    shipments: pass.counts.shipments,
    cancellations: pass.counts.cancellations,
    openings: pass.counts.openings,
    lowStock: pass.alerts.slice(0, 20).map((a) => a.offerId),
    lowStockCount: pass.alerts.length,
    lowStockText: alertText(lang, pass.alerts),
    message,
    sheetsCalls: pass.calls,
  };
}

function refreshMessage(lang: Lang, pass: ReturnType<typeof inventoryPass>): string {
  return [
    t(lang, 'inventory.refreshed', {
      shipments: pass.counts.shipments,
      cancellations: pass.counts.cancellations,
    }),
    alertText(lang, pass.alerts),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The ledger's size after the last pass: a smaller one later means moves or openings were deleted. */
export const LEDGER_SEEN_KEY = 'ODESK_LEDGER_SEEN';

/**
 * Refuses to rebuild or push from a damaged ledger (the Stock moves tab deleted, rows or opening
 * counts gone): figures from it would be wrong, and pushed to Ozon. Restoring the tab (undo, version
 * history) or importing products again clears it.
 */
function ledgerGuard(ctx: AppContext): (found: LedgerSize) => void {
  return (found) => {
    const seen = readJson<LedgerSize>(ctx.doc, LEDGER_SEEN_KEY);
    if (!seen || !seen.moves) return;
    if (found.exists && found.moves >= seen.moves && found.openings >= seen.openings) return;
    throw new AppError('inventory.ledgerDamaged', 'error.inventory.ledgerDamaged', {
      seen: seen.moves,
      found: found.exists ? found.moves : 0,
      openings: seen.openings,
      left: found.exists ? found.openings : 0,
    });
  };
}

function noteLedger(ctx: AppContext, pass: { ledger: LedgerSize }): void {
  ctx.doc.set(LEDGER_SEEN_KEY, JSON.stringify(pass.ledger));
}

/** Recomputes Inventory from the orders and the ledger, appending the moves orders call for. */
export function refreshInventory(ctx: AppContext, host: InventoryHost = appsScriptHost()): RefreshSummary {
  return withInventoryLock(() => {
    const pass = inventoryPass(host, { lang: ctx.lang, checkLedger: ledgerGuard(ctx) });
    noteLedger(ctx, pass);
    ctx.doc.set(ENABLED_KEY, 'on');
    return summary(ctx.lang, pass, refreshMessage(ctx.lang, pass));
  });
}

export interface AfterSyncResult extends RefreshSummary {
  /** False when the seller has not started using the inventory (nothing was read or written). */
  ran: boolean;
  push?: PushStockResult;
  /** For the Sync log: why stock was not recomputed or pushed after the sync (empty when it was). */
  note?: string;
}

/**
 * Called by the orders sync after each run (hourly trigger and menu). Does nothing, at no cost, until
 * the seller has imported products or recorded a move in this spreadsheet. Otherwise one pass: the
 * new shipment/cancellation moves (idempotent: a repeated or resumed call adds nothing) and fresh
 * figures; then, when ODESK_PUSH_AFTER_SYNC is on, pushes the offers whose available stock changed.
 * Never throws: a failure comes back as the message. Safe inside the sync's document lock.
 */
/** `until`: the sync's deadline; the push after sync stops there too. */
export function afterSync(
  ctx: AppContext,
  until: number,
  host: InventoryHost = appsScriptHost(),
): AfterSyncResult {
  const idle: AfterSyncResult = {
    ran: false,
    shipments: 0,
    cancellations: 0,
    openings: 0,
    lowStock: [],
    lowStockCount: 0,
    lowStockText: '',
    message: '',
    sheetsCalls: 0,
  };
  if (ctx.doc.get(ENABLED_KEY) !== 'on') return idle;
  try {
    const result: AfterSyncResult = { ...refreshInventory(ctx, host), ran: true };
    if (ctx.doc.get(PUSH_AFTER_SYNC_KEY) === 'on') {
      result.push = pushStock(ctx, { onlyChanged: true, notify: false, afterSync: true }, host, until);
      if (result.push.needsConfirmation) result.note = result.push.message;
    }
    return result;
  } catch (error) {
    // Said in the Sync log: the ledger guard's refusal, or any other reason stock was not kept up.
    const detail = error instanceof AppError ? t(ctx.lang, error.key, error.params) : String(error);
    return {
      ...idle,
      ran: true,
      message: detail,
      note: t(ctx.lang, 'inventory.afterSync.failed', { reason: detail }),
    };
  }
}

/** Fills Inventory from Ozon's products and stock; the first import opens each offer's ledger. */
export function importProducts(ctx: AppContext, host: InventoryHost = appsScriptHost()): RefreshSummary {
  const client = ozonClientFor(ctx.user, deadlineFrom(host.now(), BUDGET.inventoryOzon));
  const list = client.listProducts().items;
  const ids = list.filter((p) => !p.archived).map((p) => p.product_id);
  const info = ids.length ? client.productInfo({ product_id: ids }) : [];
  const stocks = client.listStocks().items;
  const warehouses = ownWarehouses(client.warehouses().items);
  // Which warehouse holds what: per-warehouse stock, not the deprecated items.stocks.warehouse_ids.
  const perWarehouse = stocksByWarehouse(
    client,
    info.map((i) => (i.sku ? String(i.sku) : '')),
  );
  const own = new Set(warehouses.map((w) => String(w.id)));
  const holders = new Map<string, string[]>();
  for (const s of perWarehouse)
    if (own.has(s.warehouseId))
      holders.set(s.productId, [...(holders.get(s.productId) ?? []), s.warehouseId]);
  const products = importedProducts(list, info, stocks, warehouses, holders);
  const listings = warehouseListings(products, perWarehouse, warehouses);
  return withInventoryLock(() => {
    const pass = inventoryPass(host, {
      lang: ctx.lang,
      imported: products,
      ...(listings.length ? { warehouseListings: listings } : {}),
    });
    noteLedger(ctx, pass); // a re-import is the seller's fresh start of the ledger
    ctx.doc.set(ENABLED_KEY, 'on');
    ctx.doc.set(LAST_IMPORT_KEY, String(host.now()));
    // Ozon's prices beside the stock; the import stands even when they cannot be read now.
    let pricesNote = '';
    try {
      refreshPricesWith(ctx, client, host);
    } catch (error) {
      const d = describeError(error, ctx.lang);
      pricesNote = t(ctx.lang, 'prices.failed', { reason: d.ok ? '' : d.error.message });
    }
    const message = [
      t(ctx.lang, 'inventory.imported', {
        products: products.length,
        added: pass.added,
        openings: pass.counts.openings,
      }),
      alertText(ctx.lang, pass.alerts),
      pricesNote,
    ]
      .filter(Boolean)
      .join(' ');
    return summary(ctx.lang, pass, message);
  });
}

/** A receipt, write-off or count from the sidebar; checks the offer and that stock stays ≥ 0. */
export function recordStockMove(
  ctx: AppContext,
  input: z.output<typeof StockMoveInput>,
  host: InventoryHost = appsScriptHost(),
): StockMoveResult {
  return withInventoryLock(() => {
    const snapshots = host.readTabs([inventorySpec, movesSpec]);
    const tabs = prepareInventoryTabs(snapshots);
    const row = tabs.inventoryRows.get(input.offerId);
    if (!row) {
      throw new AppError(
        'inventory.unknownOffer',
        'error.inventory.offerId.unknown',
        { offerId: input.offerId },
        'offerId',
      );
    }
    const ledger = readLedger(
      tabs.moves.snapshot.exists ? tabs.moves.snapshot.values.slice(1) : [],
      tabs.moves.positions,
      host.offset,
    );
    const index = indexLedger(ledger);
    const onHand = index.onHand.get(input.offerId) ?? 0;
    let quantity = input.quantity;
    let reference = input.note;
    if (input.reason === 'write_off') {
      if (input.quantity > onHand) {
        throw new AppError(
          'inventory.negative',
          'error.inventory.writeOff.tooMany',
          { offerId: input.offerId, onHand, quantity: input.quantity },
          'quantity',
        );
      }
      quantity = -input.quantity;
    } else if (input.reason === 'count') {
      quantity = input.quantity - onHand;
      reference = [t(ctx.lang, 'inventory.ref.counted', { count: input.quantity }), input.note]
        .filter(Boolean)
        .join('; ');
    }
    const now = host.now();
    const move: StockMove = {
      when: now,
      offerId: input.offerId,
      quantity,
      reason: input.reason,
      reference,
      who: host.user(),
      key: manualKey(`${now.toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`),
    };
    const figures = stockFigures({
      onHand: onHand + quantity,
      reserved: row.reserved ?? 0,
      shipped30: 0,
      reorderPoint: row.reorderPoint,
      ozonStock: row.ozonStock,
    });
    // Days of cover keep the last pass's pace; only this offer's row changes.
    const pace = row.daysOfCover && row.available && row.available > 0 ? row.available / row.daysOfCover : 0;
    const cover = pace > 0 ? Math.round((Math.max(0, figures.available) / pace) * 10) / 10 : null;
    const cells = {
      offer_id: input.offerId,
      on_hand: figures.onHand,
      available: figures.available,
      difference: figures.difference,
      status: statusText(ctx.lang, figures.status),
      status_code: figures.status,
      days_of_cover: cover,
      last_movement: toSerial(now, host.offset),
    };
    // Each row found by its key at the write (the seller may sort or insert rows meanwhile).
    landInventory(
      host,
      [
        { spec: inventorySpec, rows: [cells], decorate: inventoryFormatRules, create: true },
        { spec: movesSpec, rows: [moveRow(move, ctx.lang, host.offset)], create: true },
      ],
      snapshots,
    );
    ctx.doc.set(ENABLED_KEY, 'on');
    return {
      offerId: input.offerId,
      quantity,
      onHand: figures.onHand,
      available: figures.available,
      status: figures.status,
      message: t(ctx.lang, 'inventory.recorded', {
        reason: reasonText(ctx.lang, input.reason),
        offerId: input.offerId,
        onHand: figures.onHand,
        available: figures.available,
      }),
    };
  });
}

/**
 * A seller with several active warehouses of their own gets a Warehouse stock row per offer × warehouse
 * Ozon lists the offer at; with one warehouse, Inventory alone tells the story.
 */
function warehouseListings(
  products: readonly ImportedProduct[],
  perWarehouse: readonly ProductWarehouseStock[],
  warehouses: readonly OzonWarehouse[],
): WarehouseListing[] {
  const active = new Map(warehouses.filter((w) => w.active).map((w) => [String(w.id), w]));
  if (active.size < 2) return [];
  const byId = new Map(products.map((p) => [p.productId, p]));
  const out: WarehouseListing[] = [];
  for (const s of perWarehouse) {
    const product = byId.get(s.productId);
    const warehouse = active.get(s.warehouseId);
    if (!product || !warehouse) continue;
    out.push({
      offerId: product.offerId,
      productId: product.productId,
      name: product.name,
      warehouseId: s.warehouseId,
      warehouse: warehouse.name,
      present: s.present,
      reserved: s.reserved,
    });
  }
  return out;
}

function warehouseList(client: OzonClient): OzonWarehouse[] {
  return ownWarehouses(client.warehouses().items);
}

function itemReason(lang: Lang, errors: { code: string; message: string }[]): string {
  const text = errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
  return t(lang, 'inventory.push.error', { message: text || '?' });
}

/** What pushStock takes: the trigger's push after sync never asks; the menu and the sidebar do. */
export interface PushOptions {
  onlyChanged: boolean;
  notify: boolean;
  /** The token of the sharp cut the seller confirmed (from an earlier answer's needsConfirmation). */
  confirmCut?: string;
  /** After a sync: a sharp cut is skipped with a message for the Sync log, never asked about. */
  afterSync?: boolean;
}

/** Stops the pass before anything reaches Ozon: the push would cut stock sharply, unconfirmed. */
class CutNeedsConfirmation extends Error {
  constructor(readonly cut: SharpCut) {
    super('sharp cut');
  }
}

function pushRows(
  planned: readonly RowValues[],
  tabs: InventoryTabs,
  perWarehouse: ReadonlySet<string>,
): (PushRow & { onHand: number; ozonStock: number | null })[] {
  const read = tabs.inventoryRows;
  // Offers kept per warehouse go out per warehouse, each with its own figure.
  return planned
    .filter((row) => !perWarehouse.has(String(row.offer_id)))
    .map((row) => {
      const offerId = String(row.offer_id);
      const before = read.get(offerId);
      return {
        offerId,
        productId: String(row.product_id ?? before?.productId ?? ''),
        warehouse: String(row.warehouse ?? before?.warehouse ?? ''),
        available: Number(row.available),
        onHand: Number(row.on_hand),
        pushedStock: before?.pushedStock ?? null,
        ozonStock: typeof row.ozon_stock === 'number' ? row.ozon_stock : (before?.ozonStock ?? null),
      };
    });
}

const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Every pair this push would send with the figure Ozon has for it now (what was last pushed there,
 * else Ozon's stock as read), and how many pairs a full push covers: the sharp-cut rule's input.
 */
function stockChanges(
  planned: {
    rows: readonly RowValues[];
    warehouseRows: readonly RowValues[];
    tabs: InventoryTabs;
    perWarehouse: ReadonlySet<string>;
  },
  warehouses: readonly OzonWarehouse[],
  onlyChanged: boolean,
): { changes: StockChange[]; pairs: number } {
  const rows = pushRows(planned.rows, planned.tabs, planned.perWarehouse);
  const byOffer = new Map(rows.map((r) => [r.offerId, r]));
  const names = new Map(warehouses.map((w) => [w.id, w.name]));
  const changes: StockChange[] = planPush(rows, warehouses, onlyChanged).items.map((item) => {
    const row = byOffer.get(item.offer_id);
    return {
      key: `${item.offer_id}@${item.warehouse_id}`,
      offerId: item.offer_id,
      warehouse: names.get(item.warehouse_id) ?? String(item.warehouse_id),
      from: row?.pushedStock ?? row?.ozonStock ?? null,
      to: item.stock,
    };
  });
  const pushed = new Map(
    planned.warehouseRows.map((r) => [String(r.key), numberOrNull(r.pushed_stock)] as const),
  );
  const byKey = new Map(planned.warehouseRows.map((r) => [String(r.key), r]));
  for (const item of planWarehousePush(planned.warehouseRows, pushed, onlyChanged)) {
    const row = byKey.get(item.key);
    changes.push({
      key: item.key,
      offerId: item.offer_id,
      warehouse: String(row?.warehouse ?? item.warehouse_id),
      from: pushed.get(item.key) ?? numberOrNull(row?.ozon_present),
      to: item.stock,
    });
  }
  const pairs =
    planPush(rows, warehouses, false).items.length +
    planWarehousePush(planned.warehouseRows, pushed, false).length;
  return { changes, pairs };
}

const EXAMPLES = 5;

function cutPreview(lang: Lang, cut: SharpCut): SharpCutPreview {
  const examples = cut.cuts.slice(0, EXAMPLES).map((c) => ({
    offerId: c.offerId,
    warehouse: c.warehouse,
    from: c.from ?? 0,
    to: c.to,
  }));
  const list = examples.map((e) => t(lang, 'inventory.sharpCut.item', e)).join(', ');
  const more = cut.cuts.length - examples.length;
  return {
    token: cut.token,
    count: cut.cuts.length,
    pairs: cut.pairs,
    examples,
    text: more > 0 ? t(lang, 'inventory.sharpCut.more', { list, count: more }) : list,
  };
}

/**
 * Sends available stock per offer to its warehouse (≤100 pairs a request, ≤80 requests a minute, each
 * pair at most once per 30 s: the client paces all three) and reports every item: updated, refused
 * by Ozon (its per-item errors), or skipped here (no product, no or unknown warehouse). The figures
 * are refreshed first, so what goes out is current; what was sent is kept in the hidden
 * "Pushed stock" column, and Ozon's own figure is re-read afterwards. A push that would cut stock
 * sharply for many products (core/inventory/sharp-cut) sends and writes nothing unless `confirmCut`
 * names that very cut: the answer's needsConfirmation says what would be cut, for the seller to confirm.
 */
export function pushStock(
  ctx: AppContext,
  options: PushOptions,
  host: InventoryHost = appsScriptHost(),
  until = deadlineFrom(host.now(), BUDGET.inventoryOzon),
): PushStockResult {
  const client = ozonClientFor(ctx.user, until);
  const warehouses = warehouseList(client);
  const result: PushStockResult = { updated: [], failed: [], skipped: [], message: '' };
  const cooldown = pushCooldown(ctx, until);
  try {
    withInventoryLock(() => {
      const pass = inventoryPass(host, {
        lang: ctx.lang,
        checkLedger: ledgerGuard(ctx),
        vet: (planned) => {
          const { changes, pairs } = stockChanges(planned, warehouses, options.onlyChanged);
          const cut = sharpCut(changes, pairs);
          if (cut && cut.token !== options.confirmCut) throw new CutNeedsConfirmation(cut);
        },
        beforeWarehouseWrite: (rows) =>
          sendWarehouseStock(ctx, client, rows, options.onlyChanged, result, cooldown),
        beforeWrite: (planned, tabs, perWarehouse) =>
          sendStock(
            ctx,
            client,
            warehouses,
            pushRows(planned, tabs, perWarehouse),
            options.onlyChanged,
            result,
            cooldown,
          ),
      });
      noteLedger(ctx, pass);
      ctx.doc.set(ENABLED_KEY, 'on');
    });
  } catch (error) {
    if (!(error instanceof CutNeedsConfirmation)) throw error;
    const preview = cutPreview(ctx.lang, error.cut);
    const params = { count: preview.count, pairs: preview.pairs, list: preview.text };
    result.needsConfirmation = preview;
    result.message = t(
      ctx.lang,
      options.afterSync
        ? 'inventory.sharpCut.skipped'
        : options.confirmCut
          ? 'inventory.sharpCut.changed'
          : 'inventory.sharpCut.ask',
      params,
    );
    if (options.notify) notify(result.message, t(ctx.lang, 'inventory.title'));
    return result;
  }
  result.message =
    result.updated.length || result.failed.length || result.skipped.length
      ? t(ctx.lang, 'inventory.pushed', {
          updated: result.updated.length,
          failed: result.failed.length,
          skipped: result.skipped.length,
        })
      : t(ctx.lang, 'inventory.pushNothing');
  if (options.notify) notify(result.message, t(ctx.lang, 'inventory.title'));
  return result;
}

/**
 * Push stock from the menu or the sidebar. A sharp cut is refused until confirmed: the sidebar shows
 * the answer's needsConfirmation and calls again with its token; the menu asks YES/NO in a dialog.
 */
export function pushStockNow(
  ctx: AppContext,
  input: { source: 'menu' | 'sidebar'; confirmCut?: string },
  ask: (title: string, question: string) => boolean,
  host: InventoryHost = appsScriptHost(),
): PushStockResult {
  const push = (confirmCut?: string) =>
    pushStock(ctx, { onlyChanged: false, notify: false, ...(confirmCut ? { confirmCut } : {}) }, host);
  const first = push(input.confirmCut);
  const cut = first.needsConfirmation;
  if (!cut || input.source === 'sidebar') return first;
  const question = t(ctx.lang, 'inventory.sharpCut.question', {
    count: cut.count,
    pairs: cut.pairs,
    list: cut.text,
  });
  if (!ask(t(ctx.lang, 'inventory.sharpCut.title'), question))
    return { ...first, message: t(ctx.lang, 'inventory.sharpCut.declined', { count: cut.count }) };
  return push(cut.token);
}

function sendStock(
  ctx: AppContext,
  client: OzonClient,
  warehouses: OzonWarehouse[],
  rows: (PushRow & { onHand: number })[],
  onlyChanged: boolean,
  result: PushStockResult,
  cooldown: () => void,
): Map<string, RowValues> {
  const plan = planPush(rows, warehouses, onlyChanged);
  for (const s of plan.skipped) {
    result.skipped.push({
      offerId: s.offerId,
      warehouse: s.warehouse,
      stock: 0,
      // Right after an import, an offer without a product ID is not among the seller's Ozon products:
      // advising another import would send them round in a circle.
      reason:
        s.reason === 'no_product' && ctx.doc.get(LAST_IMPORT_KEY)
          ? t(ctx.lang, 'inventory.skip.not_on_ozon')
          : t(ctx.lang, `inventory.skip.${s.reason}`, { warehouse: s.warehouse }),
    });
  }
  const patch = new Map<string, RowValues>();
  if (!plan.items.length) return patch;
  cooldown();
  const answers = client.setStocks(plan.items);
  ctx.doc.set(LAST_PUSH_KEY, String(Date.now()));
  const names = new Map(warehouses.map((w) => [w.id, w.name]));
  for (const a of answers) {
    const item: PushItemResult = {
      offerId: a.offer_id ?? '',
      warehouse: names.get(a.warehouse_id) ?? String(a.warehouse_id),
      stock: a.stock,
      reason: '',
    };
    if (a.updated) {
      result.updated.push(item);
      patch.set(item.offerId, { pushed_stock: a.stock });
    } else {
      result.failed.push({ ...item, reason: itemReason(ctx.lang, a.errors) });
    }
  }
  // Ozon's own figure after the update, read back rather than assumed.
  try {
    const onHand = new Map(rows.map((r) => [r.offerId, r.onHand]));
    for (const s of client.listStocks().items) {
      if (!onHand.has(s.offer_id)) continue;
      const ozon = ownStock(s).present;
      patch.set(s.offer_id, {
        ...(patch.get(s.offer_id) ?? {}),
        ozon_stock: ozon,
        difference: (onHand.get(s.offer_id) ?? 0) - ozon,
      });
    }
  } catch {
    // The push itself is done; Ozon's column is refreshed at the next import or push.
  }
  return patch;
}

/** The 30-second rule spans executions: wait out the rest of it after a push moments ago (once a push). */
function pushCooldown(ctx: AppContext, until: number): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    // The 30-second rule spans executions: wait out the rest of it after a push moments ago, but
    // never past the call's deadline (without the wait, Ozon refuses the pairs item by item).
    const last = Number(ctx.doc.get(LAST_PUSH_KEY) ?? 0);
    const wait = last + STOCK_PAIR_COOLDOWN_MS - Date.now();
    if (wait > 0 && wait <= STOCK_PAIR_COOLDOWN_MS && Date.now() + wait < until)
      appsScriptClock().sleep(wait);
  };
}

/** Sends each Warehouse stock row its own available figure; the row keeps what was sent. */
function sendWarehouseStock(
  ctx: AppContext,
  client: OzonClient,
  rows: readonly RowValues[],
  onlyChanged: boolean,
  result: PushStockResult,
  cooldown: () => void,
): Map<string, RowValues> {
  const patch = new Map<string, RowValues>();
  const pushed = new Map(rows.map((r) => [String(r.key), (r.pushed_stock as number | null) ?? null]));
  const items = planWarehousePush(rows, pushed, onlyChanged);
  if (!items.length) return patch;
  cooldown();
  const answers = client.setStocks(items.map(({ key: _key, ...item }) => item));
  ctx.doc.set(LAST_PUSH_KEY, String(Date.now()));
  const byPair = new Map(items.map((i) => [`${i.product_id}:${i.warehouse_id}`, i]));
  const names = new Map(rows.map((r) => [String(r.warehouse_id), String(r.warehouse)]));
  for (const a of answers) {
    const item = byPair.get(`${a.product_id}:${a.warehouse_id}`);
    const out: PushItemResult = {
      offerId: a.offer_id ?? item?.offer_id ?? '',
      warehouse: names.get(String(a.warehouse_id)) ?? String(a.warehouse_id),
      stock: a.stock,
      reason: '',
    };
    if (a.updated && item) {
      result.updated.push(out);
      patch.set(item.key, { pushed_stock: a.stock });
    } else result.failed.push({ ...out, reason: itemReason(ctx.lang, a.errors) });
  }
  return patch;
}

/**
 * For the customer-service feature: records returns received back on the shelf. Idempotent by return
 * id, posting and offer (calling again with the same return adds nothing), and what comes back for a
 * posting never exceeds what left for it (a cancellation after packing may already have put it back).
 * Takes the document lock unless the caller already holds it. Returns the moves actually written.
 */
export function returnReceivedMove(
  ctx: AppContext,
  inputs: readonly Omit<ReturnReceivedInput, 'who' | 'when'>[],
  host: InventoryHost = appsScriptHost(),
): StockMove[] {
  if (!inputs.length) return [];
  return withInventoryLock(() => {
    const now = host.now();
    const who = host.user();
    // Built against the ledger as it stands, one after another, so two returns of one posting share the cap.
    const snapshots = host.readTabs([inventorySpec, movesSpec]);
    const tabs = prepareInventoryTabs(snapshots);
    const index = indexLedger(
      readLedger(
        tabs.moves.snapshot.exists ? tabs.moves.snapshot.values.slice(1) : [],
        tabs.moves.positions,
        host.offset,
      ),
    );
    const extra: StockMove[] = [];
    for (const input of inputs) {
      const move = buildReturnMove({ ...input, when: now, who }, index);
      if (!move) continue;
      extra.push(move);
      index.keys.add(move.key);
      const k = `${input.postingNumber}\u0000${input.offerId}`;
      index.returned.set(k, (index.returned.get(k) ?? 0) + move.quantity);
    }
    if (!extra.length) return [];
    const pass = inventoryPass(host, { lang: ctx.lang, extra });
    ctx.doc.set(ENABLED_KEY, 'on');
    return pass.moves.filter((m) => m.reason === 'return');
  });
}

export function readInventorySettings(doc: KeyValueStore): InventorySettingsView {
  return {
    pushAfterSync: doc.get(PUSH_AFTER_SYNC_KEY) === 'on',
    targetCoverDays: targetCoverDays(doc),
    enabled: doc.get(ENABLED_KEY) === 'on',
  };
}

export function saveInventorySettings(
  doc: KeyValueStore,
  input: z.output<typeof InventorySettingsInput>,
): InventorySettingsView {
  doc.set(PUSH_AFTER_SYNC_KEY, input.pushAfterSync ? 'on' : 'off');
  if (input.targetCoverDays !== undefined) doc.set(TARGET_COVER_KEY, String(input.targetCoverDays));
  return readInventorySettings(doc);
}
