// FBP postings (Ozon's partner warehouses) through the built bundle: synced into Orders and Order lines
// with their own scheme, exactly once across re-syncs, counted by the reports, ignored by the stock ledger.
import { demoShop, tabRecords, type Runtime } from '../support/shop';

const HOUR = 3_600_000;
type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function sync(rt: Runtime) {
  const r = rt.run<Result<{ result: string; added: number; updated: number }>>('syncOrders');
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

function fbpRows(rt: Runtime) {
  return tabRecords(rt, 'Orders').filter((o) => o['Schema'] === 'FBP');
}

describe('FBP postings', () => {
  test('land exactly once across re-syncs, with their current status and lines', () => {
    const { rt, sim } = demoShop({ postings: 120, fbp: 80, days: 20 });
    expect(sync(rt).result).toBe('done');
    const shopFbp = () => [...sim.state.postings.values()].filter((p) => p.scheme === 'fbp');
    let rows = fbpRows(rt);
    expect(rows.map((r) => String(r['Posting number'])).sort()).toEqual(
      shopFbp()
        .map((p) => p.postingNumber)
        .sort(),
    );

    // Time passes: new FBP orders arrive and statuses move; two more syncs.
    for (let k = 0; k < 2; k++) {
      rt.clock.advance(30 * HOUR);
      expect(sync(rt).result).toBe('done');
    }
    rows = fbpRows(rt);
    const numbers = rows.map((r) => String(r['Posting number']));
    expect(new Set(numbers).size).toBe(numbers.length);
    const mark = Date.parse(
      (JSON.parse(rt.properties.document.get('ODESK_SYNC_MARK') as string) as { to: string }).to,
    );
    const settled = shopFbp().filter((p) => p.inProcessAt <= mark && p.lastChangedStatusDate <= mark);
    expect(settled.length).toBeGreaterThan(80);
    const status = new Map(rows.map((r) => [String(r['Posting number']), String(r['Status code'])]));
    for (const p of settled)
      expect([p.postingNumber, status.get(p.postingNumber)]).toEqual([p.postingNumber, p.status]);

    const lines = tabRecords(rt, 'Order lines');
    const keys = new Set(lines.map((l) => String(l['Line key'])));
    expect(new Set(lines.map((l) => String(l['Line key']))).size).toBe(lines.length);
    for (const p of settled)
      for (const l of p.lines) expect(keys.has(`${p.postingNumber}/${l.sku}`)).toBe(true);
  });

  test('appear in the reports, and never move the seller’s own stock', () => {
    const { rt, sim } = demoShop({ postings: 100, fbp: 60, days: 20 });
    sync(rt);
    const built = rt.run<Result<{ sales: number }>>('buildReports');
    expect(built.ok).toBe(true);
    const sales = tabRecords(rt, 'Sales').filter((s) => s['Schema'] === 'FBP');
    const fbpLines = [...sim.state.postings.values()]
      .filter((p) => p.scheme === 'fbp')
      .reduce((n, p) => n + p.lines.length, 0);
    expect(sales).toHaveLength(fbpLines);

    expect(rt.run<Result<unknown>>('importProducts').ok).toBe(true);
    expect(rt.run<Result<unknown>>('refreshInventory').ok).toBe(true);
    const fbpNumbers = new Set(fbpRows(rt).map((r) => String(r['Posting number'])));
    const moves = tabRecords(rt, 'Stock moves');
    const shipments = moves.filter((m) => /^\d{8}-\d{4}-\d+$/.test(String(m['Reference'])));
    expect(shipments.length).toBeGreaterThan(0);
    for (const m of moves) expect(fbpNumbers.has(String(m['Reference']))).toBe(false);
  });

  test('a key without the FBP role syncs everything else', () => {
    const { rt, sim } = demoShop({ postings: 80, fbp: 30, days: 20 });
    sim.setRoles(['Posting FBS', 'Posting FBO', 'Product', 'Warehouse']);
    expect(sync(rt).result).toBe('done');
    expect(fbpRows(rt)).toEqual([]);
    const others = [...sim.state.postings.values()].filter((p) => p.scheme !== 'fbp');
    expect(tabRecords(rt, 'Orders')).toHaveLength(others.length);
    // The Sync log says why, in words, once: not again every hour.
    const said = () =>
      tabRecords(rt, 'Sync log').filter((r) => String(r['Error']).includes('/v1/posting/fbp/list'));
    expect(said()).toHaveLength(1);
    expect(String(said()[0]['Error'])).toMatch(
      /^FBP postings \(Ozon partner warehouses\) are not synced: the API key has no role/,
    );
    rt.clock.advance(3_600_000);
    expect(sync(rt).result).toBe('done');
    expect(said()).toHaveLength(1);
    // A key with the role again: FBP postings arrive, and the log says they are back.
    sim.setRoles(['Admin']);
    rt.clock.advance(3_600_000);
    expect(sync(rt).result).toBe('done');
    expect(fbpRows(rt).length).toBeGreaterThan(0);
    const log = tabRecords(rt, 'Sync log');
    expect(String(log[log.length - 1]['Error'])).toContain(
      'FBP postings (Ozon partner warehouses) are synced again.',
    );
  });
});
