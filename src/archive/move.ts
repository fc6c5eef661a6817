// Moving old finished postings out of Orders and Order lines into the archive spreadsheets, in two
// phases that a cut (the execution deadline, a quota refusal, a crash) can stop anywhere:
//   1. copy: the batch's rows are upserted by key into the month's archive tabs, tagged with the
//      move's id, and read back: only postings whose order row and every line row are there with
//      the values carried are verified;
//   2. delete: the live tabs are read again right before the delete, the verified postings' rows
//      are found by key (the seller may have sorted meanwhile) and deleted; the keys are read again
//      after, and a row the delete reached by mistake is put back whole.
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
  rowsWith,
  VOLUME_CELL_BUDGET,
} from '../core/archive/plan';
import { budgetCutoff, cutoffSerial, isFinished, yearOfMonth } from '../core/archive/window';
import { t, type Lang } from '../core/i18n/messages';
import { linesSpec, ordersSpec } from '../core/orders/tables';
import { keysOf } from '../core/table/guard';
import { cellData, planRequests, type SheetsRequest } from '../core/table/requests';
import { applySetup, prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { planUpsert, sameCell } from '../core/table/upsert';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import { ARCHIVE_JOB_KEY, ARCHIVE_MISSING_KEY, liveDays, loadCatalog, saveCatalog } from './settings';
import { archiveTabRequests, archiveTabSpec } from './tab';
import { ORDERS_COUNT_KEY } from '../sync/job';
import { requestRefill } from './refill';

export interface ArchiveEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  /** No new batch starts when less than a batch's room is left before it. */
  deadline: number;
  /** Reads tabs of the live workbook (no id) or of an archive spreadsheet. */
  readTabs(specs: readonly TableSpec[], spreadsheetId?: string): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[], spreadsheetId?: string): void;
  /** Tab names an archive spreadsheet holds (by the add-on's tab metadata and by title). */
  tabNames(spreadsheetId: string): Set<string>;
  createSpreadsheet(name: string): ArchiveFile;
  /** null: the spreadsheet cannot be opened (deleted, no longer shared). */
  openSpreadsheet(id: string): ArchiveFile | null;
  newId(): string;
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
  result: 'done' | 'partial' | 'nothing';
  moved: number;
  months: string[];
  missing: MissingMonth[];
  /** What the seller is told (the run's result, then any fault). */
  message: string;
  notes: string[];
}

/** Postings per batch: one batch's copy, read-back and delete take well under a minute. */
export const BATCH_POSTINGS = 4_000;
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
  const read = () => {
    const snaps = env.readTabs([specs.orders, specs.lines], id);
    return {
      orders: prepareTab(snaps.get(specs.orders.tab) as TabSnapshot),
      lines: prepareTab(snaps.get(specs.lines.tab) as TabSnapshot),
    };
  };
  let archive = read();
  const setup = [...archive.orders.setup, ...archive.lines.setup];
  if (setup.length) {
    env.write(setup, id);
    applySetup(archive.orders);
    applySetup(archive.lines);
  }
  const orderRows = new Map<string, RowValues>();
  for (const [key, row] of rowsByKey(live.orders, 'posting_number', batch))
    orderRows.set(key, carriedRow(live.orders, row, moveId));
  const lineRows = new Map<string, RowValues>();
  for (const row of linesOf(live.lines, batch)) {
    const values = carriedRow(live.lines, row, moveId);
    lineRows.set(String(values.line_key), values);
  }
  // Lines the archive holds for these postings that the live tab no longer has (a line Ozon removed).
  const stale = new Set<string>();
  const aPosting = archive.lines.positions.get('posting_number') as number;
  const aKey = archive.lines.positions.get('line_key') as number;
  for (const row of archive.lines.snapshot.values.slice(1)) {
    const p = row?.[aPosting];
    const k = row?.[aKey];
    if (p !== undefined && p !== null && batch.has(String(p)) && k && !lineRows.has(String(k)))
      stale.add(String(k));
  }
  const ordersPlan = planUpsert(
    specs.orders,
    archive.orders.positions,
    dataRows(archive.orders.snapshot),
    orderRows.values(),
  );
  const linesPlan = planUpsert(
    specs.lines,
    archive.lines.positions,
    dataRows(archive.lines.snapshot),
    lineRows.values(),
    stale,
  );
  const requests = [
    ...planRequests(
      specs.orders,
      archive.orders.snapshot.sheetId,
      archive.orders.snapshot.rowCount,
      archive.orders.positions,
      ordersPlan,
      archive.orders.snapshot.zone,
    ),
    ...planRequests(
      specs.lines,
      archive.lines.snapshot.sheetId,
      archive.lines.snapshot.rowCount,
      archive.lines.positions,
      linesPlan,
      archive.lines.snapshot.zone,
    ),
  ];
  if (requests.length) env.write(requests, id);
  env.step?.('copied');

  // Read back: a posting is verified when its order row and each of its lines hold what was carried.
  archive = read();
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
  const ordersCol = archive.orders.positions.get('posting_number') as number;
  const linesCol = archive.lines.positions.get('line_key') as number;
  return {
    verified,
    orders: new Set(keysOf(archive.orders.snapshot.values, ordersCol).filter(Boolean)).size,
    lines: new Set(keysOf(archive.lines.snapshot.values, linesCol).filter(Boolean)).size,
  };
}

