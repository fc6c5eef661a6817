// Ozon's buyer-feedback methods: reviews and their comments, product questions and their answers,
// the seller's ratings and the FBS error index.
//
// Which review list: `/v2/review/list`. Ozon's news of 2026-06-11 added it and deprecated
// `/v1/review/list` ("will be switched off: move to /v2/review/list"); the news of 2026-07-08 moved
// both out of beta. The vendored spec (published 2026-04-30) predates v2; Ozon's documentation of v2
// keeps v1's answer (`reviews[]`, `has_next`, `last_id`) and adds `filters` with
// `published_from`/`published_to`, which is what an incremental sync needs (v1 can only page through
// every review ever). `/v1/review/info`, `/v1/review/count` and the comment methods have no successor.
//
// These methods need an Ozon plan: reviews need Review Management or Premium Pro, questions Premium
// Plus. Ozon refuses with 403 "not available with existing subscription", which errors.ts turns into
// OzonSubscriptionError; callers explain it and carry on with everything else.
//
// Actions (comment, answer, status change) are not idempotent at Ozon: they go through a transport
// that never re-sends (one try). When the answer is lost, the caller re-reads the comment or answer
// list to learn what really happened before anything is sent again.
import { z } from 'zod';
import { EP, RETIRED } from './endpoints';
import { nextLastId } from './paging';
import type { TransportOptions } from './transport';
import { productInfoAnswer } from './schemas/catalog';
import { parseAnswer } from './schemas/common';
import {
  answerCreateAnswer,
  answerListAnswer,
  commentCreateAnswer,
  commentListAnswer,
  fbsIndexAnswer,
  fbsIndexPostingsAnswer,
  feedbackEmptyAnswer,
  productRatingAnswer,
  questionCountAnswer,
  questionInfoAnswer,
  questionListAnswer,
  ratingHistoryAnswer,
  ratingSummaryAnswer,
  reviewCountAnswer,
  reviewInfoAnswer,
  reviewListAnswer,
} from './schemas/feedback';
import { Transport } from './transport';

export const FEEDBACK_EP = {
  reviewList: '/v2/review/list',
  reviewInfo: '/v1/review/info',
  reviewCount: '/v1/review/count',
  reviewStatus: '/v1/review/change-status',
  commentCreate: '/v1/review/comment/create',
  commentList: '/v1/review/comment/list',
  questionList: '/v1/question/list',
  questionInfo: '/v1/question/info',
  questionCount: '/v1/question/count',
  questionStatus: '/v1/question/change-status',
  answerCreate: '/v1/question/answer/create',
  answerList: '/v1/question/answer/list',
  productRating: '/v1/product/rating-by-sku',
  ratingSummary: '/v1/rating/summary',
  ratingHistory: '/v1/rating/history',
  fbsIndex: '/v1/rating/index/fbs/info',
  fbsIndexPostings: '/v1/rating/index/fbs/posting/list',
} as const;

/** Review list page size: Ozon accepts 20..100. */
export const REVIEW_PAGE = 100;
/** Question list: up to 100 asked, Ozon answers at most 10 a page. */
export const QUESTION_PAGE = 100;
const COMMENT_PAGE = 100;
const RATING_SKUS_PER_REQUEST = 100;

export type ReviewStatus = 'PROCESSED' | 'UNPROCESSED';
export type QuestionStatus = 'NEW' | 'VIEWED' | 'PROCESSED';

export class FeedbackApi {
  private readonly reads: Transport;
  private readonly actions: Transport;

  constructor(options: TransportOptions) {
    this.reads = new Transport(options);
    // One try: a lost answer is never re-sent blindly (the caller re-reads instead).
    this.actions = new Transport({ ...options, maxTries: 1 });
  }

  get requests(): number {
    return this.reads.stats.requests + this.actions.stats.requests;
  }

