// Settings → Orders sync and Reports sections, driven in headless Chromium against the workbench.
import type { Frame, Page } from 'playwright-core';
import { openBrowserWorkbench, openSidebarFromMenu, type BrowserWorkbench } from './support';
import { t } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';

jest.setTimeout(90_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

beforeAll(async () => {
  bench = await openBrowserWorkbench({ seed: 5, postings: 40 });
  ({ wb, page } = bench);
});

afterAll(async () => {
  await bench?.close();
});

async function openSettings(): Promise<Frame> {
  const frame = await openSidebarFromMenu(page, wb, 'showSettings', 'settings');
  await frame.waitForSelector('[data-section="reports"] [data-action="save-reports"]');
  return frame;
}

test('a look-back out of range is refused next to the field, and nothing is saved', async () => {
  const frame = await openSettings();
  await frame.fill('#lookbackDays', '0');
  await frame.click('[data-action="save-sync"]');
  await frame
    .locator('[data-field-error="lookbackDays"]', { hasText: t('en', 'error.lookback.range') })
    .waitFor();
  expect(wb.runtime.properties.document.has('ODESK_LOOKBACK_DAYS')).toBe(false);
  expect(wb.runtime.triggers).toHaveLength(0);
});

test('saving the sync options installs one hourly trigger; "Sync orders now" fills the Orders tab', async () => {
  const frame = await openSettings();
  await frame.fill('#lookbackDays', '60');
  await frame.check('#autoSync');
  await frame.click('[data-action="save-sync"]');
  await frame.locator('[data-role="sync-message"]', { hasText: t('en', 'syncSettings.saved') }).waitFor();
  expect(wb.runtime.properties.document.get('ODESK_LOOKBACK_DAYS')).toBe('60');
  expect(wb.runtime.triggers.map((tr) => tr.handlerFunction)).toEqual(['onHourlyTrigger']);

  await frame.click('[data-action="sync-now"]');
  await frame.locator('[data-role="sync-message"] .notice', { hasText: /Orders are up to date/ }).waitFor();
  expect(wb.runtime.spreadsheet.sheetNames()).toEqual(
    expect.arrayContaining(['Orders', 'Order lines', 'Sync log']),
  );
  await frame.locator('[data-role="sync-state"]', { hasText: 'Last complete sync' }).waitFor();
});

test('the nightly hour and summary email are saved, and "Build reports now" builds the reports', async () => {
  const frame = await openSettings();
  await frame.selectOption('#nightlyHour', '5');
  await frame.check('#nightlyEmail');
  await frame.click('[data-action="save-reports"]');
  await frame
    .locator('[data-role="reports-message"]', { hasText: t('en', 'reports.settings.saved') })
    .waitFor();
  expect(wb.runtime.properties.document.get('ODESK_NIGHTLY_HOUR')).toBe('5');
  await frame.click('[data-action="build-reports"]');
  await frame.locator('[data-role="reports-message"] .notice', { hasText: /Reports updated/ }).waitFor();
  expect(wb.runtime.spreadsheet.sheetNames()).toEqual(
    expect.arrayContaining(['Sales', 'Customers', 'Products', 'Dashboard']),
  );
});

test('BigQuery as the only archive is refused next to the choice until BigQuery is named, then saved with the note on reports', async () => {
  const frame = await openSettings();
  await frame.waitForSelector('[data-section="archive"] [data-action="save-archive"]');
  await frame.selectOption('#archiveBackend', 'bigquery');
  await frame
    .locator('[data-field-hint="archiveBackend"]', { hasText: t('en', 'archiveSettings.bigqueryReports') })
    .waitFor();
  await frame.click('[data-action="save-archive"]');
  await frame
    .locator('[data-field-error="archiveBackend"]', { hasText: t('en', 'error.archive.backend') })
    .waitFor();
  expect(wb.runtime.properties.document.has('ODESK_ARCHIVE_BACKEND')).toBe(false);

  await frame.fill('#projectId', 'ozon-shop-123');
  await frame.fill('#datasetId', 'ozon_history');
  await frame.click('[data-action="save-bigquery"]');
  await frame
    .locator('[data-role="bigquery-message"]', {
      hasText: t('en', 'bigquery.saved', { project: 'ozon-shop-123', dataset: 'ozon_history' }),
    })
    .waitFor();
  await frame.click('[data-action="save-archive"]');
  await frame
    .locator('[data-role="archive-message"]', { hasText: t('en', 'archiveSettings.saved') })
    .waitFor();
  expect(wb.runtime.properties.document.get('ODESK_ARCHIVE_BACKEND')).toBe('bigquery');
  expect(await frame.locator('[data-field-error="archiveBackend"]').textContent()).toBe('');
});
