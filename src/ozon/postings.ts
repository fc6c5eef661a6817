// Ozon area: postings (FBS/rFBS and FBO lists, one posting, open FBS work).
import type { OzonApi } from './api';
import { clampLimit, compact } from './body';
import { EP } from './endpoints';
import { OzonValidationError } from './errors';
import type { RejectedItem } from './schemas/common';
import {
  activeWindowIndexes,
  advanceWindows,
  inWindow,
  iso,
  MAX_PERIOD_MS,
  nextCursor,
  type Page,
  type WindowCursor,
} from './paging';
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
  /** Postings Ozon sent in a shape the add-on cannot read, set aside (the rest of the page landed). */
  rejected?: RejectedItem[];
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

/** The bodies of one /v3/posting/fbo/list round: the next page of each active window, by since/to. */
export function fboRoundBodies(windows: readonly WindowCursor[], active: readonly number[], limit = 100) {
  return active.map((idx) => {
    const w = windows[idx];
    return compact({
      filter: { since: w.from, to: w.to },
      limit,
      sort_dir: 'ASC',
      cursor: w.cursor || undefined,
      with: { analytics_data: true, financial_data: true },
    });
  });
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
      const active = activeWindowIndexes(windows, query.parallel);
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
      return advanceWindows(windows, active, answers, (p: FbsPosting, w, isLast) =>
        query.by === 'created'
          ? inWindow(p.in_process_at, w, isLast)
          : inWindow(p.last_changed_status_date, w, isLast),
      );
    },

    /** Same as fbsListRound for /v3/posting/fbo/list (cursor + has_next), by since/to. */
    fboListRound(windows: readonly WindowCursor[], query: FboListQuery = {}): RoundResult<FboPosting> {
      const active = activeWindowIndexes(windows, query.parallel);
      const bodies = fboRoundBodies(windows, active, clampLimit(query.limit, 100));
      const answers = api.callMany(EP.fboList, bodies, fboListAnswer);
      return advanceWindows(windows, active, answers, (p: FboPosting, w, isLast) =>
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
