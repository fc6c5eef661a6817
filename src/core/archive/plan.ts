// Planning a move to the archive (pure): which live rows leave, what the archive month tabs look like,
// and how a row is carried whole (the add-on's columns, the seller's columns of the spec, and columns
// the seller added to the tab, found by their header text).
import { financeSpec, linesProfitSpec } from '../finance/tables';
import { linesSpec, ordersSpec } from '../orders/tables';
import type { PreparedTab } from '../table/snapshot';
import type { Cell, ColumnSpec, RowValues, TableSpec } from '../table/spec';
import type { SheetsRequest } from '../table/requests';
import { isArchivable, monthOfSerial } from './window';

/** Hidden column of every archive row: the move that put it there (a resumed move finds its own rows). */
export const MOVE_COLUMN: ColumnSpec = {
  key: 'move_id',
  header: 'Move',
  kind: 'id',
  role: 'sync',
  width: 90,
  hidden: true,
};

/** Key prefix of a seller-added column carried into the archive (its key is its header text). */
export const EXTRA_PREFIX = 'x:';

export const archiveTabName = (month: string, kind: 'orders' | 'lines'): string =>
  `${month} ${kind === 'orders' ? ordersSpec.tab : linesSpec.tab}`;

/**
 * The archive tab specs of a month. `move`: every column is written (the seller's too, as the row
 * is carried whole). `update`: a late change from Ozon rewrites only what the sync owns.
 */
export function archiveSpecs(
  month: string,
  extras: { orders: readonly string[]; lines: readonly string[] } = { orders: [], lines: [] },
  mode: 'move' | 'update' = 'move',
): { orders: TableSpec; lines: TableSpec } {
  const carry = (c: ColumnSpec): ColumnSpec => (mode === 'move' ? { ...c, role: 'sync' } : c);
  const extraColumns = (headers: readonly string[]): ColumnSpec[] =>
    headers.map((header) => ({
      key: EXTRA_PREFIX + header,
      header,
      kind: 'text',
      role: mode === 'move' ? 'sync' : 'seller',
    }));
  return {
    orders: {
      tab: archiveTabName(month, 'orders'),
      key: ordersSpec.key,
      columns: [...ordersSpec.columns.map(carry), MOVE_COLUMN, ...extraColumns(extras.orders)],
    },
    lines: {
      tab: archiveTabName(month, 'lines'),
      key: linesSpec.key,
      columns: [...linesSpec.columns.map(carry), MOVE_COLUMN, ...extraColumns(extras.lines)],
    },
  };
}

export const archiveFinanceTab = (month: string): string => `${month} ${financeSpec.tab}`;

/**
 * The finance side of an archive month: its Finance tab (rows of the month's postings, moved from the
 * live Finance tab once older than the horizon: see financeHorizon) and its Order lines as the
 * finance run writes them (the profit columns only; the sync's and the seller's are left alone).
 */
export function archiveFinanceSpecs(month: string): { finance: TableSpec; lines: TableSpec } {
  return {
    finance: {
      ...financeSpec,
      tab: archiveFinanceTab(month),
      columns: [...financeSpec.columns, MOVE_COLUMN],
    },
    lines: {
      ...linesProfitSpec,
      tab: archiveTabName(month, 'lines'),
      columns: [...linesProfitSpec.columns, { ...MOVE_COLUMN, role: 'seller' }],
    },
  };
}

/** Headers of columns the seller added to a live tab (not the add-on's), in sheet order. */
export function extraHeaders(tab: PreparedTab): string[] {
  const own = new Set(tab.positions.values());
  const header = tab.snapshot.values[0] ?? [];
  const seen = new Set<string>();
  const out: string[] = [];
  header.forEach((text, i) => {
    const name = text === undefined || text === null ? '' : String(text).trim();
    if (own.has(i) || !name || seen.has(name) || name === MOVE_COLUMN.header) return;
    seen.add(name);
    out.push(name);
  });
  return out;
}

function asCell(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** A live row as the archive stores it: every column of the spec and every seller-added column. */
export function carriedRow(tab: PreparedTab, row: readonly unknown[], moveId: string): RowValues {
  const values: RowValues = {};
  for (const [key, index] of tab.positions) values[key] = asCell(row[index]);
  const header = tab.snapshot.values[0] ?? [];
  const own = new Set(tab.positions.values());
  header.forEach((text, i) => {
    const name = text === undefined || text === null ? '' : String(text).trim();
    if (own.has(i) || !name || EXTRA_PREFIX + name in values) return;
    values[EXTRA_PREFIX + name] = asCell(row[i]);
  });
  values[MOVE_COLUMN.key] = moveId;
  return values;
}

/** Finished postings ordered before `cutoff`, by archive month (oldest month first). */
export function archiveCandidates(orders: PreparedTab, cutoff: number): Map<string, string[]> {
  const keyCol = orders.positions.get('posting_number') as number;
  const statusCol = orders.positions.get('status_code') as number;
  const orderedCol = orders.positions.get('ordered_at') as number;
  const byMonth = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const row of orders.snapshot.values.slice(1)) {
    const key = row?.[keyCol];
    if (key === undefined || key === null || key === '') continue;
    const text = String(key);
    if (seen.has(text) || !isArchivable(row[statusCol], row[orderedCol], cutoff)) continue;
    seen.add(text);
    const month = monthOfSerial(row[orderedCol] as number);
    const list = byMonth.get(month) ?? [];
    list.push(text);
    byMonth.set(month, list);
  }
  return new Map([...byMonth.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}

/** 0-based sheet rows whose `column` value is in `keys`. */
export function rowsWith(tab: PreparedTab, column: string, keys: ReadonlySet<string>): number[] {
  const col = tab.positions.get(column) as number;
  const rows: number[] = [];
  tab.snapshot.values.forEach((row, i) => {
    if (i === 0) return;
    const v = row?.[col];
    if (v !== undefined && v !== null && v !== '' && keys.has(String(v))) rows.push(i);
  });
  return rows;
}

/** deleteDimension requests for sheet rows, bottom-up, neighbours merged into one range. */
export function deleteRowRequests(sheetId: number, rows: readonly number[]): SheetsRequest[] {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  const requests: SheetsRequest[] = [];
  let i = 0;
  while (i < sorted.length) {
    const end = sorted[i] + 1;
    let start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === start - 1) start = sorted[++i];
    requests.push({
      deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: start, endIndex: end } },
    });
    i++;
  }
  return requests;
}

/** Cells an archive volume's month tabs take (grid with the planner's headroom), for splitting a year. */
export function monthCells(orders: number, lines: number): number {
  const grid = (rows: number) => rows + 1 + Math.min(1000, Math.ceil(rows * 0.1));
  return grid(orders) * (ordersSpec.columns.length + 4) + grid(lines) * (linesSpec.columns.length + 2);
}

/** A volume stops taking new months past this many cells (Google's limit is 10 M per spreadsheet). */
export const VOLUME_CELL_BUDGET = 8_000_000;
