import type { PostingFacts } from '../../../src/core/inventory/ledger';
import { planPush, importedProducts, ownWarehouses } from '../../../src/core/inventory/ozon';
import { planInventory } from '../../../src/core/inventory/plan';
import { daysOfCover, orderDemand, stockFigures, stockStatus } from '../../../src/core/inventory/stock';
import {
  inventorySpec,
  movesSpec,
  readInventory,
  readLedger,
  readPostings,
} from '../../../src/core/inventory/tables';
import { linesSpec, ordersSpec } from '../../../src/core/orders/tables';
import { fixedOffset, toSerial } from '../../../src/core/time/serial';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;
const offset = fixedOffset(180);

const p = (
  n: string,
  status: string,
  qty: number,
  schema = 'FBS',
  shipAt: number | null = NOW - DAY,
): PostingFacts => ({
  postingNumber: n,
  schema,
  status,
  shipAt,
  lines: [{ offerId: 'A', sku: '1', name: 'A', quantity: qty }],
});

describe('reserved, available and days of cover', () => {
  it('reserves units of open own-stock postings and counts 30 days of shipped units', () => {
    const demand = orderDemand(
      [
        p('1', 'awaiting_packaging', 2),
        p('2', 'awaiting_approve', 1),
        p('3', 'awaiting_packaging', 5, 'FBO'),
        p('4', 'delivered', 3),
        p('5', 'delivered', 7, 'FBS', NOW - 40 * DAY),
        p('6', 'cancelled', 9),
        p('7', 'awaiting_deliver', 4, 'rFBS'),
      ],
      NOW,
    );
    expect(demand.reserved.get('A')).toBe(3);
    expect(demand.shipped30.get('A')).toBe(7);
  });

  it('days of cover: available at the 30-day pace, none without sales, 0 when nothing is available', () => {
    expect(daysOfCover(10, 30)).toBe(10);
    expect(daysOfCover(5, 9)).toBe(16.7);
    expect(daysOfCover(5, 0)).toBeNull();
    expect(daysOfCover(-1, 3)).toBe(0);
  });

  it('status thresholds: oversold below zero, out at zero, low at or under the reorder point', () => {
    expect(stockStatus(2, -1, 5, null)).toBe('oversold');
    expect(stockStatus(-1, -1, null, null)).toBe('oversold');
    expect(stockStatus(3, 0, null, null)).toBe('out');
    expect(stockStatus(5, 5, 5, 100)).toBe('low');
    expect(stockStatus(6, 6, 5, 1)).toBe('ok');
    // Without a reorder point: low when it runs out within a week at the recent pace.
    expect(stockStatus(6, 6, null, 6.9)).toBe('low');
    expect(stockStatus(6, 6, null, 7)).toBe('ok');
    expect(stockStatus(6, 6, null, null)).toBe('ok');
  });

  it('figures: available = on hand − reserved, difference against Ozon', () => {
    expect(
      stockFigures({ onHand: 10, reserved: 3, shipped30: 0, reorderPoint: null, ozonStock: 12 }),
    ).toEqual({
      onHand: 10,
      reserved: 3,
      available: 7,
      status: 'ok',
      daysOfCover: null,
      difference: -2,
    });
  });
});

