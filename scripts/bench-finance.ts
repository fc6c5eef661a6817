// `npm run bench` (finance part): what reading Ozon's fees costs for a large shop, on the built bundle
// in the local runtime against the simulator. Prints requests against their floor (ceil(postings /
// 200) for /v1/finance/accrual/postings), fetchAll rounds, modeled time and executions, then the
// hourly run after 500 postings changed, with nothing changed, and the first run of a day (which
// also re-reads the postings whose accruals can still change). Ozon requests are counted per method
// by the simulator, reset before every phase. Not a test: it prints, it does not judge.
//   node -r ./scripts/ts-register.cjs scripts/bench-finance.ts [postings]
import { demoShop, type Runtime } from '../test/support/shop';

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

function measure(label: string, rt: Runtime, sim: Sim, postings: number) {
  rt.resetCounters();
  sim.resetStats();
  const { executions, longestS } = runUntilDone(rt, 'updateFinance');
  const c = rt.counters;
  const by = (path: string) => sim.stats.byPath[path] ?? 0;
  return {
    label,
    postings,
    accrualPostingsCalls: by(POSTINGS_PATH),
    floor: Math.ceil(postings / 200),
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

const { rt, sim } = demoShop(
  { postings: SIZE, days: 30, products: Math.min(5000, Math.max(100, SIZE / 10)), seed: 1 },
  { timeZone: 'Europe/Moscow' },
);
sim.setValidateRequests(false);
runUntilDone(rt, 'syncOrders');
const money = [...sim.state.postings.values()].filter(
  (p) =>
    !p.status.startsWith('awaiting') &&
    p.status !== 'cancelled_from_split_pending' &&
    p.status !== 'acceptance_in_progress',
).length;
const rows = [measure(`first run, ${sim.state.postings.size} postings`, rt, sim, money)];

// An hour later 500 postings were delivered; the orders sync sees them, then the finance run.
rt.clock.advance(HOUR);
const now = rt.clock.now();
const moved = [...sim.state.postings.values()].filter((p) => p.status === 'delivering').slice(0, 500);
for (const p of moved) {
  p.status = 'delivered';
  p.substatus = 'posting_received';
  p.deliveredAt = now - 60_000;
  p.lastChangedStatusDate = now - 60_000;
}
runUntilDone(rt, 'syncOrders');
rows.push(measure(`hourly, ${moved.length} postings changed`, rt, sim, moved.length));
rows.push(measure('hourly, nothing changed', rt, sim, 0));

// The first run of a Moscow day (as if the last sweep were yesterday's): also the open postings.
const mark = JSON.parse(String(rt.properties.document.get(MARK_KEY))) as { swept?: string };
rt.properties.document.set(MARK_KEY, JSON.stringify({ ...mark, swept: '' }));
rows.push(measure('first run of a day (sweep)', rt, sim, 0));

console.log('\nFinance: Ozon fees and payouts (built bundle in the local runtime, Ozon simulator)\n');
console.table(rows);
console.log(
  `floor: ceil(postings / 200) calls of ${POSTINGS_PATH}; the first run reads every posting that carries money once,`,
);
console.log(
  'the hourly run reads by posting only the postings whose status changed, and by day the days since the last run',
);
console.log(
  '(corrections of old postings arrive there); the first run of a day also re-reads the postings whose accruals can',
);
console.log(
  'still change (last accrual, status change or order within 30 days) and three more days by day. Update finance',
);
console.log('from the menu (measured here) reconciles every time; the hourly trigger about once a day.');
