// The Sheets API allows 60 reads and 60 writes a minute per user, and 300 a minute per Cloud project
// (shared by every installation of the add-on); over that it answers 429. A refused request was not
// applied, so it is safe to send again: wait (exponential backoff, as the limits page asks) and
// continue. Only when the wait would outlast the execution does the refusal reach the caller, as a
// typed error the sync reports as "continues next run".
import { AppError } from '../core/errors';

const QUOTA_ERROR = /Quota exceeded|RATE_LIMIT_EXCEEDED|Too many requests|\b429\b/i;
/** Backoff waits, in ms: 1, 2, 4, 8, 16, 32 s and then the minute the quota takes to refill. */
const WAITS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000];

let waitedMs = 0;

/**
 * This execution's pace per kind: under Google's 60 a minute per user, leaving room for the seller's
 * other executions (a sidebar call while the hourly sync runs) that share the same quota.
 */
const PACE_PER_MINUTE = 50;
const MINUTE_MS = 60_000;
const recent: Record<SheetsCallKind, number[]> = { read: [], write: [] };

export type SheetsCallKind = 'read' | 'write';

/** Waits, when this execution has made its minute's share of `kind`, until a slot frees (never past `until`). */
function pace(kind: SheetsCallKind, until: number): void {
  const q = recent[kind];
  const now = Date.now();
  while (q.length && q[0] <= now - MINUTE_MS) q.shift();
  if (q.length >= PACE_PER_MINUTE) {
    const wait = q[0] + MINUTE_MS - now;
    if (wait > 0 && now + wait <= until) {
      Utilities.sleep(wait);
      waitedMs += wait;
    }
    q.shift();
  }
  q.push(Date.now());
}

/** Total time this execution spent waiting for Sheets quota (the bench and logs report it). */
export function sheetsQuotaWaitMs(): number {
  return waitedMs;
}

export function isSheetsQuotaError(error: unknown): boolean {
  return QUOTA_ERROR.test(error instanceof Error ? error.message : String(error));
}

/**
 * Runs one Sheets API call; on a 429 waits and sends it again, as long as the wait ends before
 * `until` (epoch ms; by default 90 s from now). Past that: AppError `sheets.quota`.
 */
export function withSheetsQuota<T>(
  call: () => T,
  until = Date.now() + 90_000,
  kind: SheetsCallKind = 'read',
): T {
  pace(kind, until);
  for (let attempt = 0; ; attempt++) {
    try {
      return call();
    } catch (error) {
      if (!isSheetsQuotaError(error)) throw error;
      const wait = WAITS_MS[Math.min(attempt, WAITS_MS.length - 1)] + Math.floor(Math.random() * 1000);
      if (Date.now() + wait > until) throw new AppError('sheets.quota', 'error.sheets.quota');
      Utilities.sleep(wait);
      waitedMs += wait;
    }
  }
}

export function isSheetsQuotaAppError(error: unknown): boolean {
  return error instanceof AppError && error.code === 'sheets.quota';
}
