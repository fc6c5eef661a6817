// What the inventory use-cases take from Apps Script: the spreadsheet tabs, the clock, the lock,
// the acting user and the Ozon client. Kept in one place so the use-cases read as plain steps.
import { documentLock } from '../adapters/lock';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { AppError } from '../core/errors';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import type { ApiResult } from '../shared/result';
import { cachedOffset, type OffsetMinutes } from '../core/time/serial';
import { actingUser } from '../app/context';

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

/**
 * Runs `fn` holding the document lock. A caller that already holds it (the sync calling afterSync)
 * keeps it: the lock is released only if it was taken here.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = 10_000): T {
  const lock = documentLock();
  if (lock && lock.hasLock()) return fn();
  if (!lock || !lock.tryLock(waitMs)) throw new AppError('inventory.locked', 'inventory.locked');
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export function toast(message: string, title = ''): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 8);
  } catch {
    // No UI (a time-driven run): the result still goes back to the caller.
  }
}

/** Shows a menu command's outcome as a toast (its message, or the error) and passes the result on. */
export function announce<T extends { message: string }>(result: ApiResult<T>): ApiResult<T> {
  toast(result.ok ? result.data.message : result.error.message);
  return result;
}
