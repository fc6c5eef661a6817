// A posting that changes at Ozon after it was archived (a late return, a late cancellation) is
// updated where it lives: the orders sync hands the postings it did not find in Orders to this
// module, which looks for each in the archive month its order date names, rewrites what the sync
// owns there (the seller's columns stay as they were), and tells the sync which it handled, so
// none is added to Orders a second time. The rows land by key (landTables, through a reader and
// writer bound to the archive spreadsheet): a seller sorting or editing a month tab meanwhile cannot
// make an update land on another posting's row.
import { readJson, type KeyValueStore } from '../adapters/properties';
import { volumeOfMonth } from '../core/archive/catalog';
import { archiveSpecs } from '../core/archive/plan';
import { monthOfSerial } from '../core/archive/window';
import { t, type Lang } from '../core/i18n/messages';
import type { OrderPosting } from '../core/orders/posting';
import { lineRows, orderRow } from '../core/orders/tables';
import { landTables, type TableIO } from '../core/table/land';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';
import { isoToSerial, toSerial, type OffsetMinutes } from '../core/time/serial';
import { loadCatalog } from './settings';

export interface LateEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  /** The reader and writer of one archive spreadsheet. */
  io(spreadsheetId: string): TableIO;
  /**
   * With BigQuery set up: loads archived rows (staging, then MERGE by key); null when loaded,
   * otherwise why not (the postings wait for the next sync).
   */
  bigQuery?(sets: readonly LateRows[]): string | null;
  /**
   * BigQuery is the only archive: applies the changes of those it holds there (by key) and names
   * them; throws when BigQuery cannot be asked (the postings then wait).
   */
  bigQueryOnly?: {
    liveDays: number;
    apply(postings: readonly OrderPosting[]): { held: Set<string>; updated: number };
    /** The seller's message for a failure of apply. */
    explain(error: unknown): string;
  };
}

/** A posting whose late change waits for BigQuery (the archive it may live in) to answer. */
export interface BqWaiting {
  posting: string;
  scheme: 'fbs' | 'fbo' | 'fbp';
  /** Read by the FBO sweep: dropped, not added to Orders, when BigQuery does not hold it. */
  swept?: boolean;
}

/** Postings read while BigQuery (the only archive) could not be asked: read again by the next sync. */
export const BQ_WAIT_KEY = 'ODESK_BQ_ONLY_WAIT';
/** A document property holds 9 kB: postings beyond this wait for the FBO sweep's next pass. */
const WAIT_BYTES = 8_500;

export function loadBqWaiting(store: KeyValueStore): BqWaiting[] {
  const list = readJson<BqWaiting[]>(store, BQ_WAIT_KEY);
  return Array.isArray(list) ? list.filter((w) => w && typeof w.posting === 'string' && w.posting) : [];
}

export function saveBqWaiting(store: KeyValueStore, list: readonly BqWaiting[]): void {
  const kept: BqWaiting[] = [];
  let bytes = 2;
  for (const w of list) {
    const size = JSON.stringify(w).length + 1;
    // FBS changes come from Ozon's status-change list only once: they are kept first.
    if (bytes + size > WAIT_BYTES) continue;
    bytes += size;
    kept.push(w);
  }
  if (kept.length) store.set(BQ_WAIT_KEY, JSON.stringify(kept));
  else if (store.get(BQ_WAIT_KEY) !== null) store.delete(BQ_WAIT_KEY);
}

const schemeOf = (p: OrderPosting): BqWaiting['scheme'] =>
  p.schema === 'FBO' ? 'fbo' : p.schema === 'FBP' ? 'fbp' : 'fbs';

/** An archive month tab's rows (header first) for one BigQuery table. */
export interface LateRows {
  table: 'postings' | 'lines';
  values: readonly (readonly unknown[])[];
  positions: ReadonlyMap<string, number>;
}

/** Archived postings changed late and not yet in BigQuery, by month (kept across syncs). */
export const BQ_LATE_KEY = 'ODESK_BQ_LATE';

export interface LateOutcome {
  /** Postings the archive holds (updated there when they changed): not for Orders. */
  handled: Set<string>;
  updated: number;
  /** Why late changes did not reach BigQuery (they are loaded by a later sync). */
  bigQueryNote?: string;
}

const filled = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Postings the sync read that Orders does not hold: those in the archive are updated there. */
export function updateArchived(
  env: LateEnv,
  postings: readonly OrderPosting[],
  swept: ReadonlySet<string> = new Set(),
): LateOutcome {
  const out = updateInSpreadsheets(env, postings);
  if (env.bigQueryOnly) inBigQueryOnly(env, env.bigQueryOnly, postings, swept, out);
  return out;
}

