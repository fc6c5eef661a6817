// Paging over Ozon lists. Three styles exist (cursor + has_next, last_id, offset); each is a loop over
// pages that stops when the list ends or the deadline comes, and reports where to resume.
// Posting lists are read in date windows whose cursor chains advance side by side, one fetchAll round
// at a time, so a year of postings costs a few parallel rounds rather than one long chain.
import type { ClockPort } from './ports';
import type { RejectedItem } from './schemas/common';

/** Ozon's posting lists refuse periods longer than a year; 365 days is always within that. */
export const MAX_PERIOD_MS = 365 * 86_400_000;

/** One date window of a posting list and how far its pages have been read. Bounds are ISO strings. */
export interface WindowCursor {
  from: string;
  to: string;
  cursor: string;
  done: boolean;
  pages: number;
}

/**
 * Cuts [from, to] into `count` (or more, to keep each ≤ 1 year) contiguous windows: the `to` of one is
 * the `from` of the next. Windows are half-open [from, to) except the last, which includes `to`; the
 * client enforces that, so a posting exactly on a boundary belongs to exactly one window.
 */
export function splitWindows(fromIso: string, toIso: string, count: number): WindowCursor[] {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new RangeError(`Bad window bounds ${fromIso}..${toIso}`);
  if (to <= from) return [{ from: iso(from), to: iso(Math.max(from, to)), cursor: '', done: true, pages: 0 }];
  const span = to - from;
  const n = Math.max(1, Math.floor(count) || 1, Math.ceil(span / MAX_PERIOD_MS));
  const windows: WindowCursor[] = [];
  let start = from;
  for (let k = 1; k <= n; k++) {
    const end = k === n ? to : from + Math.round((span * k) / n);
    if (end > start) windows.push({ from: iso(start), to: iso(end), cursor: '', done: false, pages: 0 });
    start = end;
  }
  return windows;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Whether an instant belongs to the window (half-open, the last window closed). */
export function inWindow(at: string | null | undefined, w: WindowCursor, last: boolean): boolean {
  if (!at) return true;
  const t = Date.parse(at);
  if (!Number.isFinite(t)) return true;
  const from = Date.parse(w.from);
  const to = Date.parse(w.to);
  return t >= from && (last ? t <= to : t < to);
}

export interface Page<T, C> {
  items: T[];
  /** Where the next page starts; null when the list is finished. */
  next: C | null;
}

export interface Collected<T, C> {
  items: T[];
  /** Resume point when stopped early (deadline, maxPages); null when the list was read to the end. */
  next: C | null;
  done: boolean;
  pages: number;
}

export interface PagingBounds {
  clock: ClockPort;
  /** Epoch ms: no page is started after it. */
  deadline?: number;
  maxPages?: number;
}

/** Pages one at a time, as a generator; stops at the end of the list, the deadline or maxPages. */
export function* pages<T, C>(
  start: C,
  fetch: (at: C) => Page<T, C>,
  bounds: PagingBounds,
): Generator<Page<T, C>> {
  let at: C | null = start;
  let count = 0;
  while (at !== null) {
    if (bounds.deadline !== undefined && bounds.clock.now() >= bounds.deadline) return;
    if (bounds.maxPages !== undefined && count >= bounds.maxPages) return;
    const page = fetch(at);
    count++;
    yield page;
    at = page.next;
  }
}

/** Reads pages until the end of the list or the bounds, returning what was read and where to resume. */
export function collect<T, C>(start: C, fetch: (at: C) => Page<T, C>, bounds: PagingBounds): Collected<T, C> {
  const items: T[] = [];
  let next: C | null = start;
  let count = 0;
  for (const page of pages(start, fetch, bounds)) {
    for (const item of page.items) items.push(item);
    next = page.next;
    count++;
  }
  return { items, next, done: next === null, pages: count };
}

/** cursor + has_next (v4 FBS, v3 FBO, warehouses, chats): finished when has_next is false or the cursor empty. */
export function nextCursor(
  answer: { cursor?: string | null; has_next?: boolean | null },
  itemCount: number,
): string | null {
  const cursor = answer.cursor ?? '';
  if (!cursor) return null;
  if (answer.has_next === false) return null;
  if (answer.has_next === undefined || answer.has_next === null) return itemCount > 0 ? cursor : null;
  return cursor;
}

/** last_id (products, returns): finished on an empty last_id, a short page, or has_next false. */
export function nextLastId<C extends string | number>(
  lastId: C | null | undefined,
  itemCount: number,
  limit: number,
  hasNext?: boolean | null,
): C | null {
  if (hasNext === false) return null;
  if (lastId === null || lastId === undefined || lastId === '' || lastId === 0) return null;
  if (hasNext !== true && itemCount < limit) return null;
  return lastId;
}

/** offset: finished on a short page. */
export function nextOffset(offset: number, itemCount: number, limit: number): number | null {
  return itemCount < limit ? null : offset + itemCount;
}

/** Indexes of the first `parallel` unfinished windows: the ones a posting-list round advances. */
export function activeWindowIndexes(windows: readonly WindowCursor[], parallel = 8): number[] {
  const max = Math.max(1, Math.floor(parallel));
  const active: number[] = [];
  windows.forEach((w, idx) => {
    if (!w.done && active.length < max) active.push(idx);
  });
  return active;
}

/**
 * Moves the active windows on by one answer each: keeps the postings that belong to their window (each
 * posting once), and sets each window's next cursor or marks it done.
 */
export function advanceWindows<P extends { posting_number: string }>(
  windows: readonly WindowCursor[],
  active: readonly number[],
  answers: readonly {
    postings: P[];
    cursor?: string | null;
    has_next?: boolean | null;
    rejected?: RejectedItem[];
    received?: number;
  }[],
  belongs: (p: P, w: WindowCursor, isLast: boolean) => boolean,
): { postings: P[]; windows: WindowCursor[]; rejected?: RejectedItem[] } {
  const lastTo = Math.max(...windows.map((w) => Date.parse(w.to)));
  const next = windows.map((w) => ({ ...w }));
  const seen = new Set<string>();
  const postings: P[] = [];
  const rejected = answers.flatMap((a) => a.rejected ?? []);
  active.forEach((idx, k) => {
    const w = windows[idx];
    const answer = answers[k];
    const isLast = Date.parse(w.to) === lastTo;
    for (const p of answer.postings) {
      if (!belongs(p, w, isLast) || seen.has(p.posting_number)) continue;
      seen.add(p.posting_number);
      postings.push(p);
    }
    const cursor = nextCursor(answer, answer.received ?? answer.postings.length);
    next[idx] = { ...w, cursor: cursor ?? '', done: cursor === null, pages: w.pages + 1 };
  });
  return { postings, windows: next, ...(rejected.length ? { rejected } : {}) };
}
