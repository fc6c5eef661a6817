// Shared set-up for the browser tests: headless Chromium that can only reach 127.0.0.1, and a private
// copy of dist/ (other work in the same checkout may rebuild dist/ while the tests run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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
