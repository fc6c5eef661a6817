// The finance methods: accruals consistent with the postings, one book behind every method, Ozon's
// shapes (the beta ones by the add-on's own zod schemas, the rest by the spec) and Ozon's refusals.
import { parseAnswer } from '../../src/ozon/schemas/common';
import {
  accrualPostingsAnswer,
  accrualsByDayAnswer,
  accrualTypesAnswer,
  cashFlowAnswer,
  realizationAnswer,
  realizationPostingAnswer,
} from '../../src/ozon/schemas/finance';
import { parseMinor } from '../../src/core/finance/minor';
import { ACCRUAL_TYPES, mskDate, UNLISTED_TYPE } from '../finance';
import { byDayPage } from '../handlers/finance';
import { createSimulator } from '../index';
import { api, DAY } from './support';

const NOW = Date.parse('2026-11-20T09:00:00Z');

describe('simulated finance', () => {
  const sim = createSimulator({ seed: 23, postings: 1500, products: 40, days: 75, now: NOW });
  const { call: specCall, raw } = api({}, sim);
  const postings = [...sim.state.postings.values()];
  // The beta methods are not in the spec copy: their answers are checked by the add-on's zod schemas.
  const call = (path: string, body: unknown) =>
    path.includes('/accrual/') ? raw(path, JSON.stringify(body)) : specCall(path, body);
  const all: { posting: string; minor: number; type: string; date: string; currency: string }[] = [];

  it('lists the accrual types dictionary', () => {
    const a = call('/v1/finance/accrual/types', {});
    expect(a.status).toBe(200);
    const parsed = parseAnswer('/v1/finance/accrual/types', accrualTypesAnswer, a.json);
    expect(parsed.accrual_types.map((t) => Number(t.id))).toEqual(ACCRUAL_TYPES.map((t) => t.id));
    expect(parsed.accrual_types.some((t) => Number(t.id) === UNLISTED_TYPE.id)).toBe(false);
  });

  it('gives each delivered posting its sale, category commission, logistics and acquiring', () => {
    const delivered = postings.filter((p) => p.status === 'delivered').slice(0, 200);
    expect(delivered.length).toBe(200);
    const a = call('/v1/finance/accrual/postings', {
      posting_numbers: delivered.map((p) => p.postingNumber),
    });
    expect(a.status).toBe(200);
    const parsed = parseAnswer('/v1/finance/accrual/postings', accrualPostingsAnswer, a.json);
    expect(parsed.posting_accruals).toHaveLength(200);
    for (const pa of parsed.posting_accruals) {
      const p = sim.state.postings.get(pa.posting_number)!;
      const byType = (id: number) => pa.accruals.filter((x) => Number(x.type_id) === id);
      const sale = byType(100).reduce((s, x) => s + parseMinor(x.accrued.amount)!, 0);
      const expected = p.lines.reduce((s, l) => s + Math.round(l.price * 100) * l.quantity, 0);
      expect(sale).toBe(expected);
      for (const line of p.lines) {
        const saleLine = byType(100).find((x) => x.sku === line.sku)!;
        const commission = byType(110).find((x) => x.sku === line.sku)!;
        const lineSale = parseMinor(saleLine.accrued.amount)!;
        expect(-parseMinor(commission.accrued.amount)!).toBe(
          Math.round((lineSale * line.commissionPercent) / 100),
        );
        expect(parseMinor(byType(120).find((x) => x.sku === line.sku)!.accrued.amount)!).toBeLessThan(0);
      }
      expect(-parseMinor(byType(140)[0].accrued.amount)!).toBe(Math.round((expected * 150) / 10_000));
      expect(pa.accruals.every((x) => x.accrued.currency === p.currency)).toBe(true);
      expect(pa.accruals.every((x) => x.accrual_date <= mskDate(sim.now()))).toBe(true);
    }
  });

  it('charges the distance: logistics between clusters cost more than within one', () => {
    const delivered = postings.filter(
      (p) => p.status === 'delivered' && p.lines.length === 1 && p.lines[0].quantity === 1,
    );
    const perLitre = new Map<string, number[]>();
    for (const p of delivered.slice(0, 400)) {
      const product = sim.state.productsBySku.get(p.lines[0].sku)!;
      const far = !p.clusterTo.startsWith(p.clusterFrom.split(',')[0]);
      const a = call('/v1/finance/accrual/postings', { posting_numbers: [p.postingNumber] }).json;
      const logistics = -parseMinor(
        a.posting_accruals[0].accruals.find((x: { type_id: number }) => x.type_id === 120).accrued.amount,
      )!;
      const key = far ? 'far' : 'near';
      perLitre.set(key, [
        ...(perLitre.get(key) ?? []),
        (logistics - 4600 * (far ? 1.45 : 1)) / Math.max(0.2, product.weightKg * 2.5),
      ]);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(perLitre.get('far')!)).toBeGreaterThan(mean(perLitre.get('near')!));
  });

  it('pages a day by last_id (accrual_id since the 2026-06-09 rename) and agrees with the per-posting answers', () => {
    const days = new Set<string>();
    for (let t = NOW - 75 * DAY; t <= sim.now(); t += DAY) days.add(mskDate(t));
    let pages = 0;
    byDayPage.size = 50;
    for (const date of days) {
      let lastId = '';
      for (;;) {
        const a = call('/v1/finance/accrual/by-day', lastId ? { date, last_id: lastId } : { date });
        expect(a.status).toBe(200);
        const parsed = parseAnswer('/v1/finance/accrual/by-day', accrualsByDayAnswer, a.json);
        pages++;
        for (const x of a.json.accruals) {
          expect(x.type_id).toBeUndefined();
          expect(x.accrual_id).toBeDefined();
        }
        for (const x of parsed.accruals)
          all.push({
            posting: x.unit_number,
            minor: parseMinor(x.total_amount.amount)!,
            type: x.type_id,
            date: x.date,
            currency: x.total_amount.currency,
          });
        if (!parsed.has_next) break;
        lastId = parsed.last_id;
      }
    }
    byDayPage.size = 500;
    expect(pages).toBeGreaterThan(days.size); // some days need more than one page
    // Same accruals per posting through /v1/finance/accrual/postings, 200 at a time.
    const numbers = [...new Set(all.map((a) => a.posting))];
    const viaPostings = new Map<string, number>();
    for (let i = 0; i < numbers.length; i += 200) {
      const a = call('/v1/finance/accrual/postings', { posting_numbers: numbers.slice(i, i + 200) }).json;
      for (const pa of a.posting_accruals)
        viaPostings.set(
          pa.posting_number,
          pa.accruals.reduce(
            (s: number, x: { accrued: { amount: string } }) => s + parseMinor(x.accrued.amount)!,
            0,
          ),
        );
    }
    const viaDays = new Map<string, number>();
    for (const a of all) viaDays.set(a.posting, (viaDays.get(a.posting) ?? 0) + a.minor);
    expect(viaDays).toEqual(viaPostings);
  });

  it('models returns, corrections days later, negative amounts, unlisted types and two currencies', () => {
    expect(all.some((a) => a.type === '101')).toBe(true); // sale reversed by a return
    expect(all.some((a) => a.type === '111' && a.minor > 0)).toBe(true); // commission refunded
    expect(all.some((a) => a.type === '121')).toBe(true); // logistics corrected later
    expect(all.some((a) => a.type === '151')).toBe(true); // not picked up
    expect(all.some((a) => a.type === String(UNLISTED_TYPE.id))).toBe(true);
    expect(new Set(all.map((a) => a.currency))).toEqual(new Set(['RUB', 'KZT']));
    const corrections = all.filter((a) => a.type === '121');
    for (const c of corrections.slice(0, 20)) {
      const first = all.find((a) => a.posting === c.posting && a.type === '120')!;
      expect(c.date > first.date).toBe(true);
    }
  });

  it('reports a closed month per posting and per SKU (spec-valid), in step with the accruals', () => {
    const a = call('/v1/finance/realization/posting', { year: 2026, month: 10 });
    expect(a.status).toBe(200);
    const parsed = parseAnswer('/v1/finance/realization/posting', realizationPostingAnswer, a.json);
    const sale = new Map<string, number>();
    for (const x of all)
      if (x.date.startsWith('2026-10') && (x.type === '100' || x.type === '101'))
        sale.set(x.posting, (sale.get(x.posting) ?? 0) + x.minor);
    const reported = new Map<string, number>();
    for (const row of parsed.rows) {
      const sold =
        parseMinor(row.delivery_commission?.amount ?? 0)! - parseMinor(row.return_commission?.amount ?? 0)!;
      reported.set(row.order.posting_number, (reported.get(row.order.posting_number) ?? 0) + sold);
    }
    expect(reported).toEqual(sale);
    const bySku = call('/v2/finance/realization', { year: 2026, month: 10 });
    expect(bySku.status).toBe(200);
    const skuRows = parseAnswer('/v2/finance/realization', realizationAnswer, bySku.json).result.rows;
    const skuTotal = skuRows.reduce(
      (s, r) =>
        s + parseMinor(r.delivery_commission?.amount ?? 0)! - parseMinor(r.return_commission?.amount ?? 0)!,
      0,
    );
    expect(skuTotal).toBe([...sale.values()].reduce((s, x) => s + x, 0));
  });

  it('refuses the month still open', () => {
    const a = call('/v1/finance/realization/posting', { year: 2026, month: 11 });
    expect(a.status).toBe(400);
    expect(a.json.message).toMatch(/not ready/);
  });

  it('sums half-month payout periods from the same book (spec-valid)', () => {
    const a = call('/v1/finance/cash-flow-statement/list', {
      date: { from: '2026-09-30T21:00:00Z', to: '2026-10-31T20:59:59Z' },
      page: 1,
      page_size: 50,
    });
    expect(a.status).toBe(200);
    const flows = parseAnswer('/v1/finance/cash-flow-statement/list', cashFlowAnswer, a.json).result
      .cash_flows;
    const rub = flows.filter((f) => f.currency_code === 'RUB');
    expect(rub).toHaveLength(2);
    const total = rub.reduce(
      (s, f) =>
        s +
        [
          'orders_amount',
          'returns_amount',
          'commission_amount',
          'services_amount',
          'item_delivery_and_return_amount',
        ]
          .map((k) => parseMinor((f as Record<string, unknown>)[k])!)
          .reduce((x, y) => x + y, 0),
      0,
    );
    const expected = all
      .filter((x) => x.date.startsWith('2026-10') && x.currency === 'RUB')
      .reduce((s, x) => s + x.minor, 0);
    expect(total).toBe(expected);
  });

  it('answers Ozon’s errors: too many postings, none, a bad or future date, a key without the Finance role', () => {
    const many = Array.from({ length: 201 }, (_v, i) => `0000${i}-0001-1`);
    expect(raw('/v1/finance/accrual/postings', JSON.stringify({ posting_numbers: many })).status).toBe(400);
    expect(raw('/v1/finance/accrual/postings', JSON.stringify({ posting_numbers: [] })).status).toBe(400);
    expect(raw('/v1/finance/accrual/by-day', JSON.stringify({ date: '20.11.2026' })).status).toBe(400);
    expect(
      raw('/v1/finance/accrual/by-day', JSON.stringify({ date: mskDate(sim.now() + 3 * DAY) })).status,
    ).toBe(400);
    sim.setRoles(['Posting FBS', 'Product']);
    const refused = raw('/v1/finance/accrual/types', '{}');
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/role/);
    sim.setRoles(['Posting FBS', 'Finance']);
    expect(raw('/v1/finance/accrual/types', '{}').status).toBe(200);
    sim.setRoles(['Admin']);
  });

  it('books a later correction on an old posting: on its day’s list and among the posting’s accruals', () => {
    const old = postings.find(
      (p) => p.status === 'delivered' && p.deliveredAt !== null && p.deliveredAt < sim.now() - 45 * DAY,
    )!;
    expect(old).toBeDefined();
    const at = sim.now() - 3_600_000;
    const sku = old.lines[0].sku;
    sim.state.accrualCorrections.push({
      postingNumber: old.postingNumber,
      typeId: 121,
      at,
      minor: -1234,
      sku,
    });
    const mine = (json: { posting_accruals: { posting_number: string; accruals: unknown[] }[] }) =>
      json.posting_accruals.find((p) => p.posting_number === old.postingNumber)!.accruals as {
        type_id: number;
        accrued: { amount: string };
        accrual_date: string;
        sku: number;
        quantity: number;
      }[];
    const listed = mine(
      call('/v1/finance/accrual/postings', { posting_numbers: [old.postingNumber] }).json as never,
    );
    expect(listed.filter((a) => a.accrual_date === mskDate(at))).toEqual([
      expect.objectContaining({
        type_id: 121,
        accrued: { amount: '-12.34', currency: old.currency },
        sku,
        quantity: 0,
      }),
    ]);
    const day: { unit_number: string; accrual_id: number; total_amount: { amount: string } }[] = [];
    let lastId = '';
    for (;;) {
      const page = call(
        '/v1/finance/accrual/by-day',
        lastId ? { date: mskDate(at), last_id: lastId } : { date: mskDate(at) },
      ).json as { accruals: typeof day; last_id: string; has_next: boolean };
      day.push(...page.accruals);
      if (!page.has_next) break;
      lastId = page.last_id;
    }
    expect(day.filter((a) => a.unit_number === old.postingNumber)).toEqual([
      expect.objectContaining({
        accrual_id: 121,
        total_amount: { amount: '-12.34', currency: old.currency },
      }),
    ]);
  });

  it('delivers a posting now: delivered in the list changed since now, its sale and fees dated today', () => {
    const moving = postings.find((p) => p.status === 'delivering' && p.scheme === 'fbs')!;
    expect(moving).toBeDefined();
    const before = call('/v1/finance/accrual/postings', { posting_numbers: [moving.postingNumber] }).json as {
      posting_accruals: { accruals: { type_id: number }[] }[];
    };
    expect(before.posting_accruals[0]?.accruals ?? []).toEqual([]);
    const at = sim.now();
    sim.deliverNow([moving.postingNumber]);
    expect(() => sim.deliverNow([moving.postingNumber])).toThrow(/not delivering/);
    const list = call('/v4/posting/fbs/list', {
      filter: {
        since: new Date(at - 300 * DAY).toISOString(),
        to: new Date(at + 60_000).toISOString(),
        last_changed_status_date: {
          from: new Date(at).toISOString(),
          to: new Date(at + 60_000).toISOString(),
        },
      },
      limit: 100,
      with: {},
    });
    expect(list.specErrors).toEqual([]);
    const listed = (list.json.postings as { posting_number: string; status: string }[]).find(
      (p) => p.posting_number === moving.postingNumber,
    );
    expect(listed?.status).toBe('delivered');
    const after = call('/v1/finance/accrual/postings', { posting_numbers: [moving.postingNumber] }).json as {
      posting_accruals: { accruals: { type_id: number; accrual_date: string }[] }[];
    };
    const types = after.posting_accruals[0].accruals.map((a) => a.type_id);
    expect(types).toEqual(expect.arrayContaining([100, 110, 120, 140]));
    for (const a of after.posting_accruals[0].accruals.filter((x) => [100, 110, 140].includes(x.type_id)))
      expect(a.accrual_date).toBe(mskDate(at));
  });
});
