// Finds the add-on's columns in a tab the seller may have rearranged: first by the developer
// metadata stored on each column (it moves with the column), then by header text.
import type { ColumnSpec, TableSpec } from './spec';
import { isOwnHeader } from '../i18n/headers';

export interface ColumnLayout {
  /** Column key → 0-based column index in the sheet. */
  positions: Map<string, number>;
  /** Columns of the spec found nowhere: they are added at the end of the tab. */
  missing: ColumnSpec[];
  /** Keys found by header text only, whose metadata should be (re)attached. */
  unmarked: string[];
}

const normalise = (text: unknown) =>
  String(text ?? '')
    .trim()
    .toLowerCase();

export function locateColumns(
  spec: TableSpec,
  header: readonly unknown[],
  metadata: ReadonlyMap<number, string>,
): ColumnLayout {
  const positions = new Map<string, number>();
  const claimed = new Set<number>();
  const known = new Set(spec.columns.map((c) => c.key));
  for (const [index, key] of [...metadata.entries()].sort((a, b) => a[0] - b[0])) {
    if (known.has(key) && !positions.has(key)) {
      positions.set(key, index);
      claimed.add(index);
    }
  }
  const unmarked: string[] = [];
  for (const column of spec.columns) {
    if (positions.has(column.key)) continue;
    const wanted = normalise(column.header);
    const index = header.findIndex(
      (text, i) => !claimed.has(i) && (normalise(text) === wanted || isOwnHeader(text, column.header)),
    );
    if (index >= 0) {
      positions.set(column.key, index);
      claimed.add(index);
      unmarked.push(column.key);
    }
  }
  const missing = spec.columns.filter((c) => !positions.has(c.key));
  return { positions, missing, unmarked };
}

/** Places missing columns after the last used column, in spec order. */
export function placeMissing(layout: ColumnLayout, usedColumns: number): Map<string, number> {
  const positions = new Map(layout.positions);
  let next = Math.max(usedColumns, ...[...positions.values()].map((i) => i + 1), 0);
  for (const column of layout.missing) positions.set(column.key, next++);
  return positions;
}
