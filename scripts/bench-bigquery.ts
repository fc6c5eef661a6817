// BigQuery history: what loading costs. Two parts, printed, never judged:
//  1. The built bundle in the local runtime (modeled BigQuery): a synced shop's first load, a re-load
//     and an hourly load after changes — executions, load requests, bytes, MERGE jobs, modeled time.
//  2. A year of 500,000 postings with a 90-day live window, planned by the add-on's own bucket digests
//     (src/core/bigquery): every hour's new, changed and archived rows → buckets to resend → load
//     requests and bytes. Row sizes are the NDJSON sizes of rows shaped like the live tabs'.
//   node -r ./scripts/ts-register.cjs scripts/bench-bigquery.ts [postings for part 1, default 3000]
import { BUCKETS, bucketOf, utf8Bytes } from '../src/core/bigquery/digest';
import { BQ_TABLES } from '../src/core/bigquery/tables';
import { BATCH_BYTES } from '../src/bigquery/load';
import { demoShop, type Runtime } from '../test/support/shop';

const SIZE = Number(process.argv[2] ?? 3000);
const P = 'bench-project';
const D = 'ozon_history';
type Result<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

function untilDone(rt: Runtime, fn: string): number {
  for (let i = 1; i <= 60; i++) {
    const r = rt.run<Result<{ result: string }>>(fn);
    if (!r.ok) throw new Error(r.error.message);
    if (r.data.result === 'done' || r.data.result === 'nothing') return i;
    rt.clock.advance(60_000);
  }
  throw new Error(`${fn} did not finish`);
}

function measureRun(label: string, rt: Runtime) {
  rt.resetCounters();
  rt.bigquery.resetStats();
  const before = rt.counters.modeledMs;
  const executions = untilDone(rt, 'loadBigQuery');
  const s = rt.bigquery.stats;
  return {
    label,
    executions,
    loadRequests: s.loadRequests,
    loadMB: Math.round(s.loadBytes / 10_000) / 100,
    mergeJobs: s.queryJobs,
    largestRequestKB: Math.round(s.largestRequestBytes / 1000),
    bigqueryCalls: s.calls,
    sheetsReads: rt.counters.sheetsReads,
    modeledS: Math.round((rt.counters.modeledMs - before) / 1000),
  };
}

// ---- 1. the bundle -------------------------------------------------------------------------------
const { rt, sim } = demoShop({ postings: SIZE, days: 30, seed: 3, products: 200 });
sim.setRateLimit(null);
rt.properties.document.set('ODESK_LOOKBACK_DAYS', '30');
rt.bigquery.addProject(P);
rt.bigquery.addDataset(P, D);
untilDone(rt, 'syncOrders');
untilDone(rt, 'updateFinance');
const saved = rt.callFromSidebar<Result<unknown>>('saveBigQuerySettings', { projectId: P, datasetId: D });
if (!saved.ok) throw new Error(saved.error.message);
const bundle = [measureRun(`first load, ${SIZE} postings`, rt), measureRun('re-load, nothing changed', rt)];
// An hour later: the hourly sync brings Ozon's changes; the menu load sends what changed.
rt.clock.advance(3_600_000);
untilDone(rt, 'syncOrders');
bundle.push(measureRun('after an hourly sync', rt));
const rows = Object.fromEntries(
  BQ_TABLES.map((t) => [t.id, rt.bigquery.table(P, D, t.id)?.rows.length ?? 0]),
);
console.log(
  `\nBigQuery load on the built bundle (modeled BigQuery; batches of ≤ ${BATCH_BYTES / 1e6} MB NDJSON)`,
);
console.table(bundle);
console.log('rows in BigQuery:', rows);

