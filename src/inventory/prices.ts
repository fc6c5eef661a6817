// Prices in Inventory. "Refresh prices" (and every import) writes Ozon's current prices, the margin at
// the price and the quantity discount into each offer's row; "Update prices" sends what the seller
// marked (New price, My min price, a quantity discount), checked here first against the seller's
// minimum and their costs, and reports on every row. Price imports and quantity-discount changes are
// never re-sent after a lost answer: Ozon's prices are read back and the row says what happened.
import type { AppContext } from '../app/context';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { describeError } from '../app/handler';
import { ozonClientFor } from '../app/ozon';
import { minorToNumber, numberToMinor } from '../core/finance/minor';
import type { FeeRates } from '../core/finance/profit';
import { t, type Lang, type MessageKey, type MessageParams } from '../core/i18n/messages';
import {
  decidePrice,
  isMarked,
  readPriceMarks,
  stairwayText,
  type PriceMarks,
  type PriceVerdict,
  type StairwayNow,
} from '../core/inventory/prices';
import { inventoryFormatRules, inventorySpec } from '../core/inventory/tables';
import { listedRates } from '../core/promotions/plan';
import { prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { Cell, RowValues, TableSpec } from '../core/table/spec';
import { toSerial } from '../core/time/serial';
import type { OzonClient } from '../ozon/client';
import { isUnclearAction } from '../ozon/outcome';
import { PRICES_PER_REQUEST, STAIRWAYS_PER_REQUEST, type PriceUpdate } from '../ozon/promotions';
import { chunks } from '../ozon/body';
import { marginBook, type MarginBook } from '../promotions/margin';
import type { PriceItemResult, UpdatePricesResult } from '../shared/inventory-schema';
import { appsScriptHost, notify, withInventoryLock, type InventoryHost } from './host';
import { landInventory } from './workbook';

/** Ozon's prices of one product, money in minor units. */
export interface OzonPrice {
  productId: number;
  offerId: string;
  currency: string;
  price: number | null;
  oldPrice: number | null;
  minPrice: number | null;
  sellerPrice: number | null;
  listed: FeeRates | null;
}

type L = (key: MessageKey, params?: MessageParams) => string;

const PRICES_PER_READ = 1000;
const money = (minor: number | null | undefined) =>
  minor === null || minor === undefined ? null : minorToNumber(minor);
const toMinor = (v: number | null | undefined) => (typeof v === 'number' ? numberToMinor(v) : null);
const amountText = (minor: number) => minorToNumber(minor).toFixed(2);

/** "YYYY-MM" in Moscow: the month whose exchange rate prices a cost. */
const moscowMonth = (now: number) => new Date(now + 3 * 3_600_000).toISOString().slice(0, 7);

/** Inventory with New price and the discount cells writable: "Update prices" empties them once applied. */
const clearingSpec: TableSpec = {
  ...inventorySpec,
  columns: inventorySpec.columns.map((c) =>
    c.key === 'new_price' || c.key === 'qty_from' || c.key === 'qty_percent' ? { ...c, role: 'sync' } : c,
  ),
};

/** Ozon's current prices of the given products (≤1000 a read), by product id. */
export function ozonPrices(client: OzonClient, productIds: readonly number[]): Map<number, OzonPrice> {
  const out = new Map<number, OzonPrice>();
  for (const group of chunks([...new Set(productIds)], PRICES_PER_READ)) {
    const page = client.pricesPage({ product_id: group.map(String) }, '', PRICES_PER_READ);
    for (const item of page.items) {
      out.set(item.product_id, {
        productId: item.product_id,
        offerId: item.offer_id,
        currency: item.price?.currency_code || 'RUB',
        price: toMinor(item.price?.price),
        oldPrice: toMinor(item.price?.old_price),
        minPrice: toMinor(item.price?.min_price),
        sellerPrice: toMinor(item.price?.marketing_seller_price),
        listed: listedRates(item, (item as { commissions?: unknown }).commissions),
      });
    }
  }
  return out;
}

function stairways(
  client: OzonClient,
  skus: readonly number[],
): Map<number, StairwayNow & { status: string }> {
  const out = new Map<number, StairwayNow & { status: string }>();
  if (!skus.length) return out;
  for (const s of client.stairwayDiscounts(skus))
    out.set(s.sku, {
      enabled: Boolean(s.enabled),
      status: s.status ?? '',
      steps: (s.stairway?.steps ?? []).map((x) => ({
        step: x.step,
        quantity: x.quantity,
        discount: x.discount,
      })),
    });
  return out;
}

/** The Ozon cells of an offer's row. */
function ozonCells(p: OzonPrice, s: StairwayNow | undefined, book: MarginBook, L: L): RowValues {
  const found = p.price !== null ? book.at(p.offerId, p.listed, p.price, p.currency).profit : null;
  return {
    price: money(p.price),
    old_price: money(p.oldPrice),
    min_price: money(p.minPrice),
    seller_price: money(p.sellerPrice),
    currency: p.currency,
    margin: found?.margin ?? null,
    qty_discount_now: stairwayText(s ?? null, (quantity, percent) =>
      L('prices.qty.step', { quantity, percent }),
    ),
  };
}

interface InventoryRead {
  tab: PreparedTab;
  snapshots: Map<string, TabSnapshot>;
  marks: PriceMarks[];
}

function readInventoryTab(host: InventoryHost): InventoryRead {
  const snapshots = host.readTabs([inventorySpec]);
  const tab = prepareTab(snapshots.get(inventorySpec.tab) as TabSnapshot, inventoryFormatRules);
  const marks: PriceMarks[] = [];
  if (tab.snapshot.exists)
    for (const row of tab.snapshot.values.slice(1)) {
      const m = readPriceMarks(row, tab.positions);
      if (m) marks.push(m);
    }
  return { tab, snapshots, marks };
}

/** Ozon's cells for every offer of `marks` (one price read per 1000 products, one discount read). */
function freshCells(
  client: OzonClient,
  marks: readonly PriceMarks[],
  book: MarginBook,
  L: L,
): Map<string, RowValues> {
  const prices = ozonPrices(
    client,
    marks.flatMap((m) => (m.productId === null ? [] : [m.productId])),
  );
  // Quantity discounts are a beta method at Ozon: without them the prices are still shown.
  let stairs: Map<number, StairwayNow> | null = null;
  try {
    stairs = stairways(
      client,
      marks.flatMap((m) => (m.sku === null ? [] : [m.sku])),
    );
  } catch {
    stairs = null;
  }
  const out = new Map<string, RowValues>();
  for (const m of marks) {
    const p = m.productId === null ? undefined : prices.get(m.productId);
    if (!p) continue;
    const cells = ozonCells(p, m.sku === null ? undefined : stairs?.get(m.sku), book, L);
    if (!stairs) delete cells.qty_discount_now;
    out.set(m.offerId, cells);
  }
  return out;
}

/**
 * Writes Ozon's prices into Inventory. The caller holds the lock; `client` carries its deadline.
 * Returns how many rows got prices.
 */
export function refreshPricesWith(ctx: AppContext, client: OzonClient, host: InventoryHost): number {
  const L: L = (k, p) => t(ctx.lang, k, p);
  const read = readInventoryTab(host);
  if (!read.tab.snapshot.exists || !read.marks.length) return 0;
  const cells = freshCells(client, read.marks, marginBook(moscowMonth(host.now())), L);
  const checked = toSerial(host.now(), host.offset);
  const rows = [...cells].map(([offerId, c]) => ({ offer_id: offerId, ...c, prices_checked_at: checked }));
  // Ozon was called since the read: the tab is read again at the write and rows found by key.
  landInventory(host, [{ spec: inventorySpec, rows, decorate: inventoryFormatRules }]);
  return rows.length;
}

/** Menu "Refresh prices". */
export function refreshPrices(
  ctx: AppContext,
  host: InventoryHost = appsScriptHost(),
): { count: number; message: string } {
  const client = ozonClientFor(ctx.user, deadlineFrom(host.now(), BUDGET.inventoryOzon));
  return withInventoryLock(() => {
    const count = refreshPricesWith(ctx, client, host);
    return {
      count,
      message: count ? t(ctx.lang, 'prices.refreshed', { count }) : t(ctx.lang, 'prices.noInventory'),
    };
  });
}

interface RowOutcome {
  price?: { ok: boolean; counted: 'updated' | 'unchanged' | 'refused' | 'failed'; text: string };
  qty?: { ok: boolean; counted: 'updated' | 'unchanged' | 'refused' | 'failed'; text: string };
}

const RANK = { failed: 3, refused: 2, updated: 1, unchanged: 0 } as const;

/** Menu "Update prices": sends the marked rows, one result per row, and clears what was applied. */
export function updatePrices(
  ctx: AppContext,
  host: InventoryHost = appsScriptHost(),
  options: { notify: boolean } = { notify: false },
): UpdatePricesResult {
  const L: L = (k, p) => t(ctx.lang, k, p);
  const started = host.now();
  const result = withInventoryLock(() => {
    const read = readInventoryTab(host);
    const marked = read.marks.filter(isMarked);
    const empty: UpdatePricesResult = {
      updated: 0,
      unchanged: 0,
      refused: 0,
      failed: 0,
      items: [],
      message: '',
    };
    if (!read.tab.snapshot.exists) return { ...empty, message: L('prices.noInventory') };
    if (!marked.length) return { ...empty, message: L('prices.nothingMarked') };
    const client = ozonClientFor(ctx.user, deadlineFrom(started, BUDGET.inventoryOzon));
    const book = marginBook(moscowMonth(host.now()));
    const prices = ozonPrices(
      client,
      marked.flatMap((m) => (m.productId === null ? [] : [m.productId])),
    );
    const qtySkus = marked.flatMap((m) =>
      m.sku !== null && (String(m.qtyFrom ?? '').trim() || String(m.qtyPercent ?? '').trim()) ? [m.sku] : [],
    );
    let stairs = new Map<number, StairwayNow & { status: string }>();
    let stairError: unknown = null;
    try {
      stairs = stairways(client, qtySkus);
    } catch (error) {
      stairError = error; // the prices still go out; the discounts wait for a readable answer
    }
    const verdicts: { m: PriceMarks; v: PriceVerdict; p: OzonPrice | undefined }[] = marked.map((m) => {
      const p = m.productId === null ? undefined : prices.get(m.productId);
      const v = decidePrice(
        m,
        p ? { price: p.price, minPrice: p.minPrice, currency: p.currency } : null,
        m.sku === null ? null : (stairs.get(m.sku) ?? { enabled: false, steps: [] }),
        (at) => (p ? book.at(m.offerId, p.listed, at, p.currency).profit : null),
      );
      return { m, v, p };
    });
    const outcomes = new Map<string, RowOutcome>(marked.map((m) => [m.offerId, {}]));
    const set = (offerId: string, part: 'price' | 'qty', o: NonNullable<RowOutcome['price']>) =>
      ((outcomes.get(offerId) as RowOutcome)[part] = o);
    for (const { m, v } of verdicts) {
      if (stairError && v.qty.kind !== 'none') {
        set(m.offerId, 'qty', { ok: false, counted: 'failed', text: failureText(ctx.lang, L, stairError) });
        v.qty = { kind: 'none' };
      }
      if (v.price.kind === 'refused') set(m.offerId, 'price', refusal(L, v.price.reason, v.price.amount));
      else if (v.price.kind === 'unchanged')
        set(m.offerId, 'price', { ok: true, counted: 'unchanged', text: L('prices.result.unchanged') });
      if (v.qty.kind === 'refused') set(m.offerId, 'qty', refusal(L, v.qty.reason, v.qty.amount));
      else if (v.qty.kind === 'unchanged')
        set(m.offerId, 'qty', { ok: true, counted: 'unchanged', text: L('prices.qty.unchanged') });
    }
    sendPrices(ctx.lang, L, client, verdicts, set);
    sendStairways(ctx.lang, L, client, verdicts, set);

    // What Ozon has now, read back for every marked row (not assumed from what was sent).
    let cells = new Map<string, RowValues>();
    try {
      cells = freshCells(client, marked, book, L);
    } catch {
      // The updates are done; the price cells are refreshed by the next Refresh prices.
    }
    return land(host, marked, outcomes, cells, L);
  });
  if (options.notify) notify(result.message, t(ctx.lang, 'inventory.title'));
  return result;
}

function refusal(L: L, reason: string, amount?: number): NonNullable<RowOutcome['price']> {
  return {
    ok: false,
    counted: 'refused',
    text: L(`prices.refused.${reason}` as MessageKey, {
      amount: amount === undefined ? '' : amountText(amount),
    }),
  };
}

type Setter = (offerId: string, part: 'price' | 'qty', o: NonNullable<RowOutcome['price']>) => void;
type Verdicts = { m: PriceMarks; v: PriceVerdict; p: OzonPrice | undefined }[];

function failureText(lang: Lang, L: L, error: unknown): string {
  const d = describeError(error, lang);
  return L('prices.result.failed', { reason: d.ok ? '' : d.error.message });
}

function sendPrices(lang: Lang, L: L, client: OzonClient, verdicts: Verdicts, set: Setter): void {
  const items: {
    offerId: string;
    productId: number;
    price: number | null;
    min: number | null;
    currency: string;
  }[] = [];
  for (const { m, v, p } of verdicts)
    if (v.price.kind === 'send' && p && m.productId !== null)
      items.push({
        offerId: m.offerId,
        productId: m.productId,
        price: v.price.price,
        min: v.price.minPrice,
        currency: p.currency,
      });
  const doneText = (i: (typeof items)[number]) =>
    [
      i.price !== null ? L('prices.result.sent', { price: amountText(i.price), currency: i.currency }) : '',
      i.min !== null ? L('prices.result.minSent', { min: amountText(i.min), currency: i.currency }) : '',
    ]
      .filter(Boolean)
      .join('; ');
  for (const group of chunks(items, PRICES_PER_REQUEST)) {
    const body: PriceUpdate[] = group.map((i) => ({
      offer_id: i.offerId,
      ...(i.price !== null ? { price: amountText(i.price) } : {}),
      ...(i.min !== null ? { min_price: amountText(i.min) } : {}),
      currency_code: i.currency,
    }));
    try {
      const answers = new Map(client.importPrices(body).map((a) => [a.offer_id ?? '', a] as const));
      for (const i of group) {
        const a = answers.get(i.offerId);
        if (!a) set(i.offerId, 'price', { ok: false, counted: 'failed', text: L('prices.result.noAnswer') });
        else if (a.updated && !a.errors.length)
          set(i.offerId, 'price', { ok: true, counted: 'updated', text: doneText(i) });
        else
          set(i.offerId, 'price', {
            ok: false,
            counted: 'failed',
            text: L('prices.result.rejected', {
              reason: a.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ') || '?',
            }),
          });
      }
    } catch (error) {
      if (!isUnclearAction(error)) {
        for (const i of group)
          set(i.offerId, 'price', { ok: false, counted: 'failed', text: failureText(lang, L, error) });
        continue;
      }
      // The answer was lost: Ozon's prices now say what happened, item by item.
      let now: Map<number, OzonPrice>;
      try {
        now = ozonPrices(
          client,
          group.map((i) => i.productId),
        );
      } catch {
        for (const i of group)
          set(i.offerId, 'price', { ok: false, counted: 'failed', text: L('prices.result.unknown') });
        continue;
      }
      for (const i of group) {
        const after = now.get(i.productId);
        const happened =
          after !== undefined &&
          (i.price === null || after.price === i.price) &&
          (i.min === null || after.minPrice === i.min);
        set(
          i.offerId,
          'price',
          happened
            ? { ok: true, counted: 'updated', text: L('prices.result.afterLoss', { what: doneText(i) }) }
            : { ok: false, counted: 'failed', text: L('prices.result.notDoneAfterLoss') },
        );
      }
    }
  }
}

function sendStairways(lang: Lang, L: L, client: OzonClient, verdicts: Verdicts, set: Setter): void {
  const items: { offerId: string; sku: number; enabled: boolean; quantity: number; percent: number }[] = [];
  for (const { m, v } of verdicts)
    if (v.qty.kind === 'send' && m.sku !== null)
      items.push({
        offerId: m.offerId,
        sku: m.sku,
        enabled: v.qty.enabled,
        quantity: v.qty.quantity,
        percent: v.qty.percent,
      });
  const doneText = (i: (typeof items)[number]) =>
    i.enabled ? L('prices.qty.sent', { quantity: i.quantity, percent: i.percent }) : L('prices.qty.removed');
  const matches = (i: (typeof items)[number], s: (StairwayNow & { status: string }) | undefined) =>
    s !== undefined &&
    (i.enabled
      ? s.enabled &&
        s.steps.length === 1 &&
        s.steps[0].quantity === i.quantity &&
        s.steps[0].discount === i.percent
      : !s.enabled || !s.steps.length);
  for (const group of chunks(items, STAIRWAYS_PER_REQUEST)) {
    let lost = false;
    const refused = new Map<number, string>();
    try {
      const a = client.setStairwayDiscounts(
        group.map((i) => ({
          sku: i.sku,
          enabled: i.enabled,
          steps: i.enabled ? [{ step: 1, quantity: i.quantity, discount: i.percent }] : [],
        })),
      );
      for (const e of a.errors)
        if (typeof e.sku === 'number')
          refused.set(
            e.sku,
            e.data.map((d) => [d.code, d.message].filter(Boolean).join(': ')).join('; ') || '?',
          );
    } catch (error) {
      if (!isUnclearAction(error)) {
        for (const i of group)
          set(i.offerId, 'qty', { ok: false, counted: 'failed', text: failureText(lang, L, error) });
        continue;
      }
      lost = true;
    }
    // Ozon applies a change asynchronously: its read-back is what the row reports.
    let now: Map<number, StairwayNow & { status: string }>;
    try {
      now = stairways(
        client,
        group.map((i) => i.sku),
      );
    } catch {
      for (const i of group)
        if (!refused.has(i.sku))
          set(i.offerId, 'qty', {
            ok: false,
            counted: 'failed',
            text: lost ? L('prices.result.unknown') : L('prices.qty.pending'),
          });
      now = new Map();
    }
    for (const i of group) {
      const why = refused.get(i.sku);
      if (why !== undefined) {
        set(i.offerId, 'qty', {
          ok: false,
          counted: 'failed',
          text: L('prices.result.rejected', { reason: why }),
        });
        continue;
      }
      const s = now.get(i.sku);
      if (!s) continue;
      if (matches(i, s) && s.status !== 'IN_PROCESS' && s.status !== 'ERROR') {
        const text = lost ? L('prices.result.afterLoss', { what: doneText(i) }) : doneText(i);
        set(i.offerId, 'qty', { ok: true, counted: 'updated', text });
      } else if (s.status === 'IN_PROCESS' && !lost)
        set(i.offerId, 'qty', { ok: false, counted: 'updated', text: L('prices.qty.pending') });
      else if (s.status === 'ERROR')
        set(i.offerId, 'qty', { ok: false, counted: 'failed', text: L('prices.qty.error') });
      else
        set(i.offerId, 'qty', {
          ok: false,
          counted: 'failed',
          text: lost ? L('prices.result.notDoneAfterLoss') : L('prices.qty.pending'),
        });
    }
  }
}

const same = (a: unknown, b: unknown) =>
  (a === null || a === undefined || a === '' ? '' : String(a)) ===
  (b === null || b === undefined || b === '' ? '' : String(b));

/** Writes each row's result and Ozon's cells; empties New price / the discount cells applied, if untouched since. */
function land(
  host: InventoryHost,
  marked: readonly PriceMarks[],
  outcomes: Map<string, RowOutcome>,
  cells: Map<string, RowValues>,
  L: L,
): UpdatePricesResult {
  // Read again right before the write: rows are found by key, and a cell the seller changed meanwhile stays.
  const snapshots = host.readTabs([inventorySpec]);
  const now = prepareTab(snapshots.get(inventorySpec.tab) as TabSnapshot, inventoryFormatRules);
  const current = new Map<string, PriceMarks>();
  for (const row of now.snapshot.values.slice(1)) {
    const m = readPriceMarks(row, now.positions);
    if (m && !current.has(m.offerId)) current.set(m.offerId, m);
  }
  const checked = toSerial(host.now(), host.offset);
  const rows: RowValues[] = [];
  const items: PriceItemResult[] = [];
  for (const m of marked) {
    const o = outcomes.get(m.offerId) as RowOutcome;
    const parts = [o.price, o.qty].filter((x): x is NonNullable<RowOutcome['price']> => x !== undefined);
    if (!parts.length) continue;
    const outcome = parts.reduce(
      (worst, p) => (RANK[p.counted] > RANK[worst] ? p.counted : worst),
      'unchanged' as PriceItemResult['outcome'],
    );
    const text = parts.map((p) => p.text).join('; ');
    items.push({ offerId: m.offerId, outcome, text });
    const row: Record<string, Cell> = {
      offer_id: m.offerId,
      ...(cells.get(m.offerId) ?? {}),
      price_result: text,
      prices_checked_at: checked,
    };
    const still = current.get(m.offerId);
    if (o.price?.ok && still && same(still.newPrice, m.newPrice)) row.new_price = null;
    if (o.qty?.ok && still && same(still.qtyFrom, m.qtyFrom) && same(still.qtyPercent, m.qtyPercent)) {
      row.qty_from = null;
      row.qty_percent = null;
    }
    rows.push(row);
  }
  landInventory(host, [{ spec: clearingSpec, rows, decorate: inventoryFormatRules }], snapshots);
  const count = (k: PriceItemResult['outcome']) => items.filter((i) => i.outcome === k).length;
  const counts = {
    updated: count('updated'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    failed: count('failed'),
  };
  return { ...counts, items, message: L('prices.summary', counts) };
}
