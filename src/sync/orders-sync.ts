// The orders sync: read Ozon's postings page round by page round, and land them in the Orders and
// Order lines tabs within one execution's budget, saving the position so the next run continues.
// Each tab is read once per execution; every write is a batchUpdate of only the changed cells.
import type { KeyValueStore } from '../adapters/properties';
import { t, type Lang } from '../core/i18n/messages';
import type { OrderPosting } from '../core/orders/posting';
import { lineRows, linesSpec, orderRow, ordersSpec, statusColourRules } from '../core/orders/tables';
import { columnLetter, planRequests, type SheetsRequest } from '../core/table/requests';
import {
  applyPlan,
  applySetup,
  prepareTab,
  type PreparedTab,
  type TabSnapshot,
} from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import { planUpsert } from '../core/table/upsert';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import {
  finishJob,
  jobDone,
  loadJob,
  loadMark,
  lookbackDays,
  noteFresh,
  planJob,
  saveJob,
  type SyncJob,
  type SyncSource,
  type WindowCursor,
  type WindowSplitter,
} from './job';
import { logRequest, syncLogSpec, type LogEntry } from './sync-log';

export interface PostingRound {
  postings: OrderPosting[];
  windows: WindowCursor[];
}

export interface PostingSource {
  fbsRound(windows: WindowCursor[], by: 'created' | 'changed'): PostingRound;
  fboRound(windows: WindowCursor[]): PostingRound;
}

export interface SyncEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  /** Built lazily: a sync that cannot get the lock must not need credentials. */
  source(): PostingSource;
  split: WindowSplitter;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): void;
  notify(message: string): void;
  newId(): string;
  /** No new Ozon round starts after this instant; what was read is then written. */
  fetchUntil: number;
}

export type SyncResult = 'done' | 'partial' | 'failed';

export interface SyncOutcome {
  result: SyncResult;
  job: SyncJob;
  fetched: number;
  added: number;
  updated: number;
  /** Open postings that arrived (for the toast and the digest). */
  fresh: string[];
  freshCount: number;
  message: string;
  error?: unknown;
}

/** Postings held in memory before they are written: bounds memory and the size of one write. */
const MAX_PENDING = 12_000;
const PROGRESS_EVERY_MS = 30_000;

const decorateOrders = (positions: ReadonlyMap<string, number>, sheetId: number): SheetsRequest[] => {
  const statusCol = columnLetter(positions.get('status_code') as number);
  const range = { sheetId, startRowIndex: 1 };
  return statusColourRules(statusCol, range) as SheetsRequest[];
};

interface Tabs {
  orders: PreparedTab;
  lines: PreparedTab;
  log: PreparedTab;
}

/** What landing rows in the order tabs needs, without the Ozon side. */
export type TabEnv = Pick<SyncEnv, 'readTabs' | 'write' | 'now' | 'lang' | 'offset'>;

function prepareTabs(env: TabEnv): Tabs {
  const snapshots = env.readTabs([ordersSpec, linesSpec, syncLogSpec]);
  const tabs: Tabs = {
    orders: prepareTab(snapshots.get(ordersSpec.tab) as TabSnapshot, decorateOrders),
    lines: prepareTab(snapshots.get(linesSpec.tab) as TabSnapshot),
    log: prepareTab(snapshots.get(syncLogSpec.tab) as TabSnapshot),
  };
  const setup = [...tabs.orders.setup, ...tabs.lines.setup, ...tabs.log.setup];
  if (setup.length) {
    env.write(setup);
    for (const tab of Object.values(tabs)) applySetup(tab);
  }
  return tabs;
}

function dataRows(snapshot: TabSnapshot) {
  return { firstRow: 1, rows: snapshot.values.slice(1) };
}

/**
 * Ozon's posting lists carry no status-change time, so "Last changed" is when a sync first saw the
 * current status: stamped on new rows and on status changes, left alone otherwise.
 */
