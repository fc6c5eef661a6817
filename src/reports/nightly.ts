// The nightly run, carried by the hourly trigger: at the first hourly run after the chosen hour
// (spreadsheet time zone) it syncs orders, rebuilds the reports and, when turned on, emails a
// summary. The day of the last completed run and the phase of a run in progress are kept in
// document properties, so late or doubled triggers run it once a day, and a run cut by the
// execution limit continues at the next hourly run from the phase it reached.
import { appContext } from '../app/context';
import { spreadsheetUrl } from '../adapters/document';
import { tryDocumentLock, type HeldLock } from '../adapters/lock';
import { mailToSelf } from '../adapters/mail';
import type { KeyValueStore } from '../adapters/properties';
import { summaryEmail, type SummaryEmail } from '../core/reports/email';
import { localDay } from '../core/time/serial';
import type { OffsetMinutes } from '../core/time/serial';
import type { SyncSummary } from '../shared/sync-schema';
import { syncOrdersNow } from '../sync/run';
import { appsScriptReportsHost, buildAllReports, type BuiltReports } from './build';
import { nightlyEmail, nightlyHour, NIGHTLY_JOB_KEY, NIGHTLY_LAST_KEY } from './settings';

export type NightlyPhase = 'sync' | 'reports' | 'email';

export interface NightlyJob {
  /** The day (YYYY-MM-DD, spreadsheet zone) this run is for. */
  day: string;
  phase: NightlyPhase;
  /** Another execution is working on it until then (a doubled trigger leaves it alone). */
  leaseUntil: number;
  runs: number;
  failures: number;
  syncNote?: string;
  email?: SummaryEmail;
}

export interface NightlyResult {
  status: 'not-due' | 'running' | 'locked' | 'partial' | 'done' | 'failed';
  day?: string;
  phase?: NightlyPhase;
  message?: string;
}

export interface NightlyEnv {
  now(): number;
  offset: OffsetMinutes;
  store: KeyValueStore;
  lock(): HeldLock | null;
  sync(): SyncSummary;
  build(): BuiltReports;
  compose(built: BuiltReports, syncNote: string | undefined): SummaryEmail;
  send(email: SummaryEmail): void;
}

/** A lease a little longer than one execution may run. */
const LEASE_MS = 6.5 * 60_000;
/** Reports start only while this much of the execution is left unused since it began. */
const REPORTS_START_WITHIN_MS = 2 * 60_000;
const SYNC_START_WITHIN_MS = 60_000;
const MAX_FAILURES = 3;

export function loadNightlyJob(store: KeyValueStore): NightlyJob | null {
  const raw = store.get(NIGHTLY_JOB_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as NightlyJob;
  } catch {
    return null;
  }
}

function save(store: KeyValueStore, job: NightlyJob): void {
  store.set(NIGHTLY_JOB_KEY, JSON.stringify(job));
}

export function localHour(epochMs: number, offset: OffsetMinutes): number {
  return new Date(epochMs + offset(epochMs) * 60_000).getUTCHours();
}

/** Claims today's run (or the one in progress) under the document lock; null when nothing is due. */
function claim(env: NightlyEnv, now: number): NightlyJob | NightlyResult {
  const lock = env.lock();
  if (!lock) return { status: 'locked' };
  try {
    const today = localDay(now, env.offset);
    const due = localHour(now, env.offset) >= nightlyHour(env.store);
    let job = loadNightlyJob(env.store);
    if (job && job.leaseUntil > now) return { status: 'running', day: job.day, phase: job.phase };
    // An unfinished run of an earlier night is replaced once tonight's is due.
    if (job && job.day !== today && due) job = null;
    if (!job) {
      if (!due || env.store.get(NIGHTLY_LAST_KEY) === today) return { status: 'not-due', day: today };
      job = { day: today, phase: 'sync', leaseUntil: 0, runs: 0, failures: 0 };
    }
    job.runs++;
    job.leaseUntil = now + LEASE_MS;
    save(env.store, job);
    return job;
  } finally {
    lock.release();
  }
}

