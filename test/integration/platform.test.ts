// Google's own rules on the built bundle: request bodies under the Sheets API's 2 MB recommendation
// (and far under the front end's 10 MB refusal), the per-minute Sheets API quotas, and the desk
// following the selection without spending them.
import { demoShop, tabRecords, type DemoShop } from '../support/shop';

jest.setTimeout(240_000);

function sync(shop: DemoShop) {
  return shop.rt.run<{ ok: boolean; data: { result: string; message: string; added: number } }>('syncOrders');
}

function uniquePostings(shop: DemoShop): number {
  const numbers = tabRecords(shop.rt, 'Orders').map((r) => String(r['Posting number']));
  expect(new Set(numbers).size).toBe(numbers.length);
  return numbers.length;
}

describe('request bodies', () => {
  it('a 5,000-posting first sync sends no Sheets body over 2 MB (Google refuses over 10 MB)', () => {
    const shop = demoShop({ postings: 5000, days: 20 });
    let result = sync(shop).data;
    for (let i = 0; i < 5 && result.result === 'partial'; i++) result = sync(shop).data;
    expect(result.result).toBe('done');
    const api = shop.rt.sheetsApi;
    expect(api.sizeRefusals).toBe(0);
    expect(api.maxBodyBytes).toBeGreaterThan(100_000);
    expect(api.maxBodyBytes).toBeLessThanOrEqual(2_000_000);
    expect(uniquePostings(shop)).toBeGreaterThan(4000);
  });
});

describe('Sheets API per-minute quotas', () => {
  it('a 429 in the middle of a sync: it waits and goes on, nothing is duplicated', () => {
    const shop = demoShop({ postings: 600, days: 20 });
    // Other installations of the add-on use 299 of the project's 300 writes a minute.
    shop.rt.sheetsProject.otherUsers.write = 299;
    let result = sync(shop).data;
    expect(shop.rt.sheetsApi.quotaRefusals).toBeGreaterThan(0);
    expect(result.result).not.toBe('failed');
    shop.rt.sheetsProject.otherUsers.write = 0;
    for (let i = 0; i < 3 && result.result === 'partial'; i++) result = sync(shop).data;
    expect(result.result).toBe('done');
    const inSheet = uniquePostings(shop);
    expect(inSheet).toBe(shop.sim.state.postings.size);
  });
});

describe('the desk follows the selection', () => {
  it('100 selection changes in a minute: no quota refusal, no Sheets API call, no property read', () => {
    const shop = demoShop({ postings: 300, days: 10 });
    expect(sync(shop).data.result).toBe('done');
    shop.rt.run('showOrderDesk');
    const rows = tabRecords(shop.rt, 'Orders').length;
    shop.rt.resetCounters();
    let key = '';
    let seen = 0;
    for (let i = 0; i < 100; i++) {
      const row = 2 + ((i * 7) % rows);
      shop.rt.asUser((g) => {
        const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!;
        sheet.getRange(row, 1, 1, 3).activate();
      });
      const answer = shop.rt.callFromSidebar<{ ok: boolean; data: { key: string; postings: string[] } }>(
        'pollDeskSelection',
        { known: key },
      );
      expect(answer.ok).toBe(true);
      key = answer.data.key;
      seen += answer.data.postings.length;
      shop.rt.clock.advance(600);
    }
    expect(seen).toBe(100);
    expect(shop.rt.sheetsApi.quotaRefusals).toBe(0);
    expect(shop.rt.counters.advancedSheetsCalls).toBe(0);
    expect(shop.rt.counters.propertiesCalls).toBe(0);
  });
});
