// Re-identifying rows around a write. The seller may sort, insert or delete rows at any moment of a
// run, also between the read a plan was made from and its write. After each write the key column is
// read again: a row whose key is not the one the plan was made for took cells meant for another row.
// Both rows are then rewritten from a fresh read (the planned row from Ozon's data, the other from
// what it held before), and rows that vanished come back. Seller columns are never part of this.
import { cellData, planRequests, runRequest, type SheetsRequest } from './requests';
import type { Cell, ColumnSpec, RowValues, TableSpec } from './spec';
import type { CellRun, UpsertPlan } from './upsert';

/** Key of every sheet row (index = 0-based sheet row; '' for rows without one). */
export function keysOf(values: readonly (readonly unknown[])[], keyCol: number): string[] {
  return values.map((row, i) => {
    if (i === 0) return '';
    const raw = row?.[keyCol];
    return raw === undefined || raw === null ? '' : String(raw);
  });
}

export interface WriteCheck {
  /** Keys whose cells may have landed elsewhere, and keys of rows that took them. */
  dirty: Set<string>;
  /** Keys present before the write (and not meant to go) that the sheet no longer has. */
  missing: Set<string>;
}

/**
 * Compares the keys the plan was made on with the keys found after writing it. Only rows the plan
 * wrote can be wrong; a key that vanished is missing whatever the cause (a seller's delete, a
 * delete that landed on the wrong row).
 */
export function checkWrite(
  before: readonly string[],
  after: readonly string[],
  runs: readonly CellRun[],
  removed: ReadonlySet<string> = new Set(),
): WriteCheck {
  const dirty = new Set<string>();
  for (const run of runs) {
    if (run.fresh) continue;
    const planned = before[run.row] ?? '';
    const found = after[run.row] ?? '';
    if (planned !== found) {
      if (planned) dirty.add(planned);
      if (found) dirty.add(found);
    }
  }
  const present = new Set(after.filter(Boolean));
  const missing = new Set<string>();
  for (const key of before) if (key && !present.has(key) && !removed.has(key)) missing.add(key);
  return { dirty, missing };
}

/**
 * A row's add-on cells (sync and insert columns) as read, to write back where the row now is;
 * `withSeller`: the seller's cells too (a row a delete reached by mistake, put back whole), or only
 * the named seller columns (those a write of the seller's own cells may have reached).
 */
export function rowAsRead(
  spec: TableSpec,
  positions: ReadonlyMap<string, number>,
  row: readonly unknown[],
  withSeller: boolean | ReadonlySet<string> = false,
): RowValues {
  const values: RowValues = {};
  for (const column of spec.columns) {
    if (
      column.role === 'seller' &&
      (withSeller === false || (withSeller !== true && !withSeller.has(column.key)))
    )
      continue;
    const index = positions.get(column.key);
    if (index === undefined) continue;
    const cell = row[index];
    values[column.key] =
      cell === undefined || cell === null
        ? null
        : typeof cell === 'number' || typeof cell === 'boolean'
          ? cell
          : (String(cell) as Cell);
  }
  return values;
}

/** Rows of a plan that are appended (fresh) rather than rewritten in place. */
export function freshRows(plan: UpsertPlan): Map<number, CellRun[]> {
  const rows = new Map<number, CellRun[]>();
  for (const run of plan.runs) {
    if (!run.fresh) continue;
    const list = rows.get(run.row) ?? [];
    list.push(run);
    rows.set(run.row, list);
  }
  return rows;
}

/**
 * A plan's requests with appended rows as appendCells: Google places them after the last row with
 * content when the write happens, so a row the seller added meanwhile is never overwritten.
 * Rewrites of existing rows stay positional (checked after the write); deletions go last, bottom-up.
 */
export function guardedRequests(
  spec: TableSpec,
  sheetId: number,
  positions: ReadonlyMap<string, number>,
  plan: UpsertPlan,
  zone = '',
  /** Rewrites of existing rows also set their columns' number format (cells the seller may have cleared of it). */
  formatted = false,
): SheetsRequest[] {
  const requests: SheetsRequest[] = [];
  const byIndex = new Map<number, ColumnSpec>();
  for (const column of spec.columns) {
    const index = positions.get(column.key);
    if (index !== undefined) byIndex.set(index, column);
  }
  for (const run of plan.runs)
    if (!run.fresh)
      requests.push(runRequest(sheetId, formatted ? { ...run, fresh: true } : run, byIndex, zone));
  const fresh = [...freshRows(plan).entries()].sort((a, b) => a[0] - b[0]);
  if (fresh.length) {
    const width = Math.max(...[...positions.values()].map((i) => i + 1));
    const rows = fresh.map(([, runs]) => {
      const cells: Record<string, unknown>[] = Array.from({ length: width }, (_v, i) =>
        byIndex.has(i) ? cellData(null, byIndex.get(i), true, zone) : {},
      );
      for (const run of runs) {
        run.values.forEach(
          (value, k) => (cells[run.col + k] = cellData(value, byIndex.get(run.col + k), true, zone)),
        );
      }
      return { values: cells };
    });
    requests.push({
      appendCells: { sheetId, rows, fields: 'userEnteredValue,userEnteredFormat.numberFormat' },
    });
  }
  const deletes = planRequests(spec, sheetId, Number.MAX_SAFE_INTEGER, positions, {
    ...plan,
    runs: [],
    rowsNeeded: 0,
  });
  for (const d of deletes) requests.push(d);
  return requests;
}
