// The returns & messages sync: returns changed since the last run, rFBS return requests of a rolling
// window, cancellation requests, then open chats (the last message read only for chats whose last
// message id changed). Phase by phase within one execution's budget; the position is kept in document
// properties so the next run continues. Each tab is read once per execution; writes are batchUpdates
// of the changed cells only, and the seller's columns are never touched.
import { isOwnHeader } from '../core/i18n/headers';
import { readJson, type KeyValueStore } from '../adapters/properties';
import { t, type Lang } from '../core/i18n/messages';
import { ordersSpec } from '../core/orders/tables';
import type {
  CancellationRecord,
  ChatSummary,
  LastMessage,
  OzonReturn,
  RfbsRequest,
} from '../core/service/records';
import {
  cancellationRow,
  cancellationsSpec,
  chatRow,
  chatStatusText,
  messagesSpec,
  returnRow,
  returnsSpec,
  rfbsRow,
  SERVICE_RELABELS,
} from '../core/service/tables';
import { landPending } from '../core/table/land';
import { relabelOnly, relabelRows } from '../core/table/relabel';
import type { SheetsRequest } from '../core/table/requests';
import { applySetup, prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import type { OffsetMinutes } from '../core/time/serial';
import { lookbackDays, type SyncSource } from '../sync/job';
import { logRequest, runLogEntry, syncLogSpec } from '../sync/sync-log';

export interface ServiceSource {
  returnsPage(filter: Record<string, unknown>, lastId: number): { items: OzonReturn[]; next: number | null };
  rfbsPage(createdFrom: string, lastId: number): { items: RfbsRequest[]; next: number | null };
  cancellationsPage(lastId: number): { items: CancellationRecord[]; next: number | null };
  chatsPage(cursor: string): { items: ChatSummary[]; next: string | null };
  /** The newest message of each chat (fetched side by side). */
  lastMessages(chatIds: readonly string[]): Map<string, LastMessage>;
}

export interface ServiceEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  source(): ServiceSource;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): void;
  /** Start no new Ozon page after this instant. */
  fetchUntil: number;
}

export type Phase = 'returns' | 'rfbs' | 'cancellations' | 'chats' | 'done';

export interface ServiceJob {
  v: 1;
  startedAt: number;
  to: string;
  returnsFrom: string;
  rfbsFrom: string;
  phase: Phase;
  lastId: number;
  cursor: string;
  counts: { returns: number; rfbs: number; cancellations: number; chats: number };
  added: number;
  updated: number;
  executions: number;
}

export interface ServiceOutcome {
  result: 'done' | 'partial' | 'failed';
  message: string;
  fetched: number;
  added: number;
  updated: number;
  job: ServiceJob;
  error?: unknown;
}

export const SERVICE_JOB_KEY = 'ODESK_SERVICE_JOB';
export const SERVICE_MARK_KEY = 'ODESK_SERVICE_MARK';
const OVERLAP_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** rFBS return requests have no "changed since" filter: re-read those created in this many days. */
const RFBS_ROLLING_DAYS = 90;
const MAX_PENDING = 5_000;
const HISTORY_BATCH = 25;
const PHASES: Phase[] = ['returns', 'rfbs', 'cancellations', 'chats', 'done'];

export function loadServiceJob(store: KeyValueStore): ServiceJob | null {
  const job = readJson<ServiceJob>(store, SERVICE_JOB_KEY);
  return job && job.v === 1 ? job : null;
}

export function planServiceJob(store: KeyValueStore, now: number): ServiceJob {
  const mark = readJson<{ to: string }>(store, SERVICE_MARK_KEY);
  const lookback = lookbackDays(store);
  const returnsFrom = mark
    ? Math.max(Date.parse(mark.to) - OVERLAP_MS, now - 365 * DAY_MS)
    : now - lookback * DAY_MS;
  return {
    v: 1,
    startedAt: now,
    to: new Date(now).toISOString(),
    returnsFrom: new Date(returnsFrom).toISOString(),
    rfbsFrom: new Date(now - Math.max(RFBS_ROLLING_DAYS, lookback) * DAY_MS).toISOString(),
    phase: 'returns',
    lastId: 0,
    cursor: '',
    counts: { returns: 0, rfbs: 0, cancellations: 0, chats: 0 },
    added: 0,
    updated: 0,
    executions: 0,
  };
}

