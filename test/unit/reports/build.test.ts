import { buildReportData } from '../../../src/core/reports/build';
import { daySerial } from '../../../src/core/reports/calendar';
import { customersSpec, productsSpec, salesSpec, type ReportSpec } from '../../../src/core/reports/specs';
import { statusGroup } from '../../../src/core/reports/status';
import type { Cell } from '../../../src/core/table/spec';
import { toSerial } from '../../../src/core/time/serial';
import { line, moscow, posting, sourcesFor } from './support';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const clock = { today: daySerial('2026-11-20'), nowSerial: toSerial(NOW, moscow) };

function records(spec: ReportSpec, rows: Cell[][]) {
  return rows.map((r) => Object.fromEntries(spec.columns.map((c, i) => [c.key, r[i]])));
}

// A small shop whose every figure below is worked out by hand.
const buyer77 = { schema: 'rFBS' as const, buyerId: '77', region: 'Москва', city: 'Москва' };
const P1 = posting({
  ...buyer77,
  orderedAt: '2026-11-19T10:00:00Z', // 13:00 Moscow, yesterday
  lines: [line('A', 2, 100.1, 20.02, 180.18), line('B', 1, 50, 5, 45)],
});
const P2 = posting({
  ...buyer77,
  status: 'cancelled',
  orderedAt: '2026-11-15T08:00:00Z',
  lines: [line('A', 1, 100.1, 10.01, 90.09)],
});
const P3 = posting({
  schema: 'rFBS',
  buyerId: '88',
  region: 'Казань',
  status: 'awaiting_packaging',
  orderedAt: '2026-10-31T22:30:00Z', // 01:30 on 1 November in Moscow
  shipBy: '2026-11-18T12:00:00Z',
  lines: [line('C', 3, 10.05, 3.02, 27.13)],
});
const P4 = posting({
  ...buyer77,
  status: 'cancelled_from_split_pending',
  orderedAt: '2026-11-19T10:00:00Z',
  lines: [line('A', 5, 100.1, 50.05, 450.45)],
});
const P5 = posting({
  region: 'Казань',
  orderedAt: '2026-11-19T20:59:00Z', // 23:59 Moscow, still yesterday
  lines: [line('B', 2, 50, 10, 90)],
});
const P6 = posting({
  substatus: 'posting_returned_to_warehouse',
  orderedAt: '2026-11-10T09:00:00Z',
  lines: [line('B', 1, 50, 5, 45)],
});
const P7 = posting({
  schema: 'FBO',
  orderedAt: '2026-11-19T05:00:00Z',
  lines: [line('D', 1, 1000.5, 100.05, 900.45, 'KZT')],
});
const P8 = posting({
  schema: 'rFBS',
  buyerId: '88',
  region: 'Казань',
  orderedAt: '2026-11-12T09:00:00Z',
  lines: [line('C', 1, 10.05, 1.01, 9.04)],
});
const shop = [P1, P2, P3, P4, P5, P6, P7, P8];
const inventory = [
  { offer_id: 'A', on_hand: 0, available: 0, days_of_cover: 0, status_code: 'out' },
  { offer_id: 'C', on_hand: 60, available: 50, days_of_cover: 30, status_code: 'ok' },
  { offer_id: 'E', on_hand: 5, available: 5, days_of_cover: 3, status_code: 'low' },
];

describe('status groups', () => {
  it('folds Ozon statuses into sold, in transit, cancelled, returned and split', () => {
    expect(statusGroup('delivered')).toBe('sold');
    expect(statusGroup('awaiting_packaging')).toBe('in transit');
    expect(statusGroup('delivering')).toBe('in transit');
    expect(statusGroup('client_arbitration')).toBe('in transit');
    expect(statusGroup('cancelled')).toBe('cancelled');
    expect(statusGroup('not_accepted')).toBe('cancelled');
    expect(statusGroup('delivered', 'posting_returned_to_warehouse')).toBe('returned');
    expect(statusGroup('cancelled_from_split_pending')).toBe('split');
  });
});

