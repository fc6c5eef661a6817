// FBP postings: /v1/posting/fbp/list pages by cursor alone, every posting exactly once, answers per the spec.
import { api, DAY, iso, type Api } from './support';

function drain(a: Api, body: Record<string, unknown>) {
  const numbers: string[] = [];
  let cursor = '';
  for (let guard = 0; guard < 5000; guard++) {
    const r = a.call('/v1/posting/fbp/list', { ...body, ...(cursor ? { cursor } : {}) });
    expect(r.status).toBe(200);
    numbers.push(...r.json.postings.map((p: { posting_number: string }) => p.posting_number));
    if (!r.json.cursor) return numbers;
    cursor = r.json.cursor;
  }
  throw new Error('paging does not end');
}

describe('/v1/posting/fbp/list', () => {
  const a = api({ seed: 5, postings: 200, fbp: 120, days: 20 });
  const now = a.sim.now();
  const filter = { since: iso(now - 21 * DAY), to: iso(now) };
  const fbp = [...a.sim.state.postings.values()].filter((p) => p.scheme === 'fbp');

  it('returns every FBP posting exactly once and no other scheme', () => {
    expect(fbp.length).toBe(120);
    for (const limit of [100, 7]) {
      const numbers = drain(a, { limit, filter });
      expect(new Set(numbers).size).toBe(numbers.length);
      expect([...numbers].sort()).toEqual(fbp.map((p) => p.postingNumber).sort());
    }
    const byLastChange = drain(a, { limit: 13, filter, sort_by: 'last_change_status_date' });
    expect([...byLastChange].sort()).toEqual(fbp.map((p) => p.postingNumber).sort());
  });

  it('fills products and financial data from the shop, and filters by posting number and status', () => {
    const one = fbp[3];
    const r = a.call('/v1/posting/fbp/list', { limit: 10, filter: { posting_numbers: [one.postingNumber] } });
    expect(r.json.postings).toHaveLength(1);
    const p = r.json.postings[0];
    expect(p).toMatchObject({ posting_number: one.postingNumber, status: one.status, order_id: one.orderId });
    expect(p.products.map((l: { sku: number; quantity: number }) => [l.sku, l.quantity])).toEqual(
      one.lines.map((l) => [l.sku, l.quantity]),
    );
    expect(p.financial_data.products[0].product_id).toBe(one.lines[0].sku);
    const delivered = drain(a, { limit: 100, filter: { ...filter, statuses: ['delivered'] } });
    expect(delivered.length).toBe(fbp.filter((x) => x.status === 'delivered').length);
  });

  it('FBP postings never appear in the FBS or FBO lists, and new ones arrive as time passes', () => {
    const fbs = a.call('/v4/posting/fbs/list', { limit: 100, filter });
    const fbo = a.call('/v3/posting/fbo/list', { limit: 100, filter });
    const numbers = new Set(fbp.map((p) => p.postingNumber));
    for (const p of [...fbs.json.postings, ...fbo.json.postings])
      expect(numbers.has(p.posting_number)).toBe(false);
    a.sim.advance(48);
    const later = [...a.sim.state.postings.values()].filter((p) => p.scheme === 'fbp').length;
    expect(later).toBeGreaterThan(fbp.length);
  });
});
