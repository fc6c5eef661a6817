// What a sync run is to do and how far it got, kept in document properties so that the next
// execution (the hourly trigger or the next click) continues it with no gaps and no duplicates.
import { readJson, type KeyValueStore } from '../adapters/properties';
import type { WindowCursor } from '../ozon/paging';

export type { WindowCursor };

export type SyncSource = 'menu' | 'trigger' | 'sidebar';

export interface SyncJob {
  v: 1;
  id: string;
  source: SyncSource;
  startedAt: number;
  mode: 'initial' | 'incremental';
  /** Upper bound of this job; the next incremental sync starts from it (minus the overlap). */
  to: string;
  fbsBy: 'created' | 'changed';
  fbs: WindowCursor[];
  fbo: WindowCursor[];
  /** FBP (partner warehouses): a rolling window like FBO. Jobs saved before FBP existed have none. */
  fbp?: WindowCursor[];
  fetched: number;
  added: number;
  updated: number;
  executions: number;
  /** Open postings added by this job, for the toast and the digest (capped). */
  fresh: string[];
  freshCount: number;
  /** Reads again months missing from the archive (see archive/refill). */
  refill?: boolean;
  /**
   * Incremental jobs: a slice of the FBO year beyond the rolling window (see FBO_SWEEP_DAYS), read to
   * update postings the sheet or the archive holds (never to add any). Jobs saved before it have none.
   */
  fboSweep?: WindowCursor[];
}

export interface SyncMark {
  /** The `to` of the last completed job. */
  to: string;
  completedAt: number;
  /**
   * Where the FBO sweep stands: its windows not read to the end by the last job (cut by the
   * deadline), else the `from` of the slice it finished (the next slice ends there).
   */
  fboSweep?: { windows: WindowCursor[] } | { before: string };
}

export const JOB_KEY = 'ODESK_SYNC_JOB';
export const MARK_KEY = 'ODESK_SYNC_MARK';
export const LOOKBACK_KEY = 'ODESK_LOOKBACK_DAYS';
/** How many postings Orders held after the last sync (or move to the archive): fewer later means rows were deleted. */
export const ORDERS_COUNT_KEY = 'ODESK_ORDERS_COUNT';

export const DEFAULT_LOOKBACK_DAYS = 30;
export const MAX_LOOKBACK_DAYS = 365;
/** Status changes can be recorded a little after they happen: re-read a margin before the last mark. */
export const CHANGE_OVERLAP_MS = 15 * 60_000;
/** FBO and FBP lists have no "changed since" filter: re-read this many days each time. */
export const FBO_ROLLING_DAYS = 40;
/**
 * Beyond the rolling window, every incremental job also re-reads this many days of FBO postings,
 * newest first, back to a year (Ozon's longest period, as far back as the FBS list's status-change
 * filter reaches): a late return of an FBO posting older than 40 days is seen within a cycle of
 * (365 − 40) / 10 ≈ 33 hourly syncs, whether the posting is still in Orders or archived.
 */
export const FBO_SWEEP_DAYS = 10;
const DAY_MS = 86_400_000;
const FRESH_CAP = 50;

export type WindowSplitter = (fromIso: string, toIso: string, count: number) => WindowCursor[];

function windowsFor(split: WindowSplitter, fromMs: number, toMs: number, daysPerWindow: number, max: number) {
  const count = Math.max(1, Math.min(max, Math.ceil((toMs - fromMs) / (daysPerWindow * DAY_MS))));
  return split(new Date(fromMs).toISOString(), new Date(toMs).toISOString(), count);
}

