// Where the finance run stands, kept in document properties so the next execution (the hourly
// trigger or the next click) continues it: the postings read so far (by number, in order) and the
// days whose accruals are still to be read. Small on purpose: a property holds at most 9 kB.
import { readJson, type KeyValueStore } from '../adapters/properties';

export interface FinanceJob {
  v: 1;
  mode: 'initial' | 'incremental';
  startedAt: number;
  /** Moscow day the job reads up to (Ozon dates its accruals in Moscow time). */
  today: string;
  /** Postings are read in posting-number order; the last one read. */
  after: string;
  /** Incremental: postings whose status changed since this instant (epoch ms) are re-read. */
  changedSince: number | null;
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
}

export const FINANCE_JOB_KEY = 'ODESK_FINANCE_JOB';
export const FINANCE_MARK_KEY = 'ODESK_FINANCE_MARK';
/** Ozon books some accruals for earlier days: each incremental run re-reads this many days back. */
export const OVERLAP_DAYS = 3;
/** ...and re-reads postings whose status changed since shortly before the last run. */
export const CHANGED_OVERLAP_MS = 2 * 3_600_000;

const MSK_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

export const moscowDay = (ms: number) => new Date(ms + MSK_MS).toISOString().slice(0, 10);

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function planFinanceJob(now: number, mark: FinanceMark | null): FinanceJob {
  const today = moscowDay(now);
  const base = {
    v: 1 as const,
    startedAt: now,
    today,
    after: '',
    postingsRead: 0,
    rowsChanged: 0,
    executions: 0,
  };
  if (!mark) return { ...base, mode: 'initial', changedSince: null, days: [] };
  const from = new Date(Date.parse(`${mark.day}T00:00:00Z`) - OVERLAP_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return {
    ...base,
    mode: 'incremental',
    changedSince: mark.at - CHANGED_OVERLAP_MS,
    days: daysBetween(from, today),
  };
}

export function loadFinanceJob(store: KeyValueStore): FinanceJob | null {
  const job = readJson<FinanceJob>(store, FINANCE_JOB_KEY);
  return job && job.v === 1 ? job : null;
}

export function saveFinanceJob(store: KeyValueStore, job: FinanceJob): void {
  store.set(FINANCE_JOB_KEY, JSON.stringify(job));
}

export function loadFinanceMark(store: KeyValueStore): FinanceMark | null {
  return readJson<FinanceMark>(store, FINANCE_MARK_KEY);
}

export function finishFinanceJob(store: KeyValueStore, job: FinanceJob): void {
  store.set(FINANCE_MARK_KEY, JSON.stringify({ day: job.today, at: job.startedAt } satisfies FinanceMark));
  store.delete(FINANCE_JOB_KEY);
}
