// Moving old finished postings out of Orders and Order lines into the archive spreadsheets, in two
// phases that a cut (the execution deadline, a quota refusal, a crash) can stop anywhere:
//   1. copy: the batch's rows go to the month's archive tabs, tagged with the move's id, and are read
//      back: only postings whose order row and every line row are there with the values carried are
//      verified. When the month's key columns (read alone) hold none of the batch's postings, the
//      rows are appended (appendCells: after the last row with content when the write happens, so
//      no row the seller inserted or sorted in meanwhile is overwritten) and only those rows are
//      read back. Otherwise, or when the read-back does not find them all (the seller edited the
//      tab meanwhile), the rows land by key (landTables: read before and after each write, rows a
//      write reached by mistake put right) and are verified on the tabs as read after; a row the
//      seller deleted meanwhile is landed again. A key is written as a new row only when the tab,
//      read under the document lock right before, does not hold it: the archive never holds a
//      posting twice;
//   2. delete: the live tabs are read again right before the delete, the verified postings' rows
//      are found by key (the seller may have sorted meanwhile) and deleted, except a posting the
//      seller edited since its copy (it is copied again next time; a row the seller deleted or a
//      sort is no edit); the keys alone are read after: when they are exactly those the delete
//      should have left, in order, that read stands for the tabs as they are now (the next batch
//      plans on it); otherwise (the seller edited between that read and the delete) the tabs are
//      read whole, a row the delete reached by mistake is put back whole (the seller's cells and
//      the add-on's number formats too), and the moved postings' rows still there are deleted.
// Every posting is in the live tabs or in the archive at every moment (copy before delete); one in
// both is a move under way, which the next run finishes: it reconciles by key (copying again is an
// upsert, a posting already archived is only deleted from the live tabs once verified there).
import type { KeyValueStore } from '../adapters/properties';
import { readJson } from '../adapters/properties';
import type { ArchiveFile } from '../adapters/archive-files';
import {
  latestVolume,
  missingOf,
  monthEntry,
  volumeOfMonth,
  type ArchiveCatalog,
  type ArchiveVolume,
  type MissingMonth,
} from '../core/archive/catalog';
import {
  archiveCandidates,
  archiveSpecs,
  carriedRow,
  deleteRowRequests,
  extraHeaders,
  monthCells,
  MOVE_COLUMN,
  rowsWith,
  VOLUME_CELL_BUDGET,
} from '../core/archive/plan';
import { budgetCutoff, cutoffSerial, isFinished, yearOfMonth } from '../core/archive/window';
import { t, type Lang } from '../core/i18n/messages';
import { linesSpec, ordersSpec } from '../core/orders/tables';
import { guardedRequests, keysOf } from '../core/table/guard';
import { landTables, type TableIO } from '../core/table/land';
import { cellData, type SheetsRequest } from '../core/table/requests';
import { prepareTab, type PreparedTab, type TabPart, type TabSnapshot } from '../core/table/snapshot';
import type { ColumnSpec, RowValues, TableSpec } from '../core/table/spec';
import { planUpsert, sameCell } from '../core/table/upsert';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import { ARCHIVE_JOB_KEY, ARCHIVE_MISSING_KEY, liveDays, loadCatalog, saveCatalog } from './settings';
import { landArchiveTab } from './tab';
import { ORDERS_COUNT_KEY } from '../sync/job';
import { requestRefill } from './refill';
import { NotHeld } from '../bigquery/archive';
import { noteBigQueryArchivedMonth } from '../bigquery/settings';
import type { ArchiveBackendKind } from '../shared/archive-schema';
import { moveArchivedFinance } from './finance-move';

export interface ArchiveEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  /** No new batch starts when less than a batch's room is left before it. */
  deadline: number;
  /** Reads tabs of the live workbook (no id) or of an archive spreadsheet; `parts`: only some of a tab. */
  readTabs(
    specs: readonly TableSpec[],
    spreadsheetId?: string,
    parts?: ReadonlyMap<string, TabPart>,
  ): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[], spreadsheetId?: string): void;
  /** Tab names an archive spreadsheet holds (by the add-on's tab metadata and by title). */
  tabNames(spreadsheetId: string): Set<string>;
  createSpreadsheet(name: string): ArchiveFile;
  /** null: the spreadsheet cannot be opened (deleted, no longer shared). */
  openSpreadsheet(id: string): ArchiveFile | null;
  newId(): string;
  /** Where old postings go: archive spreadsheets (the default) or BigQuery alone. */
  backend?: ArchiveBackendKind;
  /**
   * Set when BigQuery is set up: the batch's postings BigQuery holds exactly, after loading what it
   * lacked (`whole`: their sheet rows too, BigQuery being the only archive). Throws NotHeld.
   */
  holdInBigQuery?(carried: Carried, whole: boolean): Set<string>;
  /** Where a step of the move stands (tests cut the run at each one). */
  step?(name: ArchiveStep): void;
}

