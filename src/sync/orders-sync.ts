// The orders sync: read Ozon's postings page round by page round, and land them in the Orders and
// Order lines tabs within one execution's budget, saving the position so the next run continues.
// Each tab is read once per execution; every write is a batchUpdate of only the changed cells.
import type { KeyValueStore } from '../adapters/properties';
import { AppError } from '../core/errors';
import { t, type Lang } from '../core/i18n/messages';
import type { OrderPosting } from '../core/orders/posting';
import {
  lineRows,
  linesSpec,
  orderRow,
  ordersSpec,
  relabelOrderRows,
  statusColourRules,
} from '../core/orders/tables';
import { keysOf } from '../core/table/guard';
import { landTables, type TableTarget } from '../core/table/land';
import { columnLetter, type SheetsRequest } from '../core/table/requests';
import { applySetup, prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import { columnSpec, type TableSpec } from '../core/table/spec';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import {
  finishJob,
  jobDone,
  loadJob,
  loadMark,
  lookbackDays,
  noteFresh,
  ORDERS_COUNT_KEY,
  planJob,
  saveJob,
  type SyncJob,
  type SyncSource,
  type WindowCursor,
  type WindowSplitter,
} from './job';
import { headerIn } from '../core/i18n/headers';
import { logRelabelRequests, logRequest, runLogEntry, syncLogSpec, type LogEntry } from './sync-log';
import { loadSetAside, saveSetAside, setAsideText, type SetAside } from './set-aside';

export interface PostingRound {
  postings: OrderPosting[];
  windows: WindowCursor[];
  /** Postings Ozon sent in a shape the add-on cannot read: set aside, logged, read again next run. */
  rejected?: SetAside[];
}

export interface PostingSource {
  fbsRound(windows: WindowCursor[], by: 'created' | 'changed'): PostingRound;
  /** FBO and FBP windows advanced side by side, in one round. */
  ozonShippedRound(fbo: WindowCursor[], fbp: WindowCursor[]): PostingRound & { fbp: WindowCursor[] };
  /** What the source has to tell the seller about this run (a scheme Ozon would not give), once. */
  notes?(): string[];
  /** Reads set-aside postings again by number (those still unreadable come back in `rejected`). */
  refetch?(list: SetAside[]): PostingRound;
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
  /**
   * Postings not in Orders may live in the archive (moved there when old and finished): this updates
   * those it holds where they are and names them, so they are not added to Orders again.
   */
  /** Also called with none, once a sync, so late changes waiting for BigQuery are loaded. */
  archived?(
    postings: OrderPosting[],
    swept?: ReadonlySet<string>,
  ): { handled: Set<string>; updated: number; bigQueryNote?: string };
  /**
   * Postings whose late change waits for BigQuery (the only archive) to answer: read again at the
   * start of each sync; `forget` drops those Ozon no longer has.
   */
  bigQueryWaiting?(): {
    list: { posting: string; scheme: SetAside['scheme']; swept?: boolean }[];
    forget(postings: string[]): void;
  };
  /** Days back the next job reads to bring missing archive months back from Ozon (null: no refill asked). */
  refill?(): number | null;
  /** The refill's job is complete. */
  refillDone?(): void;
  /**
   * Runs once the rows are written, before the log row (the stock ledger's pass and the push after
   * sync); what it answers (why stock was not kept up) joins the log row's notes.
   */
  afterWrite?: () => string;
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
  /** What the sync put right in the sheet (rows moved under a write, rows deleted), for the log. */
  repairs?: string;
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
      // A status cell left empty (its column deleted and put back) is no change of status.
      const was = known.get(p.postingNumber);
      if (known.has(p.postingNumber) && (was === p.status || was === undefined || was === ''))
        delete row.last_changed;
      else row.last_changed = seenAt;
    }
    return row;
  });
}

/**
 * The Orders and Order lines targets for a batch of postings, planned from the tabs as just read:
 * lines that vanished from a posting (a partial cancellation, a split) are removed by key.
 */
