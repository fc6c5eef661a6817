// The order desk in the workbench, driven in headless Chromium: the sidebar follows the grid's
// selection; verify with the checklist, flag a problem, pack into two packages, labels, an rFBS
// tracking number, cancel, bad inputs, an HTML product name shown as text, and switching language.
import type { Frame, Page } from 'playwright-core';
import { t } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';
import {
  inView,
  openBrowserWorkbench,
  openSidebarFromMenu,
  runOk,
  sidebarFrame,
  type BrowserWorkbench,
} from './support';

jest.setTimeout(180_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;
let frame: Frame;

const HOSTILE = '<img src=x onerror="window.__pwned=1">Kettle';
const taken = new Set<string>();

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 7, postings: 400, products: 30, days: 4, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => {
      wb = w;
      const first = posting('fbs');
      w.sim.state.postings.get(first)!.lines[0].name = HOSTILE;
      taken.delete(first);
      hostile = first;
      runOk(w, 'syncOrders');
    },
  );
  page = bench.page;
  await page.click('.tab[data-sheet="Orders"]');
  await page.waitForSelector('.tab.active[data-sheet="Orders"]');
  frame = await openDesk();
});

afterAll(async () => {
  await bench?.close();
});

let hostile = '';

/** A posting awaiting packaging no other step has used. */
function posting(scheme: 'fbs' | 'rfbs', units = 1): string {
  const found = [...wb.sim.state.postings.values()].find(
    (p) =>
      !taken.has(p.postingNumber) &&
      p.scheme === scheme &&
      p.status === 'awaiting_packaging' &&
      p.lines.reduce((s, l) => s + l.quantity, 0) >= units,
  );
  if (!found) throw new Error(`no ${scheme} posting left`);
  taken.add(found.postingNumber);
  return found.postingNumber;
}

async function openDesk(): Promise<Frame> {
  return openSidebarFromMenu(page, wb, 'showOrderDesk', 'desk');
}

function sheetRow(number: string): number {
  const [header, ...rows] = wb.runtime.spreadsheet.sheet('Orders').values() as unknown[][];
  const col = header.indexOf('Posting number');
  const index = rows.findIndex((r) => r[col] === number);
  if (index < 0) throw new Error(`${number} not in Orders`);
  return index + 2; // 1-based sheet row
}