function nextPhase(job: ServiceJob): void {
  job.phase = PHASES[PHASES.indexOf(job.phase) + 1] ?? 'done';
  job.lastId = 0;
  job.cursor = '';
}

interface Tabs {
  returns: PreparedTab;
  messages: PreparedTab;
  cancellations: PreparedTab;
  log: PreparedTab;
  orders: TabSnapshot;
}

export type TabEnv = Pick<ServiceEnv, 'readTabs' | 'write'>;

/** Reads the service tabs (and Orders, for posting lookups) once, creating or repairing them. */
export function prepareServiceTabs(env: TabEnv, withOrders = true): Tabs {
  const specs = [
    returnsSpec,
    messagesSpec,
    cancellationsSpec,
    syncLogSpec,
    ...(withOrders ? [ordersSpec] : []),
  ];
  const snapshots = env.readTabs(specs);
  const tabs: Tabs = {
    returns: prepareTab(snapshots.get(returnsSpec.tab) as TabSnapshot),
    messages: prepareTab(snapshots.get(messagesSpec.tab) as TabSnapshot),
    cancellations: prepareTab(snapshots.get(cancellationsSpec.tab) as TabSnapshot),
    log: prepareTab(snapshots.get(syncLogSpec.tab) as TabSnapshot),
    orders: snapshots.get(ordersSpec.tab) ?? emptyOrders(),
  };
  const prepared = [tabs.returns, tabs.messages, tabs.cancellations, tabs.log];
  const setup = prepared.flatMap((p) => p.setup);
  if (setup.length) {
    env.write(setup);
    for (const tab of prepared) applySetup(tab);
  }
  return tabs;
}

function emptyOrders(): TabSnapshot {
  return {
    spec: ordersSpec,
    sheetId: 0,
    exists: false,
    rowCount: 0,
    columnCount: 0,
    values: [],
    metadata: new Map(),
  };
}

/** Column values of a tab by row key (header excluded). */
export function columnByKey(tab: PreparedTab, column: string): Map<string, unknown> {
  const keyCol = tab.positions.get(tab.snapshot.spec.key) as number;
  const col = tab.positions.get(column) as number;
  const out = new Map<string, unknown>();
  for (const row of tab.snapshot.values.slice(1)) {
    const key = row[keyCol];
    if (key !== undefined && key !== null && key !== '') out.set(String(key), row[col]);
  }
  return out;
}

/** Order number → its one posting on the Orders tab ('' when the order has several or none). */
export function postingLookup(orders: TabSnapshot): (order: string) => string {
  const header = (orders.values[0] ?? []).map((h) => String(h ?? ''));
  const find = (key: string, text: string) => {
    for (const [index, k] of orders.metadata) if (k === key) return index;
    return header.findIndex((h) => isOwnHeader(h, text));
  };
  const postingCol = find('posting_number', 'Posting number');
  const orderCol = find('order_number', 'Order number');
  const byOrder = new Map<string, string>();
  if (postingCol >= 0 && orderCol >= 0) {
    for (const row of orders.values.slice(1)) {
      const order = String(row[orderCol] ?? '');
      const posting = String(row[postingCol] ?? '');
      if (!order || !posting) continue;
      byOrder.set(order, byOrder.has(order) && byOrder.get(order) !== posting ? '' : posting);
    }
  }
  return (order) => byOrder.get(order) ?? '';
}

const SERVICE_TABS = ['returns', 'messages', 'cancellations'] as const;