function orderRows(env: TabEnv, tabs: Tabs, postings: Map<string, OrderPosting>) {
  const ctx = { lang: env.lang, offset: env.offset };
  const keyCol = tabs.orders.positions.get('posting_number') as number;
  const statusCol = tabs.orders.positions.get('status_code') as number;
  const known = new Map<string, unknown>();
  for (const row of tabs.orders.snapshot.values.slice(1)) {
    if (row[keyCol] !== undefined && row[keyCol] !== '') known.set(String(row[keyCol]), row[statusCol]);
  }
  const seenAt = toSerial(env.now(), env.offset);
  return [...postings.values()].map((p) => {
    const row = orderRow(p, ctx);
    if (row.last_changed === null) {
      if (known.has(p.postingNumber) && known.get(p.postingNumber) === p.status) delete row.last_changed;
      else row.last_changed = seenAt;
    }
    return row;
  });
}

/** Plans the Orders and Order lines writes for a batch of postings and mirrors them in memory. */
function landPostings(env: TabEnv, tabs: Tabs, postings: Map<string, OrderPosting>) {
  const orders = tabs.orders.snapshot;
  const ordersPlan = planUpsert(
    ordersSpec,
    tabs.orders.positions,
    dataRows(orders),
    orderRows(env, tabs, postings),
  );

  // Lines that vanished from a posting (a partial cancellation, a split) are removed.
  const lines = tabs.lines.snapshot;
  const postingCol = tabs.lines.positions.get('posting_number') as number;
  const keyCol = tabs.lines.positions.get('line_key') as number;
  const incomingLines = [...postings.values()].flatMap((p) => lineRows(p));
  const keep = new Set(incomingLines.map((row) => String(row.line_key)));
  const remove = new Set<string>();
  for (const row of lines.values.slice(1)) {
    const posting = row[postingCol];
    const key = row[keyCol];
    if (posting !== undefined && postings.has(String(posting)) && key && !keep.has(String(key)))
      remove.add(String(key));
  }
  const linesPlan = planUpsert(linesSpec, tabs.lines.positions, dataRows(lines), incomingLines, remove);

  const requests = [
    ...planRequests(ordersSpec, orders.sheetId, orders.rowCount, tabs.orders.positions, ordersPlan),
    ...planRequests(linesSpec, lines.sheetId, lines.rowCount, tabs.lines.positions, linesPlan),
  ];
  return {
    requests,
    commit: () => {
      applyPlan(orders, ordersPlan, requests.length ? Math.max(orders.rowCount, ordersPlan.rowsNeeded) : 0);
      applyPlan(lines, linesPlan, Math.max(lines.rowCount, linesPlan.rowsNeeded));
    },
    added: ordersPlan.added,
    updated: ordersPlan.updated.length,
  };
}

function logEntry(
  env: SyncEnv,
  started: number,
  source: SyncSource,
  outcome: Partial<SyncOutcome>,
): LogEntry {
  const resultKey =
    outcome.result === 'done'
      ? 'sync.resultOk'
      : outcome.result === 'partial'
        ? 'sync.resultPartial'
        : 'sync.resultFailed';
  const sourceKey =
    source === 'trigger'
      ? 'sync.sourceTrigger'
      : source === 'sidebar'
        ? 'sync.sourceSidebar'
        : 'sync.sourceMenu';
  return {
    started: toSerial(started, env.offset),
    source: t(env.lang, sourceKey),
    fetched: outcome.fetched ?? 0,
    added: outcome.added ?? 0,
    updated: outcome.updated ?? 0,
    duration: Math.round((env.now() - started) / 100) / 10,
    result: t(env.lang, resultKey),
    error: outcome.message && outcome.result === 'failed' ? outcome.message : '',
  };
}

/**
 * Writes a few postings straight into Orders and Order lines (after a ship, a cancel, a tracking
 * number), so the rows change at once instead of at the next sync.
 */
export function writePostings(
  env: TabEnv,
  postings: readonly OrderPosting[],
): { added: number; updated: number } {
  const tabs = prepareTabs(env);
  const landed = landPostings(env, tabs, new Map(postings.map((p) => [p.postingNumber, p])));
  if (landed.requests.length) env.write(landed.requests);
  return { added: landed.added.length, updated: landed.updated };
}

