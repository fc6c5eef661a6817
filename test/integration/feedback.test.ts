// Reviews, product questions and ratings through the built bundle in the local runtime, against the
// Ozon simulator: each review and question lands once, a reply is sent once even when Ozon's answer
// is lost, plan refusals are explained, buyers' formulas and HTML stay text.
import { createRuntime } from '../../runtime';
import { headerIn } from '../../src/core/i18n/headers';
import { t } from '../../src/core/i18n/messages';
import { createSimulator, type Simulator } from '../../simulator';
import { builtDist, demoShop, tabRecords, type Runtime } from '../support/shop';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Result<T> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string; field?: string };
}

function run<T>(rt: Runtime, name: string, input?: unknown): Result<T> {
  return input === undefined ? rt.run<Result<T>>(name) : rt.run<Result<T>>(name, [input]);
}

interface Summary {
  result: string;
  message: string;
  notes: string[];
  added: number;
  updated: number;
  negative: number;
}

const syncFeedback = (rt: Runtime) => run<Summary>(rt, 'syncFeedback').data;

function byKey(rows: Record<string, unknown>[], column: string): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = String(row[column]);
    expect(map.has(key)).toBe(false); // never a duplicate row
    map.set(key, row);
  }
  return map;
}

/** The first sync reads the look-back (30 days by default). */
function expectTabsMatchShop(rt: Runtime, sim: Simulator, since: number) {
  const world = sim.feedback();
  const reviews = byKey(tabRecords(rt, 'Reviews'), 'Review ID');
  const expected = world.reviews.filter((r) => r.publishedAt >= since);
  expect(expected.length).toBeGreaterThan(50);
  for (const r of expected) {
    expect(reviews.get(r.id)).toMatchObject({
      Rating: r.rating,
      SKU: String(r.sku),
      'Status code': r.status,
    });
  }
  expect(reviews.size).toBe(expected.length);
  const questions = byKey(tabRecords(rt, 'Questions'), 'Question ID');
  const asked = world.questions.filter((q) => q.publishedAt >= since);
  for (const q of asked)
    expect(questions.get(q.id)).toMatchObject({ SKU: String(q.sku), 'Status code': q.status });
  expect(questions.size).toBe(asked.length);
}

/** A runtime whose fetch can lose Ozon's answer to chosen methods (the request is still handled). */
function lossyShop() {
  const start = '2026-11-20T09:00:00Z';
  const sim = createSimulator({ seed: 7, postings: 200, days: 20, now: start });
  const lose = new Set<string>();
  const rt = createRuntime({
    startTime: start,
    distDir: builtDist(),
    fetch: (req) => {
      const res = sim.handle(req);
      const path = new URL(req.url).pathname;
      if (lose.has(path)) throw new Error('connection reset');
      return res;
    },
  });
  sim.setClock(() => rt.clock.now());
  rt.properties.user.set('OZON_CLIENT_ID', sim.credentials.clientId);
  rt.properties.user.set('OZON_API_KEY', sim.credentials.apiKey);
  return { rt, sim, lose };
}

