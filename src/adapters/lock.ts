// The document lock serialises syncs and sidebar actions on one spreadsheet. It is re-entrant: a
// caller that already holds it (the sync calling afterSync, a desk action calling another) joins
// it, and only the taker releases it, so an inner step never drops the outer step's lock.
export interface HeldLock {
  release(): void;
}

const JOINED: HeldLock = { release: () => undefined };

/**
 * The document lock; without a document (a time-driven run, where getDocumentLock() returns null)
 * the user lock, which serialises this seller's executions of the add-on.
 */
function documentLock(): GoogleAppsScript.Lock.Lock | null {
  return LockService.getDocumentLock() ?? LockService.getUserLock();
}

/** The document lock, or null if another execution holds it for longer than `waitMs`. */
export function tryDocumentLock(waitMs: number): HeldLock | null {
  const lock = documentLock();
  if (!lock) return null;
  if (lock.hasLock()) return JOINED;
  if (!lock.tryLock(waitMs)) return null;
  return {
    release: () => {
      SpreadsheetApp.flush();
      lock.releaseLock();
    },
  };
}

/** Runs `fn` holding the document lock; throws `locked()` if it cannot be had within `waitMs`. */
export function withDocumentLock<T>(waitMs: number, locked: () => Error, fn: () => T): T {
  const lock = tryDocumentLock(waitMs);
  if (!lock) throw locked();
  try {
    return fn();
  } finally {
    lock.release();
  }
}
