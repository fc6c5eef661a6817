// The buyer-feedback tabs: Reviews, Questions, Seller rating, Error index and Product ratings, and how
// Ozon's records fill them. Buyers' texts land as literal strings (the table machinery writes
// stringValue), never as formulas; long texts are cut to stay readable and within a cell.
import type { z } from 'zod';
import type { fbsIndexPostingsAnswer, QuestionItem, ReviewItem } from '../../ozon/schemas/feedback';
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { ratingGroupText, ratingNameText } from '../i18n/ozon-names';
import type { RowValues, TableSpec } from '../table/spec';
import { isoToSerial, toSerial, type OffsetMinutes } from '../time/serial';

export const REVIEWS_TAB = 'Reviews';
export const QUESTIONS_TAB = 'Questions';
export const SELLER_RATING_TAB = 'Seller rating';
export const ERROR_INDEX_TAB = 'Error index';
export const PRODUCT_RATINGS_TAB = 'Product ratings';

/** 1–3 stars: a review the seller should look at first. */
export const NEGATIVE_MAX = 3;

export const reviewsSpec: TableSpec = {
  tab: REVIEWS_TAB,
  key: 'review_id',
  columns: [
    { key: 'published_at', header: 'Published', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'rating', header: 'Rating', kind: 'int', role: 'sync', width: 60 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 110 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'product', header: 'Product name', kind: 'text', role: 'sync', width: 200 },
    { key: 'text', header: 'Review', kind: 'text', role: 'sync', width: 320 },
    { key: 'photos', header: 'Photos', kind: 'int', role: 'sync', width: 60 },
    { key: 'videos', header: 'Videos', kind: 'int', role: 'sync', width: 60 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 110 },
    { key: 'comments', header: 'Comments', kind: 'int', role: 'sync', width: 80 },
    { key: 'reply', header: 'Our reply', kind: 'text', role: 'sync', width: 260 },
    { key: 'replied_at', header: 'Replied at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'order_status', header: 'Order status', kind: 'text', role: 'sync', width: 100 },
    { key: 'review_id', header: 'Review ID', kind: 'id', role: 'sync', width: 150 },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 100, hidden: true },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export const questionsSpec: TableSpec = {
  tab: QUESTIONS_TAB,
  key: 'question_id',
  columns: [
    { key: 'published_at', header: 'Asked', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 110 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'product', header: 'Product name', kind: 'text', role: 'sync', width: 200 },
    { key: 'text', header: 'Question', kind: 'text', role: 'sync', width: 320 },
    { key: 'author', header: 'Buyer', kind: 'text', role: 'sync', width: 110 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 100 },
    { key: 'answers', header: 'Answers', kind: 'int', role: 'sync', width: 70 },
    { key: 'answer', header: 'Our answer', kind: 'text', role: 'sync', width: 260 },
    { key: 'answered_at', header: 'Answered at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'link', header: 'Question link', kind: 'text', role: 'sync', width: 200 },
    { key: 'question_id', header: 'Question ID', kind: 'id', role: 'sync', width: 150 },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 90, hidden: true },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export const sellerRatingSpec: TableSpec = {
  tab: SELLER_RATING_TAB,
  key: 'rating',
  columns: [
    { key: 'group', header: 'Group', kind: 'text', role: 'sync', width: 120 },
    { key: 'name', header: 'Rating', kind: 'text', role: 'sync', width: 240 },
    { key: 'value', header: 'Current value', kind: 'number', role: 'sync', width: 100 },
    { key: 'past_value', header: 'Previous value', kind: 'number', role: 'sync', width: 100 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 100 },
    { key: 'better', header: 'Better when', kind: 'text', role: 'sync', width: 100 },
    { key: 'warning', header: 'Warning at', kind: 'number', role: 'sync', width: 90 },
    { key: 'danger', header: 'Critical at', kind: 'number', role: 'sync', width: 90 },
    { key: 'updated_at', header: 'Updated', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'rating', header: 'Rating code', kind: 'id', role: 'sync', width: 180, hidden: true },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 90, hidden: true },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export const errorIndexSpec: TableSpec = {
  tab: ERROR_INDEX_TAB,
  key: 'row_key',
  columns: [
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'error', header: 'Error', kind: 'text', role: 'sync', width: 160 },
    { key: 'error_at', header: 'When', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'schema', header: 'Schema', kind: 'text', role: 'sync', width: 60 },
    { key: 'product_price', header: 'Product price', kind: 'money', role: 'sync', width: 100 },
    { key: 'charge', header: 'Charge', kind: 'money', role: 'sync', width: 90 },
    { key: 'charge_percent', header: 'Charge, %', kind: 'percent', role: 'sync', width: 70 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'grace', header: 'Grace period', kind: 'text', role: 'sync', width: 90 },
    { key: 'row_key', header: 'Row key', kind: 'id', role: 'sync', width: 150, hidden: true },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export const productRatingsSpec: TableSpec = {
  tab: PRODUCT_RATINGS_TAB,
  key: 'sku',
  columns: [
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 110 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'product', header: 'Product name', kind: 'text', role: 'sync', width: 220 },
    { key: 'content_rating', header: 'Content rating', kind: 'number', role: 'sync', width: 100 },
    { key: 'reviews', header: 'Reviews', kind: 'int', role: 'sync', width: 70 },
    { key: 'review_score', header: 'Average review', kind: 'number', role: 'sync', width: 100 },
    { key: 'negative', header: 'Reviews of 1–3 stars', kind: 'int', role: 'sync', width: 110 },
    { key: 'unprocessed', header: 'Reviews to process', kind: 'int', role: 'sync', width: 110 },
    { key: 'open_questions', header: 'Open questions', kind: 'int', role: 'sync', width: 100 },
    { key: 'updated_at', header: 'Updated', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export interface RowContext {
  lang: Lang;
  offset: OffsetMinutes;
}

/** Cut long buyer texts: a cell holds 50,000 characters, a row should stay readable. */
export function clip(text: string | null | undefined, max = 2000): string {
  const value = text ?? '';
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function word(lang: Lang, key: string, fallback: string): string {
  const text = t(lang, key as MessageKey);
  return text === key ? fallback : text;
}

export const reviewStatusText = (lang: Lang, code: string) => word(lang, `feedback.review.${code}`, code);
export const questionStatusText = (lang: Lang, code: string) => word(lang, `feedback.question.${code}`, code);

export interface ProductName {
  offerId: string;
  name: string;
}

export function reviewRow(r: ReviewItem, ctx: RowContext, product: ProductName | undefined): RowValues {
  const status = (r.status ?? '').toUpperCase();
  const row: RowValues = {
    review_id: r.id,
    published_at: isoToSerial(r.published_at, ctx.offset),
    rating: r.rating ?? null,
    sku: r.sku ?? '',
    text: clip(r.text),
    photos: r.photos_amount ?? 0,
    videos: r.videos_amount ?? 0,
    status: reviewStatusText(ctx.lang, status),
    status_code: status,
    comments: r.comments_amount ?? 0,
    order_status: word(
      ctx.lang,
      `feedback.order.${(r.order_status ?? '').toUpperCase()}`,
      r.order_status ?? '',
    ),
  };
  if (product) {
    row.offer_id = product.offerId;
    row.product = product.name;
  }
  return row;
}

export function questionRow(q: QuestionItem, ctx: RowContext, product: ProductName | undefined): RowValues {
  const status = (q.status ?? '').toUpperCase();
  const row: RowValues = {
    question_id: q.id,
    published_at: isoToSerial(q.published_at, ctx.offset),
    sku: q.sku ?? '',
    text: clip(q.text),
    author: clip(q.author_name, 100),
    status: questionStatusText(ctx.lang, status),
    status_code: status,
    answers: q.answers_count ?? 0,
    link: q.question_link ?? '',
  };
  if (product) {
    row.offer_id = product.offerId;
    row.product = product.name;
  }
  return row;
}

export interface RatingRecord {
  rating: string;
  group: string;
  name: string;
  value: number | null;
  pastValue: number | null;
  status: string;
  direction: string;
  valueType: string;
  warning: number | null;
  danger: number | null;
}

/** A rating's status in `lang` (the tab's text as written when the code has no words). */
export function ratingStatusText(lang: Lang, code: string, shown = code): string {
  return code ? word(lang, `feedback.rating.${code}`, shown) : shown;
}

/** Which way a rating is better; blank when Ozon does not say. */
export const directionText = (lang: Lang, code: string) =>
  code ? word(lang, `feedback.direction.${code}`, code) : '';

export const errorTypeText = (lang: Lang, code: string) => word(lang, `feedback.error.${code}`, code);

export function ratingRow(r: RatingRecord, ctx: RowContext, now: number): RowValues {
  return {
    rating: r.rating,
    group: ratingGroupText(ctx.lang, r.rating, r.group),
    name: ratingNameText(ctx.lang, r.rating, r.name),
    value: r.value,
    past_value: r.pastValue,
    status: ratingStatusText(ctx.lang, r.status),
    status_code: r.status,
    better: directionText(ctx.lang, r.direction),
    warning: r.warning,
    danger: r.danger,
    updated_at: toSerial(now, ctx.offset),
  };
}

type ErrorItem = z.output<typeof fbsIndexPostingsAnswer>['errors'][number];

export function errorIndexRow(e: ErrorItem, ctx: RowContext): RowValues {
  const type = e.posting_error_type ?? '';
  return {
    row_key: `${e.posting_number}:${type}`,
    posting_number: e.posting_number,
    error: errorTypeText(ctx.lang, type),
    error_at: isoToSerial(e.error_at, ctx.offset),
    schema: e.delivery_schema ?? '',
    product_price: e.product_price ?? null,
    charge: e.charge_price ?? null,
    charge_percent: e.charge_percent ?? null,
    currency: e.charge_price_currency_code || e.product_price_currency_code || '',
    grace: e.has_grace_status ? t(ctx.lang, 'feedback.yes') : '',
  };
}
