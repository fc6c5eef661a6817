// Prices in Inventory through the built bundle: the import shows Ozon's prices; "Update prices" sends
// New price, My min price and quantity discounts exactly as marked, refuses below the seller's minimum
// and below cost without confirmation, shows Ozon's error on its row, changes nothing when applied
// again, and after a lost answer reads the prices back instead of sending them twice.
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';
import { callSim } from '../support/sim-call';

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Summary {
  updated: number;
  unchanged: number;
  refused: number;
  failed: number;
  items: { offerId: string; outcome: string; text: string }[];
  message: string;
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

interface OzonPrice {
  price: number;
  old_price: number;
  min_price: number;
  marketing_seller_price: number;
  currency_code: string;
}

function ozonPrice(sim: Simulator, offerId: string): OzonPrice {
  return callSim(sim, '/v5/product/info/prices', {
    filter: { offer_id: [offerId], visibility: 'ALL' },
    limit: 1,
  }).items[0].price;
}

function setCells(rt: Runtime, tab: string, cells: { row: number; header: string; value: unknown }[]) {
  const header = (rt.spreadsheet.sheet(tab).values() as unknown[][])[0];
  rt.asUser((g) => {
    const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName(tab)!;
    for (const c of cells) {
      const col = header.indexOf(c.header);
      if (col < 0) throw new Error(`${tab} has no column ${c.header}`);
      s.getRange(c.row, col + 1).setValue(c.value);
    }
  });
}

describe('prices in Inventory', () => {
  const { rt, sim, intercept } = demoShop({ postings: 200, days: 20, seed: 17, products: 30 });
  sim.setRateLimit(null);
  const rows = () => tabRecords(rt, 'Inventory');
  const rowOf = (offer: string) => rows().findIndex((r) => r['Offer ID'] === offer);
  const record = (offer: string) => rows()[rowOf(offer)];
  const mark = (offer: string, values: Record<string, unknown>) =>
    setCells(
      rt,
      'Inventory',
      Object.entries(values).map(([header, value]) => ({ row: rowOf(offer) + 2, header, value })),
    );
  const update = () => ok(rt.run<Result<Summary>>('updatePrices'));
  const stairway = (sku: string) =>
    callSim(sim, '/v1/product/stairway-discount/by-quantity/get', { skus: [sku] }).stairways[0];
  let costRow: Map<string, number>;

  beforeAll(() => {
    ok(rt.run<Result<{ result: string }>>('syncOrders'));
    ok(rt.run<Result<{ result: string }>>('updateFinance'));
    ok(rt.run<Result<{ message: string }>>('importProducts'));
    // Costs: every offer costs 1.00, so the margin is known and positive unless a test raises it.
    const costs = tabRecords(rt, 'Costs');
    costRow = new Map(costs.map((c, i) => [String(c['Offer ID']), i + 2]));
    setCells(
      rt,
      'Costs',
      [...costRow.values()].map((row) => ({ row, header: 'Cost price', value: 1 })),
    );
  });

  test('the import shows Ozon’s price, old price, min price, seller price and currency on every row', () => {
    const all = rows().filter((r) => r['Product ID']);
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      const p = ozonPrice(sim, String(r['Offer ID']));
      expect(r).toMatchObject({
        Price: p.price,
        'Old price': p.old_price,
        'Min price (Ozon)': p.min_price,
        'Price with your discounts': p.marketing_seller_price,
        Currency: p.currency_code,
      });
      expect(r['Prices checked at']).toBeInstanceOf(Date);
    }
  });

  describe('Update prices', () => {
    let offers: string[];
    let before: Map<string, OzonPrice>;
    let first: Summary;
    const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7];

    beforeAll(() => {
      ok(rt.run<Result<{ message: string }>>('refreshPrices'));
      offers = rows()
        .filter((r) => r['Product ID'] && costRow.has(String(r['Offer ID'])) && Number(r.Price) >= 400)
        .filter((r) => Number(r['Old price']) > Number(r.Price) * 1.1)
        .map((r) => String(r['Offer ID']));
      expect(offers.length).toBeGreaterThanOrEqual(8);
      before = new Map(offers.map((o) => [o, ozonPrice(sim, o)]));
      const p = (k: number) => before.get(offers[k])!;
      // D and E cost far more than any price.
      setCells(rt, 'Costs', [
        { row: costRow.get(offers[D])!, header: 'Cost price', value: 900000 },
        { row: costRow.get(offers[E])!, header: 'Cost price', value: 900000 },
      ]);
      mark(offers[A], { 'New price': p(A).price - 5 });
      mark(offers[B], { 'New price': p(B).min_price - 1 });
      mark(offers[C], { 'New price': p(C).price - 5, 'My min price': p(C).price });
      mark(offers[D], { 'New price': p(D).price - 5 });
      mark(offers[E], { 'New price': p(E).price - 5, 'Confirm below cost': 'да' });
      mark(offers[F], { 'New price': p(F).old_price });
      mark(offers[G], { 'Discount from qty': 3, 'Qty discount %': 5 });
      mark(offers[H], { 'Discount from qty': 1, 'Qty discount %': 5 });
      sim.resetStats();
      first = update();
    });

    test('prices change at Ozon exactly as marked; below the minimum or below cost nothing goes out', () => {
      const now = (k: number) => ozonPrice(sim, offers[k]).price;
      expect(now(A)).toBe(before.get(offers[A])!.price - 5);
      expect(now(E)).toBe(before.get(offers[E])!.price - 5);
      for (const k of [B, C, D, F, G, H]) expect(now(k)).toBe(before.get(offers[k])!.price);
      expect(sim.stats.byPath['/v1/product/import/prices']).toBe(1);
      expect(first).toMatchObject({ updated: 3, refused: 4, failed: 1 });
      expect(String(record(offers[A])['Price result'])).toMatch(/^price [\d.]+ RUB set at Ozon$/);
      expect(record(offers[A]).Price).toBe(before.get(offers[A])!.price - 5);
      expect(String(record(offers[B])['Price result'])).toMatch(/below your minimum price/);
      expect(String(record(offers[C])['Price result'])).toMatch(/below your minimum price/);
      expect(String(record(offers[D])['Price result'])).toMatch(/you lose [\d.]+ a unit/);
    });

    test('a quantity discount goes to Ozon as marked; a bad one is refused here', () => {
      const sku = String(record(offers[G]).SKU);
      expect(stairway(sku)).toMatchObject({
        enabled: true,
        stairway: { steps: [{ step: 1, quantity: 3, discount: 5 }] },
      });
      expect(record(offers[G])['Quantity discount']).toBe('from 3 pcs −5%');
      expect(String(record(offers[G])['Price result'])).toBe('quantity discount from 3 pcs −5% set at Ozon');
      expect(String(record(offers[H])['Price result'])).toMatch(/^quantity discount not sent: from 2 units/);
      expect(stairway(String(record(offers[H]).SKU)).enabled).toBe(false);
    });

    test('Ozon’s error for an item is shown on its row', () => {
      expect(String(record(offers[F])['Price result'])).toMatch(/^Ozon refused: OLD_PRICE_NOT_ABOVE_PRICE/);
    });

    test('what was applied is cleared; what was refused stays for the seller to fix', () => {
      expect(record(offers[A])['New price']).toBe('');
      expect(record(offers[E])['New price']).toBe('');
      expect(record(offers[G])['Discount from qty']).toBe('');
      expect(Number(record(offers[B])['New price'])).toBe(before.get(offers[B])!.min_price - 1);
      expect(Number(record(offers[D])['New price'])).toBe(before.get(offers[D])!.price - 5);
      expect(Number(record(offers[H])['Discount from qty'])).toBe(1);
    });

    test('re-applying changes nothing at Ozon and sends nothing', () => {
      for (const k of [B, C, D, F, H])
        mark(offers[k], {
          'New price': '',
          'My min price': '',
          'Discount from qty': '',
          'Qty discount %': '',
        });
      const a = before.get(offers[A])!.price - 5;
      mark(offers[A], { 'New price': a });
      mark(offers[G], { 'Discount from qty': 3, 'Qty discount %': 5 });
      const snapshot = offers.map((o) => ozonPrice(sim, o));
      sim.resetStats();
      const again = update();
      expect(sim.stats.byPath['/v1/product/import/prices'] ?? 0).toBe(0);
      expect(sim.stats.byPath['/v1/product/stairway-discount/by-quantity/set'] ?? 0).toBe(0);
      expect(offers.map((o) => ozonPrice(sim, o))).toEqual(snapshot);
      expect(again).toMatchObject({ updated: 0, unchanged: 2, refused: 0, failed: 0 });
      expect(String(record(offers[A])['Price result'])).toBe('Ozon already has this price: nothing sent');
      expect(record(offers[A])['New price']).toBe('');
      sim.resetStats();
      expect(update().message).toMatch(/^No Inventory row has/);
      expect(sim.stats.byPath['/v5/product/info/prices'] ?? 0).toBe(0);
    });

    test('a lost answer is not re-sent: Ozon’s prices are read back and the row says what happened', () => {
      const target = offers[B];
      const want = before.get(target)!.price - 7;
      mark(target, { 'New price': want });
      sim.loseAnswer('/v1/product/import/prices');
      sim.resetStats();
      const s = update();
      expect(sim.stats.byPath['/v1/product/import/prices']).toBe(1);
      expect(ozonPrice(sim, target).price).toBe(want);
      expect(s.updated).toBe(1);
      expect(String(record(target)['Price result'])).toMatch(/answer was lost; checked at Ozon/);
      expect(record(target)['New price']).toBe('');
      expect(record(target).Price).toBe(want);
    });

    test('a lost answer to a quantity discount is read back too', () => {
      mark(offers[H], { 'Discount from qty': 4, 'Qty discount %': 7 });
      sim.loseAnswer('/v1/product/stairway-discount/by-quantity/set');
      sim.resetStats();
      update();
      expect(sim.stats.byPath['/v1/product/stairway-discount/by-quantity/set']).toBe(1);
      expect(stairway(String(record(offers[H]).SKU)).stairway.steps).toEqual([
        { step: 1, quantity: 4, discount: 7 },
      ]);
      expect(String(record(offers[H])['Price result'])).toMatch(/answer was lost; checked at Ozon/);
    });

    test('without Ozon’s quantity discounts (a key without the role), prices still go out and the row says why', () => {
      const target = offers[C];
      const want = before.get(target)!.price - 9;
      mark(target, { 'New price': want, 'My min price': '', 'Discount from qty': 5, 'Qty discount %': 6 });
      const shown = record(target)['Quantity discount'];
      intercept((req, pass) =>
        req.url.endsWith('/v1/product/stairway-discount/by-quantity/get')
          ? {
              status: 403,
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                code: 7,
                message: 'Api-Key is missing a required role for a method',
                details: [],
              }),
            }
          : pass(req),
      );
      try {
        sim.resetStats();
        const s = update();
        expect(s.failed).toBe(1);
      } finally {
        intercept(undefined);
      }
      expect(ozonPrice(sim, target).price).toBe(want);
      expect(sim.stats.byPath['/v1/product/stairway-discount/by-quantity/set'] ?? 0).toBe(0);
      expect(String(record(target)['Price result'])).toMatch(/^price [\d.]+ RUB set at Ozon; not done: /);
      expect(record(target)['Quantity discount']).toBe(shown);
      expect(record(target)['New price']).toBe('');
      expect(Number(record(target)['Discount from qty'])).toBe(5);
    });
  });
});
