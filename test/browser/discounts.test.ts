// The Discount requests sidebar in the workbench: open requests with the margin at the price asked;
// approving one at a loss is refused until "Approve below cost" is ticked; decisions reach Ozon.
import type { Frame, Page } from 'playwright-core';
import type { Workbench } from '../../workbench/app';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(120_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

function tasks(): Map<number, { status: string; sku: number }> {
  const r = wb.sim.handle({
    method: 'POST',
    url: 'https://api-seller.ozon.ru/v2/actions/discounts-task/list',
    headers: { 'Client-Id': wb.sim.credentials.clientId, 'Api-Key': wb.sim.credentials.apiKey },
    payload: JSON.stringify({ status: 'ALL', limit: 50 }),
  });
  return new Map(JSON.parse(String(r.body)).tasks.map((x: { id: number }) => [x.id, x]));
}

function records(tab: string): Record<string, unknown>[] {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet(tab).values() as unknown[][];
  return rows
    .filter((r) => r.some((c) => c !== '' && c !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Every offer costs 1.00 except `dear`, which costs more than any price asked. */
function setCosts(dear: string): void {
  const header = (wb.runtime.spreadsheet.sheet('Costs').values() as unknown[][])[0];
  const col = header.indexOf('Cost price') + 1;
  const offers = records('Costs').map((c) => String(c['Offer ID']));
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Costs') as GoogleAppsScript.Spreadsheet.Sheet;
    offers.forEach((offer, i) => sheet.getRange(i + 2, col).setValue(offer === dear ? 900000 : 1));
  });
}

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 17, postings: 200, products: 30, days: 20, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => runOk(w, 'syncOrders', 'updateFinance', 'refreshPromotions'),
  );
  ({ wb, page } = bench);
});

afterAll(async () => {
  await bench?.close();
});

async function openDiscounts(): Promise<Frame> {
  await page.reload();
  return openSidebarFromMenu(page, wb, 'showDiscountRequests', 'discounts');
}

test('lists open requests with the margin; a loss needs the tick; approve and decline reach Ozon', async () => {
  const requests = records('Discount requests').filter((r) => r.Status === 'open' && r['Offer ID']);
  expect(requests.length).toBeGreaterThanOrEqual(2);
  const [dear, cheap] = requests;
  setCosts(String(dear['Offer ID']));
  const dearId = Number(dear['Request ID']);
  const cheapId = Number(cheap['Request ID']);

  const frame = await openDiscounts();
  const open = [...tasks()].filter(([, x]) => x.status === 'NEW').length;
  await frame
    .locator('[data-request]')
    .nth(open - 1)
    .waitFor();
  expect(await frame.locator('[data-request]').count()).toBe(open);

  const card = frame.locator(`[data-request="${dearId}"]`);
  expect(await card.getAttribute('data-needs-confirm')).toBe('true');
  await card.locator('[data-role="margin"]', { hasText: /you lose [\d.]+ RUB a unit/ }).waitFor();
  await card.locator('[data-role="asked"]', { hasText: /^Asks [\d.]+ RUB instead of [\d.]+/ }).waitFor();
  const good = frame.locator(`[data-request="${cheapId}"]`);
  await good
    .locator('[data-role="margin"]', { hasText: /profit [\d.]+ RUB a unit, margin [\d.]+%/ })
    .waitFor();

  // Without the tick the server refuses, and says why on the card.
  await card.locator('button[data-action="approve"]').click();
  await card.locator('[data-field-error="price"]', { hasText: /you lose [\d.]+ a unit/ }).waitFor();
  expect(tasks().get(dearId)!.status).toBe('NEW');

  await card.locator('input[name="confirmBelowCost"]').check();
  await card.locator('button[data-action="approve"]').click();
  await frame
    .locator('[data-role="message"] .notice.ok', { hasText: `Request ${dearId} approved at` })
    .waitFor();
  expect(tasks().get(dearId)!.status).toBe('APPROVED');
  await frame.locator(`[data-request="${dearId}"]`).waitFor({ state: 'detached' });

  await frame.locator(`[data-request="${cheapId}"] button[data-action="decline"]`).click();
  await frame
    .locator('[data-role="message"] .notice.ok', { hasText: `Request ${cheapId} declined.` })
    .waitFor();
  expect(tasks().get(cheapId)!.status).toBe('DECLINED');
  await frame.locator(`[data-request="${cheapId}"]`).waitFor({ state: 'detached' });
  expect(records('Discount requests').find((r) => r['Request ID'] === String(cheapId))).toMatchObject({
    Status: 'declined',
  });
});

test('a price that is not one is refused in the sidebar before anything is sent', async () => {
  const frame = await openDiscounts();
  const card = frame.locator('[data-request]').first();
  await card.waitFor();
  wb.sim.resetStats();
  await card.locator('input[name="price"]').fill('abc');
  await card.locator('button[data-action="approve"]').click();
  await card.locator('[data-field-error="price"]', { hasText: 'Type a price above 0' }).waitFor();
  expect(wb.sim.stats.byPath['/v1/actions/discounts-task/approve'] ?? 0).toBe(0);
});