describe('reading the tabs', () => {
  const pos = (spec: { columns: readonly { key: string }[] }, order?: string[]) =>
    new Map((order ?? spec.columns.map((c) => c.key)).map((k, i) => [k, i]));

  it('reads postings from Orders + Order lines wherever their columns are', () => {
    const orderPos = new Map([
      ['status_code', 0],
      ['posting_number', 3],
      ['schema', 5],
      ['ship_by', 7],
    ]);
    const orders = [['awaiting_deliver', '', '', '0012-1', '', 'rFBS', '', toSerial(NOW, offset)]];
    const lines = [['0012-1', '007', '99', 'Mug', 2]];
    const facts = readPostings(
      { rows: orders, positions: orderPos },
      { rows: lines, positions: pos(linesSpec) },
      offset,
    );
    expect(facts).toEqual([
      {
        postingNumber: '0012-1',
        schema: 'rFBS',
        status: 'awaiting_deliver',
        shipAt: NOW,
        lines: [{ offerId: '007', sku: '99', name: 'Mug', quantity: 2 }],
      },
    ]);
    expect(ordersSpec.columns.some((c) => c.key === 'status_code')).toBe(true);
  });

  it('reads every ledger row with an offer and a number, hand-typed rows included', () => {
    const rows = [
      [toSerial(NOW, offset), '007', -2, 'Shipment', '1-1', 'sync', 'shipment:1-1:007'],
      ['', '007', 5, 'typed by hand'],
      ['', '', 3],
      ['', 'B', 'lots'],
    ];
    const ledger = readLedger(rows, pos(movesSpec), offset);
    expect(ledger).toEqual([
      { offerId: '007', quantity: -2, when: NOW, key: 'shipment:1-1:007' },
      { offerId: '007', quantity: 5, when: null, key: '' },
    ]);
  });

  it('keeps the seller’s reorder point and Ozon’s figure when recomputing', () => {
    const positions = pos(inventorySpec);
    const row: unknown[] = [];
    row[positions.get('offer_id') as number] = 'A';
    row[positions.get('reorder_point') as number] = 4;
    row[positions.get('ozon_stock') as number] = 9;
    const inventory = readInventory([row], positions);
    const plan = planInventory({
      now: NOW,
      lang: 'en',
      offset,
      who: 'sync',
      ledger: [{ offerId: 'A', quantity: 6, when: NOW - DAY, key: 'opening:A' }],
      postings: [p('1', 'awaiting_packaging', 2)],
      inventory,
    });
    expect(plan.rows).toHaveLength(1);
    const out = plan.rows[0];
    expect(out).toMatchObject({ on_hand: 6, reserved: 2, available: 4, difference: -3, status_code: 'low' });
    expect(out).not.toHaveProperty('reorder_point');
    expect(out).not.toHaveProperty('ozon_stock');
    expect(plan.alerts).toEqual([{ offerId: 'A', status: 'low', available: 4 }]);
  });
});

describe('import and push planning', () => {
  const warehouses = ownWarehouses([
    { warehouse_id: 1, name: 'Main', is_rfbs: false, status: 'created' },
    { warehouse_id: 2, name: 'Express', is_rfbs: true, status: 'created' },
  ]);

  it('imports active products with Ozon’s own-warehouse stock, and opens the ledger once', () => {
    const products = importedProducts(
      [
        { product_id: 10, offer_id: '007' },
        { product_id: 11, offer_id: 'OLD', archived: true },
        { product_id: 12, offer_id: 'B' },
      ],
      [
        { id: 10, offer_id: '007', name: 'Mug', sku: 555 },
        { id: 12, offer_id: 'B', name: 'Bag', sku: 556 },
      ],
      [
        {
          offer_id: '007',
          product_id: 10,
          stocks: [
            { type: 'fbs', present: 7, reserved: 1, warehouse_ids: [2] },
            { type: 'fbo', present: 100, reserved: 0 },
          ],
        },
      ],
      warehouses,
    );
    expect(products).toEqual([
      { productId: '10', offerId: '007', sku: '555', name: 'Mug', ozonStock: 7, warehouse: 'Express' },
      { productId: '12', offerId: 'B', sku: '556', name: 'Bag', ozonStock: 0, warehouse: 'Main' },
    ]);
    const base = { now: NOW, lang: 'en' as const, offset, who: 's', postings: [], inventory: new Map() };
    const first = planInventory({ ...base, ledger: [], imported: products });
    expect(first.moves.map((m) => [m.key, m.quantity, m.reason])).toEqual([
      ['opening:007', 7, 'opening'],
      ['opening:B', 0, 'opening'],
    ]);
    const second = planInventory({
      ...base,
      ledger: [{ offerId: '007', quantity: 7, when: NOW, key: 'opening:007' }],
      imported: products,
    });
    expect(second.moves.map((m) => m.key)).toEqual(['opening:B']);
  });

  it('pushes available (never negative) to the row’s warehouse; only changed rows when asked', () => {
    const rows = [
      { offerId: 'A', productId: '10', warehouse: 'main ', available: 5, pushedStock: 5 },
      { offerId: 'B', productId: '11', warehouse: 'Express', available: -2, pushedStock: null },
      { offerId: 'C', productId: '', warehouse: 'Main', available: 1, pushedStock: null },
      { offerId: 'D', productId: '12', warehouse: 'Nowhere', available: 1, pushedStock: null },
      { offerId: 'E', productId: '13', warehouse: '', available: 1, pushedStock: null },
    ];
    const all = planPush(rows, warehouses, false);
    expect(all.items).toEqual([
      { offer_id: 'A', product_id: 10, warehouse_id: 1, stock: 5 },
      { offer_id: 'B', product_id: 11, warehouse_id: 2, stock: 0 },
    ]);
    expect(all.skipped.map((s) => [s.offerId, s.reason])).toEqual([
      ['C', 'no_product'],
      ['D', 'unknown_warehouse'],
      ['E', 'no_warehouse'],
    ]);
    expect(planPush(rows, warehouses, true).items.map((i) => i.offer_id)).toEqual(['B']);
  });
});
