// Point 1, finance update: the seller sorts, inserts or deletes rows of Finance and Order lines while
// the update works. A hook makes one such edit between every pair of the update's service calls while
// Ozon books corrections (new rows, changed rows) and withdraws one (a stale row to delete). After each
// update every Finance row holds its own key's sum, no withdrawn row is left, the profit figures on
// Order lines are those a clean update writes, and the next update repairs whatever is left. The
// Reconciliation tab likewise: sorted, inserted into and deleted from while an update reconciles, each
// of its lines is there once with Ozon's figures (a figure the seller typed over is put right).
import { parseMinor } from '../../../src/core/finance/minor';
import { FinanceModel } from '../../../simulator/finance';
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { editTabs, type KeyedTab } from './keyed-tabs';
import { deleteRow, insertRows, sortBy } from '../../support/seller';

jest.setTimeout(900_000);

function update(shop: DemoShop): string {
  const r = shop.rt.run<{
    ok: boolean;
    data: { result: string; message: string };
    error?: { message: string };
  }>('updateFinance');
  return r.ok
    ? r.data.result === 'failed'
      ? `failed: ${r.data.message}`
      : r.data.result
    : `error ${r.error?.message}`;
}

function truth(shop: DemoShop): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of new FinanceModel(shop.sim.state).book(shop.sim.now()).all) {
    const k = `${a.postingNumber}|${a.typeId}|${a.date}|${a.sku || ''}`;
    out.set(k, (out.get(k) ?? 0) + a.minor);
  }
  return out;
}

const TABS: KeyedTab[] = [
  {
    tab: 'Finance',
    key: 'Finance key',
    sort: ['Amount', 'Posting number'],
    filled: 'Amount',
    check: () => [],
  },
  {
    tab: 'Order lines',
    key: 'Line key',
    sort: ['Offer ID', 'Accrued payout'],
    filled: 'Accrued payout',
    check: () => [],
  },
];

/** Profit figures of Order lines by line key (the columns the finance update writes). */
function profits(shop: DemoShop): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of tabRecords(shop.rt, 'Order lines'))
    if (r['Line key'] !== '')
      out.set(
        String(r['Line key']),
        JSON.stringify([r['Accrued payout'], r['Cost'], r['Profit'], r['Margin %']]),
      );
  return out;
}

/** Finance rows against Ozon: each row its own key's sum, once; `wanted` keys there (up to `mayMiss`). */
function financeProblems(
  shop: DemoShop,
  wanted: ReadonlySet<string>,
  deleted: ReadonlySet<string> = new Set(),
  mayMiss = 0,
): string[] {
  const expected = truth(shop);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of tabRecords(shop.rt, 'Finance')) {
    const k = String(r['Finance key']);
    if (!k) {
      if (r['Amount'] !== '' || r['Posting number'] !== '')
        problems.push(`Finance: a row without a key holds ${String(r['Posting number'])}`);
      continue;
    }
    if (seen.has(k)) problems.push(`Finance: ${k} twice`);
    seen.add(k);
    const [posting, type] = k.split('|');
    if (String(r['Posting number']) !== posting || String(r['Accrual type ID']) !== type)
      problems.push(`Finance: ${k} holds ${String(r['Posting number'])} ${String(r['Accrual type ID'])}`);
    if (!expected.has(k)) problems.push(`Finance: ${k} is no accrual at Ozon`);
    else if (parseMinor(r['Amount']) !== expected.get(k))
      problems.push(`Finance: ${k} amount ${String(r['Amount'])}, Ozon ${expected.get(k)}`);
  }
  for (const r of tabRecords(shop.rt, 'Order lines'))
    if (r['Line key'] === '' && r['Accrued payout'] !== '')
      problems.push(`Order lines: a row without a key holds payout ${String(r['Accrued payout'])}`);
  const missing = [...wanted].filter((k) => expected.has(k) && !seen.has(k) && !deleted.has(`Finance|${k}`));
  if (missing.length > mayMiss) problems.push(`Finance: missing ${missing.join(', ')}`);
  return problems;
}

