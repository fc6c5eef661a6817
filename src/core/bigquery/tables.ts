// The BigQuery tables the add-on loads, and how a row of a live tab becomes a row of one. Buyers'
// names, phones and addresses stay in the spreadsheet: the history needs none of them.
import { linesSpec, ordersSpec } from '../orders/tables';
import { financeSpec } from '../finance/tables';
import { feeGroupOf } from '../finance/group-words';
import { movesSpec } from '../inventory/tables';
import type { TableSpec } from '../table/spec';
import { fromSerial, type OffsetMinutes } from '../time/serial';

export type BqType = 'STRING' | 'INT64' | 'NUMERIC' | 'TIMESTAMP' | 'DATE';

export interface BqColumn {
  /** BigQuery column name. */
  name: string;
  type: BqType;
  /** The live tab's column key it comes from. */
  from: string;
  /**
   * `month`: the YYYY-MM of a date or date-time cell in the spreadsheet's zone (for pivots).
   * `feeGroup`: the fee group's code from the code cell, else read from the visible cell `shown`
   * (a Finance tab written before its code column held the code there).
   */
  as?: 'month' | 'feeGroup';
  shown?: string;
}

export interface BqTable {
  /** BigQuery table id in the seller's dataset. */
  id: 'postings' | 'lines' | 'finance' | 'stock_moves' | 'archived_rows';
  spec: TableSpec;
  /** The key columns MERGE matches on (one posting, one line, one accrual, one move). */
  keys: string[];
  columns: BqColumn[];
}

const c = (name: string, type: BqType, from = name): BqColumn => ({ name, type, from });

export const BQ_TABLES: readonly BqTable[] = [
  {
    id: 'postings',
    spec: ordersSpec,
    keys: ['posting_number'],
    columns: [
      c('posting_number', 'STRING'),
      c('order_number', 'STRING'),
      c('schema', 'STRING'),
      c('status', 'STRING', 'status_code'),
      c('substatus', 'STRING', 'substatus_code'),
      c('ordered_at', 'TIMESTAMP'),
      { name: 'month', type: 'STRING', from: 'ordered_at', as: 'month' },
      c('ship_by', 'TIMESTAMP'),
      c('delivering_date', 'TIMESTAMP'),
      c('items', 'INT64'),
      c('total', 'NUMERIC'),
      c('currency', 'STRING'),
      c('warehouse', 'STRING'),
      c('delivery_method', 'STRING'),
      c('tracking_number', 'STRING'),
      c('region', 'STRING'),
      c('cancel_reason', 'STRING'),
      c('split_from', 'STRING'),
      c('last_changed', 'TIMESTAMP'),
    ],
  },
  {
    id: 'lines',
    spec: linesSpec,
    keys: ['posting_number', 'line_key'],
    columns: [
      c('posting_number', 'STRING'),
      c('line_key', 'STRING'),
      c('offer_id', 'STRING'),
      c('sku', 'STRING'),
      c('name', 'STRING'),
      c('quantity', 'INT64'),
      c('unit_price', 'NUMERIC'),
      c('line_total', 'NUMERIC'),
      c('commission', 'NUMERIC'),
      c('payout', 'NUMERIC'),
      c('currency', 'STRING'),
    ],
  },
  {
    id: 'finance',
    spec: financeSpec,
    keys: ['finance_key'],
    columns: [
      c('finance_key', 'STRING'),
      c('date', 'DATE'),
      c('month', 'STRING'),
      c('posting_number', 'STRING'),
      c('sku', 'STRING'),
      c('offer_id', 'STRING'),
      { name: 'fee_group', type: 'STRING', from: 'fee_group_code', as: 'feeGroup', shown: 'fee_group' },
      c('type_id', 'STRING'),
      c('type_name', 'STRING'),
      c('amount', 'NUMERIC'),
      c('currency', 'STRING'),
      c('quantity', 'INT64'),
    ],
  },
  {
    id: 'stock_moves',
    spec: movesSpec,
    keys: ['move_key'],
    columns: [
      c('move_key', 'STRING', 'key'),
      c('moved_at', 'TIMESTAMP', 'when'),
      c('offer_id', 'STRING'),
      c('quantity', 'INT64'),
      c('reason', 'STRING'),
      c('reference', 'STRING'),
      c('who', 'STRING'),
    ],
  },
];