describe('reviews & questions sync', () => {
  test('every review and question lands exactly once, first sync and next ones', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    const start = rt.clock.now();
    const first = syncFeedback(rt);
    expect(first.result).toBe('done');
    expect(first.notes.join(' ')).not.toMatch(/subscription|plan/i);
    expectTabsMatchShop(rt, sim, start - 30 * DAY);
    const rows = tabRecords(rt, 'Reviews').length;

    // Nothing new: nothing added. A day later: the day's reviews, once.
    expect(syncFeedback(rt).added).toBe(0);
    rt.clock.advance(24 * HOUR);
    const later = syncFeedback(rt);
    expect(later.result).toBe('done');
    expect(tabRecords(rt, 'Reviews').length).toBe(rows + 8);
    expectTabsMatchShop(rt, sim, start - 30 * DAY);
    // New 1–3 star reviews are counted for the toast.
    const fresh = sim.feedback().reviews.filter((r) => r.publishedAt > start && r.rating <= 3).length;
    expect(later.negative).toBe(fresh);
    if (fresh) expect(later.notes.join(' ')).toContain(`1–3 stars: ${fresh}`);
  });

  test('a sync cut short resumes where it stopped and still lands each review once', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    const start = rt.clock.now();
    // Every Ozon answer takes 20 s: one execution's budget holds only part of the sync.
    sim.setFaults({ slowRate: 1, slowMs: 20_000 });
    const job = () => rt.properties.document.get('ODESK_FEEDBACK_JOB');
    const results: string[] = [];
    do results.push(syncFeedback(rt).result);
    while (job() && results.length < 20);
    expect(results[0]).toBe('partial');
    expect(results[results.length - 1]).toBe('done');
    expect(job()).toBeUndefined();
    expectTabsMatchShop(rt, sim, start - 30 * DAY);
  });

  test('the hourly run syncs reviews & questions after the other syncs', () => {
    const { rt } = demoShop({ postings: 200 });
    rt.run('onHourlyTrigger');
    expect(tabRecords(rt, 'Orders').length).toBeGreaterThan(0);
    expect(tabRecords(rt, 'Reviews').length).toBeGreaterThan(0);
    const log = tabRecords(rt, 'Sync log').map((r) => String(r.Source));
    expect(log.some((s) => s.startsWith('reviews & questions'))).toBe(true);
  });

  test("buyers' formulas and HTML stay text in cells", () => {
    const { rt, sim } = demoShop({ postings: 200 });
    syncFeedback(rt);
    const sheet = rt.spreadsheet.sheet('Reviews');
    const values = sheet.values() as unknown[][];
    const formulas = sheet.formulas();
    const col = values[0].indexOf('Review');
    const risky = values.findIndex((r) => String(r[col]).startsWith('=HYPERLINK'));
    expect(risky).toBeGreaterThan(0);
    expect(formulas[risky][col]).toBe('');
    const html = values.findIndex((r) => String(r[col]).startsWith('<script>'));
    expect(html).toBeGreaterThan(0);
    expect(values[html][col]).toContain('<script>alert("xss")</script>');
    const q = rt.spreadsheet.sheet('Questions');
    const qCol = (q.values() as unknown[][])[0].indexOf('Question');
    const qRow = (q.values() as unknown[][]).findIndex((r) => String(r[qCol]).startsWith('=IMPORTXML'));
    expect(qRow).toBeGreaterThan(0);
    expect(q.formulas()[qRow][qCol]).toBe('');
    expect(sim.feedback().reviews.length).toBeGreaterThan(0);
  });
});

