// Every time budget in one place (ARCHITECTURE.md, "Budgets and locking", explains them).
// Apps Script ends an execution at 6 minutes. Each entry point notes when its execution started and
// derives one deadline from it; everything it calls — the Ozon client's retries and paging, the
// steps that follow a sync — is bounded by that deadline, never by a fresh budget of its own.

/** Apps Script's limit for one execution. */
export const EXECUTION_MS = 6 * 60_000;

/** Room kept at the end of an execution for the last write and the log row. */
export const WRITE_ROOM_MS = 30_000;

export const BUDGET = {
  /** Orders sync: no new Ozon page after this. */
  syncFetch: 4 * 60_000,
  /** Orders sync: no new step (the ledger's afterSync, push after sync) after this; it bounds them too. */
  syncStop: 5 * 60_000,
  /** Returns & messages sync, run by the hourly trigger after the orders sync: skipped below this. */
  serviceMinLeft: 120_000,
  /** Reviews & questions sync, after returns & messages: skipped below this (it resumes next hour). */
  feedbackMinLeft: 120_000,
  /** Finance run, last in the hourly run: skipped below this (it resumes where it stopped). */
  financeMinLeft: 150_000,
  /** The finance run's Ozon work (menu or hourly); its reading stops `financeWriteRoom` earlier. */
  financeOzon: 270_000,
  /** Room the finance run keeps after its last Ozon round, for landing it and the profit write. */
  financeWriteRoom: 30_000,
  /** One desk call's Ozon work (labels included). */
  deskOzon: 270_000,
  /** A desk batch starts no new shipment after this, so the labels still fit. */
  deskBatchShip: 150_000,
  /** One inventory call's Ozon work (import, push). */
  inventoryOzon: 240_000,
  /** The Ozon stock refresh's Ozon work (menu or hourly); its reading stops `ozonStockWriteRoom` earlier. */
  ozonStockOzon: 240_000,
  /** Room the Ozon stock refresh keeps after reading Ozon, for the four tabs' one read and one write. */
  ozonStockWriteRoom: 40_000,
  /** The daily Ozon stock refresh in the hourly run: skipped below this (it runs next hour). */
  ozonStockMinLeft: 150_000,
  /** The BigQuery load from the menu: no new batch after this. */
  bigqueryLoad: 300_000,
  /** The BigQuery load in the hourly run, after everything else: skipped below this (it resumes next hour). */
  bigqueryMinLeft: 90_000,
  /** One customer-service action (a verdict, a reply, a decision). */
  serviceAction: 60_000,
  /** Moving old postings to the archive (menu): no new batch after this, less a batch's room. */
  archive: 5 * 60_000,
  /** The move to the archive in the hourly run, after every other job: skipped below this (it resumes). */
  archiveMinLeft: 90_000,
  /** Menu "Check this spreadsheet": every probe (the largest block write is skipped rather than late). */
  selfCheck: 50_000,
} as const;

/** The deadline `budgetMs` after `startedAt`, never later than the execution's end minus the write room. */
export function deadlineFrom(startedAt: number, budgetMs: number): number {
  return Math.min(startedAt + budgetMs, startedAt + EXECUTION_MS - WRITE_ROOM_MS);
}
