// Ozon stock & replenishment through the built bundle: the Ozon stock, Replenishment and Supply requests
// tabs and Inventory's FBO columns against the simulator's ground truth.
import { demoShop, tabRecords, type Runtime } from '../support/shop';

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Summary {
  cells: number;
  supplies: number;
  openSupplies: number;
  turnoverPending: number;
  message: string;
}

function refresh(rt: Runtime): Summary {
  const r = rt.run<Result<Summary>>('refreshOzonStock');
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

const OPEN = new Set([
  'DATA_FILLING',
  'READY_TO_SUPPLY',
  'ACCEPTED_AT_SUPPLY_WAREHOUSE',
  'IN_TRANSIT',
  'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
]);

describe('Ozon stock & replenishment', () => {
  test('Ozon stock figures equal the simulator’s ground truth, incoming counted once', () => {
    const { rt, sim } = demoShop({ postings: 40, products: 40, clusters: 6 });
    expect(rt.run<Result<unknown>>('importProducts').ok).toBe(true);
    const summary = refresh(rt);
    const fbo = sim.fboStock;
    const cells = sim.state.products.filter((p) => !p.archived).flatMap((p) => fbo.cellsOf(p.sku));
    expect(summary.cells).toBe(cells.length);
    expect(summary.supplies).toBe(fbo.orders.length);

    const rows = new Map(tabRecords(rt, 'Ozon stock').map((r) => [String(r['Row key']), r]));
    expect(rows.size).toBe(cells.length);
    let moving = 0;
    for (const c of cells) {
      const row = rows.get(`${c.sku}/${c.clusterId}`)!;
      const incoming = fbo.incoming(c.sku, c.clusterId);
      const product = sim.state.productsBySku.get(c.sku)!;
      expect(row).toMatchObject({
        SKU: String(c.sku),
        'Offer ID': product.offerId,
        Cluster: fbo.clusters.find((k) => k.id === c.clusterId)!.name,
        Available: c.available,
        'In transit': incoming.transit,
        'In supply requests': incoming.requested,
        // The supply requests and the analytics name the same units: counted once, not twice.
        'Incoming (counted once)': incoming.transit + incoming.requested,
        Excess: c.excess,
        Expiring: c.expiring,
        Defective: c.defect,
        'Avg daily sales': c.adsCluster,
        'Days without sales': c.daysWithoutSales,
      });
      if (c.adsCluster > 0)
        expect(row['Days of cover']).toBe(Math.round((c.available / c.adsCluster) * 10) / 10);
      else expect(row['Days of cover']).toBe('');
      if (incoming.transit + incoming.requested > 0) moving++;
    }
    expect(moving).toBeGreaterThan(0);

    // Inventory: FBO stock and days of cover for every offer it lists.
    const inventory = tabRecords(rt, 'Inventory');
    for (const row of inventory) {
      const product = sim.state.productsByOffer.get(String(row['Offer ID']))!;
      const own = fbo.cellsOf(product.sku);
      expect(row['FBO stock']).toBe(own.reduce((n, c) => n + c.available, 0));
      const perDay = own.reduce((n, c) => n + c.adsCluster, 0);
      if (perDay > 0) expect(row['FBO days of cover']).toBeCloseTo((row['FBO stock'] as number) / perDay, 0);
      else expect(row['FBO days of cover']).toBe('');
    }

    // Supply requests with their status; open ones are counted as incoming.
    const supplies = tabRecords(rt, 'Supply requests');
    expect(supplies).toHaveLength(fbo.orders.length);
    for (const o of fbo.orders) {
      const row = supplies.find((s) => s['Supply request'] === o.orderNumber)!;
      expect(row['Status code']).toBe(o.state);
      expect(row['Units']).toBe(o.supplies[0].items.reduce((n, i) => n + i.quantity, 0));
    }
    expect(summary.openSupplies).toBe(fbo.orders.filter((o) => OPEN.has(o.state)).length);
  });

  test('replenishment: days of cover left and the quantity to reach the target, the seller’s own target kept', () => {
    const { rt, sim } = demoShop({ postings: 40, products: 30, clusters: 4 });
    refresh(rt);
    const fbo = sim.fboStock;
    const expectToSend = (row: Record<string, unknown>, target: number) => {
      const [offer, cluster] = String(row['Row key']).split('/');
      const product = sim.state.productsByOffer.get(offer)!;
      const c = fbo.cells.get(`${product.sku}:${cluster}`)!;
      const inc = fbo.incoming(product.sku, c.clusterId);
      const want =
        c.adsCluster > 0
          ? Math.max(0, Math.ceil(target * c.adsCluster - c.available - inc.transit - inc.requested))
          : 0;
      expect([row['Row key'], row['To send']]).toEqual([row['Row key'], want]);
      expect(row['Target used']).toBe(target);
    };
    let lines = tabRecords(rt, 'Replenishment');
    expect(lines.length).toBe(
      fbo.cells.size -
        [...fbo.cells.values()].filter((c) => sim.state.productsBySku.get(c.sku)!.archived).length,
    );
    for (const row of lines) expectToSend(row, 28);
    expect(lines.some((r) => (r['To send'] as number) > 0)).toBe(true);

    // The seller types a 60-day target on one row; the default becomes 10 days.
    const sheet = rt.spreadsheet.sheet('Replenishment');
    const header = sheet.values()[0] as string[];
    const values = sheet.values() as unknown[][];
    const keyCol = header.indexOf('Row key');
    const targetCol = header.indexOf('Target cover, days');
    const chosen = String(values[1][keyCol]);
    sheet.setCell(1, targetCol, { v: 60 });
    rt.properties.document.set('ODESK_TARGET_COVER_DAYS', '10');
    rt.clock.advance(120_000);
    refresh(rt);
    lines = tabRecords(rt, 'Replenishment');
    for (const row of lines) expectToSend(row, String(row['Row key']) === chosen ? 60 : 10);
  });

  test('the hourly run refreshes Ozon stock once a day, only for a seller who uses it, with or without an active document', () => {
    // Fresh globals per execution: what one run leaves in memory never helps the next.
    const { rt, sim } = demoShop(
      { postings: 40, products: 12, clusters: 3 },
      { freshGlobalsPerExecution: true },
    );
    const autoSync = rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', {
      lookbackDays: 30,
      autoSync: true,
      digest: false,
    });
    expect(autoSync.ok).toBe(true);
    const hourly = (withDocument: boolean) => {
      rt.clock.advance(3_600_000 + 60_000);
      const runs = rt.fireTimeTriggers({ withDocument });
      expect(runs).toHaveLength(1);
      expect(runs[0].error).toBeUndefined();
    };
    const stockLog = () =>
      tabRecords(rt, 'Sync log').filter((r) => String(r['Source']).startsWith('Ozon stock'));

    // Never refreshed from the menu: the hourly run leaves Ozon stock alone.
    hourly(false);
    expect(rt.spreadsheet.sheetNames()).not.toContain('Ozon stock');
    expect(stockLog()).toEqual([]);

    refresh(rt);
    const [cell] = [...sim.fboStock.cells.values()].filter(
      (c) => !sim.state.productsBySku.get(c.sku)!.archived,
    );
    const key = `${cell.sku}/${cell.clusterId}`;
    const availableOf = () =>
      tabRecords(rt, 'Ozon stock').find((r) => String(r['Row key']) === key)!['Available'];
    expect(availableOf()).toBe(cell.available);
    cell.available += 17;

    // Later the same day: not refreshed again.
    hourly(false);
    expect(availableOf()).toBe(cell.available - 17);
    expect(stockLog()).toEqual([]);

    // The next day, with no active document: refreshed once, and logged.
    rt.clock.advance(24 * 3_600_000);
    hourly(false);
    expect(availableOf()).toBe(cell.available);
    expect(stockLog()).toEqual([
      expect.objectContaining({ Source: 'Ozon stock (hourly trigger)', Result: 'ok' }),
    ]);
    hourly(true);
    expect(stockLog()).toHaveLength(1);

    // A day when Ozon refuses: the Sync log says so in words, and the orders sync is not affected.
    rt.clock.advance(24 * 3_600_000);
    sim.setRoles(['Posting FBS', 'Posting FBO', 'Posting FBP', 'Product', 'Warehouse']);
    hourly(true);
    const log = stockLog();
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ Result: 'failed' });
    expect(String(log[1]['Error'])).toMatch(/^Ozon stock not refreshed: \S/);
  });
});
