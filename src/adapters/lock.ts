// The document lock serialises syncs and sidebar actions on one spreadsheet.
export interface HeldLock {
  release(): void;
}

/**
 * The document lock; without a document (a time-driven run, where getDocumentLock() returns null)
 * the user lock, which serialises this seller's executions of the add-on.
 */
export function documentLock(): GoogleAppsScript.Lock.Lock | null {
  return LockService.getDocumentLock() ?? LockService.getUserLock();
}

export function tryDocumentLock(waitMs: number): HeldLock | null {
  const lock = documentLock();
  if (!lock || !lock.tryLock(waitMs)) return null;
  return {
    release: () => {
      SpreadsheetApp.flush();
      lock.releaseLock();
    },
  };
}