/**
 * Postings neither Orders nor an archive spreadsheet holds that BigQuery may hold: those read by the
 * FBO sweep, and those ordered before the live window (a newer one cannot have been archived).
 */
function inBigQueryOnly(
  env: LateEnv,
  bq: NonNullable<LateEnv['bigQueryOnly']>,
  postings: readonly OrderPosting[],
  swept: ReadonlySet<string>,
  out: LateOutcome,
): void {
  const before = toSerial(env.now(), env.offset) - bq.liveDays;
  const asked = postings.filter((p) => {
    if (out.handled.has(p.postingNumber)) return false;
    if (swept.has(p.postingNumber)) return true;
    const serial = isoToSerial(p.orderedAt, env.offset);
    return typeof serial === 'number' && serial < before;
  });
  if (!asked.length) return;
  const waiting = loadBqWaiting(env.store);
  const names = new Set(asked.map((p) => p.postingNumber));
  const rest = waiting.filter((w) => !names.has(w.posting));
  try {
    const done = bq.apply(asked);
    for (const key of done.held) out.handled.add(key);
    out.updated += done.updated;
    saveBqWaiting(env.store, rest);
  } catch (error) {
    // Not known where they live: none goes to Orders (it may be archived), each is read again later.
    for (const p of asked) out.handled.add(p.postingNumber);
    const fbs = asked.filter((p) => !swept.has(p.postingNumber));
    const fbo = asked.filter((p) => swept.has(p.postingNumber));
    const entry = (p: OrderPosting): BqWaiting =>
      swept.has(p.postingNumber)
        ? { posting: p.postingNumber, scheme: schemeOf(p), swept: true }
        : { posting: p.postingNumber, scheme: schemeOf(p) };
    const list = [
      ...fbs.map(entry),
      ...rest.filter((w) => !w.swept),
      ...fbo.map(entry),
      ...rest.filter((w) => w.swept),
    ];
    saveBqWaiting(env.store, list);
    const count = loadBqWaiting(env.store).length;
    const note = t(env.lang, 'bigquery.lateWaits', { count, reason: bq.explain(error) });
    out.bigQueryNote = out.bigQueryNote ? `${out.bigQueryNote} ${note}` : note;
  }
}

