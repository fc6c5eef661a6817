// Point 2: edits between runs. The add-on finds its tabs and columns by developer metadata, not by
// names: a renamed tab is still its tab, a moved column is still its column; its own columns deleted
// by the seller come back refilled, postings whose rows were deleted come back, and the Sync log says
// what was repaired, in the seller's language.
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { deleteColumn, deleteRowOf, renameTab, setCell } from '../../support/seller';
import { t, type Lang } from '../../../src/core/i18n/messages';
import { headerIn } from '../../../src/core/i18n/headers';

jest.setTimeout(300_000);

function sync(shop: DemoShop) {
  const result = shop.rt.run<{ ok: boolean; data: { result: string } }>('syncOrders');
  expect(result.ok && result.data.result).toBe('done');
}

/** Every posting Ozon settled before the last sync's mark is in `tab` exactly once, with its status. */
function expectOrdersMatchOzon(shop: DemoShop, tab = 'Orders', lang: Lang = 'en') {
  const h = (english: string) => headerIn(lang, english);
  const seen = new Map<string, string>();
  const doubled: string[] = [];
  for (const row of tabRecords(shop.rt, tab)) {
    const key = String(row[h('Posting number')]);
    if (seen.has(key)) doubled.push(key);
    seen.set(key, String(row[h('Status code')]));
  }
  expect(doubled).toEqual([]);
  const mark = JSON.parse(shop.rt.properties.document.get('ODESK_SYNC_MARK') as string) as { to: string };
  const wrong: string[] = [];
  for (const posting of shop.sim.state.postings.values()) {
    if (posting.lastChangedStatusDate > Date.parse(mark.to)) continue;
    const status = seen.get(posting.postingNumber);
    if (status !== posting.status) wrong.push(`${posting.postingNumber}: ${status} ≠ ${posting.status}`);
  }
  expect(wrong.slice(0, 5)).toEqual([]);
  expect(wrong).toHaveLength(0);
}

function lastLog(shop: DemoShop, lang: Lang = 'en'): string {
  const rows = tabRecords(shop.rt, 'Sync log');
  return String(rows[rows.length - 1][headerIn(lang, 'Error')]);
}

function sheetTitles(shop: DemoShop): string[] {
  let titles: string[] = [];
  shop.rt.asUser((g) => {
    titles = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
  });
  return titles;
}

function freshShop(lang?: 'ru' | 'zh') {
  const shop = demoShop({ postings: 150, days: 10 });
  if (lang) shop.rt.properties.user.set('ODESK_LANGUAGE', lang);
  sync(shop);
  return shop;
}

describe('tabs and columns found by developer metadata', () => {
  test('a renamed Orders tab (and Sync log) stays the add-on’s tab: no new tab, every posting kept', () => {
    const shop = freshShop();
    const before = tabRecords(shop.rt, 'Orders').length;
    renameTab(shop.rt, 'Orders', 'Заказы Ozon');
    renameTab(shop.rt, 'Sync log', 'Журнал');
    shop.sim.advance(1);
    shop.rt.clock.advance(3_600_000);
    sync(shop);
    const titles = sheetTitles(shop);
    expect(titles).not.toContain('Orders');
    expect(titles).not.toContain('Sync log');
    expect(titles.filter((x) => x === 'Заказы Ozon')).toHaveLength(1);
    expect(tabRecords(shop.rt, 'Заказы Ozon').length).toBeGreaterThanOrEqual(before);
    expectOrdersMatchOzon(shop, 'Заказы Ozon');
    // The log row went to the renamed log tab.
    expect(tabRecords(shop.rt, 'Журнал').length).toBe(2);
  });

  test('the hidden Status code column deleted: put back hidden, refilled, and the log says so', () => {
    const shop = freshShop('ru');
    deleteColumn(shop.rt, 'Orders', headerIn('ru', 'Status code'));
    shop.rt.clock.advance(3_600_000);
    sync(shop);
    expectOrdersMatchOzon(shop, 'Orders', 'ru');
    const sheet = shop.rt.spreadsheet.sheet('Orders');
    const header = (sheet.values() as unknown[][])[0].map(String);
    expect(header.filter((h) => h === headerIn('ru', 'Status code'))).toHaveLength(1);
    let hidden = false;
    shop.rt.asUser((g) => {
      const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Orders')!;
      hidden = s.isColumnHiddenByUser(header.indexOf(headerIn('ru', 'Status code')) + 1);
    });
    expect(hidden).toBe(true);
    // In Russian throughout, the column named as its Russian header.
    expect(lastLog(shop, 'ru')).toBe(
      t('ru', 'repair.columns', { count: 1, columns: `“${headerIn('ru', 'Status code')}”`, tab: 'Orders' }),
    );
    // The next sync has nothing to repair.
    shop.rt.clock.advance(3_600_000);
    sync(shop);
    expect(lastLog(shop, 'ru')).toBe('');
  });

  test('postings whose rows were deleted come back, with the seller’s other rows untouched', () => {
    const shop = freshShop('zh');
    const h = (english: string) => headerIn('zh', english);
    const numbers = tabRecords(shop.rt, 'Orders').map((r) => String(r[h('Posting number')]));
    for (const n of numbers.slice(0, 5))
      setCell(shop.rt, 'Orders', h('Posting number'), n, h('Note'), `note ${n}`);
    for (const n of numbers.slice(10, 15)) deleteRowOf(shop.rt, 'Orders', h('Posting number'), n);
    shop.rt.clock.advance(3_600_000);
    sync(shop);
    expectOrdersMatchOzon(shop, 'Orders', 'zh');
    const rows = tabRecords(shop.rt, 'Orders');
    for (const n of numbers.slice(10, 15)) expect(rows.some((r) => r[h('Posting number')] === n)).toBe(true);
    for (const n of numbers.slice(0, 5))
      expect(rows.find((r) => r[h('Posting number')] === n)?.[h('Note')]).toBe(`note ${n}`);
    expect(lastLog(shop, 'zh')).toBe(t('zh', 'repair.rows', { count: 5, tab: 'Orders' }));
  });

  test('a moved and renamed column is still found: values land in it, no duplicate column', () => {
    const shop = freshShop();
    const sheet = () => shop.rt.spreadsheet.sheet('Orders');
    const header = () => (sheet().values() as unknown[][])[0].map(String);
    const statusAt = header().indexOf('Status');
    shop.rt.asUser((g) => {
      const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Orders')!;
      // Status goes first, and the seller renames it.
      s.moveColumns(s.getRange(1, statusAt + 1, s.getMaxRows(), 1), 1);
      s.getRange(1, 1).setValue('Мой статус'); // not the add-on's own Russian header, so it stays
    });
    const width = header().length;
    shop.sim.advance(2);
    shop.rt.clock.advance(3_600_000);
    sync(shop);
    expect(header().length).toBe(width);
    expect(header()[0]).toBe('Мой статус');
    expect(header()).not.toContain('Status');
    expectOrdersMatchOzon(shop);
    const statusText = new Set([...shop.sim.state.postings.values()].map((p) => p.status));
    // Column A holds the seller-facing status word, not some other column's values.
    const rows = (sheet().values() as unknown[][]).slice(1).filter((r) => r.some((c) => c !== ''));
    const codeAt = header().indexOf('Status code');
    for (const row of rows) {
      expect(statusText.has(String(row[codeAt]))).toBe(true);
      expect(String(row[0])).not.toBe('');
    }
  });
});