function postingTargets(env: TabEnv, tabs: Tabs, postings: Map<string, OrderPosting>): TableTarget[] {
  const orders = tabs.orders.snapshot;
  const orderTarget: TableTarget = {
    spec: ordersSpec,
    rows: [
      ...orderRows(env, tabs, postings),
      ...relabelOrderRows(orders.values, tabs.orders.positions, env.lang, new Set(postings.keys())),
    ],
    decorate: decorateOrders,
    restoreMissing: true,
  };
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
  const lineTarget: TableTarget = { spec: linesSpec, rows: incomingLines, remove, restoreMissing: true };
  return [orderTarget, lineTarget];
}

const COUNT_KEY = ORDERS_COUNT_KEY;

function postingsIn(tabs: Tabs): number {
  const keyCol = tabs.orders.positions.get('posting_number') as number;
  return new Set(keysOf(tabs.orders.snapshot.values, keyCol).filter(Boolean)).size;
}

export interface Landing {
  added: string[];
  updated: number;
  /** Rows that took cells meant for another row (the seller sorted or moved rows meanwhile), rewritten. */
  repaired: number;
  /** Rows that vanished during the run (deleted by the seller or by a delete that missed), put back. */
  restored: number;
  /** The postings whose Orders row was put back so. */
  restoredPostings: Set<string>;
  tabs: Tabs;
}

/**
 * Lands postings through landTables, from a read made right before the write: every row is found
 * again by key around each write, rows that took cells meant for another are rewritten, rows that
 * vanished come back, and a write refused because a row it reached was deleted is planned again.
 */
function landGuarded(env: TabEnv, postings: Map<string, OrderPosting>): Landing {
  const tabs = prepareTabs(env);
  const targets = postingTargets(env, tabs, postings);
  const read = new Map([
    [ordersSpec.tab, tabs.orders.snapshot],
    [linesSpec.tab, tabs.lines.snapshot],
  ]);
  const landing = landTables(env, targets, read);
  const ordersPlan = landing.plans.get(ordersSpec.tab);
  return {
    added: ordersPlan?.added ?? [],
    // Rows only relabelled after a language change are not updated postings.
    updated: ordersPlan?.updated.filter((key) => postings.has(key)).length ?? 0,
    repaired: landing.repaired,
    restored: landing.restored,
    restoredPostings: landing.restoredKeys.get(ordersSpec.tab) ?? new Set(),
    tabs: {
      orders: landing.tabs.get(ordersSpec.tab) ?? tabs.orders,
      lines: landing.tabs.get(linesSpec.tab) ?? tabs.lines,
      log: tabs.log,
    },
  };
}

function logEntry(
  env: SyncEnv,
  started: number,
  source: SyncSource,
  outcome: Partial<SyncOutcome>,
): LogEntry {
  const result = outcome.result === 'done' || outcome.result === 'partial' ? outcome.result : 'failed';
  return runLogEntry({
    lang: env.lang,
    offset: env.offset,
    started,
    now: env.now(),
    source,
    result,
    fetched: outcome.fetched ?? 0,
    added: outcome.added ?? 0,
    updated: outcome.updated ?? 0,
    text: outcome.message && outcome.result === 'failed' ? outcome.message : (outcome.repairs ?? ''),
  });
}

/**
 * Writes a few postings straight into Orders and Order lines (after a ship, a cancel, a tracking
 * number), so the rows change at once instead of at the next sync.
 */
export function writePostings(
  env: TabEnv,
  postings: readonly OrderPosting[],
): { added: string[]; restored: Set<string>; updated: number } {
  const landed = landGuarded(env, new Map(postings.map((p) => [p.postingNumber, p])));
  return { added: landed.added, restored: landed.restoredPostings, updated: landed.updated };
}