function updateInSpreadsheets(env: LateEnv, postings: readonly OrderPosting[]): LateOutcome {
  const out: LateOutcome = { handled: new Set(), updated: 0 };
  const waiting = env.bigQuery ? (readJson<Record<string, string[]>>(env.store, BQ_LATE_KEY) ?? {}) : {};
  if (!postings.length && !Object.keys(waiting).length) return out;
  const catalog = loadCatalog(env.store);
  if (!catalog.volumes.length) return out;
  const byMonth = new Map<string, OrderPosting[]>();
  for (const p of postings) {
    const serial = isoToSerial(p.orderedAt, env.offset);
    if (typeof serial !== 'number') continue;
    const month = monthOfSerial(serial);
    if (!volumeOfMonth(catalog, month)) continue;
    const list = byMonth.get(month);
    if (list) list.push(p);
    else byMonth.set(month, [p]);
  }
  const ctx = { lang: env.lang, offset: env.offset };
  const seenAt = toSerial(env.now(), env.offset);
  for (const month of Object.keys(waiting)) if (!byMonth.has(month)) byMonth.set(month, []);
  const sets: LateRows[] = [];
  const toLoad = new Map<string, Set<string>>();
  for (const [month, list] of byMonth) {
    const volume = volumeOfMonth(catalog, month);
    if (!volume) continue;
    const specs = archiveSpecs(month, undefined, 'update');
    const io = env.io(volume.spreadsheetId);
    const snaps = io.readTabs([specs.orders, specs.lines]);
    const orders = snaps.get(specs.orders.tab) as TabSnapshot;
    const lines = snaps.get(specs.lines.tab) as TabSnapshot;
    if (!orders.exists) continue;
    const positions = { orders: prepareTab(orders).positions, lines: prepareTab(lines).positions };
    const column = (snap: TabSnapshot, key: string) =>
      (snap === orders ? positions.orders : positions.lines).get(key) as number;
    const keyCol = column(orders, 'posting_number');
    const statusCol = column(orders, 'status_code');
    const status = new Map<string, unknown>();
    for (const row of orders.values.slice(1)) {
      const key = row?.[keyCol];
      if (filled(key)) status.set(String(key), row[statusCol]);
    }
    const here = list.filter((p) => status.has(p.postingNumber));
    for (const p of here) out.handled.add(p.postingNumber);
    // What BigQuery is to get from this month: the postings whose rows change now (the FBO sweep
    // re-reads many that did not) and those still waiting.
    const load = new Set(waiting[month] ?? []);
    if (!here.length) {
      if (env.bigQuery && load.size) {
        toLoad.set(month, load);
        sets.push(
          ...lateRows(
            { snapshot: orders, positions: positions.orders },
            { snapshot: lines, positions: positions.lines },
            load,
          ),
        );
      }
      continue;
    }
    const rows = here.map((p) => {
      const row = orderRow(p, ctx);
      // As in Orders: "Last changed" is when a sync first saw the current status.
      if (row.last_changed === null) {
        if (status.get(p.postingNumber) === p.status) delete row.last_changed;
        else row.last_changed = seenAt;
      }
      delete row.new;
      return row;
    });
    const targets = [{ spec: specs.orders, rows, updateOnly: true }];
    let lineTarget: { spec: typeof specs.lines; rows: RowValues[]; remove: Set<string> } | undefined;
    if (lines.exists) {
      const incoming = here.flatMap((p) => lineRows(p));
      const keep = new Set(incoming.map((r) => String(r.line_key)));
      const postingCol = column(lines, 'posting_number');
      const lineCol = column(lines, 'line_key');
      const handled = new Set(here.map((p) => p.postingNumber));
      const remove = new Set<string>();
      for (const row of lines.values.slice(1)) {
        const p = row?.[postingCol];
        const k = row?.[lineCol];
        if (filled(p) && handled.has(String(p)) && filled(k) && !keep.has(String(k))) remove.add(String(k));
      }
      lineTarget = { spec: specs.lines, rows: incoming, remove };
    }
    // Nothing happened since the read (no Ozon call): the landing starts from it.
    const landing = landTables(io, lineTarget ? [...targets, lineTarget] : targets, snaps);
    const updated = landing.plans.get(specs.orders.tab)?.updated ?? [];
    out.updated += updated.length;
    for (const key of updated) load.add(key);
    if (lineTarget) {
      const postingOf = new Map(lineTarget.rows.map((r) => [String(r.line_key), String(r.posting_number)]));
      const plan = landing.plans.get(specs.lines.tab);
      for (const key of [...(plan?.updated ?? []), ...(plan?.added ?? [])]) {
        const posting = postingOf.get(key);
        if (posting) load.add(posting);
      }
      if (lineTarget.remove.size) {
        const postingCol = column(lines, 'posting_number');
        const lineCol = column(lines, 'line_key');
        for (const row of lines.values.slice(1))
          if (filled(row?.[lineCol]) && lineTarget.remove.has(String(row[lineCol])))
            load.add(String(row[postingCol]));
      }
    }
    if (env.bigQuery && load.size) {
      toLoad.set(month, load);
      const after = (tab: string, snapshot: TabSnapshot, at: ReadonlyMap<string, number>) =>
        landing.tabs.get(tab) ?? { snapshot, positions: at };
      sets.push(
        ...lateRows(
          after(specs.orders.tab, orders, positions.orders),
          after(specs.lines.tab, lines, positions.lines),
          load,
        ),
      );
    }
  }
  if (env.bigQuery && toLoad.size) {
    // Noted as waiting before the load: a load cut anywhere is sent again by the next sync.
    const pending: Record<string, string[]> = { ...waiting };
    for (const [month, keys] of toLoad) pending[month] = [...keys];
    env.store.set(BQ_LATE_KEY, JSON.stringify(pending));
    const why = env.bigQuery(sets);
    if (why === null) {
      for (const month of toLoad.keys()) delete pending[month];
      if (Object.keys(pending).length) env.store.set(BQ_LATE_KEY, JSON.stringify(pending));
      else env.store.delete(BQ_LATE_KEY);
    } else out.bigQueryNote = why;
  }
  return out;
}

/** The rows of `postings` in a month's tabs (as the archive holds them after the update). */
interface ReadTab {
  snapshot: TabSnapshot;
  positions: ReadonlyMap<string, number>;
}

function lateRows(orders: ReadTab, lines: ReadTab, postings: ReadonlySet<string>): LateRows[] {
  const pick = (tab: ReadTab, table: LateRows['table']): LateRows => {
    const col = tab.positions.get('posting_number') as number;
    const rows = tab.snapshot.values
      .slice(1)
      .filter((row) => filled(row?.[col]) && postings.has(String(row[col])));
    return { table, values: [tab.snapshot.values[0] ?? [], ...rows], positions: tab.positions };
  };
  return lines.snapshot.exists
    ? [pick(orders, 'postings'), pick(lines, 'lines')]
    : [pick(orders, 'postings')];
}
