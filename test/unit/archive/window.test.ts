import { ArchiveSettingsInput } from '../../../src/shared/archive-schema';
import { cutoffSerial, isArchivable, isFinished, monthOfSerial } from '../../../src/core/archive/window';
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
