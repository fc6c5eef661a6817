// The Ozon client against the in-process simulator: an HttpPort whose fetchAll calls sim.handle, and a
// fake clock that is the simulator's clock too. A batch takes as long as its slowest answer.
import { createSimulator, type Faults, type ShopOptions, type Simulator } from '../../../simulator';
import { createOzonClient, type OzonClient, type OzonClientOptions } from '../../../src/ozon/client';
import type { HttpPort, HttpRequest, HttpResponse } from '../../../src/ozon/ports';
import { FakeClock } from './support';

export interface Logged {
  at: number;
  path: string;
  status: number;
  fault?: string;
}

export interface Harness {
  sim: Simulator;
  clock: FakeClock;
  http: HttpPort;
  log: Logged[];
  client(extra?: Partial<OzonClientOptions>): OzonClient;
}

export function harness(shop: ShopOptions = {}, faults?: Faults): Harness {
  const sim = createSimulator(shop);
  const clock = new FakeClock(sim.now(), shop.seed ?? 7);
  sim.setClock(() => clock.now());
  if (faults) sim.setFaults(faults);
  const log: Logged[] = [];
  const http: HttpPort = {
    fetchAll(requests: HttpRequest[]): HttpResponse[] {
      const at = clock.now();
      const answers = requests.map((r) => sim.handle(r));
      clock.advance(Math.max(0, ...answers.map((a) => a.latencyMs ?? 0)));
      return answers.map((a, k) => {
        log.push({
          at,
          path: new URL(requests[k].url).pathname,
          status: a.status,
          fault: a.headers['x-sim-fault'],
        });
        const bytes = typeof a.body === 'string' ? null : a.body;
        return {
          status: a.status,
          headers: a.headers,
          body: bytes ? '' : (a.body as string),
          ...(bytes ? { bytes: () => bytes } : {}),
        };
      });
    },
  };
  return {
    sim,
    clock,
    http,
    log,
    client: (extra = {}) => createOzonClient({ credentials: sim.credentials, http, clock, ...extra }),
  };
}

/** The largest number of requests inside any window of `windowMs` (optionally for one path). */
export function peakInWindow(log: readonly Logged[], windowMs: number, path?: string): number {
  const times = log.filter((l) => !path || l.path === path).map((l) => l.at);
  times.sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
