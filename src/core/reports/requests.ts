// Sheets API requests that rewrite a report tab in full: the tab, its filter (with the seller's
// criteria), column formats and anything else on it (charts the seller added) stay; the rows are
// replaced by the new build, and the grid is cut or grown to fit them exactly (by row count: see
// rewrite.ts).
import { headerIn } from '../i18n/headers';
import type { Lang } from '../i18n/messages';
import { cellData, type SheetsRequest } from '../table/requests';
import { numberFormat, type Cell } from '../table/spec';
import type { ReportColumn, ReportSpec } from './specs';

export interface TabState {
  sheetId: number;
  exists: boolean;
  rowCount: number;
  columnCount: number;
  /** The tab's basic filter as read (criteria and sort are kept), or null when it has none. */
  filter: Record<string, unknown> | null;
}

const HEADER_BACKGROUND = { red: 0.91, green: 0.94, blue: 0.99 };
/** Rows per updateCells request: bounds the size of one request body. */
export const ROWS_PER_REQUEST = 5_000;

export function columnFormat(column: ReportColumn): { type: string; pattern: string } {
  const base = numberFormat(column.kind);
  return column.pattern ? { type: base.type, pattern: column.pattern } : base;
}

function rowData(values: readonly Cell[]) {
  return { values: values.map((v) => cellData(v)) };
}

/** Rows of the grid a report tab of `rows` data rows gets: a header and at least one data row. */
export function reportHeight(rows: number): number {
  return Math.max(rows + 1, 2);
}

export function reportTabRequests(
  spec: ReportSpec,
  tab: TabState,
  rows: readonly Cell[][],
  lang: Lang = 'en',
): SheetsRequest[] {
  const { sheetId } = tab;
  const width = spec.columns.length;
  // A header and at least one (empty) data row: the grid may not be cut to nothing.
  const height = reportHeight(rows.length);
  const requests: SheetsRequest[] = [];
  if (!tab.exists) {
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: spec.tab,
          gridProperties: { rowCount: height, columnCount: width, frozenRowCount: 1 },
        },
      },
    });
    spec.columns.forEach((column, index) => {
      if (column.width)
        requests.push({
          updateDimensionProperties: {
            range: { sheetId, dimension: 'COLUMNS', startIndex: index, endIndex: index + 1 },
            properties: { pixelSize: column.width },
            fields: 'pixelSize',
          },
        });
    });
  } else {
    // The columns only grow (the seller's own columns beside the report stay); a column deleted
    // since the read makes the write fail on the grid, and the caller plans it again.
    if (tab.columnCount < width)
      requests.push({ appendDimension: { sheetId, dimension: 'COLUMNS', length: width - tab.columnCount } });
    // The rows are cut or grown to the build by count, whatever the seller inserted or deleted since
    // the tab was read.
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { rowCount: height, frozenRowCount: 1 } },
        fields: 'gridProperties.rowCount,gridProperties.frozenRowCount',
      },
    });
  }
  requests.push({
    updateCells: {
      range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: width },
      rows: [
        {
          values: spec.columns.map((c) => ({
            userEnteredValue: { stringValue: headerIn(lang, c.header) },
            userEnteredFormat: { textFormat: { bold: true }, backgroundColor: HEADER_BACKGROUND },
          })),
        },
      ],
      fields: 'userEnteredValue,userEnteredFormat(textFormat,backgroundColor)',
    },
  });
  spec.columns.forEach((column, index) =>
    requests.push({
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 1,
          endRowIndex: height,
          startColumnIndex: index,
          endColumnIndex: index + 1,
        },
        cell: { userEnteredFormat: { numberFormat: columnFormat(column) } },
        fields: 'userEnteredFormat.numberFormat',
      },
    }),
  );
  // With a range, cells the request has no data for are cleared: old values never linger.
  for (let start = 0; start < Math.max(rows.length, 1); start += ROWS_PER_REQUEST) {
    const chunk = rows.slice(start, start + ROWS_PER_REQUEST);
    const end = start + Math.max(chunk.length, 1);
    requests.push({
      updateCells: {
        range: {
          sheetId,
          startRowIndex: 1 + start,
          endRowIndex: 1 + end,
          startColumnIndex: 0,
          endColumnIndex: width,
        },
        rows: chunk.map(rowData),
        fields: 'userEnteredValue',
      },
    });
  }
  const filterRange = {
    sheetId,
    startRowIndex: 0,
    endRowIndex: height,
    startColumnIndex: 0,
    endColumnIndex: width,
  };
  requests.push({ setBasicFilter: { filter: { ...(tab.filter ?? {}), range: filterRange } } });
  return requests;
}

/** Cells a set of requests writes (for cost figures). */
export function cellsWritten(requests: readonly SheetsRequest[]): number {
  let cells = 0;
  for (const request of requests) {
    const update = request.updateCells as { rows?: { values?: unknown[] }[] } | undefined;
    for (const row of update?.rows ?? []) cells += row.values?.length ?? 0;
  }
  return cells;
}