describe('replies and marks from the sidebar', () => {
  test('a reply is sent once even when Ozon’s answer is lost; sending it again does not repeat it', () => {
    const { rt, sim, lose } = lossyShop();
    syncFeedback(rt);
    const recent = rt.clock.now() - 20 * DAY;
    const review = sim
      .feedback()
      .reviews.find((r) => r.publishedAt > recent && r.status === 'UNPROCESSED' && r.comments.length === 0)!;
    const text = 'Спасибо! Напишите нам в чат — заменим товар.';
    lose.add('/v1/review/comment/create');
    const first = run<{ message: string; review: { statusCode: string; reply: string } }>(
      rt,
      'replyToReview',
      {
        reviewId: review.id,
        text,
        markProcessed: true,
      },
    );
    expect(first.ok).toBe(true);
    expect(first.data.message).toContain('sent once');
    const own = () => review.comments.filter((c) => c.isOwner && c.text === text).length;
    expect(own()).toBe(1);
    expect(review.status).toBe('PROCESSED');
    // The seller, unsure, presses Send again: Ozon already has it, nothing is sent.
    lose.clear();
    const again = run<{ message: string }>(rt, 'replyToReview', {
      reviewId: review.id,
      text,
      markProcessed: true,
    });
    expect(again.ok).toBe(true);
    expect(again.data.message).toContain('not sent again');
    expect(own()).toBe(1);
    const row = tabRecords(rt, 'Reviews').find((r) => r['Review ID'] === review.id)!;
    expect(row).toMatchObject({ 'Our reply': text, 'Status code': 'PROCESSED', Status: 'Processed' });
  });

  test('an answer to a question is sent once even when Ozon’s answer is lost', () => {
    const { rt, sim, lose } = lossyShop();
    syncFeedback(rt);
    const recent = rt.clock.now() - 20 * DAY;
    const q = sim.feedback().questions.find((x) => x.publishedAt > recent && x.status === 'NEW')!;
    lose.add('/v1/question/answer/create');
    const text = 'Да, подходит для iPhone 15.';
    const first = run<{ message: string }>(rt, 'answerQuestion', { questionId: q.id, text });
    expect(first.ok).toBe(true);
    expect(first.data.message).toContain('sent once');
    lose.clear();
    expect(run<{ message: string }>(rt, 'answerQuestion', { questionId: q.id, text }).data.message).toContain(
      'not sent again',
    );
    expect(q.answers.filter((a) => a.text === text).length).toBe(1);
    const row = tabRecords(rt, 'Questions').find((r) => r['Question ID'] === q.id)!;
    expect(row).toMatchObject({ 'Our answer': text, 'Status code': 'PROCESSED' });
  });

  test('a reply that did not reach Ozon is reported as not sent, and sending again sends it once', () => {
    const { rt, sim } = demoShop({ postings: 200 });
    syncFeedback(rt);
    const review = sim.feedback().reviews.find((r) => r.status === 'UNPROCESSED')!;
    sim.setFaults({ rate503: 1 });
    const failed = run(rt, 'replyToReview', { reviewId: review.id, text: 'Спасибо!', markProcessed: false });
    expect(failed.ok).toBe(false);
    sim.setFaults({});
    expect(review.comments.filter((c) => c.text === 'Спасибо!').length).toBe(0);
    const sent = run<{ message: string }>(rt, 'replyToReview', {
      reviewId: review.id,
      text: 'Спасибо!',
      markProcessed: false,
    });
    expect(sent.data.message).toBe('Reply sent.');
    expect(review.comments.filter((c) => c.text === 'Спасибо!').length).toBe(1);
  });

  test('mark processed and back; the sidebar context lists the worst reviews first, text as typed', () => {
    const { rt, sim } = demoShop({ postings: 200 });
    syncFeedback(rt);
    const ctx = run<{ reviews: { id: string; rating: number; text: string }[]; unprocessedReviews: number }>(
      rt,
      'getFeedbackContext',
    ).data;
    const open = sim
      .feedback()
      .reviews.filter((r) => r.status === 'UNPROCESSED' && r.publishedAt >= rt.clock.now() - 30 * DAY);
    expect(ctx.unprocessedReviews).toBe(open.length);
    expect(ctx.reviews[0].rating).toBe(Math.min(...open.map((r) => r.rating)));
    const id = ctx.reviews[0].id;
    const marked = run<{ review: { statusCode: string }; message: string }>(rt, 'markReview', {
      reviewId: id,
      processed: true,
    });
    expect(marked.data.review.statusCode).toBe('PROCESSED');
    expect(sim.feedback().reviewsById.get(id)!.status).toBe('PROCESSED');
    expect(run(rt, 'replyToReview', { reviewId: id, text: '', markProcessed: true }).ok).toBe(false);
  });
});

