// The Finance tab's fee group in the seller's words, its code in a hidden "Fee group code" column that
// every reader reads: the Dashboard's P&L, the profit of each Order lines row and the BigQuery load
// give the same figures (to the kopeck, against the simulator's truth) in Russian and in Chinese, after
// a language change, and from a tab written before the code column existed (codes in Fee group).
import { FEE_GROUPS } from '../../src/core/finance/fees';
import { feeGroupText } from '../../src/core/finance/group-words';
import { parseMinor } from '../../src/core/finance/minor';
import { headerIn } from '../../src/core/i18n/headers';
import { t, type Lang, type MessageKey } from '../../src/core/i18n/messages';
import { PERIODS, truthLines, truthPnl, type TruthPnl } from '../support/finance-truth';
import { expectEachEqual } from '../support/expect-each';
import { deleteColumn } from '../support/seller';
import { demoShop, tabRecords, type Runtime } from '../support/shop';

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Summary {
  result: string;
  message: string;
}

const P = 'ozon-shop-123';
const D = 'ozon_history';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

function until(rt: Runtime, fn: string): void {
  for (let i = 0; i < 20; i++) {
    if (ok(rt.run<Result<Summary>>(fn)).result === 'done') return;
    rt.clock.advance(60_000);
  }
  throw new Error(`${fn} did not finish`);
}

const blank = (v: unknown) => v === '' || v === null || v === undefined;
const cents = (v: unknown) => (blank(v) ? null : (parseMinor(v) ?? NaN));

