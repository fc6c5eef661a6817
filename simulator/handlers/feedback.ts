// Buyer feedback: reviews (v2 list, info, count, comments, status), product questions (list, info,
// count, answers, status), the product content rating, seller ratings and the FBS error index.
// Reviews need Review Management or Premium Pro; questions need Premium Plus (or Pro): otherwise
// Ozon answers 403 "not available with existing subscription".
import { ApiError, badRequest, notFound } from '../errors';
import { feedbackOf, type FeedbackWorld, type Question, type Review } from '../feedback';
import { iso } from '../render';
import {
  checkLimit,
  decodeOffset,
  EMPTY,
  encodeOffset,
  optionalTime,
  parseTime,
  type Ctx,
  type Handler,
} from './common';

const DAY = 86_400_000;

function refuse(): never {
  throw new ApiError(403, 7, 'not available with existing subscription');
}

function reviewsWorld(ctx: Ctx): FeedbackWorld {
  if (ctx.subscription !== 'premium_pro' && ctx.subscription !== 'review_management') refuse();
  return feedbackOf(ctx.shop, ctx.now);
}

function questionsWorld(ctx: Ctx): FeedbackWorld {
  if (ctx.subscription !== 'premium_pro' && ctx.subscription !== 'premium_plus') refuse();
  return feedbackOf(ctx.shop, ctx.now);
}

const reviewJson = (r: Review) => ({
  id: r.id,
  sku: r.sku,
  text: r.text,
  published_at: iso(r.publishedAt),
  rating: r.rating,
  status: r.status,
  comments_amount: r.comments.length,
  photos_amount: r.photos,
  videos_amount: r.videos,
  order_status: r.orderStatus,
  is_rating_participant: r.orderStatus === 'DELIVERED',
});

function review(world: FeedbackWorld, id: unknown): Review {
  const r = world.reviewsById.get(String(id ?? ''));
  if (!r) throw notFound('review not found');
  return r;
}

/** Keyset paging by `last_id` over a filtered list in publication order. */
function pageAfter<T extends { id: string }>(items: T[], lastId: unknown, limit: number) {
  let start = 0;
  if (lastId !== undefined && lastId !== null && lastId !== '') {
    const at = items.findIndex((x) => x.id === lastId);
    if (at < 0) throw badRequest('last_id: invalid value');
    start = at + 1;
  }
  const page = items.slice(start, start + limit);
  return { page, hasNext: start + limit < items.length };
}

const reviewList: Handler = (ctx: Ctx) => {
  const world = reviewsWorld(ctx);
  const { body } = ctx;
  const limit = checkLimit(body.limit, 20, 100);
  const f = body.filters ?? {};
  const from = optionalTime(f.published_from, 'filters.published_from');
  const to = optionalTime(f.published_to, 'filters.published_to');
  if (f.status !== undefined && !['PROCESSED', 'UNPROCESSED', 'ALL'].includes(f.status))
    throw badRequest('filters.status: invalid value');
  const skus = Array.isArray(f.sku) ? new Set(f.sku.map(Number)) : null;
  const items = world.reviews.filter(
    (r) =>
      (from === undefined || r.publishedAt >= from) &&
      (to === undefined || r.publishedAt <= to) &&
      (!f.status || f.status === 'ALL' || r.status === f.status) &&
      (!f.order_status || r.orderStatus === f.order_status) &&
      (!skus || skus.has(r.sku)),
  );
  if (body.sort_dir === 'DESC') items.reverse();
  const { page, hasNext } = pageAfter(items, body.last_id, limit);
  return {
    reviews: page.map(reviewJson),
    has_next: hasNext,
    last_id: page.length ? page[page.length - 1].id : '',
  };
};

