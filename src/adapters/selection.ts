// The seller's selection in the active spreadsheet: which tab and row the active cell is on (one call
// each, no cell reads), the selected range, and moving it.
import { METADATA_KEY, TAB_METADATA_KEY } from '../core/table/spec';

export interface ActiveRow {
  tab: string;
  /** 1-based sheet row. */
  row: number;
}

export function activeRow(): ActiveRow | null {
  const sheet = SpreadsheetApp.getActiveSheet();
  const range = SpreadsheetApp.getActiveRange();
  if (!sheet || !range) return null;
  return { tab: sheet.getName(), row: range.getRow() };
}

export interface Selection {
  sheetId: number;
  sheetName: string;
  /**
   * The add-on's tab the sheet holds, from its developer metadata (so a renamed tab is still known),
   * or null for a sheet the add-on never marked.
   */
  tab: string | null;
  /** 0-based rows, end exclusive (empty when the active range lies on another tab). */
  startRow: number;
  endRow: number;
  /** 0-based columns, end exclusive. */
  startCol: number;
  endCol: number;
}

function tabIdentity(sheet: GoogleAppsScript.Spreadsheet.Sheet): string | null {
  for (const meta of sheet.getDeveloperMetadata())
    if (meta.getKey() === TAB_METADATA_KEY) return meta.getValue() ?? '';
  return null;
}

export function activeSelection(): Selection | null {
  const active = SpreadsheetApp.getActiveSheet();
  if (!active) return null;
  const tab = tabIdentity(active);
  const range = SpreadsheetApp.getActiveRange();
  // A range left behind on another tab is not the seller's selection.
  if (!range || range.getSheet().getSheetId() !== active.getSheetId()) {
    return {
      sheetId: active.getSheetId(),
      sheetName: active.getName(),
      tab,
      startRow: 0,
      endRow: 0,
      startCol: 0,
      endCol: 0,
    };
  }
  const startRow = range.getRow() - 1;
  const startCol = range.getColumn() - 1;
  return {
    sheetId: active.getSheetId(),
    sheetName: active.getName(),
    tab,
    startRow,
    endRow: startRow + range.getNumRows(),
    startCol,
    endCol: startCol + range.getNumColumns(),
  };
}

/** Moves the selection to a whole row (0-based) of a sheet (by id: the seller may rename tabs). */
export function selectRow(sheetId: number, row: number): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetById(sheetId);
  if (!sheet) return;
  sheet.getRange(row + 1, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
}

/**
 * The header row and rows [startRow, endRow) (0-based) of a sheet, by id. Through SpreadsheetApp, which spends
 * no Sheets API quota (60 reads a minute per user): the desk follows every selection change.
 */
export function readHeaderAndRows(
  sheetId: number,
  startRow: number,
  endRow: number,
): { header: unknown[]; rows: unknown[][] } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetById(sheetId);
  const width = sheet ? sheet.getLastColumn() : 0;
  const last = sheet ? Math.min(endRow, sheet.getLastRow()) : 0;
  if (!sheet || width < 1) return { header: [], rows: [] };
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const rows = last > startRow ? sheet.getRange(startRow + 1, 1, last - startRow, width).getValues() : [];
  return { header, rows };
}

/**
 * 0-based column of a tab carrying the add-on's column identity `key` (its developer metadata, which
 * moves with the column and survives a renamed header), or -1. Through SpreadsheetApp: no Sheets API
 * quota, so a sidebar may ask on every selection change.
 */
export function columnWithIdentity(sheetId: number, key: string): number {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetById(sheetId);
  if (!sheet) return -1;
  const found = sheet.createDeveloperMetadataFinder().withKey(METADATA_KEY).withValue(key).find();
  for (const meta of found) {
    const column = meta.getLocation().getColumn();
    if (column) return column.getColumn() - 1;
  }
  return -1;
}
