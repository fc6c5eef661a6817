// Rewrites tabs in full (the report tabs, the Dashboard, Pick list) while the seller may edit them.
// Each try plans from the tabs' extent as read right before its write, and the requests size every
// tab absolutely (a row count, not a delete or an append of the difference), so rows the seller
// inserted or deleted meanwhile neither stay behind nor cut the build. A write the grid refuses (a
// column or a tab deleted meanwhile: one batchUpdate is all or nothing) is planned again from a fresh
// read; a write that took several calls (over one request body) is read again after, and planned again
// when a tab's extent is not what it wrote (an edit between two of its calls).
import { AppError } from '../errors';
import type { SheetsRequest } from '../table/requests';

export interface RewritePorts<L> {
  /** The tabs' extent (and whatever else the plan needs), read now. */
  read(): L;
  /** Sends the requests; answers the calls it took. */
  write(requests: SheetsRequest[]): number;
}

export interface RewritePlan<L> {
  requests: SheetsRequest[];
  /** The extent as read after the write is the one the requests gave the tabs. */
  fits(after: L): boolean;
}

/** Tries before a refusal of the grid is the caller's error. */
const MAX_TRIES = 4;

/** Answers the write calls sent. `read`: the extent as just read (nothing happened since). */
export function rewriteTabs<L>(
  ports: RewritePorts<L>,
  plan: (extent: L) => RewritePlan<L>,
  read?: L,
): number {
  let extent = read;
  let calls = 0;
  for (let attempt = 1; ; attempt++) {
    const planned = plan(extent ?? ports.read());
    extent = undefined;
    let sent: number;
    try {
      sent = ports.write(planned.requests);
    } catch (error) {
      // The add-on's own refusals (out of Sheets quota, out of time) are not the seller's edits.
      if (attempt >= MAX_TRIES || error instanceof AppError) throw error;
      continue;
    }
    calls += sent;
    if (sent <= 1 || attempt >= MAX_TRIES) return calls;
    extent = ports.read();
    if (planned.fits(extent)) return calls;
  }
}
