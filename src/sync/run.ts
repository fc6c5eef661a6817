// Apps Script side of the orders sync: the lock, the budget, the Ozon client, toasts and the digest.
import { describeError } from '../app/handler';
import { appContext, type AppContext } from '../app/context';
import { tryDocumentLock } from '../adapters/lock';
import { newUuid } from '../adapters/session';
import { documentStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { t } from '../core/i18n/messages';
import { cachedOffset } from '../core/time/serial';
import { ozonClientFor } from '../app/ozon';
import { splitWindows } from '../ozon/paging';
import type { SyncSummary } from '../shared/sync-schema';
import { OzonNotFoundError, OzonRoleError } from '../ozon/errors';
import { EP } from '../ozon/endpoints';
import { ozonShippedRound } from '../ozon/fbp';
import { fromFbo, fromFbp, fromFbs } from '../core/orders/from-ozon';
import type { SyncSource } from './job';
import { runSyncStep, type PostingSource, type SyncOutcome } from './orders-sync';
import { sendDigest } from './digest';
import { afterSync } from '../inventory';
import { BUDGET, deadlineFrom } from '../app/budgets';

const LOCK_WAIT_MS = 2_000;

/** Set while Ozon refuses this shop's FBP postings, so the Sync log says so once, and again when they return. */
const FBP_REFUSED_KEY = 'ODESK_FBP_REFUSED';

export function ozonPostingSource(ctx: AppContext, deadline: number): PostingSource {
  const client = ozonClientFor(ctx.user, deadline);
  const notes: string[] = [];
  return {
    fbsRound: (windows, by) => {
      const round = client.fbsListRound(windows, { by });
      return { postings: round.postings.map(fromFbs), windows: round.windows };
    },
    ozonShippedRound: (fbo, fbp) => {
      let round: ReturnType<typeof ozonShippedRound>;
      try {
        round = ozonShippedRound(client, fbo, fbp);
        if (fbp.some((w) => !w.done) && ctx.doc.get(FBP_REFUSED_KEY)) {
          ctx.doc.delete(FBP_REFUSED_KEY);
          notes.push(t(ctx.lang, 'sync.fbp.back'));
        }
      } catch (error) {
        // FBP is a beta method: a key without its role, or a shop Ozon does not serve it to, has no FBP
        // postings to sync; the rest of the sync goes on without them, and the seller is told once.
        const fbpRefused =
          (error instanceof OzonRoleError || error instanceof OzonNotFoundError) &&
          error.endpoint === EP.fbpList;
        if (!fbpRefused) throw error;
        const why = error instanceof OzonRoleError ? 'role' : 'unavailable';
        if (ctx.doc.get(FBP_REFUSED_KEY) !== why) {
          ctx.doc.set(FBP_REFUSED_KEY, why);
          notes.push(t(ctx.lang, `sync.fbp.${why}`, { method: EP.fbpList }));
        }
        const done = fbp.map((w) => ({ ...w, done: true }));
        round = { fbo: client.fboListRound(fbo, {}), fbp: { postings: [], windows: done } };
      }
      return {
        postings: [...round.fbo.postings.map(fromFbo), ...round.fbp.postings.map(fromFbp)],
        windows: round.fbo.windows,
        fbp: round.fbp.windows,
      };
    },
    notes: () => notes.splice(0),
  };
}

function notifier(source: SyncSource): (message: string) => void {
  // A time-driven run has no one to show a toast to.
  if (source === 'trigger') return () => undefined;
  return (message) => {
    try {
      toast(message, 'Ozon', 5);
    } catch {
      // No UI in this context.
    }
  };
}

export function summarise(outcome: SyncOutcome): SyncSummary {
  return {
    result: outcome.result,
    message: outcome.message,
    fetched: outcome.fetched,
    added: outcome.added,
    updated: outcome.updated,
    newOrders: outcome.freshCount,
  };
}

/** `executionStart`: when the execution began (the hourly trigger passes its own start). */
export function syncOrdersNow(source: SyncSource, executionStart = Date.now()): SyncSummary {
  const ctx = appContext();
  const notify = notifier(source);
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) {
    const message = t(ctx.lang, 'sync.locked');
    notify(message);
    return { result: 'locked', message, fetched: 0, added: 0, updated: 0, newOrders: 0 };
  }
  try {
    const stopBy = deadlineFrom(executionStart, BUDGET.syncStop);
    notify(t(ctx.lang, 'sync.started'));
    const store = documentStore();
    const outcome = runSyncStep(
      {
        now: () => Date.now(),
        store,
        lang: ctx.lang,
        offset: cachedOffset(spreadsheetOffset()),
        source: () => ozonPostingSource(ctx, stopBy),
        split: splitWindows,
        readTabs: (specs) => readTabs(specs),
        // A Sheets quota refusal waits at most until the stop budget; then the job resumes next run.
        write: (requests) => void writeRequests(requests, undefined, { until: stopBy }),
        notify,
        newId: newUuid,
        fetchUntil: deadlineFrom(executionStart, BUDGET.syncFetch),
      },
      source,
      (error) => {
        const described = describeError(error, ctx.lang);
        return described.ok ? '' : described.error.message;
      },
    );
    const parts = [outcome.message];
    if (outcome.result !== 'failed' && outcome.freshCount > 0) {
      parts.push(t(ctx.lang, 'sync.newOrders', { count: outcome.freshCount }));
    }
    // The stock ledger follows the orders while the lock is still held (a no-op until inventory is in
    // use), within the sync's own deadline: a push after sync gets what is left of it, not a new budget.
    if (outcome.result !== 'failed' && Date.now() < stopBy) {
      const stock = afterSync(ctx, stopBy);
      if (stock.lowStockText) parts.push(stock.lowStockText);
    }
    notify(parts.join(' '));
    if (outcome.result === 'done' && outcome.freshCount > 0) sendDigest(ctx, store, outcome);
    return summarise(outcome);
  } finally {
    lock.release();
  }
}
