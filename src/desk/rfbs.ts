// rFBS dispatch: tracking numbers and the delivering / last-mile / delivered steps. Ozon applies them
// asynchronously, so each accepted posting is read back and reported as done or still pending.
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import type { MessageKey } from '../core/i18n/messages';
import { isRfbs, statusError } from '../core/desk/rules';
import type { OrderPosting } from '../core/orders/posting';
import type { Cell } from '../core/table/spec';
import type { PostingOutcome as OzonOutcome } from '../ozon/client';
import type { ActionResult, PostingOutcome, RfbsStep } from '../shared/desk-schema';
import { showPostings } from '../sync/refresh';
import type { OzonUnclearError } from '../ozon/errors';
import { isUnclearAction, notDone, stillUnclear } from '../ozon/outcome';
import {
  each,
  env,
  errorMessage,
  ozon,
  readPosting,
  requireKnown,
  rowNote,
  summary,
  tr,
  type Env,
} from './env';
import type { DeskHost } from './host';
import { readDesk, writeSellerCells, type DeskBook } from './workbook';

/** Checks each posting is rFBS and in one of `statuses`; per-posting outcomes (a single posting throws). */
function checkRfbs(e: Env, book: DeskBook, postings: readonly string[], statuses: readonly string[]) {
  return each(e, postings, (posting) => {
    const record = requireKnown(book, posting);
    if (!isRfbs(record.facts.schema)) throw new AppError('desk.notRfbs', 'error.desk.notRfbs', { posting });
    if (!statuses.includes(record.facts.status)) throw statusError(record.facts, record.order.statusText);
    return { posting, ok: true, message: '' };
  });
}

/**
 * Sends one Ozon action for the postings that passed their checks, re-reads the postings Ozon accepted
 * (it acts asynchronously), shows them in Orders and reports per posting: `report` words an accepted
 * posting from its re-read state. A single posting that Ozon refused is thrown.
 */
function actAndReport(
  e: Env,
  checked: readonly PostingOutcome[],
  act: (postings: string[]) => OzonOutcome[],
  report: (posting: string, reread: OrderPosting | undefined) => PostingOutcome,
): PostingOutcome[] {
  const valid = checked.filter((r) => r.ok).map((r) => r.posting);
  const outcomes = valid.length ? act(valid) : [];
  const accepted = outcomes.filter((o) => o.result).map((o) => o.posting_number);
  const reread = accepted.map((n) => readPosting(e, n));
  // A row the seller deleted since the desk read it comes back in Orders, and is told.
  const back = reread.length ? showPostings(e.ctx, reread) : new Set<string>();
  const byNumber = new Map(reread.map((p) => [p.postingNumber, p]));
  const results = checked.map((check): PostingOutcome => {
    if (!check.ok) return check;
    const posting = check.posting;
    const outcome = outcomes.find((o) => o.posting_number === posting);
    if (!outcome || !outcome.result)
      return {
        posting,
        ok: false,
        message: tr(e, 'error.desk.ozonItem', { posting, detail: outcome?.error || '?' }),
      };
    return rowNote(e, report(posting, byNumber.get(posting)), back.has(posting) ? 'desk.rowBack' : undefined);
  });
  if (results.length === 1 && !results[0].ok)
    throw new AppError('desk.ozonItem', 'error.desk.ozonItem', {
      posting: results[0].posting,
      detail: outcomes[0]?.error || '?',
    });
  return results;
}

export function setTracking(
  ctx: AppContext,
  input: { items: { posting: string; trackingNumber: string; carrier: string }[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const wanted = new Map(input.items.map((i) => [i.posting, i]));
    const checked = checkRfbs(e, book, [...wanted.keys()], ['awaiting_deliver', 'delivering']);
    const changes = new Map<string, Record<string, Cell>>();
    const results = actAndReport(
      e,
      checked,
      (valid) =>
        ozon(e).setTrackingNumbers(
          valid.map((posting) => ({
            posting_number: posting,
            tracking_number: (wanted.get(posting) as { trackingNumber: string }).trackingNumber,
          })),
        ),
      (posting, reread) => {
        const item = wanted.get(posting) as { trackingNumber: string; carrier: string };
        if (item.carrier) changes.set(posting, { carrier: item.carrier });
        const confirmed = reread?.trackingNumber === item.trackingNumber;
        return {
          posting,
          ok: true,
          message: tr(e, confirmed ? 'desk.tracking.set' : 'desk.tracking.pending', {
            posting,
            tracking: item.trackingNumber,
          }),
        };
      },
    );
    // The tracking number is set at Ozon; a row deleted meanwhile misses its carrier, and is told.
    const gone = changes.size ? writeSellerCells(e.host, readDesk(e.host, ctx.lang), changes) : new Set();
    const told = results.map((r) => rowNote(e, r, gone.has(r.posting) ? 'desk.rowGone.tracking' : undefined));
    return { message: summary(e, told, 'desk.tracking.many'), results: told };
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

/** The re-read shows Ozon made the step (used only after a lost answer). */
const REACHED: Record<RfbsStep, (p: OrderPosting) => boolean> = {
  delivering: (p) => p.status === 'delivering' || p.status === 'delivered',
  last_mile: (p) =>
    (p.status === 'delivering' && p.substatus === 'posting_in_courier_service') || p.status === 'delivered',
  delivered: (p) => p.status === 'delivered',
};

export function moveRfbs(
  ctx: AppContext,
  input: { postings: string[]; to: RfbsStep },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const checked = checkRfbs(e, book, input.postings, [STEP_FROM[input.to]]);
    const client = ozon(e);
    const act =
      input.to === 'delivering'
        ? (valid: string[]) => client.setDelivering(valid)
        : input.to === 'last_mile'
          ? (valid: string[]) => client.setLastMile(valid)
          : (valid: string[]) => client.setDelivered(valid);
    const stepText = tr(e, `desk.rfbs.${input.to}` as MessageKey);
    // A lost answer: every posting is re-read (as if accepted) and judged by the status Ozon shows.
    let unclear: OzonUnclearError | undefined;
    const guarded = (valid: string[]): OzonOutcome[] => {
      try {
        return act(valid);
      } catch (error) {
        if (!isUnclearAction(error)) throw error;
        unclear = error;
        return valid.map((posting_number) => ({ posting_number, result: true, error: '' }));
      }
    };
    const results = actAndReport(e, checked, guarded, (posting, reread): PostingOutcome => {
      if (unclear && !(reread && REACHED[input.to](reread))) {
        const object = tr(e, 'ozon.outcome.posting', { posting });
        const untouched = reread?.status === STEP_FROM[input.to] && !(reread && REACHED[input.to](reread));
        const error = untouched
          ? notDone(unclear, object)
          : stillUnclear(unclear, object, tr(e, 'ozon.check.posting'));
        if (checked.length === 1) throw error;
        return { posting, ok: false, message: errorMessage(error, e.ctx.lang) };
      }
      return {
        posting,
        ok: true,
        message: tr(e, reread?.status === STEP_TO[input.to] ? 'desk.rfbs.moved' : 'desk.rfbs.pending', {
          posting,
          step: stepText,
        }),
      };
    });
    return { message: summary(e, results, 'desk.rfbs.many'), results };
  });
}
