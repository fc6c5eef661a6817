// Point 1, Push stock: the seller sorts, inserts or deletes Inventory rows while a push works (between
// its read, its calls to Ozon and its write). A hook in the runtime makes one such edit between every
// pair of the push's service calls; after each push every Inventory cell is on its own offer's row,
// "Ozon stock" and "Pushed stock" hold what Ozon has, and the ledger holds only moves Ozon caused.
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { deleteRow, insertRows, sortBy } from '../../support/seller';
import { inventoryProblems, ledgerProblems, ordersProblems } from './invariants';

jest.setTimeout(600_000);

type Edit = 'sort' | 'insert' | 'delete';

function run(shop: DemoShop, fn: string) {
  const result = shop.rt.run<{ ok: boolean; data: unknown; error?: { message: string } }>(fn);
  if (!result.ok) throw new Error(`${fn}: ${result.error?.message}`);
  return result.data;
}

function edit(shop: DemoShop, kind: Edit, k: number) {
  const { rt } = shop;
  if (kind === 'sort') sortBy(rt, 'Inventory', k % 2 ? 'Available' : 'Product name', k % 4 < 2);
  else if (kind === 'insert') insertRows(rt, 'Inventory', 2 + ((k * 7) % 30), 1 + (k % 3));
  else deleteRow(rt, 'Inventory', 2 + ((k * 11) % 40));
}

/** Receipts for a few offers, so the next push has new figures to send. */
function receive(shop: DemoShop, k: number) {
  const offers = tabRecords(shop.rt, 'Inventory').map((r) => String(r['Offer ID']));
  for (let i = 0; i < 3; i++) {
    const offerId = offers[(k * 5 + i * 13) % offers.length];
    const result = shop.rt.callFromSidebar<{ ok: boolean }>('recordStockMove', {
      offerId,
      reason: 'receipt',
      quantity: 1 + ((k + i) % 4),
    });
    expect([offerId, result]).toEqual([offerId, expect.objectContaining({ ok: true })]);
  }
}

describe('Push stock while the seller edits Inventory', () => {
  test('a sort, an insert and a delete between every pair of service calls of a push', () => {
    const shop = demoShop({ products: 60, postings: 120, days: 10, warehouses: 1 });
    run(shop, 'importProducts');
    run(shop, 'syncOrders');
    run(shop, 'pushStockToOzon');
    expect(inventoryProblems(shop, { afterPush: true })).toEqual([]);

    // How many service calls a push makes.
    receive(shop, 0);
    let calls = 0;
    shop.rt.onServiceCall(() => calls++);
    run(shop, 'pushStockToOzon');
    shop.rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(8);

    for (let k = 0; k <= calls + 2; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        shop.rt.clock.advance(31_000);
        receive(shop, k);
        shop.rt.onServiceCall((call) => {
          if (call.index === k) edit(shop, kind, k);
        });
        const pushed = run(shop, 'pushStockToOzon') as { failed: unknown[]; skipped: { offerId: string }[] };
        // A row deleted before the push read it has lost its warehouse: the push skips it, and says so.
        const notPushed = new Set(pushed.skipped.map((s) => s.offerId));
        shop.rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        expect([label, pushed.failed]).toEqual([label, []]);
        // A row deleted after the push's last read is the seller's act after the run.
        expect([
          label,
          inventoryProblems(shop, { afterPush: true, mayMiss: kind === 'delete' ? 1 : 0, notPushed }),
        ]).toEqual([label, []]);
        expect([label, [...ledgerProblems(shop), ...ordersProblems(shop)]]).toEqual([label, []]);
        if (kind === 'delete') {
          run(shop, 'refreshInventory');
          expect([label, inventoryProblems(shop)]).toEqual([label, []]);
        }
      }
    }
  });
});
