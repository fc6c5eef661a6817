import type { KeyValueStore } from '../../../src/adapters/properties';
import type { BuiltReports } from '../../../src/reports/build';
import { loadNightlyJob, nightlyStep, type NightlyEnv } from '../../../src/reports/nightly';
import { NIGHTLY_EMAIL_KEY, NIGHTLY_HOUR_KEY, NIGHTLY_LAST_KEY } from '../../../src/reports/settings';
import type { SyncSummary } from '../../../src/shared/sync-schema';
import { fixedOffset } from '../../../src/core/time/serial';

const MIN = 60_000;

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    delete: (k) => void map.delete(k),
  };
}

function harness(opts: { syncResults?: SyncSummary['result'][]; syncTakes?: number } = {}) {
  let clock = 0;
  const store = memoryStore();
  const calls = { sync: 0, build: 0, send: 0 };
  const syncResults = [...(opts.syncResults ?? [])];
  let locked = false;
  const env: NightlyEnv = {
    now: () => clock,
    offset: fixedOffset(180),
    store,
    lock: () => (locked ? null : { release: () => undefined }),
    sync: () => {
      calls.sync++;
      clock += opts.syncTakes ?? MIN;
      const result = syncResults.shift() ?? 'done';
      return { result, message: result, fetched: 0, added: 0, updated: 0, newOrders: 0 };
    },
    build: () => {
      calls.build++;
      clock += MIN;
      return {} as BuiltReports;
    },
    compose: () => ({ subject: 'S', body: 'B' }),
    send: () => void calls.send++,
  };
  /** One hourly execution at an ISO instant. */
  const hourly = (iso: string) => {
    clock = Date.parse(iso);
    return nightlyStep(env, clock);
  };
  return { env, store, calls, hourly, setLocked: (v: boolean) => (locked = v) };
}

describe('nightly run', () => {
  it('runs once at the first hourly run after 02:00 Moscow, however often the trigger fires', () => {
    const h = harness();
    h.store.set(NIGHTLY_EMAIL_KEY, 'on');
    expect(h.hourly('2026-11-20T22:30:00Z').status).toBe('not-due'); // 01:30 Moscow
    expect(h.hourly('2026-11-20T23:10:00Z')).toMatchObject({ status: 'done', day: '2026-11-21' }); // 02:10
    expect(h.hourly('2026-11-20T23:11:00Z').status).toBe('not-due'); // a doubled trigger
    expect(h.hourly('2026-11-21T08:00:00Z').status).toBe('not-due');
    expect(h.calls).toEqual({ sync: 1, build: 1, send: 1 });
    expect(h.store.get(NIGHTLY_LAST_KEY)).toBe('2026-11-21');
    expect(loadNightlyJob(h.store)).toBeNull();
  });

  it('counts days in Moscow: 23:30 UTC is already the next day there', () => {
    const h = harness();
    h.store.set(NIGHTLY_HOUR_KEY, '0');
    expect(h.hourly('2026-11-20T20:30:00Z')).toMatchObject({ status: 'done', day: '2026-11-20' }); // 23:30 MSK
    expect(h.hourly('2026-11-20T21:30:00Z')).toMatchObject({ status: 'done', day: '2026-11-21' }); // 00:30 MSK
    expect(h.hourly('2026-11-20T23:30:00Z').status).toBe('not-due');
    expect(h.calls.build).toBe(2);
    expect(h.calls.send).toBe(0); // email is off by default
  });

  it('leaves a run another execution holds alone, and skips while the document is locked', () => {
    const h = harness();
    h.setLocked(true);
    expect(h.hourly('2026-11-21T00:00:00Z').status).toBe('locked');
    h.setLocked(false);
    const job = {
      day: '2026-11-21',
      phase: 'sync',
      leaseUntil: Date.parse('2026-11-21T00:05:00Z'),
      runs: 1,
      failures: 0,
    };
    h.store.set('ODESK_NIGHTLY_JOB', JSON.stringify(job));
    expect(h.hourly('2026-11-21T00:01:00Z').status).toBe('running');
    expect(h.calls.sync).toBe(0);
  });

  it('resumes across runs: a partial sync, then reports deferred by the deadline, then done', () => {
    const h = harness({ syncResults: ['partial', 'done'], syncTakes: 4 * MIN });
    expect(h.hourly('2026-11-21T00:00:00Z')).toMatchObject({ status: 'partial', phase: 'sync' });
    // The sync finished, but it used four minutes: the reports wait for the next execution.
    expect(h.hourly('2026-11-21T01:00:00Z')).toMatchObject({ status: 'partial', phase: 'reports' });
    expect(h.calls).toMatchObject({ sync: 2, build: 0 });
    expect(h.hourly('2026-11-21T02:00:00Z')).toMatchObject({ status: 'done', phase: 'email' });
    expect(h.calls).toMatchObject({ sync: 2, build: 1 });
    expect(h.hourly('2026-11-21T03:00:00Z').status).toBe('not-due');
  });

  it('builds reports even when the sync failed, and gives up a failing build after three tries', () => {
    const h = harness({ syncResults: ['failed'] });
    h.env.build = () => {
      throw new Error('boom');
    };
    expect(h.hourly('2026-11-21T00:00:00Z')).toMatchObject({ status: 'failed', phase: 'reports' });
    expect(h.hourly('2026-11-21T01:00:00Z').status).toBe('failed');
    expect(h.hourly('2026-11-21T02:00:00Z')).toMatchObject({ status: 'failed', message: 'boom' });
    expect(h.hourly('2026-11-21T03:00:00Z').status).toBe('not-due');
    expect(h.calls.sync).toBe(1);
  });
});
