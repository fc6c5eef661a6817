// Self-check reports as fixtures: the shipped ones load and validate, and a runtime created from a
// report follows it — what a clock run has, whether its event carries triggerUid, and the latencies
// it measured — instead of the runtime's own guesses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LATENCY, fixtureFiles, latestFixture, loadFixture, platformModel } from '../index';
import type { SelfCheckReport } from '../../src/shared/selfcheck-schema';
import { fixture } from './fixture';

const CODE = `
function seen_(e) {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet() !== null,
    properties: PropertiesService.getDocumentProperties() !== null,
    lock: LockService.getDocumentLock() !== null,
    cache: CacheService.getDocumentCache() !== null,
    uid: Boolean(e && e.triggerUid),
  };
}
function install() { ScriptApp.newTrigger('record').timeBased().everyHours(1).create(); }
function record(e) { PropertiesService.getUserProperties().setProperty('seen', JSON.stringify(seen_(e))); }
function askOzon() {
  UrlFetchApp.fetchAll([{ url: 'https://api-seller.ozon.ru/v1/roles', method: 'post', payload: '{}' }]);
}
`;

const shipped = (): SelfCheckReport => {
  const modelled = latestFixture('modelled');
  if (!modelled) throw new Error('no modelled fixture shipped');
  return modelled.report;
};

function measured(change: (r: SelfCheckReport) => void): SelfCheckReport {
  const report = structuredClone(shipped());
  report.evidence = 'measured';
  change(report);
  return report;
}

function clockRunSeen(rt: ReturnType<typeof fixture>): Record<string, boolean> {
  rt.run('install');
  rt.clock.advance(3_600_000);
  expect(rt.fireTimeTriggers().map((r) => r.error)).toEqual([undefined]);
  return JSON.parse(rt.properties.user.get('seen') ?? '{}') as Record<string, boolean>;
}

describe('shipped fixtures', () => {
  it('every file in runtime/fixtures/ is a valid self-check report named after its day', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const loaded = loadFixture(file);
      expect(loaded.report.takenAt.slice(0, 10)).toBe(loaded.date);
    }
    // The one made from the runtime says so: it is no measurement.
    expect(files.some((f) => loadFixture(f).report.evidence === 'modelled')).toBe(true);
  });

  it('refuses a file that is no report, or whose name says another day', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odesk-fixtures-'));
    fs.writeFileSync(path.join(dir, '2026-01-02-bad.json'), JSON.stringify({ format: 'other' }));
    fs.writeFileSync(path.join(dir, '2026-01-03-late.json'), JSON.stringify(shipped()));
    expect(() => loadFixture('2026-01-02-bad.json', dir)).toThrow(/not a self-check report/);
    expect(() => loadFixture('2026-01-03-late.json', dir)).toThrow(/taken on .* named 2026-01-03/);
    expect(() => loadFixture(path.join(dir, 'report.json'))).toThrow(/YYYY-MM-DD/);
  });
});

describe('a runtime set from a report', () => {
  it('without one, a clock run has everything (the runtime default)', () => {
    expect(clockRunSeen(fixture(CODE))).toEqual({
      spreadsheet: true,
      properties: true,
      lock: true,
      cache: true,
      uid: true,
    });
  });

  it('a measured clock run without a document makes every clock run so', () => {
    const report = measured((r) => {
      r.clockRun.seen = {
        ...r.clockRun.seen!,
        activeSpreadsheet: false,
        documentProperties: false,
        documentLock: false,
        documentCache: false,
      };
    });
    const rt = fixture(CODE, { platform: report });
    expect(rt.platform?.clockRun?.activeSpreadsheet).toBe(false);
    expect(clockRunSeen(rt)).toEqual({
      spreadsheet: false,
      properties: false,
      lock: false,
      cache: false,
      uid: true,
    });
    // Menus and the sidebar keep their document.
    rt.run('record', [], { trigger: 'menu' });
    expect(JSON.parse(rt.properties.user.get('seen')!)).toMatchObject({ spreadsheet: true, cache: true });
  });

  it('each part on its own: a document but no cache, and an event without triggerUid', () => {
    const report = measured((r) => {
      r.clockRun.seen = { ...r.clockRun.seen!, documentCache: false, triggerUid: false };
    });
    expect(clockRunSeen(fixture(CODE, { platform: report }))).toEqual({
      spreadsheet: true,
      properties: true,
      lock: true,
      cache: false,
      uid: false,
    });
  });

  it('a clock run that never happened changes nothing', () => {
    const report = measured((r) => {
      r.clockRun = { ...r.clockRun, status: 'pending', ranAt: null, seen: null };
    });
    expect(fixture(CODE, { platform: report }).platform?.clockRun).toBeNull();
  });

  it('takes the fetchAll latency it measured', () => {
    const report = measured((r) => {
      r.fetchAll = { ...r.fetchAll, status: 'ok', requests: 1, ms: 1400 };
    });
    const cost = (rt: ReturnType<typeof fixture>) => {
      const before = rt.clock.now();
      rt.run('askOzon');
      return rt.clock.now() - before;
    };
    const fetch = () => ({ status: 200, body: '{}' });
    const slow = fixture(CODE, { platform: report, fetch });
    const plain = fixture(CODE, { fetch });
    expect(slow.latency.fetchAllBase).toBe(1400 - DEFAULT_LATENCY.fetchAllPerRequest);
    expect(cost(slow) - cost(plain)).toBe(slow.latency.fetchAllBase - DEFAULT_LATENCY.fetchAllBase);
    // An explicit latency still wins over the report.
    expect(fixture(CODE, { platform: report, latency: { fetchAllBase: 5 } }).latency.fetchAllBase).toBe(5);
  });

  it('fits the block writes it timed as a cost per call and per cell', () => {
    const perCall = 350;
    const perCell = 0.012;
    const report = measured((r) => {
      r.writes = [
        [10_000, 1],
        [100_000, 3],
        [500_000, 14],
      ].map(([cells, requests]) => ({
        cells,
        requests,
        status: 'ok' as const,
        ms: requests * perCall + cells * perCell,
        largestBodyBytes: 1_000_000,
        error: null,
      }));
    });
    const model = platformModel(report, DEFAULT_LATENCY);
    expect(model.latency.advancedSheets).toBeCloseTo(perCall, 6);
    expect(model.latency.perCellMs).toBeCloseTo(perCell, 9);
    // One size only: the per-cell cost, the call cost kept.
    const one = measured((r) => {
      r.writes = [{ ...r.writes[0], status: 'ok', cells: 10_000, requests: 1, ms: 120 + 10_000 * perCell }];
    });
    const single = platformModel(one, DEFAULT_LATENCY);
    expect(single.latency.advancedSheets).toBeUndefined();
    expect(single.latency.perCellMs).toBeCloseTo(perCell, 9);
  });
});
