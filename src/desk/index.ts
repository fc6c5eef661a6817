// Order desk use-cases: show the selected orders, verify them or flag a problem, pack and ship them
// (one or several packages), fetch labels into Drive, report rFBS dispatch, cancel, and build the
// pick list and packing slips. Every Ozon action is confirmed by re-reading the posting, and the
// Orders row is updated at once (refresh → showPostings).
import type { AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { AppError } from '../core/errors';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import { onePackage, planPackages, type PackageRequest } from '../core/desk/packages';
import { pickRows, type PickLine } from '../core/desk/picklist';
import {
  assertShippable,
  assertVerifiable,
  isRfbs,
  orderDigest,
  READY_TO_PACK,
  statusError,
  type PostingFacts,
} from '../core/desk/rules';
import { slipsHtml, type Slip } from '../core/desk/slips';
import { postingTotal, type OrderPosting } from '../core/orders/posting';
import { ORDERS_TAB, statusText } from '../core/orders/tables';
import { reportTabRequests } from '../core/reports/requests';
import type { ReportSpec } from '../core/reports/specs';
import type { Cell, TableSpec } from '../core/table/spec';
import { toSerial } from '../core/time/serial';
import type { OzonClient } from '../ozon/client';
import { OzonError } from '../ozon/errors';
import {
  MAX_POSTINGS,
  OTHER_CANCEL_REASON,
  type ActionResult,
  type CancelReason,
  type CheckItem,
  type DeskOrders,
  type DeskSelection,
  type NextResult,
  type PostingOutcome,
  type ProblemReason,
  type RfbsStep,
} from '../shared/desk-schema';
import { fromFbs } from '../sync/from-ozon';
import { ozonClient, showPostings } from '../sync/refresh';
import { appsScriptDeskHost, type DeskHost } from './host';
import { queueCounts, readDesk, sellerWrites, verifiedMark, type DeskBook } from './workbook';

export type { DeskHost };

const COLUMN_CACHE = 'odesk.desk.postingCol.';
const REASONS_CACHE = 'odesk.desk.cancelReasons';
/** Labels are ready 45–60 s after packing: wait this long between tries. */
const LABEL_RETRY_MS = 15_000;
/** Ozon budget of one desk call: leaves room in the 6-minute execution to write what happened. */
const OZON_BUDGET_MS = 270_000;
/** A batch stops starting new shipments after this long, so labels still fit. */
const BATCH_SHIP_MS = 150_000;

interface Env {
  ctx: AppContext;
  host: DeskHost;
  started: number;
  client?: OzonClient;
}

function env(ctx: AppContext, host: DeskHost = appsScriptDeskHost()): Env {
  return { ctx, host, started: host.now() };
}

function ozon(e: Env): OzonClient {
  if (!e.client) e.client = ozonClient(e.ctx, OZON_BUDGET_MS);
  return e.client;
}

const tr = (e: Env, key: MessageKey, params?: Record<string, string | number>) => t(e.ctx.lang, key, params);

function errorMessage(error: unknown, lang: Lang): string {
  const described = describeError(error, lang);
  return described.ok ? '' : described.error.message;
}

function unknownPosting(posting: string): AppError {
  return new AppError('desk.unknownPosting', 'error.desk.unknownPosting', { posting });
}

/**
 * Runs `fn` for each posting and reports per posting. With a single posting a failure is thrown
 * instead, so the sidebar shows it as the call's error.
 */
function each(
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

function summary(e: Env, results: readonly PostingOutcome[], okKey: MessageKey): string {
  const ok = results.filter((r) => r.ok).length;
  if (results.length === 1) return results[0].message;
  return tr(e, okKey, { ok, total: results.length, failed: results.length - ok });
}

function factsOf(p: OrderPosting, sheet: PostingFacts | undefined): PostingFacts {
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

function readPosting(e: Env, posting: string): OrderPosting {
  return fromFbs(ozon(e).getFbsPosting(posting));
}

function cacheColumn(e: Env, book: DeskBook): void {
  const col = book.orders.positions.get('posting_number');
  if (book.orders.snapshot.exists && col !== undefined)
    e.host.cachePut(COLUMN_CACHE + book.orders.snapshot.sheetId, String(col), 21_600);
}

function requireKnown(book: DeskBook, posting: string) {
  const record = book.records.get(posting);
  if (!record) throw unknownPosting(posting);
  return record;
}

// ---- Reading --------------------------------------------------------------------------------------

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
  const onOrders = sel.sheetName === ORDERS_TAB;
  if (key === known) return { key, changed: false, onOrders, postings: [] };
  if (!onOrders) return { key, changed: true, onOrders, postings: [] };
  const start = Math.max(1, sel.startRow);
  const end = Math.min(sel.endRow, start + MAX_POSTINGS);
  if (end <= start) return { key, changed: true, onOrders, postings: [] };
  const { header, rows } = host.readRows(ORDERS_TAB, start, end);
  const cached = Number(host.cacheGet(COLUMN_CACHE + sel.sheetId));
  let col = Number.isInteger(cached) && cached >= 0 && cached < header.length ? cached : -1;
  if (col < 0) col = header.findIndex((h) => String(h).trim().toLowerCase() === 'posting number');
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

// ---- Verify and problems --------------------------------------------------------------------------

export function verifyOrders(
  ctx: AppContext,
  input: { postings: string[]; checked: CheckItem[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const before = readDesk(e.host, ctx.lang);
    // The posting as Ozon has it now: a cancelled or changed order must not be verified from a stale row.
    const fresh = new Map<string, OrderPosting>();
    const readErrors = new Map<string, unknown>();
    for (const posting of input.postings) {
      if (!before.records.has(posting)) continue;
      try {
        fresh.set(posting, readPosting(e, posting));
      } catch (error) {
        readErrors.set(posting, error);
      }
    }
    if (fresh.size) showPostings(ctx, [...fresh.values()]);
    const book = fresh.size ? readDesk(e.host, ctx.lang) : before;
    const changes = new Map<string, Record<string, Cell>>();
    const now = e.host.now();
    const who = e.host.user();
    const results = each(e, input.postings, (posting) => {
      const record = requireKnown(book, posting);
      if (readErrors.has(posting)) throw readErrors.get(posting);
      assertVerifiable(record.facts, record.order.statusText, input.checked);
      changes.set(posting, {
        verified: verifiedMark(ctx.lang),
        verified_by: who,
        verified_at: toSerial(now, e.host.offset),
        verified_digest: orderDigest(record.facts),
        // New orders stay marked until they are verified.
        new: '',
      });
      return { posting, ok: true, message: tr(e, 'desk.verified.one', { posting }) };
    });
    if (changes.size) e.host.write(sellerWrites(book, changes));
    return { message: summary(e, results, 'desk.verified.many'), results };
  });
}

export function flagProblem(
  ctx: AppContext,
  input: { postings: string[]; reason: ProblemReason; note: string },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const changes = new Map<string, Record<string, Cell>>();
    const reason = tr(e, `desk.problem.reason.${input.reason}` as MessageKey);
    const results = each(e, input.postings, (posting) => {
      const record = requireKnown(book, posting);
      const { state } = record.order;
      if (state === 'cancelled' || state === 'split')
        throw statusError(record.facts, record.order.statusText);
      changes.set(posting, {
        problem: reason,
        ...(input.note ? { note: input.note } : {}),
        // A problem undoes the verification: the order is checked again once it is solved.
        verified: '',
        verified_by: '',
        verified_at: null,
        verified_digest: '',
      });
      return { posting, ok: true, message: tr(e, 'desk.problem.flagged', { posting, reason }) };
    });
    if (changes.size) e.host.write(sellerWrites(book, changes));
    return { message: summary(e, results, 'desk.problem.many'), results };
  });
}

export function clearProblem(ctx: AppContext, input: { postings: string[] }, host?: DeskHost): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const changes = new Map<string, Record<string, Cell>>();
    const results = each(e, input.postings, (posting) => {
      requireKnown(book, posting);
      changes.set(posting, { problem: '' });
      return { posting, ok: true, message: tr(e, 'desk.problem.cleared', { posting }) };
    });
    if (changes.size) e.host.write(sellerWrites(book, changes));
    return { message: summary(e, results, 'desk.problem.clearedMany'), results };
  });
}

