// Handing over and the data Ozon needs before packing, in the workbench with headless Chromium: the
// desk flags a posting Ozon needs a country and marking codes for, refuses a wrong code item by item
// (in the seller's language) and ships once the data is in; the handover form hands a delivery
// method's parcels over and links the act PDF; a departure date in the past is refused.
import type { Frame, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/messages';
import type { Posting } from '../../simulator/model';
import type { Workbench } from '../../workbench/app';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(240_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;
let frame: Frame;
let needy: Posting;

const GOOD = (k: number) => `0104600000000${String(k).padStart(3, '0')}21XYZabc${k}`;

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 7, postings: 400, products: 30, days: 4, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => {
      wb = w;
      needy = [...w.sim.state.postings.values()].find(
        (p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging' && p.lines.length === 1,
      )!;
      w.sim.handover.requireData(needy.postingNumber, { country: true, mark: true });
      runOk(w, 'syncOrders');
    },
  );
  page = bench.page;
  await page.click('.tab[data-sheet="Orders"]');
  await page.waitForSelector('.tab.active[data-sheet="Orders"]');
  frame = await openSidebarFromMenu(page, wb, 'showOrderDesk', 'desk');
});

afterAll(async () => {
  await bench?.close();
});

function sheetRow(number: string): number {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Orders').values() as unknown[][];
  const index = rows.findIndex((r) => r[header.indexOf('Posting number')] === number);
  if (index < 0) throw new Error(`${number} not in Orders`);
  return index + 2;
}

function cell(tab: string, keyHeader: string, key: string, header: string): unknown {
  const [head, ...rows] = wb.runtime.spreadsheet.sheet(tab).values() as unknown[][];
  const r = rows.find((x) => String(x[head.indexOf(keyHeader)]) === key) ?? [];
  return r[head.indexOf(header)];
}

async function select(number: string): Promise<void> {
  await page.click(`tr[data-row="${sheetRow(number)}"] th.row-head`);
  await frame.waitForSelector(`section.order[data-posting="${number}"]`);
}

async function verify(number: string): Promise<void> {
  await select(number);
  for (const box of await frame.$$('[data-role="checklist"] input[type="checkbox"]:not(:disabled)'))
    await box.check();
  await frame.click('button[data-action="verify"]');
  await frame
    .locator('[data-role="message"] .notice.ok', {
      hasText: t('en', 'desk.verified.one', { posting: number }),
    })
    .waitFor();
}

test('a posting Ozon needs data for: flagged, wrong code refused per item, shipped once the data is in', async () => {
  const n = needy.postingNumber;
  await verify(n);
  await frame.locator('[data-role="needs-data"]', { hasText: t('en', 'handover.need.mark') }).waitFor();
  expect(await frame.locator('button[data-action="ship"]').count()).toBe(0);
  expect(String(cell('Orders', 'Posting number', n, 'Needs data'))).toContain(
    t('en', 'handover.need.country'),
  );

  await frame.click('button[data-action="packData"]');
  const sku = String(needy.lines[0].sku);
  await frame.waitForSelector(`select#country-${sku}`);
  await frame.selectOption(`select#country-${sku}`, 'CN');
  await frame.click('button[data-action="set-country"]');
  await frame
    .locator('[data-role="pack-answer"] .notice.ok', {
      hasText: t('en', 'handover.country.set', { posting: n }),
    })
    .waitFor();
  expect(needy.compliance!.countries.get(needy.lines[0].sku)).toBe('CN');

  const units = needy.lines[0].quantity;
  const wrong = ['01046000 00000', ...Array.from({ length: units - 1 }, (_, k) => GOOD(k + 2))];
  await frame.fill(`textarea#marks-${sku}`, wrong.join('\n'));
  await frame.click('button[data-action="set-marks"]');
  await frame
    .locator('[data-role="pack-problems"] li[data-unit="1"]', {
      hasText: t('en', 'handover.mark.MARK_HAS_INVALID_SYMBOLS'),
    })
    .waitFor();
  expect(needy.compliance!.marks.size).toBe(0);

  const good = Array.from({ length: units }, (_, k) => GOOD(k + 1));
  await frame.fill(`textarea#marks-${sku}`, good.join('\n'));
  await frame.click('button[data-action="set-marks"]');
  await frame
    .locator('[data-role="pack-answer"] .notice.ok', {
      hasText: t('en', 'handover.mark.saved', { posting: n }),
    })
    .waitFor();
  await frame.locator('button[data-action="ship"]').waitFor();
  expect(await frame.locator('[data-role="needs-data"]').count()).toBe(0);
  expect(cell('Orders', 'Posting number', n, 'Needs data')).toBe('');

  await frame.click('button[data-action="ship"]');
  await frame.click('button[data-action="submit-ship"]');
  await frame.locator('[data-role="message"] .notice.ok', { hasText: n }).waitFor();
  expect(wb.sim.state.postings.get(n)!.status).toBe('awaiting_deliver');
});

test('the handover form hands a delivery method over and links the act; a past date is refused', async () => {
  const n = needy.postingNumber;
  const wh = wb.sim.state.warehouses.find((w) => w.id === needy.warehouseId)!;
  await select(n);
  await frame.click('button[data-action="handover"]');
  const method = frame.locator(`[data-method="${wh.deliveryMethodId}"]`);
  await method.waitFor();

  const yesterday = new Date(wb.runtime.clock.now() + 3 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  await frame.fill('#handoverDate', yesterday);
  await frame.click('button[data-action="handover-load"]');
  await frame
    .locator('[data-role="handover-methods"] .notice.error', {
      hasText: t('en', 'error.handover.pastDate', { date: yesterday }),
    })
    .waitFor();
  expect(wb.sim.state.carriages.size).toBe(0);

  const today = new Date(wb.runtime.clock.now() + 3 * 3_600_000).toISOString().slice(0, 10);
  await frame.fill('#handoverDate', today);
  await frame.click('button[data-action="handover-load"]');
  await method.locator('button[data-action="handover-method"]').click();
  const link = frame.locator('[data-role="message"] a[data-role="act-result"]');
  await link.waitFor();
  const carriage = [...wb.sim.state.carriages.values()].find((c) => c.postingNumbers.includes(n))!;
  expect(carriage.postingNumbers).toEqual([n]); // only the postings chosen in the sheet
  const url = await link.getAttribute('href');
  expect(cell('Handovers', 'Act / shipping', String(carriage.id), 'Act and waybill (PDF)')).toBe(url);
  expect(cell('Orders', 'Posting number', n, 'Act')).toBe(String(carriage.id));
  const file = wb.runtime.drive.find((f) => f.url === url)!;
  expect(Buffer.from(file.bytes).toString('latin1')).toContain(n);
});
