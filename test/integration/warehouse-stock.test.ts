// Several own warehouses: per-warehouse stock from /v1/product/info/stocks-by-warehouse/fbs (not the
// deprecated warehouse_ids), one Inventory row per offer and a Warehouse stock row per offer × warehouse,
// each warehouse pushed its own figure, never a warehouse the product is missing from.
import { demoShop, tabRecords, type Runtime } from '../support/shop';

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function run<T>(rt: Runtime, name: string): T {
  const r = rt.run<Result<T>>(name);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

describe('stock per warehouse', () => {
  test('a seller with three warehouses pushes to each its own figure, and not where a product is missing', () => {
    const { rt, sim } = demoShop({ postings: 60, products: 12, warehouses: 3, unlistedShare: 0.25 });
    const warehouses = sim.state.warehouses;
    expect(warehouses).toHaveLength(3);
    // Ozon no longer fills the deprecated field: the add-on must not need it.
    sim.setDeprecatedWarehouseIds(false);
    run(rt, 'syncOrders');
    run(rt, 'importProducts');

    const products = sim.state.products.filter((p) => !p.archived);
    const listed = new Set<string>();
    const missing: { productId: number; warehouseId: number; offerId: string }[] = [];
    for (const p of products)
      for (const w of warehouses) {
        if (sim.state.stocks.has(`${p.productId}:${w.id}`)) listed.add(`${p.offerId}@${w.id}`);
        else missing.push({ productId: p.productId, warehouseId: w.id, offerId: p.offerId });
      }
    expect(missing.length).toBeGreaterThan(0);

    const inventory = tabRecords(rt, 'Inventory');
    // One Inventory row per offer, whatever the number of warehouses.
    const offers = inventory.map((r) => String(r['Offer ID']));
    expect(new Set(offers).size).toBe(offers.length);
    for (const p of products) expect(offers).toContain(p.offerId);
    let rows = tabRecords(rt, 'Warehouse stock');
    expect(new Set(rows.map((r) => String(r['Row key'])))).toEqual(listed);
    for (const r of rows) {
      const w = warehouses.find((x) => String(x.id) === String(r['Warehouse ID']))!;
      expect(r['Warehouse']).toBe(w.name);
      const product = sim.state.productsByOffer.get(String(r['Offer ID']))!;
      expect(r['Ozon stock here']).toBe(sim.state.stocks.get(`${product.productId}:${w.id}`)!.present);
    }

    // The seller counts one offer that is at all three warehouses: 11, 22 and 33 on the shelves.
    const everywhere = products.find((p) => warehouses.every((w) => listed.has(`${p.offerId}@${w.id}`)))!;
    const sheet = rt.spreadsheet.sheet('Warehouse stock');
    const header = sheet.values()[0] as string[];
    const keyCol = header.indexOf('Row key');
    const onHandCol = header.indexOf('On hand here');
    const values = sheet.values() as unknown[][];
    warehouses.forEach((w, k) => {
      const r = values.findIndex((row) => row[keyCol] === `${everywhere.offerId}@${w.id}`);
      sheet.setCell(r, onHandCol, { v: 11 * (k + 1) });
    });

    rt.clock.advance(60_000);
    run(rt, 'pushStockToOzon');
    rows = tabRecords(rt, 'Warehouse stock');
    for (const r of rows) {
      const product = sim.state.productsByOffer.get(String(r['Offer ID']))!;
      const cell = sim.state.stocks.get(`${product.productId}:${r['Warehouse ID']}`)!;
      // Ozon's free stock at that warehouse is the row's own available figure.
      expect([r['Row key'], cell.present - cell.reserved]).toEqual([
        r['Row key'],
        Math.max(0, r['Available here'] as number),
      ]);
      expect(cell.updatedAt).toBeGreaterThan(0);
    }
    warehouses.forEach((w, k) => {
      const r = rows.find((x) => x['Row key'] === `${everywhere.offerId}@${w.id}`)!;
      expect(r['On hand here']).toBe(11 * (k + 1));
      expect(r['Available here']).toBe(11 * (k + 1) - (r['Reserved here'] as number));
    });
    // A product missing from a warehouse is never pushed there.
    for (const m of missing) expect(sim.state.stocks.has(`${m.productId}:${m.warehouseId}`)).toBe(false);
  });

  test('shipments from a warehouse move that warehouse’s row, as the ledger records them', () => {
    const { rt, sim } = demoShop({ postings: 150, products: 10, warehouses: 3, unlistedShare: 0.2 });
    run(rt, 'importProducts');
    const before = new Map(
      tabRecords(rt, 'Warehouse stock').map((r) => [String(r['Row key']), r['On hand here'] as number]),
    );
    run(rt, 'syncOrders');
    run(rt, 'refreshInventory');
    const orders = new Map(
      tabRecords(rt, 'Orders').map((o) => [String(o['Posting number']), String(o['Warehouse'])]),
    );
    const moved = new Map<string, number>();
    for (const m of tabRecords(rt, 'Stock moves')) {
      const wh = orders.get(String(m['Reference']));
      if (!wh) continue;
      const w = sim.state.warehouses.find((x) => x.name === wh)!;
      const key = `${m['Offer ID']}@${w.id}`;
      moved.set(key, (moved.get(key) ?? 0) + (m['Quantity'] as number));
    }
    expect([...moved.values()].some((q) => q < 0)).toBe(true);
    for (const r of tabRecords(rt, 'Warehouse stock')) {
      const key = String(r['Row key']);
      expect([key, r['On hand here']]).toEqual([key, (before.get(key) ?? 0) + (moved.get(key) ?? 0)]);
    }
  });
});
