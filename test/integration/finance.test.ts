// Profit through the built bundle: a seeded shop of 2,000 postings synced, its accruals read into
// Finance and reconciled to the kopeck with the simulator's ground truth and Ozon's own totals
// (realization report, cash-flow statement); re-runs change nothing; later corrections change
// only their rows; a missing cost is never a zero; a key without the Finance role is told so.
import { parseMinor } from '../../src/core/finance/minor';
import { t, type MessageKey } from '../../src/core/i18n/messages';
import { FinanceModel, type SimAccrual } from '../../simulator/finance';
import { expectEachEqual, expectEachToMatch } from '../support/expect-each';
import {
  GROUPS,
  PERIODS,
  truthLines,
  truthPnl,
  truthProducts,
  type Group,
  type TruthPnl,
} from '../support/finance-truth';
import { headerIn } from '../../src/core/i18n/headers';
import { demoShop, tabRecords, type Intercept, type Runtime } from '../support/shop';
import { callSim } from '../support/sim-call';

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Summary {
  result: string;
  message: string;
  rows: number;
  lines: number;
}
const DAY = 86_400_000;

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

function until(rt: Runtime, fn: string, done = (s: Summary) => s.result === 'done'): Summary[] {
  const runs: Summary[] = [];
  for (let i = 0; i < 20; i++) {
    const s = ok(rt.run<Result<Summary>>(fn));
    runs.push(s);
    if (done(s)) return runs;
    rt.clock.advance(60_000);
  }
  throw new Error(`${fn} did not finish: ${JSON.stringify(runs.at(-1))}`);
}

const minor = (v: unknown) => parseMinor(v) ?? NaN;
const key = (a: Pick<SimAccrual, 'postingNumber' | 'typeId' | 'date' | 'sku'>) =>
  `${a.postingNumber}|${a.typeId}|${a.date}|${a.sku || ''}`;

function truth(sim: ReturnType<typeof demoShop>['sim']): Map<string, { minor: number; currency: string }> {
  const out = new Map<string, { minor: number; currency: string }>();
  for (const a of new FinanceModel(sim.state).book(sim.now()).all) {
    const row = out.get(key(a)) ?? { minor: 0, currency: a.currency };
    row.minor += a.minor;
    out.set(key(a), row);
  }
  return out;
}

function financeRows(
  rt: Runtime,
): Map<
  string,
  { minor: number; currency: string; month: string; group: string; posting: string; type: string }
> {
  const out = new Map();
  for (const r of tabRecords(rt, 'Finance'))
    out.set(String(r['Finance key']), {
      minor: minor(r.Amount),
      currency: String(r.Currency),
      month: String(r.Month),
      group: String(r['Fee group code']),
      posting: String(r['Posting number']),
      type: String(r['Accrual type ID']),
    });
  return out;
}

function setCells(rt: Runtime, tab: string, cells: { row: number; header: string; value: unknown }[]) {
  const header = (rt.spreadsheet.sheet(tab).values() as unknown[][])[0];
  rt.asUser((g) => {
    const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName(tab)!;
    for (const c of cells) s.getRange(c.row, header.indexOf(c.header) + 1).setValue(c.value);
  });
}

