import { createOzonClient } from '../../../src/ozon/client';
import { EP } from '../../../src/ozon/endpoints';
import { splitWindows } from '../../../src/ozon/paging';
import { CREDENTIALS, FakeClock, json, ScriptedHttp } from './support';

const page = (n: string) => ({
  postings: [
    {
      posting_number: n,
      status: 'awaiting_packaging',
      in_process_at: '2026-01-01T12:00:00Z',
      tpl_integration_type: 'non_integrated',
      products: [{ sku: 1, offer_id: '007', name: 'x', quantity: 1, price: '10.50', currency_code: 'KZT' }],
    },
  ],
  has_next: false,
  cursor: '',
});

describe('transport', () => {
  it('re-sends only the failed requests of a batch, honouring Retry-After in seconds', () => {
    const clock = new FakeClock(Date.parse('2026-02-01T00:00:00Z'));
    let calls = 0;
    const http = new ScriptedHttp(clock, (_p, body) => {
      calls++;
      const since = (body as { filter: { since: string } }).filter.since;
      // The second window fails once with 429 and a 3 s pause.
      if (since.startsWith('2026-01-01T08') && calls === 2)
        return json(429, { code: 8, message: 'limit' }, { 'Retry-After': '3' });
      return json(200, page(`p-${since}`));
    });
    const client = createOzonClient({ credentials: CREDENTIALS, http, clock });
    const windows = splitWindows('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 3);
    const r = client.fbsListRound(windows, { by: 'created' });
    expect(http.batches).toBe(2);
    expect(http.sent.filter((s) => s.batch === 1)).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(r.windows.every((w) => w.done && w.pages === 1)).toBe(true);
    // Only the window holding 12:00 keeps its posting; it is rFBS with money in KZT.
    expect(r.postings).toHaveLength(1);
    expect(r.postings[0]).toMatchObject({
      schema: 'rFBS',
      products: [{ offer_id: '007', price: { amount: 10.5, currency: 'KZT' } }],
    });
  });

  it('advances no window when a page of the round has the wrong shape', () => {
    const clock = new FakeClock();
    const http = new ScriptedHttp(clock, (_p, _b, _r, n) =>
      n === 2 ? json(200, { postings: 'none', has_next: false }) : json(200, page('ok')),
    );
    const client = createOzonClient({ credentials: CREDENTIALS, http, clock });
    const windows = splitWindows('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 2);
    expect(() => client.fbsListRound(windows, { by: 'created' })).toThrow(
      /\/v4\/posting\/fbs\/list .* at postings/,
    );
  });

  it('sets one posting of the wrong shape aside and lands the rest of the round', () => {
    const clock = new FakeClock();
    const http = new ScriptedHttp(clock, (_p, _b, _r, n) =>
      n === 2
        ? json(200, { postings: [{ posting_number: 'x', status: 's', products: 'none' }], has_next: false })
        : json(200, page('ok')),
    );
    const client = createOzonClient({ credentials: CREDENTIALS, http, clock });
    const windows = splitWindows('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 2);
    const round = client.fbsListRound(windows, { by: 'created' });
    expect(round.rejected).toEqual([{ key: 'x', path: 'products', detail: 'expected array, got string' }]);
    expect(round.windows.every((w) => w.pages === 1)).toBe(true);
  });

  it('caps the tries', () => {
    const clock = new FakeClock();
    const http = new ScriptedHttp(clock, () => json(502, 'Bad gateway'));
    const client = createOzonClient({ credentials: CREDENTIALS, http, clock, maxTries: 4 });
    expect(() => client.roles()).toThrow(/try again/);
    expect(http.sent).toHaveLength(4);
  });

  it('splits big inputs: 250 stocks into 3 requests, 45 tracking numbers into 3', () => {
    const clock = new FakeClock();
    const http = new ScriptedHttp(clock, (p, body) =>
      p === EP.stocksSet
        ? json(200, {
            result: (body as { stocks: { product_id: number; warehouse_id: number }[] }).stocks.map((s) => ({
              ...s,
              updated: true,
              errors: [],
            })),
          })
        : json(200, { result: [] }),
    );
    const client = createOzonClient({ credentials: CREDENTIALS, http, clock });
    const stocks = Array.from({ length: 250 }, (_x, k) => ({ product_id: k + 1, warehouse_id: 9, stock: k }));
    expect(client.setStocks(stocks).every((r) => r.updated)).toBe(true);
    expect(http.sent.map((s) => (s.body as { stocks: unknown[] }).stocks.length)).toEqual([100, 100, 50]);
    client.setTrackingNumbers(
      Array.from({ length: 45 }, (_x, k) => ({ posting_number: `p${k}`, tracking_number: `t${k}` })),
    );
    expect(
      http.sent.slice(3).map((s) => (s.body as { tracking_numbers: unknown[] }).tracking_numbers.length),
    ).toEqual([20, 20, 5]);
  });
});