/** Runs `fn` as the seller, on one tab through SpreadsheetApp. */
function asSeller(rt: Runtime, tab: string, fn: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void) {
  rt.asUser((g) =>
    fn(
      (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName(tab)!,
    ),
  );
}

describe('the Finance tab’s fee group in words, its code beside it', () => {
  const { rt, sim } = demoShop({ postings: 300, days: 40, seed: 23, products: 20 });
  rt.properties.document.set('ODESK_LOOKBACK_DAYS', '40');
  sim.setRateLimit(null);
  const bq = rt.bigquery;
  bq.addProject(P);
  bq.addDataset(P, D);
  const unit = new Map<string, { minor: number; currency: string }>();
  let lang: Lang = 'ru';
  const h = (english: string) => headerIn(lang, english);

  beforeAll(() => {
    rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    until(rt, 'syncOrders');
    until(rt, 'updateFinance');
    // Every offer's cost in roubles (one left blank: its sales' profit stays unknown, and is counted).
    const header = (rt.spreadsheet.sheet('Costs').values() as unknown[][])[0].map(String);
    const costs = tabRecords(rt, 'Costs');
    asSeller(rt, 'Costs', (sheet) =>
      costs.forEach((c, i) => {
        if (i === 3) return;
        const value = 200 + i * 12.25;
        unit.set(String(c[h('Offer ID')]), { minor: Math.round(value * 100), currency: 'RUB' });
        sheet.getRange(i + 2, header.indexOf(h('Cost price')) + 1).setValue(value);
      }),
    );
    until(rt, 'updateFinance');
  });

  const finance = () => tabRecords(rt, 'Finance');
  const codesByKey = () =>
    new Map(finance().map((r) => [String(r[h('Finance key')]), String(r[h('Fee group code')])]));

  function expectWords() {
    const rows = finance();
    expect(rows.length).toBeGreaterThan(200);
    const codes = rows.map((r) => String(r[h('Fee group code')]));
    // Every group the shop has, its code beside its words in the seller's language; no raw code shown.
    expect(new Set(codes).size).toBeGreaterThan(5);
    expect(codes.filter((c) => !(FEE_GROUPS as readonly string[]).includes(c))).toEqual([]);
    expectEachEqual(rows, (r) => [
      r[h('Fee group')],
      feeGroupText(lang, String(r[h('Fee group code')]) as (typeof FEE_GROUPS)[number]),
    ]);
    expect(rows.filter((r) => /^[a-z_]+$/.test(String(r[h('Fee group')])))).toEqual([]);
    const header = (rt.spreadsheet.sheet('Finance').values() as unknown[][])[0].map(String);
    expect(header.filter((x) => x === h('Fee group code'))).toHaveLength(1);
    let hidden = false;
    asSeller(rt, 'Finance', (sheet) => {
      hidden = sheet.isColumnHiddenByUser(header.indexOf(h('Fee group code')) + 1);
    });
    expect(hidden).toBe(true);
  }

  /** Each Order lines row's profit (and its accrued payout) against the simulator's truth. */
  function expectProfit() {
    const orders = tabRecords(rt, 'Orders').map((o) => String(o[h('Posting number')]));
    const want = truthLines(sim, orders, { unit, rates: {} });
    const got = new Map(
      tabRecords(rt, 'Order lines').map((l) => [`${l[h('Posting number')]}|${l[h('SKU')]}`, l] as const),
    );
    expect(want.filter((w) => w.cost !== null && w.payout !== 0).length).toBeGreaterThan(50);
    expect(want.filter((w) => w.cost === null).length).toBeGreaterThan(0);
    expectEachEqual(want, (w) => {
      const l = got.get(`${w.posting}|${w.sku}`)!;
      const line = `${w.posting}|${w.sku}`;
      return [
        { line, payout: cents(l[h('Accrued payout')]), profit: cents(l[h('Profit')]) },
        { line, payout: w.payout, profit: w.cost === null ? null : w.payout - w.cost },
      ];
    });
  }

  /** The Dashboard's P&L block, label → the four periods' cells, against the simulator's truth. */
  function expectPnl() {
    ok(rt.run<Result<unknown>>('buildReports'));
    const values = rt.spreadsheet.sheet('Dashboard').values() as unknown[][];
    const title = t(lang, 'pnl.title', { currency: 'RUB' });
    const top = values.findIndex((r) => r.includes(title));
    expect(top).toBeGreaterThanOrEqual(0);
    const at = values[top].indexOf(title);
    const got = new Map<string, unknown[]>();
    for (let r = top + 1; r < values.length && !blank(values[r][at]); r++)
      got.set(String(values[r][at]), values[r].slice(at + 1, at + 5));
    const orders = tabRecords(rt, 'Orders').map((o) => String(o[h('Posting number')]));
    const truth = truthPnl(sim, truthLines(sim, orders, { unit, rates: {} }), 'RUB', rt.clock.now());
    const money = (minor: number) => minor / 100;
    const missing = (p: TruthPnl) => t(lang, 'pnl.costMissing', { count: p.missing });
    const want = new Map<string, unknown[]>();
    for (const g of FEE_GROUPS)
      want.set(
        t(lang, `pnl.${g}` as MessageKey),
        PERIODS.map((p) => money(truth[p].groups[g])),
      );
    want.set(
      t(lang, 'pnl.payout'),
      PERIODS.map((p) => money(truth[p].payout)),
    );
    want.set(
      t(lang, 'pnl.cost'),
      PERIODS.map((p) => (truth[p].cost === null ? missing(truth[p]) : money(-truth[p].cost!))),
    );
    want.set(
      t(lang, 'pnl.profit'),
      PERIODS.map((p) => (truth[p].profit === null ? missing(truth[p]) : money(truth[p].profit!))),
    );
    expect(truth.days30.groups.sale).toBeGreaterThan(0);
    expect(FEE_GROUPS.filter((g) => truth.days30.groups[g] !== 0).length).toBeGreaterThan(4);
    expect(got).toEqual(want);
  }

  /** Loads BigQuery afresh (its position forgotten): the finance table's groups are the codes. */
  function loadBigQuery(codes: ReadonlyMap<string, string>): { updated: number } {
    rt.asUser((g) => {
      const ss = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
      const state = ss.getSheetByName('BigQuery state');
      if (state) ss.deleteSheet(state);
    });
    const jobsBefore = bq.jobs.size;
    expect(ok(rt.run<Result<Summary>>('loadBigQuery')).result).toBe('done');
    const stored = new Map(bq.rows(P, D, 'finance').map((r) => [String(r.finance_key), r.fee_group]));
    expect(stored.size).toBe(codes.size);
    expectEachEqual([...codes], ([key, code]) => [
      { key, group: stored.get(key) },
      { key, group: code },
    ]);
    const merges = [...bq.jobs.values()].slice(jobsBefore).filter((j) => j.configuration.query);
    return {
      updated: merges
        .map((m) =>
          Number((m.statistics.query as { dmlStats: { updatedRowCount: string } }).dmlStats.updatedRowCount),
        )
        .reduce((a, b) => a + b, 0),
    };
  }

  test('in Russian: words in Fee group, codes in the hidden column; P&L, profit and BigQuery by code', () => {
    expectWords();
    expectProfit();
    expectPnl();
    ok(rt.callFromSidebar<Result<unknown>>('saveBigQuerySettings', { projectId: P, datasetId: D }));
    loadBigQuery(codesByKey());
  });

  test('a language change relabels every Finance row; the figures stay the same', () => {
    const codes = codesByKey();
    rt.properties.user.set('ODESK_LANGUAGE', 'zh');
    lang = 'zh';
    rt.clock.advance(60_000);
    // The hourly run: the orders sync (Orders and Order lines in Chinese too), then the finance run.
    until(rt, 'syncOrders');
    until(rt, 'updateFinance');
    expectWords();
    expect(codesByKey()).toEqual(codes);
    expectProfit();
    expectPnl();
  });

  test('a tab from before the code column (codes in Fee group) reads the same, and is put right', () => {
    const codes = codesByKey();
    loadBigQuery(codes); // BigQuery as the tab stands now (the Chinese sync changed some postings)
    // Fee group as the add-on wrote it before: the code itself; no code column.
    const header = (rt.spreadsheet.sheet('Finance').values() as unknown[][])[0].map(String);
    const rows = rt.spreadsheet.sheet('Finance').values() as unknown[][];
    const shown = header.indexOf(h('Fee group'));
    const code = header.indexOf(h('Fee group code'));
    asSeller(rt, 'Finance', (sheet) =>
      sheet.getRange(2, shown + 1, rows.length - 1, 1).setValues(rows.slice(1).map((r) => [r[code]])),
    );
    deleteColumn(rt, 'Finance', h('Fee group code'));
    const after = (rt.spreadsheet.sheet('Finance').values() as unknown[][])[0].map(String);
    expect(after).not.toContain(h('Fee group code'));
    expect(new Set(tabRecords(rt, 'Finance').map((r) => String(r[h('Fee group')])))).toEqual(
      new Set(codes.values()),
    );
    // The Dashboard's P&L and the BigQuery load read the codes from Fee group: nothing changes in BigQuery.
    expectPnl();
    const bqRows = bq.rows(P, D, 'finance').length;
    expect(loadBigQuery(codes).updated).toBe(0);
    expect(bq.rows(P, D, 'finance').length).toBe(bqRows);
    // The finance run restores the hidden column, fills it with the codes and writes the words.
    rt.clock.advance(60_000);
    until(rt, 'updateFinance');
    expectWords();
    expect(codesByKey()).toEqual(codes);
    expectProfit();
    expectPnl();
  });
});