/** One execution's share of the sync. The caller holds the document lock. */
export function runSyncStep(
  env: SyncEnv,
  source: SyncSource,
  describe: (error: unknown) => string,
): SyncOutcome {
  const started = env.now();
  let job =
    loadJob(env.store) ??
    planJob({
      now: started,
      mark: loadMark(env.store),
      lookbackDays: lookbackDays(env.store),
      source,
      split: env.split,
      id: env.newId(),
    });
  job.executions++;
  const counts = { fetched: 0, added: 0, updated: 0, fresh: [] as string[] };
  let tabs: Tabs | undefined;
  try {
    tabs = prepareTabs(env);
    const client = env.source();
    let pending = new Map<string, OrderPosting>();
    let lastNotice = started;

    const flush = () => {
      if (!pending.size || !tabs) return;
      const landed = landPostings(env, tabs, pending);
      if (landed.requests.length) env.write(landed.requests);
      landed.commit();
      const fresh = landed.added.filter((n) => pending.get(n)?.status.startsWith('awaiting'));
      counts.added += landed.added.length;
      counts.updated += landed.updated;
      counts.fresh.push(...fresh);
      job.added += landed.added.length;
      job.updated += landed.updated;
      noteFresh(job, fresh);
      pending = new Map();
      // Saved only after the rows are written: a run that dies in between re-reads those pages,
      // and the upsert makes that harmless.
      saveJob(env.store, job);
    };

    while (!jobDone(job) && env.now() < env.fetchUntil) {
      const fbsOpen = job.fbs.some((w) => !w.done);
      const round = fbsOpen ? client.fbsRound(job.fbs, job.fbsBy) : client.fboRound(job.fbo);
      for (const posting of round.postings) pending.set(posting.postingNumber, posting);
      // Window positions advance in memory only; they are saved with the rows they produced.
      if (fbsOpen) job = { ...job, fbs: round.windows };
      else job = { ...job, fbo: round.windows };
      counts.fetched += round.postings.length;
      job.fetched += round.postings.length;
      if (pending.size >= MAX_PENDING) flush();
      if (env.now() - lastNotice > PROGRESS_EVERY_MS) {
        env.notify(t(env.lang, 'sync.progress', { fetched: job.fetched }));
        lastNotice = env.now();
      }
    }
    flush();

    const done = jobDone(job);
    if (done) finishJob(env.store, job, env.now());
    else saveJob(env.store, job);
    const message = done
      ? job.added || job.updated
        ? t(env.lang, 'sync.done', { added: job.added, updated: job.updated })
        : t(env.lang, 'sync.doneNone')
      : t(env.lang, 'sync.partial', { fetched: job.fetched });
    const outcome: SyncOutcome = {
      result: done ? 'done' : 'partial',
      job,
      fetched: counts.fetched,
      added: counts.added,
      updated: counts.updated,
      fresh: done ? job.fresh : counts.fresh,
      freshCount: done ? job.freshCount : counts.fresh.length,
      message,
    };
    const log = tabs.log;
    env.write([logRequest(log.snapshot.sheetId, log.positions, logEntry(env, started, source, outcome))]);
    return outcome;
  } catch (error) {
    const message = t(env.lang, 'sync.failed', { reason: describe(error) });
    const outcome: SyncOutcome = {
      result: 'failed',
      job,
      fetched: counts.fetched,
      added: counts.added,
      updated: counts.updated,
      fresh: counts.fresh,
      freshCount: counts.fresh.length,
      message,
      error,
    };
    try {
      if (tabs) {
        const log = tabs.log;
        env.write([logRequest(log.snapshot.sheetId, log.positions, logEntry(env, started, source, outcome))]);
      }
    } catch {
      // The log is best effort when the spreadsheet itself is failing; the message still reaches the seller.
    }
    return outcome;
  }
}