// ---- Shipping ---------------------------------------------------------------------------------------

/** Packs one posting (verified, awaiting packaging) and confirms by re-reading. Caller holds the lock. */
function shipOne(e: Env, book: DeskBook, posting: string, packages: PackageRequest[] | null): PostingOutcome {
  const record = requireKnown(book, posting);
  const fresh = readPosting(e, posting);
  const facts = factsOf(fresh, record.facts);
  if (fresh.status !== record.facts.status || fresh.status !== READY_TO_PACK) showPostings(e.ctx, [fresh]);
  assertShippable(facts, statusText(e.ctx.lang, fresh.status));
  const plan = planPackages(posting, facts.lines, packages ?? onePackage(facts.lines));
  const answer = ozon(e).shipPosting(posting, plan);
  const shipped = answer.result.length ? answer.result : [posting];
  const numbers = [...new Set([posting, ...shipped])];
  const reread = numbers.map((n) => readPosting(e, n));
  showPostings(e.ctx, reread);
  const failed = reread.find((p) => p.substatus === 'ship_failed');
  // Seller columns: the package count, and the verification carried over to postings a split made.
  const after = readDesk(e.host, e.ctx.lang);
  const changes = new Map<string, Record<string, Cell>>();
  const split = shipped.length > 1 || shipped[0] !== posting;
  changes.set(posting, { packages: plan.length });
  if (split) {
    const source = after.records.get(posting)?.order;
    for (const child of shipped) {
      if (child === posting) continue;
      changes.set(child, {
        packages: 1,
        verified: source?.verified ? verifiedMark(e.ctx.lang) : '',
        verified_by: source?.verifiedBy ?? '',
        verified_at: source?.verifiedAt ? toSerial(Date.parse(source.verifiedAt), e.host.offset) : null,
      });
    }
  }
  e.host.write(sellerWrites(after, changes));
  if (failed)
    throw new AppError('desk.shipFailed', 'error.desk.shipFailed', { posting: failed.postingNumber });
  const pending = reread.filter((p) => shipped.includes(p.postingNumber) && p.status === READY_TO_PACK);
  const message = pending.length
    ? tr(e, 'desk.ship.pending', { posting })
    : split
      ? tr(e, 'desk.ship.split', { posting, count: shipped.length, postings: shipped.join(', ') })
      : tr(e, 'desk.ship.done', { posting });
  return { posting, ok: true, message, ...(split ? { postings: shipped } : {}) };
}

