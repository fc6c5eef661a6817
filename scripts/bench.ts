// `npm run bench`: what the add-on costs, measured on the built bundle in the local runtime against the
// Ozon simulator. Figures come from the runtime's counters and modeled clock (a fixed latency per
// service call), plus Node's own CPU time and peak heap. Not a test: it prints, it does not judge.
//   npm run bench                 all sizes (1k, 10k, 50k postings)
//   npm run bench -- 1000,10000   chosen sizes
import { DEFAULT_LATENCY } from '../runtime';
import { demoShop, type Runtime } from '../test/support/shop';
import { benchOzonStock } from './bench-ozon-stock';

const SIZES = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const LIMIT_MS = 6 * 60_000;

interface Phase {
  label: string;
  executions: number;
  ozonRequests: number;
  fetchAllRounds: number;
  sheetsReads: number;
  sheetsWrites: number;
  advancedSheetsCalls: number;
  cellsWritten: number;
  /** Largest Sheets API request body (kB; Google refuses over 10,485.76 kB, recommends ≤ 2,000). */
  maxSheetsBodyKB: number;
  /** Busiest minute's Sheets API requests (read + write; the quota is 60 + 60 per user). */
  peakSheetsPerMin: number;
  sheets429: number;
  modeledS: number;
  longestExecutionS: number;
  cpuS: number;
  peakHeapMb: number;
}

function measure(label: string, rt: Runtime, step: () => string): Phase {
  rt.resetCounters();
  const cpu = process.cpuUsage();
  let executions = 0;
  let longest = 0;
  let peak = process.memoryUsage().heapUsed;
  let result = 'partial';
  while (result === 'partial' && executions < 40) {
    const before = rt.counters.modeledMs;
    result = step();
    executions++;
    longest = Math.max(longest, rt.counters.modeledMs - before);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  if (result !== 'done') throw new Error(`${label}: ended with ${result}`);
  if (longest > LIMIT_MS) throw new Error(`${label}: an execution ran past 6 minutes`);
  const used = process.cpuUsage(cpu);
  const c = rt.counters;
  return {
    label,
    executions,
    ozonRequests: c.fetches,
    fetchAllRounds: c.fetchAllBatches,
    sheetsReads: c.sheetsReads,
    sheetsWrites: c.sheetsWrites,
    advancedSheetsCalls: c.advancedSheetsCalls,
    cellsWritten: c.cellsWritten,
    maxSheetsBodyKB: Math.round(rt.sheetsApi.maxBodyBytes / 100) / 10,
    peakSheetsPerMin: rt.sheetsApi.peakPerMinute.total,
    sheets429: rt.sheetsApi.quotaRefusals,
    modeledS: Math.round(c.modeledMs / 100) / 10,
    longestExecutionS: Math.round(longest / 100) / 10,
    cpuS: Math.round((used.user + used.system) / 1e5) / 10,
    peakHeapMb: Math.round(peak / 1e6),
  };
}

function syncStep(rt: Runtime): string {
  const answer = rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncOrders');
  if (!answer.ok || answer.data.result === 'failed') throw new Error(JSON.stringify(answer));
  return answer.data.result;
}

/** A menu command that answers with an ApiResult; it counts as done when it succeeds. */
function menuStep(rt: Runtime, name: string): string {
  const answer = rt.run<{ ok: boolean; error?: { message: string } }>(name);
  if (!answer.ok) throw new Error(`${name}: ${answer.error?.message}`);
  return 'done';
}

/** Changes the status of 1% of the shop's open FBS postings, as Ozon would between two syncs. */
function changeOnePercent(rt: Runtime, sim: ReturnType<typeof demoShop>['sim']): number {
  const candidates = [...sim.state.postings.values()].filter(
    (p) => p.scheme !== 'fbo' && p.status !== 'delivered' && p.status !== 'cancelled',
  );
  const count = Math.max(1, Math.round(sim.state.postings.size / 100));
  const now = rt.clock.now();
  for (const p of candidates.slice(0, count)) {
    p.status = p.status === 'delivering' ? 'delivered' : 'delivering';
    p.lastChangedStatusDate = now;
  }
  return Math.min(count, candidates.length);
}

const rows: (Phase & { postings: number })[] = [];
for (const size of SIZES) {
  const setup = Date.now();
  const { rt, sim } = demoShop(
    { postings: size, days: 30, products: Math.min(5000, Math.max(100, size / 10)), seed: 1 },
    { timeZone: 'Europe/Moscow' },
  );
  sim.setValidateRequests(false); // the bench measures the add-on, not the simulator's spec checks
  process.stderr.write(`shop of ${sim.state.postings.size} postings generated in ${Date.now() - setup} ms\n`);
  rows.push({ postings: sim.state.postings.size, ...measure('first sync', rt, () => syncStep(rt)) });
  rt.clock.advance(60 * 60_000);
  const changed = changeOnePercent(rt, sim);
  rows.push({
    postings: sim.state.postings.size,
    ...measure(`+1 h, ${changed} changed`, rt, () => syncStep(rt)),
  });
  // Right after: nothing changed on Ozon.
  rows.push({ postings: sim.state.postings.size, ...measure('no change', rt, () => syncStep(rt)) });
  rows.push({
    postings: sim.state.postings.size,
    ...measure('build reports', rt, () => menuStep(rt, 'buildReports')),
  });
  rows.push({
    postings: sim.state.postings.size,
    ...measure('import products', rt, () => menuStep(rt, 'importProducts')),
  });
  rows.push({
    postings: sim.state.postings.size,
    ...measure('refresh inventory', rt, () => menuStep(rt, 'refreshInventory')),
  });
}

console.log(
  '\nOrders sync, reports and inventory (built bundle in the local runtime, Ozon simulator, Europe/Moscow)\n',
);
console.table(rows);
console.log(
  'executions: Apps Script runs needed (each stops before 6 min and the next continues); modeledS: modeled Apps Script time;',
);
console.log(
  'cpuS: Node CPU for the whole phase (bundle + runtime + simulator); cells written include the Sync log row.',
);

// Google does not publish its per-cell write cost; the model's is DEFAULT_LATENCY.perCellMs. What the
// biggest first sync costs if Google's is ten times that:
const biggest = Math.max(...SIZES);
if (biggest >= 50_000) {
  const { rt, sim } = demoShop(
    { postings: biggest, days: 30, products: 5000, seed: 1 },
    { timeZone: 'Europe/Moscow', latency: { perCellMs: DEFAULT_LATENCY.perCellMs * 10 } },
  );
  sim.setValidateRequests(false);
  const slow = measure('first sync, 10× per-cell cost', rt, () => syncStep(rt));
  const base = rows.filter((r) => r.label === 'first sync').sort((a, b) => b.postings - a.postings)[0];
  console.log(
    `\n${sim.state.postings.size} postings, first sync at 10× the model's per-cell write cost (${DEFAULT_LATENCY.perCellMs * 10} ms/cell): ` +
      `${slow.executions} executions, ${slow.modeledS} s modeled (at the model's cost, ${base.postings} postings: ${base.executions} executions, ${base.modeledS} s), ` +
      `longest execution ${slow.longestExecutionS} s, largest body ${slow.maxSheetsBodyKB} kB, peak ${slow.peakSheetsPerMin} Sheets requests/min.`,
  );
}

benchOzonStock();