/** Columns every table has besides its own: what the row held, and when the add-on read it. */
export const ROW_HASH = 'row_hash';
export const READ_AT = 'read_at';

export function schemaOf(table: BqTable): { name: string; type: string; mode: string }[] {
  return [
    ...table.columns.map((col) => ({
      name: col.name,
      type: col.type,
      mode: table.keys.includes(col.name) ? 'REQUIRED' : 'NULLABLE',
    })),
    { name: ROW_HASH, type: 'STRING', mode: 'REQUIRED' },
    { name: READ_AT, type: 'TIMESTAMP', mode: 'REQUIRED' },
  ];
}

export type BqValue = string | null;
export type BqRow = Record<string, BqValue>;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A serial in the spreadsheet's zone → UTC timestamp text BigQuery reads. */
function timestamp(value: unknown, offset: OffsetMinutes): BqValue {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return new Date(fromSerial(value, offset)).toISOString();
}

function date(value: unknown): BqValue {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  const d = new Date(Math.round((value - 25_569) * 86_400_000));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Money cells hold kopecks exactly at two decimals; anything else is left as the number's text. */
function numeric(value: unknown): BqValue {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  const cents = Math.round(n * 100);
  if (Math.abs(cents / 100 - n) < 1e-9) {
    const abs = Math.abs(cents);
    return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
  }
  return String(n);
}

function int(value: unknown): BqValue {
  if (value === '' || value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isInteger(n) ? String(n) : null;
}

function text(value: unknown): BqValue {
  if (value === null || value === undefined) return null;
  const s = String(value);
  return s === '' ? null : s;
}

export function convert(type: BqType, value: unknown, offset: OffsetMinutes): BqValue {
  switch (type) {
    case 'STRING':
      return text(value);
    case 'INT64':
      return int(value);
    case 'NUMERIC':
      return numeric(value);
    case 'TIMESTAMP':
      return timestamp(value, offset);
    case 'DATE':
      return date(value);
  }
}

function cellOf(
  col: BqColumn,
  source: readonly unknown[],
  at: number | undefined,
  shown: number | undefined,
  offset: OffsetMinutes,
): BqValue {
  if (col.as === 'feeGroup')
    return feeGroupOf(
      at === undefined ? undefined : source[at],
      shown === undefined ? undefined : source[shown],
    );
  if (at === undefined) return null;
  if (col.as === 'month') {
    const value = source[at];
    return date(typeof value === 'number' ? Math.floor(value) : value)?.slice(0, 7) ?? null;
  }
  return convert(col.type, source[at], offset);
}

/**
 * The table's rows from a tab's values (header first), by column position; rows without a key are
 * skipped, and a key seen twice keeps its first row (MERGE refuses two source rows for one target row).
 */
export function tableRows(
  table: BqTable,
  values: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
  offset: OffsetMinutes,
): BqRow[] {
  const rows: BqRow[] = [];
  const seen = new Set<string>();
  const cols = table.columns.map((col) => ({
    col,
    at: positions.get(col.from),
    shown: col.shown === undefined ? undefined : positions.get(col.shown),
  }));
  for (let r = 1; r < values.length; r++) {
    const source = values[r];
    const row: BqRow = {};
    for (const { col, at, shown } of cols) row[col.name] = cellOf(col, source, at, shown, offset);
    if (table.keys.some((k) => row[k] === null)) continue;
    const key = keyOf(table, row);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(row);
  }
  return rows;
}

export function keyOf(table: BqTable, row: BqRow): string {
  return table.keys.length === 1 ? String(row[table.keys[0]]) : table.keys.map((k) => row[k]).join('\u0001');
}