  private call<S extends z.ZodType>(path: string, body: unknown, schema: S, action = false): z.output<S> {
    if (RETIRED.has(path)) throw new Error(`${path} is retired by Ozon`);
    const answer = (action ? this.actions : this.reads).one({ path, body });
    return parseAnswer(path, schema, answer.json);
  }

  // ---- Reviews --------------------------------------------------------------------------------

  /** One page of reviews published in [from, to], oldest first. */
  reviewsPage(range: { from: string; to: string }, lastId = '') {
    const a = this.call(
      FEEDBACK_EP.reviewList,
      {
        filters: { published_from: range.from, published_to: range.to },
        limit: REVIEW_PAGE,
        sort_dir: 'ASC',
        ...(lastId ? { last_id: lastId } : {}),
      },
      reviewListAnswer,
    );
    return { items: a.reviews, next: nextLastId(a.last_id, a.reviews.length, REVIEW_PAGE, a.has_next) };
  }

  reviewInfo(reviewId: string) {
    return this.call(FEEDBACK_EP.reviewInfo, { review_id: reviewId }, reviewInfoAnswer);
  }

  reviewCount() {
    return this.call(FEEDBACK_EP.reviewCount, {}, reviewCountAnswer);
  }

  /** Every comment on a review, oldest first. */
  reviewComments(reviewId: string) {
    const out: z.output<typeof commentListAnswer>['comments'] = [];
    for (let offset = 0; offset < 10_000; offset += COMMENT_PAGE) {
      const a = this.call(
        FEEDBACK_EP.commentList,
        { review_id: reviewId, limit: COMMENT_PAGE, offset, sort_dir: 'ASC' },
        commentListAnswer,
      );
      out.push(...a.comments);
      if (a.comments.length < COMMENT_PAGE) break;
    }
    return out;
  }

  /** The first page of comments of several reviews, fetched side by side (one fetchAll). */
  commentsOf(reviewIds: readonly string[]) {
    if (!reviewIds.length) return [];
    return this.reads
      .many(
        reviewIds.map((review_id) => ({
          path: FEEDBACK_EP.commentList,
          body: { review_id, limit: COMMENT_PAGE, offset: 0, sort_dir: 'ASC' },
        })),
      )
      .map((a) => parseAnswer(FEEDBACK_EP.commentList, commentListAnswer, a.json).comments);
  }

  /** Sends a reply once (never re-sent by the transport). */
  createComment(reviewId: string, text: string, markProcessed: boolean): string {
    const a = this.call(
      FEEDBACK_EP.commentCreate,
      { review_id: reviewId, text, mark_review_as_processed: markProcessed },
      commentCreateAnswer,
      true,
    );
    return a.comment_id ?? '';
  }

  setReviewStatus(reviewIds: readonly string[], status: ReviewStatus): void {
    this.call(FEEDBACK_EP.reviewStatus, { review_ids: [...reviewIds], status }, feedbackEmptyAnswer, true);
  }

  // ---- Questions ------------------------------------------------------------------------------

  /** One page of questions published in [from, to], oldest first. */
  questionsPage(range: { from: string; to: string }, lastId = '') {
    const a = this.call(
      FEEDBACK_EP.questionList,
      {
        filter: { date_from: range.from, date_to: range.to, status: 'ALL' },
        limit: QUESTION_PAGE,
        sort_dir: 'ASC',
        ...(lastId ? { last_id: lastId } : {}),
      },
      questionListAnswer,
    );
    // Ozon pages hold at most 10 questions whatever the limit: has_next decides, not the page size.
    const more = a.has_next === true || (a.has_next === undefined && a.questions.length > 0);
    return { items: a.questions, next: more && a.last_id ? a.last_id : null };
  }

  questionInfo(questionId: string) {
    return this.call(FEEDBACK_EP.questionInfo, { question_id: questionId }, questionInfoAnswer);
  }

  questionCount() {
    return this.call(FEEDBACK_EP.questionCount, {}, questionCountAnswer);
  }

