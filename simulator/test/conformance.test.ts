// Every answer of every simulated endpoint validates against Ozon's official response schema, and every
// request these tests send validates against the official request schema (support.ts checks both).
import type { Posting } from '../model';
import { ozonSpec } from '../openapi';
import { BETA_PATHS } from '../routes';
import { api, DAY, iso, WITH_ALL, type Answer } from './support';

const a = api({ seed: 5, postings: 1500, days: 30 });
const { sim } = a;
const now = sim.now();
const postings = [...sim.state.postings.values()];
const find = (pred: (p: Posting) => boolean) => {
  const p = postings.find(pred);
  if (!p) throw new Error('the generated shop lacks a posting the test needs');
  return p;
};

function ok(r: Answer): Answer {
  expect(r.specErrors).toEqual([]);
  expect(r.status).toBe(200);
  return r;
}

describe('read endpoints answer per the spec', () => {
  const window = { since: iso(now - 30 * DAY), to: iso(now) };

  it('/v1/roles', () => {
    expect(ok(a.call('/v1/roles')).json.roles[0].methods).toContain('/v4/posting/fbs/list');
  });

  it('/v4/posting/fbs/list with and without the optional blocks', () => {
    const full = ok(a.call('/v4/posting/fbs/list', { limit: 100, filter: window, with: WITH_ALL }));
    expect(full.json.postings.length).toBe(100);
    expect(full.json.postings[0].financial_data.products.length).toBeGreaterThan(0);
    const bare = ok(a.call('/v4/posting/fbs/list', { limit: 50, filter: window }));
    expect(bare.json.postings[0].financial_data).toBeNull();
    expect(bare.json.postings[0].analytics_data).toBeNull();
  });

  it('/v4/posting/fbs/unfulfilled/list', () => {
    const r = ok(
      a.call('/v4/posting/fbs/unfulfilled/list', {
        limit: 100,
        filter: { cutoff_from: iso(now - 10 * DAY), cutoff_to: iso(now + 10 * DAY) },
        with: WITH_ALL,
      }),
    );
    expect(r.json.postings.length).toBeGreaterThan(0);
    expect(r.json.count).toBe(r.json.postings.length);
  });

  it('/v3/posting/fbs/get for FBS and rFBS', () => {
    for (const scheme of ['fbs', 'rfbs']) {
      const p = find((x) => x.scheme === scheme);
      const r = ok(
        a.call('/v3/posting/fbs/get', {
          posting_number: p.postingNumber,
          with: { ...WITH_ALL, product_exemplars: true, related_postings: true },
        }),
      );
      expect(r.json.result.posting_number).toBe(p.postingNumber);
    }
  });

  it('/v3/posting/fbo/list and /v2/posting/fbo/get', () => {
    const list = ok(a.call('/v3/posting/fbo/list', { limit: 20, filter: window, with: WITH_ALL }));
    expect(list.json.postings.length).toBe(20);
    const number = list.json.postings[0].posting_number;
    const one = ok(a.call('/v2/posting/fbo/get', { posting_number: number, with: WITH_ALL }));
    expect(one.json.result.posting_number).toBe(number);
  });

  it('catalogue, prices, warehouses and stocks', () => {
    ok(a.call('/v2/warehouse/list', { limit: 200 }));
    const list = ok(a.call('/v3/product/list', { filter: { visibility: 'ALL' }, limit: 1000 }));
    const ids = list.json.result.items.slice(0, 5).map((i: { product_id: number }) => String(i.product_id));
    expect(ok(a.call('/v3/product/info/list', { product_id: ids })).json.items.length).toBe(5);
    ok(a.call('/v5/product/info/prices', { filter: { visibility: 'ALL' }, limit: 100 }));
    ok(a.call('/v4/product/info/stocks', { filter: { visibility: 'ALL' }, limit: 100 }));
    ok(a.call('/v2/posting/fbs/cancel-reason/list'));
  });

  it('returns, rFBS return requests, chats, conditional cancellations', () => {
    expect(ok(a.call('/v1/returns/list', { limit: 500 })).json.returns.length).toBeGreaterThan(0);
    const rl = ok(a.call('/v2/returns/rfbs/list', { limit: 100 }));
    expect(rl.json.returns.length).toBeGreaterThan(0);
    ok(a.call('/v2/returns/rfbs/get', { return_id: rl.json.returns[0].return_id }));
    const chats = ok(a.call('/v3/chat/list', { limit: 30 }));
    const chatId = chats.json.chats[0].chat.chat_id;
    ok(a.call('/v3/chat/history', { chat_id: chatId, limit: 50 }));
    ok(a.call('/v1/chat/send/message', { chat_id: chatId, text: 'Здравствуйте! Отправим сегодня.' }));
    ok(a.call('/v2/conditional-cancellation/list', { limit: 500, with: { counter: true } }));
  });
});

