// Update prices from the Inventory sidebar: the marked rows go to Ozon, a price below the minimum is
// refused, and the sidebar lists every row's result.
import type { Page } from 'playwright-core';
import type { Workbench } from '../../workbench/app';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(120_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

function records(tab: string): Record<string, unknown>[] {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet(tab).values() as unknown[][];
  return rows
    .filter((r) => r.some((c) => c !== '' && c !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function setColumn(tab: string, column: string, values: Map<string, unknown>, key = 'Offer ID'): void {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet(tab).values() as unknown[][];
  const col = header.indexOf(column) + 1;
  const keyCol = header.indexOf(key);
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    rows.forEach((r, i) => {
      const k = String(r[keyCol]);
      if (values.has(k)) sheet.getRange(i + 2, col).setValue(values.get(k));
    });
  });
}

function ozonPrice(offer: string): number {
  const r = wb.sim.handle({
    method: 'POST',
    url: 'https://api-seller.ozon.ru/v5/product/info/prices',
    headers: { 'Client-Id': wb.sim.credentials.clientId, 'Api-Key': wb.sim.credentials.apiKey },
    payload: JSON.stringify({ filter: { offer_id: [offer], visibility: 'ALL' }, limit: 1 }),
  });
  return JSON.parse(String(r.body)).items[0].price.price;
}

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 17, postings: 200, products: 30, days: 20, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => runOk(w, 'syncOrders', 'updateFinance', 'importProducts'),
  );
  ({ wb, page } = bench);
});

afterAll(async () => {
  await bench?.close();
});

test('Update prices in the Inventory sidebar sends the marked rows and lists each result', async () => {
  const costs = new Set(records('Costs').map((c) => String(c['Offer ID'])));
  setColumn('Costs', 'Cost price', new Map([...costs].map((o) => [o, 1])));
  const rows = records('Inventory').filter((r) => r['Product ID'] && costs.has(String(r['Offer ID'])));
  const [a, b] = rows.filter((r) => Number(r.Price) >= 400);
  const offerA = String(a['Offer ID']);
  const offerB = String(b['Offer ID']);
  const priceA = Number(a.Price) - 3;
  setColumn(
    'Inventory',
    'New price',
    new Map<string, unknown>([
      [offerA, priceA],
      [offerB, Number(b['Min price (Ozon)']) - 1],
    ]),
  );

  await page.reload();
  const frame = await openSidebarFromMenu(page, wb, 'showInventory', 'inventory');
  await frame.click('button[data-action="update-prices"]');
  const results = frame.locator('[data-role="price-results"]');
  await results
    .locator('.notice', { hasText: /^Update prices: 1 updated at Ozon, 0 already so, 1 refused here/ })
    .waitFor();
  await results
    .locator(`[data-role="prices-done"] li[data-offer="${offerA}"][data-outcome="updated"]`, {
      hasText: `price ${priceA.toFixed(2)} RUB set at Ozon`,
    })
    .waitFor();
  await results
    .locator(`[data-role="prices-not-done"] li[data-offer="${offerB}"][data-outcome="refused"]`, {
      hasText: 'below your minimum price',
    })
    .waitFor();
  expect(ozonPrice(offerA)).toBe(priceA);
  expect(ozonPrice(offerB)).toBe(Number(b.Price));
  const after = new Map(records('Inventory').map((r) => [String(r['Offer ID']), r]));
  expect(after.get(offerA)).toMatchObject({ Price: priceA, 'New price': '' });
  expect(String(after.get(offerB)!['Price result'])).toMatch(/below your minimum price/);
});
