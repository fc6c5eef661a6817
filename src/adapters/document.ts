// Facts about the spreadsheet the use-cases show (the active one, else the one a trigger run is bound
// to: see ./spreadsheet.ts): its address, its time zone and its clock.
import { currentSpreadsheet } from './spreadsheet';

export function spreadsheetUrl(): string {
  return currentSpreadsheet().getUrl();
}

/** The spreadsheet's locale (File → Settings), which decides how Sheets draws numbers, e.g. ru_RU. */
export function spreadsheetLocale(): string {
  return currentSpreadsheet().getSpreadsheetLocale();
}

export function spreadsheetTimeZone(): string {
  return currentSpreadsheet().getSpreadsheetTimeZone();
}

/** `ms` as local time in `timeZone` (default pattern yyyy-MM-dd HH:mm). */
export function formatTimeIn(timeZone: string, ms: number, pattern = 'yyyy-MM-dd HH:mm'): string {
  return Utilities.formatDate(new Date(ms), timeZone, pattern);
}

/** `ms` as local time in the spreadsheet's zone. */
export function formatSpreadsheetTime(ms: number, pattern = 'yyyy-MM-dd HH:mm'): string {
  return formatTimeIn(spreadsheetTimeZone(), ms, pattern);
}
