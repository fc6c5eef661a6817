// Verifying orders against Ozon's current posting, and flagging or clearing a problem.
import type { AppContext } from '../app/context';
import type { MessageKey } from '../core/i18n/messages';
import { assertVerifiable, orderDigest, statusError } from '../core/desk/rules';
import type { OrderPosting } from '../core/orders/posting';
import type { Cell } from '../core/table/spec';
import { toSerial } from '../core/time/serial';
import type { ActionResult, CheckItem, ProblemReason } from '../shared/desk-schema';
import { showPostings } from '../sync/refresh';
import { each, env, readPosting, requireKnown, summary, told, tr } from './env';
import type { DeskHost } from './host';
import { readDesk, verifiedMark, writeSellerCells } from './workbook';

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
    const landed = told(e, results, writeSellerCells(e.host, book, changes));
    return { message: summary(e, landed, 'desk.verified.many'), results: landed };
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
    const landed = told(e, results, writeSellerCells(e.host, book, changes));
    return { message: summary(e, landed, 'desk.problem.many'), results: landed };
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
    const landed = told(e, results, writeSellerCells(e.host, book, changes));
    return { message: summary(e, landed, 'desk.problem.clearedMany'), results: landed };
  });
}