describe('finance', () => {
  const { rt, sim, intercept } = demoShop({ postings: 2000, days: 60, seed: 14, products: 50 });
  rt.properties.document.set('ODESK_LOOKBACK_DAYS', '60');
  sim.setRateLimit(null);
  let first: Summary[];

  beforeAll(() => {
    until(rt, 'syncOrders');
    first = until(rt, 'updateFinance');
  });

  test('the Finance tab holds exactly the simulator’s accruals, one row per posting × type × date × SKU', () => {
    expect(first.length).toBeGreaterThanOrEqual(1);
    const rows = financeRows(rt);
    const expected = truth(sim);
    expect(rows.size).toBe(expected.size);
    expectEachToMatch(expected, ([k, t]) => [
      { k, ...rows.get(k) },
      { k, minor: t.minor, currency: t.currency },
    ]);
    expect(new Set([...rows.values()].map((r) => r.currency))).toEqual(new Set(['RUB', 'KZT']));
    // Storage at Ozon's warehouses: booked for FBO postings only, each line under Storage.
    const storage = [...rows.values()].filter((r) => r.type === '160');
    expect(storage.length).toBeGreaterThan(20);
    expect(new Set(storage.map((r) => r.group))).toEqual(new Set(['storage']));
    expect(storage.every((r) => r.minor < 0)).toBe(true);
    expect(new Set(storage.map((r) => sim.state.postings.get(r.posting)!.scheme))).toEqual(new Set(['fbo']));
    // A type missing from Ozon's dictionary is kept with its raw id, under "other".
    const unlisted = [...rows.values()].filter((r) => r.type === '999');
    expect(unlisted.length).toBeGreaterThan(0);
    expect(unlisted.every((r) => r.group === 'other')).toBe(true);
  });

  test('a missing cost leaves profit blank and says so; Ozon’s net price is offered as a start', () => {
    const lines = tabRecords(rt, 'Order lines');
    const withAccruals = lines.filter((l) => l['Accrued payout'] !== '' && l['Accrued payout'] !== null);
    expect(withAccruals.length).toBeGreaterThan(500);
    expectEachEqual(withAccruals, (l) =>
      Number(l['Accrued revenue']) > 0
        ? [
            [l.Profit, l['Profit note']],
            ['', 'cost missing'],
          ]
        : undefined,
    );
    const costs = tabRecords(rt, 'Costs');
    expect(costs.length).toBeGreaterThan(10);
    expect(costs.every((c) => String(c.Status).startsWith('cost missing — Ozon net price'))).toBe(true);
    expect(costs.every((c) => Number(c['Ozon net price (suggested cost)']) > 0)).toBe(true);
  });

  describe('with the seller’s costs in RUB and CNY', () => {
    const rates: Record<string, Record<string, number>> = {
      '2026-09': { CNY: 12.5, KZT: 0.18 },
      '2026-10': { CNY: 12.75, KZT: 0.185 },
      '2026-11': { CNY: 13.1, KZT: 0.19 },
    };
    const unit = new Map<string, { minor: number; currency: string }>();
    const skipped = new Set<string>();

    beforeAll(() => {
      const costs = tabRecords(rt, 'Costs');
      const cells: { row: number; header: string; value: unknown }[] = [];
      costs.forEach((c, i) => {
        const offer = String(c['Offer ID']);
        if (i % 10 === 9) {
          skipped.add(offer);
          return;
        }
        const cny = i % 2 === 0;
        const value = cny ? 20 + i : 300 + i * 7.5;
        // One seller typed the amount as text with a space and a comma.
        const typed = i === 1 ? `1 ${String(Math.floor(value)).padStart(3, '0')},50` : value;
        cells.push({ row: i + 2, header: 'Cost price', value: typed });
        const exact = i === 1 ? (1000 + Math.floor(value)) * 100 + 50 : Math.round(value * 100);
        unit.set(offer, { minor: exact, currency: cny ? 'CNY' : 'RUB' });
        if (cny) cells.push({ row: i + 2, header: 'Cost currency', value: 'CNY' });
      });
      setCells(rt, 'Costs', cells);
      const rateRows = Object.entries(rates).flatMap(([month, byCur]) =>
        Object.entries(byCur).map(([currency, rate]) => [month, currency, rate]),
      );
      rt.asUser((g) => {
        const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActiveSpreadsheet()
          .getSheetByName('Exchange rates')!;
        const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
        const at = (h: string) => header.indexOf(h) + 1;
        rateRows.forEach(([month, currency, rate], i) => {
          s.getRange(i + 2, at('Month (YYYY-MM)')).setValue(month);
          s.getRange(i + 2, at('Currency')).setValue(currency);
          s.getRange(i + 2, at('RUB per unit')).setValue(rate);
        });
      });
      until(rt, 'updateFinance');
    });

    const rateOf = (month: string, currency: string) =>
      currency === 'RUB' ? 1_000_000 : Math.round(rates[month][currency] * 1_000_000);

    test('profit per order reconciles to the kopeck: accruals minus cost of the units sold', () => {
      const book = new FinanceModel(sim.state).book(sim.now());
      const lines = tabRecords(rt, 'Order lines');
      const byPosting = new Map<string, Record<string, unknown>[]>();
      for (const l of lines)
        byPosting.set(String(l['Posting number']), [
          ...(byPosting.get(String(l['Posting number'])) ?? []),
          l,
        ]);
      let checked = 0;
      const got: unknown[] = [];
      const want: unknown[] = [];
      for (const [posting, own] of byPosting) {
        const accruals = book.byPosting.get(posting) ?? [];
        if (!accruals.length) continue;
        if (own.some((l) => skipped.has(String(l['Offer ID'])))) continue;
        // The rate is the month of the order in the spreadsheet's zone (Moscow).
        const month = new Date(sim.state.postings.get(posting)!.inProcessAt + 3 * 3_600_000)
          .toISOString()
          .slice(0, 7);
        let cost = 0;
        for (const l of own) {
          const sku = Number(l.SKU);
          const units = accruals
            .filter((a) => a.group === 'sale' && a.sku === sku)
            .reduce((s, a) => s + Math.sign(a.minor) * a.quantity, 0);
          if (units <= 0) continue;
          const u = unit.get(String(l['Offer ID']))!;
          const currency = String(l.Currency);
          cost += Math.round((u.minor * rateOf(month, u.currency)) / rateOf(month, currency)) * units;
        }
        const payout = accruals.reduce((s, a) => s + a.minor, 0);
        got.push(
          { posting, payout: own.reduce((s, l) => s + minor(l['Accrued payout']), 0) },
          { posting, profit: own.reduce((s, l) => s + minor(l.Profit), 0) },
        );
        want.push({ posting, payout }, { posting, profit: payout - cost });
        checked++;
      }
      expect(got).toEqual(want);
      expect(checked).toBeGreaterThan(500);
    });

    test('fees per product reconcile with the accruals of its SKU; skipped offers stay “cost missing”', () => {
      const book = new FinanceModel(sim.state).book(sim.now());
      const offerOf = new Map(sim.state.products.map((p) => [p.sku, p.offerId]));
      const expected = new Map<string, number>();
      for (const a of book.all)
        if (a.group === 'commission')
          expected.set(offerOf.get(a.sku)!, (expected.get(offerOf.get(a.sku)!) ?? 0) + a.minor);
      const got = new Map<string, number>();
      const lines = tabRecords(rt, 'Order lines');
      for (const l of lines)
        if (l['Ozon commission'] !== '')
          got.set(String(l['Offer ID']), (got.get(String(l['Offer ID'])) ?? 0) + minor(l['Ozon commission']));
      expectEachEqual(expected, ([offer, total]) => [
        { offer, total: got.get(offer) ?? 0 },
        { offer, total },
      ]);
      const missing = lines.filter(
        (l) => skipped.has(String(l['Offer ID'])) && Number(l['Accrued revenue']) > 0,
      );
      expect(missing.length).toBeGreaterThan(0);
      expect(missing.every((l) => l.Profit === '' && l['Profit note'] === 'cost missing')).toBe(true);
    });

    test('per month, the Finance tab matches Ozon’s cash-flow statement and realization report', () => {
      const rows = [...financeRows(rt).values()];
      const flows = callSim(sim, '/v1/finance/cash-flow-statement/list', {
        date: { from: '2026-09-30T21:00:00Z', to: '2026-10-31T20:59:59Z' },
        page: 1,
        page_size: 50,
      }).result.cash_flows as Record<string, unknown>[];
      for (const currency of ['RUB', 'KZT']) {
        const mine = rows.filter((r) => r.month === '2026-10' && r.currency === currency);
        const ozon = flows.filter((f) => f.currency_code === currency);
        const total = (keys: string[]) =>
          ozon.reduce((s, f) => s + keys.reduce((x, k) => x + minor(f[k]), 0), 0);
        const sum = (groups: string[]) =>
          mine.filter((r) => groups.includes(r.group)).reduce((s, r) => s + r.minor, 0);
        expect(sum(['sale'])).toBe(total(['orders_amount', 'returns_amount']));
        expect(sum(['commission'])).toBe(total(['commission_amount']));
        expect(sum(['logistics', 'last_mile', 'returns'])).toBe(total(['item_delivery_and_return_amount']));
        expect(sum(['acquiring', 'storage', 'ads', 'services', 'other'])).toBe(total(['services_amount']));
      }
      const report = callSim(sim, '/v1/finance/realization/posting', { year: 2026, month: 10 }).rows as {
        order: { posting_number: string };
        delivery_commission: { amount: number } | null;
        return_commission: { amount: number } | null;
      }[];
      const ozonSale = new Map<string, number>();
      for (const r of report)
        ozonSale.set(
          r.order.posting_number,
          (ozonSale.get(r.order.posting_number) ?? 0) +
            minor(r.delivery_commission?.amount ?? 0) -
            minor(r.return_commission?.amount ?? 0),
        );
      const mineSale = new Map<string, number>();
      for (const r of rows)
        if (r.month === '2026-10' && r.group === 'sale')
          mineSale.set(r.posting, (mineSale.get(r.posting) ?? 0) + r.minor);
      expect(mineSale).toEqual(ozonSale);
    });

    test('Products gains profit per offer per month; the Dashboard a P&L with a waterfall chart', () => {
      const built = ok(rt.run<Result<{ products: number }>>('buildReports'));
      expect(built.products).toBeGreaterThan(0);
      const lines = tabRecords(rt, 'Order lines');
      const month = (posting: string) =>
        new Date(sim.state.postings.get(posting)!.inProcessAt + 3 * 3_600_000).toISOString().slice(0, 7);
      const expected = new Map<string, number>();
      for (const l of lines) {
        if (l['Accrued payout'] === '' || skipped.has(String(l['Offer ID']))) continue;
        const k = `${month(String(l['Posting number']))}|${l['Offer ID']}|${l.Currency}`;
        expected.set(k, (expected.get(k) ?? 0) + minor(l.Profit));
      }
      const products = tabRecords(rt, 'Products');
      const got = new Map<string, number>();
      for (const p of products) {
        const m = p.Month instanceof Date ? p.Month : new Date(String(p.Month));
        const k = `${new Date(m.getTime() + 3 * 3_600_000).toISOString().slice(0, 7)}|${p['Offer ID']}|${p.Currency}`;
        if (skipped.has(String(p['Offer ID']))) {
          if (p['Accrued payout'] !== '' && p['Accrued payout'] !== null) {
            expect(p.Profit).toBe('');
            expect(p['Profit note']).toBe('cost missing');
          }
          continue;
        }
        if (p.Profit !== '' && p.Profit !== null) got.set(k, minor(p.Profit));
      }
      expect(got.size).toBeGreaterThan(20);
      expectEachEqual(expected, ([k, v]) => [
        { k, profit: got.get(k) },
        { k, profit: v },
      ]);

      const dashboard = rt.spreadsheet.sheet('Dashboard').values() as unknown[][];
      const flat = dashboard.flat().map(String);
      expect(flat).toContain('P&L (RUB), by accrual date');
      expect(flat).toContain('Cost of goods');
      const charts = (
        rt.spreadsheet.sheet('Dashboard') as unknown as { charts: { spec: Record<string, unknown> }[] }
      ).charts;
      expect(charts.some((c) => c.spec.waterfallChart)).toBe(true);
      // 30 days of revenue on the P&L = the Finance tab's sale rows of those days (RUB).
      // The P&L block starts in column H; its columns: yesterday, 7 days, 30 days, the month.
      const col = 7;
      const row = dashboard.find((r) => r[col] === 'Revenue')!;
      const today = Date.parse(new Date(rt.clock.now() + 3 * 3_600_000).toISOString().slice(0, 10));
      const from = new Date(today - 30 * DAY).toISOString().slice(0, 10);
      const to = new Date(today).toISOString().slice(0, 10);
      const revenue = tabRecords(rt, 'Finance')
        .filter((r) => r['Fee group code'] === 'sale' && r.Currency === 'RUB')
        .filter((r) => {
          const d =
            r.Date instanceof Date
              ? new Date(r.Date.getTime() + 3 * 3_600_000).toISOString().slice(0, 10)
              : String(r.Date);
          return d >= from && d < to;
        })
        .reduce((s, r) => s + minor(r.Amount), 0);
      expect(minor(row[col + 3])).toBe(revenue);
    });

    // The Products report's columns per fee group (the Order lines' headers).
    const GROUP_HEADER: Record<Group, string> = {
      sale: 'Accrued revenue',
      commission: 'Ozon commission',
      logistics: 'Logistics',
      last_mile: 'Last mile',
      acquiring: 'Acquiring',
      returns: 'Returns',
      storage: 'Storage',
      ads: 'Ads',
      services: 'Services',
      other: 'Other fees',
    };
    const blank = (v: unknown) => v === '' || v === null || v === undefined;
    const cents = (v: unknown) => (blank(v) ? null : minor(v));
    const monthOf = (v: unknown) => {
      const m = v instanceof Date ? v : new Date(String(v));
      return new Date(m.getTime() + 3 * 3_600_000).toISOString().slice(0, 7);
    };
    const inOrders = () => tabRecords(rt, 'Orders').map((o) => String(o['Posting number']));

    function checkProducts() {
      ok(rt.run<Result<{ products: number }>>('buildReports'));
      const want = truthProducts(truthLines(sim, inOrders(), { unit, rates }));
      const got = new Map<string, unknown>();
      const unaccrued: unknown[] = [];
      for (const p of tabRecords(rt, 'Products')) {
        const k = `${monthOf(p.Month)}|${p['Offer ID']}|${p.Currency}`;
        if (blank(p['Accrued payout'])) {
          unaccrued.push({ k, fees: GROUPS.map((g) => p[GROUP_HEADER[g]]), profit: p.Profit });
          continue;
        }
        got.set(k, {
          k,
          groups: Object.fromEntries(GROUPS.map((g) => [g, cents(p[GROUP_HEADER[g]])])),
          fees: cents(p['Ozon fees']),
          payout: cents(p['Accrued payout']),
          cost: cents(p.Cost),
          profit: cents(p.Profit),
          margin: blank(p['Margin %']) ? null : p['Margin %'],
          note: p['Profit note'],
        });
      }
      // Rows without accruals (stock-only rows, postings not delivered yet) show no money figures.
      expectEachEqual(unaccrued, (u) => [u, { ...(u as object), fees: GROUPS.map(() => ''), profit: '' }]);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      expectEachEqual(want, ([k, w]) => [
        got.get(k),
        {
          k,
          groups: w.groups,
          fees: w.payout - w.groups.sale,
          payout: w.payout,
          cost: w.cost,
          profit: w.profit,
          margin: w.margin,
          note: w.profit === null ? 'cost missing' : '',
        },
      ]);
      return want;
    }

    test('Products: every fee group, payout, cost, profit and margin per offer per month, to the kopeck', () => {
      const want = checkProducts();
      // The shop has every kind of charge (storage of FBO goods too), profits of both signs and offers
      // whose cost is missing.
      const rows = [...want.values()];
      expect(GROUPS.filter((g) => !rows.some((r) => r.groups[g] !== 0))).toEqual([]);
      // Storage per offer per month: the Products report's Storage column, to the kopeck (checkProducts
      // compared every group), in more than one month and for several offers.
      const stored = [...want].filter(([, r]) => r.groups.storage < 0).map(([k]) => k.split('|'));
      expect(new Set(stored.map(([month]) => month)).size).toBeGreaterThan(1);
      expect(new Set(stored.map(([, offer]) => offer)).size).toBeGreaterThan(5);
      expect(rows.some((r) => r.profit !== null && r.profit < 0)).toBe(true);
      expect(rows.some((r) => r.profit !== null && r.profit > 0)).toBe(true);
      expect(rows.filter((r) => r.profit === null).length).toBeGreaterThan(0);
    });

    function dashboardPnl() {
      const values = rt.spreadsheet.sheet('Dashboard').values() as unknown[][];
      const title = t('en', 'pnl.title', { currency: 'RUB' });
      const top = values.findIndex((r) => r.includes(title));
      expect(top).toBeGreaterThanOrEqual(0);
      const at = values[top].indexOf(title);
      const periodLabel: Record<(typeof PERIODS)[number], MessageKey> = {
        yesterday: 'dashboard.yesterday',
        days7: 'dashboard.days7',
        days30: 'dashboard.days30',
        month: 'pnl.month',
      };
      expect(values[top].slice(at + 1, at + 5)).toEqual(PERIODS.map((p) => t('en', periodLabel[p])));
      const byLabel = new Map<string, unknown[]>();
      for (let r = top + 1; r < values.length && !blank(values[r][at]); r++)
        byLabel.set(String(values[r][at]), values[r].slice(at + 1, at + 5));
      return byLabel;
    }

    function expectedPnl(truth: Record<(typeof PERIODS)[number], TruthPnl>) {
      const money = (minorUnits: number) => minorUnits / 100;
      const missing = (p: TruthPnl) => t('en', 'pnl.costMissing', { count: p.missing });
      const rows = new Map<string, unknown[]>();
      for (const g of GROUPS)
        rows.set(
          t('en', `pnl.${g}` as MessageKey),
          PERIODS.map((p) => money(truth[p].groups[g])),
        );
      rows.set(
        t('en', 'pnl.payout'),
        PERIODS.map((p) => money(truth[p].payout)),
      );
      rows.set(
        t('en', 'pnl.cost'),
        PERIODS.map((p) => (truth[p].cost === null ? missing(truth[p]) : money(-truth[p].cost!))),
      );
      rows.set(
        t('en', 'pnl.profit'),
        PERIODS.map((p) => (truth[p].profit === null ? missing(truth[p]) : money(truth[p].profit!))),
      );
      return rows;
    }

    function checkChart(truth: TruthPnl) {
      const sheet = rt.spreadsheet.sheet('Dashboard');
      const values = sheet.values() as unknown[][];
      const charts = (sheet as unknown as { charts: { spec: Record<string, unknown> }[] }).charts;
      const waterfalls = charts.filter((c) => c.spec.waterfallChart);
      expect(waterfalls).toHaveLength(1);
      type Source = {
        startRowIndex: number;
        endRowIndex: number;
        startColumnIndex: number;
        endColumnIndex: number;
      };
      const spec = waterfalls[0].spec.waterfallChart as {
        domain: { data: { sourceRange: { sources: Source[] } } };
        series: {
          data: { sourceRange: { sources: Source[] } };
          customSubtotals: { subtotalIndex: number; label: string }[];
        }[];
      };
      const cells = (s: Source) => {
        expect(s.endColumnIndex - s.startColumnIndex).toBe(1);
        return values.slice(s.startRowIndex, s.endRowIndex).map((r) => r[s.startColumnIndex]);
      };
      const labels = cells(spec.domain.data.sourceRange.sources[0]);
      const amounts = cells(spec.series[0].data.sourceRange.sources[0]);
      // Revenue, each fee group the 30 days charged, the cost of goods: nothing else, nothing left out.
      const steps: [string, number][] = [[t('en', 'pnl.sale'), truth.groups.sale]];
      for (const g of GROUPS)
        if (g !== 'sale' && truth.groups[g]) steps.push([t('en', `pnl.${g}` as MessageKey), truth.groups[g]]);
      if (truth.cost !== null) steps.push([t('en', 'pnl.cost'), -truth.cost]);
      expect(labels.map((l, i) => [l, minor(amounts[i])])).toEqual(steps);
      // The closing column comes after the last step and is what the steps add up to.
      const [subtotal] = spec.series[0].customSubtotals;
      expect(subtotal.subtotalIndex).toBe(steps.length - 1);
      expect(subtotal.label).toBe(t('en', truth.profit === null ? 'pnl.payout' : 'pnl.profit'));
      expect(steps.reduce((s, [, v]) => s + v, 0)).toBe(truth.profit ?? truth.payout);
    }

    test('the Dashboard’s P&L: every line of every period (Moscow days) and its chart, to the kopeck', () => {
      ok(rt.run<Result<{ products: number }>>('buildReports'));
      const lines = truthLines(sim, inOrders(), { unit, rates });
      let truth = truthPnl(sim, lines, 'RUB', rt.clock.now());
      // Skipped offers sold in every period: the cost and profit say how many sales lack a cost.
      expect(PERIODS.filter((p) => truth[p].missing === 0)).toEqual([]);
      expect(dashboardPnl()).toEqual(expectedPnl(truth));
      checkChart(truth.days30);

      // The seller fills in the missing costs: every period gets its cost of goods and profit.
      const costs = tabRecords(rt, 'Costs');
      const cells: { row: number; header: string; value: unknown }[] = [];
      costs.forEach((c, i) => {
        const offer = String(c['Offer ID']);
        if (!skipped.has(offer)) return;
        const value = 150 + i * 3.25;
        cells.push({ row: i + 2, header: 'Cost price', value });
        unit.set(offer, { minor: Math.round(value * 100), currency: String(c['Cost currency']) || 'RUB' });
      });
      expect(cells.length).toBe(skipped.size);
      setCells(rt, 'Costs', cells);
      skipped.clear();
      until(rt, 'updateFinance');
      ok(rt.run<Result<{ products: number }>>('buildReports'));
      truth = truthPnl(sim, truthLines(sim, inOrders(), { unit, rates }), 'RUB', rt.clock.now());
      expect(PERIODS.filter((p) => truth[p].profit === null)).toEqual([]);
      expect(dashboardPnl()).toEqual(expectedPnl(truth));
      checkChart(truth.days30);
      // Yesterday ⊂ 7 days ⊂ 30 days: the periods are different windows, not one figure four times.
      expect(new Set(PERIODS.map((p) => truth[p].groups.sale)).size).toBe(4);
      // And Products now has a profit on every row with accruals.
      const products = checkProducts();
      expect([...products.values()].every((r) => r.profit !== null)).toBe(true);
    });

    test('a re-run changes nothing', () => {
      rt.resetCounters();
      const again = until(rt, 'updateFinance');
      expect(again.at(-1)!.rows).toBe(0);
      expect(rt.counters.cellsWritten).toBe(0);
    });

    test('corrections arriving days later update the right rows only', () => {
      const before = financeRows(rt);
      const linesBefore = new Map(tabRecords(rt, 'Order lines').map((l) => [String(l['Line key']), l]));
      rt.clock.advance(6 * DAY);
      until(rt, 'syncOrders');
      until(rt, 'updateFinance');
      const after = financeRows(rt);
      const expected = truth(sim);
      expect(after.size).toBe(expected.size);
      expectEachEqual(expected, ([k, t]) => [
        { k, minor: after.get(k)?.minor },
        { k, minor: t.minor },
      ]);
      const changed = [...after.keys()].filter((k) => before.get(k)?.minor !== after.get(k)?.minor);
      expect(changed.length).toBeGreaterThan(0);
      const corrections = changed.filter((k) => k.split('|')[1] === '121');
      expect(corrections.length).toBeGreaterThan(0);
      const changedKeys = new Set(changed);
      expectEachEqual(before, ([k, row]) => (changedKeys.has(k) ? undefined : [after.get(k), row]));
      // Order lines: only postings whose accruals changed got new profit figures.
      const touched = new Set(changed.map((k) => k.split('|')[0]));
      expectEachEqual(tabRecords(rt, 'Order lines'), (l) => {
        const old = linesBefore.get(String(l['Line key']));
        if (!old || touched.has(String(l['Posting number']))) return undefined;
        return [
          { line: l['Line key'], payout: l['Accrued payout'], profit: l.Profit },
          { line: l['Line key'], payout: old['Accrued payout'], profit: old.Profit },
        ];
      });
    });

    test('a correction booked weeks later on an old, settled posting lands from the day’s list alone', () => {
      const book = new FinanceModel(sim.state).book(sim.now());
      const settled = rt.clock.now() - 31 * DAY;
      const old = [...sim.state.postings.values()].find(
        (p) =>
          p.status === 'delivered' &&
          p.lastChangedStatusDate < settled &&
          p.inProcessAt < settled &&
          (book.byPosting.get(p.postingNumber) ?? []).every((a) => a.at < settled) &&
          (book.byPosting.get(p.postingNumber) ?? []).length > 0,
      )!;
      expect(old).toBeDefined();
      const before = financeRows(rt);
      const linesBefore = tabRecords(rt, 'Order lines').filter(
        (l) => l['Posting number'] === old.postingNumber,
      );
      const sku = old.lines[0].sku;
      const at = rt.clock.now() - 600_000;
      sim.state.accrualCorrections.push({
        postingNumber: old.postingNumber,
        typeId: 121,
        at,
        minor: -4321,
        sku,
      });
      const read: string[] = [];
      intercept((req, pass) => {
        if (req.url.endsWith('/v1/finance/accrual/postings'))
          for (const n of JSON.parse(String(req.payload)).posting_numbers as string[]) read.push(n);
        return pass(req);
      });
      try {
        rt.clock.advance(3_600_000);
        until(rt, 'syncOrders');
        until(rt, 'updateFinance');
      } finally {
        intercept(undefined);
      }
      // Not read by posting (settled, no status change), yet its row is there.
      expect(read).not.toContain(old.postingNumber);
      expect(read.length).toBeLessThan(before.size / 10);
      const date = new Date(at + 3 * 3_600_000).toISOString().slice(0, 10);
      const after = financeRows(rt);
      expect(after.get(`${old.postingNumber}|121|${date}|${sku}`)).toMatchObject({
        minor: -4321,
        posting: old.postingNumber,
        group: 'logistics',
      });
      const expected = truth(sim);
      expect(after.size).toBe(expected.size);
      expectEachEqual(expected, ([k, t]) => [
        { k, minor: after.get(k)?.minor },
        { k, minor: t.minor },
      ]);
      // The old posting's other rows are as they were; its payout moved by the correction exactly.
      expectEachEqual(before, ([k, row]) =>
        row.posting === old.postingNumber ? [after.get(k), row] : undefined,
      );
      const linesAfter = tabRecords(rt, 'Order lines').filter(
        (l) => l['Posting number'] === old.postingNumber,
      );
      const payout = (ls: Record<string, unknown>[]) =>
        ls.reduce((s, l) => s + minor(l['Accrued payout']), 0);
      expect(payout(linesAfter) - payout(linesBefore)).toBe(-4321);
    });

    test('the Reconciliation tab shows Ozon’s totals beside ours, and the postings behind a difference', () => {
      const clean = ok(rt.run<Result<Summary>>('updateFinance'));
      expect(clean.message).toMatch(/Reconciled with Ozon for .*no differences/);
      const recon = tabRecords(rt, 'Reconciliation');
      expect(recon.filter((r) => r.Section === 'Payout period').length).toBeGreaterThan(4);
      expect(recon.every((r) => minor(r.Difference) === 0)).toBe(true);
      // The seller deletes an October sale row; the run does not re-read October, Reconciliation shows it.
      const sheet = rt.spreadsheet.sheet('Finance');
      const values = sheet.values() as unknown[][];
      const header = values[0];
      const at = values.findIndex(
        (r) => r[header.indexOf('Month')] === '2026-10' && r[header.indexOf('Fee group code')] === 'sale',
      );
      const posting = String(values[at][header.indexOf('Posting number')]);
      const amount = minor(values[at][header.indexOf('Amount')]);
      rt.asUser((g) => {
        (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActiveSpreadsheet()
          .getSheetByName('Finance')!
          .deleteRow(at + 1);
      });
      const after = ok(rt.run<Result<Summary>>('updateFinance'));
      expect(after.message).toMatch(/differences/);
      const rows = tabRecords(rt, 'Reconciliation');
      const behind = rows.filter((r) => r.Section === 'Posting');
      expect(behind).toEqual([
        expect.objectContaining({ 'Posting number': posting, Item: 'sale', Difference: -amount / 100 }),
      ]);
    });
  });
});

describe('finance after postings join Orders late', () => {
  test('postings a longer look-back brings into Orders are read by posting; the others are not re-read', () => {
    const { rt, sim, intercept } = demoShop({ postings: 300, days: 20, seed: 5 });
    sim.setRateLimit(null);
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '7');
    until(rt, 'syncOrders');
    until(rt, 'updateFinance');
    const early = new Set(tabRecords(rt, 'Orders').map((o) => String(o['Posting number'])));
    // A longer look-back: the next sync starts again and brings older postings in.
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '20');
    // (the document store keeps a copy in the user's properties, under the spreadsheet's id)
    for (const store of [rt.properties.document, rt.properties.user])
      for (const k of [...store.keys()]) if (k.endsWith('ODESK_SYNC_MARK')) store.delete(k);
    rt.clock.advance(600_000);
    until(rt, 'syncOrders');
    const late = tabRecords(rt, 'Orders')
      .map((o) => String(o['Posting number']))
      .filter((n) => !early.has(n));
    const delivered = late.filter((n) => sim.state.postings.get(n)?.status === 'delivered');
    expect(delivered.length).toBeGreaterThan(20);
    const read = new Set<string>();
    intercept((req, pass) => {
      if (req.url.endsWith('/v1/finance/accrual/postings'))
        for (const n of JSON.parse(String(req.payload)).posting_numbers as string[]) read.add(n);
      return pass(req);
    });
    try {
      until(rt, 'updateFinance');
    } finally {
      intercept(undefined);
    }
    expectEachEqual(delivered, (n) => [
      { n, read: read.has(n) },
      { n, read: true },
    ]);
    expect(read.size).toBeLessThan(delivered.length + early.size / 4);
    const rows = financeRows(rt);
    const expected = truth(sim);
    expectEachEqual(expected, ([k, t]) =>
      delivered.includes(k.split('|')[0])
        ? [
            { k, minor: rows.get(k)?.minor },
            { k, minor: t.minor },
          ]
        : undefined,
    );
  });
});