export function shipOrder(
  ctx: AppContext,
  input: { posting: string; packages: PackageRequest[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const result = shipOne(e, book, input.posting, input.packages);
    return { message: result.message, results: [result] };
  });
}

function notReady(error: unknown): boolean {
  if (!(error instanceof OzonError)) return false;
  const detail = String(error.params.detail ?? '');
  return /NOT_READY|not ready|being generated/i.test(detail);
}

/**
 * Fetches labels (≤20 postings a request), waiting while Ozon is still making them, saves each PDF
 * to Drive and links it from the rows. Per posting outcomes.
 */
function fetchLabels(
  e: Env,
  postings: readonly string[],
  until: number,
): { results: PostingOutcome[]; url?: string } {
  const results: PostingOutcome[] = [];
  let firstUrl: string | undefined;
  const links = new Map<string, Record<string, Cell>>();
  for (let i = 0; i < postings.length; i += 20) {
    const group = postings.slice(i, i + 20);
    let file: ReturnType<OzonClient['getLabels']>[number] | undefined;
    let failure = '';
    for (;;) {
      try {
        file = ozon(e).getLabels(group)[0];
        break;
      } catch (error) {
        if (notReady(error) && e.host.now() + LABEL_RETRY_MS < until) {
          e.host.sleep(LABEL_RETRY_MS);
          continue;
        }
        failure = notReady(error) ? tr(e, 'error.desk.labels.notReady') : errorMessage(error, e.ctx.lang);
        if (group.length === 1)
          throw notReady(error) ? new AppError('desk.labels.notReady', 'error.desk.labels.notReady') : error;
        break;
      }
    }
    if (!file) {
      for (const posting of group) results.push({ posting, ok: false, message: failure });
      continue;
    }
    const stamp = e.host.formatTime(new Date(e.host.now()).toISOString()).replace(':', '-');
    const name =
      group.length === 1
        ? `${tr(e, 'desk.labels.file')} ${group[0]} ${stamp}.pdf`
        : `${tr(e, 'desk.labels.file')} ${stamp} (${group.length}).pdf`;
    const url = e.host.savePdf(name, file.bytes, file.blob);
    firstUrl ??= url;
    for (const posting of group) {
      links.set(posting, { label: url });
      results.push({ posting, ok: true, message: tr(e, 'desk.labels.saved', { posting }) });
    }
  }
  if (links.size) {
    e.host.withLock(() => {
      const book = readDesk(e.host, e.ctx.lang);
      e.host.write(sellerWrites(book, links));
    });
  }
  return { results, ...(firstUrl ? { url: firstUrl } : {}) };
}