describe('finance update while the seller edits Finance and Order lines', () => {
  test('a sort, an insert and a delete between every pair of service calls of an update', () => {
    const shop = demoShop({ postings: 150, days: 20, seed: 14, products: 20 });
    const { rt, sim } = shop;
    sim.setRateLimit(null);
    expect(rt.run<{ ok: boolean; data: { result: string } }>('syncOrders').data.result).toBe('done');
    expect(update(shop)).toBe('done');
    expect(financeProblems(shop, new Set())).toEqual([]);

    // Ozon books corrections on delivered postings today, and withdraws the one it booked the time before.
    const postings = [...new Set(tabRecords(rt, 'Finance').map((r) => String(r['Posting number'])))];
    expect(postings.length).toBeGreaterThan(10);
    const wanted = new Set<string>();
    const deleted = new Set<string>();
    const book = (k: number) => {
      const at = rt.clock.now() - 60_000;
      const last = sim.state.accrualCorrections.length - 1;
      if (k % 2 && last >= 0) sim.state.accrualCorrections.splice(last, 1);
      for (const [i, posting] of [
        postings[k % postings.length],
        postings[(k * 7 + 3) % postings.length],
      ].entries())
        sim.state.accrualCorrections.push({
          postingNumber: posting,
          typeId: 121,
          at,
          minor: -(100 + k * 10 + i),
          sku: 0,
        });
      for (const k2 of truth(shop).keys()) if (k2.split('|')[1] === '121') wanted.add(k2);
    };

    book(0);
    rt.clock.advance(3_600_000);
    let calls = 0;
    rt.onServiceCall(() => calls++);
    expect(update(shop)).toBe('done');
    rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(6);
    expect(financeProblems(shop, wanted)).toEqual([]);

    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        rt.clock.advance(3_600_000);
        book(k + 1);
        rt.onServiceCall((call) => {
          if (call.index === k) editTabs(shop, TABS, kind, k, deleted);
        });
        const result = update(shop);
        rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        expect([label, result]).toEqual([label, 'done']);
        expect([label, financeProblems(shop, wanted, deleted, kind === 'delete' ? 1 : 0)]).toEqual([
          label,
          [],
        ]);
        const during = profits(shop);
        const ozonDuring = truth(shop);
        rt.clock.advance(60_000);
        expect(update(shop)).toBe('done');
        expect([`${label}, next update`, financeProblems(shop, wanted, deleted)]).toEqual([
          `${label}, next update`,
          [],
        ]);
        // Profit cells the edited update left are those a clean update writes (lines the seller deleted aside).
        // A Finance row or line the seller deleted changes its posting's profit from the next update on.
        const lost = new Set(
          [...deleted].map((d) =>
            d.startsWith('Finance|') ? d.split('|')[1] : d.split('|')[1].split('/')[0],
          ),
        );
        // So does an accrual Ozon booked (or changed) in the minute between the two updates.
        const ozonClean = truth(shop);
        for (const k2 of new Set([...ozonDuring.keys(), ...ozonClean.keys()]))
          if (ozonDuring.get(k2) !== ozonClean.get(k2)) lost.add(k2.split('|')[0]);
        const clean = profits(shop);
        for (const line of [...during.keys()]) if (lost.has(line.split('/')[0])) during.delete(line);
        expect([label, during.size > clean.size / 2]).toEqual([label, true]);
        const wrong = [...during]
          .filter(([line, v]) => clean.has(line) && clean.get(line) !== v)
          .map(([line]) => `${line} ${during.get(line)} → ${clean.get(line)}`);
        expect([label, wrong]).toEqual([label, []]);
      }
    }
  });
});

/** What a Reconciliation row is about, as its visible cells name it ('' for a row without a section). */
const reconId = (r: Record<string, unknown>) =>
  r['Section'] === ''
    ? ''
    : ['Section', 'Period', 'Currency', 'Posting number', 'Item'].map((h) => String(r[h])).join('|');
const reconFigures = (r: Record<string, unknown>) =>
  JSON.stringify([r['Ozon'], r['Finance tab'], r['Difference']]);