describe('plans and ratings', () => {
  test('without Review Management the refusal is explained, questions and everything else still sync', () => {
    const { rt, sim } = demoShop({ postings: 200 });
    sim.setSubscription('premium_plus');
    const result = syncFeedback(rt);
    expect(result.result).toBe('done');
    expect(result.notes.join(' ')).toContain('Review Management or Premium Pro');
    expect(tabRecords(rt, 'Reviews')).toHaveLength(0);
    expect(tabRecords(rt, 'Questions').length).toBeGreaterThan(0);
    expect(tabRecords(rt, 'Seller rating').length).toBeGreaterThan(0);
    const ctx = run<{ notices: string[] }>(rt, 'getFeedbackContext').data;
    expect(ctx.notices.join(' ')).toContain('Review Management or Premium Pro');
    const review = sim.feedback().reviews[0];
    const reply = run(rt, 'replyToReview', { reviewId: review.id, text: 'Спасибо!', markProcessed: true });
    expect(reply.ok).toBe(false);
    expect(reply.error?.message).toContain('Review Management or Premium Pro');
    expect(run<{ result: string }>(rt, 'syncOrders').data.result).toBe('done');
  });

  test('in Russian, a questions refusal says so in Russian', () => {
    const { rt, sim } = demoShop({ postings: 200 }, { locale: 'ru' });
    sim.setSubscription('review_management');
    const result = syncFeedback(rt);
    expect(result.notes.join(' ')).toContain('Premium Plus');
    expect(result.notes.join(' ')).toContain('Вопросы о товарах не прочитаны');
    expect(tabRecords(rt, 'Reviews').length).toBeGreaterThan(0);
  });

  test('seller rating, the FBS error index with its postings, and content rating per SKU', () => {
    const { rt, sim } = demoShop({ postings: 600, days: 30 });
    rt.run('syncOrders');
    syncFeedback(rt);
    const rating = byKey(tabRecords(rt, 'Seller rating'), 'Rating code');
    expect(rating.get('rating_on_time')).toBeDefined();
    expect(rating.get('fbs_error_index')).toBeDefined();
    const now = rt.clock.now();
    const errors = sim.feedback().errorPostings(now - 30 * DAY, now);
    const listed = byKey(tabRecords(rt, 'Error index'), 'Row key');
    expect(listed.size).toBe(errors.length);
    for (const e of errors) expect(listed.get(`${e.postingNumber}:${e.type}`)).toBeDefined();
    const products = byKey(tabRecords(rt, 'Product ratings'), 'SKU');
    expect(products.size).toBeGreaterThan(0);
    for (const [sku, row] of products) {
      expect(row['Content rating']).toBe(sim.feedback().contentRating(Number(sku)));
      expect(String(row['Offer ID'])).not.toBe('');
    }
  });

  test('the Dashboard shows the seller rating, Products the content rating, the nightly mail the open counts', () => {
    const { rt } = demoShop({ postings: 200 }, { startTime: '2026-11-20T22:00:00Z' });
    rt.properties.document.set('ODESK_NIGHTLY_EMAIL', 'on');
    rt.run('onHourlyTrigger', [], { trigger: 'time' }); // 01:00 Moscow: orders and feedback sync
    // What the nightly run will count: the tabs as this hour's feedback sync left them.
    const open = tabRecords(rt, 'Reviews').filter((r) => r['Status code'] === 'UNPROCESSED').length;
    const questions = tabRecords(rt, 'Questions').filter((r) =>
      ['NEW', 'VIEWED'].includes(String(r['Status code'])),
    ).length;
    rt.clock.advance(HOUR + 5 * 60_000); // 02:05 Moscow: the nightly run builds the reports
    rt.run('onHourlyTrigger', [], { trigger: 'time' });
    const dashboard = (rt.spreadsheet.sheet('Dashboard').values() as unknown[][]).flat().map(String);
    expect(dashboard).toContain('Seller rating');
    expect(dashboard).toContain(t('en', 'rating.name.rating_on_time'));
    expect(dashboard.some((v) => v.startsWith('Postings that raised the error index'))).toBe(true);
    const rated = byKey(tabRecords(rt, 'Product ratings'), 'SKU');
    const offers = new Map([...rated.values()].map((r) => [String(r['Offer ID']), r['Content rating']]));
    const products = tabRecords(rt, 'Products').filter(
      (r) => r['Content rating'] !== '' && r['Content rating'] !== null,
    );
    expect(products.length).toBeGreaterThan(0);
    for (const p of products) expect(p['Content rating']).toBe(offers.get(String(p['Offer ID'])));
    const mail = rt.mail.find((m) => m.subject.includes('2026-11-20'));
    expect(mail?.body).toContain(`Reviews to process: ${open}. Open product questions: ${questions}.`);
  });

  test.each(['ru', 'zh'] as const)(
    'in %s, the Seller rating tab and the Dashboard name each rating and its group in words, not as Ozon sends them',
    (lang) => {
      const { rt } = demoShop({ postings: 200 }, { locale: lang });
      rt.run('syncOrders');
      syncFeedback(rt);
      rt.run('buildReports');
      const h = (name: string) => headerIn(lang, name);
      const rows = tabRecords(rt, 'Seller rating');
      const ozon = rows.filter((r) => String(r[h('Rating code')]).startsWith('rating_'));
      expect(ozon.length).toBeGreaterThanOrEqual(3);
      const dashboard = (rt.spreadsheet.sheet('Dashboard').values() as unknown[][]).flat().map(String);
      for (const r of ozon) {
        const code = String(r[h('Rating code')]);
        expect({ code, name: r[h('Rating')] }).toEqual({
          code,
          name: t(lang, `rating.name.${code}` as never),
        });
        expect(String(r[h('Group')])).toMatch(
          lang === 'ru' ? /^[\u0400-\u04ff ]+$/ : /^[\u3400-\u9fff FBO]+$/,
        );
        expect(dashboard).toContain(t(lang, `rating.name.${code}` as never));
      }
      for (const name of ['Shipped on time', 'Average review score', 'Delivery', 'Quality'])
        expect(dashboard).not.toContain(name);
    },
  );
});
