// The Reviews & questions sidebar in the workbench: a review holding HTML or a formula is shown as
// the buyer typed it (text, never markup), and a reply from the selected row is sent once.
import type { Frame, Page } from 'playwright-core';
import type { Workbench } from '../../workbench/app';
import { openBrowserWorkbench, openSidebarFromMenu, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(120_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 9, postings: 300, products: 20, days: 20, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => runOk(w, 'syncFeedback'),
  );
  ({ wb, page } = bench);
});

afterAll(async () => {
  await bench?.close();
});

function selectRow(tab: string, column: string, value: string): void {
  wb.runtime.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    const values = sheet.getDataRange().getValues() as unknown[][];
    const col = values[0].indexOf(column);
    const row = values.findIndex((r) => String(r[col]) === value);
    if (row < 1) throw new Error(`${value} not on ${tab}`);
    sheet.activate();
    sheet.getRange(row + 1, 1).activate();
  });
}

function reviewRows(): Record<string, unknown>[] {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Reviews').values() as unknown[][];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

async function openFeedback(): Promise<Frame> {
  await page.reload();
  return openSidebarFromMenu(page, wb, 'showFeedback', 'feedback');
}

test('a review holding HTML is shown as text; a reply from the selected row is sent once', async () => {
  const html = reviewRows().find((r) => String(r.Review).startsWith('<script>'));
  if (!html) throw new Error('no HTML review in the demo shop');
  const id = String(html['Review ID']);
  selectRow('Reviews', 'Review ID', id);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const frame = await openFeedback();
  const card = frame.locator(`[data-review="${id}"]`);
  await card.locator('[data-role="text"]').waitFor();
  expect(await card.locator('[data-role="text"]').textContent()).toBe(String(html.Review));
  expect(await card.locator('script').count()).toBe(0);
  // The selected review opens by itself with its reply form.
  await card.locator('textarea[name="reply"]').waitFor();
  await card.locator('textarea[name="reply"]').fill('=HYPERLINK("x") <b>Спасибо</b>');
  await card.locator('button[data-action="reply"]').click();
  await frame.locator('[data-role="message"] .notice.ok', { hasText: 'Reply sent.' }).waitFor();
  await card.locator('.msg.mine .msg-text', { hasText: '<b>Спасибо</b>' }).waitFor();
  expect(await card.locator('.msg.mine b').count()).toBe(0);
  // Sent again (the seller was not sure): Ozon already has it, nothing is sent twice.
  await card.locator('textarea[name="reply"]').fill('=HYPERLINK("x") <b>Спасибо</b>');
  await card.locator('button[data-action="reply"]').click();
  await frame.locator('[data-role="message"] .notice.ok', { hasText: 'not sent again' }).waitFor();
  const review = wb.sim.feedback().reviewsById.get(id)!;
  expect(review.comments.filter((c) => c.text === '=HYPERLINK("x") <b>Спасибо</b>').length).toBe(1);
  const row = reviewRows().find((r) => r['Review ID'] === id)!;
  expect(row['Our reply']).toBe('=HYPERLINK("x") <b>Спасибо</b>');
  expect(dialogs).toBe(0);
});
