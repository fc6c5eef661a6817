// What each finance run reads: everything the first time, then the days since the last run, and once
// a Moscow day the open postings and a few days more (src/finance/job.ts).
import {
  CHANGED_OVERLAP_MS,
  finishFinanceJob,
  FINANCE_JOB_KEY,
  loadFinanceJob,
  loadFinanceMark,
  OVERLAP_DAYS,
  planFinanceJob,
  saveFinanceJob,
} from '../../../src/finance/job';
import type { KeyValueStore } from '../../../src/adapters/properties';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    delete: (k) => void data.delete(k),
  };
}

const at = (iso: string) => Date.parse(iso);

describe('finance job', () => {
  it('reads every posting the first time, no day, and counts as the day’s sweep', () => {
    const job = planFinanceJob(at('2026-11-20T09:00:00Z'), null);
    expect(job).toMatchObject({ mode: 'initial', sweep: false, swept: '2026-11-20', days: [] });
    expect(job.changedSince).toBeNull();
  });

  it('an hour later, in the same Moscow day: only that day by day, postings changed since the last run', () => {
    const store = memoryStore();
    const first = planFinanceJob(at('2026-11-20T09:00:00Z'), null);
    finishFinanceJob(store, first);
    const job = planFinanceJob(at('2026-11-20T10:00:00Z'), loadFinanceMark(store));
    expect(job).toMatchObject({
      mode: 'incremental',
      sweep: false,
      swept: '2026-11-20',
      days: ['2026-11-20'],
    });
    expect(job.changedSince).toBe(first.startedAt - CHANGED_OVERLAP_MS);
    // Orders' "Last changed" stamps the last run saw: only later ones count as changed.
    expect(job.seenAfter).toBeNull();
    finishFinanceJob(store, { ...job, ordersSeen: 46346.5 });
    expect(planFinanceJob(at('2026-11-20T11:00:00Z'), loadFinanceMark(store)).seenAfter).toBe(46346.5);
  });

  it('the first run of a Moscow day (21:00 UTC) sweeps: the last run’s day, the days before it, today', () => {
    const store = memoryStore();
    finishFinanceJob(store, planFinanceJob(at('2026-11-20T20:30:00Z'), null));
    const job = planFinanceJob(at('2026-11-20T21:30:00Z'), loadFinanceMark(store));
    expect(job.sweep).toBe(true);
    expect(job.swept).toBe('2026-11-21');
    expect(job.days).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21']);
    expect(job.days.length).toBe(OVERLAP_DAYS + 2);
    finishFinanceJob(store, job);
    // The next hour does not sweep again.
    const next = planFinanceJob(at('2026-11-20T22:30:00Z'), loadFinanceMark(store));
    expect(next).toMatchObject({ sweep: false, days: ['2026-11-21'] });
  });

  it('after days without a run, reads every day since, and sweeps', () => {
    const store = memoryStore();
    finishFinanceJob(store, planFinanceJob(at('2026-11-20T09:00:00Z'), null));
    const job = planFinanceJob(at('2026-11-26T09:00:00Z'), loadFinanceMark(store));
    expect(job.sweep).toBe(true);
    expect(job.days[0]).toBe('2026-11-17');
    expect(job.days.at(-1)).toBe('2026-11-26');
    expect(job.days.length).toBe(10);
  });

  it('a mark from before sweeps existed sweeps once; a job saved by the older version is planned again', () => {
    const store = memoryStore();
    store.set('ODESK_FINANCE_MARK', JSON.stringify({ day: '2026-11-20', at: at('2026-11-20T09:00:00Z') }));
    expect(planFinanceJob(at('2026-11-20T10:00:00Z'), loadFinanceMark(store)).sweep).toBe(true);
    store.set(FINANCE_JOB_KEY, JSON.stringify({ v: 1, mode: 'incremental', days: [] }));
    expect(loadFinanceJob(store)).toBeNull();
    const job = planFinanceJob(at('2026-11-20T10:00:00Z'), loadFinanceMark(store));
    saveFinanceJob(store, job);
    expect(loadFinanceJob(store)).toEqual(job);
  });
});
