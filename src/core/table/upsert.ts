// Plans how a batch of incoming rows lands in a tab: which cells change in which existing rows,
// which rows are appended, and which disappear. Only cells whose value differs are written, so a
// sync that finds nothing new writes nothing.
import { fitCell, type Cell, type ColumnSpec, type RowValues, type TableSpec } from './spec';

export interface CellRun {
  /** 0-based sheet row and column of the first cell. */
  row: number;
  col: number;
  values: Cell[];
  /** Set on appended rows: they also get the column's number format. */
  fresh?: boolean;
}

export interface UpsertPlan {
  runs: CellRun[];
  /** 0-based sheet rows to delete (only rows whose keys were asked to be removed). */
  deleteRows: number[];
  added: string[];
  updated: string[];
  unchanged: number;
  /** Number of rows the sheet needs in total after the write. */
  rowsNeeded: number;
  cellsWritten: number;
}

export interface SheetRows {
  /** Values of the data rows (header excluded), as read. Short rows are fine. */
  rows: readonly (readonly unknown[])[];
  /** 0-based sheet row of rows[0] (1 when the header is row 0). */
  firstRow: number;
}

/** Absolute, in days (~0.09 s): a serial near 46,000 scaled by it would hide changes of over an hour. */
const DATE_EPSILON = 1e-6;
/** Relative: amounts and counts of any size. */
const NUMBER_EPSILON = 1e-9;

export function sameCell(existing: unknown, incoming: Cell, column: ColumnSpec): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(existing) || empty(incoming)) return empty(existing) && empty(incoming);
  if (typeof incoming === 'number') {
    const value = typeof existing === 'number' ? existing : Number(existing);
    if (!Number.isFinite(value)) return false;
    if (column.kind === 'datetime' || column.kind === 'date')
      return Math.abs(value - incoming) <= DATE_EPSILON;
    return Math.abs(value - incoming) <= NUMBER_EPSILON * Math.max(1, Math.abs(incoming));
  }
  if (typeof incoming === 'boolean') return existing === incoming;
  return String(existing) === incoming;
}

/** Index of a tab's key column: key → every 0-based sheet row holding it (a copied row is still found). */
export function indexRows(sheet: SheetRows, keyCol: number): Map<string, number[]> {
  const index = new Map<string, number[]>();
  sheet.rows.forEach((row, i) => {
    const raw = row[keyCol];
    if (raw === undefined || raw === null || raw === '') return;
    const key = String(raw);
    const rows = index.get(key);
    if (rows) rows.push(sheet.firstRow + i);
    else index.set(key, [sheet.firstRow + i]);
  });
  return index;
}

/** Splits a row's cells into runs of adjacent columns. */
function runsOf(row: number, cells: Map<number, Cell>, fresh = false): CellRun[] {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  const runs: CellRun[] = [];
  for (const col of cols) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.values.length === col) last.values.push(cells.get(col) as Cell);
    else runs.push({ row, col, values: [cells.get(col) as Cell], ...(fresh ? { fresh } : {}) });
  }
  return runs;
}

export function planUpsert(
  spec: TableSpec,
  positions: ReadonlyMap<string, number>,
  sheet: SheetRows,
  incoming: Iterable<RowValues>,
  remove: ReadonlySet<string> = new Set(),
  /** Keys whose appended row also takes the seller's cells it comes with (a row put back). */
  revive: ReadonlySet<string> = new Set(),
  /**
   * Seller columns this write may set on rows it finds by key (the seller's own action, such as a
   * return's verdict saved from the sidebar), and columns set only on new rows (Orders' New mark,
   * cleared when the order is verified).
   */
  seller: ReadonlySet<string> = new Set(),
  /** Rows only update rows found by key: a key not in the tab (deleted meanwhile) is not appended. */
  updateOnly = seller.size > 0,
): UpsertPlan {
  const keyCol = positions.get(spec.key);
  if (keyCol === undefined) throw new Error(`${spec.tab}: key column ${spec.key} is not placed`);
  const index = indexRows(sheet, keyCol);
  const placed = spec.columns.filter((c) => positions.has(c.key));
  const written = placed.filter((c) => c.role !== 'seller');
  const syncColumns = placed.filter((c) => c.role === 'sync' || seller.has(c.key));
  const plan: UpsertPlan = {
    runs: [],
    deleteRows: [],
    added: [],
    updated: [],
    unchanged: 0,
    rowsNeeded: sheet.firstRow + sheet.rows.length,
    cellsWritten: 0,
  };
  let nextRow = sheet.firstRow + sheet.rows.length;
  const appended = new Map<string, number>();

  for (const values of incoming) {
    const key = values[spec.key];
    if (key === null || key === undefined || key === '') continue;
    const keyText = String(key);
    const rows = index.get(keyText);
    if (rows) {
      let changed = false;
      for (const row of rows) {
        const existing = sheet.rows[row - sheet.firstRow] ?? [];
        const cells = new Map<number, Cell>();
        for (const column of syncColumns) {
          if (!(column.key in values)) continue;
          const col = positions.get(column.key) as number;
          const value = fitCell(values[column.key] ?? null);
          if (!sameCell(existing[col], value, column)) cells.set(col, value);
        }
        if (cells.size) {
          changed = true;
          plan.runs.push(...runsOf(row, cells));
          plan.cellsWritten += cells.size;
        }
      }
      if (changed) plan.updated.push(keyText);
      else plan.unchanged++;
      continue;
    }
    if (updateOnly) continue;
    // A key seen twice in one batch lands on the row appended for it the first time.
    let row = appended.get(keyText);
    const fresh = row === undefined;
    if (row === undefined) {
      row = nextRow++;
      appended.set(keyText, row);
      plan.added.push(keyText);
    }
    const cells = new Map<number, Cell>();
    const columns = !fresh ? syncColumns : revive.has(keyText) ? placed : written;
    for (const column of columns) {
      if (!(column.key in values)) continue;
      cells.set(positions.get(column.key) as number, fitCell(values[column.key] ?? null));
    }
    plan.runs.push(...runsOf(row, cells, true));
    plan.cellsWritten += cells.size;
  }

  for (const key of remove) {
    for (const row of index.get(key) ?? []) plan.deleteRows.push(row);
  }
  plan.deleteRows.sort((a, b) => b - a);
  plan.rowsNeeded = nextRow;
  return plan;
}
