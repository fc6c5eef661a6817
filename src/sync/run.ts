// Apps Script side of the orders sync: the lock, the budget, the Ozon client, toasts and the digest.
import { describeError } from '../app/handler';
import { appContext, type AppContext } from '../app/context';
import { tryDocumentLock } from '../adapters/lock';
import { newUuid } from '../adapters/session';
import { documentStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, tableIO, writeRequests } from '../adapters/workbook';
import { t } from '../core/i18n/messages';
import { cachedOffset } from '../core/time/serial';
import { ozonClientFor } from '../app/ozon';
import { splitWindows } from '../ozon/paging';
import type { SyncSummary } from '../shared/sync-schema';
import { OzonNotFoundError, OzonRoleError, OzonSchemaError } from '../ozon/errors';
import type { RejectedItem } from '../ozon/schemas/common';
import type { OrderPosting } from '../core/orders/posting';
import type { SetAside } from './set-aside';
import { EP } from '../ozon/endpoints';
import { fbpPostings, ozonShippedRound } from '../ozon/fbp';
import { fromFbo, fromFbp, fromFbs } from '../core/orders/from-ozon';
import type { SyncSource } from './job';
import { runSyncStep, type PostingSource, type SyncOutcome } from './orders-sync';
import { sendDigest } from './digest';
import { afterSync, type AfterSyncResult } from '../inventory';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { loadBqWaiting, saveBqWaiting, updateArchived, type LateRows } from '../archive/late';
import { applyLateInBigQuery } from '../bigquery/late';
import { Cut, explain, loadArchivedRows } from '../bigquery/load';
import { bigQueryTarget } from '../bigquery/settings';
import { refillDays, refillDone } from '../archive/refill';
import { archiveBackend, liveDays } from '../archive/settings';
import { MAX_LOOKBACK_DAYS } from './job';

const LOCK_WAIT_MS = 2_000;

/** Set while Ozon refuses this shop's FBP postings, so the Sync log says so once, and again when they return. */
const FBP_REFUSED_KEY = 'ODESK_FBP_REFUSED';

/** Maps postings one by one: a posting the mapping refuses is set aside, never fails the round. */
function mapEach<P extends { posting_number: string }>(
  raw: readonly P[],
  map: (p: P) => OrderPosting,
  scheme: SetAside['scheme'],
  into: SetAside[],
): OrderPosting[] {
  const out: OrderPosting[] = [];
  for (const p of raw) {
    try {
      out.push(map(p));
    } catch (error) {
      into.push({
        posting: p.posting_number,
        scheme,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return out;
}

function setAside(items: readonly RejectedItem[] | undefined, scheme: SetAside['scheme']): SetAside[] {
  return (items ?? []).map((r) => ({
    posting: r.key,
    scheme,
    detail: `${r.path || '(posting)'}: ${r.detail}`,
  }));
}

export function ozonPostingSource(ctx: AppContext, deadline: number): PostingSource {
  const client = ozonClientFor(ctx.user, deadline);
  const notes: string[] = [];
  return {
    fbsRound: (windows, by) => {
      const round = client.fbsListRound(windows, { by });
      const rejected = setAside(round.rejected, 'fbs');
      return {
        postings: mapEach(round.postings, fromFbs, 'fbs', rejected),
        windows: round.windows,
        rejected,
      };
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
      const rejected = [...setAside(round.fbo.rejected, 'fbo'), ...setAside(round.fbp.rejected, 'fbp')];
      return {
        postings: [
          ...mapEach(round.fbo.postings, fromFbo, 'fbo', rejected),
          ...mapEach(round.fbp.postings, fromFbp, 'fbp', rejected),
        ],
        windows: round.fbo.windows,
        fbp: round.fbp.windows,
        rejected,
      };
    },
    notes: () => notes.splice(0),
    refetch: (list) => {
      const postings: OrderPosting[] = [];
      const rejected: SetAside[] = [];
      for (const item of list) {
        try {
          if (item.scheme === 'fbs')
            postings.push(...mapEach([client.getFbsPosting(item.posting)], fromFbs, 'fbs', rejected));
          else if (item.scheme === 'fbo')
            postings.push(...mapEach([client.getFboPosting(item.posting)], fromFbo, 'fbo', rejected));
          else {
            const found = fbpPostings(client, [item.posting]);
            if (found.length) postings.push(...mapEach(found, fromFbp, 'fbp', rejected));
            else rejected.push(item);
          }
        } catch (error) {
          // Gone at Ozon: nothing to retry. Unreadable again: say why. Anything else: try next run.
          if (error instanceof OzonNotFoundError) continue;
          rejected.push(
            error instanceof OzonSchemaError ? { ...item, detail: `${error.path}: ${error.detail}` } : item,
          );
        }
      }
      return { postings, windows: [], rejected };
    },
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
    const bigQueryOnly = archiveBackend(store) === 'bigquery' ? bigQueryTarget(store) : null;
    let stock: AfterSyncResult | undefined;
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
        archived: (postings, swept) =>
          updateArchived(
            {
              now: () => Date.now(),
              store,
              lang: ctx.lang,
              offset: cachedOffset(spreadsheetOffset()),
              io: (id) => tableIO(id, { until: stopBy }),
              ...(bigQueryTarget(store)
                ? {
                    bigQuery: (sets: readonly LateRows[]) =>
                      loadArchivedRows(bigQueryTarget(store)!, ctx.lang, sets, stopBy),
                  }
                : {}),
              ...(bigQueryOnly
                ? {
                    bigQueryOnly: {
                      liveDays: liveDays(store),
                      apply: (postings: readonly OrderPosting[]) =>
                        applyLateInBigQuery(
                          bigQueryOnly,
                          ctx.lang,
                          postings,
                          cachedOffset(spreadsheetOffset()),
                          stopBy,
                        ),
                      explain: (error: unknown) => {
                        if (error instanceof Cut)
                          return t(ctx.lang, 'bigquery.partial', { rows: 0, batches: 0 });
                        const explained = explain(error, bigQueryOnly);
                        return t(ctx.lang, explained.key, explained.params);
                      },
                    },
                  }
                : {}),
            },
            postings,
            swept,
          ),
        bigQueryWaiting: () => ({
          list: loadBqWaiting(store),
          forget: (gone: string[]) => {
            const drop = new Set(gone);
            saveBqWaiting(
              store,
              loadBqWaiting(store).filter((w) => !drop.has(w.posting)),
            );
          },
        }),
        refill: () => refillDays(store, Date.now(), MAX_LOOKBACK_DAYS),
        refillDone: () => refillDone(store),
        // The stock ledger follows the orders while the lock is still held (a no-op until inventory is
        // in use), within the sync's own deadline: a push after sync gets what is left of it, not a new
        // budget. Why it did not run or push (a damaged ledger, a sharp cut) goes into the Sync log row.
        afterWrite: () => {
          if (Date.now() >= stopBy) return '';
          stock = afterSync(ctx, stopBy);
          return stock.note ?? '';
        },
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
    if (stock?.note) parts.push(stock.note);
    else if (stock?.lowStockText) parts.push(stock.lowStockText);
    notify(parts.join(' '));
    if (outcome.result === 'done' && outcome.freshCount > 0) sendDigest(ctx, store, outcome);
    return summarise(outcome);
  } finally {
    lock.release();
  }
}
