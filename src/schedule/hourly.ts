// The one time-driven trigger: every scheduled job rides on it. Each job is isolated, so one that
// fails (Ozon down, a bad key) leaves the others to run and records its own failure.
import { runNightlyIfDue } from '../reports/nightly';
import type { SyncSummary } from '../shared/sync-schema';
import { syncOrdersNow } from '../sync/run';

export function runHourly(): void {
  const startedAt = Date.now();
  let synced: SyncSummary | undefined;
  try {
    synced = syncOrdersNow('trigger');
  } catch {
    // Recorded in the sync log; the nightly run still gets its turn.
  }
  // Reuses this hour's sync when the nightly run is due, and resumes one cut short earlier.
  runNightlyIfDue(Date.now(), { startedAt, ...(synced ? { synced } : {}) });
}
