// Apps Script side of the feedback sync: the lock, the run's deadline, the Ozon client, the toast
// (with new negative reviews and plan refusals) and the digest line.
import { tryDocumentLock } from '../adapters/lock';
import { documentStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { appContext, type AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { t } from '../core/i18n/messages';
import { cachedOffset } from '../core/time/serial';
import type { FeedbackSyncSummary } from '../shared/feedback-schema';
import type { SyncSource } from '../sync/job';
import { sendFeedbackDigest } from './digest';
import { feedbackApiFor } from './ozon';
import { runFeedbackStep } from './sync';

/** An Apps Script execution ends at 6 minutes. */
const EXECUTION_MS = 6 * 60_000;
/** Room kept before the deadline for the last write and the log row. */
const WRITE_ROOM_MS = 30_000;
/** One Ozon call may take up to a minute (UrlFetch's own limit): no page starts closer to the end. */
const CALL_ROOM_MS = 60_000;
const LOCK_WAIT_MS = 2_000;

function notifier(source: SyncSource): (message: string) => void {
  if (source === 'trigger') return () => undefined;
  return (message) => {
    try {
      toast(message, 'Ozon', 8);
    } catch {
      // No UI in this context.
    }
  };
}

/**
 * One execution's share of the feedback sync. `deadline` is the run's one deadline (epoch ms): the
 * hourly trigger passes what is left of its execution after the other syncs.
 */
export function syncFeedbackNow(
  source: SyncSource,
  deadline = Date.now() + EXECUTION_MS,
  ctx: AppContext = appContext(),
): FeedbackSyncSummary {
  const notify = notifier(source);
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) {
    const message = t(ctx.lang, 'service.sync.locked');
    notify(message);
    return { result: 'locked', message, notes: [], fetched: 0, added: 0, updated: 0, negative: 0 };
  }
  try {
    const stopBy = deadline - WRITE_ROOM_MS;
    const store = documentStore();
    const outcome = runFeedbackStep(
      {
        now: () => Date.now(),
        store,
        lang: ctx.lang,
        offset: cachedOffset(spreadsheetOffset()),
        source: () => feedbackApiFor(ctx.user, stopBy),
        readTabs: (specs) => readTabs(specs),
        write: (requests) => void writeRequests(requests),
        fetchUntil: stopBy - CALL_ROOM_MS,
      },
      source,
      (error) => {
        const described = describeError(error, ctx.lang);
        return described.ok ? '' : described.error.message;
      },
    );
    notify([outcome.message, ...outcome.notes].join(' '));
    if (outcome.result === 'done' && outcome.job.negative.count > 0)
      sendFeedbackDigest(ctx, store, outcome.job);
    return {
      result: outcome.result,
      message: outcome.message,
      notes: outcome.notes,
      fetched: outcome.fetched,
      added: outcome.added,
      updated: outcome.updated,
      negative: outcome.job.negative.count,
    };
  } finally {
    lock.release();
  }
}