export type ArchiveStep = 'volume' | 'copied' | 'verified' | 'deleted' | 'checked';

export interface ArchiveJob {
  v: 1;
  moveId: string;
  month: string;
  phase: 'copy' | 'delete';
  startedAt: number;
}

export interface ArchiveOutcome {
  result: 'done' | 'partial' | 'nothing' | 'failed';
  moved: number;
  months: string[];
  missing: MissingMonth[];
  /** What the seller is told (the run's result, then any fault). */
  message: string;
  notes: string[];
}

/** Postings per batch: one batch's copy, read-back and delete take well under a minute. */
export const BATCH_POSTINGS = 4_000;
/** Landings of a batch's copy (a row the seller deleted meanwhile is landed again). */
const COPY_TRIES = 3;
/** A batch starts only with this much left before the deadline. */
export const BATCH_ROOM_MS = 45_000;

export function loadArchiveJob(store: KeyValueStore): ArchiveJob | null {
  const job = readJson<ArchiveJob>(store, ARCHIVE_JOB_KEY);
  return job && job.v === 1 ? job : null;
}

interface Live {
  orders: PreparedTab;
  lines: PreparedTab;
}

function readLive(env: ArchiveEnv): Live {
  const snaps = env.readTabs([ordersSpec, linesSpec]);
  const live = {
    orders: prepareTab(snaps.get(ordersSpec.tab) as TabSnapshot),
    lines: prepareTab(snaps.get(linesSpec.tab) as TabSnapshot),
  };
  // The archive never creates the live tabs or their columns: the sync does (with its decorations).
  return live;
}

const dataRows = (snapshot: TabSnapshot) => ({ firstRow: 1, rows: snapshot.values.slice(1) });

/** Checks every volume: a spreadsheet that cannot be opened, a month whose tabs are gone. */
function checkVolumes(env: ArchiveEnv, catalog: ArchiveCatalog): void {
  for (const volume of catalog.volumes) {
    const file = env.openSpreadsheet(volume.spreadsheetId);
    if (!file) {
      volume.lost = true;
      continue;
    }
    delete volume.lost;
    volume.name = file.name;
    volume.url = file.url;
    const tabs = env.tabNames(volume.spreadsheetId);
    for (const entry of volume.months) {
      const specs = archiveSpecs(entry.month);
      if (tabs.has(specs.orders.tab)) continue;
      // Its rows are gone with the tab: remembered as lost until as many are back.
      if (entry.orders > 0) entry.lost = Math.max(entry.lost ?? 0, entry.orders);
      entry.orders = 0;
      entry.lines = 0;
    }
  }
}