describe('Sales', () => {
  const data = buildReportData(sourcesFor(shop, inventory), clock);
  const sales = records(salesSpec, data.tables.sales.rows);

  it('has one row per line, leaves split parents out and dates lines in Moscow days', () => {
    expect(sales).toHaveLength(8);
    expect(sales.some((r) => r.posting_number === P4.postingNumber)).toBe(false);
    expect(data.sales.splitLines).toBe(1);
    const p3 = sales.find((r) => r.posting_number === P3.postingNumber)!;
    expect(p3.date).toBe(daySerial('2026-11-01'));
    expect(p3.month).toBe(daySerial('2026-11-01'));
    expect(p3.status_group).toBe('in transit');
    expect(p3.buyer_key).toBe('88');
    const p5 = sales.find((r) => r.posting_number === P5.postingNumber)!;
    expect(p5.date).toBe(daySerial('2026-11-19'));
    expect(p5.buyer_key).toBe('');
  });

  it('gives cancelled and returned lines their ordered value but no revenue, commission or payout', () => {
    const p2 = sales.find((r) => r.posting_number === P2.postingNumber)!;
    expect(p2).toMatchObject({
      status_group: 'cancelled',
      ordered_value: 100.1,
      revenue: 0,
      payout: 0,
      commission: 0,
    });
    const p6 = sales.find((r) => r.posting_number === P6.postingNumber)!;
    expect(p6).toMatchObject({ status_group: 'returned', ordered_value: 50, revenue: 0, payout: 0 });
  });

  it('totals by hand: RUB revenue 390.40, ordered 540.50, payout 351.35; KZT 1000.50', () => {
    const sum = (key: string, currency: string) =>
      Math.round(
        sales.filter((r) => r.currency === currency).reduce((s, r) => s + Number(r[key] ?? 0) * 100, 0),
      );
    expect(sum('revenue', 'RUB')).toBe(39040);
    expect(sum('ordered_value', 'RUB')).toBe(54050);
    expect(sum('payout', 'RUB')).toBe(35135);
    expect(sum('revenue', 'KZT')).toBe(100050);
    expect(sum('payout', 'KZT')).toBe(90045);
  });
});

describe('Customers', () => {
  it('writes the key type and the repeat flag in words of the seller’s language, not codes', () => {
    for (const [lang, words] of [
      ['ru', ['Покупатель', 'Да', 'Нет']],
      ['zh', ['买家', '是', '否']],
    ] as const) {
      const data = buildReportData(sourcesFor(shop), clock, lang);
      const customers = records(customersSpec, data.tables.customers.rows);
      expect(new Set(customers.map((c) => c.key_type))).toEqual(new Set([words[0]]));
      expect(new Set(customers.map((c) => c.repeat))).toEqual(new Set([words[1], words[2]]));
    }
  });

  it('counts rFBS buyers: orders that earn, dates of every order, repeat flag', () => {
    const data = buildReportData(sourcesFor(shop), clock);
    const customers = records(customersSpec, data.tables.customers.rows);
    expect(customers.map((c) => c.customer_key)).toEqual(['77', '88']);
    expect(customers[0]).toMatchObject({
      key_type: 'Buyer',
      region: 'Москва, Москва',
      currency: 'RUB',
      first_order: daySerial('2026-11-15'),
      last_order: daySerial('2026-11-19'),
      orders: 1,
      units: 3,
      revenue: 250.2,
      payout: 225.18,
      average_order: 250.2,
      days_since_last: 1,
      repeat: 'No',
    });
    expect(customers[1]).toMatchObject({
      first_order: daySerial('2026-11-01'),
      last_order: daySerial('2026-11-12'),
      orders: 2,
      units: 4,
      revenue: 40.2,
      payout: 36.17,
      average_order: 20.1,
      days_since_last: 8,
      repeat: 'Yes',
    });
    const all = JSON.stringify(data.tables.customers.rows);
    expect(all).not.toContain('+7903');
    expect(all).not.toContain('Ленина');
    expect(all).not.toContain('Anna');
  });

  it('keys the table by region when the shop has no rFBS buyers', () => {
    const data = buildReportData(sourcesFor([P5, P6, P7]), clock);
    const customers = records(customersSpec, data.tables.customers.rows);
    expect(customers.map((c) => [c.key_type, c.customer_key, c.currency, c.revenue])).toEqual([
      ['Region', '—', 'KZT', 1000.5],
      ['Region', 'Казань', 'RUB', 100],
      ['Region', '—', 'RUB', 0],
    ]);
  });
});

