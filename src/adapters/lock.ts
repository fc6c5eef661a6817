// The document lock serialises syncs and sidebar actions on one spreadsheet.
export interface HeldLock {
  release(): void;
}

export function tryDocumentLock(waitMs: number): HeldLock | null {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return null;
  return {
    release: () => {
      SpreadsheetApp.flush();
      lock.releaseLock();
    },
  };
}