function missingText(lang: Lang, missing: readonly MissingMonth[]): string[] {
  const byName = new Map<string, MissingMonth[]>();
  for (const m of missing) {
    const key = `${m.why}\u0000${m.name}`;
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  return [...byName.values()].map((list) =>
    t(lang, list[0].why === 'file' ? 'archive.missing' : 'archive.tabMissing', {
      months: list.map((m) => m.month).join(', '),
      orders: list.reduce((sum, m) => sum + m.orders, 0),
      name: list[0].name,
    }),
  );
}

function volumeCells(volume: ArchiveVolume): number {
  return volume.months.reduce((sum, m) => sum + monthCells(m.orders, m.lines), 0);
}

/** The volume a month's rows go to: the one holding it, else the year's newest with room, else a new one. */
function volumeFor(
  env: ArchiveEnv,
  catalog: ArchiveCatalog,
  month: string,
  incoming: { orders: number; lines: number },
  notes: string[],
): ArchiveVolume {
  const holding = volumeOfMonth(catalog, month);
  if (holding) return holding;
  const year = yearOfMonth(month);
  const latest = latestVolume(catalog, year);
  if (
    latest &&
    volumeCells(latest) + monthCells(incoming.orders * 4, incoming.lines * 4) <= VOLUME_CELL_BUDGET
  )
    return latest;
  const part = Math.max(0, ...catalog.volumes.filter((v) => v.year === year).map((v) => v.part)) + 1;
  const name =
    part === 1 ? t(env.lang, 'archive.title', { year }) : t(env.lang, 'archive.titlePart', { year, part });
  const file = env.createSpreadsheet(name);
  const volume: ArchiveVolume = {
    year,
    part,
    spreadsheetId: file.id,
    url: file.url,
    name: file.name,
    months: [],
  };
  catalog.volumes.push(volume);
  // Saved at once: a run cut right after the create finds its spreadsheet again.
  saveCatalog(env.store, catalog);
  if (catalog.volumes.some((v) => v.year === year && v.lost))
    notes.push(t(env.lang, 'archive.recreated', { name: file.name, year }));
  return volume;
}

/** The first row of each key (a key copied by the seller is carried once, as the sync sees it). */
function rowsByKey(tab: PreparedTab, column: string, keys: ReadonlySet<string>): Map<string, unknown[]> {
  const col = tab.positions.get(column) as number;
  const out = new Map<string, unknown[]>();
  for (const row of tab.snapshot.values.slice(1)) {
    const v = row?.[col];
    if (v === undefined || v === null || v === '') continue;
    const key = String(v);
    if (keys.has(key) && !out.has(key)) out.set(key, row);
  }
  return out;
}

function linesOf(tab: PreparedTab, postings: ReadonlySet<string>): unknown[][] {
  const postingCol = tab.positions.get('posting_number') as number;
  const keyCol = tab.positions.get('line_key') as number;
  const seen = new Set<string>();
  const out: unknown[][] = [];
  for (const row of tab.snapshot.values.slice(1)) {
    const p = row?.[postingCol];
    const k = row?.[keyCol];
    if (p === undefined || p === null || !postings.has(String(p)) || !k || seen.has(String(k))) continue;
    seen.add(String(k));
    out.push(row);
  }
  return out;
}

/** Whether the archive row holds every value carried (the move id aside). */
function holds(
  tab: PreparedTab,
  spec: TableSpec,
  row: readonly unknown[] | undefined,
  values: RowValues,
): boolean {
  if (!row) return false;
  for (const column of spec.columns) {
    if (column.key === 'move_id' || !(column.key in values)) continue;
    const index = tab.positions.get(column.key);
    if (index === undefined) return false;
    if (!sameCell(row[index], values[column.key] ?? null, column)) return false;
  }
  return true;
}

interface Copied {
  verified: Set<string>;
  orders: number;
  lines: number;
  /** What was carried for each posting: its order row and its lines (the delete checks them). */
  carried: Map<string, RowValues[]>;
}

export interface Carried {
  orderRows: Map<string, RowValues>;
  lineRows: Map<string, RowValues>;
}

function carry(live: Live, batch: ReadonlySet<string>, moveId: string): Carried {
  const orderRows = new Map<string, RowValues>();
  for (const [key, row] of rowsByKey(live.orders, 'posting_number', batch))
    orderRows.set(key, carriedRow(live.orders, row, moveId));
  const lineRows = new Map<string, RowValues>();
  for (const row of linesOf(live.lines, batch)) {
    const values = carriedRow(live.lines, row, moveId);
    lineRows.set(String(values.line_key), values);
  }
  return { orderRows, lineRows };
}

function carriedOf({ orderRows, lineRows }: Carried): Map<string, RowValues[]> {
  const out = new Map<string, RowValues[]>();
  for (const [key, values] of orderRows) out.set(key, [values]);
  for (const values of lineRows.values()) out.get(String(values.posting_number))?.push(values);
  return out;
}

/** Verified: postings whose order row and every line the archive holds with the values carried. */
function verify(
  archive: { orders: PreparedTab; lines: PreparedTab },
  specs: { orders: TableSpec; lines: TableSpec },
  { orderRows, lineRows }: Carried,
): Set<string> {
  const found = rowsByKey(archive.orders, 'posting_number', new Set(orderRows.keys()));
  const foundLines = rowsByKey(archive.lines, 'line_key', new Set(lineRows.keys()));
  const linesOk = new Map<string, boolean>();
  for (const [key, values] of lineRows) {
    const posting = String(values.posting_number);
    const ok = holds(archive.lines, specs.lines, foundLines.get(key), values);
    linesOk.set(posting, (linesOk.get(posting) ?? true) && ok);
  }
  const verified = new Set<string>();
  for (const [key, values] of orderRows)
    if (holds(archive.orders, specs.orders, found.get(key), values) && linesOk.get(key) !== false)
      verified.add(key);
  return verified;
}

const distinctKeys = (tab: PreparedTab, column: string): Set<string> =>
  new Set(keysOf(tab.snapshot.values, tab.positions.get(column) as number).filter(Boolean));

/**
 * The copy when the month's tabs hold none of the batch (the usual case): their key columns are read
 * alone, the batch appended after their last row, and only the appended rows read back. null when
 * the tabs must be read whole: a tab to create or repair, or a batch posting already there.
 */
function appendBatch(
  env: ArchiveEnv,
  specs: { orders: TableSpec; lines: TableSpec },
  id: string,
  batch: ReadonlySet<string>,
  carried: Carried,
): Copied | null {
  const keysOnly = new Map<string, TabPart>([
    [specs.orders.tab, { columns: ['posting_number'], tail: true }],
    [specs.lines.tab, { columns: ['posting_number', 'line_key'], tail: true }],
  ]);
  const snaps = env.readTabs([specs.orders, specs.lines], id, keysOnly);
  const o = snaps.get(specs.orders.tab) as TabSnapshot;
  const l = snaps.get(specs.lines.tab) as TabSnapshot;
  if (!o.exists || !l.exists || !o.partial || !l.partial) return null;
  const keys = { orders: prepareTab(o), lines: prepareTab(l) };
  if (keys.orders.setup.length || keys.lines.setup.length) return null;
  const held = (tab: PreparedTab) => {
    const col = tab.positions.get('posting_number') as number;
    return tab.snapshot.values.some((row, i) => i > 0 && row?.[col] != null && batch.has(String(row[col])));
  };
  if (held(keys.orders) || held(keys.lines)) return null;
  // Appended as appendCells: Google puts them after the last row with content when the write
  // happens, so a row the seller inserted or sorted in meanwhile is never overwritten.
  const plan = (tab: PreparedTab, spec: TableSpec, rows: Iterable<RowValues>) =>
    guardedRequests(
      spec,
      tab.snapshot.sheetId,
      tab.positions,
      planUpsert(spec, tab.positions, dataRows(tab.snapshot), rows),
      tab.snapshot.zone,
    );
  const requests = [
    ...plan(keys.orders, specs.orders, carried.orderRows.values()),
    ...plan(keys.lines, specs.lines, carried.lineRows.values()),
  ];
  if (requests.length) env.write(requests, id);
  env.step?.('copied');

  // Read back the rows appended (0-based sheet rows from the first after the tab's last): where they
  // are unless the seller inserted, deleted or sorted rows meanwhile.
  const band = (tab: PreparedTab, count: number): TabPart => ({
    rows: [tab.snapshot.values.length, tab.snapshot.values.length + Math.max(0, count - 1)],
  });
  const back = env.readTabs(
    [specs.orders, specs.lines],
    id,
    new Map([
      [specs.orders.tab, band(keys.orders, carried.orderRows.size)],
      [specs.lines.tab, band(keys.lines, carried.lineRows.size)],
    ]),
  );
  const archive = {
    orders: prepareTab(back.get(specs.orders.tab) as TabSnapshot),
    lines: prepareTab(back.get(specs.lines.tab) as TabSnapshot),
  };
  const verified = verify(archive, specs, carried);
  // Not all where they were appended (the seller inserted, deleted or sorted rows meanwhile, or
  // deleted one of them): the full upsert by key lands what is missing and verifies on a whole read.
  if (verified.size < carried.orderRows.size) return null;
  const count = (before: PreparedTab, after: PreparedTab, column: string) => {
    const all = distinctKeys(before, column);
    for (const key of distinctKeys(after, column)) all.add(key);
    return all.size;
  };
  return {
    verified,
    orders: count(keys.orders, archive.orders, 'posting_number'),
    lines: count(keys.lines, archive.lines, 'line_key'),
    carried: carriedOf(carried),
  };
}

/** Phase 1: upsert the batch into the month's archive tabs, read them back, verify by key and value. */
function copyBatch(
  env: ArchiveEnv,
  live: Live,
  volume: ArchiveVolume,
  month: string,
  batch: ReadonlySet<string>,
  moveId: string,
): Copied {
  const extras = { orders: extraHeaders(live.orders), lines: extraHeaders(live.lines) };
  const specs = archiveSpecs(month, extras, 'move');
  const id = volume.spreadsheetId;
  const carried = carry(live, batch, moveId);
  const appended = appendBatch(env, specs, id, batch, carried);
  if (appended) return appended;
  const { lineRows } = carried;
  const snaps = env.readTabs([specs.orders, specs.lines], id);
  const archive = {
    orders: prepareTab(snaps.get(specs.orders.tab) as TabSnapshot),
    lines: prepareTab(snaps.get(specs.lines.tab) as TabSnapshot),
  };
  // Lines the archive holds for these postings that the live tab no longer has (a line Ozon removed).
  const stale = new Set<string>();
  if (archive.lines.snapshot.exists) {
    const aPosting = archive.lines.positions.get('posting_number') as number;
    const aKey = archive.lines.positions.get('line_key') as number;
    for (const row of archive.lines.snapshot.values.slice(1)) {
      const p = row?.[aPosting];
      const k = row?.[aKey];
      if (p !== undefined && p !== null && batch.has(String(p)) && k && !lineRows.has(String(k)))
        stale.add(String(k));
    }
  }
  // Landed by key (read again after each write, rows a write reached by mistake put right), so a
  // sort, an insert or a delete in the month tabs meanwhile cannot put a row on another posting.
  const io: TableIO = {
    readTabs: (list) => env.readTabs(list, id),
    write: (requests) => env.write(requests, id),
  };
  const land = (postings: ReadonlySet<string>, read?: Map<string, TabSnapshot>) => {
    const landing = landTables(
      io,
      [
        { spec: specs.orders, rows: [...carried.orderRows.values()].filter((r) => postings.has(key(r))) },
        {
          spec: specs.lines,
          rows: [...lineRows.values()].filter((r) => postings.has(key(r))),
          remove: read ? stale : undefined,
        },
      ],
      read,
    );
    return {
      orders: landing.tabs.get(specs.orders.tab) as PreparedTab,
      lines: landing.tabs.get(specs.lines.tab) as PreparedTab,
    };
  };
  const key = (values: RowValues) => String(values.posting_number);
  let after = land(batch, snaps);
  env.step?.('copied');
  // Verified on the tabs as read after the last write: each posting's order row and every line hold
  // what was carried. A row the seller deleted meanwhile (or one that did not land) is landed again.
  let verified = verify(after, specs, carried);
  for (let attempt = 1; attempt < COPY_TRIES && verified.size < carried.orderRows.size; attempt++) {
    after = land(new Set([...carried.orderRows.keys()].filter((k) => !verified.has(k))));
    verified = verify(after, specs, carried);
  }
  return {
    verified,
    orders: distinctKeys(after.orders, 'posting_number').size,
    lines: distinctKeys(after.lines, 'line_key').size,
    carried: carriedOf(carried),
  };
}

/**
 * A row a delete reached by mistake, put back whole after the tab's last row: every cell as it was
 * read (the seller's and columns they added too), the add-on's columns with their number format.
 */
function restoreRequests(tab: PreparedTab, rows: readonly unknown[][]): SheetsRequest[] {
  if (!rows.length) return [];
  const byIndex = new Map<number, ColumnSpec>();
  for (const column of tab.snapshot.spec.columns) {
    const index = tab.positions.get(column.key);
    if (index !== undefined) byIndex.set(index, column);
  }
  const cell = (v: unknown) =>
    v === undefined || v === '' || v === null
      ? null
      : typeof v === 'number' || typeof v === 'boolean'
        ? v
        : String(v);
  return [
    {
      appendCells: {
        sheetId: tab.snapshot.sheetId,
        rows: rows.map((row) => ({
          values: Array.from({ length: row.length }, (_v, i) =>
            cellData(cell(row[i]), byIndex.get(i), byIndex.has(i), tab.snapshot.zone),
          ),
        })),
        fields: 'userEnteredValue,userEnteredFormat.numberFormat',
      },
    },
  ];
}

/**
 * The postings whose rows the live tabs still hold as they were carried (the seller edited none of
 * them since). A row the seller deleted meanwhile is no edit: the archive holds it as carried.
 */
function unchangedSince(live: Live, postings: ReadonlySet<string>, carried: Map<string, RowValues[]>) {
  const now = carry(live, postings, '');
  const same = (a: RowValues, b: RowValues) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (key !== MOVE_COLUMN.key && (a[key] ?? null) !== (b[key] ?? null)) return false;
    return true;
  };
  const linesNow = new Map<string, RowValues[]>();
  for (const values of now.lineRows.values()) {
    const posting = String(values.posting_number);
    linesNow.set(posting, [...(linesNow.get(posting) ?? []), values]);
  }
  const kept = new Set<string>();
  for (const posting of postings) {
    const [order, ...lines] = carried.get(posting) ?? [];
    if (!order) continue;
    const orderNow = now.orderRows.get(posting);
    if (orderNow && !same(order, orderNow)) continue;
    // Its lines by key: a sort of Order lines changes nothing here.
    const was = new Map(lines.map((values) => [String(values.line_key), values]));
    const ok = (linesNow.get(posting) ?? []).every((values) => {
      const before = was.get(String(values.line_key));
      return before !== undefined && same(before, values);
    });
    if (ok) kept.add(posting);
  }
  return kept;
}

