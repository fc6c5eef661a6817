// Cancelling an order at Ozon, with the seller's reason.
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import { isRfbs, READY_TO_PACK, statusError } from '../core/desk/rules';
import { statusText } from '../core/orders/tables';
import { cancelReasonText } from '../core/i18n/messages';
import { OTHER_CANCEL_REASON, type ActionResult, type CancelReason } from '../shared/desk-schema';
import { actOrVerify } from '../ozon/outcome';
import { showPostings } from '../sync/refresh';
import { env, ozon, readPosting, requireKnown, rowNote, tr } from './env';
import type { DeskHost } from './host';
import { readDesk } from './workbook';

const REASONS_CACHE = 'odesk.desk.cancelReasons';

export function cancelReasons(ctx: AppContext, host?: DeskHost): CancelReason[] {
  const e = env(ctx, host);
  // Ozon's list is cached as Ozon sent it; the words follow the seller's language when shown.
  const words = (reasons: CancelReason[]): CancelReason[] =>
    reasons.map((r) => ({ ...r, title: cancelReasonText(ctx.lang, r.id, r.title) }));
  const cached = e.host.cacheGet(REASONS_CACHE);
  if (cached) {
    try {
      return words(JSON.parse(cached) as CancelReason[]);
    } catch {
      // fall through and read again
    }
  }
  const reasons = ozon(e)
    .cancelReasons()
    .filter((r) => r.is_available_for_cancellation !== false)
    .map((r) => ({ id: r.id, title: r.title, needsMessage: r.id === OTHER_CANCEL_REASON }));
  e.host.cachePut(REASONS_CACHE, JSON.stringify(reasons), 21_600);
  return words(reasons);
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
    const act = actOrVerify(
      () =>
        ozon(e).cancelPosting({
          posting_number: input.posting,
          cancel_reason_id: input.reasonId,
          ...(input.message ? { cancel_reason_message: input.message } : {}),
        }),
      () => {
        const now = readPosting(e, input.posting);
        if (now.status === 'cancelled') return 'done';
        return now.status === fresh.status ? 'not_done' : 'unknown';
      },
      {
        object: tr(e, 'ozon.outcome.posting', { posting: input.posting }),
        check: tr(e, 'ozon.check.posting'),
      },
    );
    const accepted = act.unclear || act.value === true;
    if (!accepted)
      throw new AppError('desk.cancel.refused', 'error.desk.cancel.refused', { posting: input.posting });
    const after = readPosting(e, input.posting);
    // A row the seller deleted since the desk read it comes back in Orders, and is told.
    const back = showPostings(ctx, [after]);
    const outcome = rowNote(
      e,
      {
        posting: input.posting,
        ok: true,
        message: tr(e, after.status === 'cancelled' ? 'desk.cancel.done' : 'desk.cancel.pending', {
          posting: input.posting,
          reason: reason.title,
        }),
      },
      back.has(input.posting) ? 'desk.rowBack' : undefined,
    );
    return { message: outcome.message, results: [outcome] };
  });
}
