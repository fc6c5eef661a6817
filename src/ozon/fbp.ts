// FBP postings (Ozon's partner warehouses): /v1/posting/fbp/list, beta. The list has no "changed since"
// filter, so the sync re-reads a rolling window as it does for FBO. One posting is read through the list's
// posting_numbers filter: /v1/posting/fbp/get is announced in Ozon's news (2026-07-01) but is not in the
// published spec yet.
import type { OzonClient } from './client';
import { EP } from './endpoints';
import { activeWindowIndexes, advanceWindows, inWindow, type WindowCursor } from './paging';
import { parseAnswer } from './schemas/common';
import { fbpListAnswer, type FbpPosting } from './schemas/fbp';

const FBP_LIST = EP.fbpList;

export interface FbpRound {
  postings: FbpPosting[];
  windows: WindowCursor[];
}

function listCalls(client: OzonClient, bodies: readonly unknown[]) {
  return client.transport
    .many(bodies.map((body) => ({ path: FBP_LIST, body })))
    .map((a) => parseAnswer(FBP_LIST, fbpListAnswer, a.json));
}

/**
 * One fetchAll round over FBP windows by processing start (since/to), like the FBO list: the next page of
 * up to `parallel` unfinished windows. Windows are half-open (the last closed), so a boundary posting comes
 * from exactly one window; all pages are validated before any window moves.
 */
export function fbpListRound(
  client: OzonClient,
  windows: readonly WindowCursor[],
  query: { limit?: number; parallel?: number } = {},
): FbpRound {
  const limit = Math.min(100, Math.max(1, Math.floor(query.limit ?? 100)));
  const active = activeWindowIndexes(windows, query.parallel);
  const bodies = active.map((idx) => {
    const w = windows[idx];
    return {
      filter: { since: w.from, to: w.to },
      limit,
      sort_by: 'in_process_at',
      sort_dir: 'ASC',
      ...(w.cursor ? { cursor: w.cursor } : {}),
    };
  });
  const answers = listCalls(client, bodies);
  return advanceWindows(windows, active, answers, (p, w, isLast) =>
    inWindow(p.in_process_at ?? p.order_date, w, isLast),
  );
}

/** FBP postings by number (at most 100 a call, several calls side by side). */
export function fbpPostings(client: OzonClient, postingNumbers: readonly string[]): FbpPosting[] {
  const numbers = [...new Set(postingNumbers.filter(Boolean))];
  if (!numbers.length) return [];
  const bodies: unknown[] = [];
  for (let k = 0; k < numbers.length; k += 100)
    bodies.push({ filter: { posting_numbers: numbers.slice(k, k + 100) }, limit: 100 });
  return listCalls(client, bodies).flatMap((a) => a.postings);
}
