// Point 1, the rebuilt tabs: Build reports rewrites Sales, Customers, Products and the Dashboard in
// full, Pick list rewrites its tab. A hook sorts, inserts or deletes rows of those tabs between every
// pair of the run's service calls; after each run every tab holds exactly the rows a build with no
// edit writes (none left twice from the build before, none cut), the grid ends below them, and the
// seller's own column beside Sales keeps its header and cells.
import { insertRows } from '../../support/seller';
import { demoShop, type DemoShop } from '../../support/shop';

jest.setTimeout(900_000);

type Edit = 'sort' | 'insert' | 'delete';
const EDITS: readonly Edit[] = ['sort', 'insert', 'delete'];
const REPORT_TABS = ['Sales', 'Customers', 'Products'];
const OWN = 'My margin note';

function editTab(shop: DemoShop, tab: string, kind: Edit, k: number): void {
  shop.rt.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
    if (!sheet || sheet.getLastRow() < 3) return;
    const last = sheet.getLastRow();
    if (kind === 'sort')
      sheet
        .getRange(2, 1, last - 1, sheet.getLastColumn())
        .sort({ column: 1 + (k % 3), ascending: k % 2 === 0 });
    else if (kind === 'delete') sheet.deleteRow(2 + ((k * 5) % (last - 1)));
  });
  if (kind === 'insert') insertRows(shop.rt, tab, 2 + ((k * 7) % 10), 1 + (k % 3));
}

/** The tab's grid as the seller sees it: every row and the report's columns. */
function grid(shop: DemoShop, tab: string, width: number): unknown[][] {
  const sheet = shop.rt.spreadsheet.sheet(tab);
  const values = sheet.values() as unknown[][];
  const rows = shop.rt.asUser((g) =>
    g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!.getMaxRows(),
  );
  return [...values.map((r) => r.slice(0, width)), ...Array.from({ length: rows - values.length }, () => [])];
}

function widthOf(shop: DemoShop, tab: string): number {
  const header = (shop.rt.spreadsheet.sheet(tab).values()[0] ?? []) as unknown[];
  const own = header.indexOf(OWN);
  return own < 0 ? header.filter((h) => h !== '').length : own;
}

function run(shop: DemoShop, fn: string): { ok: boolean; error?: unknown } {
  return shop.rt.run<{ ok: boolean }>(fn);
}

function shopWithReports(): DemoShop {
  const shop = demoShop({ postings: 300, products: 25, days: 4 });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  expect(run(shop, 'syncOrders').ok).toBe(true);
  return shop;
}

/**
 * Counts the service calls of one run of `fn`, and the index of its last Sheets API call (the last
 * write): an edit after it is the seller's own, made on the finished tab.
 */
function callsOf(shop: DemoShop, fn: string): { calls: number; lastWrite: number } {
  const kinds: string[] = [];
  shop.rt.onServiceCall((call) => kinds.push(call.kind));
  expect(run(shop, fn)).toMatchObject({ ok: true });
  shop.rt.onServiceCall(undefined);
  if (process.env.DEBUG_CALLS) console.log(fn, kinds.join(' '));
  return { calls: kinds.length, lastWrite: kinds.lastIndexOf('advancedSheets') };
}

describe('rebuilt tabs while the seller edits them', () => {
  test('a sort, an insert and a delete in the report tabs at every service call of Build reports', () => {
    const shop = shopWithReports();
    const { rt } = shop;
    expect(run(shop, 'buildReports').ok).toBe(true);
    const widths = new Map(REPORT_TABS.map((tab) => [tab, widthOf(shop, tab)]));
    // The seller's own column beside Sales, with a few cells.
    const salesWidth = widths.get('Sales')!;
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sales')!;
      if (sheet.getMaxColumns() <= salesWidth) sheet.insertColumnsAfter(salesWidth, 1);
      sheet.getRange(1, salesWidth + 1, 4, 1).setValues([[OWN], ['a'], ['b'], ['c']]);
    });
    const { calls, lastWrite } = callsOf(shop, 'buildReports');
    const clean = () => new Map(REPORT_TABS.map((tab) => [tab, grid(shop, tab, widths.get(tab)!)]));
    const expected = clean();
    for (const tab of REPORT_TABS) expect([tab, expected.get(tab)!.length > 5]).toEqual([tab, true]);
    expect(calls).toBeGreaterThan(4);

    const problems: string[] = [];
    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of EDITS) {
        const label = `${kind} after call ${k}`;
        rt.onServiceCall((call) => {
          if (call.index === k) for (const tab of REPORT_TABS) editTab(shop, tab, kind, k);
        });
        const result = run(shop, 'buildReports');
        rt.onServiceCall(undefined);
        if (!result.ok) {
          problems.push(`${label}: ${JSON.stringify(result.error)}`);
          expect(run(shop, 'buildReports').ok).toBe(true);
          continue;
        }
        const after = clean();
        // An edit after the last write is the seller's own; the build before it must have been whole.
        const edited = k >= lastWrite;
        for (const tab of REPORT_TABS) {
          const got = after.get(tab)!;
          const want = expected.get(tab)!;
          if (!edited && JSON.stringify(got) !== JSON.stringify(want))
            problems.push(`${label}: ${tab} holds ${got.length} rows, a clean build ${want.length}`);
        }
        const header = rt.spreadsheet.sheet('Sales').values()[0] as unknown[];
        if (header[salesWidth] !== OWN) problems.push(`${label}: the seller's column lost its header`);
        if (edited) expect(run(shop, 'buildReports').ok).toBe(true);
      }
    }
    expect(problems).toEqual([]);
    expect(clean()).toEqual(expected);
    const ownCells = (rt.spreadsheet.sheet('Sales').values() as unknown[][]).map((r) => r[salesWidth]);
    expect(ownCells[0]).toBe(OWN);
  });

  test('a sort, an insert and a delete in Pick list at every service call of Pick list', () => {
    const shop = shopWithReports();
    const { rt, sim } = shop;
    const ready = [...sim.state.postings.values()]
      .filter((p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging')
      .map((p) => p.postingNumber)
      .slice(0, 20);
    expect(ready.length).toBeGreaterThan(8);
    const verified = rt.callFromSidebar('verifyOrders', {
      postings: ready,
      checked: ['order', 'items', 'buyer', 'amount'],
    }) as { ok: boolean };
    expect(verified.ok).toBe(true);
    expect(run(shop, 'buildPickList').ok).toBe(true);
    const width = widthOf(shop, 'Pick list');
    const { calls, lastWrite } = callsOf(shop, 'buildPickList');
    const expected = grid(shop, 'Pick list', width);
    expect(expected.length).toBeGreaterThan(8);

    const problems: string[] = [];
    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of EDITS) {
        const label = `${kind} after call ${k}`;
        rt.onServiceCall((call) => {
          if (call.index === k) editTab(shop, 'Pick list', kind, k);
        });
        const result = run(shop, 'buildPickList');
        rt.onServiceCall(undefined);
        if (!result.ok) problems.push(`${label}: ${JSON.stringify(result.error)}`);
        const got = grid(shop, 'Pick list', width);
        if (result.ok && k < lastWrite && JSON.stringify(got) !== JSON.stringify(expected))
          problems.push(`${label}: Pick list holds ${got.length} rows, a clean build ${expected.length}`);
        expect(run(shop, 'buildPickList').ok).toBe(true);
      }
    }
    expect(problems).toEqual([]);
    expect(grid(shop, 'Pick list', width)).toEqual(expected);
  });
});
