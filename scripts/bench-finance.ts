// `npm run bench` (finance part): what reading Ozon's fees costs for a large shop, on the built bundle
// in the local runtime against the simulator. Prints requests against their floor (ceil(postings /
// 200) for /v1/finance/accrual/postings), fetchAll rounds, modeled time and executions, then the
// hourly run after 500 postings were delivered (the simulator's own lifecycle: status, change time and
// the sale's accruals, seen by the orders sync first), with nothing changed, and the first run of a day
// (which also re-reads the postings whose accruals can still change). Ozon requests are counted per
// method by the simulator, reset before every phase; the postings asked by posting are counted from
// the requests themselves. Not a test: it prints, it does not judge.
//   node -r ./scripts/ts-register.cjs scripts/bench-finance.ts [postings]
import { demoShop, tabRecords, type Runtime } from '../test/support/shop';

const SIZE = Number(process.argv[2] ?? 50_000);
const HOUR = 3_600_000;
const POSTINGS_PATH = '/v1/finance/accrual/postings';
const DAY_PATH = '/v1/finance/accrual/by-day';
const TYPES_PATH = '/v1/finance/accrual/types';
const PRICES_PATH = '/v5/product/info/prices';
const RECON_PATHS = [
  '/v1/finance/realization/posting',
  '/v2/finance/realization',
  '/v1/finance/cash-flow-statement/list',
];
const MARK_KEY = 'ODESK_FINANCE_MARK';

type Sim = ReturnType<typeof demoShop>['sim'];

function runUntilDone(rt: Runtime, fn: string): { executions: number; longestS: number } {
  let executions = 0;
  let longest = 0;
  for (;;) {
    const before = rt.counters.modeledMs;
    const r = rt.run<{
      ok: boolean;
      data?: { result: string; message: string };
      error?: { message: string };
    }>(fn);
    executions++;
    longest = Math.max(longest, rt.counters.modeledMs - before);
    if (!r.ok || r.data?.result === 'failed') throw new Error(`${fn}: ${JSON.stringify(r)}`);
    if (r.data?.result === 'done') break;
    if (executions > 60) throw new Error(`${fn} did not finish`);
    rt.clock.advance(60_000);
  }
  return { executions, longestS: Math.round(longest / 100) / 10 };
}

/** The posting numbers each /v1/finance/accrual/postings request asked for, as the add-on sent them. */
const asked: string[] = [];

function measure(label: string, rt: Runtime, sim: Sim, changed: number | string) {
  rt.resetCounters();
  sim.resetStats();
  asked.length = 0;
  const { executions, longestS } = runUntilDone(rt, 'updateFinance');
  const c = rt.counters;
  const by = (path: string) => sim.stats.byPath[path] ?? 0;
  const read = new Set(asked).size;
  return {
    label,
    changed,
    postingsReadByPosting: read,
    accrualPostingsCalls: by(POSTINGS_PATH),
    floor: Math.ceil(read / 200),
    byDayCalls: by(DAY_PATH),
    typesCalls: by(TYPES_PATH),
    pricesCalls: by(PRICES_PATH),
    reconciliationCalls: RECON_PATHS.reduce((n, p) => n + by(p), 0),
    ozonRequests: c.fetches,
    fetchAllRounds: c.fetchAllBatches,
    cellsWritten: c.cellsWritten,
    modeledS: Math.round(c.modeledMs / 100) / 10,
    longestExecutionS: longestS,
    executions,
  };
}

const { rt, sim, intercept } = demoShop(
  { postings: SIZE, days: 30, products: Math.min(5000, Math.max(100, SIZE / 10)), seed: 1 },
  { timeZone: 'Europe/Moscow' },
);
sim.setValidateRequests(false);
intercept((req, pass) => {
  if (req.url.endsWith(POSTINGS_PATH) && req.payload) {
    for (const n of (JSON.parse(req.payload) as { posting_numbers?: string[] }).posting_numbers ?? [])
      asked.push(n);
  }
  return pass(req);
});
const statuses = () => new Map([...sim.state.postings.values()].map((p) => [p.postingNumber, p.status]));

runUntilDone(rt, 'syncOrders');
const total = sim.state.postings.size;
const rows = [measure(`first run, ${total} postings`, rt, sim, 'all')];
const firstRead = rows[0].postingsReadByPosting;

// An hour later buyers received 500 postings that were on their way (beside what the shop's own hour
// moved); the orders sync lands the new statuses in Orders, then the finance run.
const before = statuses();
rt.clock.advance(HOUR);
const hourStart = rt.clock.now();
sim.deliverNow([]); // brings the shop's own lifecycle up to now
const moved = [...sim.state.postings.values()]
  .filter((p) => p.status === 'delivering')
  .slice(0, 500)
  .map((p) => p.postingNumber);
sim.deliverNow(moved);
const after = statuses();
const changedInHour = [...after].filter(([n, s]) => before.has(n) && before.get(n) !== s).length;
const newInHour = [...after.keys()].filter((n) => !before.has(n)).length;
runUntilDone(rt, 'syncOrders');
const orders = new Map(tabRecords(rt, 'Orders').map((r) => [String(r['Posting number']), r]));
const stamped = moved.filter((n) => {
  const row = orders.get(n);
  const at = row?.['Last changed'];
  return row?.['Status code'] === 'delivered' && at instanceof Date && at.getTime() >= hourStart - 1000;
}).length;
rows.push(measure(`hourly, ${moved.length} delivered`, rt, sim, changedInHour));
const movedSet = new Set(moved);
const movedRead = new Set(asked.filter((n) => movedSet.has(n))).size;
rows.push(measure('hourly, nothing changed', rt, sim, 0));

// The first run of a Moscow day (as if the last sweep were yesterday's): also the open postings.
const mark = JSON.parse(String(rt.properties.document.get(MARK_KEY))) as { swept?: string };
rt.properties.document.set(MARK_KEY, JSON.stringify({ ...mark, swept: '' }));
rows.push(measure('first run of a day (sweep)', rt, sim, 0));

console.log('\nFinance: Ozon fees and payouts (built bundle in the local runtime, Ozon simulator)\n');
console.table(rows);
console.log(
  `first run: ${firstRead} of ${total} postings read by posting (those that can carry money); floor ceil(${firstRead} / 200) = ${Math.ceil(firstRead / 200)} calls of ${POSTINGS_PATH}, ceil(${total} / 200) = ${Math.ceil(total / 200)} over every posting.`,
);
console.log(
  `hourly: ${moved.length} postings delivered by the bench, ${changedInHour} statuses changed in the hour in all, ${newInHour} new postings; ` +
    `Orders stamped Last changed on ${stamped} of the ${moved.length}; the finance run read ${movedRead} of them by posting.`,
);
console.log(
  'The hourly run reads by posting only the postings whose Orders row changed since the last run, and by day the',
);
console.log(
  'days since the last run (corrections of old postings arrive there); the first run of a day also re-reads the',
);
console.log(
  'postings whose accruals can still change (last accrual, status change or order within 30 days) and three more',
);
console.log(
  'days by day. Update finance from the menu (measured here) reconciles every time; the hourly trigger about once a day.',
);
