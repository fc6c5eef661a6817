// Reports through the built bundle in the local runtime, on a simulated shop synced first.
import { demoShop, tabRecords, type Runtime } from '../support/shop';

const HOUR = 3_600_000;

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Built {
  sales: number;
  customers: number;
  products: number;
  cellsWritten: number;
  message: string;
}

const kop = (v: unknown) => Math.round(Number(v || 0) * 100);
const charts = (rt: Runtime, tab: string) =>
  (rt.spreadsheet.sheet(tab) as unknown as { charts?: { chartId: number; spec: Record<string, unknown> }[] })
    .charts ?? [];

function build(rt: Runtime): Built {
  const result = rt.run<Result<Built>>('buildReports');
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function sums(rows: Record<string, unknown>[], key: string, keep: (r: Record<string, unknown>) => boolean) {
  const out: Record<string, number> = {};
  for (const r of rows) if (keep(r)) out[String(r.Currency)] = (out[String(r.Currency)] ?? 0) + kop(r[key]);
  return out;
}

describe('reports', () => {
  test('build from synced tabs: Sales reconciles with Order lines, Dashboard has charts and pivots', () => {
    const { rt } = demoShop({ postings: 300 });
    expect(rt.run<Result<{ result: string }>>('syncOrders')).toMatchObject({
      ok: true,
      data: { result: 'done' },
    });
    rt.resetCounters();
    const built = build(rt);
    expect(rt.counters.cellsWritten).toBe(built.cellsWritten);

    const orders = tabRecords(rt, 'Orders');
    const lines = tabRecords(rt, 'Order lines');
    const status = new Map(orders.map((o) => [String(o['Posting number']), String(o['Status code'])]));
    const counted = lines.filter(
      (l) => status.get(String(l['Posting number'])) !== 'cancelled_from_split_pending',
    );
    const sales = tabRecords(rt, 'Sales');
    expect(sales).toHaveLength(counted.length);
    expect(built.sales).toBe(counted.length);

    // Ordered value reconciles with the Order lines to the kopeck, per currency.
    const byPosting = new Set(counted.map((l) => String(l['Posting number'])));
    expect(sums(sales, 'Ordered value', () => true)).toEqual(
      sums(lines, 'Line total', (l) => byPosting.has(String(l['Posting number']))),
    );
    const earning = (r: Record<string, unknown>) =>
      ['sold', 'in transit'].includes(String(r['Status group']));
    const earningPostings = new Set(sales.filter(earning).map((s) => String(s['Posting number'])));
    expect(sums(sales, 'Revenue', () => true)).toEqual(
      sums(lines, 'Line total', (l) => earningPostings.has(String(l['Posting number']))),
    );
    expect(sales[0].Date).toBeInstanceOf(Date);
    expect(typeof sales[0].Revenue).toBe('number');
    expect(typeof sales[0]['Posting number']).toBe('string');

    const products = tabRecords(rt, 'Products');
    expect(sums(products, 'Revenue', () => true)).toEqual(
      expect.objectContaining(sums(sales, 'Revenue', () => true)),
    );
    const customers = tabRecords(rt, 'Customers');
    expect(customers.length).toBeGreaterThan(0);
    expect(JSON.stringify(rt.spreadsheet.sheet('Customers').values())).not.toMatch(/\+7\d{10}/);

    const salesSheet = rt.spreadsheet.sheet('Sales');
    expect(salesSheet.frozenRows).toBe(1);
    expect(salesSheet.filter).not.toBeNull();
    expect(rt.spreadsheet.sheet('Sales').formulas().flat().filter(Boolean)).toEqual([]);

    const dashboard = rt.spreadsheet.sheet('Dashboard');
    expect(charts(rt, 'Dashboard')).toHaveLength(4);
    const pivots = dashboard.rows.flat().filter((c) => c && (c as { pivot?: unknown }).pivot);
    expect(pivots).toHaveLength(2);
    expect(dashboard.values().flat()).toContain('Yesterday');
  });

  test('rebuilding replaces charts and rows instead of piling them up, and keeps the seller filter', () => {
    const { rt, sim } = demoShop({ postings: 150 });
    rt.run('syncOrders');
    build(rt);
    const sheet = rt.spreadsheet.sheet('Sales');
    sheet.filter!.criteria[5] = { hiddenValues: ['cancelled'] };
    const firstRows = tabRecords(rt, 'Sales').length;
    rt.clock.advance(24 * HOUR);
    sim.advance(24);
    rt.run('syncOrders');
    build(rt);
    build(rt);
    expect(charts(rt, 'Dashboard')).toHaveLength(4);
    const pivots = rt.spreadsheet
      .sheet('Dashboard')
      .rows.flat()
      .filter((c) => c && (c as { pivot?: unknown }).pivot);
    expect(pivots).toHaveLength(2);
    expect(rt.spreadsheet.sheet('Sales').filter!.criteria[5]).toEqual({ hiddenValues: ['cancelled'] });
    const rows = tabRecords(rt, 'Sales');
    expect(rows.length).toBeGreaterThanOrEqual(firstRows);
    expect(rt.spreadsheet.sheet('Sales').maxRows).toBe(Math.max(rows.length + 1, 2));
  });
});

describe('nightly run on the hourly trigger', () => {
  function setup(start: string, email = true) {
    const shop = demoShop({ postings: 120 }, { startTime: start });
    shop.rt.properties.document.set('ODESK_NIGHTLY_EMAIL', email ? 'on' : 'off');
    shop.rt.run('onHourlyTrigger', [], { trigger: 'time' });
    return shop;
  }
  const hourly = (rt: Runtime) => rt.run('onHourlyTrigger', [], { trigger: 'time' });

  test('runs once a day even when the trigger fires twice, and emails the summary', () => {
    const { rt } = setup('2026-11-20T22:00:00Z'); // 01:00 Moscow: not yet
    expect(rt.spreadsheet.byName('Sales')).toBeUndefined();
    rt.clock.advance(HOUR + 5 * 60_000); // 02:05 Moscow
    hourly(rt);
    expect(rt.properties.document.get('ODESK_NIGHTLY_LAST')).toBe('2026-11-21');
    expect(rt.spreadsheet.byName('Sales')).toBeDefined();
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0].subject).toContain('2026-11-20');
    rt.clock.advance(60_000);
    hourly(rt); // a doubled trigger
    rt.clock.advance(HOUR);
    hourly(rt);
    expect(rt.mail).toHaveLength(1);
    // Four sales charts, and the P&L waterfall once the hourly finance run has filled Finance: never piled up.
    expect(charts(rt, 'Dashboard')).toHaveLength(5);
  });

  test('across midnight in Moscow: a new day means a new run', () => {
    const { rt } = setup('2026-11-20T23:30:00Z'); // 02:30 Moscow on the 21st
    expect(rt.properties.document.get('ODESK_NIGHTLY_LAST')).toBe('2026-11-21');
    rt.clock.advance(20 * HOUR); // 22:30 Moscow, same day
    hourly(rt);
    expect(rt.mail).toHaveLength(1);
    rt.clock.advance(2 * HOUR); // 00:30 Moscow on the 22nd: before 02:00
    hourly(rt);
    expect(rt.mail).toHaveLength(1);
    rt.clock.advance(2 * HOUR); // 02:30
    hourly(rt);
    expect(rt.mail).toHaveLength(2);
    expect(rt.properties.document.get('ODESK_NIGHTLY_LAST')).toBe('2026-11-22');
  });

  test('a run cut by the execution budget resumes at the next hourly run', () => {
    // Slow Ozon answers: the first sync runs out of its budget, so the nightly run pauses.
    const { rt, sim } = demoShop({ postings: 3000, days: 60 }, { startTime: '2026-11-20T23:10:00Z' });
    sim.setFaults({ slowRate: 1, slowMs: 20_000, seed: 3 });
    rt.properties.document.set('ODESK_NIGHTLY_EMAIL', 'on');
    hourly(rt);
    const job = JSON.parse(rt.properties.document.get('ODESK_NIGHTLY_JOB') ?? 'null');
    expect(job).toMatchObject({ day: '2026-11-21', phase: 'sync' });
    expect(rt.spreadsheet.byName('Sales')).toBeUndefined();
    sim.setFaults({});
    for (let i = 0; i < 6 && rt.properties.document.get('ODESK_NIGHTLY_LAST') !== '2026-11-21'; i++) {
      rt.clock.advance(HOUR);
      hourly(rt);
    }
    expect(rt.properties.document.get('ODESK_NIGHTLY_LAST')).toBe('2026-11-21');
    expect(rt.properties.document.has('ODESK_NIGHTLY_JOB')).toBe(false);
    expect(tabRecords(rt, 'Sales').length).toBeGreaterThan(0);
    expect(rt.mail).toHaveLength(1);
  });
});
