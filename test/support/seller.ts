// What a seller does to the sheet by hand, through the runtime's SpreadsheetApp as the user: these
// edits can happen between runs or, from a service-call hook, in the middle of one.
import type { Runtime } from './shop';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function tab(rt: Runtime, name: string, fn: (sheet: Sheet) => void): void {
  rt.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    if (!sheet) throw new Error(`no tab ${name}`);
    fn(sheet);
  });
}

function headerIndex(sheet: Sheet, header: string): number {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${sheet.getName()}`);
  return index + 1;
}

/** 1-based row of the first row whose `keyHeader` cell is `key` (0 when none). */
function rowOf(sheet: Sheet, keyHeader: string, key: string): number {
  const col = headerIndex(sheet, keyHeader);
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const keys = sheet
    .getRange(2, col, last - 1, 1)
    .getValues()
    .map((r) => String(r[0]));
  const at = keys.indexOf(key);
  return at < 0 ? 0 : at + 2;
}

export function setCell(
  rt: Runtime,
  name: string,
  keyHeader: string,
  key: string,
  header: string,
  value: unknown,
) {
  tab(rt, name, (sheet) => {
    const row = rowOf(sheet, keyHeader, key);
    if (!row) throw new Error(`no row ${key} in ${name}`);
    sheet.getRange(row, headerIndex(sheet, header)).setValue(value);
  });
}

/** Sorts the data rows (header kept) by a column, as Data → Sort range does. */
export function sortBy(rt: Runtime, name: string, header: string, ascending = true) {
  tab(rt, name, (sheet) => {
    const last = sheet.getLastRow();
    if (last < 3) return;
    sheet
      .getRange(2, 1, last - 1, sheet.getLastColumn())
      .sort({ column: headerIndex(sheet, header), ascending });
  });
}

/** Inserts `count` empty rows before 1-based row `before` (at least 2: below the header). */
export function insertRows(rt: Runtime, name: string, before: number, count = 1) {
  tab(rt, name, (sheet) =>
    sheet.insertRowsBefore(Math.max(2, Math.min(before, sheet.getLastRow() + 1)), count),
  );
}

/** Deletes 1-based data row `row` (clamped to the data rows); answers the key it held. */
export function deleteRow(rt: Runtime, name: string, row: number) {
  tab(rt, name, (sheet) => {
    const last = sheet.getLastRow();
    if (last < 2) return;
    sheet.deleteRow(Math.max(2, Math.min(row, last)));
  });
}

export function deleteRowOf(rt: Runtime, name: string, keyHeader: string, key: string) {
  tab(rt, name, (sheet) => {
    const row = rowOf(sheet, keyHeader, key);
    if (row) sheet.deleteRow(row);
  });
}

export function renameTab(rt: Runtime, from: string, to: string) {
  tab(rt, from, (sheet) => sheet.setName(to));
}

export function deleteColumn(rt: Runtime, name: string, header: string) {
  tab(rt, name, (sheet) => sheet.deleteColumn(headerIndex(sheet, header)));
}
