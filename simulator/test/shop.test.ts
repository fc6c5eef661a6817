// What the generated shop holds: the mix and the hostile values a real shop carries, in Ozon's shapes.
import { createSimulator } from '../index';
import { api, DAY, iso, WITH_ALL } from './support';

describe('the generated shop', () => {
  const sim = createSimulator({ seed: 51, postings: 3000, products: 60, days: 30 });
  const all = [...sim.state.postings.values()];
  const share = (pred: (p: (typeof all)[number]) => boolean) => all.filter(pred).length / all.length;

  it('mixes FBS (~65%), rFBS (~15%) and FBO (~20%) over the history', () => {
    expect(share((p) => p.scheme === 'fbs')).toBeGreaterThan(0.55);
    expect(share((p) => p.scheme === 'fbs')).toBeLessThan(0.75);
    expect(share((p) => p.scheme === 'rfbs')).toBeGreaterThan(0.1);
    expect(share((p) => p.scheme === 'rfbs')).toBeLessThan(0.22);
    expect(share((p) => p.scheme === 'fbo')).toBeGreaterThan(0.14);
    expect(share((p) => p.scheme === 'fbo')).toBeLessThan(0.26);
    const start = sim.now() - 30 * DAY;
    expect(all.every((p) => p.inProcessAt >= start && p.inProcessAt <= sim.now())).toBe(true);
  });

  it('has realistic statuses, substatuses, splits and cancellations', () => {
    const statuses = new Set(all.map((p) => p.status));
    for (const s of [
      'awaiting_packaging',
      'awaiting_deliver',
      'delivering',
      'delivered',
      'cancelled',
      'cancelled_from_split_pending',
    ]) {
      expect(statuses).toContain(s);
    }
    const parents = all.filter((p) => p.status === 'cancelled_from_split_pending');
    for (const parent of parents) {
      const children = all.filter((c) => c.parentPostingNumber === parent.postingNumber);
      expect(children.length).toBeGreaterThanOrEqual(2);
      expect(children.every((c) => c.orderNumber === parent.orderNumber)).toBe(true);
    }
    expect(
      all.filter((p) => p.status === 'cancelled').every((p) => p.cancellation && p.cancellation.reasonId > 0),
    ).toBe(true);
  });

  it('numbers postings like Ozon and keeps offer ids as text with leading zeros', () => {
    expect(all.every((p) => /^\d{8}-\d{4}-\d+$/.test(p.postingNumber))).toBe(true);
    expect(all.some((p) => p.postingNumber.startsWith('0'))).toBe(true);
    const offers = sim.state.products.map((p) => p.offerId);
    expect(offers).toEqual(expect.arrayContaining(['000123', '0451-B']));
    expect(sim.state.products.every((p) => Number.isInteger(p.sku) && p.sku !== p.productId)).toBe(true);
  });

  it('carries Russian, Chinese, formula-like, HTML, emoji and very long names', () => {
    const names = sim.state.products.map((p) => p.name);
    expect(names.some((n) => /[а-я]/i.test(n))).toBe(true);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    for (const lead of ['=', '+', '-', '@']) expect(names.some((n) => n.startsWith(lead))).toBe(true);
    expect(names.some((n) => n.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(names.some((n) => /\p{Extended_Pictographic}/u.test(n))).toBe(true);
    expect(names.some((n) => n.length > 600)).toBe(true);
  });

  it('has buyers only on rFBS, with repeat buyers; FBS customer is null; some postings in KZT', () => {
    const rfbs = all.filter((p) => p.scheme === 'rfbs');
    expect(rfbs.every((p) => p.buyer && p.buyer.name && p.buyer.address.city)).toBe(true);
    expect(all.filter((p) => p.scheme !== 'rfbs').every((p) => p.buyer === null)).toBe(true);
    const ids = rfbs.map((p) => p.buyer!.customerId);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    expect(share((p) => p.currency === 'KZT')).toBeGreaterThan(0.01);
    expect(all.some((p) => p.lines.length >= 3)).toBe(true);
    expect(all.some((p) => p.lines.some((l) => l.quantity >= 2))).toBe(true);
  });

  it('places orders on both sides of Moscow midnight (21:00 UTC)', () => {
    const hour = (t: number) => new Date(t).getUTCHours();
    expect(all.some((p) => hour(p.inProcessAt) === 20)).toBe(true);
    expect(all.some((p) => hour(p.inProcessAt) === 21)).toBe(true);
  });
});

describe('postings on the wire', () => {
  it('render FBS customer null, rFBS customer and addressee, money in each method’s shape', () => {
    const a = api({ seed: 52, postings: 600 });
    const now = a.sim.now();
    const list = a.call('/v4/posting/fbs/list', {
      limit: 100,
      filter: { since: iso(now - 31 * DAY), to: iso(now) },
      with: WITH_ALL,
    });
    const fbs = list.json.postings.find(
      (p: { tpl_integration_type: string }) => p.tpl_integration_type === 'ozon',
    );
    const rfbs = list.json.postings.find(
      (p: { tpl_integration_type: string }) => p.tpl_integration_type === 'non_integrated',
    );
    expect(fbs.customer).toBeNull();
    expect(fbs.addressee).toBeNull();
    expect(rfbs.customer).toEqual(
      expect.objectContaining({
        customer_id: expect.any(Number),
        name: expect.any(String),
        phone: expect.stringMatching(/^\+7/),
      }),
    );
    expect(rfbs.addressee.name).toBe(rfbs.customer.name);
    expect(fbs.in_process_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(fbs.products[0].offer_id).toEqual(expect.any(String));
    const get = a.call('/v3/posting/fbs/get', {
      posting_number: fbs.posting_number,
      with: { financial_data: true },
    }).json.result;
    expect(get.products[0].price).toMatch(/^\d+\.\d{6}$/);
    expect(get.financial_data.products[0].customer_price).toEqual(expect.any(Number));
  });
});
