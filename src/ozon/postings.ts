// Ozon area: postings (FBS/rFBS and FBO lists, one posting, open FBS work).
import type { OzonApi } from './api';
import { clampLimit, compact } from './body';
import { EP } from './endpoints';
import { OzonValidationError } from './errors';
import { inWindow, iso, MAX_PERIOD_MS, nextCursor, type Page, type WindowCursor } from './paging';
import {
  fboGetAnswer,
  fboListAnswer,
  fbsGetAnswer,
  fbsListAnswer,
  fbsUnfulfilledAnswer,
  type FboPosting,
  type FbsPosting,
} from './schemas/postings';

export interface PostingWith {
  analytics_data?: boolean;
  financial_data?: boolean;
  barcodes?: boolean;
  legal_info?: boolean;
}

export interface FbsListQuery {
  by: 'created' | 'changed';
  statuses?: string[];
  /** Page size, 1..100 (default 100). */
  limit?: number;
  /** Windows advanced per round (default 8). */
  parallel?: number;
}

export interface FboListQuery {
  limit?: number;
  parallel?: number;
}

export interface RoundResult<P> {
  postings: P[];
  windows: WindowCursor[];
}

export interface UnfulfilledFilter {
  cutoff_from?: string;
  cutoff_to?: string;
  delivering_date_from?: string;
  delivering_date_to?: string;
  statuses?: string[];
  warehouse_ids?: string[];
}

export const FBS_WITH: PostingWith = { analytics_data: true, financial_data: true };

function activeWindows(windows: readonly WindowCursor[], parallel = 8): number[] {
  const max = Math.max(1, Math.floor(parallel));
  const active: number[] = [];
  windows.forEach((w, idx) => {
    if (!w.done && active.length < max) active.push(idx);
  });
  return active;
}

function advance<P extends { posting_number: string }>(
  windows: readonly WindowCursor[],
  active: number[],
  answers: { postings: P[]; cursor?: string | null; has_next?: boolean | null }[],
  lastTo: number,
  belongs: (p: P, w: WindowCursor, isLast: boolean) => boolean,
): RoundResult<P> {
  const next = windows.map((w) => ({ ...w }));
  const seen = new Set<string>();
  const postings: P[] = [];
  active.forEach((idx, k) => {
    const w = windows[idx];
    const answer = answers[k];
    const isLast = Date.parse(w.to) === lastTo;
    for (const p of answer.postings) {
      if (!belongs(p, w, isLast) || seen.has(p.posting_number)) continue;
      seen.add(p.posting_number);
      postings.push(p);
    }
    const cursor = nextCursor(answer, answer.postings.length);
    next[idx] = { ...w, cursor: cursor ?? '', done: cursor === null, pages: w.pages + 1 };
  });
  return { postings, windows: next };
}

export function postingsMethods(api: OzonApi) {
  return {
    /**
     * One fetchAll round over posting windows: the next page of up to `parallel` unfinished windows.
     * by 'created' filters since/to (the posting's in_process_at); by 'changed' filters
     * last_changed_status_date, with since/to set to the year before the window's end (Ozon requires
     * them and refuses periods over a year). Windows are half-open (the last one closed): postings
     * outside their window's bounds are dropped, so a boundary posting comes from exactly one window.
     * All pages are validated before any window advances: a bad page throws and nothing moves.
     */
    fbsListRound(windows: readonly WindowCursor[], query: FbsListQuery): RoundResult<FbsPosting> {
      const limit = clampLimit(query.limit, 100);
      const lastTo = Math.max(...windows.map((w) => Date.parse(w.to)));
      const active = activeWindows(windows, query.parallel);
      const bodies = active.map((idx) => {
        const w = windows[idx];
        const isLast = Date.parse(w.to) === lastTo;
        const to = Date.parse(w.to);
        const filter =
          query.by === 'created'
            ? { since: w.from, to: w.to }
            : {
                since: iso(to - MAX_PERIOD_MS),
                to: w.to,
                last_changed_status_date: { from: w.from, to: isLast ? w.to : iso(to - 1) },
              };
        return compact({
          filter: compact({ ...filter, statuses: query.statuses }),
          limit,
          sort_dir: 'ASC',
          cursor: w.cursor || undefined,
          with: FBS_WITH,
        });
      });
      const answers = api.callMany(EP.fbsList, bodies, fbsListAnswer);
      return advance(windows, active, answers, lastTo, (p: FbsPosting, w, isLast) =>
        query.by === 'created'
          ? inWindow(p.in_process_at, w, isLast)
          : inWindow(p.last_changed_status_date, w, isLast),
      );
    },

    /** Same as fbsListRound for /v3/posting/fbo/list (cursor + has_next), by since/to. */
    fboListRound(windows: readonly WindowCursor[], query: FboListQuery = {}): RoundResult<FboPosting> {
      const limit = clampLimit(query.limit, 100);
      const lastTo = Math.max(...windows.map((w) => Date.parse(w.to)));
      const active = activeWindows(windows, query.parallel);
      const bodies = active.map((idx) => {
        const w = windows[idx];
        return compact({
          filter: { since: w.from, to: w.to },
          limit,
          sort_dir: 'ASC',
          cursor: w.cursor || undefined,
          with: { analytics_data: true, financial_data: true },
        });
      });
      const answers = api.callMany(EP.fboList, bodies, fboListAnswer);
      return advance(windows, active, answers, lastTo, (p: FboPosting, w, isLast) =>
        inWindow(p.in_process_at ?? p.created_at, w, isLast),
      );
    },

    /** One page of open FBS work. Use cutoff_* or delivering_date_* (not both). */
    unfulfilledPage(
      filter: UnfulfilledFilter,
      cursor = '',
      limit = 100,
    ): Page<FbsPosting, string> & { count?: number | null } {
      if (
        (filter.cutoff_from || filter.cutoff_to) &&
        (filter.delivering_date_from || filter.delivering_date_to)
      ) {
        throw new OzonValidationError(
          'ozon.validation',
          'ozon.error.validation',
          {
            method: EP.fbsUnfulfilled,
            detail: 'use either cutoff_from/to or delivering_date_from/to, not both',
          },
          EP.fbsUnfulfilled,
        );
      }
      const a = api.call(
        EP.fbsUnfulfilled,
        compact({
          filter: compact({ ...filter }),
          limit: clampLimit(limit, 100),
          sort_dir: 'ASC',
          cursor: cursor || undefined,
          with: FBS_WITH,
        }),
        fbsUnfulfilledAnswer,
      );
      return { items: a.postings, next: nextCursor(a, a.postings.length), count: a.count };
    },

    getFbsPosting(
      postingNumber: string,
      withParts: PostingWith & { related_postings?: boolean } = FBS_WITH,
    ): FbsPosting {
      return api.call(EP.fbsGet, { posting_number: postingNumber, with: withParts }, fbsGetAnswer).result;
    },

    getFboPosting(postingNumber: string, withParts: Omit<PostingWith, 'barcodes'> = FBS_WITH): FboPosting {
      return api.call(EP.fboGet, { posting_number: postingNumber, with: withParts }, fboGetAnswer).result;
    },
  };
}