export function planJob(args: {
  now: number;
  mark: SyncMark | null;
  lookbackDays: number;
  source: SyncSource;
  split: WindowSplitter;
  id: string;
}): SyncJob {
  const { now, mark, split } = args;
  const base = {
    v: 1 as const,
    id: args.id,
    source: args.source,
    startedAt: now,
    to: new Date(now).toISOString(),
    fetched: 0,
    added: 0,
    updated: 0,
    executions: 0,
    fresh: [],
    freshCount: 0,
  };
  const fboFrom = now - FBO_ROLLING_DAYS * DAY_MS;
  if (mark) {
    // Never reach back further than a year: Ozon rejects longer periods, and older data is settled.
    const from = Math.max(Date.parse(mark.to) - CHANGE_OVERLAP_MS, now - MAX_LOOKBACK_DAYS * DAY_MS);
    return {
      ...base,
      mode: 'incremental',
      fbsBy: 'changed',
      fbs: windowsFor(split, from, now, 7, 8),
      fbo: windowsFor(split, fboFrom, now, 5, 8),
      fbp: windowsFor(split, fboFrom, now, 5, 8),
      fboSweep: sweepWindows(split, now, mark),
    };
  }
  const from = now - args.lookbackDays * DAY_MS;
  return {
    ...base,
    mode: 'initial',
    fbsBy: 'created',
    fbs: windowsFor(split, from, now, 4, 8),
    fbo: windowsFor(split, Math.min(from, fboFrom), now, 5, 8),
    fbp: windowsFor(split, Math.min(from, fboFrom), now, 5, 8),
  };
}

/** The FBO sweep's windows for the next incremental job: the rest of a cut slice, else the next slice. */
export function sweepWindows(split: WindowSplitter, now: number, mark: SyncMark): WindowCursor[] {
  const newest = now - FBO_ROLLING_DAYS * DAY_MS;
  const oldest = now - MAX_LOOKBACK_DAYS * DAY_MS;
  const at = mark.fboSweep;
  if (at && 'windows' in at && at.windows.some((w) => !w.done)) return at.windows;
  const before = at && 'before' in at ? Date.parse(at.before) : NaN;
  // A cycle starts again at the rolling window's edge once it reached a year back (or never began).
  const to = Number.isFinite(before) && before > oldest && before <= newest ? before : newest;
  const from = Math.max(oldest, to - FBO_SWEEP_DAYS * DAY_MS);
  return windowsFor(split, from, to, 5, 2);
}

/** Where the sweep stands once a job is finished (kept in the mark for the next job). */
function sweepMark(job: SyncJob): SyncMark['fboSweep'] | undefined {
  const windows = job.fboSweep;
  if (!windows?.length) return undefined;
  if (windows.some((w) => !w.done)) return { windows };
  return { before: windows[0].from };
}

export function noteFresh(job: SyncJob, postingNumbers: readonly string[]): void {
  job.freshCount += postingNumbers.length;
  for (const number of postingNumbers) if (job.fresh.length < FRESH_CAP) job.fresh.push(number);
}

export function jobDone(job: SyncJob): boolean {
  return job.fbs.every((w) => w.done) && job.fbo.every((w) => w.done) && (job.fbp ?? []).every((w) => w.done);
}

export function loadJob(store: KeyValueStore): SyncJob | null {
  const job = readJson<SyncJob>(store, JOB_KEY);
  return job && job.v === 1 ? job : null;
}

export function saveJob(store: KeyValueStore, job: SyncJob): void {
  store.set(JOB_KEY, JSON.stringify(job));
}

export function loadMark(store: KeyValueStore): SyncMark | null {
  return readJson<SyncMark>(store, MARK_KEY);
}

export function finishJob(store: KeyValueStore, job: SyncJob, now: number): void {
  const sweep = sweepMark(job) ?? loadMark(store)?.fboSweep;
  store.set(
    MARK_KEY,
    JSON.stringify({
      to: job.to,
      completedAt: now,
      ...(sweep ? { fboSweep: sweep } : {}),
    } satisfies SyncMark),
  );
  store.delete(JOB_KEY);
}

export function lookbackDays(store: KeyValueStore): number {
  const value = Number(store.get(LOOKBACK_KEY));
  return Number.isInteger(value) && value >= 1 && value <= MAX_LOOKBACK_DAYS ? value : DEFAULT_LOOKBACK_DAYS;
}
