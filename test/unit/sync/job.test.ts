import {
  finishJob,
  jobDone,
  loadJob,
  loadMark,
  lookbackDays,
  planJob,
  saveJob,
  noteFresh,
  type WindowCursor,
} from '../../../src/sync/job';
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

const split = (from: string, to: string, count: number): WindowCursor[] => {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Array.from({ length: count }, (_, i) => ({
    from: new Date(a + ((b - a) * i) / count).toISOString(),
    to: new Date(a + ((b - a) * (i + 1)) / count).toISOString(),
    cursor: '',
    done: false,
    pages: 0,
  }));
};

const now = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;

describe('planJob', () => {
  it('first sync reads the look-back by creation date, in parallel windows', () => {
    const job = planJob({ now, mark: null, lookbackDays: 30, source: 'menu', split, id: 'a' });
    expect(job.mode).toBe('initial');
    expect(job.fbsBy).toBe('created');
    expect(job.fbs).toHaveLength(8);
    expect(Date.parse(job.fbs[0].from)).toBe(now - 30 * DAY);
    expect(job.fbs[7].to).toBe(new Date(now).toISOString());
    expect(Date.parse(job.fbo[0].from)).toBe(now - 40 * DAY);
  });

  it('later syncs read what changed since the last mark, with an overlap, and FBO over 40 days', () => {
    const mark = { to: '2026-11-20T08:00:00.000Z', completedAt: now - 3_600_000 };
    const job = planJob({ now, mark, lookbackDays: 30, source: 'trigger', split, id: 'b' });
    expect(job.mode).toBe('incremental');
    expect(job.fbsBy).toBe('changed');
    expect(job.fbs).toHaveLength(1);
    expect(job.fbs[0].from).toBe('2026-11-20T07:45:00.000Z');
    expect(Date.parse(job.fbo[0].from)).toBe(now - 40 * DAY);
  });

  it('never reaches back more than a year, even after a long pause', () => {
    const mark = { to: '2024-01-01T00:00:00.000Z', completedAt: 0 };
    const job = planJob({ now, mark, lookbackDays: 30, source: 'menu', split, id: 'c' });
    expect(Date.parse(job.fbs[0].from)).toBe(now - 365 * DAY);
  });
});

describe('the FBO sweep', () => {
  const done = (windows: WindowCursor[]) => windows.map((w) => ({ ...w, done: true }));
  const finish = (store: ReturnType<typeof memoryStore>, at: number) => {
    const job = planJob({
      now: at,
      mark: loadMark(store),
      lookbackDays: 30,
      source: 'trigger',
      split,
      id: 'x',
    });
    const fin = { ...job, fbs: done(job.fbs), fbo: done(job.fbo), fbp: done(job.fbp ?? []) };
    return { job, fin: { ...fin, fboSweep: done(job.fboSweep ?? []) } };
  };

  it('reads 10 days beyond the rolling window per job, newest first, back to a year, then starts again', () => {
    const store = memoryStore();
    finishJob(store, planJob({ now, mark: null, lookbackDays: 30, source: 'menu', split, id: 'i' }), now);
    let covered = Infinity;
    let at = now;
    for (let k = 0; k < 33; k++) {
      at += 3_600_000;
      const { job, fin } = finish(store, at);
      const sweep = job.fboSweep ?? [];
      expect(sweep.length).toBeGreaterThan(0);
      const from = Date.parse(sweep[0].from);
      const to = Date.parse(sweep[sweep.length - 1].to);
      if (k === 0) expect(to).toBe(at - 40 * DAY);
      else expect(to).toBe(covered);
      expect(to - from).toBeLessThanOrEqual(10 * DAY);
      expect(from).toBeGreaterThanOrEqual(at - 365 * DAY);
      covered = from;
      finishJob(store, fin, at);
    }
    expect(covered).toBe(now + 33 * 3_600_000 - 365 * DAY);
    at += 3_600_000;
    const again = finish(store, at).job.fboSweep ?? [];
    expect(Date.parse(again[again.length - 1].to)).toBe(at - 40 * DAY);
  });

  it('a sweep cut by the deadline goes on from its cursors in the next job, which is not held up by it', () => {
    const store = memoryStore();
    finishJob(store, planJob({ now, mark: null, lookbackDays: 30, source: 'menu', split, id: 'i' }), now);
    const { job } = finish(store, now + 3_600_000);
    const cut = { ...job, fbs: done(job.fbs), fbo: done(job.fbo), fbp: done(job.fbp ?? []) };
    cut.fboSweep = (job.fboSweep ?? []).map((w, i) => (i === 0 ? { ...w, cursor: 'c1', pages: 1 } : w));
    expect(jobDone(cut)).toBe(true);
    finishJob(store, cut, now + 3_600_000);
    const next = finish(store, now + 7_200_000).job;
    expect(next.fboSweep).toEqual(cut.fboSweep);
  });
});

describe('job persistence', () => {
  it('round-trips through document properties within the 9 KB value limit, and finishing sets the mark', () => {
    const store = memoryStore();
    const job = planJob({ now, mark: null, lookbackDays: 365, source: 'menu', split, id: 'd' });
    noteFresh(
      job,
      Array.from({ length: 80 }, (_, i) => `0${i}-0001-1`),
    );
    saveJob(store, job);
    expect((store.data.get('ODESK_SYNC_JOB') as string).length).toBeLessThan(9 * 1024);
    expect(loadJob(store)).toEqual(job);
    expect(job.fresh).toHaveLength(50);
    expect(job.freshCount).toBe(80);
    expect(jobDone(job)).toBe(false);
    finishJob(store, job, now + 1000);
    expect(loadJob(store)).toBeNull();
    expect(loadMark(store)).toEqual({ to: job.to, completedAt: now + 1000 });
  });

  it('ignores a corrupted saved job and an out-of-range look-back', () => {
    const store = memoryStore();
    store.set('ODESK_SYNC_JOB', '{not json');
    expect(loadJob(store)).toBeNull();
    store.set('ODESK_LOOKBACK_DAYS', '500');
    expect(lookbackDays(store)).toBe(30);
    store.set('ODESK_LOOKBACK_DAYS', '90');
    expect(lookbackDays(store)).toBe(90);
  });
});
