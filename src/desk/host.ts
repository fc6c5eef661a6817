// What the order desk takes from Apps Script: the tabs, the seller's selection, the acting user,
// Drive (label PDFs), dialogs, the cache, the clock and the document lock. The use-cases in
// ./index.ts read as plain steps over this.
import { savePdf } from '../adapters/drive';
import { appsScriptClock } from '../adapters/http';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { AppError } from '../core/errors';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import { cachedOffset, type OffsetMinutes } from '../core/time/serial';
import { actingUser } from '../app/context';

export interface Selection {
  sheetId: number;
  sheetName: string;
  /** 0-based rows, end exclusive. */
  startRow: number;
  endRow: number;
}

export interface DeskHost {
  now(): number;
  offset: OffsetMinutes;
  /** yyyy-MM-dd HH:mm in the spreadsheet's time zone; '' for null. */
  formatTime(iso: string | null): string;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): number;
  user(): string;
  selection(): Selection | null;
  /** One Sheets read: the header row and rows [startRow, endRow) of a tab. */
  readRows(tab: string, startRow: number, endRow: number): { header: unknown[]; rows: unknown[][] };
  /** Moves the selection to a whole row (0-based) of a tab. */
  selectRow(tab: string, row: number): void;
  cacheGet(key: string): string | null;
  cachePut(key: string, value: string, seconds: number): void;
  /** Saves a PDF to the seller's Drive; returns its URL. */
  savePdf(name: string, bytes: number[] | Uint8Array, blob?: unknown): string;
  showDialog(html: string, title: string, width: number, height: number): void;
  toast(message: string): void;
  sleep(ms: number): void;
  withLock<T>(fn: () => T): T;
}

export function appsScriptDeskHost(): DeskHost {
  const clock = appsScriptClock();
  return {
    now: () => Date.now(),
    offset: cachedOffset(spreadsheetOffset()),
    formatTime: (iso) => {
      if (!iso) return '';
      const tz = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
      return Utilities.formatDate(new Date(iso), tz, 'yyyy-MM-dd HH:mm');
    },
    readTabs: (specs) => readTabs(specs),
    write: (requests) => writeRequests(requests),
    user: actingUser,
    selection: () => {
      const active = SpreadsheetApp.getActiveSheet();
      const range = SpreadsheetApp.getActiveRange();
      // A range left behind on another tab is not the seller's selection.
      if (!range || range.getSheet().getSheetId() !== active.getSheetId()) {
        return { sheetId: active.getSheetId(), sheetName: active.getName(), startRow: 0, endRow: 0 };
      }
      const sheet = range.getSheet();
      const startRow = range.getRow() - 1;
      return {
        sheetId: sheet.getSheetId(),
        sheetName: sheet.getName(),
        startRow,
        endRow: startRow + range.getNumRows(),
      };
    },
    // Through SpreadsheetApp, which spends no Sheets API quota (60 reads a minute per user): the
    // desk follows every selection change.
    readRows: (tab, startRow, endRow) => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
      const width = sheet ? sheet.getLastColumn() : 0;
      const last = sheet ? Math.min(endRow, sheet.getLastRow()) : 0;
      if (!sheet || width < 1) return { header: [], rows: [] };
      const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
      const rows = last > startRow ? sheet.getRange(startRow + 1, 1, last - startRow, width).getValues() : [];
      return { header, rows };
    },
    selectRow: (tab, row) => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
      if (!sheet) return;
      sheet.getRange(row + 1, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
    },
    cacheGet: (key) => {
      try {
        return CacheService.getDocumentCache()?.get(key) ?? null;
      } catch {
        return null;
      }
    },
    cachePut: (key, value, seconds) => {
      try {
        CacheService.getDocumentCache()?.put(key, value, seconds);
      } catch {
        // Best effort: the next call reads again.
      }
    },
    savePdf: (name, bytes, blob) =>
      savePdf(name, (blob as GoogleAppsScript.Base.Blob | undefined) ?? bytes).url,
    showDialog: (html, title, width, height) => {
      const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
      SpreadsheetApp.getUi().showModalDialog(output, title);
    },
    toast: (message) => {
      try {
        SpreadsheetApp.getActiveSpreadsheet().toast(message, '', 6);
      } catch {
        // No UI: the answer still carries the message.
      }
    },
    sleep: (ms) => clock.sleep(ms),
    withLock: (fn) => {
      const lock = LockService.getDocumentLock();
      if (lock && lock.hasLock()) return fn();
      if (!lock || !lock.tryLock(15_000)) throw new AppError('desk.locked', 'error.desk.locked');
      try {
        return fn();
      } finally {
        SpreadsheetApp.flush();
        lock.releaseLock();
      }
    },
  };
}
