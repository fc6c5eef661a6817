// Point 3 (the ledger guard): with the Stock moves tab deleted, or its rows or opening counts gone,
// the inventory refuses to recompute or push, from the menu and after a sync, with a message that says
// what to do; nothing reaches Ozon. A re-import starts the ledger again, and pushes work once more.
import { demoShop, tabRecords } from '../../support/shop';

jest.setTimeout(120_000);

type Result = { ok: boolean; error?: { code: string; message: string } };

const STOCKS = '/v2/products/stocks';

describe('a deleted or damaged ledger', () => {
  test('the Stock moves tab deleted: no push from the menu or after sync until a re-import', () => {
    const { rt, sim } = demoShop({ postings: 200, products: 20, days: 10 });
    rt.properties.user.set('ODESK_LANGUAGE', 'en');
    rt.run('syncOrders');
    expect(rt.run<Result>('importProducts').ok).toBe(true);
    expect(rt.callFromSidebar<Result>('saveInventorySettings', { pushAfterSync: true }).ok).toBe(true);
    expect(rt.run<Result>('pushStockToOzon').ok).toBe(true);
    const onHand = tabRecords(rt, 'Inventory').reduce((s, r) => s + Number(r['On hand']), 0);

    rt.asUser((g) => {
      const book = g.SpreadsheetApp.getActiveSpreadsheet();
      const tab = book.getSheetByName('Stock moves');
      if (!tab) throw new Error('no Stock moves tab');
      book.deleteSheet(tab);
    });
    sim.resetStats();
    const push = rt.run<Result>('pushStockToOzon');
    expect(push.ok).toBe(false);
    expect(push.error?.code).toBe('inventory.ledgerDamaged');
    expect(push.error?.message).toContain('The Stock moves tab is missing or damaged');
    const refresh = rt.run<Result>('refreshInventory');
    expect(refresh.error?.code).toBe('inventory.ledgerDamaged');
    // The hourly run: the orders sync goes on, the push after it does not.
    rt.clock.advance(3_600_000);
    rt.run('syncOrders', [], { trigger: 'time' });
    expect(sim.stats.byPath[STOCKS] ?? 0).toBe(0);
    // … and the Sync log says why (the guard's own words), not a silent skip.
    const logged = tabRecords(rt, 'Sync log').at(-1);
    expect(logged?.['Result']).toBe('ok');
    expect(String(logged?.['Error'])).toContain('Stock was not updated after the sync');
    expect(String(logged?.['Error'])).toContain('The Stock moves tab is missing or damaged');
    expect(tabRecords(rt, 'Inventory').reduce((s, r) => s + Number(r['On hand']), 0)).toBe(onHand);

    // A re-import opens the ledger again; pushes go out once more.
    expect(rt.run<Result>('importProducts').ok).toBe(true);
    expect(rt.run<Result>('pushStockToOzon').ok).toBe(true);
    expect(sim.stats.byPath[STOCKS] ?? 0).toBeGreaterThan(0);
  });

  test('opening counts deleted from Stock moves are caught too', () => {
    const { rt, sim } = demoShop({ postings: 100, products: 10, days: 5 });
    rt.properties.user.set('ODESK_LANGUAGE', 'en');
    rt.run('syncOrders');
    expect(rt.run<Result>('importProducts').ok).toBe(true);
    rt.asUser((g) => {
      const tab = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stock moves');
      if (!tab) throw new Error('no Stock moves tab');
      tab.deleteRows(2, 3);
    });
    sim.resetStats();
    const push = rt.run<Result>('pushStockToOzon');
    expect(push.error?.code).toBe('inventory.ledgerDamaged');
    expect(sim.stats.byPath[STOCKS] ?? 0).toBe(0);
  });
});
