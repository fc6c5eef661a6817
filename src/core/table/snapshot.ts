// A tab as read at the start of an execution, kept current in memory as plans are written, so one
// execution reads each tab once however many batches it writes.
import { locateColumns, placeMissing } from './locate';
import { setupRequests, type SheetsRequest } from './requests';
import type { TableSpec } from './spec';
import { headerIn, isOwnHeader } from '../i18n/headers';
import type { Lang } from '../i18n/messages';
import type { UpsertPlan } from './upsert';

/**
 * Part of a tab to read instead of all of it. `columns`: those columns (by key, found by their
 * metadata, each key on one column only) and, with `tail`, every row after the last one they hold,
 * whole; `rows`: the header row and a band of rows (0-based sheet rows, inclusive). A tab whose
 * columns are not so found is read whole. Rows outside what was read are absent from `values`.
 */
export type TabPart =
  { columns: readonly string[]; tail?: boolean } | { rows: readonly [first: number, last: number] };

export interface TabSnapshot {
  spec: TableSpec;
  sheetId: number;
  exists: boolean;
  rowCount: number;
  columnCount: number;
  /** Every row as read, header first; rows may be shorter than the header. */
  values: unknown[][];
  /** Column developer metadata on this tab: 0-based column → key. */
  metadata: Map<number, string>;
  /** The tab's title now (the seller may have renamed it); the spec's `tab` when absent. */
  title?: string;
  /** False for an existing tab found by its title only: it gets its tab metadata back. */
  tabMarked?: boolean;
  /** The seller's language: new headers are written in it, the add-on's own headers follow it. */
  lang?: Lang;
  /** The zone the tab's time columns name (zoneLabel of the spreadsheet's zone, in `lang`). */
  zone?: string;
  /** Only some columns or rows were read (readTabs' parts): never planned against as a whole tab. */
  partial?: true;
}

export interface PreparedTab {
  snapshot: TabSnapshot;
  positions: Map<string, number>;
  /** Requests that create the tab or repair its columns; empty when nothing is needed. */
  setup: SheetsRequest[];
  /** Keys of the add-on's columns an existing tab had lost (deleted by the seller): recreated empty. */
  recreated: string[];
}

export function prepareTab(
  snapshot: TabSnapshot,
  decorate?: (positions: ReadonlyMap<string, number>, sheetId: number) => SheetsRequest[],
): PreparedTab {
  const { spec } = snapshot;
  const header = snapshot.values[0] ?? [];
  const layout = snapshot.exists
    ? locateColumns(spec, header, snapshot.metadata)
    : { positions: new Map<string, number>(), missing: [...spec.columns], unmarked: [] };
  const used = Math.max(header.length, 0);
  const positions = placeMissing(layout, used);
  const lang = snapshot.lang;
  // Headers the add-on wrote (in any language) follow the seller's language; renamed ones stay.
  const relabel =
    snapshot.exists && lang
      ? spec.columns
          .filter((c) => positions.has(c.key) && !layout.missing.includes(c))
          .filter((c) => {
            const text = header[positions.get(c.key) as number];
            return isOwnHeader(text, c.header) && String(text).trim() !== headerIn(lang, c.header);
          })
          .map((c) => c.key)
      : [];
  const setup = setupRequests({
    lang: lang ?? 'en',
    ...(snapshot.zone !== undefined ? { zone: snapshot.zone } : {}),
    relabel,
    spec,
    sheetId: snapshot.sheetId,
    ...(snapshot.exists
      ? { existing: { rowCount: snapshot.rowCount, columnCount: snapshot.columnCount } }
      : {}),
    positions,
    create: layout.missing.map((c) => c.key),
    mark: layout.unmarked,
    markTab: snapshot.exists && snapshot.tabMarked === false,
    ...(decorate ? { decorate } : {}),
  });
  const recreated = snapshot.exists && snapshot.values.length > 1 ? layout.missing.map((c) => c.key) : [];
  return { snapshot, positions, setup, recreated };
}

/** Mirrors what a setup did, so the snapshot matches the sheet without reading it again. */
export function applySetup(prepared: PreparedTab): void {
  const { snapshot, positions } = prepared;
  if (!prepared.setup.length) return;
  snapshot.tabMarked = true;
  const width = Math.max(...[...positions.values()].map((i) => i + 1));
  if (!snapshot.exists) {
    snapshot.exists = true;
    snapshot.rowCount = 200;
    snapshot.columnCount = width;
    snapshot.values = [[]];
  }
  snapshot.columnCount = Math.max(snapshot.columnCount, width);
  const header = snapshot.values[0] ?? (snapshot.values[0] = []);
  for (const column of snapshot.spec.columns) {
    const index = positions.get(column.key) as number;
    snapshot.metadata.set(index, column.key);
    if (header[index] === undefined || header[index] === '')
      header[index] = headerIn(snapshot.lang ?? 'en', column.header);
    else if (snapshot.lang && isOwnHeader(header[index], column.header))
      header[index] = headerIn(snapshot.lang, column.header);
  }
}

/** Mirrors a written plan in the snapshot. */
export function applyPlan(snapshot: TabSnapshot, plan: UpsertPlan, grownTo: number): void {
  for (const run of plan.runs) {
    const row = snapshot.values[run.row] ?? (snapshot.values[run.row] = []);
    run.values.forEach((value, i) => (row[run.col + i] = value ?? ''));
  }
  for (let i = 0; i < snapshot.values.length; i++) if (!snapshot.values[i]) snapshot.values[i] = [];
  for (const row of plan.deleteRows) snapshot.values.splice(row, 1);
  snapshot.rowCount = Math.max(snapshot.rowCount, grownTo) - plan.deleteRows.length;
}
