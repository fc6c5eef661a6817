// Drives the real built sidebar inside the workbench in headless Chromium: menu → sidebar →
// google.script.run → the bundle in the local runtime → user properties.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium, localOnlyContext, openSidebarFromMenu, sidebarFrame, snapshotDist } from './support';
import { t, type Lang, type MessageKey } from '../../src/core/i18n/messages';
import { API_KEY_KEY, CLIENT_ID_KEY } from '../../src/settings/credentials';
import { startWorkbench, type Workbench } from '../../workbench/app';

jest.setTimeout(60_000);

const LANGUAGE_KEY = 'ODESK_LANGUAGE';

let wb: Workbench;
let dist: ReturnType<typeof snapshotDist>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let demo: { clientId: string; apiKey: string };

beforeAll(async () => {
  dist = snapshotDist();
  wb = await startWorkbench({ distDir: dist.dir, port: 0, seed: 11, postings: 20 });
  demo = { ...wb.sim.credentials };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
  dist?.remove();
});

beforeEach(async () => {
  // Every test starts from the demo shop's credentials and an explicit English UI.
  const user = wb.runtime.properties.user;
  user.set(CLIENT_ID_KEY, demo.clientId);
  user.set(API_KEY_KEY, demo.apiKey);
  user.set(LANGUAGE_KEY, 'en');
  context = await localOnlyContext(browser);
  page = await context.newPage();
  await page.goto(wb.url);
});

afterEach(async () => {
  await context?.close();
});

/** Opens an add-on menu item and returns the sidebar frame once its view has loaded. */
async function openFromMenu(functionName: string, view: string): Promise<Frame> {
  return openSidebarFromMenu(page, wb, functionName, view);
}

async function text(frame: Frame, selector: string): Promise<string> {
  return (await frame.locator(selector).first().textContent()) ?? '';
}

async function waitForText(frame: Frame, selector: string, expected: string): Promise<void> {
  await frame.locator(selector, { hasText: expected }).first().waitFor();
}

function tr(lang: Lang, key: MessageKey): string {
  return t(lang, key);
}

test('the add-on menu opens Settings, showing the saved Client-Id but never the key', async () => {
  const frame = await openFromMenu('showSettings', 'settings');
  expect(await text(frame, 'h1')).toBe(tr('en', 'settings.title'));
  expect(await frame.inputValue('#clientId')).toBe(demo.clientId);
  expect(await frame.inputValue('#apiKey')).toBe('');
  expect(await text(frame, '[data-field-hint="apiKey"]')).toBe(tr('en', 'settings.apiKeySet'));
  expect(await frame.content()).not.toContain(demo.apiKey);
});

test('a bad Client-Id shows the localised field message and saves nothing', async () => {
  const frame = await openFromMenu('showSettings', 'settings');
  const before = new Map(wb.runtime.properties.user);
  const executions = wb.runtime.counters.executions;
  await frame.fill('#clientId', '12ab');
  await frame.fill('#apiKey', 'abcdef12-3456-7890-abcd');
  await frame.click('button[data-action="save"]');
  await waitForText(frame, '[data-field-error="clientId"]', tr('en', 'error.clientId.number'));
  expect(new Map(wb.runtime.properties.user)).toEqual(before);
  // Rejected in the browser: no server execution happened.
  expect(wb.runtime.counters.executions).toBe(executions);
});

test('the server validates again and answers with the field and a localised message', async () => {
  const frame = await openFromMenu('showSettings', 'settings');
  const before = new Map(wb.runtime.properties.user);
  const answer = await frame.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const run = (window as unknown as { google: { script: { run: Record<string, CallableFunction> } } })
          .google.script.run;
        const withHandlers = run.withSuccessHandler(resolve) as unknown as Record<string, CallableFunction>;
        const runner = withHandlers.withFailureHandler(reject) as unknown as Record<string, CallableFunction>;
        runner.saveSettings({ clientId: '12ab', language: 'en' });
      }),
  );
  expect(answer).toEqual({
    ok: false,
    error: { code: 'input', field: 'clientId', message: tr('en', 'error.clientId.number') },
  });
  expect(new Map(wb.runtime.properties.user)).toEqual(before);
});