export function printLabels(ctx: AppContext, input: { postings: string[] }, host?: DeskHost): ActionResult {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  const ready: string[] = [];
  const refused = each(e, input.postings, (posting) => {
    const record = requireKnown(book, posting);
    if (isRfbs(record.facts.schema) && record.facts.status === 'awaiting_deliver')
      throw new AppError('desk.labels.rfbs', 'error.desk.labels.rfbs', { posting });
    if (record.facts.status !== 'awaiting_deliver') throw statusError(record.facts, record.order.statusText);
    ready.push(posting);
    return { posting, ok: true, message: '' };
  }).filter((r) => !r.ok);
  const fetched = ready.length ? fetchLabels(e, ready, e.started + OZON_BUDGET_MS) : { results: [] };
  const results = [...fetched.results, ...refused];
  return {
    message: summary(e, results, 'desk.labels.many'),
    results,
    ...(fetched.url ? { labelUrl: fetched.url } : {}),
  };
}

/** Ships every selected verified posting in one package each, then fetches their labels. */
export function shipAndLabel(ctx: AppContext, input: { postings: string[] }, host?: DeskHost): ActionResult {
  const e = env(ctx, host);
  const shipped: string[] = [];
  const outcomes = new Map<string, PostingOutcome>();
  e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    for (const posting of input.postings) {
      if (e.host.now() > e.started + BATCH_SHIP_MS) {
        outcomes.set(posting, { posting, ok: false, message: tr(e, 'desk.batch.notStarted') });
        continue;
      }
      try {
        const result = shipOne(e, book, posting, null);
        outcomes.set(posting, result);
        const record = book.records.get(posting);
        if (!isRfbs(record?.facts.schema ?? '')) shipped.push(...(result.postings ?? [posting]));
      } catch (error) {
        outcomes.set(posting, { posting, ok: false, message: errorMessage(error, ctx.lang) });
      }
    }
  });
  const labels = shipped.length ? fetchLabels(e, shipped, e.started + OZON_BUDGET_MS) : { results: [] };
  const labelled = new Map(labels.results.map((r) => [r.posting, r]));
  const results = input.postings.map((posting): PostingOutcome => {
    const ship = outcomes.get(posting) as PostingOutcome;
    if (!ship.ok) return ship;
    const numbers = ship.postings ?? [posting];
    const label = numbers.map((n) => labelled.get(n)).filter((r): r is PostingOutcome => Boolean(r));
    const labelFailed = label.find((r) => !r.ok);
    return labelFailed
      ? { ...ship, ok: false, message: `${ship.message} ${labelFailed.message}` }
      : {
          ...ship,
          message: label.length ? `${ship.message} ${tr(e, 'desk.labels.attached')}` : ship.message,
        };
  });
  return {
    message: summary(e, results, 'desk.batch.done'),
    results,
    ...(labels.url ? { labelUrl: labels.url } : {}),
  };
}

// ---- rFBS ------------------------------------------------------------------------------------------

