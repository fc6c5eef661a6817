// Shared set-up for the browser tests: headless Chromium that can only reach 127.0.0.1, and a private
// copy of dist/ (other work in the same checkout may rebuild dist/ while the tests run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Locator,
  type Page,
} from 'playwright-core';
import { startWorkbench, type Workbench, type WorkbenchOptions } from '../../workbench/app';

const DIST = path.join(__dirname, '../../dist');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser context where every request not to 127.0.0.1 (e.g. the gstatic stylesheet) is refused. */
export async function localOnlyContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort();
  });
  return context;
}

/** Copies the built add-on (npm test builds it before jest) to a temporary folder; returns the folder. */
export function snapshotDist(): { dir: string; remove(): void } {
  for (const file of ['Code.js', 'Sidebar.html', 'appsscript.json']) {
    if (!fs.existsSync(path.join(DIST, file)))
      throw new Error(`dist/${file} is missing: run npm run build first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odesk-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const BROWSER_DESK_POLL_MS = 250;
export const BROWSER_PAGE_REFRESH_MS = 125;

/** A workbench on a free port with its own copy of dist/, and a local-only Chromium page on it. */
export interface BrowserWorkbench {
  wb: Workbench;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowserWorkbench(
  options: Omit<WorkbenchOptions, 'distDir' | 'port'>,
  prepare: (wb: Workbench) => void = () => undefined,
): Promise<BrowserWorkbench> {
  const dist = snapshotDist();
  // The desk follows the selection, and the page the spreadsheet, 8 times faster than the add-on's
  // 2 s and the page's 1 s: the tests wait for what they see, not for a poll to come round.
  const wb = await startWorkbench({
    deskPollMs: BROWSER_DESK_POLL_MS,
    pageRefreshMs: BROWSER_PAGE_REFRESH_MS,
    ...options,
    distDir: dist.dir,
    port: 0,
  });
  wb.runtime.properties.user.set('ODESK_LANGUAGE', 'en');
  prepare(wb);
  const browser = await launchChromium();
  const context = await localOnlyContext(browser);
  const page = await context.newPage();
  await page.goto(wb.url);
  return {
    wb,
    browser,
    context,
    page,
    close: async () => {
      await browser.close();
      await wb.close();
      dist.remove();
    },
  };
}

/** Runs a setup command in the runtime (import, sync…) and fails the suite if it does not succeed. */
export function runOk(wb: Workbench, ...functionNames: string[]): void {
  for (const name of functionNames) {
    const result = wb.runtime.run<{ ok: boolean; error?: { message: string } }>(name);
    if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
  }
}

/** The frame of the `seq`-th sidebar shown, once its view has finished loading. */
export async function sidebarFrame(page: Page, seq: number, view: string): Promise<Frame> {
  await page.waitForSelector(`#sidebar-frame[src="/sidebar/${seq}"]`, { state: 'attached' });
  const frame = await (await page.waitForSelector('#sidebar-frame')).contentFrame();
  if (!frame) throw new Error('sidebar frame missing');
  await frame.waitForSelector(`.view[data-view="${view}"][data-ready="true"]`);
  return frame;
}

/** Clicks an add-on menu item and returns the sidebar frame once the view has finished loading. */
export async function openSidebarFromMenu(
  page: Page,
  wb: Workbench,
  functionName: string,
  view: string,
): Promise<Frame> {
  const before = wb.runtime.ui.sidebars.length;
  await page.click('#menu-button');
  await page.click(`.menu-item[data-function="${functionName}"]`);
  await page.waitForSelector(`#sidebar-frame[src="/sidebar/${before + 1}"]`, { state: 'attached' });
  const frame = await (await page.waitForSelector('#sidebar-frame')).contentFrame();
  if (!frame) throw new Error('sidebar frame missing');
  await frame.waitForSelector(`.view[data-view="${view}"][data-ready="true"]`);
  return frame;
}

/** Waits for a message and checks it lies wholly inside its frame's viewport (the seller sees it). */
export async function inView(locator: Locator): Promise<void> {
  await locator.first().waitFor();
  const placed = await locator.first().evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
  });
  if (placed.top < 0 || placed.bottom > placed.height)
    throw new Error(`message outside the viewport: ${JSON.stringify(placed)}`);
}
