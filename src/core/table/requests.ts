// Turns table specs and upsert plans into Sheets API batchUpdate requests (plain JSON), so that
// creating a tab, repairing its columns and writing every changed cell of every tab can go to
// Google in one round trip. Values are written as typed values (stringValue is always literal text:
// nothing from Ozon or a seller can become a formula).
import {
  fitCell,
  numberFormat,
  METADATA_KEY,
  TAB_METADATA_KEY,
  type Cell,
  type ColumnSpec,
  type TableSpec,
} from './spec';
import { headerIn } from '../i18n/headers';
import type { Lang } from '../i18n/messages';
import type { CellRun, UpsertPlan } from './upsert';

export type SheetsRequest = Record<string, unknown>;

export function cellData(
  value: Cell,
  column?: ColumnSpec,
  withFormat = false,
  zone = '',
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (typeof value === 'string' && value !== '') data.userEnteredValue = { stringValue: fitCell(value) };
  else if (typeof value === 'number' && Number.isFinite(value))
    data.userEnteredValue = { numberValue: value };
  else if (typeof value === 'boolean') data.userEnteredValue = { boolValue: value };
  if (withFormat && column) data.userEnteredFormat = { numberFormat: numberFormat(column.kind, zone) };
  return data;
}

function columnAt(spec: TableSpec, positions: ReadonlyMap<string, number>): Map<number, ColumnSpec> {
  const byIndex = new Map<number, ColumnSpec>();
  for (const column of spec.columns) {
    const index = positions.get(column.key);
    if (index !== undefined) byIndex.set(index, column);
  }
  return byIndex;
}

export function runRequest(
  sheetId: number,
  run: CellRun,
  columns: ReadonlyMap<number, ColumnSpec>,
  zone = '',
): SheetsRequest {
  const fresh = Boolean(run.fresh);
  return {
    updateCells: {
      start: { sheetId, rowIndex: run.row, columnIndex: run.col },
      rows: [{ values: run.values.map((v, i) => cellData(v, columns.get(run.col + i), fresh, zone)) }],
      fields: fresh ? 'userEnteredValue,userEnteredFormat.numberFormat' : 'userEnteredValue',
    },
  };
}

/** Requests that write a plan: grow the grid if needed, write changed cells, then delete rows bottom-up. */
export function planRequests(
  spec: TableSpec,
  sheetId: number,
  rowCount: number,
  positions: ReadonlyMap<string, number>,
  plan: UpsertPlan,
  zone = '',
): SheetsRequest[] {
  const requests: SheetsRequest[] = [];
  if (plan.rowsNeeded > rowCount) {
    // Grow with headroom so the next few syncs need no resize.
    const grow = plan.rowsNeeded - rowCount + Math.min(1000, Math.ceil(plan.rowsNeeded * 0.1));
    requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: grow } });
  }
  const columns = columnAt(spec, positions);
  for (const run of plan.runs) requests.push(runRequest(sheetId, run, columns, zone));
  // plan.deleteRows is sorted descending; merge neighbours into ranges.
  let i = 0;
  while (i < plan.deleteRows.length) {
    let start = plan.deleteRows[i];
    const end = start + 1;
    while (i + 1 < plan.deleteRows.length && plan.deleteRows[i + 1] === start - 1)
      start = plan.deleteRows[++i];
    requests.push({
      deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: start, endIndex: end } },
    });
    i++;
  }
  return requests;
}

export interface TabSetup {
  spec: TableSpec;
  sheetId: number;
  /** Existing tab: its grid size; absent when the tab is to be created. */
  existing?: { rowCount: number; columnCount: number };
  positions: ReadonlyMap<string, number>;
  /** Keys of columns to (re)create: header, metadata, format. All columns for a new tab. */
  create: readonly string[];
  /** Keys of columns found by header only: they get their metadata back. */
  mark: readonly string[];
  /** An existing tab found by title only: it gets its tab metadata back. */
  markTab?: boolean;
  /** The language of the headers written (default English). */
  lang?: Lang;
  /** The zone time columns name (zoneLabel); none when absent. */
  zone?: string;
  /** Keys of columns whose own header is rewritten in `lang` (a language change). */
  relabel?: readonly string[];
  /** Extra requests for a new tab (conditional formats and the like), built by the tab's owner. */
  decorate?: (positions: ReadonlyMap<string, number>, sheetId: number) => SheetsRequest[];
}