const reviewInfo: Handler = (ctx: Ctx) => {
  const r = review(reviewsWorld(ctx), ctx.body.review_id);
  return {
    ...reviewJson(r),
    likes_amount: r.k % 7,
    dislikes_amount: r.k % 3,
    photos: Array.from({ length: r.photos }, (_x, i) => ({
      url: `https://cdn1.ozone.ru/s3/rp-photo/${r.id}-${i}.jpeg`,
      width: 1200,
      height: 1600,
    })),
    videos: Array.from({ length: r.videos }, (_x, i) => ({
      url: `https://cdn1.ozone.ru/s3/rp-video/${r.id}-${i}.mp4`,
      preview_url: `https://cdn1.ozone.ru/s3/rp-video/${r.id}-${i}.jpeg`,
      short_video_preview_url: '',
      width: 720,
      height: 1280,
    })),
  };
};

const reviewCount: Handler = (ctx: Ctx) => {
  const world = reviewsWorld(ctx);
  const processed = world.reviews.filter((r) => r.status === 'PROCESSED').length;
  return { processed, unprocessed: world.reviews.length - processed, total: world.reviews.length };
};

const reviewStatus: Handler = (ctx: Ctx) => {
  const world = reviewsWorld(ctx);
  const { review_ids: ids, status } = ctx.body;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100)
    throw badRequest('review_ids: value must contain 1 to 100 item(s)');
  if (status !== 'PROCESSED' && status !== 'UNPROCESSED') throw badRequest('status: invalid value');
  const found = ids.map((id: unknown) => review(world, id));
  for (const r of found) r.status = status;
  return {};
};

const commentCreate: Handler = (ctx: Ctx) => {
  const world = reviewsWorld(ctx);
  const r = review(world, ctx.body.review_id);
  const text = String(ctx.body.text ?? '');
  if (!text.trim()) throw badRequest('text: value is required');
  if (text.length > 3000) throw badRequest('text: value length must be at most 3000');
  const parent = ctx.body.parent_comment_id ? String(ctx.body.parent_comment_id) : '';
  if (parent && !r.comments.some((c) => c.id === parent)) throw notFound('parent comment not found');
  const comment = world.comment(r, text, ctx.now, true, parent);
  r.comments.push(comment);
  if (ctx.body.mark_review_as_processed === true) r.status = 'PROCESSED';
  return { comment_id: comment.id };
};