export function setTracking(
  ctx: AppContext,
  input: { items: { posting: string; trackingNumber: string; carrier: string }[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const wanted = new Map(input.items.map((i) => [i.posting, i]));
    const checked = each(e, [...wanted.keys()], (posting) => {
      const record = requireKnown(book, posting);
      if (!isRfbs(record.facts.schema)) throw new AppError('desk.notRfbs', 'error.desk.notRfbs', { posting });
      if (record.facts.status !== 'awaiting_deliver' && record.facts.status !== 'delivering')
        throw statusError(record.facts, record.order.statusText);
      return { posting, ok: true, message: '' };
    });
    const valid = checked.filter((r) => r.ok).map((r) => r.posting);
    const outcomes = valid.length
      ? ozon(e).setTrackingNumbers(
          valid.map((posting) => ({
            posting_number: posting,
            tracking_number: (wanted.get(posting) as { trackingNumber: string }).trackingNumber,
          })),
        )
      : [];
    const accepted = outcomes.filter((o) => o.result).map((o) => o.posting_number);
    const reread = accepted.map((n) => readPosting(e, n));
    if (reread.length) showPostings(ctx, reread);
    const byNumber = new Map(reread.map((p) => [p.postingNumber, p]));
    const changes = new Map<string, Record<string, Cell>>();
    const results = [...wanted.keys()].map((posting): PostingOutcome => {
      const check = checked.find((r) => r.posting === posting) as PostingOutcome;
      if (!check.ok) return check;
      const outcome = outcomes.find((o) => o.posting_number === posting);
      if (!outcome || !outcome.result)
        return {
          posting,
          ok: false,
          message: tr(e, 'error.desk.ozonItem', { posting, detail: outcome?.error || '?' }),
        };
      const item = wanted.get(posting) as { trackingNumber: string; carrier: string };
      if (item.carrier) changes.set(posting, { carrier: item.carrier });
      const confirmed = byNumber.get(posting)?.trackingNumber === item.trackingNumber;
      return {
        posting,
        ok: true,
        message: tr(e, confirmed ? 'desk.tracking.set' : 'desk.tracking.pending', {
          posting,
          tracking: item.trackingNumber,
        }),
      };
    });
    if (changes.size) e.host.write(sellerWrites(readDesk(e.host, ctx.lang), changes));
    if (results.length === 1 && !results[0].ok)
      throw new AppError('desk.ozonItem', 'error.desk.ozonItem', {
        posting: results[0].posting,
        detail: outcomes[0]?.error || '?',
      });
    return { message: summary(e, results, 'desk.tracking.many'), results };
  });
}

const STEP_FROM: Record<RfbsStep, string> = {
  delivering: 'awaiting_deliver',
  last_mile: 'delivering',
  delivered: 'delivering',
};
const STEP_TO: Record<RfbsStep, string> = {
  delivering: 'delivering',
  last_mile: 'delivering',
  delivered: 'delivered',
};

export function moveRfbs(
  ctx: AppContext,
  input: { postings: string[]; to: RfbsStep },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const checked = each(e, input.postings, (posting) => {
      const record = requireKnown(book, posting);
      if (!isRfbs(record.facts.schema)) throw new AppError('desk.notRfbs', 'error.desk.notRfbs', { posting });
      if (record.facts.status !== STEP_FROM[input.to])
        throw statusError(record.facts, record.order.statusText);
      return { posting, ok: true, message: '' };
    });
    const valid = checked.filter((r) => r.ok).map((r) => r.posting);
    const client = ozon(e);
    const call =
      input.to === 'delivering'
        ? () => client.setDelivering(valid)
        : input.to === 'last_mile'
          ? () => client.setLastMile(valid)
          : () => client.setDelivered(valid);
    const outcomes = valid.length ? call() : [];
    const accepted = outcomes.filter((o) => o.result).map((o) => o.posting_number);
    const reread = accepted.map((n) => readPosting(e, n));
    if (reread.length) showPostings(ctx, reread);
    const byNumber = new Map(reread.map((p) => [p.postingNumber, p]));
    const stepText = tr(e, `desk.rfbs.${input.to}` as MessageKey);
    const results = input.postings.map((posting): PostingOutcome => {
      const check = checked.find((r) => r.posting === posting) as PostingOutcome;
      if (!check.ok) return check;
      const outcome = outcomes.find((o) => o.posting_number === posting);
      if (!outcome || !outcome.result)
        return {
          posting,
          ok: false,
          message: tr(e, 'error.desk.ozonItem', { posting, detail: outcome?.error || '?' }),
        };
      const confirmed = byNumber.get(posting)?.status === STEP_TO[input.to];
      return {
        posting,
        ok: true,
        message: tr(e, confirmed ? 'desk.rfbs.moved' : 'desk.rfbs.pending', { posting, step: stepText }),
      };
    });
    if (results.length === 1 && !results[0].ok) {
      throw new AppError('desk.ozonItem', 'error.desk.ozonItem', {
        posting: results[0].posting,
        detail: outcomes[0]?.error || '?',
      });
    }
    return { message: summary(e, results, 'desk.rfbs.many'), results };
  });
}

