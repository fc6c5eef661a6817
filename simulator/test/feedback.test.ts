// Reviews, questions and ratings: every answer validates against Ozon's spec (the v2 review list
// against its schema in spec/newer-methods.json), states and replies change as Ozon's do, and the
// plans that open these methods are enforced.
import { api, DAY, iso, type Answer } from './support';

function ok(r: Answer): Answer {
  expect(r.specErrors).toEqual([]);
  expect(r.status).toBe(200);
  return r;
}

describe('reviews', () => {
  const a = api({ seed: 81, postings: 400, days: 30 });
  const now = a.sim.now();
  const range = { published_from: iso(now - 40 * DAY), published_to: iso(now) };

  it('/v2/review/list pages by last_id: every review once, oldest first', () => {
    const ids: string[] = [];
    let last = '';
    for (let i = 0; i < 100; i++) {
      const r = ok(
        a.call('/v2/review/list', {
          filters: range,
          limit: 20,
          sort_dir: 'ASC',
          ...(last ? { last_id: last } : {}),
        }),
      ).json;
      ids.push(...r.reviews.map((x: { id: string }) => x.id));
      if (!r.has_next) break;
      last = r.last_id;
    }
    expect(ids.length).toBeGreaterThan(200);
    expect(new Set(ids).size).toBe(ids.length);
    const count = ok(a.call('/v1/review/count', {})).json;
    expect(count.total).toBe(ids.length);
    expect(count.processed + count.unprocessed).toBe(count.total);
    expect(a.raw('/v2/review/list', JSON.stringify({ limit: 10 })).status).toBe(400);
  });

  it('a comment lands on the review, marks it processed, and the comment list shows it', () => {
    const page = ok(
      a.call('/v2/review/list', { filters: { ...range, status: 'UNPROCESSED' }, limit: 20 }),
    ).json;
    const review = page.reviews[0];
    expect(review.status).toBe('UNPROCESSED');
    const info = ok(a.call('/v1/review/info', { review_id: review.id })).json;
    expect(info.photos.length).toBe(info.photos_amount);
    const created = ok(
      a.call('/v1/review/comment/create', {
        review_id: review.id,
        text: 'Спасибо! Заменим товар.',
        mark_review_as_processed: true,
      }),
    ).json;
    const comments = ok(a.call('/v1/review/comment/list', { review_id: review.id, limit: 100 })).json;
    expect(comments.comments.map((c: { id: string }) => c.id)).toContain(created.comment_id);
    expect(ok(a.call('/v1/review/info', { review_id: review.id })).json.status).toBe('PROCESSED');
    ok(a.call('/v1/review/change-status', { review_ids: [review.id], status: 'UNPROCESSED' }));
    expect(ok(a.call('/v1/review/info', { review_id: review.id })).json.status).toBe('UNPROCESSED');
    expect(a.call('/v1/review/info', { review_id: 'nope' }).status).toBe(404);
  });

  it('without Review Management or Premium Pro, reviews are refused with 403', () => {
    a.sim.setSubscription('premium_plus');
    const r = a.call('/v2/review/list', { limit: 20 });
    expect(r.status).toBe(403);
    expect(r.json.message).toContain('not available with existing subscription');
    a.sim.setSubscription('review_management');
    ok(a.call('/v2/review/list', { limit: 20 }));
    a.sim.setSubscription('premium_pro');
  });

  it('new reviews arrive as time passes', () => {
    const before = ok(a.call('/v1/review/count', {})).json.total;
    a.sim.advance(24);
    expect(ok(a.call('/v1/review/count', {})).json.total).toBe(before + 8);
  });
});

describe('questions', () => {
  const a = api({ seed: 82, postings: 300, days: 30 });
  const now = a.sim.now();
  const filter = { date_from: iso(now - 40 * DAY), date_to: iso(now), status: 'ALL' };

  it('/v1/question/list pages 10 at a time by last_id: every question once', () => {
    const ids: string[] = [];
    let last = '';
    for (let i = 0; i < 100; i++) {
      const r = ok(
        a.call('/v1/question/list', {
          filter,
          limit: 100,
          sort_dir: 'ASC',
          ...(last ? { last_id: last } : {}),
        }),
      ).json;
      expect(r.questions.length).toBeLessThanOrEqual(10);
      ids.push(...r.questions.map((x: { id: string }) => x.id));
      if (!r.has_next) break;
      last = r.last_id;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(ok(a.call('/v1/question/count', {})).json.all);
  });

  it('an answer is listed, the question turns PROCESSED; statuses change; no Premium Plus: 403', () => {
    const q = ok(a.call('/v1/question/list', { filter: { ...filter, status: 'NEW' }, limit: 10 })).json
      .questions[0];
    ok(a.call('/v1/question/change-status', { question_ids: [q.id], status: 'VIEWED' }));
    expect(ok(a.call('/v1/question/info', { question_id: q.id })).json.status).toBe('VIEWED');
    const made = ok(
      a.call('/v1/question/answer/create', { question_id: q.id, sku: q.sku, text: 'Да, подойдёт.' }),
    ).json;
    const answers = ok(a.call('/v1/question/answer/list', { question_id: q.id, sku: q.sku })).json;
    expect(answers.answers.map((x: { id: string }) => x.id)).toEqual([made.answer_id]);
    expect(ok(a.call('/v1/question/info', { question_id: q.id })).json.status).toBe('PROCESSED');
    const short = a.call('/v1/question/answer/create', { question_id: q.id, sku: q.sku, text: 'x' });
    expect(short.status).toBe(400);
    a.sim.setSubscription('review_management');
    expect(a.call('/v1/question/list', { limit: 10 }).status).toBe(403);
    a.sim.setSubscription('premium_pro');
  });
});

describe('ratings', () => {
  const a = api({ seed: 83, postings: 800, days: 30 });
  const now = a.sim.now();

  it('content rating by SKU, seller rating summary and history, FBS error index and its postings', () => {
    const skus = a.sim.state.products.slice(0, 3).map((p) => String(p.sku));
    const rated = ok(a.call('/v1/product/rating-by-sku', { skus })).json.products;
    expect(rated.map((p: { sku: number }) => String(p.sku))).toEqual(skus);
    const summary = ok(a.call('/v1/rating/summary', {})).json;
    const names = summary.groups.flatMap((g: { items: { rating: string }[] }) =>
      g.items.map((i) => i.rating),
    );
    expect(names).toContain('rating_on_time');
    ok(
      a.call('/v1/rating/history', {
        ratings: names,
        date_from: iso(now - 28 * DAY),
        date_to: iso(now),
      }),
    );
    const info = ok(a.call('/v1/rating/index/fbs/info', {})).json;
    expect(info.index).toBeGreaterThanOrEqual(0);
    const listed: string[] = [];
    let cursor = '';
    for (let i = 0; i < 50; i++) {
      const r = ok(
        a.call('/v1/rating/index/fbs/posting/list', {
          filter: { date_from: iso(now - 14 * DAY), date_to: iso(now) },
          limit: 5,
          ...(cursor ? { cursor } : {}),
        }),
      ).json;
      listed.push(...r.errors.map((e: { posting_number: string }) => e.posting_number));
      if (!r.has_next) break;
      cursor = r.cursor;
    }
    expect(listed.length).toBeGreaterThan(0);
    for (const n of listed) expect(a.sim.state.postings.has(n)).toBe(true);
  });
});