/** One execution's share of the sync. The caller holds the document lock. */
export function runSyncStep(
  env: SyncEnv,
  source: SyncSource,
  describe: (error: unknown) => string,
): SyncOutcome {
  const started = env.now();
  const refill = loadJob(env.store) ? null : (env.refill?.() ?? null);
  let job =
    loadJob(env.store) ??
    planJob({
      now: started,
      mark: refill ? null : loadMark(env.store),
      lookbackDays: refill ?? lookbackDays(env.store),
      source,
      split: env.split,
      id: env.newId(),
    });
  if (refill) job.refill = true;
  job.executions++;
  const counts = {
    fetched: 0,
    added: 0,
    updated: 0,
    repaired: 0,
    restored: 0,
    archived: 0,
    fresh: [] as string[],
  };
  let lateAsked = false;
  let lateNote = '';
  let tabs: Tabs | undefined;
  try {
    tabs = prepareTabs(env);
    const expected = Number(env.store.get(COUNT_KEY) ?? 0) || 0;
    // Rows deleted since the last sync (or tabs emptied) come back from a re-read of the whole window.
    let rereadAll = false;
    const rereadWindow = () => {
      rereadAll = true;
      job = planJob({
        now: env.now(),
        mark: null,
        lookbackDays: lookbackDays(env.store),
        source,
        split: env.split,
        id: job.id,
      });
      job.executions = 1;
    };
    // The add-on's own columns deleted by the seller were recreated empty by prepareTabs: refill them.
    const notes: string[] = [];
    for (const [prepared, spec] of [
      [tabs.orders, ordersSpec],
      [tabs.lines, linesSpec],
    ] as const) {
      if (!prepared.recreated.length) continue;
      const columns = prepared.recreated
        .map((key) => `“${headerIn(env.lang, columnSpec(spec, key).header)}”`)
        .join(', ');
      notes.push(
        t(env.lang, 'repair.columns', {
          count: prepared.recreated.length,
          columns,
          tab: prepared.snapshot.title ?? spec.tab,
        }),
      );
      if (!rereadAll) rereadWindow();
    }
    const present = postingsIn(tabs);
    if (present < expected && job.executions === 1) {
      if (!rereadAll) rereadWindow();
      notes.push(
        t(env.lang, 'repair.rows', {
          count: expected - present,
          tab: tabs.orders.snapshot.title ?? ordersSpec.tab,
        }),
      );
    }
    const client = env.source();
    let pending = new Map<string, OrderPosting>();
    // Older FBO postings re-read by the sweep: they update what Orders or the archive holds, never add.
    let swept = new Map<string, OrderPosting>();
    let lastNotice = started;
    // One unreadable posting never stops a sync: it is set aside, named in the log, read again next run.
    const setAside = new Map<string, SetAside>();
    const earlier = loadSetAside(env.store);
    const again =
      earlier.length && client.refetch ? client.refetch(earlier) : { postings: [], rejected: earlier };
    for (const posting of again.postings) pending.set(posting.postingNumber, posting);
    for (const item of again.rejected ?? []) setAside.set(item.posting, item);
    // Late changes BigQuery could not be asked about: read again, they take the same way as before.
    const waiting = env.bigQueryWaiting?.();
    const sweptBefore = new Set<string>();
    const waitingNames = new Set(waiting?.list.map((w) => w.posting) ?? []);
    if (waiting?.list.length && client.refetch) {
      const read = client.refetch(
        waiting.list.map((w) => ({ posting: w.posting, scheme: w.scheme, detail: '' })),
      );
      const kept = new Set((read.rejected ?? []).map((r) => r.posting));
      for (const posting of read.postings) {
        kept.add(posting.postingNumber);
        if (waiting.list.some((w) => w.posting === posting.postingNumber && w.swept))
          sweptBefore.add(posting.postingNumber);
        else pending.set(posting.postingNumber, posting);
      }
      // Unreadable now: they stay waiting. Gone at Ozon: nothing left to apply.
      waiting.forget(waiting.list.map((w) => w.posting).filter((n) => !kept.has(n)));
      for (const posting of read.postings)
        if (sweptBefore.has(posting.postingNumber)) swept.set(posting.postingNumber, posting);
    }
    const noteSetAside = (round: PostingRound) => {
      for (const item of round.rejected ?? []) setAside.set(item.posting, item);
      for (const posting of round.postings) setAside.delete(posting.postingNumber);
    };

    const flush = () => {
      if ((!pending.size && !swept.size) || !tabs) return;
      const keyCol = tabs.orders.positions.get('posting_number') as number;
      const inOrders = new Set(keysOf(tabs.orders.snapshot.values, keyCol));
      const backInOrders = [...waitingNames].filter((n) => inOrders.has(n));
      if (backInOrders.length) {
        waiting?.forget(backInOrders);
        for (const n of backInOrders) waitingNames.delete(n);
      }
      const sweptOutside: OrderPosting[] = [];
      for (const p of swept.values()) {
        if (pending.has(p.postingNumber)) continue;
        if (inOrders.has(p.postingNumber)) pending.set(p.postingNumber, p);
        else sweptOutside.push(p);
      }
      swept = new Map();
      if (env.archived) {
        const outside = [...pending.values()].filter((p) => !inOrders.has(p.postingNumber));
        // Swept postings the archive does not hold are dropped with the rest of those it did not handle.
        if (outside.length || sweptOutside.length) {
          const late = env.archived(
            [...outside, ...sweptOutside],
            new Set(sweptOutside.map((p) => p.postingNumber)),
          );
          lateAsked = true;
          if (late.bigQueryNote) lateNote = late.bigQueryNote;
          for (const key of late.handled) pending.delete(key);
          counts.archived += late.updated;
          counts.updated += late.updated;
          job.updated += late.updated;
          if (!pending.size) {
            saveJob(env.store, job);
            return;
          }
        }
      }
      // Read again right before writing: the seller may have sorted or edited since the last read.
      const landed = landGuarded(env, pending);
      tabs = landed.tabs;
      counts.repaired += landed.repaired;
      counts.restored += landed.restored;
      const fresh = landed.added.filter((n) => pending.get(n)?.status.startsWith('awaiting'));
      counts.added += landed.added.length;
      counts.updated += landed.updated;
      for (const n of fresh) counts.fresh.push(n);
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
      let round: PostingRound;
      // Window positions advance in memory only; they are saved with the rows they produced.
      if (fbsOpen) {
        round = client.fbsRound(job.fbs, job.fbsBy);
        job = { ...job, fbs: round.windows };
      } else {
        const shipped = client.ozonShippedRound(job.fbo, job.fbp ?? []);
        round = shipped;
        job = { ...job, fbo: shipped.windows, fbp: shipped.fbp };
      }
      for (const posting of round.postings) pending.set(posting.postingNumber, posting);
      noteSetAside(round);
      counts.fetched += round.postings.length;
      job.fetched += round.postings.length;
      if (pending.size >= MAX_PENDING) flush();
      if (env.now() - lastNotice > PROGRESS_EVERY_MS) {
        env.notify(t(env.lang, 'sync.progress', { fetched: job.fetched }));
        lastNotice = env.now();
      }
    }
    // The FBO sweep (older FBO postings, for late changes) runs in what is left of the fetch time and
    // never holds the job up: where it stopped is kept in the mark and the next job goes on from there.
    // A posting Ozon sends unreadable here is skipped, not set aside (setting aside would add it).
    while (jobDone(job) && job.fboSweep?.some((w) => !w.done) && env.now() < env.fetchUntil) {
      const shipped = client.ozonShippedRound(job.fboSweep, []);
      job = { ...job, fboSweep: shipped.windows };
      for (const posting of shipped.postings) swept.set(posting.postingNumber, posting);
      counts.fetched += shipped.postings.length;
      job.fetched += shipped.postings.length;
      if (pending.size + swept.size >= MAX_PENDING) flush();
    }
    flush();
    // A delete during this run (before the rows were read for writing) leaves fewer postings than
    // the sheet had plus what was added: read the whole window again, once.
    if (jobDone(job) && !rereadAll && tabs && env.now() < env.fetchUntil) {
      const now = prepareTabs(env);
      tabs = now;
      if (postingsIn(now) < expected + counts.added) {
        rereadWindow();
        while (!jobDone(job) && env.now() < env.fetchUntil) {
          const fbsOpen = job.fbs.some((w) => !w.done);
          let round: PostingRound;
          if (fbsOpen) {
            round = client.fbsRound(job.fbs, job.fbsBy);
            job = { ...job, fbs: round.windows };
          } else {
            const shipped = client.ozonShippedRound(job.fbo, job.fbp ?? []);
            round = shipped;
            job = { ...job, fbo: shipped.windows, fbp: shipped.fbp };
          }
          for (const posting of round.postings) pending.set(posting.postingNumber, posting);
          noteSetAside(round);
          counts.fetched += round.postings.length;
          job.fetched += round.postings.length;
          if (pending.size >= MAX_PENDING) flush();
        }
        flush();
      }
    }
    if (tabs) env.store.set(COUNT_KEY, String(postingsIn(tabs)));

    const done = jobDone(job);
    if (done && job.refill) env.refillDone?.();
    if (done) finishJob(env.store, job, env.now());
    else saveJob(env.store, job);
    const message = done
      ? job.added || job.updated
        ? t(env.lang, 'sync.done', { added: job.added, updated: job.updated })
        : t(env.lang, 'sync.doneNone')
      : t(env.lang, 'sync.partial', { fetched: job.fetched });
    if (env.archived && !lateAsked) lateNote = env.archived([]).bigQueryNote ?? '';
    if (counts.archived) notes.push(t(env.lang, 'archive.lateUpdate', { count: counts.archived }));
    if (lateNote) notes.push(lateNote);
    if (counts.repaired || counts.restored)
      notes.push(t(env.lang, 'sync.repaired', { moved: counts.repaired, restored: counts.restored }));
    notes.push(...(client.notes?.() ?? []));
    saveSetAside(env.store, [...setAside.values()]);
    if (setAside.size) notes.push(setAsideText(env.lang, [...setAside.values()]));
    const stockNote = env.afterWrite?.() ?? '';
    if (stockNote) notes.push(stockNote);
    const repairs = notes.join(' ');
    const outcome: SyncOutcome = {
      result: done ? 'done' : 'partial',
      ...(repairs ? { repairs } : {}),
      job,
      fetched: counts.fetched,
      added: counts.added,
      updated: counts.updated,
      fresh: done ? job.fresh : counts.fresh,
      freshCount: done ? job.freshCount : counts.fresh.length,
      message,
    };
    const log = tabs.log;
    env.write([
      ...logRelabelRequests(log.snapshot.sheetId, log.positions, log.snapshot.values, env.lang),
      logRequest(
        log.snapshot.sheetId,
        log.positions,
        logEntry(env, started, source, outcome),
        log.snapshot.zone,
      ),
    ]);
    return outcome;
  } catch (error) {
    // Google's per-minute Sheets quota is not a failure: the job was saved only with rows written,
    // so the next run continues where this one stopped.
    const quota = error instanceof AppError && error.code === 'sheets.quota';
    const message = quota
      ? t(env.lang, 'error.sheets.quota')
      : t(env.lang, 'sync.failed', { reason: describe(error) });
    const outcome: SyncOutcome = {
      result: quota ? 'partial' : 'failed',
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
        env.write([
          logRequest(
            log.snapshot.sheetId,
            log.positions,
            logEntry(env, started, source, outcome),
            log.snapshot.zone,
          ),
        ]);
      }
    } catch {
      // The log is best effort when the spreadsheet itself is failing; the message still reaches the seller.
    }
    return outcome;
  }
}
