// Reading the desk: what the seller has selected, the orders behind it, and moving to the next
// order to verify.
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import { ORDERS_TAB } from '../core/orders/tables';
import { isOwnHeader } from '../core/i18n/headers';
import { MAX_POSTINGS, type DeskOrders, type DeskSelection, type NextResult } from '../shared/desk-schema';
import { cacheColumn, COLUMN_CACHE, env, ORDERS_SHEET_CACHE, tr } from './env';
import { appsScriptDeskHost, type DeskHost, type Selection } from './host';
import { queueCounts, readDesk } from './workbook';

/**
 * Whether the selection is on the Orders tab: by the tab's developer metadata, so a renamed Orders
 * tab is still the Orders tab. A sheet the add-on never marked counts by its name, as readTabs does,
 * unless the desk already knows the marked Orders tab is another sheet (a seller's own "Orders").
 */
export function onOrdersTab(sel: Selection, host: DeskHost): boolean {
  if (sel.tab !== null) return sel.tab === ORDERS_TAB;
  if (sel.sheetName !== ORDERS_TAB) return false;
  const known = host.cacheGet(ORDERS_SHEET_CACHE);
  return known === null || known === String(sel.sheetId);
}

function selectionKey(sheetId: number, startRow: number, endRow: number): string {
  return `${sheetId}:${startRow}:${endRow}`;
}

/**
 * What the seller has selected. Cheap enough to poll every two seconds: no read at all while the
 * selection stays put, and one Sheets read (header and selected rows) when it moves on Orders.
 */
export function pollSelection(
  _ctx: AppContext,
  known: string,
  host: DeskHost = appsScriptDeskHost(),
): DeskSelection {
  const sel = host.selection();
  if (!sel) return { key: 'none', changed: known !== 'none', onOrders: false, postings: [] };
  const key = selectionKey(sel.sheetId, sel.startRow, sel.endRow);
  const onOrders = onOrdersTab(sel, host);
  if (key === known) return { key, changed: false, onOrders, postings: [] };
  if (!onOrders) return { key, changed: true, onOrders, postings: [] };
  const start = Math.max(1, sel.startRow);
  const end = Math.min(sel.endRow, start + MAX_POSTINGS);
  if (end <= start) return { key, changed: true, onOrders, postings: [] };
  const { header, rows } = host.readRows(sel.sheetId, start, end);
  // A cache miss is null, and Number(null) would be column 0: read it as no cached column.
  const cached = Number(host.cacheGet(COLUMN_CACHE + sel.sheetId) ?? NaN);
  let col = Number.isInteger(cached) && cached >= 0 && cached < header.length ? cached : -1;
  if (col < 0) col = header.findIndex((h) => isOwnHeader(h, 'Posting number'));
  if (col < 0) col = 0;
  const postings = [
    ...new Set(rows.map((r) => String(r[col] ?? '').trim()).filter((p) => /^\d+(-\d+)+$/.test(p))),
  ];
  return { key, changed: true, onOrders, postings };
}

export function deskOrders(ctx: AppContext, postings: readonly string[], host?: DeskHost): DeskOrders {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  cacheColumn(e, book);
  const orders = postings.flatMap((p) => {
    const r = book.records.get(p);
    return r ? [r.order] : [];
  });
  return { orders, unknown: postings.filter((p) => !book.records.has(p)), queue: queueCounts(book) };
}

export function selectNextUnverified(ctx: AppContext, host?: DeskHost): NextResult {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  cacheColumn(e, book);
  const sel = e.host.selection();
  const current = sel && sel.sheetId === book.orders.snapshot.sheetId ? sel.startRow : 0;
  const candidates = book.sequence
    .map((p) => book.records.get(p)!)
    .filter((r) => r.order.state === 'to_verify' || r.order.state === 'changed')
    .sort((a, b) => a.row - b.row);
  const next = candidates.find((r) => r.row > current) ?? candidates[0];
  if (!next) return { posting: null, message: tr(e, 'desk.next.none'), selection: null };
  e.host.selectRow(book.orders.snapshot.sheetId, next.row);
  const key = selectionKey(book.orders.snapshot.sheetId, next.row, next.row + 1);
  return {
    posting: next.facts.posting,
    message: tr(e, 'desk.next.moved', { posting: next.facts.posting, left: candidates.length }),
    selection: { key, changed: true, onOrders: true, postings: [next.facts.posting] },
  };
}

/** Menu commands act on the rows selected in Orders. */
export function selectedPostings(ctx: AppContext, host: DeskHost = appsScriptDeskHost()): string[] {
  const sel = pollSelection(ctx, '', host);
  if (!sel.onOrders || !sel.postings.length) throw new AppError('desk.noSelection', 'error.desk.noSelection');
  return sel.postings;
}
