// Apps Script side of archiving: the lock, the one deadline, the ports to the live workbook and the
// archive spreadsheets, and the seller's toast. The menu runs it; the hourly trigger runs it after the
// sync when enough of the execution is left.
import { describeError } from '../app/handler';
import { appContext } from '../app/context';
import { tryDocumentLock } from '../adapters/lock';
import { newUuid } from '../adapters/session';
import { documentStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, tabNamesOf, writeRequests } from '../adapters/workbook';
import { createSpreadsheet, openSpreadsheet } from '../adapters/archive-files';
import { t } from '../core/i18n/messages';
import { cachedOffset, localDay } from '../core/time/serial';
import { BUDGET, deadlineFrom } from '../app/budgets';
import type { ArchiveRunSummary } from '../shared/archive-schema';
import { holdInBigQuery } from '../bigquery/archive';
import { bigQueryTarget } from '../bigquery/settings';
import { runArchiveStep } from './move';
import { ARCHIVE_JOB_KEY, archiveBackend } from './settings';

const LOCK_WAIT_MS = 2_000;

export type ArchiveSource = 'menu' | 'trigger' | 'sidebar';

/** Set to the day (spreadsheet zone) of the last hourly move that finished: one a day is enough. */
const LAST_DAY_KEY = 'ODESK_ARCHIVE_DAY';

/** The hourly run's share: a move cut earlier continues every hour; otherwise one move a day. */
export function archiveIfDue(executionStart: number): ArchiveRunSummary | null {
  const store = documentStore();
  const today = localDay(Date.now(), cachedOffset(spreadsheetOffset()));
  if (!store.get(ARCHIVE_JOB_KEY) && store.get(LAST_DAY_KEY) === today) return null;
  const summary = archiveNow('trigger', executionStart);
  if (summary.result === 'done' || summary.result === 'nothing') store.set(LAST_DAY_KEY, today);
  return summary;
}

export function archiveNow(source: ArchiveSource, executionStart = Date.now()): ArchiveRunSummary {
  const ctx = appContext();
  const notify =
    source === 'trigger'
      ? () => undefined
      : (message: string) => {
          try {
            toast(message, 'Ozon', 8);
          } catch {
            // No UI in this context.
          }
        };
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) {
    const message = t(ctx.lang, 'archive.locked');
    notify(message);
    return { result: 'locked', message, moved: 0, months: [] };
  }
  try {
    const store = documentStore();
    const backend = archiveBackend(store);
    const target = bigQueryTarget(store);
    if (backend === 'bigquery' && !target) {
      const message = t(ctx.lang, 'archive.bigqueryOff');
      notify(message);
      return { result: 'failed', message, moved: 0, months: [] };
    }
    const deadline = deadlineFrom(executionStart, BUDGET.archive);
    if (source !== 'trigger') notify(t(ctx.lang, 'archive.started'));
    const offset = cachedOffset(spreadsheetOffset());
    try {
      const outcome = runArchiveStep({
        now: () => Date.now(),
        store,
        lang: ctx.lang,
        offset,
        deadline,
        readTabs: (specs, id, parts) => readTabs(specs, id, parts),
        write: (requests, id) => void writeRequests(requests, id, { until: deadline }),
        tabNames: (id) => tabNamesOf(id, deadline),
        createSpreadsheet,
        openSpreadsheet,
        newId: newUuid,
        backend,
        // With BigQuery set up, a posting leaves the live tabs only once BigQuery holds it.
        ...(target
          ? {
              holdInBigQuery: (carried, whole) =>
                holdInBigQuery(target, ctx.lang, carried, offset, whole, deadline),
            }
          : {}),
      });
      const message = [outcome.message, ...outcome.notes].join(' ');
      notify(message);
      return { result: outcome.result, message, moved: outcome.moved, months: outcome.months };
    } catch (error) {
      const described = describeError(error, ctx.lang);
      const message = t(ctx.lang, 'archive.failed', { reason: described.ok ? '' : described.error.message });
      notify(message);
      return { result: 'failed', message, moved: 0, months: [] };
    }
  } finally {
    lock.release();
  }
}
