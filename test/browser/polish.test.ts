// The "Polish" points, checked in the built sidebar in each language: the title once, section
// headings smaller than the title bar, labels bold, checkboxes clear of the buttons below them, a date
// field in the language's own order (never Chromium's mm/dd/yyyy), the offer id level with its quantity
// box when packing, menu items on one line, and the Chinese language option named 简体中文.
import type { Frame, Page } from 'playwright-core';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';
import { headerIn } from '../../src/core/i18n/headers';
import { t, type Lang } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';

jest.setTimeout(120_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;
const taken = new Set<string>();

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 5, postings: 60, products: 12, days: 3, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => {
      wb = w;
      runOk(w, 'syncOrders');
    },
  );
  page = bench.page;
});

afterAll(async () => {
  await bench?.close();
});

async function px(frame: Frame | Page, selector: string, property: string): Promise<number[]> {
  return frame.$$eval(
    selector,
    (nodes, prop) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null)
        .map((n) => parseFloat(getComputedStyle(n).getPropertyValue(prop))),
    property,
  );
}

/** Selects the Orders row of a posting, as the seller clicks its row header. */
async function selectPosting(lang: Lang, postingNumber: string): Promise<void> {
  await page.click('.tab[data-sheet="Orders"]');
  await page.waitForSelector('.tab.active[data-sheet="Orders"]');
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Orders').values() as unknown[][];
  const postingCol = header.indexOf(headerIn(lang, 'Posting number'));
  const row = rows.findIndex((r) => r[postingCol] === postingNumber);
  expect({ postingNumber, row: row >= 0 }).toEqual({ postingNumber, row: true });
  await page.click(`tr[data-row="${row + 2}"] th.row-head`);
}

const PLACEHOLDER: Record<Lang, string> = { en: 'dd/mm/yyyy', ru: 'дд.мм.гггг', zh: '年/月/日' };

describe.each(['en', 'ru', 'zh'] as const)('in %s', (lang) => {
  beforeAll(async () => {
    wb.runtime.properties.user.set('ODESK_LANGUAGE', lang);
    await page.goto(wb.url);
  });

  test('every menu item stays on one line', async () => {
    await page.click('#menu-button');
    const items = page.locator('.menu-item');
    await items.first().waitFor();
    expect(await page.locator('.menu-item[data-function="showPackingSlips"]').textContent()).toBe(
      t(lang, 'menu.packingSlips'),
    );
    const heights = await items.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    const oneLine = Math.min(...heights);
    expect(heights.filter((h) => h > oneLine + 1)).toEqual([]);
    await page.click('#menu-button');
  });

  test('Settings: the title once, headings below its size, labels bold, 简体中文, checkboxes clear of buttons', async () => {
    const frame = await openSidebarFromMenu(page, wb, 'showSettings', 'settings');
    await frame.waitForSelector('.form-group.checkbox');
    expect(await page.locator('#sidebar-title').textContent()).toBe(t(lang, 'settings.title'));
    // The heading inside repeats the title bar for screen readers only: it takes no room.
    const h1 = await frame.$$eval('h1', (nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    expect(h1.every((height) => height <= 1)).toBe(true);
    const [titleSize] = await px(page, '#sidebar-title', 'font-size');
    const headings = await px(frame, 'h2, h3', 'font-size');
    expect(headings.length).toBeGreaterThan(2);
    expect(headings.filter((size) => size >= titleSize)).toEqual([]);
    // Field labels are bold; a checkbox's own label beside it is not.
    const labels = await frame.$$eval('label', (nodes) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null && !n.closest('.checkbox'))
        .map((n) => `${n.textContent}: ${getComputedStyle(n).fontWeight}`),
    );
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.filter((l) => !/: (bold|[7-9]00)$/.test(l))).toEqual([]);
    expect(await frame.locator('#language option[value="zh"]').textContent()).toBe('简体中文');
    // A checkbox row keeps at least 8 px from the buttons that follow it.
    const gaps = await frame.$$eval('.form-group.checkbox', (rows) =>
      rows
        .filter((r) => (r as HTMLElement).offsetParent !== null)
        .map((r) => {
          const next = r.nextElementSibling;
          if (!next || !(next.matches('.buttons') || next.matches('button'))) return null;
          return next.getBoundingClientRect().top - r.getBoundingClientRect().bottom;
        })
        .filter((gap): gap is number => gap !== null),
    );
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.filter((gap) => gap < 8)).toEqual([]);
  });

  test('the desk: the hand-over date in the language’s order, the offer id level with its box', async () => {
    const frame = await openSidebarFromMenu(page, wb, 'showOrderDesk', 'desk');
    // Hand-over is an action of an FBS order awaiting dispatch: the seller selects one.
    const ready = [...wb.sim.state.postings.values()].find(
      (p) => p.scheme === 'fbs' && p.status === 'awaiting_deliver',
    );
    if (!ready) throw new Error('no FBS posting awaiting dispatch');
    await selectPosting(lang, ready.postingNumber);
    await frame.waitForSelector(`section.order[data-posting="${ready.postingNumber}"]`);
    await frame.click('button[data-action="handover"]');
    const date = frame.locator('#handoverDate');
    await date.waitFor();
    expect(await date.getAttribute('placeholder')).toBe(PLACEHOLDER[lang]);
    // The browser's own date box (mm/dd/yyyy in any language) is only its calendar button.
    const natives = await frame.$$eval('input[type="date"]', (nodes) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null)
        .map((n) => ({ width: n.getBoundingClientRect().width, color: getComputedStyle(n).color })),
    );
    expect(natives.length).toBeGreaterThan(0);
    for (const native of natives) {
      expect(native.width).toBeLessThanOrEqual(30);
      expect(native.color).toBe('rgba(0, 0, 0, 0)');
    }
    const placeholders = await frame.$$eval('input', (nodes) => nodes.map((n) => n.placeholder));
    expect(placeholders.filter((p) => /mm\/dd\/yyyy/i.test(p))).toEqual([]);

    // Pack an order of two or more units in two packages: each offer id sits level with its box.
    const open = [...wb.sim.state.postings.values()].find(
      (p) =>
        p.scheme === 'fbs' &&
        p.status === 'awaiting_packaging' &&
        p.lines.reduce((units, l) => units + l.quantity, 0) >= 2 &&
        !taken.has(p.postingNumber),
    );
    if (!open) throw new Error('no FBS posting of two units awaiting packaging');
    taken.add(open.postingNumber);
    await selectPosting(lang, open.postingNumber);
    await frame.waitForSelector(`section.order[data-posting="${open.postingNumber}"]`);
    for (const box of await frame.$$('[data-role="checklist"] input[type="checkbox"]:not(:disabled)'))
      await box.check();
    await frame.click('button[data-action="verify"]');
    await frame.click('button[data-action="ship"]');
    await frame.selectOption('#packageCount', '2');
    await frame.waitForSelector('table.packages input[data-package="2"]');
    const offsets = await frame.$$eval('table.packages tbody tr', (trs) =>
      trs.map((tr) => {
        const offer = tr.querySelector('td.offer') as HTMLElement;
        const input = tr.querySelector('input') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(offer);
        const text = range.getBoundingClientRect();
        const box = input.getBoundingClientRect();
        return Math.abs(text.top + text.height / 2 - (box.top + box.height / 2));
      }),
    );
    expect(offsets.length).toBeGreaterThan(0);
    expect(offsets.filter((off) => off > 2)).toEqual([]);
  });
});