const commentList: Handler = (ctx: Ctx) => {
  const r = review(reviewsWorld(ctx), ctx.body.review_id);
  const limit = checkLimit(ctx.body.limit, 1, 100);
  const offset = Number(ctx.body.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('offset: invalid value');
  const all = ctx.body.sort_dir === 'DESC' ? [...r.comments].reverse() : r.comments;
  return {
    comments: all.slice(offset, offset + limit).map((c) => ({
      id: c.id,
      text: c.text,
      published_at: iso(c.publishedAt),
      is_owner: c.isOwner,
      is_official: c.isOfficial,
      parent_comment_id: c.parentId,
    })),
    offset: Math.min(all.length, offset + limit),
  };
};

// ---- Questions ------------------------------------------------------------------------------

const QUESTION_PAGE_MAX = 10;

const questionJson = (q: Question) => ({
  id: q.id,
  sku: q.sku,
  text: q.text,
  author_name: q.authorName,
  published_at: iso(q.publishedAt),
  status: q.status,
  answers_count: q.answers.length,
  product_url: `https://www.ozon.ru/product/${q.sku}/`,
  question_link: `https://www.ozon.ru/product/${q.sku}/questions/?qid=${q.k + 290_000_000}`,
});

function question(world: FeedbackWorld, id: unknown): Question {
  const q = world.questionsById.get(String(id ?? ''));
  if (!q) throw notFound('question not found');
  return q;
}

const QUESTION_FILTERS = new Set(['ALL', 'NEW', 'VIEWED', 'PROCESSED', 'UNPROCESSED']);

const questionList: Handler = (ctx: Ctx) => {
  const world = questionsWorld(ctx);
  const { body } = ctx;
  const limit = body.limit === undefined ? 100 : checkLimit(body.limit, 1, 100);
  const f = body.filter ?? {};
  const from = optionalTime(f.date_from, 'filter.date_from');
  const to = optionalTime(f.date_to, 'filter.date_to');
  const status = f.status ?? 'ALL';
  if (!QUESTION_FILTERS.has(status)) throw badRequest('filter.status: invalid value');
  const items = world.questions.filter(
    (q) =>
      (from === undefined || q.publishedAt >= from) &&
      (to === undefined || q.publishedAt <= to) &&
      (status === 'ALL' || (status === 'UNPROCESSED' ? q.status !== 'PROCESSED' : q.status === status)),
  );
  if ((body.sort_dir ?? 'DESC') === 'DESC') items.reverse();
  const { page, hasNext } = pageAfter(items, body.last_id, Math.min(limit, QUESTION_PAGE_MAX));
  return {
    questions: page.map(questionJson),
    has_next: hasNext,
    last_id: page.length ? page[page.length - 1].id : '',
  };
};

const questionInfo: Handler = (ctx: Ctx) => questionJson(question(questionsWorld(ctx), ctx.body.question_id));

const questionCount: Handler = (ctx: Ctx) => {
  const world = questionsWorld(ctx);
  const n = (s: Question['status']) => world.questions.filter((q) => q.status === s).length;
  const fresh = n('NEW');
  const viewed = n('VIEWED');
  return {
    all: world.questions.length,
    new: fresh,
    viewed,
    processed: n('PROCESSED'),
    unprocessed: fresh + viewed,
  };
};

function questionOf(world: FeedbackWorld, body: Ctx['body']): Question {
  const q = question(world, body.question_id);
  if (Number(body.sku) !== q.sku) throw badRequest('sku: does not match the question');
  return q;
}

const answerCreate: Handler = (ctx: Ctx) => {
  const world = questionsWorld(ctx);
  const q = questionOf(world, ctx.body);
  const text = String(ctx.body.text ?? '');
  if (text.length < 2 || text.length > 3000)
    throw badRequest('text: value length must be between 2 and 3000');
  const a = world.answer(text, ctx.now);
  q.answers.push(a);
  q.status = 'PROCESSED';
  return { answer_id: a.id };
};

const answerList: Handler = (ctx: Ctx) => {
  const q = questionOf(questionsWorld(ctx), ctx.body);
  const { page } = pageAfter(q.answers, ctx.body.last_id, 100);
  return {
    answers: page.map((a) => ({
      id: a.id,
      question_id: q.id,
      sku: q.sku,
      text: a.text,
      author_name: a.authorName,
      published_at: iso(a.publishedAt),
      status_publication: 'PUBLISHED',
    })),
    last_id: page.length ? page[page.length - 1].id : '',
  };
};

const questionStatus: Handler = (ctx: Ctx) => {
  const world = questionsWorld(ctx);
  const { question_ids: ids, status } = ctx.body;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100)
    throw badRequest('question_ids: value must contain 1 to 100 item(s)');
  if (!['NEW', 'VIEWED', 'PROCESSED'].includes(status)) throw badRequest('status: invalid value');
  for (const q of ids.map((id: unknown) => question(world, id))) q.status = status;
  return EMPTY;
};

// ---- Ratings --------------------------------------------------------------------------------

const productRating: Handler = (ctx: Ctx) => {
  const world = feedbackOf(ctx.shop, ctx.now);
  const skus = ctx.body.skus;
  if (!Array.isArray(skus) || skus.length < 1 || skus.length > 100)
    throw badRequest('skus: value must contain 1 to 100 item(s)');
  return {
    products: skus
      .map(Number)
      .filter((sku: number) => ctx.shop.state.productsBySku.has(sku))
      .map((sku: number) => ({ sku, rating: world.contentRating(sku), groups: [] })),
  };
};

