// The Inventory sidebar in the workbench: a receipt and a count entered in the real sidebar land in
// the Stock moves ledger and the Inventory row; bad input shows the field message and writes nothing.
import type { Frame, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(90_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 9, postings: 10, products: 8, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => runOk(w, 'importProducts'),
  );
  ({ wb, page } = bench);
});

afterAll(async () => {
  await bench?.close();
});

async function openInventory(): Promise<Frame> {
  return openSidebarFromMenu(page, wb, 'showInventory', 'inventory');
}

function inventoryRow(offerId: string): Record<string, unknown> {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Inventory').values() as unknown[][];
  const row = rows.find((r) => r[header.indexOf('Offer ID')] === offerId) ?? [];
  return Object.fromEntries(header.map((h, i) => [String(h), row[i]]));
}

const ledgerFor = (offerId: string) => {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Stock moves').values() as unknown[][];
  return rows
    .filter((r) => r[header.indexOf('Offer ID')] === offerId)
    .map((r) => r[header.indexOf('Quantity')]);
};

test('a receipt and then a count recorded from the sidebar', async () => {
  const [header, first] = wb.runtime.spreadsheet.sheet('Inventory').values() as unknown[][];
  const offerId = String(first[header.indexOf('Offer ID')]);
  const onHand = Number(inventoryRow(offerId)['On hand']);
  const frame = await openInventory();

  // Bad input first: zero units is refused in the sidebar, with the field's message, and nothing is written.
  await frame.fill('#offerId', offerId);
  await frame.selectOption('#reason', 'receipt');
  await frame.fill('#quantity', '0');
  await frame.click('button[data-action="record"]');
  await frame
    .locator('[data-field-error="quantity"]', { hasText: t('en', 'error.inventory.quantity.zero') })
    .waitFor();
  expect(ledgerFor(offerId)).toHaveLength(1);

  // An unknown offer is refused by the server, shown on its field.
  await frame.fill('#offerId', 'NO-SUCH-OFFER');
  await frame.fill('#quantity', '3');
  await frame.click('button[data-action="record"]');
  await frame
    .locator('[data-field-error="offerId"]', {
      hasText: t('en', 'error.inventory.offerId.unknown', { offerId: 'NO-SUCH-OFFER' }),
    })
    .waitFor();

  await frame.fill('#offerId', offerId);
  await frame.fill('#quantity', '12');
  await frame.fill('#note', 'from supplier');
  await frame.click('button[data-action="record"]');
  await frame.locator('[data-role="message"] .notice.ok').waitFor();
  expect(ledgerFor(offerId)).toEqual([onHand, 12]);
  expect(inventoryRow(offerId)['On hand']).toBe(onHand + 12);

  await frame.selectOption('#reason', 'count');
  await frame.fill('#quantity', '4');
  await frame.click('button[data-action="record"]');
  await frame.locator('[data-role="message"] .notice.ok', { hasText: 'on hand 4' }).waitFor();
  expect(ledgerFor(offerId)).toEqual([onHand, 12, 4 - onHand - 12]);
  expect(inventoryRow(offerId)['On hand']).toBe(4);
});

test('a push that would cut stock sharply shows the cuts and goes out only when confirmed', async () => {
  // The demo shop keeps stock per warehouse: the seller types counts into Warehouse stock.
  runOk(wb, 'pushStockToOzon');
  wb.runtime.clock.advance(31_000);
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Warehouse stock').values() as unknown[][];
  const col = (name: string) => header.indexOf(name);
  const cut = rows
    .map((r, i) => ({
      row: i + 2,
      offerId: String(r[col('Offer ID')]),
      pushed: Number(r[col('Pushed stock')]),
    }))
    .filter((r) => r.pushed >= 10 && Number(rows[r.row - 2][col('Reserved here')]) === 0)
    .slice(0, 6);
  expect(cut).toHaveLength(6);
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Warehouse stock');
    for (const r of cut) sheet?.getRange(r.row, col('On hand here') + 1).setValue(0);
  });
  wb.sim.resetStats();
  const frame = await openInventory();
  await frame.click('button[data-action="push"]');
  const confirm = frame.locator('[data-role="push-confirm"]');
  await confirm.waitFor();
  await confirm.locator(`li[data-offer="${cut[0].offerId}"]`).first().waitFor();
  expect(await confirm.locator('.notice').innerText()).toContain('Nothing was sent to Ozon');
  expect(wb.sim.stats.byPath['/v2/products/stocks'] ?? 0).toBe(0);

  await confirm.locator('button[data-action="push-confirm"]').click();
  await frame.locator('[data-role="push-updated"]').waitFor();
  expect(wb.sim.stats.byPath['/v2/products/stocks'] ?? 0).toBeGreaterThan(0);
  const after = wb.runtime.spreadsheet.sheet('Warehouse stock').values() as unknown[][];
  for (const r of cut) expect([r.offerId, after[r.row - 1][col('Pushed stock')]]).toEqual([r.offerId, 0]);
});
