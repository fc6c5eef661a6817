// The "Sync log" tab: one row per sync execution, appended at the end whatever the seller did above.
import type { TableSpec, Cell } from '../core/table/spec';
import { cellData, type SheetsRequest } from '../core/table/requests';

export const syncLogSpec: TableSpec = {
  tab: 'Sync log',
  key: 'started',
  columns: [
    { key: 'started', header: 'Started', kind: 'datetime', role: 'sync', width: 130 },
    { key: 'source', header: 'Source', kind: 'text', role: 'sync', width: 110 },
    { key: 'fetched', header: 'Postings fetched', kind: 'int', role: 'sync', width: 110 },
    { key: 'added', header: 'Added', kind: 'int', role: 'sync', width: 60 },
    { key: 'updated', header: 'Updated', kind: 'int', role: 'sync', width: 70 },
    { key: 'duration', header: 'Duration, s', kind: 'number', role: 'sync', width: 80 },
    { key: 'result', header: 'Result', kind: 'text', role: 'sync', width: 140 },
    { key: 'error', header: 'Error', kind: 'text', role: 'sync', width: 380 },
  ],
};

export type LogEntry = Record<(typeof syncLogSpec.columns)[number]['key'], Cell>;

/** appendCells adds the row after the last row with content, in one request. */
export function logRequest(
  sheetId: number,
  positions: ReadonlyMap<string, number>,
  entry: LogEntry,
): SheetsRequest {
  const width = Math.max(...[...positions.values()].map((i) => i + 1));
  const values: Record<string, unknown>[] = Array.from({ length: width }, () => ({}));
  for (const column of syncLogSpec.columns) {
    const index = positions.get(column.key);
    if (index !== undefined) values[index] = cellData(entry[column.key] ?? null, column, true);
  }
  return {
    appendCells: { sheetId, rows: [{ values }], fields: 'userEnteredValue,userEnteredFormat.numberFormat' },
  };
}
