// Triggers are per document: one seller with two spreadsheets has one hourly trigger in each, and
// Google does not say whether an add-on's time-driven run has an active document, so the hourly run
// must find its spreadsheet from the trigger.
import { demoShop, tabRecords, type DemoShop } from '../support/shop';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const SETTINGS = { lookbackDays: 30, autoSync: true, digest: false };

function autoSync(shop: DemoShop, on: boolean): void {
  const answer = shop.rt.callFromSidebar<{ ok: boolean; data: { autoSync: boolean } }>('saveSyncSettings', {
    ...SETTINGS,
    autoSync: on,
  });
  expect(answer).toMatchObject({ ok: true, data: { autoSync: on } });
}

function hourlyIn(shop: DemoShop): string[] {
  return shop.rt.triggers
    .filter((t) => t.handlerFunction === 'onHourlyTrigger' && t.document === shop.rt.spreadsheet.id)
    .map((t) => t.uid);
}

function twoSpreadsheets(): [DemoShop, DemoShop] {
  const a = demoShop(
    { postings: 60 },
    { spreadsheetId: '1SpreadsheetOfShopA', freshGlobalsPerExecution: true },
  );
  const b = demoShop(
    { postings: 60 },
    { spreadsheetId: '1SpreadsheetOfShopB', sameUserAs: a.rt, freshGlobalsPerExecution: true },
  );
  return [a, b];
}

describe('hourly triggers per document', () => {
  it('one user, two spreadsheets: each keeps its own trigger; switching one off leaves the other', () => {
    const [a, b] = twoSpreadsheets();
    autoSync(a, true);
    autoSync(b, true);
    autoSync(b, true); // twice never makes two
    expect(hourlyIn(a)).toHaveLength(1);
    expect(hourlyIn(b)).toHaveLength(1);
    expect(a.rt.triggers).toHaveLength(2); // the project listing holds both documents' triggers
    const settingsB = b.rt.callFromSidebar<{ data: { autoSync: boolean } }>('getSyncSettings');
    expect(settingsB.data.autoSync).toBe(true);

    autoSync(a, false);
    expect(hourlyIn(a)).toHaveLength(0);
    expect(hourlyIn(b)).toHaveLength(1);
    expect(a.rt.callFromSidebar<{ data: { autoSync: boolean } }>('getSyncSettings').data.autoSync).toBe(
      false,
    );
    expect(b.rt.callFromSidebar<{ data: { autoSync: boolean } }>('getSyncSettings').data.autoSync).toBe(true);
  });

  it('an hourly run with no active document syncs the right spreadsheet', () => {
    const [a, b] = twoSpreadsheets();
    autoSync(a, true);
    autoSync(b, true);
    b.rt.clock.advance(HOUR + 60_000);
    const runs = b.rt.fireTimeTriggers({ withDocument: false });
    expect(runs).toHaveLength(1); // only this spreadsheet's trigger
    expect(runs[0].error).toBeUndefined();
    expect(tabRecords(b.rt, 'Orders').length).toBeGreaterThan(40);
    expect(tabRecords(b.rt, 'Sync log')[0]).toMatchObject({ Source: 'hourly trigger', Result: 'ok' });
    expect(a.rt.spreadsheet.sheetNames()).not.toContain('Orders');
    // The next run (still without a document) continues from the saved state: nothing new is added twice.
    const rows = tabRecords(b.rt, 'Orders').length;
    b.rt.clock.advance(HOUR);
    expect(b.rt.fireTimeTriggers({ withDocument: false })[0].error).toBeUndefined();
    const numbers = tabRecords(b.rt, 'Orders').map((r) => r['Posting number']);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(rows);
  });

  it('the same hourly run with an active document works too', () => {
    const [, b] = twoSpreadsheets();
    autoSync(b, true);
    b.rt.clock.advance(HOUR + 60_000);
    expect(b.rt.fireTimeTriggers({ withDocument: true })[0].error).toBeUndefined();
    expect(tabRecords(b.rt, 'Orders').length).toBeGreaterThan(40);
  });
});
