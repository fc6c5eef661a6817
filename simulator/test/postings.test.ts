// Posting lists: cursor paging returns every posting exactly once (also while the shop changes), filters,
// optional blocks, request checks Ozon makes.
import { api, DAY, iso, WITH_ALL, type Api } from './support';

function drain(a: Api, path: string, body: Record<string, unknown>, guard = 5000) {
  const numbers: string[] = [];
  let cursor = '';
  let pages = 0;
  for (;;) {
    const r = a.call(path, { ...body, cursor });
    expect(r.status).toBe(200);
    numbers.push(...r.json.postings.map((p: { posting_number: string }) => p.posting_number));
    pages++;
    if (!r.json.has_next) {
      expect(r.json.cursor).toBe('');
      break;
    }
    expect(r.json.postings.length).toBe(body.limit);
    cursor = r.json.cursor;
    if (pages > guard) throw new Error('paging does not end');
  }
  return { numbers, pages };
}

describe('/v4/posting/fbs/list paging', () => {
  const a = api({ seed: 11, postings: 1200, days: 30 });
  const now = a.sim.now();
  const filter = { since: iso(now - 31 * DAY), to: iso(now) };
  const expected = [...a.sim.state.postings.values()]
    .filter((p) => p.scheme !== 'fbo')
    .map((p) => p.postingNumber)
    .sort();

  it.each([100, 1, 7, 33])(
    'limit %i returns every FBS and rFBS posting exactly once, oldest first',
    (limit) => {
      const { numbers, pages } = drain(a, '/v4/posting/fbs/list', { limit, filter });
      expect([...numbers].sort()).toEqual(expected);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(pages).toBe(Math.ceil(expected.length / limit));
      const times = numbers.map((n) => a.sim.state.postings.get(n)!.inProcessAt);
      expect(times).toEqual([...times].sort((x, y) => x - y));
    },
  );

  it('sort_dir DESC returns the same set newest first', () => {
    const { numbers } = drain(a, '/v4/posting/fbs/list', { limit: 50, filter, sort_dir: 'DESC' });
    expect([...numbers].sort()).toEqual(expected);
    const times = numbers.map((n) => a.sim.state.postings.get(n)!.inProcessAt);
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('fills analytics, financial, barcodes and legal blocks only when asked', () => {
    const r = a.call('/v4/posting/fbs/list', { limit: 100, filter, with: { financial_data: true } });
    const p = r.json.postings[0];
    expect(p.financial_data.products[0]).toEqual(
      expect.objectContaining({
        product_id: p.products[0].sku,
        price: expect.any(Number),
        payout: expect.any(Number),
      }),
    );
    expect(p.financial_data.products[0].customer_price).toEqual({
      amount: expect.any(String),
      currency: expect.any(String),
    });
    expect(p.analytics_data).toBeNull();
    expect(p.barcodes).toBeNull();
    expect(p.products[0].price).toEqual({
      amount: expect.stringMatching(/^\d+\.\d\d$/),
      currency: expect.any(String),
    });
  });
});

describe('paging while the shop changes', () => {
  it('returns every posting that existed at the start exactly once, and new arrivals at most once', () => {
    const a = api({ seed: 12, postings: 900, days: 30 });
    const start = a.sim.now();
    const before = new Set(
      [...a.sim.state.postings.values()].filter((p) => p.scheme !== 'fbo').map((p) => p.postingNumber),
    );
    const seen = new Map<string, number>();
    let cursor = '';
    let pages = 0;
    const filter = { since: iso(start - 31 * DAY), to: iso(start + 5 * DAY) };
    for (;;) {
      const r = a.call('/v4/posting/fbs/list', { limit: 100, filter, cursor });
      for (const p of r.json.postings) seen.set(p.posting_number, (seen.get(p.posting_number) ?? 0) + 1);
      if (!r.json.has_next) break;
      cursor = r.json.cursor;
      a.sim.advance(6); // orders arrive, statuses move, splits add children between pages
      pages++;
    }
    expect(pages).toBeGreaterThan(5);
    for (const n of before) expect(seen.get(n)).toBe(1);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(a.sim.state.postings.size).toBeGreaterThan(before.size);
  });
});

describe('filters', () => {
  const a = api({ seed: 13, postings: 1000, days: 30 });
  const now = a.sim.now();
  const filter = { since: iso(now - 31 * DAY), to: iso(now) };
  const all = [...a.sim.state.postings.values()].filter((p) => p.scheme !== 'fbo');

  it('last_changed_status_date returns exactly the postings whose status changed in the period', () => {
    const from = now - 2 * DAY;
    const { numbers } = drain(a, '/v4/posting/fbs/list', {
      limit: 100,
      filter: { ...filter, last_changed_status_date: { from: iso(from), to: iso(now) } },
    });
    const expected = all.filter((p) => p.lastChangedStatusDate >= from).map((p) => p.postingNumber);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(all.length / 2);
    expect([...numbers].sort()).toEqual(expected.sort());
  });

  it('statuses, warehouse_ids and order_numbers narrow the list', () => {
    const { numbers } = drain(a, '/v4/posting/fbs/list', {
      limit: 100,
      filter: { ...filter, statuses: ['delivering', 'cancelled'] },
    });
    expect([...numbers].sort()).toEqual(
      all
        .filter((p) => p.status === 'delivering' || p.status === 'cancelled')
        .map((p) => p.postingNumber)
        .sort(),
    );
    const wh = a.sim.state.warehouses[0].id;
    const byWh = drain(a, '/v4/posting/fbs/list', {
      limit: 100,
      filter: { ...filter, warehouse_ids: [String(wh)] },
    });
    expect(byWh.numbers.length).toBe(all.filter((p) => p.warehouseId === wh).length);
    const order = all[5].orderNumber;
    const byOrder = a.call('/v4/posting/fbs/list', {
      limit: 10,
      filter: { ...filter, order_numbers: [order] },
    });
    expect(byOrder.json.postings.every((p: { order_number: string }) => p.order_number === order)).toBe(true);
  });

  it('the unfulfilled list holds open work, by pack-by deadline', () => {
    const r = a.call('/v4/posting/fbs/unfulfilled/list', {
      limit: 100,
      filter: { cutoff_from: iso(now - 20 * DAY), cutoff_to: iso(now + 5 * DAY) },
    });
    const open = all.filter((p) => p.status === 'awaiting_packaging' || p.status === 'awaiting_deliver');
    expect(r.json.postings.map((p: { posting_number: string }) => p.posting_number).sort()).toEqual(
      open.map((p) => p.postingNumber).sort(),
    );
  });
});

describe('request checks', () => {
  const a = api({ seed: 14, postings: 200 });
  const now = a.sim.now();
  const filter = { since: iso(now - 10 * DAY), to: iso(now) };
  const post = (path: string, body: unknown) => a.raw(path, JSON.stringify(body));

  it.each([
    ['`with` as an array', { limit: 10, filter, with: [] }],
    ['limit 0', { limit: 0, filter }],
    ['limit 101', { limit: 101, filter }],
    ['no since', { limit: 10, filter: { to: filter.to } }],
    ['a period over a year', { limit: 10, filter: { since: iso(now - 370 * DAY), to: filter.to } }],
    ['to before since', { limit: 10, filter: { since: filter.to, to: filter.since } }],
    ['an empty statuses array', { limit: 10, filter: { ...filter, statuses: [] } }],
    ['an empty warehouse_ids array', { limit: 10, filter: { ...filter, warehouse_ids: [] } }],
    ['an unknown status', { limit: 10, filter: { ...filter, statuses: ['shipped'] } }],
    ['a lowercase sort_dir', { limit: 10, filter, sort_dir: 'asc' }],
    ['a forged cursor', { limit: 10, filter, cursor: 'bm90IGEgY3Vyc29y' }],
  ])('%s is a 400 with code 3', (_name, body) => {
    const r = post('/v4/posting/fbs/list', body);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 3, message: expect.any(String), details: [] });
    expect(r.specErrors).toEqual([]);
  });

  it('`with` as an array is refused even with request validation off', () => {
    a.sim.setValidateRequests(false);
    const r = post('/v4/posting/fbs/list', { limit: 10, filter, with: [] });
    a.sim.setValidateRequests(true);
    expect(r.status).toBe(400);
    expect(r.json.code).toBe(3);
  });

  it('unfulfilled needs cutoff or delivering dates, not both', () => {
    const both = post('/v4/posting/fbs/unfulfilled/list', {
      limit: 10,
      filter: {
        cutoff_from: filter.since,
        cutoff_to: filter.to,
        delivering_date_from: filter.since,
        delivering_date_to: filter.to,
      },
    });
    expect(both.status).toBe(400);
    expect(post('/v4/posting/fbs/unfulfilled/list', { limit: 10, filter: {} }).status).toBe(400);
  });

  it('unknown postings are 404 with code 5', () => {
    const r = a.call('/v3/posting/fbs/get', { posting_number: '12345678-0001-1' });
    expect(r.status).toBe(404);
    expect(r.json.code).toBe(5);
    const fbo = [...a.sim.state.postings.values()].find((p) => p.scheme === 'fbo')!;
    expect(a.call('/v3/posting/fbs/get', { posting_number: fbo.postingNumber }).status).toBe(404);
    expect(a.call('/v2/posting/fbo/get', { posting_number: fbo.postingNumber }).status).toBe(200);
  });
});

describe('/v3/posting/fbo/list', () => {
  it('pages every FBO posting exactly once', () => {
    const a = api({ seed: 15, postings: 800 });
    const now = a.sim.now();
    const { numbers } = drain(a, '/v3/posting/fbo/list', {
      limit: 37,
      filter: { since: iso(now - 31 * DAY), to: iso(now) },
      with: WITH_ALL,
    });
    const expected = [...a.sim.state.postings.values()]
      .filter((p) => p.scheme === 'fbo')
      .map((p) => p.postingNumber);
    expect([...numbers].sort()).toEqual(expected.sort());
  });
});