/** Reconciliation rows against the clean update's: each line once, its figures; up to `mayMiss` missing. */
function reconProblems(shop: DemoShop, clean: ReadonlyMap<string, string>, mayMiss = 0): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of tabRecords(shop.rt, 'Reconciliation')) {
    const id = reconId(r);
    if (!id) {
      if (r['Ozon'] !== '' || r['Difference'] !== '')
        problems.push(`a row without a section holds ${reconFigures(r)}`);
      continue;
    }
    if (seen.has(id)) problems.push(`${id} twice`);
    seen.add(id);
    if (!clean.has(id)) problems.push(`${id} is no line of Ozon's`);
    else if (clean.get(id) !== reconFigures(r))
      problems.push(`${id} holds ${reconFigures(r)}, not ${clean.get(id)}`);
  }
  const missing = [...clean.keys()].filter((id) => !seen.has(id));
  if (missing.length > mayMiss) problems.push(`missing ${missing.join(', ')}`);
  return problems;
}

describe('reconciliation while the seller edits the Reconciliation tab', () => {
  test('a sort, an insert and a delete between every pair of service calls of an update that reconciles', () => {
    // Thirty days back from 20 November: October is a closed month the Finance tab covers.
    const shop = demoShop({ postings: 80, days: 30, seed: 21, products: 10 });
    const { rt, sim } = shop;
    sim.setRateLimit(null);
    expect(rt.run<{ ok: boolean; data: { result: string } }>('syncOrders').data.result).toBe('done');
    expect(update(shop)).toBe('done');
    const clean = new Map(tabRecords(rt, 'Reconciliation').map((r) => [reconId(r), reconFigures(r)]));
    expect([...clean.keys()].filter((id) => id.startsWith('Payout period|')).length).toBeGreaterThan(4);
    expect(reconProblems(shop, clean)).toEqual([]);

    // The hidden key column deleted (as in a tab from before rows were keyed): each row is keyed again
    // from its own cells, none is added twice.
    const keyColumn = (rt.spreadsheet.sheet('Reconciliation').values()[0] as unknown[]).indexOf(
      'Reconciliation key',
    );
    expect(keyColumn).toBeGreaterThan(0);
    rt.asUser((g) =>
      (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Reconciliation')!
        .deleteColumn(keyColumn + 1),
    );
    expect(update(shop)).toBe('done');
    expect(reconProblems(shop, clean)).toEqual([]);
    const keys = tabRecords(rt, 'Reconciliation').map((r) => [reconId(r), r['Reconciliation key']]);
    expect(keys.filter(([id, key]) => id !== key)).toEqual([]);

    // The seller types over an Ozon figure before each update: every update has rows to write.
    const spoil = () => {
      const at = (rt.spreadsheet.sheet('Reconciliation').values() as unknown[][]).findIndex(
        (r, i) => i > 0 && r[0] !== '',
      );
      rt.asUser((g) =>
        (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActiveSpreadsheet()
          .getSheetByName('Reconciliation')!
          .getRange(at + 1, 6)
          .setValue(123456.78),
      );
    };
    const rows = () => rt.spreadsheet.sheet('Reconciliation').values().length;
    const edit = (kind: 'sort' | 'insert' | 'delete', k: number) => {
      if (kind === 'sort') sortBy(rt, 'Reconciliation', k % 2 ? 'Item' : 'Period', k % 4 < 2);
      else if (kind === 'insert') insertRows(rt, 'Reconciliation', 2 + ((k * 3) % rows()), 1 + (k % 2));
      else deleteRow(rt, 'Reconciliation', 2 + ((k * 5) % rows()));
    };

    spoil();
    let calls = 0;
    rt.onServiceCall(() => calls++);
    expect(update(shop)).toBe('done');
    rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(4);
    expect(reconProblems(shop, clean)).toEqual([]);

    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        rt.clock.advance(60_000);
        spoil();
        rt.onServiceCall((call) => {
          if (call.index === k) edit(kind, k);
        });
        const result = update(shop);
        rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        expect([label, result]).toEqual([label, 'done']);
        // A line the seller deleted after the update's last read comes back with the next update.
        expect([label, reconProblems(shop, clean, kind === 'delete' ? 1 : 0)]).toEqual([label, []]);
        rt.clock.advance(60_000);
        expect(update(shop)).toBe('done');
        expect([`${label}, next update`, reconProblems(shop, clean)]).toEqual([`${label}, next update`, []]);
      }
    }
  });
});
