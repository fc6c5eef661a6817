// Menu "Check this spreadsheet" and Settings' "Copy support report" in headless Chromium against the
// workbench: the verdict, the scheduled run collected by Refresh, and both copy buttons.
import type { Page } from 'playwright-core';
import { openBrowserWorkbench, openSidebarFromMenu, type BrowserWorkbench } from './support';
import { t } from '../../src/core/i18n/messages';
import type { Workbench } from '../../workbench/app';

jest.setTimeout(180_000);

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;

beforeAll(async () => {
  bench = await openBrowserWorkbench({ seed: 5, postings: 20 });
  ({ wb, page } = bench);
  await bench.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await bench?.close();
});

test('the check runs from the menu, waits for its scheduled run, and Refresh gives the verdict', async () => {
  const frame = await openSidebarFromMenu(page, wb, 'checkThisSpreadsheet', 'selfcheck');
  await frame.locator('[data-role="verdict"][data-verdict="wait"]').waitFor({ timeout: 120_000 });
  expect(await frame.locator('[data-role="verdict"]').textContent()).toBe(t('en', 'selfcheck.verdict.wait'));
  wb.runtime.clock.advance(3_660_000);
  expect(wb.runtime.fireTimeTriggers().map((r) => r.error)).toEqual([undefined]);
  await frame.click('[data-action="refresh-check"]');
  await frame.locator('[data-role="verdict"][data-verdict="ok"]').waitFor();
  expect(await frame.locator('[data-role="verdict"]').textContent()).toBe(t('en', 'selfcheck.verdict.ok'));
  const report = await frame.locator('[data-role="report"]').inputValue();
  expect(JSON.parse(report)).toMatchObject({ format: 'odesk-selfcheck/1', clockRun: { status: 'seen' } });
  await frame.click('[data-action="copy-report"]');
  await frame.locator('[data-role="copied"]', { hasText: t('en', 'selfcheck.copied') }).waitFor();
  expect(await frame.evaluate(() => navigator.clipboard.readText())).toBe(report);
});

test('Settings copies the masked support report', async () => {
  const frame = await openSidebarFromMenu(page, wb, 'showSettings', 'settings');
  await frame.click('[data-action="copy-support-report"]');
  await frame.locator('[data-role="support-message"]', { hasText: t('en', 'support.copied') }).waitFor();
  const copied = await frame.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toMatchObject({ format: 'odesk-support/1' });
  expect(copied).not.toContain(wb.sim.credentials.apiKey);
  expect(copied).not.toContain(wb.sim.credentials.clientId);
});
