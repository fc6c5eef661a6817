// What the seller sees, in each of the three languages: every sidebar's visible text is in the
// chosen script (product names, buyers' words and codes allowed), after every action the answer is
// inside the sidebar's viewport, and the Dashboard's charts and pivot tables are drawn. Screenshots
// of each screen are kept in test/browser/artifacts/ (git-ignored) for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { headerIn } from '../../src/core/i18n/headers';
import { t, type Lang } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';
import { inView, openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(300_000);

const ARTIFACTS = path.join(__dirname, 'artifacts');
const LANGS: Lang[] = ['en', 'ru', 'zh'];

const LATIN = /[A-Za-z]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const CJK = /[\u3400-\u9fff]/;
/** Names and abbreviations every language writes in Latin letters. */
const NAMES = new Set([
  'Ozon',
  'Client-Id',
  'API',
  'ID',
  'SKU',
  'FBS',
  'rFBS',
  'FBO',
  'PDF',
  'Offer',
  'Premium',
  'Plus',
  'Pro',
  'Google',
  'Drive',
  'BigQuery',
  'Cloud',
  'RUB',
  'CNY',
  'MSK',
]);

/** Every string the demo shop holds (product names, buyers, addresses, chat texts), as words. */
function shopWords(wb: Workbench): Set<string> {
  const words = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      // A snake_case code is not a word a seller should read: it must be translated.
      if (!/^[a-z]+(_[a-z]+)+$/.test(value)) for (const w of tokens(value)) words.add(w);
      return;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) for (const v of value.values()) walk(v);
    else if (Array.isArray(value)) value.forEach(walk);
    else Object.values(value).forEach(walk);
  };
  walk(wb.sim.state);
  return words;
}

