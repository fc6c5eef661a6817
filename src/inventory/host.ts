// What the inventory use-cases take from Apps Script: the spreadsheet tabs, the clock, the lock,
// the acting user and the Ozon client. Kept in one place so the use-cases read as plain steps.
import { withDocumentLock } from '../adapters/lock';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { AppError } from '../core/errors';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import type { ApiResult } from '../shared/result';
import { cachedOffset, type OffsetMinutes } from '../core/time/serial';
import { actingUser } from '../adapters/session';

export interface InventoryHost {
  now(): number;
  offset: OffsetMinutes;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): number;
  /** The person acting (for the ledger's "who"). */
  user(): string;
}

export function appsScriptHost(): InventoryHost {
  return {
    now: () => Date.now(),
    offset: cachedOffset(spreadsheetOffset()),
    readTabs: (specs) => readTabs(specs),
    write: (requests) => writeRequests(requests),
    user: actingUser,
  };
}

/** Runs `fn` holding the document lock (joined when the caller already holds it, as the sync does). */
export function withInventoryLock<T>(fn: () => T): T {
  return withDocumentLock(10_000, () => new AppError('inventory.locked', 'inventory.locked'), fn);
}

export function notify(message: string, title = ''): void {
  toast(message, title, 8);
}

/** Shows a menu command's outcome as a toast (its message, or the error) and passes the result on. */
export function announce<T extends { message: string }>(result: ApiResult<T>): ApiResult<T> {
  notify(result.ok ? result.data.message : result.error.message);
  return result;
}