/** The tab as a delete of `rows` (0-based sheet rows) leaves it, read before. */
function without(tab: PreparedTab, rows: readonly number[]): PreparedTab {
  const gone = new Set(rows);
  const values = tab.snapshot.values.filter((_row, i) => !gone.has(i));
  return {
    ...tab,
    snapshot: { ...tab.snapshot, values, rowCount: tab.snapshot.rowCount - gone.size },
    setup: [],
  };
}

/** Whether the keys read alone are, row by row, those of `expected` (a row without a key included). */
function sameKeys(read: PreparedTab, expected: PreparedTab, columns: readonly string[]): boolean {
  const rows = Math.max(read.snapshot.values.length, expected.snapshot.values.length);
  for (const column of columns) {
    const a = read.positions.get(column);
    const b = expected.positions.get(column);
    if (a === undefined || a !== b) return false;
    const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    for (let i = 1; i < rows; i++)
      if (text(read.snapshot.values[i]?.[a]) !== text(expected.snapshot.values[i]?.[b])) return false;
  }
  return true;
}

const LIVE_KEYS = new Map<string, TabPart>([
  [ordersSpec.tab, { columns: ['posting_number'] }],
  [linesSpec.tab, { columns: ['posting_number', 'line_key'] }],
]);

/**
 * Phase 2: deletes the verified postings' rows from the live tabs, found by key right before the
 * delete, except postings the seller edited since they were carried (copied again next time). After
 * the delete the keys alone are read: the tabs as the delete should leave them, or, when not, read
 * whole and rows a delete reached by mistake (the seller sorted in between) put back whole.
 */
