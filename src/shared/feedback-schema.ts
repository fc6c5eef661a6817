// Inputs of the buyer-feedback sidebar calls (checked in the sidebar before sending and by the
// server on receipt; messages are i18n keys) and the shapes the server answers with.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

const opaqueId = (message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,64}$/, message);

const text = (min: number, max: number, message: string) =>
  z.string({ message }).trim().min(min, message).max(max, message);

export const ReviewInput = lazySchema(() => z.object({ reviewId: opaqueId('error.feedback.reviewId') }));
export type ReviewInput = z.input<typeof ReviewInput>;
export type ReviewValue = z.output<typeof ReviewInput>;

export const ReplyReviewInput = lazySchema(() =>
  z.object({
    reviewId: opaqueId('error.feedback.reviewId'),
    text: text(1, 3000, 'error.feedback.replyText'),
    markProcessed: z.boolean({ message: 'error.feedback.markProcessed' }).default(true),
  }),
);
export type ReplyReviewInput = z.input<typeof ReplyReviewInput>;
export type ReplyReviewValue = z.output<typeof ReplyReviewInput>;

export const MarkReviewInput = lazySchema(() =>
  z.object({
    reviewId: opaqueId('error.feedback.reviewId'),
    processed: z.boolean({ message: 'error.feedback.markProcessed' }),
  }),
);
export type MarkReviewInput = z.input<typeof MarkReviewInput>;
export type MarkReviewValue = z.output<typeof MarkReviewInput>;

export const QuestionInput = lazySchema(() =>
  z.object({ questionId: opaqueId('error.feedback.questionId') }),
);
export type QuestionInput = z.input<typeof QuestionInput>;
export type QuestionValue = z.output<typeof QuestionInput>;

export const AnswerQuestionInput = lazySchema(() =>
  z.object({
    questionId: opaqueId('error.feedback.questionId'),
    text: text(2, 3000, 'error.feedback.answerText'),
  }),
);
export type AnswerQuestionInput = z.input<typeof AnswerQuestionInput>;
export type AnswerQuestionValue = z.output<typeof AnswerQuestionInput>;

export const MarkQuestionInput = lazySchema(() =>
  z.object({
    questionId: opaqueId('error.feedback.questionId'),
    status: z.enum(['VIEWED', 'PROCESSED'], { message: 'error.feedback.questionStatus' }),
  }),
);
export type MarkQuestionInput = z.input<typeof MarkQuestionInput>;
export type MarkQuestionValue = z.output<typeof MarkQuestionInput>;

export interface FeedbackSyncSummary {
  result: 'done' | 'partial' | 'failed' | 'locked';
  message: string;
  notes: string[];
  fetched: number;
  added: number;
  updated: number;
  negative: number;
}

/** A review as the sidebar lists it (from the Reviews tab; buyer text is shown as text only). */
export interface ReviewCard {
  id: string;
  rating: number;
  publishedAt: string;
  offerId: string;
  product: string;
  text: string;
  status: string;
  statusCode: string;
  photos: number;
  videos: number;
  reply: string;
}

export interface QuestionCard {
  id: string;
  sku: string;
  publishedAt: string;
  offerId: string;
  product: string;
  text: string;
  author: string;
  status: string;
  statusCode: string;
  answer: string;
  link: string;
}

export interface FeedbackContextView {
  /** The review or question on the selected row of the Reviews / Questions tab. */
  selected: { kind: 'review'; id: string } | { kind: 'question'; id: string } | null;
  reviews: ReviewCard[];
  questions: QuestionCard[];
  unprocessedReviews: number;
  openQuestions: number;
  /** Plain notes: which parts Ozon's plan or the key refused at the last sync. */
  notices: string[];
}

export interface ThreadEntry {
  id: string;
  at: string;
  text: string;
  mine: boolean;
}

export interface ReviewDetailView {
  review: ReviewCard;
  comments: ThreadEntry[];
  photoUrls: string[];
  message?: string;
}

export interface QuestionDetailView {
  question: QuestionCard;
  answers: ThreadEntry[];
  message?: string;
}
