// What the feedback sidebar does: the review and question queues from the tabs, a review's or
// question's thread from Ozon, replies and answers, processed marks.
//
// Ozon's actions are not idempotent: a reply sent twice shows twice under the review. So before
// sending, the comment (answer) list is read again and a reply with the same text already there is
// not sent again; the action itself is sent once (no transport retry); and when Ozon's answer is
// lost, the list is read again to learn whether the reply landed before telling the seller anything.
import { tryDocumentLock } from '../adapters/lock';
import { documentStore, readJson } from '../adapters/properties';
import { activeRow } from '../adapters/selection';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import {
  clip,
  questionsSpec,
  questionStatusText,
  reviewsSpec,
  reviewStatusText,
} from '../core/feedback/tables';
import { t, type Lang } from '../core/i18n/messages';
import { prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { cachedOffset, fromSerial, isoToSerial } from '../core/time/serial';
import { OzonError, OzonRoleError, OzonSubscriptionError } from '../ozon/errors';
import type { FeedbackApi } from '../ozon/feedback';
import type {
  AnswerQuestionValue,
  FeedbackContextView,
  MarkQuestionValue,
  MarkReviewValue,
  QuestionCard,
  QuestionDetailView,
  QuestionValue,
  ReplyReviewValue,
  ReviewCard,
  ReviewDetailView,
  ReviewValue,
  ThreadEntry,
} from '../shared/feedback-schema';
import { landRows } from '../core/table/land';
import { feedbackApiFor } from './ozon';
import { FEEDBACK_JOB_KEY, FEEDBACK_MARK_KEY, refusalText, type FeedbackJob, type Part } from './sync';

const OZON_BUDGET_MS = 60_000;
const LOCK_WAIT_MS = 10_000;
const QUEUE = 50;

function api(ctx: AppContext): FeedbackApi {
  return feedbackApiFor(ctx.user, Date.now() + OZON_BUDGET_MS);
}

function withLock<T>(fn: () => T): T {
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) throw new AppError('feedback.locked', 'service.sync.locked');
  try {
    return fn();
  } finally {
    lock.release();
  }
}

/** The one reader and writer rows land through (found again by key around each write). */
const sheets = { readTabs: (specs: readonly TableSpec[]) => readTabs(specs), write: writeRequests };

function prepared(spec: TableSpec): PreparedTab {
  return prepareTab(readTabs([spec]).get(spec.tab) as TabSnapshot);
}

interface Record_ {
  row: number;
  get(key: string): unknown;
}