describe('Products', () => {
  const data = buildReportData(sourcesFor(shop, inventory), clock);
  const products = records(productsSpec, data.tables.products.rows);
  const nov = daySerial('2026-11-01');

  it('sums units, money, cancellations and returns per offer and month', () => {
    const row = (offer: string) => products.find((p) => p.offer_id === offer && p.month === nov)!;
    expect(row('A')).toMatchObject({
      units: 2,
      revenue: 200.2,
      commission: 20.02,
      payout: 180.18,
      cancelled_units: 1,
    });
    expect(row('B')).toMatchObject({
      units: 3,
      revenue: 150,
      commission: 15,
      payout: 135,
      returned_units: 1,
    });
    expect(row('C')).toMatchObject({
      units: 4,
      revenue: 40.2,
      commission: 4.03,
      payout: 36.17,
      stock: 50,
      days_of_cover: 30,
    });
    expect(row('D')).toMatchObject({ units: 1, revenue: 1000.5, currency: 'KZT', stock: null });
    expect(row('E')).toMatchObject({ units: 0, revenue: 0, stock: 5, days_of_cover: 3, currency: '' });
    expect(row('A').stock).toBe(0);
  });

  it('leaves stock empty without an Inventory tab', () => {
    const plain = buildReportData(sourcesFor(shop), clock);
    const rows = records(productsSpec, plain.tables.products.rows);
    expect(rows.every((r) => r.stock === null && r.days_of_cover === null)).toBe(true);
    expect(rows.some((r) => r.offer_id === 'E')).toBe(false);
  });
});

describe('Dashboard figures', () => {
  const data = buildReportData(sourcesFor(shop, inventory), clock);

  it('counts yesterday, 7 and 30 full Moscow days per currency', () => {
    const h = (period: string, currency: string) =>
      data.dashboard.headlines.find((x) => x.period === period && x.currency === currency);
    expect(h('yesterday', 'RUB')).toEqual({
      period: 'yesterday',
      currency: 'RUB',
      orders: 2,
      units: 5,
      revenue: 35020,
      payout: 31518,
    });
    expect(h('yesterday', 'KZT')).toMatchObject({ orders: 1, units: 1, revenue: 100050, payout: 90045 });
    expect(h('days7', 'RUB')).toMatchObject({ orders: 3, units: 5, revenue: 35020 });
    expect(h('days30', 'RUB')).toMatchObject({ orders: 6, units: 9, revenue: 39040, payout: 35135 });
    expect(data.dashboard.currency).toBe('KZT');
  });

  it('finds orders past their ship-by and low stock', () => {
    expect(data.pastShipBy.map((p) => p.posting)).toEqual([P3.postingNumber]);
    expect(data.lowStock.map((s) => s.offerId)).toEqual(['A', 'E']);
  });

  it('gives the chart tables: days, top products, status mix', () => {
    expect(data.dashboard.days).toHaveLength(31);
    const mix = Object.fromEntries(data.dashboard.statusMix.map((s) => [s.group, s.postings]));
    expect(mix).toEqual({ sold: 4, 'in transit': 1, cancelled: 1, returned: 1 });
    expect(data.dashboard.topProducts[0]).toEqual({ label: 'D', revenue: 100050 });
  });
});