describe('finance without the Finance role', () => {
  test('says plainly which role is missing, and nothing else stops', () => {
    const { rt, sim } = demoShop({ postings: 120, days: 10, seed: 3 });
    sim.setRoles(['Posting FBS', 'Posting FBO', 'Product', 'Warehouse']);
    expect(ok(rt.run<Result<Summary>>('syncOrders')).result).toBe('done');
    const r = rt.run<Result<Summary>>('updateFinance');
    const data = ok(r);
    expect(data.result).toBe('failed');
    expect(data.message).toMatch(/"Finance" role/);
    expect(data.message).toContain('/v1/finance/accrual/');
    expect(ok(rt.run<Result<Summary>>('syncOrders')).result).toBe('done');
  });

  test('the hourly run tells it once in the Sync log, in the seller’s language; the other jobs run on', () => {
    const { rt, sim } = demoShop({ postings: 120, days: 10, seed: 3 }, { locale: 'ru' });
    sim.setRoles(['Posting FBS', 'Posting FBO', 'Product', 'Warehouse']);
    const settings = { lookbackDays: 30, autoSync: true, digest: false };
    expect(rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', settings).ok).toBe(true);
    const hour = () => {
      rt.clock.advance(3_600_000 + 60_000);
      expect(rt.fireTimeTriggers().map((r) => r.error)).toEqual([undefined]);
      return tabRecords(rt, 'Sync log');
    };
    const financeRows = (log: Record<string, unknown>[]) =>
      log.filter((r) => String(r['Источник']).startsWith('комиссии и выплаты'));
    const first = hour();
    expect(financeRows(first)).toEqual([
      expect.objectContaining({ Результат: 'ошибка', Ошибка: expect.stringMatching(/роли «Финансы»/) }),
    ]);
    expect(String(financeRows(first)[0]['Ошибка'])).toContain('/v1/finance/accrual/');
    // The orders sync ran and logged as usual; the next hour does not repeat the finance row.
    const ordersRows = (log: Record<string, unknown>[]) =>
      log.filter((r) => r['Источник'] === 'ежечасный запуск' && r['Результат'] === 'готово');
    expect(ordersRows(first)).toHaveLength(1);
    const second = hour();
    expect(financeRows(second)).toHaveLength(1);
    expect(ordersRows(second)).toHaveLength(2);
    expect(tabRecords(rt, 'Orders').length).toBeGreaterThanOrEqual(120);
    // With the role given, the hourly run reads the fees; a later refusal is told again.
    sim.setRoles(['Admin']);
    hour();
    expect(tabRecords(rt, 'Finance').length).toBeGreaterThan(0);
    sim.setRoles(['Posting FBS', 'Posting FBO']);
    expect(financeRows(hour())).toHaveLength(2);
  });
});

describe('finance with a key whose role refuses Ozon’s monthly totals only', () => {
  const refuse =
    (path: string): Intercept =>
    (req, pass) =>
      req.url.endsWith(path)
        ? {
            status: 403,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              code: 7,
              message: 'Api-Key is missing a required role for a method',
              details: [],
            }),
          }
        : pass(req);
  const ru = (rt: Runtime, tab: string, english: string) =>
    tabRecords(rt, tab).map((r) => r[headerIn('ru', english)]);

  test.each(['/v1/finance/cash-flow-statement/list', '/v1/finance/realization/posting'])(
    '%s refused: fees, payouts and profit still land; the seller is told which role, in Russian; reconciling resumes once allowed',
    (path) => {
      const { rt, sim, intercept } = demoShop({ postings: 300, days: 50, seed: 9 }, { locale: 'ru' });
      sim.setRateLimit(null);
      rt.properties.document.set('ODESK_LOOKBACK_DAYS', '50');
      until(rt, 'syncOrders');
      intercept(refuse(path));
      let runs: Summary[];
      try {
        runs = until(rt, 'updateFinance');
      } finally {
        intercept(undefined);
      }
      const last = runs.at(-1)!;
      expect(last.result).toBe('done');
      expect(last.message).toContain(t('ru', 'finance.reconRole', { method: path }));
      expect(last.message).not.toContain(t('ru', 'finance.role', { method: path }));
      // Every accrual is in the Finance tab and every line with accruals has its payout.
      const keys = ru(rt, 'Finance', 'Finance key').map(String).sort();
      expect(keys).toEqual([...truth(sim).keys()].sort());
      const payouts = ru(rt, 'Order lines', 'Accrued payout').filter((v) => v !== '' && v !== null);
      expect(payouts.length).toBeGreaterThan(100);
      expect(rt.spreadsheet.sheetNames()).not.toContain('Reconciliation');
      // The orders sync is untouched by it.
      expect(ok(rt.run<Result<Summary>>('syncOrders')).result).toBe('done');
      // With the role given, the next update reconciles: no differences.
      const allowed = ok(rt.run<Result<Summary>>('updateFinance'));
      expect(allowed.message).toContain(t('ru', 'finance.reconciled', { months: '2026-10' }));
      const recon = rt.spreadsheet.sheet('Reconciliation')!.values();
      // Refused again: the tab keeps what it showed, the message says why it was not checked.
      intercept(refuse(path));
      try {
        expect(ok(rt.run<Result<Summary>>('updateFinance')).message).toContain(
          t('ru', 'finance.reconRole', { method: path }),
        );
      } finally {
        intercept(undefined);
      }
      expect(rt.spreadsheet.sheet('Reconciliation')!.values()).toEqual(recon);
    },
  );

  test('the hourly run tells it once in the Sync log and keeps updating fees', () => {
    const { rt, sim, intercept } = demoShop({ postings: 300, days: 50, seed: 9 }, { locale: 'ru' });
    sim.setRateLimit(null);
    const settings = { lookbackDays: 50, autoSync: true, digest: false };
    expect(rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', settings).ok).toBe(true);
    intercept(refuse('/v1/finance/realization/posting'));
    const hour = () => {
      rt.clock.advance(3_600_000 + 60_000);
      expect(rt.fireTimeTriggers().map((r) => r.error)).toEqual([undefined]);
      return tabRecords(rt, 'Sync log');
    };
    const told = t('ru', 'finance.reconRole', { method: '/v1/finance/realization/posting' });
    const financeRows = (log: Record<string, unknown>[]) =>
      log.filter((r) => String(r['Источник']).startsWith('комиссии и выплаты'));
    try {
      let log: Record<string, unknown>[] = [];
      // The first hours read the shop (the orders sync, then the fees, resumed hour by hour).
      for (let i = 0; i < 6 && !financeRows(log).length; i++) log = hour();
      expect(financeRows(log)).toEqual([expect.objectContaining({ Результат: 'ошибка', Ошибка: told })]);
      expect(ru(rt, 'Finance', 'Finance key').length).toBeGreaterThan(100);
      // Told once: the next hours add no finance row, and fees of newly delivered postings keep landing.
      const before = ru(rt, 'Finance', 'Finance key').length;
      for (let i = 0; i < 3; i++) log = hour();
      expect(financeRows(log)).toHaveLength(1);
      const delivering = [...sim.state.postings.values()]
        .filter((p) => p.status === 'delivering')
        .slice(0, 5)
        .map((p) => p.postingNumber);
      expect(delivering.length).toBeGreaterThan(0);
      sim.deliverNow(delivering);
      log = hour();
      expect(financeRows(log)).toHaveLength(1);
      expect([...truth(sim).keys()].sort()).toEqual(ru(rt, 'Finance', 'Finance key').map(String).sort());
      expect(ru(rt, 'Finance', 'Finance key').length).toBeGreaterThanOrEqual(before);
    } finally {
      intercept(undefined);
    }
  });
});

