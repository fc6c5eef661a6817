// Ozon client benchmark against the in-process simulator: a year of FBS/rFBS postings read through
// date windows in parallel fetchAll rounds. Run: node -r ./scripts/ts-register.cjs scripts/bench-ozon.ts
// Modeled time: each fetchAll batch costs ~200 ms plus 15 ms per request (plus any pacing/backoff sleep).
// CPU is the client's own (the simulator's handling time is measured and subtracted).
import { createSimulator } from '../simulator';
import { createOzonClient } from '../src/ozon/client';
import { iso, splitWindows } from '../src/ozon/paging';
import type { ClockPort, HttpPort, HttpRequest, HttpResponse } from '../src/ozon/ports';

const SIZES = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const WINDOWS = 16;
const DAY = 86_400_000;

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

function run(postings: number) {
  const sim = createSimulator({ seed: 1, postings, days: 365, products: 400, warehouses: 3 });
  let now = sim.now();
  const clock: ClockPort = { now: () => now, sleep: (ms) => void (now += ms), random: Math.random };
  sim.setClock(() => now);
  let simCpu = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const http: HttpPort = {
    fetchAll(requests: HttpRequest[]): HttpResponse[] {
      const before = process.cpuUsage();
      const answers = requests.map((r) => sim.handle(r));
      simCpu += cpuMs(process.cpuUsage(before));
      now += 200 + 15 * requests.length;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      return answers.map((a) => ({ status: a.status, headers: a.headers, body: String(a.body) }));
    },
  };
  const client = createOzonClient({ credentials: sim.credentials, http, clock });
  const to = sim.now();
  let windows = splitWindows(iso(to - 365 * DAY), iso(to), WINDOWS);
  const started = now;
  const cpuBefore = process.cpuUsage();
  let count = 0;
  while (windows.some((w) => !w.done)) {
    const round = client.fbsListRound(windows, { by: 'created', parallel: WINDOWS });
    count += round.postings.length;
    windows = round.windows;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const cpu = cpuMs(process.cpuUsage(cpuBefore)) - simCpu;
  return {
    postings: count,
    requests: client.stats.requests,
    rounds: client.stats.rounds,
    modeledS: (now - started) / 1000,
    clientCpuMs: Math.round(cpu),
    simCpuMs: Math.round(simCpu),
    peakHeapMb: Math.round((peakHeap / 1048576) * 10) / 10,
  };
}

const rows = SIZES.map((n) => ({ target: n, ...run(n) }));
const head = [
  'shop postings',
  'FBS read',
  'requests',
  'fetchAll rounds',
  'modeled s',
  'client CPU ms',
  'sim CPU ms',
  'peak heap MB',
];
const table = rows.map((r) =>
  [
    r.target,
    r.postings,
    r.requests,
    r.rounds,
    r.modeledS.toFixed(1),
    r.clientCpuMs,
    r.simCpuMs,
    r.peakHeapMb,
  ].map(String),
);
const widths = head.map((h, k) => Math.max(h.length, ...table.map((row) => row[k].length)));
const line = (cells: string[]) => cells.map((c, k) => c.padStart(widths[k])).join('  ');
process.stdout.write(`Ozon client: one year of FBS/rFBS postings, ${WINDOWS} windows read side by side\n`);
process.stdout.write(line(head) + '\n' + table.map(line).join('\n') + '\n');
