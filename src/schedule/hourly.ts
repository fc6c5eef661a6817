// The one time-driven trigger: every scheduled job rides on it. Each job is isolated, so one that
// fails (Ozon down, a bad key) leaves the others to run and records its own failure.
import { activeSpreadsheetOrNull, bindSpreadsheet } from '../adapters/spreadsheet';
import { spreadsheetOfTrigger } from '../adapters/triggers';
import { AppError } from '../core/errors';
import { runNightlyIfDue } from '../reports/nightly';
import type { SyncSummary } from '../shared/sync-schema';
import { syncOrdersNow } from '../sync/run';
import { EXECUTION_MS, syncServiceNow } from '../service/run';
import { syncFeedbackNow } from '../feedback/run';
import { updateFinanceNow } from '../finance/run';

/** Below this much time left in the execution the returns & messages sync waits for the next hour. */
const SERVICE_MIN_MS = 120_000;
/** Below this much time left the reviews & questions sync waits for the next hour (it resumes there). */
const FEEDBACK_MIN_MS = 120_000;
/** The finance run needs this much of the execution left (it resumes where it stopped next hour). */
const FINANCE_MIN_MS = 150_000;

/**
 * `triggerUid` (from the event) names the spreadsheet the trigger was installed from: a time-driven
 * run may have no active document, and then works on that one.
 */
export function runHourly(triggerUid?: string): void {
  const startedAt = Date.now();
  const target = spreadsheetOfTrigger(triggerUid);
  if (!activeSpreadsheetOrNull()) {
    // A trigger from before uids were recorded cannot be placed: it says so in the log, and the
    // seller re-enables auto-sync from the spreadsheet.
    if (!target) throw new AppError('sheets.noSpreadsheet', 'error.sheets.noSpreadsheet');
    bindSpreadsheet(target);
  }
  let synced: SyncSummary | undefined;
  try {
    synced = syncOrdersNow('trigger');
  } catch {
    // Recorded in the sync log; the nightly run still gets its turn.
  }
  // Reuses this hour's sync when the nightly run is due, and resumes one cut short earlier.
  try {
    runNightlyIfDue(Date.now(), { startedAt, ...(synced ? { synced } : {}) });
  } catch {
    // Recorded by the reports; the returns & messages sync still gets its turn.
  }
  if (startedAt + EXECUTION_MS - Date.now() >= SERVICE_MIN_MS) {
    try {
      syncServiceNow('trigger', startedAt);
    } catch {
      // Recorded in the sync log; the next hour continues it.
    }
  }
  // Buyer feedback waits better than orders do. One deadline for the whole run.
  const deadline = startedAt + EXECUTION_MS;
  if (deadline - Date.now() >= FEEDBACK_MIN_MS) {
    try {
      syncFeedbackNow('trigger', deadline);
    } catch {
      // Recorded in the sync log; the next hour continues it.
    }
  }
  // Last: fees and payouts follow the orders, in what is left of the execution (resumed next hour).
  if (synced && synced.result !== 'failed' && deadline - Date.now() >= FINANCE_MIN_MS) {
    try {
      updateFinanceNow('trigger', startedAt);
    } catch {
      // Reported by the run itself; the next hour continues it.
    }
  }
}
