// FBP postings (Ozon's partner warehouses): /v1/posting/fbp/list, beta. The list has no "changed since"
// filter, so the sync re-reads a rolling window as it does for FBO. One posting is read through the list's
// posting_numbers filter: /v1/posting/fbp/get is announced in Ozon's news (2026-07-01) but is not in the
// published spec yet.
import type { OzonClient } from './client';
import { EP } from './endpoints';
import { activeWindowIndexes, advanceWindows, inWindow, type WindowCursor } from './paging';
import { parseAnswer, type RejectedItem } from './schemas/common';
import { fbpListAnswer, type FbpPosting } from './schemas/fbp';
import { fboRoundBodies } from './postings';
import { fboListAnswer, type FboPosting } from './schemas/postings';

const FBP_LIST = EP.fbpList;

export interface FbpRound {
  postings: FbpPosting[];
  windows: WindowCursor[];
  /** Postings set aside as unreadable (see schemas/common eachValid). */
  rejected?: RejectedItem[];
}

function listCalls(client: OzonClient, bodies: readonly unknown[]) {
  return client.transport
    .many(bodies.map((body) => ({ path: FBP_LIST, body })))
    .map((a) => parseAnswer(FBP_LIST, fbpListAnswer, a.json));
}

function roundBodies(windows: readonly WindowCursor[], active: readonly number[], limit: number) {
  return active.map((idx) => {
    const w = windows[idx];
    return {
      filter: { since: w.from, to: w.to },
      limit,
      sort_by: 'in_process_at',
      sort_dir: 'ASC',
      ...(w.cursor ? { cursor: w.cursor } : {}),
    };
  });
}

const belongs = (p: FbpPosting, w: WindowCursor, isLast: boolean) =>
  inWindow(p.in_process_at ?? p.order_date, w, isLast);

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
  const answers = listCalls(client, roundBodies(windows, active, limit));
  return advanceWindows(windows, active, answers, belongs);
}

/**
 * The FBO round and the FBP round in one fetchAll: both lists re-read the same rolling window, so their
 * pages go out side by side rather than one execution round after the other. Every page is validated
 * before any window moves.
 */
export function ozonShippedRound(
  client: OzonClient,
  fbo: readonly WindowCursor[],
  fbp: readonly WindowCursor[],
): { fbo: { postings: FboPosting[]; windows: WindowCursor[]; rejected?: RejectedItem[] }; fbp: FbpRound } {
  const fboActive = activeWindowIndexes(fbo);
  const fbpActive = activeWindowIndexes(fbp);
  const calls = [
    ...fboRoundBodies(fbo, fboActive).map((body) => ({ path: EP.fboList, body })),
    ...roundBodies(fbp, fbpActive, 100).map((body) => ({ path: FBP_LIST, body })),
  ];
  const answers = client.transport.many(calls);
  const fboAnswers = answers
    .slice(0, fboActive.length)
    .map((a) => parseAnswer(EP.fboList, fboListAnswer, a.json));
  const fbpAnswers = answers.slice(fboActive.length).map((a) => parseAnswer(FBP_LIST, fbpListAnswer, a.json));
  return {
    fbo: advanceWindows(fbo, fboActive, fboAnswers, (p, w, isLast) =>
      inWindow(p.in_process_at ?? p.created_at, w, isLast),
    ),
    fbp: advanceWindows(fbp, fbpActive, fbpAnswers, belongs),
  };
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