function deleteFromLive(
  env: ArchiveEnv,
  verified: ReadonlySet<string>,
  carried: Map<string, RowValues[]>,
): { live: Live; deleted: Set<string> } {
  let live = readLive(env);
  const deleted = unchangedSince(live, verified, carried);
  for (let attempt = 0; attempt < 4; attempt++) {
    const ordersRows = rowsWith(live.orders, 'posting_number', deleted);
    const linesRows = rowsWith(live.lines, 'posting_number', deleted);
    if (!ordersRows.length && !linesRows.length) break;
    env.write([
      ...deleteRowRequests(live.orders.snapshot.sheetId, ordersRows),
      ...deleteRowRequests(live.lines.snapshot.sheetId, linesRows),
    ]);
    env.step?.('deleted');
    const expected = { orders: without(live.orders, ordersRows), lines: without(live.lines, linesRows) };
    const keys = env.readTabs([ordersSpec, linesSpec], undefined, LIVE_KEYS);
    const read = {
      orders: prepareTab(keys.get(ordersSpec.tab) as TabSnapshot),
      lines: prepareTab(keys.get(linesSpec.tab) as TabSnapshot),
    };
    if (
      read.orders.snapshot.partial &&
      read.lines.snapshot.partial &&
      sameKeys(read.orders, expected.orders, ['posting_number']) &&
      sameKeys(read.lines, expected.lines, ['posting_number', 'line_key'])
    ) {
      live = expected;
      env.step?.('checked');
      break;
    }
    const after = readLive(env);
    const restore = (before: PreparedTab, now: PreparedTab, spec: TableSpec): unknown[][] => {
      const keyCol = before.positions.get(spec.key) as number;
      const postingCol = before.positions.get('posting_number') as number;
      const present = new Set(
        keysOf(now.snapshot.values, now.positions.get(spec.key) as number).filter(Boolean),
      );
      const back: unknown[][] = [];
      const queued = new Set<string>();
      for (const row of before.snapshot.values.slice(1)) {
        const key = row?.[keyCol];
        if (key === undefined || key === null || key === '') continue;
        if (deleted.has(String(row[postingCol])) || present.has(String(key)) || queued.has(String(key)))
          continue;
        queued.add(String(key));
        back.push(row);
      }
      return back;
    };
    const requests = [
      ...restoreRequests(after.orders, restore(live.orders, after.orders, ordersSpec)),
      ...restoreRequests(after.lines, restore(live.lines, after.lines, linesSpec)),
    ];
    live = after;
    if (requests.length) {
      env.write(requests);
      live = readLive(env);
    }
    env.step?.('checked');
  }
  return { live, deleted };
}