// ---- Cancel -----------------------------------------------------------------------------------------

export function cancelReasons(ctx: AppContext, host?: DeskHost): CancelReason[] {
  const e = env(ctx, host);
  const cached = e.host.cacheGet(REASONS_CACHE);
  if (cached) {
    try {
      return JSON.parse(cached) as CancelReason[];
    } catch {
      // fall through and read again
    }
  }
  const reasons = ozon(e)
    .cancelReasons()
    .filter((r) => r.is_available_for_cancellation !== false)
    .map((r) => ({ id: r.id, title: r.title, needsMessage: r.id === OTHER_CANCEL_REASON }));
  e.host.cachePut(REASONS_CACHE, JSON.stringify(reasons), 21_600);
  return reasons;
}

export function cancelOrder(
  ctx: AppContext,
  input: { posting: string; reasonId: number; message: string },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const record = requireKnown(book, input.posting);
    const reason = cancelReasons(ctx, e.host).find((r) => r.id === input.reasonId);
    if (!reason) throw new AppError('desk.cancel.reason', 'error.desk.cancel.reason', {}, 'reasonId');
    const fresh = readPosting(e, input.posting);
    const cancellable =
      fresh.status === READY_TO_PACK ||
      fresh.status === 'awaiting_deliver' ||
      (isRfbs(fresh.schema) && fresh.status === 'delivering');
    if (!cancellable) {
      if (fresh.status !== record.facts.status) showPostings(ctx, [fresh]);
      throw statusError({ posting: input.posting, status: fresh.status }, statusText(ctx.lang, fresh.status));
    }
    const accepted = ozon(e).cancelPosting({
      posting_number: input.posting,
      cancel_reason_id: input.reasonId,
      ...(input.message ? { cancel_reason_message: input.message } : {}),
    });
    if (!accepted)
      throw new AppError('desk.cancel.refused', 'error.desk.cancel.refused', { posting: input.posting });
    const after = readPosting(e, input.posting);
    showPostings(ctx, [after]);
    const message = tr(e, after.status === 'cancelled' ? 'desk.cancel.done' : 'desk.cancel.pending', {
      posting: input.posting,
      reason: reason.title,
    });
    return { message, results: [{ posting: input.posting, ok: true, message }] };
  });
}

// ---- Navigation, pick list, slips -------------------------------------------------------------------

export function selectNextUnverified(ctx: AppContext, host?: DeskHost): NextResult {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  cacheColumn(e, book);
  const sel = e.host.selection();
  const current = sel && sel.sheetName === ORDERS_TAB ? sel.startRow : 0;
  const candidates = book.sequence
    .map((p) => book.records.get(p)!)
    .filter((r) => r.order.state === 'to_verify' || r.order.state === 'changed')
    .sort((a, b) => a.row - b.row);
  const next = candidates.find((r) => r.row > current) ?? candidates[0];
  if (!next) return { posting: null, message: tr(e, 'desk.next.none'), selection: null };
  e.host.selectRow(ORDERS_TAB, next.row);
  const key = selectionKey(book.orders.snapshot.sheetId, next.row, next.row + 1);
  return {
    posting: next.facts.posting,
    message: tr(e, 'desk.next.moved', { posting: next.facts.posting, left: candidates.length }),
    selection: { key, changed: true, onOrders: true, postings: [next.facts.posting] },
  };
}