function pause(
  env: NightlyEnv,
  job: NightlyJob,
  status: NightlyResult['status'],
  message?: string,
): NightlyResult {
  job.leaseUntil = 0;
  save(env.store, job);
  return { status, day: job.day, phase: job.phase, ...(message ? { message } : {}) };
}

function finish(env: NightlyEnv, job: NightlyJob): NightlyResult {
  env.store.set(NIGHTLY_LAST_KEY, job.day);
  env.store.delete(NIGHTLY_JOB_KEY);
  return { status: 'done', day: job.day, phase: job.phase };
}

/** One hourly share of the nightly run. `startedAt` is when the execution began. */
export function nightlyStep(env: NightlyEnv, startedAt: number): NightlyResult {
  const claimed = claim(env, env.now());
  if (!('phase' in claimed) || !('leaseUntil' in claimed)) return claimed as NightlyResult;
  const job = claimed;

  if (job.phase === 'sync') {
    // A sync started late in an execution would not leave it time to finish.
    if (env.now() - startedAt > SYNC_START_WITHIN_MS) return pause(env, job, 'partial');
    let summary: SyncSummary;
    try {
      summary = env.sync();
    } catch (error) {
      summary = {
        result: 'failed',
        message: error instanceof Error ? error.message : String(error),
        fetched: 0,
        added: 0,
        updated: 0,
        newOrders: 0,
      };
    }
    if (summary.result === 'partial' || summary.result === 'locked')
      return pause(env, job, summary.result === 'locked' ? 'locked' : 'partial', summary.message);
    // A failed sync (Ozon down, a bad key) still gets tonight's reports from the rows already there.
    if (summary.result === 'failed') job.syncNote = summary.message;
    job.phase = 'reports';
    save(env.store, job);
  }

  if (job.phase === 'reports') {
    if (env.now() - startedAt > REPORTS_START_WITHIN_MS) return pause(env, job, 'partial');
    const lock = env.lock();
    if (!lock) return pause(env, job, 'locked');
    try {
      const built = env.build();
      job.email = env.compose(built, job.syncNote);
      job.phase = 'email';
      save(env.store, job);
    } catch (error) {
      job.failures++;
      const message = error instanceof Error ? error.message : String(error);
      // A build that keeps failing must not retry every hour all night.
      if (job.failures >= MAX_FAILURES) {
        finish(env, job);
        return { status: 'failed', day: job.day, phase: 'reports', message };
      }
      return pause(env, job, 'failed', message);
    } finally {
      lock.release();
    }
  }

  if (job.phase === 'email' && job.email && nightlyEmail(env.store)) {
    try {
      env.send(job.email);
    } catch {
      // The summary is a courtesy: the reports are built either way.
    }
  }
  return finish(env, job);
}

const LOCK_WAIT_MS = 5_000;

export interface NightlyOptions {
  /** When the execution began (default: now): bounds how much of it the run may still use. */
  startedAt?: number;
  /** The sync this execution already ran: reused instead of syncing again. */
  synced?: SyncSummary;
}

/**
 * Safe to call every hour: does nothing unless tonight's run is due or one is in progress.
 * The hourly trigger calls it with `Date.now()`, plus the execution's start and its own sync result.
 */
export function runNightlyIfDue(now: number, opts: NightlyOptions = {}): NightlyResult {
  const startedAt = opts.startedAt ?? now;
  const ctx = appContext();
  const host = appsScriptReportsHost(ctx.lang);
  const env: NightlyEnv = {
    now: () => Math.max(Date.now(), now),
    offset: host.offset,
    store: ctx.doc,
    lock: () => tryDocumentLock(LOCK_WAIT_MS),
    sync: () => (opts.synced && opts.synced.result !== 'locked' ? opts.synced : syncOrdersNow('trigger')),
    build: () => buildAllReports(host),
    compose: (built, syncNote) =>
      summaryEmail(ctx.lang, built.data, {
        url: spreadsheetUrl(),
        ...(syncNote ? { syncNote } : {}),
      }),
    send: (email) => void mailToSelf(email),
  };
  return nightlyStep(env, startedAt);
}