test('valid settings are saved; after reopening the key is not in the sidebar', async () => {
  const user = wb.runtime.properties.user;
  user.delete(API_KEY_KEY);
  const frame = await openFromMenu('showSettings', 'settings');
  expect(await text(frame, '[data-field-hint="apiKey"]')).toBe(tr('en', 'settings.apiKeyMissing'));
  const key = 'Zq7abc12-3456-7890-fedc-ba0987654321';
  await frame.fill('#clientId', ' 765432 ');
  await frame.fill('#apiKey', key);
  await frame.click('button[data-action="save"]');
  await waitForText(frame, '[data-role="message"] .notice.ok', tr('en', 'settings.saved'));
  expect(user.get(CLIENT_ID_KEY)).toBe('765432');
  expect(user.get(API_KEY_KEY)).toBe(key);
  expect(await frame.inputValue('#apiKey')).toBe('');
  expect(await text(frame, '[data-field-hint="apiKey"]')).toBe(tr('en', 'settings.apiKeySet'));

  const reopened = await openFromMenu('showSettings', 'settings');
  expect(await reopened.inputValue('#clientId')).toBe('765432');
  expect(await reopened.inputValue('#apiKey')).toBe('');
  expect(await reopened.content()).not.toContain(key);
});

test('Save is disabled and progress is shown while the call runs, so it is sent once', async () => {
  const frame = await openFromMenu('showSettings', 'settings');
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const sent: string[] = [];
  await context.route('**/rpc', async (route) => {
    const body = route.request().postDataJSON() as { name: string };
    sent.push(body.name);
    if (body.name === 'saveSettings') await held;
    await route.continue();
  });
  await frame.fill('#clientId', '555777');
  await frame.click('button[data-action="save"]');
  await frame.waitForSelector('button[data-action="save"]:disabled');
  await frame.waitForSelector('[data-role="status"] .progress');
  expect(await frame.locator('button[data-action="test"]').isDisabled()).toBe(true);
  // A second submit while busy (Enter in the field) must not send anything.
  await frame.press('#clientId', 'Enter');
  release();
  await waitForText(frame, '[data-role="message"] .notice.ok', tr('en', 'settings.saved'));
  expect(await frame.locator('button[data-action="save"]').isEnabled()).toBe(true);
  expect(sent.filter((n) => n === 'saveSettings')).toHaveLength(1);
  expect(wb.runtime.properties.user.get(CLIENT_ID_KEY)).toBe('555777');
});

test('choosing Russian saves the language and reopens the sidebar, its title and the menu in Russian', async () => {
  const before = await openFromMenu('showSettings', 'settings');
  expect(await text(before, 'h1')).toBe(tr('en', 'settings.title'));
  const shown = wb.runtime.ui.sidebars.length;
  await before.selectOption('#language', 'ru');
  await before.click('button[data-action="save"]');
  const frame = await sidebarFrame(page, shown + 1, 'settings');
  await waitForText(frame, 'h1', tr('ru', 'settings.title'));
  expect(await page.textContent('#sidebar-title')).toBe(tr('ru', 'settings.title'));
  await page.click('#menu-button');
  expect(await page.textContent('.menu-item[data-function="syncOrders"]')).toBe(tr('ru', 'menu.syncOrders'));
  await page.click('#menu-button');
  expect(wb.runtime.properties.user.get(LANGUAGE_KEY)).toBe('ru');
  expect(await frame.getAttribute('html', 'lang')).toBe('ru');
  expect(await text(frame, 'button[data-action="save"]')).toBe(tr('ru', 'settings.save'));
  expect(await text(frame, 'label[for="language"]')).toBe(tr('ru', 'settings.language'));
  await waitForText(frame, '[data-role="message"] .notice.ok', tr('ru', 'settings.saved'));
  expect(await frame.inputValue('#language')).toBe('ru');
});

