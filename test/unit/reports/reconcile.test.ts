// A generated shop of mixed schemes, statuses and currencies: every report total must equal the
// source tabs' sums to the kopeck, per currency.
import type { OrderPosting } from '../../../src/core/orders/posting';
import { FBS_STATUSES } from '../../../src/core/orders/posting';
import { buildReportData } from '../../../src/core/reports/build';
import { daySerial } from '../../../src/core/reports/calendar';
import { customersSpec, productsSpec, salesSpec, type ReportSpec } from '../../../src/core/reports/specs';
import { earns, statusGroup } from '../../../src/core/reports/status';
import type { Cell } from '../../../src/core/table/spec';
import { toSerial } from '../../../src/core/time/serial';
import { line, moscow, posting, sourcesFor } from './support';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(count: number, seed: number): OrderPosting[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const start = Date.parse('2026-08-01T00:00:00Z');
  const out: OrderPosting[] = [];
  for (let i = 0; i < count; i++) {
    const schema = pick(['FBS', 'rFBS', 'FBO'] as const);
    const currency = r() < 0.15 ? 'KZT' : 'RUB';
    const lines = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => {
      const price = Math.round(r() * 500_000) / 100; // kopeck-precise
      const quantity = 1 + Math.floor(r() * 4);
      const commission = r() < 0.1 ? null : Math.round(price * quantity * 12) / 100;
      const payout = commission === null ? null : Math.round(price * quantity * 100 - commission * 100) / 100;
      return {
        ...line(`OF-${Math.floor(r() * 40)}`, quantity, price, commission, payout, currency),
        sku: `${i}-${j}`,
      };
    });
    out.push(
      posting({
        schema,
        status: pick(FBS_STATUSES),
        substatus: r() < 0.05 ? 'posting_returned_to_warehouse' : '',
        orderedAt: new Date(start + Math.floor(r() * 112 * 86_400_000)).toISOString(),
        buyerId: schema === 'rFBS' ? String(1 + Math.floor(r() * 60)) : '',
        region: pick(['Москва', 'Казань', 'Алматы', '']),
        city: pick(['Москва', 'Казань', '']),
        cluster: pick(['Центр', 'Поволжье']),
        lines,
      }),
    );
  }
  return out;
}

const kop = (v: Cell | undefined) => Math.round(Number(v ?? 0) * 100);
function sumBy(
  spec: ReportSpec,
  rows: Cell[][],
  key: string,
  keep: (r: Record<string, Cell>) => boolean = () => true,
) {
  const index = spec.columns.findIndex((c) => c.key === key);
  const currencyIndex = spec.columns.findIndex((c) => c.key === 'currency');
  const totals: Record<string, number> = {};
  for (const row of rows) {
    const rec = Object.fromEntries(spec.columns.map((c, i) => [c.key, row[i]]));
    if (!keep(rec)) continue;
    const currency = String(row[currencyIndex]);
    totals[currency] = (totals[currency] ?? 0) + kop(row[index]);
  }
  return totals;
}

describe('reports reconcile with Orders and Order lines', () => {
  const shop = generate(2_000, 7);
  const sources = sourcesFor(shop);
  const clock = {
    today: daySerial('2026-11-20'),
    nowSerial: toSerial(Date.parse('2026-11-20T09:00:00Z'), moscow),
  };
  const data = buildReportData(sources, clock);

  // The source tabs' own sums, computed from their cells.
  const lines = sources.lines!;
  const orders = sources.orders!;
  const c = (key: string) => lines.col.get(key)!;
  const o = (key: string) => orders.col.get(key)!;
  const statusOf = new Map(
    orders.rows.map((row) => [
      String(row[o('posting_number')]),
      statusGroup(String(row[o('status_code')]), String(row[o('substatus_code')])),
    ]),
  );
  const source = (key: string, keep: (group: string) => boolean) => {
    const totals: Record<string, number> = {};
    for (const row of lines.rows) {
      const group = statusOf.get(String(row[c('posting_number')]))!;
      if (group === 'split' || !keep(group)) continue;
      const currency = String(row[c('currency')]);
      totals[currency] = (totals[currency] ?? 0) + kop(row[c(key)] as Cell);
    }
    return totals;
  };
  const everything = () => true;
  const earning = (g: string) => earns(g as never);

  it('uses a shop with both currencies and every status group', () => {
    expect(new Set(shop.map((p) => p.lines[0].currency))).toEqual(new Set(['RUB', 'KZT']));
    expect(new Set(statusOf.values())).toEqual(
      new Set(['sold', 'in transit', 'cancelled', 'returned', 'split']),
    );
  });

  it('Sales: ordered value = line totals; revenue, commission, payout = those of earning lines', () => {
    const rows = data.tables.sales.rows;
    expect(sumBy(salesSpec, rows, 'ordered_value')).toEqual(source('line_total', everything));
    expect(sumBy(salesSpec, rows, 'revenue')).toEqual(source('line_total', earning));
    expect(sumBy(salesSpec, rows, 'payout')).toEqual(source('payout', earning));
    expect(sumBy(salesSpec, rows, 'commission')).toEqual(source('commission', earning));
    expect(sumBy(salesSpec, rows, 'quantity')).toEqual(
      Object.fromEntries(Object.entries(source('quantity', everything)).map(([k, v]) => [k, v])),
    );
  });

  it('Sales ordered value equals the Orders tab totals of the postings counted', () => {
    const totals: Record<string, number> = {};
    for (const row of orders.rows) {
      if (statusOf.get(String(row[o('posting_number')])) === 'split') continue;
      const currency = String(row[o('currency')]);
      totals[currency] = (totals[currency] ?? 0) + kop(row[o('total')] as Cell);
    }
    expect(sumBy(salesSpec, data.tables.sales.rows, 'ordered_value')).toEqual(totals);
  });

  it('Products: revenue, payout and units reconcile with Sales', () => {
    const rows = data.tables.products.rows;
    const revenue = source('line_total', earning);
    expect(sumBy(productsSpec, rows, 'revenue')).toEqual(expect.objectContaining(revenue));
    expect(sumBy(productsSpec, rows, 'payout')).toEqual(expect.objectContaining(source('payout', earning)));
    const units = (spec: ReportSpec, r: Cell[][], key: string) =>
      Object.values(sumBy(spec, r, key)).reduce((a, b) => a + b, 0) / 100;
    expect(
      units(productsSpec, rows, 'units') +
        units(productsSpec, rows, 'cancelled_units') +
        units(productsSpec, rows, 'returned_units'),
    ).toBe(units(salesSpec, data.tables.sales.rows, 'quantity'));
  });

  it('Customers: revenue of buyers equals rFBS revenue with a buyer key', () => {
    const buyers = sumBy(salesSpec, data.tables.sales.rows, 'revenue', (r) => r.buyer_key !== '');
    expect(sumBy(customersSpec, data.tables.customers.rows, 'revenue')).toEqual(buyers);
  });

  it('Dashboard: 30-day revenue equals Sales revenue dated in those days', () => {
    const from = clock.today - 30;
    const expected = sumBy(
      salesSpec,
      data.tables.sales.rows,
      'revenue',
      (r) => Number(r.date) >= from && Number(r.date) < clock.today,
    );
    for (const h of data.dashboard.headlines.filter((x) => x.period === 'days30'))
      expect(h.revenue).toBe(expected[h.currency] ?? 0);
  });
});
