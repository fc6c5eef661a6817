// Reviews, product questions and ratings. Review and question ids are opaque strings (UUID-like);
// SKUs come as numbers or quoted numbers and are kept as decimal strings.
import { z } from 'zod';
import { bigId, bool, int, list, looseNum, loose, text } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();
const sku = bigId.nullish();

const review = lazySchema(() =>
  loose({
    id: text,
    sku,
    text: s,
    published_at: s,
    rating: i,
    status: s,
    comments_amount: i,
    photos_amount: i,
    videos_amount: i,
    order_status: s,
    is_rating_participant: bool.nullish(),
  }),
);

export const reviewListAnswer = lazySchema(() =>
  loose({
    reviews: list(review),
    has_next: bool.nullish(),
    last_id: s,
  }),
);

export const reviewInfoAnswer = lazySchema(() =>
  loose({
    id: text,
    sku,
    text: s,
    published_at: s,
    rating: i,
    status: s,
    comments_amount: i,
    photos_amount: i,
    videos_amount: i,
    likes_amount: i,
    dislikes_amount: i,
    order_status: s,
    photos: list(loose({ url: s, width: i, height: i })),
    videos: list(loose({ url: s, preview_url: s, short_video_preview_url: s })),
  }),
);

export const reviewCountAnswer = lazySchema(() => loose({ processed: i, unprocessed: i, total: i }));

export const commentCreateAnswer = lazySchema(() => loose({ comment_id: s }));

export const commentListAnswer = lazySchema(() =>
  loose({
    comments: list(
      loose({
        id: text,
        text: s,
        published_at: s,
        is_official: bool.nullish(),
        is_owner: bool.nullish(),
        parent_comment_id: s,
      }),
    ),
    offset: i,
  }),
);

const question = lazySchema(() =>
  loose({
    id: text,
    sku,
    text: s,
    author_name: s,
    published_at: s,
    status: s,
    answers_count: i,
    product_url: s,
    question_link: s,
  }),
);

export const questionListAnswer = lazySchema(() =>
  loose({
    questions: list(question),
    has_next: bool.nullish(),
    last_id: s,
  }),
);

export const questionInfoAnswer = question;

export const questionCountAnswer = lazySchema(() =>
  loose({
    all: i,
    new: i,
    viewed: i,
    processed: i,
    unprocessed: i,
  }),
);

export const answerCreateAnswer = lazySchema(() => loose({ answer_id: s }));

export const answerListAnswer = lazySchema(() =>
  loose({
    answers: list(
      loose({
        id: text,
        question_id: s,
        sku,
        text: s,
        author_name: s,
        published_at: s,
        status_publication: s,
      }),
    ),
    last_id: s,
  }),
);

export const productRatingAnswer = lazySchema(() =>
  loose({
    products: list(loose({ sku: bigId, rating: looseNum })),
  }),
);

export const ratingSummaryAnswer = lazySchema(() =>
  loose({
    groups: list(
      loose({
        group_name: s,
        items: list(
          loose({
            rating: s,
            name: s,
            current_value: looseNum,
            past_value: looseNum,
            status: s,
            rating_direction: s,
            value_type: s,
          }),
        ),
      }),
    ),
    penalty_score_exceeded: bool.nullish(),
    premium: bool.nullish(),
    premium_plus: bool.nullish(),
  }),
);

export const ratingHistoryAnswer = lazySchema(() =>
  loose({
    ratings: list(
      loose({
        rating: s,
        danger_threshold: looseNum,
        warning_threshold: looseNum,
        premium_threshold: looseNum,
        values: list(loose({ date_from: s, date_to: s, value: looseNum })),
      }),
    ),
  }),
);

export const fbsIndexAnswer = lazySchema(() =>
  loose({
    index: looseNum,
    period_from: s,
    period_to: s,
    processing_costs_sum: looseNum,
    currency_code: s,
  }),
);

export const fbsIndexPostingsAnswer = lazySchema(() =>
  loose({
    errors: list(
      loose({
        posting_number: text,
        posting_error_type: s,
        error_at: s,
        index: looseNum,
        charge_percent: looseNum,
        charge_price: looseNum,
        charge_price_currency_code: s,
        product_price: looseNum,
        product_price_currency_code: s,
        delivery_schema: s,
        has_grace_status: bool.nullish(),
      }),
    ),
    cursor: s,
    has_next: bool.nullish(),
  }),
);

export const feedbackEmptyAnswer = lazySchema(() => z.unknown());

export type ReviewItem = z.output<typeof review>;
export type QuestionItem = z.output<typeof question>;