export const PICK_TAB = 'Pick list';

function pickSpec(lang: Lang): ReportSpec {
  const col = (key: string, header: MessageKey, kind: 'text' | 'id' | 'int', width: number) => ({
    key,
    header: t(lang, header),
    kind,
    role: 'sync' as const,
    width,
  });
  return {
    tab: PICK_TAB,
    columns: [
      col('warehouse', 'desk.field.warehouse', 'text', 150),
      col('offer_id', 'desk.field.offerId', 'id', 120),
      col('name', 'desk.field.product', 'text', 280),
      col('quantity', 'desk.field.quantity', 'int', 80),
      col('picked', 'desk.pick.picked', 'text', 70),
      col('count', 'desk.pick.postings', 'int', 80),
      col('postings', 'desk.pick.postingList', 'text', 320),
    ],
  };
}

export function buildPickList(
  ctx: AppContext,
  host?: DeskHost,
): ActionResult & { offers: number; units: number } {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const lines: PickLine[] = [];
    let postings = 0;
    for (const { order } of book.records.values()) {
      if (order.state !== 'verified' || order.status !== READY_TO_PACK) continue;
      postings++;
      for (const l of order.lines)
        lines.push({
          posting: order.posting,
          warehouse: order.warehouse,
          offerId: l.offerId,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
        });
    }
    const rows = pickRows(lines);
    const spec = pickSpec(ctx.lang);
    const tableSpec: TableSpec = { tab: spec.tab, key: 'offer_id', columns: spec.columns };
    const snapshot = e.host.readTabs([tableSpec]).get(PICK_TAB)!;
    const requests = reportTabRequests(
      spec,
      {
        sheetId: snapshot.sheetId,
        exists: snapshot.exists,
        rowCount: snapshot.rowCount,
        columnCount: snapshot.columnCount,
        filter: null,
      },
      rows.map((r) => [
        r.warehouse,
        r.offerId,
        r.name,
        r.quantity,
        '',
        r.postings.length,
        r.postings.join(', '),
      ]),
    );
    e.host.write(requests);
    const units = rows.reduce((s, r) => s + r.quantity, 0);
    const message = rows.length
      ? tr(e, 'desk.pick.done', { offers: rows.length, units, postings })
      : tr(e, 'desk.pick.empty');
    return { message, results: [], offers: rows.length, units };
  });
}

export function showPackingSlips(
  ctx: AppContext,
  input: { postings: string[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  const slips: Slip[] = [];
  const results = each(e, input.postings, (posting) => {
    const record = requireKnown(book, posting);
    if (!record.order.actions.includes('slip')) throw statusError(record.facts, record.order.statusText);
    const o = record.order;
    slips.push({
      posting,
      orderNumber: o.orderNumber,
      orderedAt: e.host.formatTime(o.orderedAt),
      shipBy: e.host.formatTime(o.shipBy),
      deliveryMethod: o.deliveryMethod,
      buyer: o.buyer,
      address: o.address,
      note: o.note,
      lines: o.lines.map((l) => ({ offerId: l.offerId, name: l.name, quantity: l.quantity })),
    });
    return { posting, ok: true, message: '' };
  });
  if (!slips.length) throw new AppError('desk.slips.none', 'error.desk.slips.none');
  e.host.showDialog(slipsHtml(ctx.lang, slips), tr(e, 'desk.slip.title', { count: slips.length }), 820, 640);
  const message = tr(e, 'desk.slip.shown', { count: slips.length });
  return { message, results: results.map((r) => (r.ok ? { ...r, message } : r)) };
}

/** Menu commands act on the rows selected in Orders. */
export function selectedPostings(ctx: AppContext, host: DeskHost = appsScriptDeskHost()): string[] {
  const sel = pollSelection(ctx, '', host);
  if (!sel.onOrders || !sel.postings.length) throw new AppError('desk.noSelection', 'error.desk.noSelection');
  return sel.postings;
}