const HEADER_BACKGROUND = { red: 0.91, green: 0.94, blue: 0.99 };

function metadataRequest(sheetId: number, index: number, key: string): SheetsRequest {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: METADATA_KEY,
        metadataValue: key,
        visibility: 'DOCUMENT',
        location: {
          dimensionRange: { sheetId, dimension: 'COLUMNS', startIndex: index, endIndex: index + 1 },
        },
      },
    },
  };
}

function tabMetadataRequest(sheetId: number, tab: string): SheetsRequest {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: TAB_METADATA_KEY,
        metadataValue: tab,
        visibility: 'DOCUMENT',
        location: { sheetId },
      },
    },
  };
}

/** Requests that create a tab or repair its columns. Empty when the tab is as it should be. */
export function setupRequests(setup: TabSetup): SheetsRequest[] {
  const { spec, sheetId, positions } = setup;
  const requests: SheetsRequest[] = [];
  const width = Math.max(...[...positions.values()].map((i) => i + 1));
  if (!setup.existing) {
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: spec.tab,
          gridProperties: { rowCount: 200, columnCount: width, frozenRowCount: 1 },
        },
      },
    });
    requests.push(tabMetadataRequest(sheetId, spec.tab));
  } else if (width > setup.existing.columnCount) {
    requests.push({
      appendDimension: { sheetId, dimension: 'COLUMNS', length: width - setup.existing.columnCount },
    });
  }
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  for (const key of setup.create) {
    const column = byKey.get(key) as ColumnSpec;
    const index = positions.get(key) as number;
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: index },
        rows: [
          {
            values: [
              {
                userEnteredValue: { stringValue: headerIn(setup.lang ?? 'en', column.header) },
                userEnteredFormat: { textFormat: { bold: true }, backgroundColor: HEADER_BACKGROUND },
              },
            ],
          },
        ],
        fields: 'userEnteredValue,userEnteredFormat(textFormat,backgroundColor)',
      },
    });
    requests.push({
      repeatCell: {
        range: { sheetId, startRowIndex: 1, startColumnIndex: index, endColumnIndex: index + 1 },
        cell: { userEnteredFormat: { numberFormat: numberFormat(column.kind, setup.zone) } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
    requests.push(metadataRequest(sheetId, index, key));
    if (column.width || column.hidden) {
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: index, endIndex: index + 1 },
          properties: {
            ...(column.width ? { pixelSize: column.width } : {}),
            hiddenByUser: Boolean(column.hidden),
          },
          fields: column.width ? 'pixelSize,hiddenByUser' : 'hiddenByUser',
        },
      });
    }
  }
  for (const key of setup.mark) requests.push(metadataRequest(sheetId, positions.get(key) as number, key));
  if (setup.existing && setup.markTab) requests.push(tabMetadataRequest(sheetId, spec.tab));
  for (const key of setup.relabel ?? []) {
    const column = byKey.get(key) as ColumnSpec;
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: positions.get(key) as number },
        rows: [
          { values: [{ userEnteredValue: { stringValue: headerIn(setup.lang ?? 'en', column.header) } }] },
        ],
        fields: 'userEnteredValue',
      },
    });
    // A language change renames the zone the time column names ("MSK" → «МСК»).
    if (column.kind === 'datetime' && setup.zone !== undefined)
      requests.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: 1,
            startColumnIndex: positions.get(key) as number,
            endColumnIndex: (positions.get(key) as number) + 1,
          },
          cell: { userEnteredFormat: { numberFormat: numberFormat(column.kind, setup.zone) } },
          fields: 'userEnteredFormat.numberFormat',
        },
      });
  }
  if (!setup.existing) {
    requests.push({ setBasicFilter: { filter: { range: { sheetId, startRowIndex: 0 } } } });
    requests.push(...(setup.decorate?.(positions, sheetId) ?? []));
  }
  return requests;
}

/** A1 column letters for a 0-based index (for conditional-format formulas). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
