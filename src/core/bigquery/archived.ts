// What BigQuery must hold before a posting may leave the live tabs: its postings row and its lines
// (the history tables) and, when BigQuery is the only archive, every cell of its Orders row and Order
// lines rows as the live tabs hold them (the seller's columns and columns the seller added too), in
// `archived_rows`, one row per sheet row, so nothing the seller typed is lost with the move.
import { EXTRA_PREFIX } from '../archive/plan';
import { linesSpec, ordersSpec } from '../orders/tables';
import type { RowValues } from '../table/spec';
import type { OffsetMinutes } from '../time/serial';
import { BQ_TABLES, tableRows, type BqRow, type BqTable } from './tables';

export const ARCHIVED_ROWS: BqTable = {
  id: 'archived_rows',
  // Not read from a tab: its rows are built from the carried rows below.
  spec: ordersSpec,
  keys: ['posting_number', 'row_key'],
  columns: [
    { name: 'posting_number', type: 'STRING', from: 'posting_number' },
    { name: 'row_key', type: 'STRING', from: 'row_key' },
    { name: 'tab', type: 'STRING', from: 'tab' },
    { name: 'cells', type: 'STRING', from: 'cells' },
  ],
};

/** row_key of a posting's Orders row (a line's is its line key, never this text). */
export const ORDER_ROW_KEY = 'order';

const table = (id: BqTable['id']) => BQ_TABLES.find((t) => t.id === id) as BqTable;

/** A history table's rows from carried rows (column key → cell), converted as the history load does. */
function historyRows(target: BqTable, rows: Iterable<RowValues>, offset: OffsetMinutes): BqRow[] {
  const from = [...new Set(target.columns.flatMap((c) => (c.shown ? [c.from, c.shown] : [c.from])))];
  const positions = new Map(from.map((key, i) => [key, i]));
  const values = [from, ...[...rows].map((row) => from.map((key) => row[key] ?? null))];
  return tableRows(target, values, positions, offset);
}

/** The carried row's cells as JSON: column key → value, empty cells and the move id left out. */
export function cellsJson(row: RowValues): string {
  const cells: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (key !== 'move_id' && value !== null && value !== undefined && value !== '') cells[key] = value;
  return JSON.stringify(cells);
}

export interface HeldSet {
  table: BqTable;
  rows: BqRow[];
}

/** The rows BigQuery must hold for the carried postings. `whole`: their sheet rows too. */
export function rowsToHold(
  carried: { orderRows: ReadonlyMap<string, RowValues>; lineRows: ReadonlyMap<string, RowValues> },
  offset: OffsetMinutes,
  whole: boolean,
): HeldSet[] {
  const sets: HeldSet[] = [
    { table: table('postings'), rows: historyRows(table('postings'), carried.orderRows.values(), offset) },
    { table: table('lines'), rows: historyRows(table('lines'), carried.lineRows.values(), offset) },
  ];
  if (whole) {
    const rows: BqRow[] = [];
    for (const [posting, row] of carried.orderRows)
      rows.push({ posting_number: posting, row_key: ORDER_ROW_KEY, tab: 'Orders', cells: cellsJson(row) });
    for (const [lineKey, row] of carried.lineRows)
      rows.push({
        posting_number: String(row.posting_number),
        row_key: lineKey,
        tab: 'Order lines',
        cells: cellsJson(row),
      });
    sets.push({ table: ARCHIVED_ROWS, rows });
  }
  return sets;
}

/**
 * Postings whose every row BigQuery holds with the same hash: `held` maps a table's row key
 * (keyOf) to the row_hash a query read back.
 */
export function heldPostings(
  sets: readonly { table: BqTable; rows: readonly { row: BqRow; hash: string; key: string }[] }[],
  held: ReadonlyMap<string, ReadonlyMap<string, string>>,
  postings: Iterable<string>,
): Set<string> {
  const out = new Set(postings);
  for (const set of sets) {
    const got = held.get(set.table.id);
    for (const r of set.rows) if (got?.get(r.key) !== r.hash) out.delete(String(r.row.posting_number));
  }
  return out;
}

/** Keys of the columns only the seller fills (the add-on's seller columns; added ones go by EXTRA_PREFIX). */
const SELLER_KEYS = new Set(
  [...ordersSpec.columns, ...linesSpec.columns].filter((c) => c.role === 'seller').map((c) => c.key),
);

/**
 * A posting archived again (it changed at Ozon and came back to the live tabs without the seller's
 * cells) keeps what BigQuery holds of the seller's cells where its row has none now.
 */
export function keepSellerCells(cells: string, before: string | null | undefined): string {
  if (!before) return cells;
  let old: Record<string, unknown>;
  try {
    old = JSON.parse(before) as Record<string, unknown>;
  } catch {
    return cells;
  }
  const now = JSON.parse(cells) as Record<string, unknown>;
  let kept = false;
  for (const [key, value] of Object.entries(old))
    if ((SELLER_KEYS.has(key) || key.startsWith(EXTRA_PREFIX)) && !(key in now)) {
      now[key] = value;
      kept = true;
    }
  return kept ? JSON.stringify(now) : cells;
}
