// Apps Script side of the returns & messages sync: the lock, the budget, the Ozon client and toasts.
import { tryDocumentLock } from '../adapters/lock';
import { documentStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { appContext, type AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { ozonClientFor } from '../app/ozon';
import { t } from '../core/i18n/messages';
import {
  fromCancellation,
  fromChatItem,
  fromOzonReturn,
  fromRfbsListItem,
  lastMessage,
  type LastMessage,
} from '../core/service/records';
import { cachedOffset } from '../core/time/serial';
import type { OzonClient } from '../ozon/client';
import type { ServiceSyncSummary } from '../shared/service-schema';
import type { SyncSource } from '../sync/job';
import { runServiceStep, type ServiceSource } from './sync';
import { EXECUTION_MS, WRITE_ROOM_MS } from '../app/budgets';

const LOCK_WAIT_MS = 2_000;

export function ozonServiceSource(client: OzonClient): ServiceSource {
  return {
    returnsPage: (filter, lastId) => {
      const page = client.returnsPage(filter, lastId);
      return { items: page.items.map(fromOzonReturn), next: page.next };
    },
    rfbsPage: (createdFrom, lastId) => {
      const page = client.rfbsReturnsPage({ created_at: { from: createdFrom } }, lastId);
      return { items: page.items.map(fromRfbsListItem), next: page.next };
    },
    cancellationsPage: (lastId) => {
      const page = client.conditionalCancellationsPage({ state: 'ALL' }, lastId);
      return { items: page.items.map(fromCancellation), next: page.next };
    },
    chatsPage: (cursor) => {
      const page = client.chatsPage({ chat_status: 'Opened' }, cursor);
      return { items: page.items.map(fromChatItem), next: page.next };
    },
    lastMessages: (chatIds) => {
      const answers = client.chatHistories(chatIds, 1);
      const out = new Map<string, LastMessage>();
      answers.forEach((a, k) => {
        if (a.messages[0]) out.set(chatIds[k], lastMessage(a.messages[0]));
      });
      return out;
    },
  };
}

function notifier(source: SyncSource): (message: string) => void {
  if (source === 'trigger') return () => undefined;
  return (message) => {
    try {
      toast(message, 'Ozon', 5);
    } catch {
      // No UI in this context.
    }
  };
}

/**
 * One execution's share of the returns & messages sync. `executionStart` is when the execution began
 * (the hourly trigger passes its own start, after the orders sync used part of the 6 minutes).
 */
export function syncServiceNow(
  source: SyncSource,
  executionStart = Date.now(),
  ctx: AppContext = appContext(),
): ServiceSyncSummary {
  const notify = notifier(source);
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) {
    const message = t(ctx.lang, 'service.sync.locked');
    notify(message);
    return { result: 'locked', message, fetched: 0, added: 0, updated: 0 };
  }
  try {
    const stopBy = executionStart + EXECUTION_MS - WRITE_ROOM_MS;
    const outcome = runServiceStep(
      {
        now: () => Date.now(),
        store: documentStore(),
        lang: ctx.lang,
        offset: cachedOffset(spreadsheetOffset()),
        source: () => ozonServiceSource(ozonClientFor(ctx.user, stopBy)),
        readTabs: (specs) => readTabs(specs),
        write: (requests) => void writeRequests(requests),
        // One Ozon call may take up to a minute (UrlFetch's own limit).
        fetchUntil: stopBy - 60_000,
      },
      source,
      (error) => {
        const described = describeError(error, ctx.lang);
        return described.ok ? '' : described.error.message;
      },
    );
    notify(outcome.message);
    return {
      result: outcome.result,
      message: outcome.message,
      fetched: outcome.fetched,
      added: outcome.added,
      updated: outcome.updated,
    };
  } finally {
    lock.release();
  }
}