test('the desk sends the seller to Settings when the key is missing', async () => {
  wb.runtime.properties.user.delete(API_KEY_KEY);
  const frame = await openFromMenu('showOrderDesk', 'desk');
  expect(await text(frame, 'h1')).toBe(tr('en', 'menu.openDesk'));
  expect(await text(frame, '[data-role="intro"]')).toContain(tr('en', 'menu.syncOrders'));
  await waitForText(frame, '[data-role="account"] .notice.error', tr('en', 'error.credentials.missing'));
  await frame.click('button[data-action="open-settings"]');
  await frame.waitForSelector('.view[data-view="settings"][data-ready="true"]');
  expect(await text(frame, '[data-field-hint="apiKey"]')).toBe(tr('en', 'settings.apiKeyMissing'));
});

test('data containing HTML is shown as text, never as markup', async () => {
  const hostile = '<img src=x onerror="window.__pwned=1"><b>Шоп</b>';
  wb.runtime.properties.user.set(CLIENT_ID_KEY, hostile);
  const desk = await openFromMenu('showOrderDesk', 'desk');
  await waitForText(desk, '[data-role="account"]', hostile);
  expect(await desk.locator('[data-role="account"] img, [data-role="account"] b').count()).toBe(0);
  const settings = await openFromMenu('showSettings', 'settings');
  expect(await settings.inputValue('#clientId')).toBe(hostile);
  expect(await settings.locator('img').count()).toBe(0);
  expect(await settings.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('Test connection shows the key roles from the shop', async () => {
  wb.sim.setRoles(['Admin']);
  const frame = await openFromMenu('showSettings', 'settings');
  await frame.click('button[data-action="test"]');
  await frame.waitForSelector('[data-role="connection-ok"]');
  const roles = frame.locator('[data-role="roles"] li');
  expect(await roles.allTextContents()).toEqual([t('en', 'role.Admin')]);
  expect(await roles.getAttribute('data-ozon-role')).toBe('Admin');
  expect(await text(frame, '[data-role="connection-ok"]')).toContain(demo.clientId);
});

test('Test connection tests the typed key without saving it, and clears a result that went stale', async () => {
  const user = wb.runtime.properties.user;
  const saved = user.get(API_KEY_KEY);
  const frame = await openFromMenu('showSettings', 'settings');
  await frame.click('button[data-action="test"]');
  await frame.waitForSelector('[data-role="connection-ok"]');
  // Typing another key makes the green result stale: it goes at once.
  await frame.fill('#apiKey', 'Wrong000-1111-2222-3333-444455556666');
  expect(await frame.locator('[data-role="connection-ok"]').count()).toBe(0);
  const sent: unknown[] = [];
  frame.page().on('request', (request) => {
    if (request.url().endsWith('/rpc')) sent.push(request.postDataJSON());
  });
  await frame.click('button[data-action="test"]');
  await frame.waitForSelector('[data-role="message"] .notice.error');
  expect(await frame.locator('[data-role="connection-ok"]').count()).toBe(0);
  expect(sent).toContainEqual({
    name: 'testConnection',
    args: [{ clientId: demo.clientId, apiKey: 'Wrong000-1111-2222-3333-444455556666' }],
  });
  expect(user.get(API_KEY_KEY)).toBe(saved);
  // The real key, typed, passes, and still nothing is stored.
  await frame.fill('#apiKey', demo.apiKey);
  await frame.click('button[data-action="test"]');
  await frame.waitForSelector('[data-role="connection-ok"]');
  expect(await frame.locator('[data-role="message"] .notice').count()).toBe(0);
  expect(user.get(API_KEY_KEY)).toBe(saved);
  expect(await frame.content()).not.toContain(demo.apiKey.slice(4));
});

test("Test connection shows Ozon's refusal of a deactivated key", async () => {
  wb.sim.setKeyState('deactivated');
  try {
    const frame = await openFromMenu('showSettings', 'settings');
    await frame.click('button[data-action="test"]');
    await frame.waitForSelector('[data-role="message"] .notice.error');
    expect(await frame.locator('[data-role="connection-ok"]').count()).toBe(0);
    expect(await frame.locator('button[data-action="test"]').isEnabled()).toBe(true);
  } finally {
    wb.sim.setKeyState('ok');
  }
});
