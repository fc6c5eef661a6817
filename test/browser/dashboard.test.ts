// The workbench shows what a seller would see on the Dashboard: its four charts drawn from their
// data ranges, and its pivot tables computed from their definitions over the report tabs.
import fs from 'node:fs';
import path from 'node:path';
import { openBrowserWorkbench, runOk, type BrowserWorkbench } from './support';

jest.setTimeout(180_000);

let bench: BrowserWorkbench;

beforeAll(async () => {
  bench = await openBrowserWorkbench(
    { seed: 5, postings: 60, now: Date.parse('2026-11-20T09:00:00Z') },
    (w) => runOk(w, 'syncOrders', 'buildReports'),
  );
});

afterAll(async () => {
  await bench?.close();
});

test("the Dashboard draws its charts and its pivot tables hold the reports' figures", async () => {
  const { page, wb } = bench;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.reload();
  await page.click('.tab[data-sheet="Dashboard"]');
  await page.waitForSelector('.chart-box svg.chart');
  const charts = page.locator('.chart-box svg.chart');
  expect(await charts.count()).toBe(4);
  for (let i = 0; i < 4; i++) {
    expect(await charts.nth(i).locator('.chart-title').textContent()).not.toBe('');
    expect(await charts.nth(i).locator('.chart-mark').count()).toBeGreaterThan(0);
  }
  const artifacts = path.join(__dirname, 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'en-dashboard.png') });

  const book = wb.runtime.spreadsheet;
  const sales = book.sheet('Sales').values() as unknown[][];
  const valueCol = sales[0].indexOf('Ordered value');
  const expected = sales.slice(1).reduce((s, r) => s + (Number(r[valueCol]) || 0), 0);
  expect(expected).toBeGreaterThan(0);
  const dash = book.sheet('Dashboard').values() as unknown[][];
  expect(dash.some((r) => r[0] === 'SUM of Ordered value')).toBe(true);
  // The months pivot sits in columns A–J; the products pivot starts at K.
  const grand = dash.find((r) => r[0] === 'Grand Total') ?? [];
  const total = Number(
    grand
      .slice(0, 10)
      .filter((v) => typeof v === 'number')
      .pop(),
  );
  expect(total).toBeCloseTo(expected, 2);
});
