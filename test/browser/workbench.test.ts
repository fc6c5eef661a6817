// The workbench page itself: the grid shows the runtime's tabs as displayed, selecting cells sets the
// active range in the runtime, and the shop/trigger buttons move modeled time.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, localOnlyContext, snapshotDist } from './support';
import { startWorkbench, type Workbench } from '../../workbench/app';
import { t } from '../../src/core/i18n/messages';

jest.setTimeout(60_000);

let wb: Workbench;
let dist: ReturnType<typeof snapshotDist>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  dist = snapshotDist();
  wb = await startWorkbench({
    distDir: dist.dir,
    port: 0,
    seed: 5,
    postings: 10,
    now: Date.parse('2026-11-20T09:00:00Z'),
  });
  browser = await launchChromium();
  context = await localOnlyContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
  dist?.remove();
});

async function pageVersion(): Promise<number> {
  return Number(await page.getAttribute('body', 'data-version'));
}

async function waitForNewVersion(before: number): Promise<void> {
  await page.waitForFunction((v) => Number(document.body.getAttribute('data-version')) > v, before);
}

test('the grid shows every tab with column letters, row numbers and displayed values, as text', async () => {
  const book = wb.runtime.spreadsheet;
  const orders = book.addSheet('Orders');
  orders.frozenRows = 1;
  orders.ensure(0, 0).v = 'Posting';
  orders.ensure(0, 1).v = 'Buyer';
  orders.ensure(1, 0).v = '0001234-0001-1';
  orders.ensure(1, 1).v = '<img src=x onerror="window.__pwned=1">Иван';
  orders.ensure(1, 2).v = 1500.5;
  book.activeSheetId = orders.id;
  await page.goto(wb.url);
  await page.waitForSelector('.tab.active[data-sheet="Orders"]');
  expect(await page.locator('.tab').allTextContents()).toEqual(['Sheet1', 'Orders']);
  expect(await page.locator('th.col-head').nth(2).textContent()).toBe('C');
  expect(await page.locator('tr[data-row="2"] th.row-head').textContent()).toBe('2');
  expect(await page.textContent('td[data-cell="A2"]')).toBe('0001234-0001-1');
  expect(await page.textContent('td[data-cell="B2"]')).toBe('<img src=x onerror="window.__pwned=1">Иван');
  expect(await page.locator('#grid img').count()).toBe(0);
  expect(await page.getAttribute('td[data-cell="C2"]', 'class')).toContain('num');
  expect(await page.getAttribute('tr[data-row="1"]', 'class')).toContain('frozen-row');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('clicking a cell, shift-clicking and clicking a row number set the active range', async () => {
  await page.goto(wb.url);
  const orders = wb.runtime.spreadsheet.sheet('Orders');
  await page.click('td[data-cell="B3"]');
  await page.waitForSelector('td[data-cell="B3"].selected');
  expect(wb.runtime.spreadsheet.activeRange).toEqual({
    sheetId: orders.id,
    range: { startRow: 2, endRow: 3, startCol: 1, endCol: 2 },
  });
  await page.click('td[data-cell="D5"]', { modifiers: ['Shift'] });
  await page.waitForSelector('td[data-cell="C4"].selected');
  expect(wb.runtime.spreadsheet.activeRange?.range).toEqual({
    startRow: 2,
    endRow: 5,
    startCol: 1,
    endCol: 4,
  });
  expect(await page.textContent('#selection')).toBe('B3:D5');
  await page.click('tr[data-row="7"] th.row-head');
  await page.waitForSelector('td[data-cell="A7"].selected');
  expect(wb.runtime.spreadsheet.activeRange?.range).toEqual({
    startRow: 6,
    endRow: 7,
    startCol: 0,
    endCol: orders.maxCols,
  });
  await page.click('.tab[data-sheet="Sheet1"]');
  await page.waitForSelector('.tab.active[data-sheet="Sheet1"]');
  expect(wb.runtime.spreadsheet.activeSheet().name).toBe('Sheet1');
});

test('the add-on menu comes from onOpen and its items run as menu executions', async () => {
  await page.goto(wb.url);
  await page.click('#menu-button');
  const items = await page
    .locator('.menu-item')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.function));
  const recorded = wb.runtime.ui.menus
    .flatMap((m) => m.items)
    .flatMap((item) => (item.kind === 'item' ? [item.functionName] : []));
  expect(items).toEqual(recorded);
  expect(items).toEqual(expect.arrayContaining(['showOrderDesk', 'showSettings']));
  const sidebars = wb.runtime.ui.sidebars.length;
  await page.click('.menu-item[data-function="showOrderDesk"]');
  await page.waitForSelector(`#sidebar-frame[src="/sidebar/${sidebars + 1}"]`, { state: 'attached' });
  expect(wb.runtime.ui.sidebars).toHaveLength(sidebars + 1);
  await page.click('#sidebar-close');
  await page.waitForSelector('#sidebar-panel', { state: 'hidden' });
});

