// How the add-on describes a tab it keeps in step with Ozon: which columns it owns, what kind of
// value each holds, and which column identifies a row. The seller may move, rename, hide and add
// columns; the spec's keys (stored as column developer metadata) are how the add-on finds its own.
import { MONEY_PATTERN } from '../format/money';

export type ColumnKind = 'text' | 'id' | 'int' | 'number' | 'money' | 'datetime' | 'date' | 'percent';

/**
 * sync: rewritten whenever Ozon's data changes.
 * insert: written once, when the row is added (e.g. the "new" marker); later syncs leave it alone.
 * seller: the seller's working column; the sync never writes it.
 */
export type ColumnRole = 'sync' | 'insert' | 'seller';

export interface ColumnSpec {
  key: string;
  header: string;
  kind: ColumnKind;
  role: ColumnRole;
  width?: number;
  hidden?: boolean;
}

export interface TableSpec {
  tab: string;
  /** Column key whose value identifies a row (posting number, composite line key, return id…). */
  key: string;
  columns: readonly ColumnSpec[];
}

/** A cell as the add-on reads and writes it: never a formula, never a Date object (dates are serial numbers). */
export type Cell = string | number | boolean | null;

export type RowValues = Record<string, Cell>;

export const METADATA_KEY = 'odesk.column';
/** Sheet developer metadata naming the spec a tab holds (its value is the spec's `tab`): a renamed tab is still found. */
export const TAB_METADATA_KEY = 'odesk.tab';

/** A Sheets cell holds at most this many characters; a longer text fails the whole write. */
export const CELL_CHAR_LIMIT = 50_000;
/** Ends a text that was cut to the cell limit, so the seller sees it is not whole. */
export const CUT_MARKER = ' …[✂]';

/** A cell that fits in Sheets: a text over the cell limit is cut, with the visible marker at its end. */
export function fitCell(value: Cell): Cell {
  if (typeof value !== 'string' || value.length <= CELL_CHAR_LIMIT) return value;
  return value.slice(0, CELL_CHAR_LIMIT - CUT_MARKER.length) + CUT_MARKER;
}

export function columnSpec(spec: TableSpec, key: string): ColumnSpec {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${spec.tab} has no column ${key}`);
  return column;
}

const NUMBER_FORMATS: Record<ColumnKind, { type: string; pattern: string }> = {
  text: { type: 'TEXT', pattern: '@' },
  id: { type: 'TEXT', pattern: '@' },
  int: { type: 'NUMBER', pattern: '0' },
  number: { type: 'NUMBER', pattern: '#,##0.###' },
  money: { type: 'NUMBER', pattern: MONEY_PATTERN },
  percent: { type: 'NUMBER', pattern: '0.##' },
  datetime: { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' },
  date: { type: 'DATE', pattern: 'yyyy-mm-dd' },
};

/**
 * The Sheets number format of a column kind. A time column names its zone after the time (`zone`, see
 * zoneLabel) as a quoted literal, so the grid reads "2026-11-01 14:00 MSK" as the sidebar does.
 */
export function numberFormat(kind: ColumnKind, zone = ''): { type: string; pattern: string } {
  const format = NUMBER_FORMATS[kind];
  const literal = zone.replace(/["\\]/g, '');
  return kind === 'datetime' && literal ? { ...format, pattern: `${format.pattern} "${literal}"` } : format;
}
