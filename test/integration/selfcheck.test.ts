// Menu "Check this spreadsheet" on the built bundle: the probes run in the runtime both with and
// without an active document in clock runs, undo themselves, and produce a report the shared schema
// accepts — with no key, no Client-Id and no buyer data in it.
import { SelfCheckReport, type SelfCheckView } from '../../src/shared/selfcheck-schema';
import { latestFixture } from '../../runtime';
import { demoShop, type DemoShop } from '../support/shop';

jest.setTimeout(120_000);

const HOUR = 3_600_000;

function check(shop: DemoShop, name = 'runSelfCheck'): SelfCheckView {
  const answer = shop.rt.callFromSidebar<{ ok: boolean; data: SelfCheckView; error?: unknown }>(name);
  expect(answer.error).toBeUndefined();
  expect(answer.ok).toBe(true);
  return answer.data;
}

const probeTriggers = (shop: DemoShop) =>
  shop.rt.triggers.filter((t) => t.handlerFunction === 'onSelfCheckTrigger');

function secretsAbsent(shop: DemoShop, text: string): void {
  expect(text).not.toContain(shop.sim.credentials.apiKey);
  expect(text).not.toContain(shop.sim.credentials.clientId);
  expect(text.toLowerCase()).not.toMatch(/@|\+7\d{6}|buyer|customer/);
}

describe.each([
  ['without', false],
  ['with', true],
] as const)('self-check, clock runs %s an active document', (_label, withDocument) => {
  it('times every probe, undoes them, and the clock run reports what it saw', () => {
    const shop = demoShop({ postings: 20 }, { spreadsheetId: `1SelfCheck${withDocument ? 'Doc' : 'NoDoc'}` });
    const tabsBefore = shop.rt.spreadsheet.sheetNames();
    shop.rt.resetCounters();
    const first = check(shop);
    const report = SelfCheckReport.parse(first.report);
    expect(report.evidence).toBe('measured');
    expect(report.writes.map((w) => [w.cells, w.status])).toEqual([
      [10_000, 'ok'],
      [100_000, 'ok'],
      [500_000, 'ok'],
    ]);
    // The writer chunked every block within the 2 MB body rule.
    for (const w of report.writes) expect(w.largestBodyBytes).toBeLessThanOrEqual(2_000_000);
    expect(report.writes[2].requests).toBeGreaterThan(1);
    expect(shop.rt.sheetsApi.maxBodyBytes).toBeLessThanOrEqual(2_000_000);
    expect(shop.rt.counters.cellsWritten).toBeGreaterThanOrEqual(610_000);
    expect(report.fetchAll).toMatchObject({ status: 'ok', requests: 1, httpStatus: 200 });
    expect(shop.rt.fetchLog.filter((f) => f.request.url.endsWith('/v1/roles'))).toHaveLength(1);
    expect(report.mapping).toMatchObject({ status: 'ok', postings: 1000 });
    expect(report.triggers).toMatchObject({ status: 'ok', project: 1, document: 1, otherDocuments: 0 });
    expect(report.triggers.handlers).toEqual(['onSelfCheckTrigger']);
    expect(report.clockRun).toMatchObject({ status: 'pending', via: 'probe-trigger', seen: null });
    expect(report.durationMs).toBeLessThan(60_000);
    // Undone: the scratch tab is gone; the one-off trigger waits for its run.
    expect(shop.rt.spreadsheet.sheetNames()).toEqual(tabsBefore);
    expect(probeTriggers(shop)).toHaveLength(1);
    expect(first.verdict).toBe('wait');
    secretsAbsent(shop, first.json);

    shop.rt.clock.advance(HOUR + 60_000);
    const runs = shop.rt.fireTimeTriggers({ withDocument });
    expect(runs).toEqual([{ uid: expect.any(String), handler: 'onSelfCheckTrigger' }]);
    expect(probeTriggers(shop)).toHaveLength(0); // it removed itself

    const after = check(shop, 'getSelfCheck');
    const done = SelfCheckReport.parse(after.report);
    expect(done.clockRun).toMatchObject({
      status: 'seen',
      via: 'probe-trigger',
      seen: {
        activeSpreadsheet: withDocument,
        documentProperties: withDocument,
        documentLock: withDocument,
        documentCache: withDocument,
        triggerUid: true,
        authMode: 'FULL',
      },
    });
    expect(after.verdict).toBe('ok');
    expect(after.findings.map((f) => f.level)).not.toContain('fail');
    expect(JSON.parse(after.json)).toEqual(done);
    secretsAbsent(shop, after.json);
    // Nothing was left behind in the spreadsheet or the project.
    expect(shop.rt.triggers).toHaveLength(0);
    expect(shop.rt.spreadsheet.sheetNames()).toEqual(tabsBefore);
  });
});

