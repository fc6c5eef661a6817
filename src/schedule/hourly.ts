// The one time-driven trigger: every scheduled job rides on it. Each job is isolated, so one that
// fails (Ozon down, a bad key) leaves the others to run and records its own failure.
import { activeSpreadsheetOrNull, bindSpreadsheet } from '../adapters/spreadsheet';
import { spreadsheetOfTrigger } from '../adapters/triggers';
import { AppError } from '../core/errors';
import { runNightlyIfDue } from '../reports/nightly';
import type { SyncSummary } from '../shared/sync-schema';
import { syncOrdersNow } from '../sync/run';
import { syncServiceNow } from '../service/run';
import { syncFeedbackNow } from '../feedback/run';
import { updateFinanceNow } from '../finance/run';
import { refreshOzonStockIfDue } from '../ozon-stock/daily';
import { BUDGET, EXECUTION_MS, WRITE_ROOM_MS, deadlineFrom } from '../app/budgets';
import { recordClockRun } from '../selfcheck/clock';
import { archiveIfDue } from '../archive/run';
import { loadBigQueryNow } from '../bigquery/run';

/**
 * `triggerUid` (from the event) names the spreadsheet the trigger was installed from: a time-driven
 * run may have no active document, and then works on that one.
 */
export function runHourly(triggerUid?: string, event?: { triggerUid?: unknown; authMode?: unknown }): void {
  const startedAt = Date.now();
  try {
    // A self-check waiting for this document's clock run learns what the run sees (before binding).
    recordClockRun(event ?? { triggerUid }, 'hourly-trigger', startedAt);
  } catch {
    // The check only reports; the sync must run.
  }
  const target = spreadsheetOfTrigger(triggerUid);
  if (!activeSpreadsheetOrNull()) {
    // A trigger from before uids were recorded cannot be placed: it says so in the log, and the
    // seller re-enables auto-sync from the spreadsheet.
    if (!target) throw new AppError('sheets.noSpreadsheet', 'error.sheets.noSpreadsheet');
    bindSpreadsheet(target);
  }
  let synced: SyncSummary | undefined;
  try {
    synced = syncOrdersNow('trigger', startedAt);
  } catch {
    // Recorded in the sync log; the nightly run still gets its turn.
  }
  // Reuses this hour's sync when the nightly run is due, and resumes one cut short earlier.
  try {
    runNightlyIfDue(Date.now(), { startedAt, ...(synced ? { synced } : {}) });
  } catch {
    // Recorded by the reports; the returns & messages sync still gets its turn.
  }
  if (startedAt + EXECUTION_MS - Date.now() >= BUDGET.serviceMinLeft) {
    try {
      syncServiceNow('trigger', startedAt);
    } catch {
      // Recorded in the sync log; the next hour continues it.
    }
  }
  // Buyer feedback waits better than orders do. One deadline for the whole run.
  const deadline = startedAt + EXECUTION_MS;
  if (deadline - Date.now() >= BUDGET.feedbackMinLeft) {
    try {
      syncFeedbackNow('trigger', deadline);
    } catch {
      // Recorded in the sync log; the next hour continues it.
    }
  }
  // Last: fees and payouts follow the orders, in what is left of the execution (resumed next hour).
  if (synced && synced.result !== 'failed' && deadline - Date.now() >= BUDGET.financeMinLeft) {
    try {
      updateFinanceNow('trigger', deadlineFrom(startedAt, BUDGET.financeOzon));
    } catch {
      // Reported by the run itself; the next hour continues it.
    }
  }
  // Once a day: what Ozon holds at its own warehouses (it logs its own outcome).
  if (deadline - Date.now() >= BUDGET.ozonStockMinLeft) refreshOzonStockIfDue(deadline - 30_000);
  // The history into BigQuery (when set up) before the archive move, with what is left; it resumes next hour.
  if (deadline - Date.now() >= BUDGET.bigqueryMinLeft) {
    try {
      loadBigQueryNow('trigger', startedAt, deadline - WRITE_ROOM_MS);
    } catch {
      // Saved as the load's status; the next hour continues it.
    }
  }
  // Last, once a day: old finished postings move to the archive in what is left (a cut move resumes next hour).
  if (synced && synced.result === 'done' && deadline - Date.now() >= BUDGET.archiveMinLeft) {
    try {
      archiveIfDue(startedAt);
    } catch {
      // Nothing is lost by a failed move (copy before delete); the next hour continues it.
    }
  }
}