describe('changing endpoints answer per the spec', () => {
  it('ship, labels, tracking, rFBS statuses, cancel, product cancel, stocks, returns actions, cancellations', () => {
    const fbs = find((p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging');
    const packages = [{ products: fbs.lines.map((l) => ({ product_id: l.sku, quantity: l.quantity })) }];
    ok(
      a.call('/v4/posting/fbs/ship', {
        posting_number: fbs.postingNumber,
        packages,
        with: { additional_data: true },
      }),
    );
    sim.advance(0.02); // 72 s: labels are ready
    const pdf = ok(a.call('/v2/posting/fbs/package-label', { posting_number: [fbs.postingNumber] }));
    expect(pdf.bytes).not.toBeNull();
    const task = ok(a.call('/v2/posting/fbs/package-label/create', { posting_number: [fbs.postingNumber] }));
    sim.advance(0.01);
    ok(a.call('/v1/posting/fbs/package-label/get', { task_id: task.json.result.tasks[0].task_id }));

    const rfbs = find((p) => p.scheme === 'rfbs' && p.status === 'awaiting_deliver');
    const n = rfbs.postingNumber;
    ok(
      a.call('/v2/fbs/posting/tracking-number/set', {
        tracking_numbers: [{ posting_number: n, tracking_number: 'RA123' }],
      }),
    );
    ok(a.call('/v2/fbs/posting/delivering', { posting_number: [n] }));
    ok(a.call('/v2/fbs/posting/last-mile', { posting_number: [n] }));
    ok(a.call('/v2/fbs/posting/delivered', { posting_number: [n] }));

    const open = postings.filter((p) => p.scheme !== 'fbo' && p.status === 'awaiting_deliver');
    ok(a.call('/v2/posting/fbs/cancel', { posting_number: open[1].postingNumber, cancel_reason_id: 352 }));
    const multi = find(
      (p) =>
        p.scheme !== 'fbo' &&
        p.status === 'awaiting_packaging' &&
        p.lines.reduce((n, l) => n + l.quantity, 0) > 1,
    );
    ok(
      a.call('/v2/posting/fbs/product/cancel', {
        posting_number: multi.postingNumber,
        cancel_reason_id: 352,
        cancel_reason_message: 'Нет в наличии',
        items: [{ sku: multi.lines[0].sku, quantity: 1 }],
      }),
    );

    const prod = sim.state.products[0];
    ok(
      a.call('/v2/products/stocks', {
        stocks: [
          {
            offer_id: prod.offerId,
            product_id: prod.productId,
            stock: 7,
            warehouse_id: sim.state.warehouses[0].id,
          },
        ],
      }),
    );

    const ret = sim.state.rfbsReturns.find((r) => r.state === 'NEW');
    if (ret) ok(a.call('/v1/returns/rfbs/action/set', { return_id: ret.returnId, id: 1 }));
    const cc = sim.state.conditionalCancellations.filter((c) => c.state === 'ON_APPROVAL');
    if (cc[0])
      ok(a.call('/v2/conditional-cancellation/approve', { cancellation_id: cc[0].id, comment: 'ok' }));
    if (cc[1])
      ok(
        a.call('/v2/conditional-cancellation/reject', {
          cancellation_id: cc[1].id,
          comment: 'уже отправлен',
        }),
      );
  });
});

describe('error answers are rpcStatus per the spec', () => {
  it.each([
    { path: '/v3/posting/fbs/get', body: { posting_number: '00000000-0000-1' }, status: 404 },
    {
      path: '/v4/posting/fbs/list',
      body: { limit: 100, filter: { since: iso(now - 400 * DAY), to: iso(now) } },
      status: 400,
    },
    {
      path: '/v2/posting/fbs/cancel',
      body: { posting_number: '00000000-0000-1', cancel_reason_id: 352 },
      status: 404,
    },
  ])('$path answers $status', ({ path, body, status }) => {
    const r = a.call(path, body);
    expect(r.status).toBe(status);
    expect(r.specErrors).toEqual([]);
    expect(r.json).toEqual({ code: expect.any(Number), message: expect.any(String), details: [] });
  });
});

describe('the validator', () => {
  it('reports spec violations of requests and answers', () => {
    const spec = ozonSpec();
    expect(spec.validateRequest('/v4/posting/fbs/list', { limit: 100, filter: {}, with: [] })).toEqual(
      expect.arrayContaining(["/filter must have required property 'since'", '/with must be object']),
    );
    expect(
      spec.validateRequest('/v4/posting/fbs/list', { limit: 1000, filter: { since: 'x', to: 'y' } }),
    ).toEqual(
      expect.arrayContaining(['/limit must be <= 100', '/filter/since must match format "date-time"']),
    );
    expect(spec.validateResponse('/v4/posting/fbs/list', 200, { postings: [{ posting_number: 1 }] })).toEqual(
      ['/postings/0/posting_number must be string'],
    );
    expect(spec.validateResponse('/v2/posting/fbs/package-label', 200, Buffer.from('<html>'))).toEqual([
      'body is not a PDF',
    ]);
    expect(spec.validateResponse('/v4/posting/fbs/list', 200, '{"postings":[')).toEqual(['body is not JSON']);
    // undocumented gateway errors are checked as rpcStatus
    expect(spec.validateResponse('/v2/products/stocks', 429, { code: 8, message: 'x', details: [] })).toEqual(
      [],
    );
    expect(spec.validateResponse('/v2/products/stocks', 429, { code: '8' })).toEqual([
      '/code must be integer',
    ]);
  });

  it('routes exactly the endpoints the spec documents, and the beta ones it does not have yet', () => {
    for (const p of sim.paths) expect(ozonSpec().hasPath(p)).toBe(!BETA_PATHS.has(p));
    for (const p of BETA_PATHS) expect(sim.paths).toContain(p);
  });
});
