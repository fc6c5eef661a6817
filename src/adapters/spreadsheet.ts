// The spreadsheet an execution works on. Menus and the sidebar have an active one; Google does not
// document that an add-on's time-driven run has one, so the hourly handler binds the spreadsheet
// its trigger was installed from (see adapters/triggers.ts) and everything reaches it through here.
import { AppError } from '../core/errors';

let bound: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

/** The active spreadsheet, if this execution has one (null in a time-driven run without a document). */
export function activeSpreadsheetOrNull(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  try {
    return SpreadsheetApp.getActiveSpreadsheet() ?? null;
  } catch {
    return null;
  }
}

/** For this execution, work on `id` when there is no active spreadsheet (a trigger run). */
export function bindSpreadsheet(id: string | null): void {
  bound = id ? SpreadsheetApp.openById(id) : null;
}

export function currentSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = activeSpreadsheetOrNull();
  if (active) return active;
  if (bound) return bound;
  throw new AppError('sheets.noSpreadsheet', 'error.sheets.noSpreadsheet');
}