/** The seller's figures over the 30 days before `at`: what the ratings are computed from. */
function figures(ctx: Ctx, at: number) {
  const world = feedbackOf(ctx.shop, ctx.now);
  let shipped = 0;
  let late = 0;
  let fbs = 0;
  let cancelled = 0;
  for (const p of ctx.shop.state.postings.values()) {
    if (p.scheme === 'fbo' || p.inProcessAt < at - 30 * DAY || p.inProcessAt > at) continue;
    fbs++;
    if (p.cancellation?.initiator === 'Seller') cancelled++;
    if (p.packedAt !== null) {
      shipped++;
      if (p.packedAt > p.shipmentDate) late++;
    }
  }
  const scored = world.reviews.filter((r) => r.publishedAt <= at && r.publishedAt > at - 90 * DAY);
  const score = scored.length ? scored.reduce((s, r) => s + r.rating, 0) / scored.length : 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    rating_on_time: round(shipped ? (100 * (shipped - late)) / shipped : 100),
    // Ozon's FBS and rFBS error index counts the seller's faults: here, orders the seller cancelled.
    rating_general_indicator_fbs_rfbs: round(fbs ? (100 * cancelled) / fbs : 0),
    rating_review_avg_score_total: round(score),
  };
}

const RATINGS = [
  {
    rating: 'rating_on_time',
    name: 'Shipped on time',
    group: 'Delivery',
    direction: 'HIGHER_IS_BETTER',
    type: 'PERCENT',
    warn: 95,
    danger: 90,
  },
  {
    rating: 'rating_general_indicator_fbs_rfbs',
    name: 'FBS and rFBS error index',
    group: 'Delivery',
    direction: 'LOWER_IS_BETTER',
    type: 'PERCENT',
    warn: 1,
    danger: 2,
  },
  {
    rating: 'rating_review_avg_score_total',
    name: 'Average review score',
    group: 'Quality',
    direction: 'HIGHER_IS_BETTER',
    type: 'REVIEW_SCORE',
    warn: 4.5,
    danger: 4,
  },
] as const;

function statusOf(def: (typeof RATINGS)[number], value: number): string {
  const bad = (limit: number) => (def.direction === 'HIGHER_IS_BETTER' ? value < limit : value > limit);
  return bad(def.danger) ? 'CRITICAL' : bad(def.warn) ? 'WARNING' : 'OK';
}

const ratingSummary: Handler = (ctx: Ctx) => {
  const current = figures(ctx, ctx.now);
  const past = figures(ctx, ctx.now - 7 * DAY);
  const groups = new Map<string, unknown[]>();
  for (const def of RATINGS) {
    const value = current[def.rating];
    const before = past[def.rating];
    const list = groups.get(def.group) ?? [];
    list.push({
      rating: def.rating,
      name: def.name,
      current_value: value,
      past_value: before,
      status: statusOf(def, value),
      rating_direction: def.direction,
      value_type: def.type,
      change: {
        direction: value > before ? 'DIRECTION_RISE' : value < before ? 'DIRECTION_FALL' : 'DIRECTION_NONE',
        meaning: 'MEANING_NONE',
      },
    });
    groups.set(def.group, list);
  }
  return {
    groups: [...groups].map(([group_name, items]) => ({ group_name, items })),
    localization_index: [],
    penalty_score_exceeded: false,
    premium: false,
    premium_plus: ctx.subscription !== 'none',
  };
};

const ratingHistory: Handler = (ctx: Ctx) => {
  const from = parseTime(ctx.body.date_from, 'date_from');
  const to = parseTime(ctx.body.date_to, 'date_to');
  if (to < from) throw badRequest('date_to must not be earlier than date_from');
  const wanted = Array.isArray(ctx.body.ratings) ? ctx.body.ratings.map(String) : [];
  const ratings = RATINGS.filter((d) => wanted.includes(d.rating)).map((def) => {
    const values = [];
    for (let t = from; t < to; t += 7 * DAY) {
      const end = Math.min(to, t + 7 * DAY);
      values.push({ date_from: iso(t), date_to: iso(end), value: figures(ctx, end)[def.rating] });
    }
    return {
      rating: def.rating,
      danger_threshold: def.danger,
      warning_threshold: def.warn,
      premium_threshold: 0,
      values,
    };
  });
  return { ratings, premium_scores: [] };
};

