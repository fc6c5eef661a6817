// The finance client: batching, paging, exact amounts, the 2026-06-09 rename, named shape changes,
// and a key whose role refuses the finance methods.
import { FinanceApi, POSTINGS_PER_CALL } from '../../../src/ozon/finance';
import { OzonRoleError, OzonSchemaError } from '../../../src/ozon/errors';
import { createOzonClient } from '../../../src/ozon/client';
import { harness } from '../ozon/sim-support';
import { FakeClock, ScriptedHttp } from '../ozon/support';

const json = (body: unknown) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function scripted(answer: (path: string, body: unknown) => unknown) {
  const clock = new FakeClock();
  const http = new ScriptedHttp(clock, (path, body) => json(answer(path, body)));
  const client = createOzonClient({ credentials: { clientId: '1', apiKey: 'k' }, http, clock });
  return { http, api: new FinanceApi(client.transport) };
}

describe('FinanceApi', () => {
  it('reads 1,000 postings in ceil(1000/200) calls of one fetchAll batch, amounts exact', () => {
    const h = harness({ seed: 5, postings: 1200, days: 40 });
    const client = h.client();
    const api = new FinanceApi(client.transport);
    const numbers = [...h.sim.state.postings.keys()].slice(0, 1000);
    const accruals = api.accrualsForPostings(numbers);
    expect(client.stats.requests).toBe(Math.ceil(1000 / POSTINGS_PER_CALL));
    expect(client.stats.rounds).toBe(1);
    expect(accruals.size).toBe(1000);
    const all = [...accruals.values()].flat();
    expect(all.length).toBeGreaterThan(1000);
    expect(all.every((a) => Number.isInteger(a.minor) && /^\d{4}-\d\d-\d\d$/.test(a.date))).toBe(true);
    expect(all.some((a) => a.minor < 0) && all.some((a) => a.minor > 0)).toBe(true);
  });

  it('pages a day by last_id until Ozon says there is no more', () => {
    const { http, api } = scripted((_p, body) => {
      const b = body as { last_id?: string };
      return b.last_id === '2'
        ? { accruals: [], last_id: '' }
        : {
            accruals: [
              {
                accrual_id: 120,
                date: '2026-11-01',
                unit_number: 'P-1',
                total_amount: { amount: '-1 234,50', currency: 'RUB' },
                posting: { products: [{ sku: 7, quantity: 2 }] },
              },
            ],
            last_id: b.last_id ? '2' : '1',
          };
    });
    const first = api.accrualsByDay('2026-11-01');
    expect(first.accruals[0]).toEqual({
      postingNumber: 'P-1',
      typeId: '120',
      typeName: '',
      date: '2026-11-01',
      minor: -123450,
      currency: 'RUB',
      sku: 7,
      quantity: 2,
    });
    expect(first.next).toBe('1');
    expect(api.accrualsByDay('2026-11-01', '1').next).toBe('2');
    expect(api.accrualsByDay('2026-11-01', '2').next).toBeNull();
    expect(http.sent.map((s) => s.body)).toEqual([
      { date: '2026-11-01' },
      { date: '2026-11-01', last_id: '1' },
      { date: '2026-11-01', last_id: '2' },
    ]);
  });

  it('reads type_id as sent before the rename, and names the field when the shape changes', () => {
    const old = scripted(() => ({
      accruals: [
        {
          type_id: '120',
          date: '2026-11-01',
          unit_number: 'P',
          total_amount: { amount: '-5', currency: 'RUB' },
        },
      ],
      last_id: '',
    }));
    expect(old.api.accrualsByDay('2026-11-01').accruals[0].typeId).toBe('120');
    const missing = scripted(() => ({
      accruals: [{ date: '2026-11-01', unit_number: 'P', total_amount: { amount: '-5', currency: 'RUB' } }],
    }));
    expect(() => missing.api.accrualsByDay('2026-11-01')).toThrow(OzonSchemaError);
    expect(() => missing.api.accrualsByDay('2026-11-01')).toThrow(/accruals\[0\]\.type_id/);
    const badAmount = scripted(() => ({
      posting_accruals: [
        {
          posting_number: 'P',
          accruals: [{ type_id: 1, accrued: { amount: 'n/a', currency: 'RUB' }, accrual_date: '2026-11-01' }],
        },
      ],
    }));
    expect(() => badAmount.api.accrualsForPostings(['P'])).toThrow(
      /posting_accruals\[0\]\.accruals\[0\]\.accrued\.amount/,
    );
    const badDate = scripted(() => ({
      posting_accruals: [
        {
          posting_number: 'P',
          accruals: [{ type_id: 1, accrued: { amount: '1', currency: 'RUB' }, accrual_date: 'yesterday' }],
        },
      ],
    }));
    expect(() => badDate.api.accrualsForPostings(['P'])).toThrow(/accrual_date/);
  });

  it('turns a key without the Finance role into a role error naming the method', () => {
    const h = harness({ seed: 5, postings: 50, days: 10 });
    h.sim.setRoles(['Posting FBS', 'Product']);
    const api = new FinanceApi(h.client().transport);
    expect(() => api.accrualTypes()).toThrow(OzonRoleError);
  });

  it('reads the realization report and the cash-flow statement of a closed month', () => {
    const h = harness({ seed: 9, postings: 1500, days: 60, now: '2026-11-20T09:00:00Z' });
    const api = new FinanceApi(h.client().transport);
    const report = api.realizationByPosting(2026, 10);
    expect(report.lines.length).toBeGreaterThan(50);
    expect(report.lines.every((l) => Number.isInteger(l.saleMinor) && l.postingNumber)).toBe(true);
    const flows = api.cashFlow('2026-09-30T21:00:00.000Z', '2026-10-31T20:59:59.000Z');
    expect(flows.filter((f) => f.currency === 'RUB')).toHaveLength(2);
    const sold = flows
      .filter((f) => f.currency === 'RUB')
      .reduce((s, f) => s + f.ordersMinor + f.returnsMinor, 0);
    const reported = report.lines.reduce((s, l) => s + l.saleMinor, 0);
    const kzt = flows
      .filter((f) => f.currency === 'KZT')
      .reduce((s, f) => s + f.ordersMinor + f.returnsMinor, 0);
    expect(sold + kzt).toBe(reported);
  });
});