function records(tab: PreparedTab): Record_[] {
  if (!tab.snapshot.exists) return [];
  return tab.snapshot.values.slice(1).map((values, i) => ({
    row: i + 2,
    get: (key: string) => {
      const col = tab.positions.get(key);
      return col === undefined ? undefined : values[col];
    },
  }));
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function isoOf(serial: unknown, toMs: (serial: number) => number): string {
  return typeof serial === 'number' ? new Date(toMs(serial)).toISOString() : '';
}

// A card's status is said from its code in the seller's language now: the tab's status words are
// the language of the sync that wrote the row.
function reviewCard(r: { get(key: string): unknown }, toMs: (s: number) => number, lang: Lang): ReviewCard {
  return {
    id: text(r.get('review_id')),
    rating: Number(r.get('rating')) || 0,
    publishedAt: isoOf(r.get('published_at'), toMs),
    offerId: text(r.get('offer_id')),
    product: text(r.get('product')),
    text: text(r.get('text')),
    status: text(r.get('status_code'))
      ? reviewStatusText(lang, text(r.get('status_code')))
      : text(r.get('status')),
    statusCode: text(r.get('status_code')),
    photos: Number(r.get('photos')) || 0,
    videos: Number(r.get('videos')) || 0,
    reply: text(r.get('reply')),
  };
}

function questionCard(
  q: { get(key: string): unknown },
  toMs: (s: number) => number,
  lang: Lang,
): QuestionCard {
  return {
    id: text(q.get('question_id')),
    sku: text(q.get('sku')),
    publishedAt: isoOf(q.get('published_at'), toMs),
    offerId: text(q.get('offer_id')),
    product: text(q.get('product')),
    text: text(q.get('text')),
    author: text(q.get('author')),
    status: text(q.get('status_code'))
      ? questionStatusText(lang, text(q.get('status_code')))
      : text(q.get('status')),
    statusCode: text(q.get('status_code')),
    answer: text(q.get('answer')),
    link: text(q.get('link')),
  };
}

function toMsFn() {
  const offset = cachedOffset(spreadsheetOffset());
  return { offset, toMs: (serial: number) => fromSerial(serial, offset) };
}

/** The last sync's refusals, in the seller's language. */
function notices(ctx: AppContext): string[] {
  const store = documentStore();
  const job =
    readJson<FeedbackJob>(store, FEEDBACK_JOB_KEY) ??
    readJson<{ refused?: FeedbackJob['refused'] }>(store, FEEDBACK_MARK_KEY);
  const refused = job?.refused ?? {};
  return (Object.entries(refused) as [Part, 'subscription' | 'role'][]).map(([part, why]) =>
    refusalText(ctx.lang, part, why),
  );
}

export function feedbackContext(ctx: AppContext): FeedbackContextView {
  const snapshots = readTabs([reviewsSpec, questionsSpec]);
  const reviewsTab = prepareTab(snapshots.get(reviewsSpec.tab) as TabSnapshot);
  const questionsTab = prepareTab(snapshots.get(questionsSpec.tab) as TabSnapshot);
  const { toMs } = toMsFn();
  const reviews = records(reviewsTab);
  const questions = records(questionsTab);
  let selected: FeedbackContextView['selected'] = null;
  const active = activeRow();
  if (active && active.row >= 2) {
    if (active.tab === reviewsSpec.tab) {
      const id = text(reviews.find((r) => r.row === active.row)?.get('review_id'));
      if (id) selected = { kind: 'review', id };
    } else if (active.tab === questionsSpec.tab) {
      const id = text(questions.find((q) => q.row === active.row)?.get('question_id'));
      if (id) selected = { kind: 'question', id };
    }
  }
  const newestFirst = (a: Record_, b: Record_) =>
    Number(b.get('published_at') ?? 0) - Number(a.get('published_at') ?? 0);
  const open = reviews.filter((r) => r.get('status_code') === 'UNPROCESSED');
  const openQuestions = questions.filter(
    (q) => q.get('status_code') === 'NEW' || q.get('status_code') === 'VIEWED',
  );
  // Worst first: a 1-star review waits less than a 5-star one.
  const queue = [...open].sort(
    (a, b) => Number(a.get('rating') ?? 5) - Number(b.get('rating') ?? 5) || newestFirst(a, b),
  );
  const pick = (list: Record_[], id: string | undefined, key: string) => {
    const chosen = id ? list.filter((r) => text(r.get(key)) === id) : [];
    return chosen;
  };
  const selectedReview = selected?.kind === 'review' ? pick(reviews, selected.id, 'review_id') : [];
  const selectedQuestion = selected?.kind === 'question' ? pick(questions, selected.id, 'question_id') : [];
  const uniq = (list: Record_[], key: string) => {
    const seen = new Set<string>();
    return list.filter((r) => {
      const id = text(r.get(key));
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  };
  return {
    selected,
    reviews: uniq([...selectedReview, ...queue], 'review_id')
      .slice(0, QUEUE)
      .map((r) => reviewCard(r, toMs, ctx.lang)),
    questions: uniq([...selectedQuestion, ...openQuestions.sort(newestFirst)], 'question_id')
      .slice(0, QUEUE)
      .map((q) => questionCard(q, toMs, ctx.lang)),
    unprocessedReviews: open.length,
    openQuestions: openQuestions.length,
    notices: notices(ctx),
  };
}

// ---- Errors the seller can act on ------------------------------------------------------------

function explained<T>(part: Part, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof OzonSubscriptionError)
      throw new AppError(`feedback.${part}.subscription`, `feedback.refused.${part}.subscription`);
    if (error instanceof OzonRoleError)
      throw new AppError(`feedback.${part}.role`, `feedback.refused.${part}.role`);
    throw error;
  }
}

const same = (a: string | null | undefined, b: string) => (a ?? '').trim() === b.trim();

// ---- Reviews ---------------------------------------------------------------------------------

function thread(
  comments: { id: string; text?: string | null; published_at?: string | null; is_owner?: boolean | null }[],
): ThreadEntry[] {
  return comments.map((c) => ({
    id: c.id,
    at: c.published_at ?? '',
    text: c.text ?? '',
    mine: c.is_owner === true,
  }));
}

/** Updates the review's row (when the sheet has it) with what Ozon now says. */
function landReview(id: string, values: RowValues, lang: Lang): ReviewCard | null {
  return withLock(() => {
    const tab = prepared(reviewsSpec);
    const found = records(tab).find((r) => text(r.get('review_id')) === id);
    if (!found || tab.setup.length) return null;
    landRows(sheets, reviewsSpec, [{ review_id: id, ...values }], new Map([[reviewsSpec.tab, tab.snapshot]]));
    const { toMs } = toMsFn();
    return reviewCard({ get: (key) => (key in values ? values[key] : found.get(key)) }, toMs, lang);
  });
}

function reviewValues(
  ctx: AppContext,
  info: ReturnType<FeedbackApi['reviewInfo']>,
  comments: ThreadEntry[],
): RowValues {
  const offset = cachedOffset(spreadsheetOffset());
  const status = (info.status ?? '').toUpperCase();
  const mine = [...comments].reverse().find((c) => c.mine);
  return {
    status: reviewStatusText(ctx.lang, status),
    status_code: status,
    comments: comments.length,
    ...(mine ? { reply: clip(mine.text), replied_at: isoToSerial(mine.at, offset) } : {}),
  };
}

function reviewDetail(ctx: AppContext, ozon: FeedbackApi, id: string, message?: string): ReviewDetailView {
  const info = ozon.reviewInfo(id);
  const comments = thread(ozon.reviewComments(id));
  const landed = landReview(id, reviewValues(ctx, info, comments), ctx.lang);
  const { toMs } = toMsFn();
  const status = (info.status ?? '').toUpperCase();
  const review: ReviewCard = landed ?? {
    id,
    rating: info.rating ?? 0,
    publishedAt: info.published_at ?? '',
    offerId: '',
    product: '',
    text: info.text ?? '',
    status: reviewStatusText(ctx.lang, status),
    statusCode: status,
    photos: info.photos_amount ?? 0,
    videos: info.videos_amount ?? 0,
    reply: [...comments].reverse().find((c) => c.mine)?.text ?? '',
  };
  void toMs;
  return {
    review: { ...review, text: info.text ?? review.text, rating: info.rating ?? review.rating },
    comments,
    photoUrls: info.photos.map((p) => p.url ?? '').filter((u) => /^https:\/\//.test(u)),
    ...(message ? { message } : {}),
  };
}

export function getReview(ctx: AppContext, input: ReviewValue): ReviewDetailView {
  return explained('reviews', () => reviewDetail(ctx, api(ctx), input.reviewId));
}

export function replyToReview(ctx: AppContext, input: ReplyReviewValue): ReviewDetailView {
  return explained('reviews', () => {
    const ozon = api(ctx);
    // Already there (sent earlier, its answer lost, or sent from Ozon's cabinet): never again.
    if (ozon.reviewComments(input.reviewId).some((c) => c.is_owner === true && same(c.text, input.text)))
      return reviewDetail(ctx, ozon, input.reviewId, t(ctx.lang, 'feedback.reply.already'));
    try {
      ozon.createComment(input.reviewId, input.text, input.markProcessed);
    } catch (error) {
      if (error instanceof OzonSubscriptionError || error instanceof OzonRoleError) throw error;
      // The answer is unclear: what Ozon has is the truth.
      const landed = ozon
        .reviewComments(input.reviewId)
        .some((c) => c.is_owner === true && same(c.text, input.text));
      if (!landed) {
        if (
          error instanceof OzonError &&
          error.httpStatus !== undefined &&
          error.httpStatus >= 400 &&
          error.httpStatus < 500 &&
          error.httpStatus !== 429
        )
          throw error;
        throw new AppError('feedback.notConfirmed', 'feedback.reply.notConfirmed', {}, 'text');
      }
      return reviewDetail(ctx, ozon, input.reviewId, t(ctx.lang, 'feedback.reply.confirmed'));
    }
    return reviewDetail(ctx, ozon, input.reviewId, t(ctx.lang, 'feedback.reply.sent'));
  });
}

export function markReview(ctx: AppContext, input: MarkReviewValue): ReviewDetailView {
  return explained('reviews', () => {
    const ozon = api(ctx);
    const status = input.processed ? 'PROCESSED' : 'UNPROCESSED';
    try {
      ozon.setReviewStatus([input.reviewId], status);
    } catch (error) {
      if (error instanceof OzonSubscriptionError || error instanceof OzonRoleError) throw error;
      // Setting a status twice is harmless, but the seller is told only what Ozon confirms.
      if ((ozon.reviewInfo(input.reviewId).status ?? '').toUpperCase() !== status) throw error;
    }
    const view = reviewDetail(ctx, ozon, input.reviewId);
    const confirmed = view.review.statusCode === status;
    return {
      ...view,
      message: confirmed
        ? t(ctx.lang, input.processed ? 'feedback.marked.processed' : 'feedback.marked.unprocessed')
        : t(ctx.lang, 'error.service.notConfirmed'),
    };
  });
}

// ---- Questions -------------------------------------------------------------------------------

function landQuestion(id: string, values: RowValues, lang: Lang): QuestionCard | null {
  return withLock(() => {
    const tab = prepared(questionsSpec);
    const found = records(tab).find((q) => text(q.get('question_id')) === id);
    if (!found || tab.setup.length) return null;
    landRows(
      sheets,
      questionsSpec,
      [{ question_id: id, ...values }],
      new Map([[questionsSpec.tab, tab.snapshot]]),
    );
    const { toMs } = toMsFn();
    return questionCard({ get: (key) => (key in values ? values[key] : found.get(key)) }, toMs, lang);
  });
}

function questionDetail(
  ctx: AppContext,
  ozon: FeedbackApi,
  id: string,
  message?: string,
): QuestionDetailView {
  const info = ozon.questionInfo(id);
  const sku = info.sku ?? '';
  const answers: ThreadEntry[] = ozon.questionAnswers(id, sku).map((a) => ({
    id: a.id,
    at: a.published_at ?? '',
    text: a.text ?? '',
    mine: true,
  }));
  const offset = cachedOffset(spreadsheetOffset());
  const status = (info.status ?? '').toUpperCase();
  const last = answers[answers.length - 1];
  const values: RowValues = {
    status: questionStatusText(ctx.lang, status),
    status_code: status,
    answers: answers.length,
    ...(last ? { answer: clip(last.text), answered_at: isoToSerial(last.at, offset) } : {}),
  };
  const landed = landQuestion(id, values, ctx.lang);
  const question: QuestionCard = landed ?? {
    id,
    sku,
    publishedAt: info.published_at ?? '',
    offerId: '',
    product: '',
    text: info.text ?? '',
    author: info.author_name ?? '',
    status: questionStatusText(ctx.lang, status),
    statusCode: status,
    answer: last?.text ?? '',
    link: info.question_link ?? '',
  };
  return { question: { ...question, sku }, answers, ...(message ? { message } : {}) };
}

export function getQuestion(ctx: AppContext, input: QuestionValue): QuestionDetailView {
  return explained('questions', () => questionDetail(ctx, api(ctx), input.questionId));
}

export function answerQuestion(ctx: AppContext, input: AnswerQuestionValue): QuestionDetailView {
  return explained('questions', () => {
    const ozon = api(ctx);
    const sku = ozon.questionInfo(input.questionId).sku ?? '';
    if (ozon.questionAnswers(input.questionId, sku).some((a) => same(a.text, input.text)))
      return questionDetail(ctx, ozon, input.questionId, t(ctx.lang, 'feedback.answer.already'));
    try {
      ozon.createAnswer(input.questionId, sku, input.text);
    } catch (error) {
      if (error instanceof OzonSubscriptionError || error instanceof OzonRoleError) throw error;
      const landed = ozon.questionAnswers(input.questionId, sku).some((a) => same(a.text, input.text));
      if (!landed) {
        if (
          error instanceof OzonError &&
          error.httpStatus !== undefined &&
          error.httpStatus >= 400 &&
          error.httpStatus < 500 &&
          error.httpStatus !== 429
        )
          throw error;
        throw new AppError('feedback.notConfirmed', 'feedback.answer.notConfirmed', {}, 'text');
      }
      return questionDetail(ctx, ozon, input.questionId, t(ctx.lang, 'feedback.answer.confirmed'));
    }
    return questionDetail(ctx, ozon, input.questionId, t(ctx.lang, 'feedback.answer.sent'));
  });
}

export function markQuestion(ctx: AppContext, input: MarkQuestionValue): QuestionDetailView {
  return explained('questions', () => {
    const ozon = api(ctx);
    try {
      ozon.setQuestionStatus([input.questionId], input.status);
    } catch (error) {
      if (error instanceof OzonSubscriptionError || error instanceof OzonRoleError) throw error;
      if ((ozon.questionInfo(input.questionId).status ?? '').toUpperCase() !== input.status) throw error;
    }
    const view = questionDetail(ctx, ozon, input.questionId);
    return {
      ...view,
      message:
        view.question.statusCode === input.status
          ? t(ctx.lang, 'feedback.marked.question', { status: view.question.status })
          : t(ctx.lang, 'error.service.notConfirmed'),
    };
  });
}
