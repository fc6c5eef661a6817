// What the order desk takes from Apps Script: the tabs, the seller's selection, the acting user,
// Drive (label PDFs), dialogs, the cache, the clock and the document lock. The use-cases in
// ./index.ts read as plain steps over this.
import { appsScriptClock } from '../adapters/http';
import { cacheGet, cachePut } from '../adapters/cache';
import { formatSpreadsheetTime, spreadsheetLocale } from '../adapters/document';
import { savePdf } from '../adapters/drive';
import { withDocumentLock } from '../adapters/lock';
import { activeSelection, readHeaderAndRows, selectRow, type Selection } from '../adapters/selection';
import { actingUser } from '../adapters/session';
import { showDialog, toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { AppError } from '../core/errors';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import { cachedOffset, type OffsetMinutes } from '../core/time/serial';

export type { Selection };

const DESK_LOCK_WAIT_MS = 15_000;

export interface DeskHost {
  now(): number;
  offset: OffsetMinutes;
  /** The spreadsheet's locale (ru_RU, en_US…): how the grid draws amounts (see core/format/money). */
  locale(): string;
  /** yyyy-MM-dd HH:mm in the spreadsheet's time zone; '' for null. */
  formatTime(iso: string | null): string;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): number;
  user(): string;
  selection(): Selection | null;
  /** One read: the header row and rows [startRow, endRow) of a sheet (by id). */
  readRows(sheetId: number, startRow: number, endRow: number): { header: unknown[]; rows: unknown[][] };
  /** Moves the selection to a whole row (0-based) of a sheet (by id). */
  selectRow(sheetId: number, row: number): void;
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
    locale: spreadsheetLocale,
    formatTime: (iso) => (iso ? formatSpreadsheetTime(Date.parse(iso)) : ''),
    readTabs: (specs) => readTabs(specs),
    write: (requests) => writeRequests(requests),
    user: actingUser,
    selection: activeSelection,
    readRows: readHeaderAndRows,
    selectRow,
    cacheGet,
    cachePut,
    savePdf: (name, bytes, blob) =>
      savePdf(name, (blob as GoogleAppsScript.Base.Blob | undefined) ?? bytes).url,
    showDialog,
    toast: (message) => toast(message, '', 6),
    sleep: (ms) => clock.sleep(ms),
    withLock: (fn) =>
      withDocumentLock(DESK_LOCK_WAIT_MS, () => new AppError('desk.locked', 'error.desk.locked'), fn),
  };
}
