// The archive spreadsheets as a seller sees them, for integration tests: the rows of their month tabs,
// and the seller's edits there (as the user, through SpreadsheetApp.openById; also from a
// service-call hook, in the middle of a run).
import type { Runtime } from './shop';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type MonthKind = 'Orders' | 'Order lines';

/** Rows as objects keyed by header text (header row and empty rows left out). */
export function records(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = values;
  return rows
    .filter((row) => row.some((cell) => cell !== '' && cell !== null))
    .map((row) => Object.fromEntries((header ?? []).map((h, i) => [String(h), row[i]])));
}

/** One archive month tab: its spreadsheet and its name. */
export interface MonthTab {
  id: string;
  tab: string;
}

/** Every archive month tab of `kind` ('YYYY-MM Orders' or 'YYYY-MM Order lines'). */
export function monthTabs(rt: Runtime, kind: MonthKind): MonthTab[] {
  const name = new RegExp(`^\\d{4}-\\d{2} ${kind}$`);
  return [...rt.otherSpreadsheets.values()].flatMap((book) =>
    book
      .sheetNames()
      .filter((tab) => name.test(tab))
      .map((tab) => ({ id: book.id, tab })),
  );
}

export function monthRows(rt: Runtime, at: MonthTab): Record<string, unknown>[] {
  return records(rt.otherSpreadsheets.get(at.id)!.sheet(at.tab).values() as unknown[][]);
}

/** Every archive month tab's rows of `kind`. */
export function archived(rt: Runtime, kind: MonthKind): Record<string, unknown>[] {
  return monthTabs(rt, kind).flatMap((at) => monthRows(rt, at));
}

export function withArchiveSheet(rt: Runtime, at: MonthTab, fn: (sheet: Sheet, header: string[]) => void) {
  rt.asUser((g) => {
    const sheet = g.SpreadsheetApp.openById(at.id).getSheetByName(at.tab) as Sheet;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    fn(sheet, header);
  });
}

/**
 * The seller sorts the month tab (each sort differs from the one before: column or direction),
 * inserts rows in it, or deletes a row of it (its key, `<kind>|<key>`, goes to `deleted`).
 */
export function editMonth(
  rt: Runtime,
  at: MonthTab,
  kind: 'sort' | 'insert' | 'delete',
  k: number,
  deleted?: Set<string>,
) {
  const orders = at.tab.endsWith(' Orders');
  withArchiveSheet(rt, at, (sheet, header) => {
    const last = sheet.getLastRow();
    if (kind === 'insert') sheet.insertRowsBefore(2 + (k % Math.max(1, last - 1)), 1 + (k % 2));
    else if (kind === 'sort') {
      if (last < 3) return;
      const by = orders ? (k % 3 === 2 ? 'Buyer' : 'Total') : k % 3 === 2 ? 'Product name' : 'Quantity';
      sheet
        .getRange(2, 1, last - 1, sheet.getLastColumn())
        .sort({ column: header.indexOf(by) + 1, ascending: k % 2 === 0 });
    } else {
      if (last < 2) return;
      const row = 2 + ((k * 11) % (last - 1));
      const keyHeader = orders ? 'Posting number' : 'Line key';
      const key = String(sheet.getRange(row, header.indexOf(keyHeader) + 1).getValue());
      if (key) deleted?.add(`${orders ? 'Orders' : 'Order lines'}|${key}`);
      sheet.deleteRow(row);
    }
  });
}