const INDEX_DAYS = 14;

function indexPeriod(now: number) {
  return { from: now - INDEX_DAYS * DAY, to: now };
}

const fbsIndexInfo: Handler = (ctx: Ctx) => {
  const world = feedbackOf(ctx.shop, ctx.now);
  const { from, to } = indexPeriod(ctx.now);
  const errors = world.errorPostings(from, to);
  let total = 0;
  for (const p of ctx.shop.state.postings.values())
    if (p.scheme !== 'fbo' && p.inProcessAt >= from && p.inProcessAt <= to) total++;
  const cost = (e: { price: number }) => Math.round(e.price * 0.1 * 100) / 100;
  const byDay = new Map<string, { n: number; cost: number }>();
  for (const e of errors) {
    const day = new Date(e.at).toISOString().slice(0, 10);
    const d = byDay.get(day) ?? { n: 0, cost: 0 };
    d.n++;
    d.cost += cost(e);
    byDay.set(day, d);
  }
  return {
    index: total ? Math.round((errors.length / total) * 10_000) / 10_000 : 0,
    period_from: new Date(from).toISOString().slice(0, 10),
    period_to: new Date(to).toISOString().slice(0, 10),
    processing_costs_sum: Math.round(errors.reduce((s, e) => s + cost(e), 0) * 100) / 100,
    currency_code: 'RUB',
    defects: [...byDay].map(([date, d]) => ({
      date,
      index_by_date: total ? Math.round((d.n / total) * 10_000) / 10_000 : 0,
      processing_costs_sum_by_date: Math.round(d.cost * 100) / 100,
    })),
  };
};

const fbsIndexPostings: Handler = (ctx: Ctx) => {
  const world = feedbackOf(ctx.shop, ctx.now);
  const limit = checkLimit(ctx.body.limit, 1, 1000);
  const f = ctx.body.filter ?? {};
  const from = parseTime(f.date_from, 'filter.date_from');
  const to = parseTime(f.date_to, 'filter.date_to');
  const only = Array.isArray(f.posting_numbers) ? new Set(f.posting_numbers.map(String)) : null;
  const all = world.errorPostings(from, to).filter((e) => !only || only.has(e.postingNumber));
  const start = decodeOffset(ctx.body.cursor);
  const page = all.slice(start, start + limit);
  const hasNext = start + limit < all.length;
  return {
    errors: page.map((e) => ({
      posting_number: e.postingNumber,
      posting_error_type: e.type,
      error_at: iso(e.at),
      index: 1,
      charge_percent: 10,
      charge_price: Math.round(e.price * 0.1 * 100) / 100,
      charge_price_currency_code: e.currency,
      product_price: e.price,
      product_price_currency_code: e.currency,
      delivery_schema: e.schema,
      has_grace_status: false,
    })),
    cursor: hasNext ? encodeOffset(start + limit) : '',
    has_next: hasNext,
  };
};

export const feedbackHandlers: Record<string, Handler> = {
  '/v2/review/list': reviewList,
  '/v1/review/info': reviewInfo,
  '/v1/review/count': reviewCount,
  '/v1/review/change-status': reviewStatus,
  '/v1/review/comment/create': commentCreate,
  '/v1/review/comment/list': commentList,
  '/v1/question/list': questionList,
  '/v1/question/info': questionInfo,
  '/v1/question/count': questionCount,
  '/v1/question/answer/create': answerCreate,
  '/v1/question/answer/list': answerList,
  '/v1/question/change-status': questionStatus,
  '/v1/product/rating-by-sku': productRating,
  '/v1/rating/summary': ratingSummary,
  '/v1/rating/history': ratingHistory,
  '/v1/rating/index/fbs/info': fbsIndexInfo,
  '/v1/rating/index/fbs/posting/list': fbsIndexPostings,
};