/** The grid's column letter of an Orders header (A–Z, then AA…). */
function columnLetter(header: string): string {
  const [head] = wb.runtime.spreadsheet.sheet('Orders').values() as unknown[][];
  let n = head.indexOf(header) + 1;
  if (n < 1) throw new Error(`${header} not in Orders`);
  let letters = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cell(number: string, header: string): unknown {
  const [head, ...rows] = wb.runtime.spreadsheet.sheet('Orders').values() as unknown[][];
  const r = rows.find((x) => x[head.indexOf('Posting number')] === number) ?? [];
  return r[head.indexOf(header)];
}

async function select(number: string): Promise<void> {
  await page.click(`tr[data-row="${sheetRow(number)}"] th.row-head`);
  await frame.waitForSelector(`section.order[data-posting="${number}"]`);
}

async function ok(text: string): Promise<void> {
  await inView(frame.locator('[data-role="message"] .notice.ok', { hasText: text }));
}

/**
 * A form refused: by the browser (the error under its field, which is marked) or by the server (the
 * error at the form's buttons). Either way in the form, in view.
 */
async function refused(text: string): Promise<void> {
  const local = frame.locator('[data-form] [data-role="form-error"]', { hasText: text });
  const server = frame.locator('[data-role="form-message"] .notice.error', { hasText: text });
  await inView(local.or(server));
  if (await local.count()) expect(await frame.locator('[data-form] [aria-invalid="true"]').count()).toBe(1);
}

async function verify(number: string): Promise<void> {
  await select(number);
  for (const box of await frame.$$('[data-role="checklist"] input[type="checkbox"]:not(:disabled)'))
    await box.check();
  await frame.click('button[data-action="verify"]');
  await ok(t('en', 'desk.verified.one', { posting: number }));
}

test('the sidebar follows the selection; a product name holding HTML is shown as text', async () => {
  await select(hostile);
  await frame.locator('td.name', { hasText: HOSTILE }).waitFor();
  expect(await frame.locator('section.order img').count()).toBe(0);
  expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await frame.locator('[data-field="ship-by"]', { hasText: 'MSK' }).waitFor();
  await frame.locator('[data-state="to_verify"]').waitFor();
});

test('verify needs the checklist; "Verified" records who and when', async () => {
  const number = posting('fbs');
  await select(number);
  const verifyButton = frame.locator('button[data-action="verify"]');
  expect(await verifyButton.isDisabled()).toBe(true);
  await frame.check('input[data-check="order"]');
  await frame.check('input[data-check="items"]');
  expect(await verifyButton.isDisabled()).toBe(true);
  expect(await frame.locator('input[data-check="buyer"]').isDisabled()).toBe(true);
  await frame.check('input[data-check="amount"]');
  await verifyButton.click();
  await ok(t('en', 'desk.verified.one', { posting: number }));
  await frame.locator('[data-state="verified"]').waitFor();
  await frame.locator('[data-field="verified"]', { hasText: 'seller@example.com' }).waitFor();
  expect(cell(number, 'Verified')).toBe('Yes');
  expect(cell(number, 'Verified by')).toBe('seller@example.com');
});

test('flag a problem: a note is required for "other"; the order leaves the ship queue', async () => {
  const number = posting('fbs');
  await verify(number);
  await frame.click('button[data-action="problem"]');
  await frame.selectOption('#problemReason', 'other');
  await frame.click('button[data-action="submit-problem"]');
  await refused(t('en', 'error.desk.note.required'));
  await frame.fill('#problemNote', 'Buyer asked to change colour');
  await frame.click('button[data-action="submit-problem"]');
  await frame.locator('[data-state="problem"]').waitFor();
  expect(cell(number, 'Problem')).toBe(t('en', 'desk.problem.reason.other'));
  expect(cell(number, 'Verified')).toBe('');
  expect(await frame.locator('button[data-action="ship"]').count()).toBe(0);
  await frame.click('button[data-action="clearProblem"]');
  await frame.locator('[data-state="to_verify"]').waitFor();
});

test('pack into two packages (a bad split is refused), then labels for both new postings', async () => {
  const number = posting('fbs', 2);
  const lines = wb.sim.state.postings.get(number)!.lines;
  await verify(number);
  await frame.click('button[data-action="ship"]');
  await frame.selectOption('#packageCount', '2');
  const first = lines[0];
  // Bad: one unit of the first line left out of every package.
  await frame.fill(`input[data-sku="${first.sku}"][data-package="1"]`, String(first.quantity - 1));
  await frame.click('button[data-action="submit-ship"]');
  await refused(
    t('en', 'error.desk.package.mismatch', {
      offerId: first.offerId,
      packed: first.quantity - 1,
      ordered: first.quantity,
    }),
  );
  expect(wb.sim.state.postings.get(number)?.status).toBe('awaiting_packaging');
  await frame.fill(`input[data-sku="${first.sku}"][data-package="2"]`, '1');
  await frame.click('button[data-action="submit-ship"]');
  await frame.locator('[data-role="message"] .notice.ok', { hasText: number }).waitFor();
  await frame.locator('[data-state="split"]').waitFor();
  expect(cell(number, 'Status code')).toBe('cancelled_from_split_pending');
  const children = [...wb.sim.state.postings.values()]
    .filter((p) => p.parentPostingNumber === number)
    .map((p) => p.postingNumber);
  expect(children).toHaveLength(2);
  const rows = children.map(sheetRow).sort((a, b) => a - b);
  expect(rows[1]).toBe(rows[0] + 1);
  await page.click(`td[data-cell="A${rows[0]}"]`);
  await page.click(`td[data-cell="A${rows[1]}"]`, { modifiers: ['Shift'] });
  await frame.locator('[data-role="selected-count"]', { hasText: '2' }).waitFor();
  const files = wb.runtime.drive.length;
  await frame.click('button[data-action="labels"]');
  await ok(t('en', 'desk.labels.many', { ok: 2, total: 2, failed: 0 }));
  expect(wb.runtime.drive.length).toBe(files + 1);
  const url = wb.runtime.drive[files].url;
  expect(await frame.getAttribute('[data-role="label-result"]', 'href')).toBe(url);
  for (const child of children) expect(cell(child, 'Label')).toBe(url);

  // In the grid, the Label cell opens the PDF from the runtime's Drive, as Drive would.
  const id = /\/file\/d\/([\w-]+)/.exec(url)?.[1];
  const label = page.locator(`td[data-cell="${columnLetter('Label')}${rows[0]}"] a.cell-link`);
  await label.waitFor();
  expect(await label.getAttribute('href')).toBe(`/drive/${id}`);
  const pdf = await page.request.get(new URL(`/drive/${id}`, wb.url).href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Packing slips for the selected orders open as a dialog on the page, one slip per order.
  await page.click('#menu-button');
  await page.click('.menu-item[data-function="showPackingSlips"]');
  await page.locator('#dialog-title', { hasText: t('en', 'desk.slip.title', { count: 2 }) }).waitFor();
  const dialog = await (await page.waitForSelector('#dialog-frame[src^="/dialog/"]')).contentFrame();
  if (!dialog) throw new Error('dialog frame missing');
  await dialog.waitForSelector('section.slip');
  const slips = await dialog
    .locator('section.slip')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.posting));
  expect(slips.sort()).toEqual([...children].sort());
  await page.click('#dialog-close');
  await page.waitForSelector('#dialog-overlay', { state: 'hidden' });
});