/** The live tabs' grid cells and what one posting takes there (its order row and its lines, on average). */
function cellCutoff(live: Live, cutoff: number): number {
  const grid = (tab: PreparedTab) => tab.snapshot.rowCount * tab.snapshot.columnCount;
  const postings = Math.max(1, live.orders.snapshot.values.length - 1);
  const lines = live.lines.snapshot.values.length - 1;
  const perPosting = live.orders.snapshot.columnCount + (lines / postings) * live.lines.snapshot.columnCount;
  const statusCol = live.orders.positions.get('status_code') as number;
  const orderedCol = live.orders.positions.get('ordered_at') as number;
  const finished: number[] = [];
  for (const row of live.orders.snapshot.values.slice(1)) {
    const at = row?.[orderedCol];
    if (typeof at === 'number' && isFinished(row[statusCol])) finished.push(at);
  }
  return budgetCutoff(cutoff, grid(live.orders) + grid(live.lines), finished, perPosting);
}

function postingsIn(live: Live): number {
  const col = live.orders.positions.get('posting_number') as number;
  return new Set(keysOf(live.orders.snapshot.values, col).filter(Boolean)).size;
}

/** One execution's share of archiving. The caller holds the document lock. */
export function runArchiveStep(env: ArchiveEnv): ArchiveOutcome {
  const catalog = loadCatalog(env.store);
  const notes: string[] = [];
  const before = new Set(missingOf(catalog).map((m) => `${m.month}/${m.name}`));
  checkVolumes(env, catalog);
  saveCatalog(env.store, catalog);
  const days = liveDays(env.store);
  let live = readLive(env);
  const livePresent = live.orders.snapshot.exists && live.lines.snapshot.exists;
  const dayCutoff = cutoffSerial(toSerial(env.now(), env.offset), days);
  const cutoff = livePresent ? cellCutoff(live, dayCutoff) : dayCutoff;
  if (cutoff > dayCutoff)
    notes.push(
      t(env.lang, 'archive.budget', {
        days: Math.max(0, Math.round(toSerial(env.now(), env.offset) - cutoff)),
      }),
    );
  let candidates = livePresent ? archiveCandidates(live.orders, cutoff) : new Map<string, string[]>();
  let moved = 0;
  const months = new Set<string>();
  let job = loadArchiveJob(env.store);
  const toBigQuery = env.backend === 'bigquery';
  let held: NotHeld | null = null;
  while (candidates.size && env.now() + BATCH_ROOM_MS < env.deadline) {
    // A move cut earlier goes first: its rows may be in both places.
    const month = job && candidates.has(job.month) ? job.month : [...candidates.keys()][0];
    let batch = new Set((candidates.get(month) as string[]).slice(0, BATCH_POSTINGS));
    const moveId = job && job.month === month ? job.moveId : env.newId();
    // With BigQuery set up, a posting leaves the live tabs only once BigQuery holds it.
    let inBigQuery: Set<string> | null = null;
    if (env.holdInBigQuery) {
      try {
        inBigQuery = env.holdInBigQuery(carry(live, batch, moveId), toBigQuery);
      } catch (error) {
        if (!(error instanceof NotHeld)) throw error;
        held = error;
        break;
      }
      batch = new Set([...batch].filter((posting) => inBigQuery!.has(posting)));
      if (!batch.size) break; // BigQuery confirmed none of them: leave every row where it is
    }
    job = { v: 1, moveId, month, phase: 'copy', startedAt: job?.startedAt ?? env.now() };
    env.store.set(ARCHIVE_JOB_KEY, JSON.stringify(job));
    let copied: Pick<Copied, 'verified' | 'carried'>;
    if (toBigQuery && inBigQuery) {
      copied = { verified: batch, carried: carriedOf(carry(live, batch, moveId)) };
    } else {
      const lineCount = linesOf(live.lines, batch).length;
      const volume = volumeFor(env, catalog, month, { orders: batch.size, lines: lineCount }, notes);
      env.step?.('volume');
      const inSheets = copyBatch(env, live, volume, month, batch, moveId);
      const entry = monthEntry(volume, month);
      entry.orders = inSheets.orders;
      entry.lines = inSheets.lines;
      saveCatalog(env.store, catalog);
      copied = inSheets;
    }
    env.step?.('verified');
    if (!copied.verified.size) break; // nothing could be verified: leave every row where it is
    job = { ...job, phase: 'delete' };
    env.store.set(ARCHIVE_JOB_KEY, JSON.stringify(job));
    const done = deleteFromLive(env, copied.verified, copied.carried);
    live = done.live;
    // The orders sync counts the postings it left in Orders: fewer later would read as the seller's deletes.
    env.store.set(ORDERS_COUNT_KEY, String(postingsIn(live)));
    moved += done.deleted.size;
    months.add(month);
    // Named if the dataset is ever deleted: BigQuery alone held these postings.
    if (toBigQuery && inBigQuery && done.deleted.size) noteBigQueryArchivedMonth(env.store, month);
    env.store.delete(ARCHIVE_JOB_KEY);
    job = null;
    candidates = archiveCandidates(live.orders, cutoff);
    // Some rows would not verify, or the seller edited some meanwhile: try again next run.
    if (done.deleted.size < batch.size) break;
  }
  // The Finance rows of archived postings follow them once older than the finance horizon. With
  // BigQuery set up they stay: nothing confirms BigQuery holds a Finance row before it would leave.
  if (livePresent && !env.holdInBigQuery && env.now() + BATCH_ROOM_MS < env.deadline) {
    const keyCol = live.orders.positions.get('posting_number') as number;
    const inOrders = new Set(keysOf(live.orders.snapshot.values, keyCol).filter(Boolean));
    moveArchivedFinance(env, catalog, inOrders, env.newId());
  }
  const missing = missingOf(catalog);
  saveCatalog(env.store, catalog);
  env.store.set(ARCHIVE_MISSING_KEY, JSON.stringify(missing.map((m) => m.month)));
  // Months newly missing come back from Ozon where Ozon still has them: the next sync reads them again.
  const fresh = missing.filter((m) => !before.has(`${m.month}/${m.name}`));
  if (fresh.length)
    requestRefill(
      env.store,
      fresh.map((m) => m.month),
    );
  notes.push(...missingText(env.lang, missing));
  if (catalog.volumes.length)
    landArchiveTab(
      { readTabs: (specs) => env.readTabs(specs), write: (requests) => env.write(requests) },
      catalog,
      missing,
      env.lang,
    );
  const result = held && !held.cut ? 'failed' : candidates.size ? 'partial' : moved ? 'done' : 'nothing';
  const monthList = [...months].sort();
  const message =
    result === 'failed' || (held && result === 'partial')
      ? [moved ? t(env.lang, 'archive.partial', { moved }) : '', held?.text ?? ''].filter(Boolean).join(' ')
      : result === 'partial'
        ? t(env.lang, 'archive.partial', { moved })
        : result === 'done'
          ? t(env.lang, toBigQuery ? 'archive.doneBigQuery' : 'archive.done', {
              moved,
              days,
              months: monthList.join(', '),
            })
          : t(env.lang, 'archive.nothing', { days });
  return { result, moved, months: monthList, missing, message, notes };
}
