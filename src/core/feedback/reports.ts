// What the reports take from the feedback tabs: the seller rating block of the Dashboard, the
// content rating and buyers' average score per offer for Products, and the counts of reviews and
// questions still waiting for the nightly summary. Read from the tabs the feedback sync keeps, so a
// report build makes no Ozon call; a shop without those tabs simply gets no feedback figures.
import { num, sourceTable, text, type ReadTab, type SourceTable } from '../reports/source';
import type { TableSpec } from '../table/spec';
import { errorIndexSpec, productRatingsSpec, questionsSpec, reviewsSpec, sellerRatingSpec } from './tables';

/** The feedback tabs a report build reads (each optional). */
export const FEEDBACK_SOURCE_SPECS: readonly TableSpec[] = [
  reviewsSpec,
  questionsSpec,
  sellerRatingSpec,
  errorIndexSpec,
  productRatingsSpec,
];

export interface RatingLine {
  /** Ozon's code (the tab's hidden Rating code): the Dashboard words it in its own language. */
  code: string;
  /** As the tab holds it: Ozon's own name where the add-on has no words for the code. */
  name: string;
  value: number | null;
  pastValue: number | null;
  status: string;
  statusCode: string;
}

export interface OfferRating {
  contentRating: number | null;
  reviewScore: number | null;
  reviews: number;
}

export interface FeedbackReport {
  ratings: RatingLine[];
  errorPostings: number;
  byOffer: Map<string, OfferRating>;
  unprocessedReviews: number;
  openQuestions: number;
}

export function readFeedback(tabs: ReadonlyMap<string, ReadTab>): FeedbackReport | null {
  const table = (spec: TableSpec): SourceTable | null => sourceTable(spec, tabs.get(spec.tab));
  const reviews = table(reviewsSpec);
  const questions = table(questionsSpec);
  const rating = table(sellerRatingSpec);
  const errors = table(errorIndexSpec);
  const products = table(productRatingsSpec);
  if (!reviews && !questions && !rating && !products) return null;
  const count = (t: SourceTable | null, pred: (code: string) => boolean) => {
    if (!t) return 0;
    const col = t.col.get('status_code');
    return t.rows.filter((r) => pred(text(r, col))).length;
  };
  const byOffer = new Map<string, OfferRating>();
  if (products) {
    const c = (key: string) => products.col.get(key);
    for (const row of products.rows) {
      const offerId = text(row, c('offer_id'));
      if (!offerId) continue;
      const reviewsCount = num(row, c('reviews')) ?? 0;
      const prev = byOffer.get(offerId);
      const score = num(row, c('review_score'));
      // Several SKUs of one offer: content rating of the best-rated, score weighted by reviews.
      const merged: OfferRating = prev
        ? {
            contentRating: Math.max(prev.contentRating ?? 0, num(row, c('content_rating')) ?? 0) || null,
            reviews: prev.reviews + reviewsCount,
            reviewScore:
              prev.reviews + reviewsCount
                ? Math.round(
                    (((prev.reviewScore ?? 0) * prev.reviews + (score ?? 0) * reviewsCount) /
                      (prev.reviews + reviewsCount)) *
                      100,
                  ) / 100
                : null,
          }
        : { contentRating: num(row, c('content_rating')), reviewScore: score, reviews: reviewsCount };
      byOffer.set(offerId, merged);
    }
  }
  const ratings: RatingLine[] = [];
  if (rating) {
    const c = (key: string) => rating.col.get(key);
    for (const row of rating.rows) {
      const name = text(row, c('name'));
      if (!name) continue;
      ratings.push({
        code: text(row, c('rating')),
        name,
        value: num(row, c('value')),
        pastValue: num(row, c('past_value')),
        status: text(row, c('status')),
        statusCode: text(row, c('status_code')),
      });
    }
  }
  return {
    ratings,
    errorPostings: errors ? errors.rows.filter((r) => text(r, errors.col.get('posting_number'))).length : 0,
    byOffer,
    unprocessedReviews: count(reviews, (s) => s === 'UNPROCESSED'),
    openQuestions: count(questions, (s) => s === 'NEW' || s === 'VIEWED'),
  };
}