function tokens(text: string): string[] {
  // Latin and Chinese punctuation (full-width brackets, commas, colons) both separate words.
  return text
    .split(/[\s,.;:!?()«»"“”'’/|·…—–\d%№#+=*<>[\]{}（）：，。、！？；「」【】《》]+/u)
    .filter(Boolean);
}

/** Words of `text` in another script than `lang`'s, not allowed as names, codes or shop data. */
function foreignWords(text: string, lang: Lang, allowed: Set<string>): string[] {
  const foreign = (w: string) =>
    lang === 'en'
      ? CYRILLIC.test(w) || CJK.test(w)
      : lang === 'ru'
        ? CJK.test(w) || (LATIN.test(w) && !CYRILLIC.test(w))
        : CYRILLIC.test(w) || (LATIN.test(w) && !CJK.test(w));
  const code = (w: string) => /\d/.test(w) || /^[A-Z0-9-]{2,}$/.test(w);
  return [...new Set(tokens(text))].filter((w) => foreign(w) && !NAMES.has(w) && !code(w) && !allowed.has(w));
}

async function visibleText(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.body.innerText);
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

describe.each(LANGS)('in %s', (lang) => {
  let bench: BrowserWorkbench;
  let wb: Workbench;
  let page: Page;
  let allowed: Set<string>;

  beforeAll(async () => {
    bench = await openBrowserWorkbench(
      { seed: 5, postings: 60, now: Date.parse('2026-11-20T09:00:00Z') },
      (w) => {
        w.runtime.properties.user.set('ODESK_LANGUAGE', lang);
        runOk(w, 'syncOrders', 'importProducts', 'syncService', 'buildReports');
        w.runtime.run('onOpen', [], { trigger: 'simple' });
      },
    );
    ({ wb, page } = bench);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.reload();
    allowed = shopWords(wb);
    // Tab names stay English in every language (the README's rule), so a message may name one.
    for (const name of wb.runtime.spreadsheet.sheetNames()) for (const w of tokens(name)) allowed.add(w);
    // The language picker names each language in its own script, as every multilingual app does.
    for (const key of ['settings.language.en', 'settings.language.ru', 'settings.language.zh'] as const)
      for (const w of tokens(t(lang, key))) allowed.add(w);
  });

  afterAll(async () => {
    await bench?.close();
  });

  async function check(frame: Frame, name: string): Promise<void> {
    await shot(page, `${lang}-${name}`);
    expect({ screen: name, foreign: foreignWords(await visibleText(frame), lang, allowed) }).toEqual({
      screen: name,
      foreign: [],
    });
  }

  test('the menu and every sidebar speak the chosen language', async () => {
    await page.click('#menu-button');
    const labels = await page.locator('.menu-item').allTextContents();
    expect(labels).toContain(t(lang, 'menu.syncOrders'));
    await page.click('#menu-button');

    const settings = await openSidebarFromMenu(page, wb, 'showSettings', 'settings');
    await settings.waitForSelector('[data-section="reports"]');
    await check(settings, 'settings');

    await page.click('.tab[data-sheet="Orders"]');
    await page.click('tr[data-row="2"] th.row-head');
    const desk = await openSidebarFromMenu(page, wb, 'showOrderDesk', 'desk');
    await desk.waitForSelector('section.order');
    await check(desk, 'desk');

    const service = await openSidebarFromMenu(page, wb, 'showService', 'service');
    await check(service, 'service');

    const inventory = await openSidebarFromMenu(page, wb, 'showInventory', 'inventory');
    await check(inventory, 'inventory');
  });

  test("the add-on's own cells (headers of its tabs, order statuses) are in the chosen language", async () => {
    const book = wb.runtime.spreadsheet;
    const tabs = ['Orders', 'Order lines', 'Sync log', 'Inventory', 'Stock moves', 'Returns', 'Messages'];
    tabs.push('Cancellation requests', 'Sales', 'Customers', 'Products');
    for (const name of tabs) {
      const header = (book.sheet(name).values()[0] as unknown[]).map(String).join(' | ');
      expect({ tab: name, foreign: foreignWords(header, lang, new Set()) }).toEqual({
        tab: name,
        foreign: [],
      });
    }
    const orders = book.sheet('Orders').values() as unknown[][];
    const status = orders[0].indexOf(headerIn(lang, 'Status'));
    const statuses = orders
      .slice(1)
      .map((r) => String(r[status]))
      .join(' | ');
    expect(foreignWords(statuses, lang, new Set())).toEqual([]);
    await page.click('.tab[data-sheet="Orders"]');
    await shot(page, `${lang}-orders-tab`);
  });

  test('after each action the answer is inside the sidebar viewport', async () => {
    const settings = await openSidebarFromMenu(page, wb, 'showSettings', 'settings');
    await settings.waitForSelector('[data-section="reports"] [data-action="build-reports"]');
    await settings.click('[data-action="sync-now"]');
    await inView(settings.locator('[data-role="sync-message"] .notice'));
    await settings.click('[data-action="build-reports"]');
    await inView(settings.locator('[data-role="reports-message"] .notice'));
    await settings.fill('#lookbackDays', '0');
    await settings.click('[data-action="save-sync"]');
    await inView(settings.locator('[data-field-error="lookbackDays"]'));
    await shot(page, `${lang}-settings-after-actions`);

    await page.click('.tab[data-sheet="Orders"]');
    await page.click('tr[data-row="3"] th.row-head');
    const desk = await openSidebarFromMenu(page, wb, 'showOrderDesk', 'desk');
    await desk.waitForSelector('section.order');
    await desk.click('button[data-action="next"]');
    await inView(desk.locator('[data-role="top-message"] .notice'));
    await shot(page, `${lang}-desk-after-next`);
  });

  test("the Dashboard draws its charts and its pivot tables hold the reports' figures", async () => {
    runOk(wb, 'buildReports');
    await page.reload();
    await page.click('.tab[data-sheet="Dashboard"]');
    await page.waitForSelector('.chart-box svg.chart');
    const charts = page.locator('.chart-box svg.chart');
    expect(await charts.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(await charts.nth(i).locator('.chart-title').textContent()).not.toBe('');
      expect(await charts.nth(i).locator('.chart-mark').count()).toBeGreaterThan(0);
    }
    await shot(page, `${lang}-dashboard`);

    // The months pivot: its grand total is the sum of the Sales tab's ordered values.
    const book = wb.runtime.spreadsheet;
    const sales = book.sheet('Sales').values() as unknown[][];
    const valueCol = sales[0].indexOf(headerIn(lang, 'Ordered value'));
    expect(valueCol).toBeGreaterThanOrEqual(0);
    const expected = sales.slice(1).reduce((s, r) => s + (Number(r[valueCol]) || 0), 0);
    const dash = book.sheet('Dashboard').values() as unknown[][];
    // The months pivot sits in columns A–J; the products pivot starts at K.
    const grand = dash.find((r) => r[0] === 'Grand Total');
    expect(grand).toBeDefined();
    const total = Number(
      (grand ?? [])
        .slice(0, 10)
        .filter((v) => typeof v === 'number')
        .pop(),
    );
    expect(total).toBeCloseTo(expected, 2);
    const valueName = `SUM of ${headerIn(lang, 'Ordered value')}`;
    const pivotHeader = dash.findIndex((r) => r[0] === valueName);
    expect(pivotHeader).toBeGreaterThan(0);
    // Drawn in the grid as well.
    await page
      .locator(`td[data-cell="A${pivotHeader + 1}"]`, { hasText: valueName })
      .scrollIntoViewIfNeeded();
    await shot(page, `${lang}-dashboard-pivots`);
  });
});
