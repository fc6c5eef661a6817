// Point 1, a write refused mid-sync: the seller deletes a block of rows while the sync works, so
// Orders ends above rows the sync planned to update (the grid holds no spare rows) and Sheets refuses
// the whole batchUpdate. The sync plans again from a fresh read: every posting is in Orders once with
// Ozon's status, and the rows the seller deleted come back by the next sync.
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { sortBy } from '../../support/seller';
import { ordersProblems } from './invariants';

jest.setTimeout(600_000);

const BLOCK = 8;

function sync(shop: DemoShop) {
  return shop.rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncOrders');
}

/** Deletes the grid's empty rows below the data, as a seller tidying the tab does. */
function trimGrid(shop: DemoShop) {
  shop.rt.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!;
    const last = sheet.getLastRow();
    const max = sheet.getMaxRows();
    if (max > last) sheet.deleteRows(last + 1, max - last);
  });
}

/** Ozon changes the status of FBS postings in the last rows of Orders (those a block delete strands). */
function changeBottomRows(shop: DemoShop): string[] {
  // FBO postings (which Ozon ships itself) are read by creation date: the seller sorts the others last.
  sortBy(shop.rt, 'Orders', 'Schema', true);
  const numbers = tabRecords(shop.rt, 'Orders')
    .map((r) => String(r['Posting number']))
    .slice(-BLOCK);
  const changed: string[] = [];
  const now = shop.rt.clock.now();
  for (const n of numbers) {
    const p = shop.sim.state.postings.get(n);
    if (!p || p.scheme === 'fbo' || p.status === 'cancelled') continue;
    p.status = p.status === 'delivering' ? 'delivered' : 'delivering';
    p.lastChangedStatusDate = now;
    changed.push(n);
  }
  return changed;
}

describe('a write refused because the seller deleted rows meanwhile', () => {
  test('a block delete between every pair of service calls of a sync that updates the last rows', () => {
    const shop = demoShop({ postings: 80, days: 10 });
    expect(sync(shop).data.result).toBe('done');
    shop.rt.clock.advance(3_600_000);
    changeBottomRows(shop);
    let calls = 0;
    shop.rt.onServiceCall(() => calls++);
    expect(sync(shop).data.result).toBe('done');
    shop.rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(5);

    for (let k = 0; k <= calls + 1; k++) {
      shop.rt.clock.advance(3_600_000);
      trimGrid(shop);
      const changed = changeBottomRows(shop);
      expect(changed.length).toBeGreaterThan(0);
      shop.rt.onServiceCall((call) => {
        if (call.index !== k) return;
        shop.rt.asUser((g) =>
          g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!.deleteRows(2, BLOCK),
        );
      });
      const result = sync(shop);
      shop.rt.onServiceCall(undefined);
      const label = `block delete after call ${k}`;
      // A failed sync names why (a refused write read "The range is out of the grid bounds").
      const outcome = result.ok && result.data.result === 'done' ? 'done' : JSON.stringify(result);
      expect([label, outcome]).toEqual([label, 'done']);
      // Rows deleted after the sync's last read are the seller's act after the run.
      expect([label, ordersProblems(shop, BLOCK)]).toEqual([label, []]);
      shop.rt.clock.advance(60_000);
      expect(sync(shop).data.result).toBe('done');
      expect([`${label}, next sync`, ordersProblems(shop)]).toEqual([`${label}, next sync`, []]);
    }
  });
});
