// A demo shop for integration tests: the built add-on in the local runtime, UrlFetchApp routed to the
// Ozon simulator in-process, both on the runtime's modeled clock, and the shop's credentials saved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRuntime, type FetchRequest, type FetchResponse, type RuntimeOptions } from '../../runtime';
import { createSimulator, type ShopOptions, type Simulator } from '../../simulator';

/** Stands between the add-on and the simulator: may pass the request on, change the answer or throw. */
export type Intercept = (req: FetchRequest, pass: (req: FetchRequest) => FetchResponse) => FetchResponse;

export type Runtime = ReturnType<typeof createRuntime>;

export interface DemoShop {
  rt: Runtime;
  sim: Simulator;
  /** Routes every Ozon request through `fn` (undefined: straight to the simulator). */
  intercept(fn: Intercept | undefined): void;
}

let distCopy: string | undefined;

/** The built add-on, copied once per test file: a rebuild running beside the tests cannot tear it. */
export function builtDist(): string {
  if (distCopy) return distCopy;
  const dist = path.join(__dirname, '../../dist');
  if (!fs.existsSync(path.join(dist, 'Code.js')))
    throw new Error('dist/ is missing: run npm run build first');
  distCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'odesk-dist-'));
  fs.cpSync(dist, distCopy, { recursive: true });
  return distCopy;
}

export function demoShop(shop: ShopOptions = {}, runtime: RuntimeOptions = {}): DemoShop {
  const start = shop.now ?? runtime.startTime ?? '2026-11-20T09:00:00Z';
  const sim = createSimulator({ seed: 7, postings: 200, days: 20, ...shop, now: start });
  let through: Intercept | undefined;
  const pass = (req: FetchRequest) => sim.handle(req);
  const rt = createRuntime({
    startTime: start,
    distDir: builtDist(),
    ...runtime,
    fetch: (req) => (through ? through(req, pass) : pass(req)),
  });
  sim.setClock(() => rt.clock.now());
  rt.properties.user.set('OZON_CLIENT_ID', sim.credentials.clientId);
  rt.properties.user.set('OZON_API_KEY', sim.credentials.apiKey);
  return {
    rt,
    sim,
    intercept: (fn) => {
      through = fn;
    },
  };
}

/** A tab's rows as objects keyed by header text (header row excluded). */
export function tabRecords(rt: Runtime, tab: string): Record<string, unknown>[] {
  const values = rt.spreadsheet.sheet(tab).values() as unknown[][];
  const header = (values[0] ?? []).map(String);
  // A plain loop: the invariant checks read whole tabs after every run, and Object.fromEntries over
  // header.map cost them twice the tab's read.
  const records: Record<string, unknown>[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (!row.some((cell) => cell !== '' && cell !== null)) continue;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) record[header[i]] = row[i];
    records.push(record);
  }
  return records;
}
