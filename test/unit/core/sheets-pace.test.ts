import type * as Quota from '../../../src/adapters/sheets-quota';

// The Sheets adapter keeps each execution under Google's per-minute quota by itself, instead of
// running into 429s: at most 50 reads and 50 writes in any minute (Google allows 60 per user).
describe('Sheets API pacing', () => {
  let now = 0;
  const sleeps: number[] = [];
  beforeEach(() => {
    jest.resetModules();
    now = Date.parse('2026-11-20T09:00:00Z');
    sleeps.length = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    (globalThis as unknown as { Utilities: unknown }).Utilities = {
      sleep: (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    };
  });
  afterEach(() => jest.restoreAllMocks());

  const busiestMinute = (times: number[]) =>
    Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));

  // A fresh module per test: its pace is per execution, as Apps Script starts each one afresh.
  const load = () => jest.requireActual<typeof Quota>('../../../src/adapters/sheets-quota');

  it('never makes more than 50 calls of a kind in a minute, and keeps reads and writes apart', () => {
    const { withSheetsQuota, sheetsQuotaWaitMs } = load();
    const reads: number[] = [];
    const writes: number[] = [];
    for (let i = 0; i < 120; i++) {
      withSheetsQuota(() => reads.push(now), now + 300_000, 'read');
      withSheetsQuota(() => writes.push(now), now + 300_000, 'write');
      now += 200; // each call takes 0.2 s
    }
    expect(reads).toHaveLength(120);
    expect(busiestMinute(reads)).toBeLessThanOrEqual(50);
    expect(busiestMinute(writes)).toBeLessThanOrEqual(50);
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sheetsQuotaWaitMs()).toBe(sleeps.reduce((a, b) => a + b, 0));
  });

  it('does not wait past the caller’s deadline: the call goes ahead (a 429 is handled as before)', () => {
    const { withSheetsQuota } = load();
    for (let i = 0; i < 50; i++) withSheetsQuota(() => undefined, now + 300_000, 'write');
    let ran = false;
    withSheetsQuota(() => (ran = true), now + 1_000, 'write');
    expect(ran).toBe(true);
    expect(sleeps).toEqual([]);
  });
});