// ---- 2. a year of 500,000 postings ----------------------------------------------------------------
const YEAR_POSTINGS = 500_000;
const HOURS = 365 * 24;
const LIVE_DAYS = 90;
// Shapes per posting (typical Ozon FBS seller): lines, accruals arriving in the 14 days after the
// order, stock moves; status changes in the first 10 days (packed, handed over, delivering, delivered).
const PER = { lines: 1.3, finance: 5, stock_moves: 1.3 };
const STATUS_CHANGES = 4;
const sample: Record<string, Record<string, string | null>> = {
  postings: {
    posting_number: '0123456789-0001-1',
    order_number: '0123456789-0001',
    schema: 'FBS',
    status: 'delivering',
    substatus: 'posting_in_carriage',
    ordered_at: '2026-11-20T09:15:00.000Z',
    month: '2026-11',
    ship_by: '2026-11-21T10:00:00.000Z',
    delivering_date: '2026-11-21T12:00:00.000Z',
    items: '2',
    total: '2590.00',
    currency: 'RUB',
    warehouse: 'Склад Москва Южный',
    delivery_method: 'Ozon Логистика курьеру, Москва',
    tracking_number: '12345678901234',
    region: 'Московская область, Подольск',
    cancel_reason: null,
    split_from: null,
    last_changed: '2026-11-21T12:00:00.000Z',
  },
  lines: {
    posting_number: '0123456789-0001-1',
    line_key: '0123456789-0001-1|123456789',
    offer_id: 'ART-00123',
    sku: '123456789',
    name: 'Термокружка из нержавеющей стали 450 мл, чёрная',
    quantity: '1',
    unit_price: '1295.00',
    line_total: '1295.00',
    commission: '-181.30',
    payout: '1113.70',
    currency: 'RUB',
  },
  finance: {
    finance_key: '0123456789-0001-1|MarketplaceServiceItemDelivToCustomer|2026-11-25|123456789',
    date: '2026-11-25',
    month: '2026-11',
    posting_number: '0123456789-0001-1',
    sku: '123456789',
    offer_id: 'ART-00123',
    fee_group: 'logistics',
    type_id: '8',
    type_name: 'Последняя миля',
    amount: '-63.50',
    currency: 'RUB',
    quantity: '1',
  },
  stock_moves: {
    move_key: 'ship|0123456789-0001-1|ART-00123',
    moved_at: '2026-11-21T12:00:00.000Z',
    offer_id: 'ART-00123',
    quantity: '-1',
    reason: 'Shipped to the buyer',
    reference: '0123456789-0001-1',
    who: 'sync',
  },
};
const rowBytes = Object.fromEntries(
  Object.entries(sample).map(([t, r]) => [
    t,
    utf8Bytes(JSON.stringify({ ...r, row_hash: '0123456789abcdef', read_at: '2026-11-21T12:00:00.000Z' })) +
      1,
  ]),
);

interface TableSim {
  occupancy: Int32Array;
  requests: number;
  bytes: number;
  rowsSent: number;
  rowsLive: number;
}
const tables: Record<string, TableSim> = Object.fromEntries(
  BQ_TABLES.map((t) => [
    t.id,
    { occupancy: new Int32Array(BUCKETS), requests: 0, bytes: 0, rowsSent: 0, rowsLive: 0 },
  ]),
);
const perHour = YEAR_POSTINGS / HOURS;
const keyOf = (n: number, table: string, i: number) => `${table}:${n}:${i}`;
const count = (n: number, per: number) =>
  Math.floor(per) + (((n * 2_654_435_761) >>> 0) / 2 ** 32 < per % 1 ? 1 : 0);
const rowsOf = (n: number, table: string) =>
  table === 'postings' ? 1 : count(n, PER[table as keyof typeof PER]);