test('loading the page opens the spreadsheet: onOpen builds the menu anew, in the language saved by then', async () => {
  await page.goto(wb.url);
  const opened = wb.runtime.counters.executions;
  wb.runtime.properties.user.set('ODESK_LANGUAGE', 'ru');
  try {
    await page.reload();
    expect(wb.runtime.counters.executions).toBe(opened + 1);
    await page.click('#menu-button');
    expect(await page.locator('.menu-item[data-function="showSettings"]').textContent()).toBe(
      t('ru', 'menu.settings'),
    );
    expect(wb.runtime.ui.menus).toHaveLength(1);
    // A long caption stays on one line, as in Sheets' menus.
    const heights = await page
      .locator('.menu-item')
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    expect(heights.filter((h) => h > Math.min(...heights) + 1)).toEqual([]);
    await page.click('#menu-button');
  } finally {
    wb.runtime.properties.user.delete('ODESK_LANGUAGE');
  }
});

test('"Advance shop 24 h" lets a day pass on the shared clock; "Run hourly trigger" an hour', async () => {
  await page.goto(wb.url);
  const start = wb.runtime.clock.now();
  let before = await pageVersion();
  await page.click('#advance');
  await waitForNewVersion(before);
  expect(wb.runtime.clock.now() - start).toBe(24 * 3_600_000);
  expect(wb.sim.now()).toBe(wb.runtime.clock.now());
  before = await pageVersion();
  await page.click('#hourly');
  await waitForNewVersion(before);
  expect(wb.runtime.clock.now() - start).toBe(25 * 3_600_000);
  await page.waitForSelector('#log .log-line >> text=time');
});

test('google.script.host.close() in the sidebar closes it; toasts show their text as text', async () => {
  await page.goto(wb.url);
  await page.click('#menu-button');
  await page.click('.menu-item[data-function="showSettings"]');
  const frame = await (await page.waitForSelector('#sidebar-frame[src^="/sidebar/"]')).contentFrame();
  if (!frame) throw new Error('sidebar frame missing');
  await frame.waitForSelector('.view[data-ready="true"]');
  await frame.evaluate(() =>
    (window as unknown as { google: { script: { host: { close(): void } } } }).google.script.host.close(),
  );
  await page.waitForSelector('#sidebar-panel', { state: 'hidden' });

  wb.runtime.ui.toasts.push({ title: 'Sync', message: '<b>5</b> new orders', seconds: -1 });
  await page.reload();
  await page.waitForSelector('.toast .toast-message >> text=<b>5</b> new orders');
  expect(await page.locator('.toast b').count()).toBe(0);
});

test('a column keeps the width set on it, however long its text, as in Sheets', async () => {
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Widths');
    sheet.getRange(1, 1, 1, 2).setValues([['Чайник '.repeat(400), 'short']]);
    sheet.setColumnWidth(1, 260);
    sheet.activate();
  });
  await page.goto(wb.url);
  await page.waitForSelector('.tab.active[data-sheet="Widths"]');
  const width = (cell: string) =>
    page.locator(`td[data-cell="${cell}"]`).evaluate((n) => n.getBoundingClientRect().width);
  expect(await width('A1')).toBeCloseTo(260, 0);
  expect(await width('B1')).toBeCloseTo(100, 0);
});
