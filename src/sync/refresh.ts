// Re-reads postings from Ozon and updates their rows at once: the order desk calls this after every
// action (ship, cancel, tracking number, status change) to confirm it and show it without a sync.
import type { AppContext } from '../app/context';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import type { OrderPosting } from '../core/orders/posting';
import { cachedOffset } from '../core/time/serial';
import type { OzonClient } from '../ozon/client';
import { fromFbo, fromFbs } from '../core/orders/from-ozon';
import { writePostings } from './orders-sync';

/**
 * Writes already-read postings into the order tabs. Answers the postings whose row the seller deleted
 * meanwhile (before the read, or between the read and the write): they are put back in Orders.
 */
export function showPostings(ctx: AppContext, postings: readonly OrderPosting[]): Set<string> {
  const { added, restored } = writePostings(
    {
      readTabs: (specs) => readTabs(specs),
      write: (requests) => void writeRequests(requests),
      now: () => Date.now(),
      lang: ctx.lang,
      offset: cachedOffset(spreadsheetOffset()),
    },
    postings,
  );
  return new Set([...added, ...restored]);
}

/** Fetches FBS/rFBS (or FBO) postings by number and updates their rows; returns them. */
export function refreshPostings(
  ctx: AppContext,
  numbers: readonly string[],
  client: OzonClient,
  schema: 'fbs' | 'fbo' = 'fbs',
): OrderPosting[] {
  const postings = numbers.map((n) =>
    schema === 'fbo' ? fromFbo(client.getFboPosting(n)) : fromFbs(client.getFbsPosting(n)),
  );
  showPostings(ctx, postings);
  return postings;
}