export function runServiceStep(
  env: ServiceEnv,
  source: SyncSource,
  describe: (e: unknown) => string,
): ServiceOutcome {
  const started = env.now();
  let job = loadServiceJob(env.store) ?? planServiceJob(env.store, started);
  job.executions++;
  const ctx = { lang: env.lang, offset: env.offset };
  let fetched = 0;
  let added = 0;
  let updated = 0;
  let tabs: Tabs | undefined;
  const pending = {
    returns: new Map<string, RowValues>(),
    messages: new Map<string, RowValues>(),
    cancellations: new Map<string, RowValues>(),
  };
  const size = () => pending.returns.size + pending.messages.size + pending.cancellations.size;

  // Rows only relabelled after a language change (sent again by Ozon or not) are not updated records.
  const relabelled = {
    returns: new Set<string>(),
    messages: new Set<string>(),
    cancellations: new Set<string>(),
  };
  const flush = (next: ServiceJob) => {
    if (!tabs) return;
    // Records Ozon sent again whose only difference is the language of their words.
    for (const name of SERVICE_TABS) {
      const tab = tabs[name];
      const only = relabelOnly(
        tab.snapshot.spec,
        tab.snapshot.values,
        tab.positions,
        SERVICE_RELABELS[name],
        env.lang,
        pending[name],
      );
      for (const key of only) relabelled[name].add(key);
    }
    const plans = landPending(env, tabs, pending, SERVICE_TABS);
    for (const [name, plan] of plans) {
      const changed = plan?.updated.filter((key) => !relabelled[name].has(key)).length ?? 0;
      added += plan?.added.length ?? 0;
      updated += changed;
      next.added += plan?.added.length ?? 0;
      next.updated += changed;
    }
    for (const map of Object.values(pending)) map.clear();
    // Saved after the rows it produced are written: a run that dies in between re-reads those pages.
    env.store.set(SERVICE_JOB_KEY, JSON.stringify(next));
    job = next;
  };

  try {
    tabs = prepareServiceTabs(env);
    const ozon = env.source();
    const postingFor = postingLookup(tabs.orders);
    // The chat list may only close chats it did not see when it was read whole in this execution.
    let chatsFromStart = false;
    const seenChats = new Set<string>();
    let work: ServiceJob = { ...job, counts: { ...job.counts } };

    while (work.phase !== 'done' && env.now() < env.fetchUntil) {
      if (work.phase === 'returns') {
        const page = ozon.returnsPage(
          { visual_status_change_moment: { time_from: work.returnsFrom, time_to: work.to } },
          work.lastId,
        );
        for (const r of page.items) pending.returns.set(`R${r.id}`, returnRow(r, ctx));
        work.counts.returns += page.items.length;
        fetched += page.items.length;
        if (page.next === null) nextPhase(work);
        else work.lastId = page.next;
      } else if (work.phase === 'rfbs') {
        const page = ozon.rfbsPage(work.rfbsFrom, work.lastId);
        for (const r of page.items) pending.returns.set(`RFBS${r.returnId}`, rfbsRow(r, ctx));
        work.counts.rfbs += page.items.length;
        fetched += page.items.length;
        if (page.next === null) nextPhase(work);
        else work.lastId = page.next;
      } else if (work.phase === 'cancellations') {
        const page = ozon.cancellationsPage(work.lastId);
        for (const c of page.items) pending.cancellations.set(String(c.id), cancellationRow(c, ctx));
        work.counts.cancellations += page.items.length;
        fetched += page.items.length;
        if (page.next === null) nextPhase(work);
        else work.lastId = page.next;
      } else if (work.phase === 'chats') {
        if (work.cursor === '') chatsFromStart = true;
        const page = ozon.chatsPage(work.cursor);
        const known = columnByKey(tabs.messages, 'last_message_id');
        const stale = page.items.filter(
          (c) => c.lastMessageId && String(known.get(c.chatId) ?? '') !== c.lastMessageId,
        );
        let complete = true;
        for (let k = 0; k < stale.length; k += HISTORY_BATCH) {
          // Out of time mid-page: the page is read again, whole, by the next execution.
          if (k > 0 && env.now() >= env.fetchUntil) {
            complete = false;
            break;
          }
          const last = ozon.lastMessages(stale.slice(k, k + HISTORY_BATCH).map((c) => c.chatId));
          for (const c of stale.slice(k, k + HISTORY_BATCH)) {
            const message = last.get(c.chatId);
            if (message) c.last = message;
          }
        }
        if (!complete) break;
        for (const c of page.items) {
          seenChats.add(c.chatId);
          // Without its last message a chat keeps the id it had, so the next run reads it again.
          const row = chatRow(c, ctx, postingFor);
          if (c.lastMessageId && !c.last) delete row.last_message_id;
          pending.messages.set(c.chatId, row);
        }
        work.counts.chats += page.items.length;
        fetched += page.items.length;
        if (page.next === null) {
          if (chatsFromStart) closeUnseen(tabs.messages, seenChats, pending.messages, env.lang);
          nextPhase(work);
        } else work.cursor = page.next;
      }
      if (size() >= MAX_PENDING) {
        flush(work);
        work = { ...job, counts: { ...job.counts } };
      }
    }
    // After a language change every row reads in the seller's language, not only those Ozon sent again.
    for (const name of SERVICE_TABS) {
      const tab = tabs[name];
      const rows = relabelRows(
        tab.snapshot.values,
        tab.positions,
        tab.snapshot.spec.key,
        SERVICE_RELABELS[name],
        env.lang,
        pending[name],
      );
      for (const row of rows) {
        const key = String(row[tab.snapshot.spec.key]);
        const sent = pending[name].get(key);
        // A row Ozon sent again takes the words it does not carry; whether it changed is told at flush.
        if (sent) pending[name].set(key, { ...sent, ...row });
        else {
          pending[name].set(key, row);
          relabelled[name].add(key);
        }
      }
    }
    flush(work);

    const done = job.phase === 'done';
    if (done) {
      env.store.set(SERVICE_MARK_KEY, JSON.stringify({ to: job.to, completedAt: env.now() }));
      env.store.delete(SERVICE_JOB_KEY);
    }
    const message = done
      ? t(env.lang, 'service.sync.done', {
          returns: job.counts.returns + job.counts.rfbs,
          chats: job.counts.chats,
          cancellations: job.counts.cancellations,
        })
      : t(env.lang, 'service.sync.partial', {
          fetched: job.counts.returns + job.counts.rfbs + job.counts.chats + job.counts.cancellations,
        });
    const outcome: ServiceOutcome = {
      result: done ? 'done' : 'partial',
      message,
      fetched,
      added,
      updated,
      job,
    };
    writeLog(env, tabs, started, source, outcome);
    return outcome;
  } catch (error) {
    const message = t(env.lang, 'service.sync.failed', { reason: describe(error) });
    const outcome: ServiceOutcome = { result: 'failed', message, fetched, added, updated, job, error };
    try {
      if (tabs) writeLog(env, tabs, started, source, outcome);
    } catch {
      // Best effort: the message still reaches the seller.
    }
    return outcome;
  }
}

function closeUnseen(
  messages: PreparedTab,
  seen: ReadonlySet<string>,
  pending: Map<string, RowValues>,
  lang: Lang,
): void {
  for (const [chatId, status] of columnByKey(messages, 'status_code')) {
    if (status === 'OPENED' && !seen.has(chatId)) {
      pending.set(chatId, {
        chat_id: chatId,
        status: chatStatusText(lang, 'CLOSED'),
        status_code: 'CLOSED',
        unread: 0,
      });
    }
  }
}

function writeLog(env: ServiceEnv, tabs: Tabs, started: number, source: SyncSource, outcome: ServiceOutcome) {
  const log = tabs.log;
  const entry = runLogEntry({
    lang: env.lang,
    offset: env.offset,
    started,
    now: env.now(),
    source,
    job: 'service.sync.source',
    result: outcome.result,
    fetched: outcome.fetched,
    added: outcome.added,
    updated: outcome.updated,
    text: outcome.result === 'failed' ? outcome.message : '',
  });
  env.write([logRequest(log.snapshot.sheetId, log.positions, entry, log.snapshot.zone)]);
}