describe('finance when Ozon does not give its monthly totals (down, 5xx after the retries, timeout)', () => {
  const TOTALS = [
    '/v1/finance/realization/posting',
    '/v2/finance/realization',
    '/v1/finance/cash-flow-statement/list',
  ];
  // The simulator's own fault answer (its circuit breaker open), or no answer at all (a timeout).
  const faults: [string, Intercept][] = [
    [
      '503 Circle is open',
      (req, pass) =>
        TOTALS.some((p) => req.url.endsWith(p))
          ? {
              status: 503,
              headers: { 'content-type': 'application/json', 'x-sim-fault': 'circle_open' },
              body: JSON.stringify({ code: 14, message: 'Circle is open', details: [] }),
            }
          : pass(req),
    ],
    [
      'a timeout',
      (req, pass) => {
        if (TOTALS.some((p) => req.url.endsWith(p))) throw new Error('Timeout: the request took too long');
        return pass(req);
      },
    ],
  ];
  /** The reconciliation message with its reason left out (the reason names Ozon's failure). */
  const reconFailed = (lang: 'ru' | 'zh' | 'en') =>
    t(lang, 'finance.reconFailed', { reason: '\u0000' }).split('\u0000');
  const ru = (rt: Runtime, tab: string, english: string) =>
    tabRecords(rt, tab).map((r) => r[headerIn('ru', english)]);

  test.each(faults)(
    '%s: the fees, payouts and profit land, the run says reconciliation is retried (in Russian), and the next update reconciles',
    (_name, fault) => {
      const { rt, sim, intercept } = demoShop({ postings: 300, days: 50, seed: 9 }, { locale: 'ru' });
      sim.setRateLimit(null);
      rt.properties.document.set('ODESK_LOOKBACK_DAYS', '50');
      until(rt, 'syncOrders');
      intercept(fault);
      let runs: Summary[];
      try {
        runs = until(rt, 'updateFinance');
      } finally {
        intercept(undefined);
      }
      const last = runs.at(-1)!;
      expect(last.result).toBe('done');
      const [before, after] = reconFailed('ru');
      expect(last.message).toContain(before);
      expect(last.message).toContain(after);
      expect(last.message).not.toContain(t('ru', 'finance.failed', { reason: '' }));
      const keys = ru(rt, 'Finance', 'Finance key').map(String).sort();
      expect(keys).toEqual([...truth(sim).keys()].sort());
      expect(
        ru(rt, 'Order lines', 'Accrued payout').filter((v) => v !== '' && v !== null).length,
      ).toBeGreaterThan(100);
      expect(rt.spreadsheet.sheetNames()).not.toContain('Reconciliation');
      // Ozon answers again: the next update reconciles.
      const again = ok(rt.run<Result<Summary>>('updateFinance'));
      expect(again.message).toContain(t('ru', 'finance.reconciled', { months: '2026-10' }));
    },
  );

  test('the hourly run writes one Sync log row saying the fees landed, and reconciles in the next hour Ozon answers', () => {
    const { rt, sim, intercept } = demoShop({ postings: 300, days: 50, seed: 9 }, { locale: 'ru' });
    sim.setRateLimit(null);
    const settings = { lookbackDays: 50, autoSync: true, digest: false };
    expect(rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', settings).ok).toBe(true);
    intercept(faults[0][1]);
    const hour = () => {
      rt.clock.advance(3_600_000 + 60_000);
      expect(rt.fireTimeTriggers().map((r) => r.error)).toEqual([undefined]);
      return tabRecords(rt, 'Sync log');
    };
    const financeRows = (log: Record<string, unknown>[]) =>
      log.filter((r) => String(r['Источник']).startsWith('комиссии и выплаты'));
    const [before, after] = reconFailed('ru');
    try {
      let log: Record<string, unknown>[] = [];
      for (let i = 0; i < 6 && !financeRows(log).length; i++) log = hour();
      const rows = financeRows(log);
      expect(rows).toHaveLength(1);
      expect(rows[0]['Результат']).toBe(t('ru', 'sync.resultPartial'));
      expect(String(rows[0]['Ошибка'])).toContain(before);
      expect(String(rows[0]['Ошибка'])).toContain(after);
      expect(ru(rt, 'Finance', 'Finance key').length).toBeGreaterThan(100);
      // Told once while Ozon stays down; the fees keep landing.
      log = hour();
      expect(financeRows(log)).toHaveLength(1);
    } finally {
      intercept(undefined);
    }
    // Ozon is back: the next hour reconciles (the tab appears), nothing more is told.
    const log = hour();
    expect(financeRows(log)).toHaveLength(1);
    expect(rt.spreadsheet.sheetNames()).toContain('Reconciliation');
  });
});

const cents = (v: unknown) => (v === '' || v === null || v === undefined ? null : minor(v));

describe('finance with costs in CNY before their exchange rates are entered', () => {
  test('profit stays blank with “exchange rate missing”; Exchange rates offers each month and currency; filled in, profit follows the month’s rate (an earlier month’s when the month has none)', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 50, seed: 21, products: 12 });
    sim.setRateLimit(null);
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '50');
    until(rt, 'syncOrders');
    until(rt, 'updateFinance');
    const unit = new Map<string, { minor: number; currency: string }>();
    const cells: { row: number; header: string; value: unknown }[] = [];
    tabRecords(rt, 'Costs').forEach((c, i) => {
      const value = 30 + i * 1.5;
      unit.set(String(c['Offer ID']), { minor: Math.round(value * 100), currency: 'CNY' });
      cells.push(
        { row: i + 2, header: 'Cost price', value },
        { row: i + 2, header: 'Cost currency', value: 'CNY' },
      );
    });
    setCells(rt, 'Costs', cells);
    until(rt, 'updateFinance');
    const orders = tabRecords(rt, 'Orders').map((o) => String(o['Posting number']));
    const check = (rates: Record<string, Record<string, number>>) => {
      const want = truthLines(sim, orders, { unit, rates });
      const got = new Map(
        tabRecords(rt, 'Order lines').map((l) => [`${l['Posting number']}|${l.SKU}`, l] as const),
      );
      expectEachEqual(want, (w) => {
        const l = got.get(`${w.posting}|${w.sku}`)!;
        return [
          { line: `${w.posting}|${w.sku}`, profit: cents(l.Profit), note: l['Profit note'] },
          {
            line: `${w.posting}|${w.sku}`,
            profit: w.cost === null ? null : w.payout - w.cost,
            note: w.cost === null ? t('en', 'finance.rateMissing') : '',
          },
        ];
      });
      return want;
    };
    // No rate yet: every line that sold a unit waits for one, and the tab lists what is needed.
    const waiting = check({});
    expect(waiting.filter((w) => w.cost === null).length).toBeGreaterThan(50);
    const needed = new Set<string>();
    for (const n of orders) {
      const p = sim.state.postings.get(n)!;
      const month = new Date(p.inProcessAt + 3 * 3_600_000).toISOString().slice(0, 7);
      needed.add(`${month}|CNY`);
      if (p.currency !== 'RUB') needed.add(`${month}|${p.currency}`);
    }
    const offered = () =>
      tabRecords(rt, 'Exchange rates').map((r) => `${r['Month (YYYY-MM)']}|${r.Currency}`);
    expect(offered().sort()).toEqual([...needed].sort());
    expect(needed.size).toBeGreaterThanOrEqual(2);
    // The seller fills in the first month only: later months take its rate.
    const months = [...new Set([...needed].map((k) => k.split('|')[0]))].sort();
    const fill = (month: string, byCurrency: Record<string, number>) => {
      const rows = tabRecords(rt, 'Exchange rates');
      setCells(
        rt,
        'Exchange rates',
        rows.flatMap((r, i) =>
          r['Month (YYYY-MM)'] === month && byCurrency[String(r.Currency)] !== undefined
            ? [{ row: i + 2, header: 'RUB per unit', value: byCurrency[String(r.Currency)] }]
            : [],
        ),
      );
      until(rt, 'updateFinance');
    };
    const rates: Record<string, Record<string, number>> = { [months[0]]: { CNY: 12.4, KZT: 0.18 } };
    fill(months[0], rates[months[0]]);
    const first = check(rates);
    expect(first.every((w) => w.cost !== null)).toBe(true);
    // A later month's own rate replaces the fallback for that month's orders only.
    const later = months.at(-1)!;
    rates[later] = { CNY: 13.05, KZT: 0.19 };
    fill(later, rates[later]);
    const second = check(rates);
    const moved = second.filter((w, i) => w.cost !== first[i].cost);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((w) => w.month === later)).toBe(true);
  });
});