function restoreRequests(tab: PreparedTab, rows: readonly unknown[][]): SheetsRequest[] {
  if (!rows.length) return [];
  return [
    {
      appendCells: {
        sheetId: tab.snapshot.sheetId,
        rows: rows.map((row) => ({
          values: Array.from({ length: row.length }, (_v, i) => {
            const v = row[i];
            return cellData(
              v === undefined || v === ''
                ? null
                : typeof v === 'number' || typeof v === 'boolean'
                  ? v
                  : String(v),
            );
          }),
        })),
        fields: 'userEnteredValue',
      },
    },
  ];
}

/**
 * Phase 2: deletes the verified postings' rows from the live tabs, found by key right before the
 * delete; rows a delete reached by mistake (the seller sorted in between) are put back whole.
 */
function deleteFromLive(env: ArchiveEnv, verified: ReadonlySet<string>): Live {
  let live = readLive(env);
  for (let attempt = 0; attempt < 4; attempt++) {
    const ordersRows = rowsWith(live.orders, 'posting_number', verified);
    const linesRows = rowsWith(live.lines, 'posting_number', verified);
    if (!ordersRows.length && !linesRows.length) break;
    env.write([
      ...deleteRowRequests(live.orders.snapshot.sheetId, ordersRows),
      ...deleteRowRequests(live.lines.snapshot.sheetId, linesRows),
    ]);
    env.step?.('deleted');
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
        if (verified.has(String(row[postingCol])) || present.has(String(key)) || queued.has(String(key)))
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
  return live;
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
  while (candidates.size && env.now() + BATCH_ROOM_MS < env.deadline) {
    // A move cut earlier goes first: its rows may be in both places.
    const month = job && candidates.has(job.month) ? job.month : [...candidates.keys()][0];
    const batch = new Set((candidates.get(month) as string[]).slice(0, BATCH_POSTINGS));
    const moveId = job && job.month === month ? job.moveId : env.newId();
    job = { v: 1, moveId, month, phase: 'copy', startedAt: job?.startedAt ?? env.now() };
    env.store.set(ARCHIVE_JOB_KEY, JSON.stringify(job));
    const lineCount = linesOf(live.lines, batch).length;
    const volume = volumeFor(env, catalog, month, { orders: batch.size, lines: lineCount }, notes);
    env.step?.('volume');
    const copied = copyBatch(env, live, volume, month, batch, moveId);
    const entry = monthEntry(volume, month);
    entry.orders = copied.orders;
    entry.lines = copied.lines;
    saveCatalog(env.store, catalog);
    env.step?.('verified');
    if (!copied.verified.size) break; // nothing could be verified: leave every row where it is
    job = { ...job, phase: 'delete' };
    env.store.set(ARCHIVE_JOB_KEY, JSON.stringify(job));
    live = deleteFromLive(env, copied.verified);
    // The orders sync counts the postings it left in Orders: fewer later would read as the seller's deletes.
    env.store.set(ORDERS_COUNT_KEY, String(postingsIn(live)));
    moved += copied.verified.size;
    months.add(month);
    env.store.delete(ARCHIVE_JOB_KEY);
    job = null;
    candidates = archiveCandidates(live.orders, cutoff);
    if (copied.verified.size < batch.size) break; // some rows would not verify: try again next run
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
  if (catalog.volumes.length) {
    const snaps = env.readTabs([archiveTabSpec]);
    env.write(archiveTabRequests(snaps, catalog, missing, env.lang));
  }
  const result = candidates.size ? 'partial' : moved ? 'done' : 'nothing';
  const monthList = [...months].sort();
  const message =
    result === 'partial'
      ? t(env.lang, 'archive.partial', { moved })
      : result === 'done'
        ? t(env.lang, 'archive.done', { moved, days, months: monthList.join(', ') })
        : t(env.lang, 'archive.nothing', { days });
  return { result, moved, months: monthList, missing, message, notes };
}
