// Point 1: the seller sorts, inserts and deletes rows while a sync works. A hook in the runtime runs
// one such edit between every pair of the sync's service calls; after each sync every posting is in
// Orders exactly once with Ozon's status, and the seller's own notes stay on their postings.
import { expectEachEqual } from '../../support/expect-each';
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { deleteRow, insertRows, setCell, sortBy } from '../../support/seller';
import { inventoryProblems, ledgerProblems, ordersProblems } from './invariants';

jest.setTimeout(600_000);

type Edit = 'sort' | 'insert' | 'delete';

function sync(shop: DemoShop) {
  return shop.rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncOrders');
}

/** Every posting Ozon settled before the last sync's mark is in Orders once, with its status. */
function expectOrdersMatchOzon(shop: DemoShop, label: string, mayMiss = 0) {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const row of tabRecords(shop.rt, 'Orders')) {
    const key = String(row['Posting number']);
    if (!key) continue;
    if (seen.has(key)) duplicates.push(key);
    seen.set(key, String(row['Status code']));
  }
  expect([label, duplicates]).toEqual([label, []]);
  const mark = JSON.parse(shop.rt.properties.document.get('ODESK_SYNC_MARK') as string) as { to: string };
  const asOf = Date.parse(mark.to);
  const wrong: string[] = [];
  let missing = 0;
  for (const posting of shop.sim.state.postings.values()) {
    if (posting.lastChangedStatusDate > asOf) continue;
    const status = seen.get(posting.postingNumber);
    if (status === undefined) missing++;
    else if (status !== posting.status) wrong.push(`${posting.postingNumber}: ${status} ≠ ${posting.status}`);
  }
  expect([label, wrong.slice(0, 5), wrong.length]).toEqual([label, [], 0]);
  expect([label, missing <= mayMiss]).toEqual([label, true]);
  expectEachEqual(seen.keys(), (key) => [
    [key, shop.sim.state.postings.has(key)],
    [key, true],
  ]);
}

/** Notes typed by the seller travel with their rows. */
function expectNotesOnTheirRows(shop: DemoShop, label: string) {
  const wrong = tabRecords(shop.rt, 'Orders').filter(
    (row) => row['Note'] !== '' && row['Note'] !== `note ${String(row['Posting number'])}`,
  );
  expect([label, wrong.length]).toEqual([label, 0]);
}

function edit(shop: DemoShop, kind: Edit, k: number) {
  const { rt } = shop;
  if (kind === 'sort') sortBy(rt, 'Orders', k % 2 ? 'Total' : 'Buyer', k % 4 < 2);
  else if (kind === 'insert') insertRows(rt, 'Orders', 2 + ((k * 7) % 40), 1 + (k % 3));
  else deleteRow(rt, 'Orders', 2 + ((k * 11) % 60));
}

describe('edits while a run works', () => {
  test('a sort, an insert and a delete between every pair of service calls of a sync', () => {
    const shop = demoShop({ postings: 160, days: 10 });
    expect(sync(shop).data.result).toBe('done');
    const numbers = tabRecords(shop.rt, 'Orders').map((r) => String(r['Posting number']));
    for (const number of numbers.slice(0, 40))
      setCell(shop.rt, 'Orders', 'Posting number', number, 'Note', `note ${number}`);

    // How many service calls an hourly sync makes.
    shop.sim.advance(1);
    let calls = 0;
    shop.rt.onServiceCall(() => calls++);
    expect(sync(shop).data.result).toBe('done');
    shop.rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(5);

    for (let k = 0; k <= calls + 2; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        shop.sim.advance(1);
        shop.rt.clock.advance(3_600_000);
        shop.rt.onServiceCall((call) => {
          if (call.index === k) edit(shop, kind, k);
        });
        const result = sync(shop);
        shop.rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        expect([label, result.ok && result.data.result]).toEqual([label, 'done']);
        // A row deleted after the sync's last read of the tab is the seller's act after the run: the
        // next sync brings it back. Nothing else may be missing, wrong or doubled at any point.
        expectOrdersMatchOzon(shop, label, kind === 'delete' ? 1 : 0);
        expectNotesOnTheirRows(shop, label);
        if (kind === 'delete') {
          shop.rt.clock.advance(60_000);
          expect(sync(shop).data.result).toBe('done');
          expectOrdersMatchOzon(shop, `${label}, next sync`);
        }
      }
    }
  });

  // The sync with the inventory in use: after the orders land, the ledger's pass reads Orders and Order
  // lines and the push after sync sends Ozon its figures. Edits of either tab at any call of that run
  // must not book a move Ozon did not make, nor leave a posting out of Orders.
  test('a sort, an insert and a delete between every pair of service calls of a sync that keeps the ledger', () => {
    const shop = demoShop({ postings: 60, products: 12, days: 7, warehouses: 1 });
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
    expect(sync(shop).data.result).toBe('done');
    expect(shop.rt.run<{ ok: boolean }>('importProducts').ok).toBe(true);
    expect(
      shop.rt.callFromSidebar<{ ok: boolean }>('saveInventorySettings', { pushAfterSync: true }).ok,
    ).toBe(true);
    shop.sim.advance(1);
    let calls = 0;
    shop.rt.onServiceCall(() => calls++);
    expect(sync(shop).data.result).toBe('done');
    shop.rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(10);

    for (let k = 0; k <= calls + 2; k++) {
      const tab = k % 2 ? 'Order lines' : 'Orders';
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        shop.sim.advance(1);
        shop.rt.clock.advance(3_600_000);
        shop.rt.onServiceCall((call) => {
          if (call.index !== k) return;
          if (kind === 'sort') sortBy(shop.rt, tab, tab === 'Orders' ? 'Total' : 'Quantity', k % 4 < 2);
          else if (kind === 'insert') insertRows(shop.rt, tab, 2 + ((k * 7) % 30), 1 + (k % 3));
          else deleteRow(shop.rt, tab, 2 + ((k * 11) % 40));
        });
        const result = sync(shop);
        shop.rt.onServiceCall(undefined);
        const label = `${kind} ${tab} after call ${k}`;
        expect([label, result.ok && result.data.result]).toEqual([label, 'done']);
        const missing = kind === 'delete' && tab === 'Orders' ? 1 : 0;
        expect([label, [...ordersProblems(shop, missing), ...ledgerProblems(shop)]]).toEqual([label, []]);
        if (kind === 'delete') {
          shop.rt.clock.advance(60_000);
          expect(sync(shop).data.result).toBe('done');
          const problems = [...ordersProblems(shop), ...ledgerProblems(shop), ...inventoryProblems(shop)];
          expect([`${label}, next sync`, problems]).toEqual([`${label}, next sync`, []]);
        }
      }
    }
  });
});
