import { ArchiveSettingsInput } from '../../../src/shared/archive-schema';
import {
  budgetCutoff,
  cutoffSerial,
  isArchivable,
  isFinished,
  monthOfSerial,
  monthsBack,
} from '../../../src/core/archive/window';
import { liveDays, readArchiveSettings, saveArchiveSettings } from '../../../src/archive/settings';

const store = () => {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: (k: string, v: string) => void m.set(k, v),
    delete: (k: string) => void m.delete(k),
  };
};

describe('live window', () => {
  it('keeps open postings and recent ones, archives old finished ones', () => {
    const now = 46358; // 2026-12-02
    const cutoff = cutoffSerial(now + 0.6, 90);
    expect(cutoff).toBe(46268);
    expect(isArchivable('delivered', 46200, cutoff)).toBe(true);
    expect(isArchivable('cancelled', 46267.9, cutoff)).toBe(true);
    expect(isArchivable('delivered', 46268, cutoff)).toBe(false);
    expect(isArchivable('awaiting_deliver', 46000, cutoff)).toBe(false);
    expect(isArchivable('arbitration', 46000, cutoff)).toBe(false);
    expect(isArchivable('delivered', '', cutoff)).toBe(false);
    expect(isFinished('not_accepted')).toBe(true);
  });

  it('names the month of a serial date', () => {
    expect(monthOfSerial(46357.99)).toBe('2026-12');
    expect(monthOfSerial(46356.999)).toBe('2026-11');
    expect(monthOfSerial(46356)).toBe('2026-11');
    expect(monthOfSerial(46023)).toBe('2026-01');
    expect(monthOfSerial(46022.5)).toBe('2025-12');
  });

  it('validates the live window and stores it', () => {
    expect(ArchiveSettingsInput.safeParse({ liveDays: '90' }).success).toBe(true);
    const low = ArchiveSettingsInput.safeParse({ liveDays: 10 });
    expect(low.success).toBe(false);
    expect(low.error?.issues[0].message).toBe('error.archive.liveDays');
    expect(ArchiveSettingsInput.safeParse({ liveDays: 90.5 }).success).toBe(false);
    const s = store();
    expect(liveDays(s)).toBe(90);
    const view = saveArchiveSettings(
      s,
      ArchiveSettingsInput.parse({ liveDays: 120, includeInReports: true }),
    );
    expect(view).toMatchObject({
      liveDays: 120,
      includeInReports: true,
      backend: 'sheets',
      volumes: [],
      pending: false,
    });
    expect(readArchiveSettings(s).liveDays).toBe(120);
  });
});

test('a live window that is not a number gets the same localised message', () => {
  const parsed = ArchiveSettingsInput.safeParse({ liveDays: 'x' });
  expect(parsed.error?.issues[0].message).toBe('error.archive.liveDays');
});

test('a shop too busy for the day window keeps fewer days, oldest finished postings first', () => {
  // Within the budget: the day window.
  expect(budgetCutoff(100, 1_000, [90, 95, 120], 50, 2_000)).toBe(100);
  // 3,000 cells, 2,000 allowed, 50 a posting: 20 postings go, 2 of them already before the cutoff.
  const dates = Array.from({ length: 40 }, (_v, i) => 90 + i);
  expect(budgetCutoff(92, 3_000, dates, 50, 2_000)).toBe(110);
  // Never earlier than the day window.
  expect(budgetCutoff(125, 3_000, dates, 50, 2_000)).toBe(125);
});

test('months back: the count of months ending with the given one, across a year boundary', () => {
  expect(monthsBack('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  expect(monthsBack('2026-12', 1)).toEqual(['2026-12']);
  expect(monthsBack('2026-01', 13)[0]).toBe('2025-01');
});

test('reports reach 12 archived months by default; 1–60 are accepted', () => {
  const doc = store();
  expect(readArchiveSettings(doc).reportMonths).toBe(12);
  saveArchiveSettings(doc, ArchiveSettingsInput.parse({ liveDays: 90, reportMonths: '3' }));
  expect(readArchiveSettings(doc).reportMonths).toBe(3);
  for (const bad of [0, 61, 2.5, 'x'])
    expect(ArchiveSettingsInput.safeParse({ liveDays: 90, reportMonths: bad }).error?.issues[0].message).toBe(
      'error.archive.reportMonths',
    );
});
