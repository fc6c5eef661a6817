// What every desk use-case shares: the call's environment (context, host, start time, one Ozon
// client), per-posting outcomes and their summary, and reading a posting back from Ozon.
import type { AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { AppError } from '../core/errors';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import type { PostingFacts } from '../core/desk/rules';
import { fromFbs } from '../core/orders/from-ozon';
import { postingTotal, type OrderPosting } from '../core/orders/posting';
import type { OzonClient } from '../ozon/client';
import type { PostingOutcome } from '../shared/desk-schema';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { ozonClientFor } from '../app/ozon';
import { appsScriptDeskHost, type DeskHost } from './host';
import type { DeskBook } from './workbook';

export const COLUMN_CACHE = 'odesk.desk.postingCol.';
/** The sheet id of the Orders tab the last desk read found (by its developer metadata). */
export const ORDERS_SHEET_CACHE = 'odesk.desk.ordersSheet';
/** Labels are ready 45–60 s after packing: wait this long between tries. */
export const LABEL_RETRY_MS = 15_000;
/** The desk call's Ozon deadline (labels included): from the call's start, see app/budgets. */
export function ozonDeadline(e: Env): number {
  return deadlineFrom(e.started, BUDGET.deskOzon);
}

export interface Env {
  ctx: AppContext;
  host: DeskHost;
  started: number;
  client?: OzonClient;
}

export function env(ctx: AppContext, host: DeskHost = appsScriptDeskHost()): Env {
  return { ctx, host, started: host.now() };
}

export function ozon(e: Env): OzonClient {
  if (!e.client) e.client = ozonClientFor(e.ctx.user, ozonDeadline(e));
  return e.client;
}

export const tr = (e: Env, key: MessageKey, params?: Record<string, string | number>) =>
  t(e.ctx.lang, key, params);

export function errorMessage(error: unknown, lang: Lang): string {
  const described = describeError(error, lang);
  return described.ok ? '' : described.error.message;
}

export function unknownPosting(posting: string): AppError {
  return new AppError('desk.unknownPosting', 'error.desk.unknownPosting', { posting });
}

/**
 * Runs `fn` for each posting and reports per posting. With a single posting a failure is thrown
 * instead, so the sidebar shows it as the call's error.
 */
export function each(
  e: Env,
  postings: readonly string[],
  fn: (posting: string) => PostingOutcome,
): PostingOutcome[] {
  if (postings.length === 1) return [fn(postings[0])];
  return postings.map((posting) => {
    try {
      return fn(posting);
    } catch (error) {
      return { posting, ok: false, message: errorMessage(error, e.ctx.lang) };
    }
  });
}

export function summary(e: Env, results: readonly PostingOutcome[], okKey: MessageKey): string {
  const ok = results.filter((r) => r.ok).length;
  if (results.length === 1) return results[0].message;
  return tr(e, okKey, { ok, total: results.length, failed: results.length - ok });
}

export function factsOf(p: OrderPosting, sheet: PostingFacts | undefined): PostingFacts {
  const total = postingTotal(p);
  return {
    posting: p.postingNumber,
    orderNumber: p.orderNumber,
    schema: p.schema,
    status: p.status,
    substatus: p.substatus,
    lines: p.lines.map((l) => ({ sku: l.sku, offerId: l.offerId, quantity: l.quantity })),
    items: p.lines.reduce((s, l) => s + l.quantity, 0),
    total: total.amount,
    currency: total.currency,
    buyer: p.buyerName,
    address: p.address,
    verified: sheet?.verified ?? false,
    verifiedDigest: sheet?.verifiedDigest ?? '',
    problem: sheet?.problem ?? '',
  };
}

export function readPosting(e: Env, posting: string): OrderPosting {
  return fromFbs(ozon(e).getFbsPosting(posting));
}

export function cacheColumn(e: Env, book: DeskBook): void {
  const col = book.orders.positions.get('posting_number');
  if (!book.orders.snapshot.exists) return;
  e.host.cachePut(ORDERS_SHEET_CACHE, String(book.orders.snapshot.sheetId), 21_600);
  if (col !== undefined) e.host.cachePut(COLUMN_CACHE + book.orders.snapshot.sheetId, String(col), 21_600);
}

/**
 * The outcomes once the desk's cells are written: a posting whose row the seller deleted before the
 * write landed is told so (nothing was written for it, nor onto another row).
 */
export function told(e: Env, results: PostingOutcome[], gone: ReadonlySet<string>): PostingOutcome[] {
  if (!gone.size) return results;
  if (results.length === 1 && gone.has(results[0].posting)) throw unknownPosting(results[0].posting);
  return results.map((r) =>
    gone.has(r.posting)
      ? { posting: r.posting, ok: false, message: errorMessage(unknownPosting(r.posting), e.ctx.lang) }
      : r,
  );
}

export function requireKnown(book: DeskBook, posting: string) {
  const record = book.records.get(posting);
  if (!record) throw unknownPosting(posting);
  return record;
}

/**
 * An action Ozon made, told when its Orders row was gone for the write of its result (deleted by the
 * seller meanwhile): `note` says what the sheet misses and that the next sync brings the row back.
 */
export function rowNote(e: Env, outcome: PostingOutcome, note: MessageKey | undefined): PostingOutcome {
  return note && outcome.ok ? { ...outcome, message: `${outcome.message} ${tr(e, note)}` } : outcome;
}
