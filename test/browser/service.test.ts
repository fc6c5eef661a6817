// The Returns & messages sidebar in the workbench: receiving a resellable return from the selected
// row (one stock move however often it is saved) and answering buyers' cancellation requests.
import type { Frame, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(120_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 9, postings: 400, products: 20, days: 20, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => runOk(w, 'importProducts', 'syncOrders', 'syncService'),
  );
  ({ wb, page } = bench);
});

afterAll(async () => {
  await bench?.close();
});

function records(tab: string): Record<string, unknown>[] {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet(tab).values() as unknown[][];
  return rows
    .filter((r) => r.some((c) => c !== '' && c !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function selectRow(tab: string, column: string, value: string): void {
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    const values = sheet.getDataRange().getValues() as unknown[][];
    const col = values[0].indexOf(column);
    const row = values.findIndex((r) => String(r[col]) === value);
    sheet.activate();
    sheet.getRange(row + 1, 1).activate();
  });
}

async function openService(): Promise<Frame> {
  await page.reload();
  return openSidebarFromMenu(page, wb, 'showService', 'service');
}

test('receiving a resellable return from the selected row puts it back in stock once', async () => {
  const target = records('Returns').find((r) => /^R\d/.test(String(r['Row key'])));
  if (!target) throw new Error('no return in the demo shop');
  const key = String(target['Row key']);
  selectRow('Returns', 'Row key', key);
  const frame = await openService();
  await frame.locator('[data-role="selected"]', { hasText: String(target['Posting number']) }).waitFor();
  const card = frame.locator(`[data-return="${key}"]`);
  await card.locator('select[name="verdict"]').selectOption('accepted');
  await card.locator('input[name="received"]').fill('2026-11-19');
  await card.locator('select[name="quality"]').selectOption('resellable');
  await card.locator('select[name="outcome"]').selectOption('restocked');
  await card.locator('input[name="note"]').fill('<b>box opened</b>');
  await card.locator('button[data-action="save-return"]').click();
  await frame
    .locator('[data-role="message"] .notice.ok', {
      hasText: t('en', 'service.savedStock', {
        id: String(target['Return ID']),
        quantity: Number(target.Quantity),
        offerId: String(target['Offer ID']),
      }),
    })
    .waitFor();

  // Pressed again: saved, and nothing more goes into the ledger.
  await card.locator('button[data-action="save-return"]').click();
  await frame
    .locator('[data-role="message"] .notice.ok', {
      hasText: t('en', 'service.savedStockAlready', { id: String(target['Return ID']) }),
    })
    .waitFor();
  const moves = records('Stock moves').filter((m) => String(m.Reference).includes(key));
  expect(moves).toHaveLength(1);
  expect(moves[0].Quantity).toBe(target.Quantity);
  const row = records('Returns').find((r) => r['Row key'] === key);
  expect(row).toMatchObject({
    'Reason verdict': 'Accepted',
    'Quality check': 'Resellable',
    Outcome: 'Restocked',
    Note: '<b>box opened</b>',
  });
  expect(row?.Received).toBeInstanceOf(Date);
});

test('answering cancellation requests: reject needs a comment, approve cancels the order', async () => {
  const open = wb.sim.state.conditionalCancellations.filter((c) => c.state === 'ON_APPROVAL');
  expect(open.length).toBeGreaterThanOrEqual(2);
  const [a, b] = open;
  const frame = await openService();
  const cardA = frame.locator(`[data-cancellation="${a.id}"]`);
  const cardB = frame.locator(`[data-cancellation="${b.id}"]`);
  await cardA.waitFor();

  await cardB.locator('input[data-role="confirm"]').check();
  await cardB.locator('button[data-action="reject"]').click();
  await frame
    .locator('[data-role="message"] .notice.error', { hasText: t('en', 'error.service.rejectComment') })
    .waitFor();
  expect(b.state).toBe('ON_APPROVAL');

  await cardB.locator('input[name="comment"]').fill('Already handed to the carrier');
  await cardB.locator('button[data-action="reject"]').click();
  await frame
    .locator('[data-role="message"] .notice.ok', {
      hasText: t('en', 'service.cancel.rejected', { posting: b.postingNumber }),
    })
    .waitFor();
  expect(b.state).toBe('REJECTED');
  expect(b.comment).toBe('Already handed to the carrier');

  await cardA.locator('button[data-action="approve"]').click();
  await frame
    .locator('[data-role="message"] .notice.error', { hasText: t('en', 'error.confirm.required') })
    .waitFor();
  expect(a.state).toBe('ON_APPROVAL');
  await cardA.locator('input[data-role="confirm"]').check();
  await cardA.locator('button[data-action="approve"]').click();
  await frame
    .locator('[data-role="message"] .notice.ok', {
      hasText: t('en', 'service.cancel.approved', { posting: a.postingNumber }),
    })
    .waitFor();
  expect(a.state).toBe('APPROVED');
  expect(wb.sim.state.postings.get(a.postingNumber)?.status).toBe('cancelled');
  // The list is re-read: both answered requests are gone from it.
  await cardA.waitFor({ state: 'detached' });
  await cardB.waitFor({ state: 'detached' });
  const rows = records('Cancellation requests');
  expect(rows.find((r) => r['Request ID'] === String(a.id))?.['State code']).toBe('APPROVED');
  expect(rows.find((r) => r['Request ID'] === String(b.id))?.['State code']).toBe('REJECTED');
});

test('follows the selection (even with a renamed posting header) and shows a chat’s history at once', async () => {
  const chats = records('Messages').filter((r) => String(r['Posting number']));
  const postings = [...new Set(chats.map((r) => String(r['Posting number'])))];
  const orders = new Set(records('Orders').map((r) => String(r['Posting number'])));
  const [first, second] = postings.filter((p) => orders.has(p));
  if (!first || !second) throw new Error('the demo shop needs two orders with chats');
  // The seller renames the add-on's posting column: its identity (developer metadata) still finds it.
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Orders') as GoogleAppsScript.Spreadsheet.Sheet;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    sheet.getRange(1, header.indexOf('Posting number') + 1).setValue('Отправление (моё)');
  });
  selectRow('Orders', 'Отправление (моё)', first);
  const frame = await openService();
  await frame.locator('[data-role="selected"]', { hasText: first }).waitFor();
  // The history is there without pressing Send.
  await frame.locator('[data-role="messages"] .msg').first().waitFor();
  // Another row selected in the sheet: the sidebar follows by itself.
  selectRow('Orders', 'Отправление (моё)', second);
  await frame.locator('[data-role="selected"]', { hasText: second }).waitFor({ timeout: 15_000 });
  await frame.locator('[data-role="messages"] .msg').first().waitFor();
});