describe('self-check with auto-sync on', () => {
  it('the hourly run records the clock run: the document keeps its one clock trigger', () => {
    const shop = demoShop({ postings: 20 }, { spreadsheetId: '1SelfCheckHourly' });
    const saved = shop.rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', {
      lookbackDays: 30,
      autoSync: true,
      digest: false,
    });
    expect(saved.ok).toBe(true);
    const view = check(shop);
    expect(view.report?.clockRun).toMatchObject({ status: 'pending', via: 'hourly-trigger' });
    expect(view.report?.triggers.handlers).toEqual(['onHourlyTrigger']);
    expect(probeTriggers(shop)).toHaveLength(0);

    shop.rt.clock.advance(HOUR + 60_000);
    const runs = shop.rt.fireTimeTriggers({ withDocument: false });
    expect(runs.map((r) => [r.handler, r.error])).toEqual([['onHourlyTrigger', undefined]]);
    const after = check(shop, 'getSelfCheck');
    expect(after.report?.clockRun).toMatchObject({
      status: 'seen',
      via: 'hourly-trigger',
      seen: { activeSpreadsheet: false, triggerUid: true },
    });
    expect(shop.rt.triggers.map((t) => t.handlerFunction)).toEqual(['onHourlyTrigger']);
  });

  it('turning auto-sync on while the probe waits replaces the probe, and the hourly run reports', () => {
    const shop = demoShop({ postings: 20 }, { spreadsheetId: '1SelfCheckSwitch' });
    check(shop);
    expect(probeTriggers(shop)).toHaveLength(1);
    const saved = shop.rt.callFromSidebar<{ ok: boolean; error?: unknown }>('saveSyncSettings', {
      lookbackDays: 30,
      autoSync: true,
      digest: false,
    });
    expect(saved.error).toBeUndefined();
    expect(shop.rt.triggers.map((t) => t.handlerFunction)).toEqual(['onHourlyTrigger']);
    shop.rt.clock.advance(HOUR + 60_000);
    shop.rt.fireTimeTriggers({ withDocument: true });
    expect(check(shop, 'getSelfCheck').report?.clockRun).toMatchObject({
      status: 'seen',
      via: 'hourly-trigger',
      seen: { activeSpreadsheet: true },
    });
  });
});

describe('self-check without credentials, and a refused key', () => {
  it('says what to do', () => {
    const shop = demoShop({ postings: 5 }, { spreadsheetId: '1SelfCheckNoKey', locale: 'ru' });
    shop.rt.properties.user.delete('OZON_API_KEY');
    const view = check(shop);
    expect(view.report?.fetchAll).toMatchObject({ status: 'skipped', requests: 0 });
    expect(view.verdict).toBe('problems');
    expect(view.findings[0]).toMatchObject({ level: 'warn' });
    expect(view.findings[0].text).toContain('Client-Id');
    expect(view.findings[0].text).toMatch(/[а-я]/);
  });

  it('a refused key is a failure with the HTTP status and no key in the report', () => {
    const shop = demoShop({ postings: 5 }, { spreadsheetId: '1SelfCheckBadKey' });
    const key = 'ab12cd34-0000-4000-8000-123456789abc';
    shop.rt.properties.user.set('OZON_API_KEY', key);
    const view = check(shop);
    expect(view.report?.fetchAll).toMatchObject({ status: 'failed', httpStatus: 403 });
    expect(view.verdict).toBe('problems');
    expect(view.findings.find((f) => f.level === 'fail')?.text).toContain('403');
    expect(view.json).not.toContain(key);
    expect(view.json).not.toContain(key.slice(0, 8));
  });
});

describe('the runtime set from a report changes what the add-on meets', () => {
  it('clock runs with neither a document nor a triggerUid: the check says auto-sync cannot work', () => {
    const shipped = latestFixture('modelled')!.report;
    const report = structuredClone(shipped);
    report.evidence = 'measured';
    report.clockRun.seen = {
      ...report.clockRun.seen!,
      activeSpreadsheet: false,
      documentProperties: false,
      documentLock: false,
      documentCache: false,
      triggerUid: false,
    };
    const shop = demoShop({ postings: 5 }, { spreadsheetId: '1SelfCheckLost', platform: report });
    check(shop);
    shop.rt.clock.advance(HOUR + 60_000);
    expect(shop.rt.fireTimeTriggers().map((r) => r.error)).toEqual([undefined]);
    const view = check(shop, 'getSelfCheck');
    expect(view.report?.clockRun.seen).toMatchObject({ activeSpreadsheet: false, triggerUid: false });
    expect(view.verdict).toBe('problems');
    expect(view.findings[0]).toMatchObject({ level: 'fail' });
    expect(view.findings[0].text).toMatch(/cannot tell which spreadsheet/);
  });
});
