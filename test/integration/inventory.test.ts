// Inventory against the built bundle in the local runtime, with the Ozon simulator behind UrlFetch:
// import twice, orders → shipment moves exactly once, push batching and per-item errors, entries.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRuntime, type Runtime } from '../../runtime';
import { createSimulator, type Simulator } from '../../simulator';
import { expectEachEqual } from '../support/expect-each';
import { t } from '../../src/core/i18n/messages';
import { API_KEY_KEY, CLIENT_ID_KEY } from '../../src/settings/credentials';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const NOW = Date.parse('2026-11-20T09:00:00Z');

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'Code.js')))
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
}, 120_000);

type Result<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

function setup(products: number, postings: number, warehouses = 3): { rt: Runtime; sim: Simulator } {
  const sim = createSimulator({ seed: 7, products, postings, days: 20, now: NOW, warehouses });
  const rt = createRuntime({ distDir: dist, fetch: (req) => sim.handle(req), startTime: NOW });
  sim.setClock(() => rt.clock.now());
  rt.properties.user.set(CLIENT_ID_KEY, sim.credentials.clientId);
  rt.properties.user.set(API_KEY_KEY, sim.credentials.apiKey);
  return { rt, sim };
}

/** A tab as objects keyed by header text. */
function table(rt: Runtime, name: string): Record<string, unknown>[] {
  const sheet = rt.spreadsheet.byName(name);
  if (!sheet) return [];
  const [header, ...rows] = sheet.values() as unknown[][];
  return rows
    .filter((r) => r.some((v) => v !== '' && v !== null && v !== undefined))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function ok<T>(result: unknown): T {
  const r = result as Result<T>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

describe('inventory in the runtime', () => {
  it('imports products twice without duplicates, keeping the seller’s columns', () => {
    const { rt, sim } = setup(120, 0);
    const active = sim.state.products.filter((p) => !p.archived);
    ok(rt.run('importProducts'));
    let rows = table(rt, 'Inventory');
    expect(rows).toHaveLength(active.length);
    const moves = table(rt, 'Stock moves');
    expect(moves.filter((m) => m['Reason'] === t('en', 'inventory.reason.opening'))).toHaveLength(
      active.length,
    );
    // The opening count equals what Ozon shows.
    expectEachEqual(rows, (row) => [row['On hand'], row['Ozon stock']]);

    // The seller sets a reorder point; a second import changes nothing of theirs and adds no moves.
    const sheet = rt.spreadsheet.sheet('Inventory');
    const header = (sheet.values() as unknown[][])[0];
    const reorderCol = header.indexOf('Reorder point');
    rt.asUser((g) => {
      const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Inventory');
      s?.getRange(2, reorderCol + 1).setValue(100000);
    });
    const second = ok<{ openings: number }>(rt.run('importProducts'));
    expect(second.openings).toBe(0);
    rows = table(rt, 'Inventory');
    expect(rows).toHaveLength(active.length);
    expect(rows[0]['Reorder point']).toBe(100000);
    expect(rows[0]['Status']).not.toBe(t('en', 'inventory.status.ok'));
    expect(table(rt, 'Stock moves')).toHaveLength(moves.length);
  });

  it('sync then refresh writes each shipment once, even after re-syncs and repeated refreshes', () => {
    const { rt, sim } = setup(40, 300);
    ok(rt.run('importProducts'));
    ok(rt.run('syncOrders'));
    ok(rt.run('refreshInventory'));
    const keysOf = () =>
      rt.spreadsheet
        .sheet('Stock moves')
        .values()
        .slice(1)
        .map((r) => String((r as unknown[])[6]))
        .filter(Boolean);
    const first = keysOf();
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((k) => k.startsWith('shipment:')).length).toBeGreaterThan(0);
    // Time passes: more postings ship; sync and refresh again, twice.
    rt.clock.advance(6 * 3_600_000);
    sim.advance(0);
    ok(rt.run('syncOrders'));
    ok(rt.run('refreshInventory'));
    ok(rt.run('syncOrders'));
    ok(rt.run('refreshInventory'));
    const after = keysOf();
    expect(new Set(after).size).toBe(after.length);
    expect(after.slice(0, first.length)).toEqual(first);
    // Every own-stock shipped posting in Orders has a shipment move, FBO never.
    const orders = table(rt, 'Orders');
    const lines = table(rt, 'Order lines');
    const shipped = new Set([
      'awaiting_deliver',
      'delivering',
      'driver_pickup',
      'delivered',
      'sent_by_seller',
    ]);
    const ownShipped = orders.filter((o) => o['Schema'] !== 'FBO' && shipped.has(String(o['Status code'])));
    const expectAll = ownShipped.filter((o) => o['Status code'] === 'awaiting_deliver');
    for (const o of expectAll) {
      for (const l of lines.filter((x) => x['Posting number'] === o['Posting number'])) {
        expect(after).toContain(`shipment:${o['Posting number']}:${l['Offer ID']}`);
      }
    }
    const fbo = new Set(orders.filter((o) => o['Schema'] === 'FBO').map((o) => String(o['Posting number'])));
    expect(after.some((k) => fbo.has(k.split(':')[1]))).toBe(false);
    // On hand of every row is the sum of its moves.
    const moves = table(rt, 'Stock moves');
    for (const row of table(rt, 'Inventory')) {
      const sum = moves
        .filter((m) => m['Offer ID'] === row['Offer ID'])
        .reduce((s, m) => s + Number(m['Quantity']), 0);
      expect(row['On hand']).toBe(sum);
    }
  });

  it('imported after a sync: each opening count is Ozon’s figure, no earlier shipment is booked', () => {
    const { rt, sim } = setup(40, 300);
    ok(rt.run('syncOrders'));
    const packed = table(rt, 'Orders').filter(
      (o) => o['Schema'] !== 'FBO' && o['Status code'] === 'awaiting_deliver',
    );
    expect(packed.length).toBeGreaterThan(0);
    rt.clock.advance(60_000);
    ok(rt.run('importProducts'));
    const rows = table(rt, 'Inventory').filter((r) => r['Ozon stock'] !== '' && r['Ozon stock'] !== null);
    expect(rows.length).toBeGreaterThan(0);
    // Right after the import nothing differs from Ozon, and only opening counts are in the ledger.
    for (const row of rows) expect([row['Offer ID'], row['Difference']]).toEqual([row['Offer ID'], 0]);
    // An offer with an opening count has nothing else booked before it (offers Ozon no longer lists,
    // with no opening count, still get their shipments).
    const moves = table(rt, 'Stock moves');
    const opened = new Set(
      moves.filter((m) => m['Reason'] === t('en', 'inventory.reason.opening')).map((m) => m['Offer ID']),
    );
    expect(opened.size).toBe(rows.length);
    expect(
      moves.filter((m) => opened.has(m['Offer ID']) && m['Reason'] !== t('en', 'inventory.reason.opening')),
    ).toEqual([]);
    // Later movements are booked, each dated when it happened (never ahead of the clock).
    rt.clock.advance(12 * 3_600_000);
    sim.advance(0);
    ok(rt.run('syncOrders'));
    ok(rt.run('refreshInventory'));
    const later = table(rt, 'Stock moves').filter(
      (m) => m['Reason'] === t('en', 'inventory.reason.shipment'),
    );
    expect(later.length).toBeGreaterThan(0);
    for (const m of later) expect((m['When'] as Date).getTime()).toBeLessThanOrEqual(rt.clock.now());
  });

  it('pushes in batches of 100, reports Ozon’s per-item errors and rows it cannot send', () => {
    // One warehouse: Inventory's own push. (A seller with several is pushed per warehouse, from the
    // Warehouse stock tab: test/integration/warehouse-stock.test.ts.)
    const { rt, sim } = setup(250, 0, 1);
    ok(rt.run('importProducts'));
    const rows = table(rt, 'Inventory');
    // One product gets archived on Ozon after the import; one row names a warehouse that does not exist.
    const archived = sim.state.productsByOffer.get(String(rows[3]['Offer ID']));
    if (archived) archived.archived = true;
    const header = (rt.spreadsheet.sheet('Inventory').values() as unknown[][])[0];
    rt.asUser((g) => {
      const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Inventory');
      s?.getRange(6, header.indexOf('Warehouse') + 1).setValue('Nowhere');
    });
    sim.resetStats();
    const result = ok<{
      updated: unknown[];
      failed: { offerId: string; reason: string }[];
      skipped: { offerId: string; reason: string }[];
    }>(rt.run('pushStockToOzon'));
    expect(sim.stats.byPath['/v2/products/stocks']).toBe(3);
    expect(result.updated).toHaveLength(rows.length - 2);
    expect(result.failed).toEqual([expect.objectContaining({ offerId: rows[3]['Offer ID'] })]);
    expect(result.failed[0].reason).toContain('PRODUCT_IS_ARCHIVED');
    expect(result.skipped).toEqual([expect.objectContaining({ offerId: rows[4]['Offer ID'] })]);
    expect(rt.ui.toasts.at(-1)?.message ?? '').toContain(String(rows.length - 2));

    // Pushing again at once: the 30-second rule is waited out, nothing is refused for it.
    const again = ok<{ updated: unknown[]; failed: { reason: string }[] }>(rt.run('pushStockToOzon'));
    expect(again.failed.filter((f) => f.reason.includes('TOO_MANY'))).toEqual([]);
    expect(again.updated).toHaveLength(rows.length - 2);
  });

  it('sidebar entries: receipt, write-off and count with validation in the seller’s language', () => {
    const { rt } = setup(10, 0);
    ok(rt.run('importProducts'));
    const row = table(rt, 'Inventory')[0];
    const offerId = String(row['Offer ID']);
    const onHand = Number(row['On hand']);
    const call = (input: unknown) =>
      rt.callFromSidebar<Result<{ onHand: number; available: number }>>('recordStockMove', input);

    expect(call({ offerId: 'NOPE', reason: 'receipt', quantity: 1 })).toEqual({
      ok: false,
      error: {
        code: 'inventory.unknownOffer',
        field: 'offerId',
        message: t('en', 'error.inventory.offerId.unknown', { offerId: 'NOPE' }),
      },
    });
    expect(call({ offerId, reason: 'receipt', quantity: 0 })).toMatchObject({
      ok: false,
      error: { field: 'quantity', message: t('en', 'error.inventory.quantity.zero') },
    });
    expect(call({ offerId, reason: 'receipt', quantity: 2.5 })).toMatchObject({
      ok: false,
      error: { field: 'quantity', message: t('en', 'error.inventory.quantity.integer') },
    });
    expect(call({ offerId, reason: 'count', quantity: -1 })).toMatchObject({
      ok: false,
      error: { field: 'quantity', message: t('en', 'error.inventory.count.negative') },
    });
    expect(call({ offerId, reason: 'write_off', quantity: onHand + 1 })).toMatchObject({
      ok: false,
      error: { field: 'quantity' },
    });
    expect(table(rt, 'Stock moves').filter((m) => m['Offer ID'] === offerId)).toHaveLength(1);

    expect(
      ok<{ onHand: number }>(call({ offerId, reason: 'receipt', quantity: '5', note: 'supplier' })).onHand,
    ).toBe(onHand + 5);
    expect(ok<{ onHand: number }>(call({ offerId, reason: 'count', quantity: 3 })).onHand).toBe(3);
    const moves = table(rt, 'Stock moves').filter((m) => m['Offer ID'] === offerId);
    expect(moves.map((m) => m['Quantity'])).toEqual([onHand, 5, 3 - onHand - 5]);
    expect(table(rt, 'Inventory')[0]['On hand']).toBe(3);
  });
});