test('rFBS: a malformed tracking number is refused, a good one lands in the row', async () => {
  const number = posting('rfbs');
  await verify(number);
  await frame.click('button[data-action="ship"]');
  await frame.click('button[data-action="submit-ship"]');
  await frame.locator('[data-state="shipped"]').waitFor();
  await frame.click('button[data-action="tracking"]');
  await frame.fill(`input[data-tracking="${number}"]`, 'AB 123');
  await frame.click('button[data-action="submit-tracking"]');
  await refused(t('en', 'error.desk.tracking.spaces'));
  await frame.fill(`input[data-tracking="${number}"]`, 'CDEK-778899');
  await frame.fill('#carrier', 'CDEK');
  await frame.click('button[data-action="submit-tracking"]');
  await ok(t('en', 'desk.tracking.set', { posting: number, tracking: 'CDEK-778899' }));
  await frame.locator('[data-field="tracking"]', { hasText: 'CDEK-778899' }).waitFor();
  expect(cell(number, 'Tracking number')).toBe('CDEK-778899');
  await frame.click('button[data-action="delivering"]');
  await frame.locator('[data-field="status"]', { hasText: t('en', 'status.delivering') }).waitFor();
});

test('cancel: "other" needs a message; with a reason the order shows as cancelled', async () => {
  const number = posting('fbs');
  await select(number);
  await frame.click('button[data-action="cancel"]');
  await frame.waitForSelector('#cancelReason option[value="402"]', { state: 'attached' });
  await frame.selectOption('#cancelReason', '402');
  await frame.click('button[data-action="submit-cancel"]');
  await refused(t('en', 'error.confirm.required'));
  expect(cell(number, 'Status code')).not.toBe('cancelled');
  await frame.check('input[name="cancelConfirm"]');
  await frame.click('button[data-action="submit-cancel"]');
  await refused(t('en', 'error.desk.cancel.message'));
  await frame.selectOption('#cancelReason', '352');
  await frame.click('button[data-action="submit-cancel"]');
  await frame.locator('[data-state="cancelled"]').waitFor();
  expect(cell(number, 'Status code')).toBe('cancelled');
  expect(await frame.locator('button[data-action="verify"]').count()).toBe(0);
});

test('next unverified moves the grid selection; switching to Russian re-renders the desk', async () => {
  await frame.click('button[data-action="next"]');
  await inView(frame.locator('[data-role="top-message"] .notice.ok'));
  await page.waitForSelector('tr .row-head');
  const active = wb.runtime.spreadsheet.activeRange;
  expect(active?.range.endRow).toBe((active?.range.startRow ?? 0) + 1);
  const selected = String(
    (wb.runtime.spreadsheet.sheet('Orders').values() as unknown[][])[active?.range.startRow ?? 0][0],
  );
  await frame.waitForSelector(`section.order[data-posting="${selected}"]`);

  await frame.click('button[data-action="open-settings"]');
  await frame.waitForSelector('.view[data-view="settings"][data-ready="true"]');
  await frame.selectOption('#language', 'ru');
  const shown = wb.runtime.ui.sidebars.length;
  await frame.click('button[data-action="save"]');
  frame = await sidebarFrame(page, shown + 1, 'settings');
  await frame.locator('h1', { hasText: t('ru', 'settings.title') }).waitFor();
  frame = await openDesk();
  await frame.locator('h1', { hasText: t('ru', 'menu.openDesk') }).waitFor();
  await frame.locator('button[data-action="next"]', { hasText: t('ru', 'desk.next') }).waitFor();
  await frame.locator(`section.order[data-posting="${selected}"]`).waitFor();
  await frame
    .locator('[data-state]', { hasText: t('ru', 'desk.state.to_verify') })
    .first()
    .waitFor();
});