let maxHourRequests = 0;
let maxHourBytes = 0;
for (let h = 0; h < HOURS; h++) {
  const touched: Record<string, Set<number>> = Object.fromEntries(
    BQ_TABLES.map((t) => [t.id, new Set<number>()]),
  );
  const first = Math.floor(h * perHour);
  const last = Math.floor((h + 1) * perHour);
  const touch = (table: string, key: string, delta: number) => {
    const b = bucketOf(key);
    tables[table].occupancy[b] += delta;
    tables[table].rowsLive += delta;
    touched[table].add(b);
  };
  // New postings: their row, lines and stock moves.
  for (let n = first; n < last; n++)
    for (const t of ['postings', 'lines', 'stock_moves'])
      for (let i = 0; i < rowsOf(n, t); i++) touch(t, keyOf(n, t, i), 1);
  // Status changes of the last 10 days' postings (each posting changes STATUS_CHANGES times).
  const window = Math.floor(10 * 24 * perHour);
  for (let k = 0; k < Math.round(perHour * STATUS_CHANGES); k++) {
    const n = first - 1 - ((k * 7919 + h * 104_729) % Math.max(1, Math.min(window, first)));
    if (n >= 0) touched.postings.add(bucketOf(keyOf(n, 'postings', 0)));
  }
  // Accruals arriving: each of the last 14 days' postings gets its accruals spread over 14 days.
  const accrualLag = Math.floor(7 * 24 * perHour);
  for (let n = Math.max(0, first - accrualLag); n < Math.max(0, last - accrualLag); n++)
    for (let i = 0; i < rowsOf(n, 'finance'); i++) touch('finance', keyOf(n, 'finance', i), 1);
  // The live window: postings older than 90 days leave the live tabs with their rows.
  const gone = Math.floor((h - LIVE_DAYS * 24) * perHour);
  for (let n = Math.max(0, gone); n < Math.max(0, Math.floor((h - LIVE_DAYS * 24 + 1) * perHour)); n++)
    for (const t of Object.keys(tables)) for (let i = 0; i < rowsOf(n, t); i++) touch(t, keyOf(n, t, i), -1);
  let hourRequests = 0;
  let hourBytes = 0;
  for (const [t, set] of Object.entries(touched)) {
    if (!set.size) continue;
    let rowsSent = 0;
    for (const b of set) rowsSent += tables[t].occupancy[b];
    if (!rowsSent) continue;
    const bytes = rowsSent * rowBytes[t];
    const requests = Math.ceil(bytes / BATCH_BYTES);
    Object.assign(tables[t], {
      requests: tables[t].requests + requests,
      bytes: tables[t].bytes + bytes,
      rowsSent: tables[t].rowsSent + rowsSent,
    });
    hourRequests += requests;
    hourBytes += bytes;
  }
  maxHourRequests = Math.max(maxHourRequests, hourRequests);
  maxHourBytes = Math.max(maxHourBytes, hourBytes);
}
const totalRows = (t: string) =>
  Math.round(YEAR_POSTINGS * (t === 'postings' ? 1 : PER[t as keyof typeof PER]));
const year = Object.entries(tables).map(([t, s]) => ({
  table: t,
  rowsInBigQuery: totalRows(t),
  rowBytes: rowBytes[t],
  liveRowsAtEnd: s.rowsLive,
  loadRequests: s.requests,
  rowsSent: s.rowsSent,
  sentMB: Math.round(s.bytes / 1e6),
  storedMB: Math.round((totalRows(t) * rowBytes[t]) / 1e6),
}));
const requests = year.reduce((n, r) => n + r.loadRequests, 0);
const sentGB = year.reduce((n, r) => n + r.sentMB, 0) / 1000;
const storedGB = year.reduce((n, r) => n + r.storedMB, 0) / 1000;
console.log(
  `\nA year of ${YEAR_POSTINGS.toLocaleString('en')} postings, ${LIVE_DAYS}-day live window, loaded every hour (${BUCKETS} buckets per table)`,
);
console.table(year);
console.log(
  [
    `load requests: ${requests.toLocaleString('en')} a year (and as many MERGE jobs), at most ${maxHourRequests} in one hour; ${(requests / 365).toFixed(0)} a day ≪ 1,500 load jobs per table per day`,
    `bytes sent: ${sentGB.toFixed(1)} GB a year, at most ${(maxHourBytes / 1e6).toFixed(1)} MB in one hour; stored at the year's end ≈ ${storedGB.toFixed(2)} GB (NDJSON size; BigQuery's logical size is of the same order)`,
    `executions: the hourly loads ride the hourly trigger (no execution of their own: ${HOURS.toLocaleString('en')} hourly runs); a first load of the whole live window from the menu takes the executions part 1 shows per ${SIZE} postings, scaled`,
    'MERGE bytes processed (on-demand billing) ≈ the target table per MERGE: see README, "What BigQuery costs".',
  ].join('\n'),
);
