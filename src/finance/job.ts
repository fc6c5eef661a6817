// Where the finance run stands, kept in document properties so the next execution (the hourly
// trigger or the next click) continues it: the postings read so far (by number, in order) and the
// days whose accruals are still to be read. Small on purpose: a property holds at most 9 kB.
//
// What each run reads. Ozon's notes: accruals keep arriving and being corrected for weeks after
// delivery, statuses keep changing for up to a month after shipping, and /v1/finance/accrual/by-day
// lists the accruals dated on one day — so a correction booked today is on today's list, whichever
// posting it is for, and an old posting needs no reading of its own to receive it.
// - the first run: every posting that carries money, by posting number;
// - every later run: the days since the last run, by day (every accrual booked on them, corrections of
//   old postings included), and by posting only the postings new in Orders or whose status changed
//   since then;
// - the first run of each Moscow day also re-reads, by posting, the postings whose accruals can still
//   change (`SETTLE_DAYS`), and the `OVERLAP_DAYS` before the last run's day by day, for accruals
//   Ozon books late or re-prices in place. Settled postings are never read again unless a day shows
//   them.
import { readJson, type KeyValueStore } from '../adapters/properties';

export interface FinanceJob {
  v: 2;
  mode: 'initial' | 'incremental';
  /** Incremental: also re-read the open postings and the overlap days (the first run of a day). */
  sweep: boolean;
  /** The Moscow day of the last such sweep (the first run counts as one). */
  swept: string;
  startedAt: number;
  /** Moscow day the job reads up to (Ozon dates its accruals in Moscow time). */
  today: string;
  /** Postings are read in posting-number order; the last one read. */
  after: string;
  /** Incremental: postings whose status changed since this instant (epoch ms) are re-read. */
  changedSince: number | null;
  /** Incremental: the latest "Last changed" the last run saw in Orders; later stamps are re-read. */
  seenAfter?: number | null;
  /** The latest "Last changed" in Orders when this job began (a serial in the spreadsheet's zone). */
  ordersSeen?: number | null;
  /** Incremental: days whose accruals are still to be read with /v1/finance/accrual/by-day. */
  days: string[];
  postingsRead: number;
  rowsChanged: number;
  executions: number;
}

export interface FinanceMark {
  /** The `today` of the last completed job. */
  day: string;
  at: number;
  /** The Moscow day of the last sweep of open postings (absent in marks from before sweeps). */
  swept?: string;
  /** The job's `ordersSeen`. */
  ordersSeen?: number | null;
}

export const FINANCE_JOB_KEY = 'ODESK_FINANCE_JOB';
export const FINANCE_MARK_KEY = 'ODESK_FINANCE_MARK';
/** Ozon books some accruals for earlier days: the daily sweep re-reads this many days back. */
export const OVERLAP_DAYS = 3;
/**
 * A posting whose last accrual, status change and order are all older than this is settled: its
 * accruals are not re-read by posting (a later correction still arrives through the day it is booked).
 */
export const SETTLE_DAYS = 30;
/**
 * Postings whose Orders row the sync stamped after the latest stamp the last run saw are re-read (the
 * sync stamps "Last changed" when it first sees a row or a new status). A mark from before that was
 * recorded falls back to stamps since shortly before the last run began. (Two hours here made the first
 * hourly runs re-read every posting the first sync had stamped.)
 */
export const CHANGED_OVERLAP_MS = 5_000;

const MSK_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

export const moscowDay = (ms: number) => new Date(ms + MSK_MS).toISOString().slice(0, 10);

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

export function planFinanceJob(now: number, mark: FinanceMark | null): FinanceJob {
  const today = moscowDay(now);
  const base = {
    v: 2 as const,
    startedAt: now,
    today,
    after: '',
    postingsRead: 0,
    rowsChanged: 0,
    executions: 0,
  };
  if (!mark) return { ...base, mode: 'initial', sweep: false, swept: today, changedSince: null, days: [] };
  const sweep = mark.swept !== today;
  // The last run's own day again: accruals kept being booked on it after that run.
  const from = sweep ? dayBefore(mark.day, OVERLAP_DAYS) : mark.day;
  return {
    ...base,
    mode: 'incremental',
    sweep,
    swept: sweep ? today : (mark.swept ?? ''),
    changedSince: mark.at - CHANGED_OVERLAP_MS,
    seenAfter: mark.ordersSeen ?? null,
    days: daysBetween(from, today),
  };
}

export function loadFinanceJob(store: KeyValueStore): FinanceJob | null {
  const job = readJson<FinanceJob>(store, FINANCE_JOB_KEY);
  // A job saved by an older version is planned again from the mark.
  return job && job.v === 2 ? job : null;
}

export function saveFinanceJob(store: KeyValueStore, job: FinanceJob): void {
  store.set(FINANCE_JOB_KEY, JSON.stringify(job));
}

export function loadFinanceMark(store: KeyValueStore): FinanceMark | null {
  return readJson<FinanceMark>(store, FINANCE_MARK_KEY);
}

export function finishFinanceJob(store: KeyValueStore, job: FinanceJob): void {
  const mark: FinanceMark = {
    day: job.today,
    at: job.startedAt,
    swept: job.swept,
    ordersSeen: job.ordersSeen ?? null,
  };
  store.set(FINANCE_MARK_KEY, JSON.stringify(mark));
  store.delete(FINANCE_JOB_KEY);
}