  /** Every answer to a question. */
  questionAnswers(questionId: string, sku: string) {
    const out: z.output<typeof answerListAnswer>['answers'] = [];
    let lastId = '';
    for (let page = 0; page < 100; page++) {
      const a = this.call(
        FEEDBACK_EP.answerList,
        { question_id: questionId, sku: Number(sku), ...(lastId ? { last_id: lastId } : {}) },
        answerListAnswer,
      );
      out.push(...a.answers);
      if (!a.answers.length || !a.last_id || a.last_id === lastId) break;
      lastId = a.last_id;
    }
    return out;
  }

  /** The first page of answers of several questions, fetched side by side (one fetchAll). */
  answersOf(questions: readonly { id: string; sku: string }[]) {
    if (!questions.length) return [];
    return this.reads
      .many(
        questions.map((q) => ({
          path: FEEDBACK_EP.answerList,
          body: { question_id: q.id, sku: Number(q.sku) },
        })),
      )
      .map((a) => parseAnswer(FEEDBACK_EP.answerList, answerListAnswer, a.json).answers);
  }

  /** Offer ids and names of SKUs (the review and question lists carry only the SKU). */
  productNames(skus: readonly string[]): Map<string, { offerId: string; name: string }> {
    const out = new Map<string, { offerId: string; name: string }>();
    for (let k = 0; k < skus.length; k += 1000) {
      const a = this.call(EP.productInfo, { sku: skus.slice(k, k + 1000) }, productInfoAnswer);
      for (const item of a.items) {
        const entry = { offerId: item.offer_id, name: item.name ?? '' };
        if (item.sku) out.set(String(item.sku), entry);
        for (const source of item.sources) if (source.sku) out.set(String(source.sku), entry);
      }
    }
    return out;
  }

  /** Sends an answer once (never re-sent by the transport). */
  createAnswer(questionId: string, sku: string, text: string): string {
    const a = this.call(
      FEEDBACK_EP.answerCreate,
      { question_id: questionId, sku: Number(sku), text },
      answerCreateAnswer,
      true,
    );
    return a.answer_id ?? '';
  }

  setQuestionStatus(questionIds: readonly string[], status: QuestionStatus): void {
    this.call(
      FEEDBACK_EP.questionStatus,
      { question_ids: [...questionIds], status },
      feedbackEmptyAnswer,
      true,
    );
  }

  // ---- Ratings --------------------------------------------------------------------------------

  /** Content rating (0–100) per SKU. */
  productRatings(skus: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (let k = 0; k < skus.length; k += RATING_SKUS_PER_REQUEST) {
      const a = this.call(
        FEEDBACK_EP.productRating,
        { skus: skus.slice(k, k + RATING_SKUS_PER_REQUEST) },
        productRatingAnswer,
      );
      for (const p of a.products) if (p.rating !== undefined) out.set(p.sku, p.rating);
    }
    return out;
  }

  ratingSummary() {
    return this.call(FEEDBACK_EP.ratingSummary, {}, ratingSummaryAnswer);
  }

  ratingHistory(ratings: readonly string[], from: string, to: string) {
    return this.call(
      FEEDBACK_EP.ratingHistory,
      { ratings: [...ratings], date_from: from, date_to: to, with_premium_scores: false },
      ratingHistoryAnswer,
    );
  }

  fbsIndex() {
    return this.call(FEEDBACK_EP.fbsIndex, {}, fbsIndexAnswer);
  }

  /** One page of the postings that counted against the FBS error index in [from, to]. */
  fbsIndexPostingsPage(range: { from: string; to: string }, cursor = '') {
    const a = this.call(
      FEEDBACK_EP.fbsIndexPostings,
      { filter: { date_from: range.from, date_to: range.to }, limit: 1000, ...(cursor ? { cursor } : {}) },
      fbsIndexPostingsAnswer,
    );
    return { items: a.errors, next: a.has_next && a.cursor ? a.cursor : null };
  }
}
