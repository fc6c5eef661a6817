import { fixture } from './fixture';

describe('modeled clock and executions', () => {
  it('Date in the script follows the modeled clock, which service calls advance', () => {
    const rt = fixture(
      `function f() {
      var t0 = Date.now(); var d0 = new Date().getTime();
      SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1);
      Utilities.sleep(1000);
      return [t0, d0, Date.now() - t0, new Date(0).getTime(), typeof Date(), new Date() instanceof Date];
    }`,
      { startTime: '2026-11-20T09:00:00Z', latency: { sheetsOther: 10, sheetsWrite: 50, perCellMs: 0 } },
    );
    const start = Date.parse('2026-11-20T09:00:00Z');
    const [t0, d0, elapsed, epoch, kind, isDate] =
      rt.run<[number, number, number, number, string, boolean]>('f');
    expect(t0).toBe(start);
    expect(d0).toBe(start);
    // getActiveSheet: getActiveSpreadsheet (10) + getActiveSheet (10); getRange (10); setValue (50); sleep 1000
    expect(elapsed).toBe(1080);
    expect(epoch).toBe(0);
    expect(kind).toBe('string');
    expect(isDate).toBe(true);
    expect(rt.clock.now()).toBe(start + 1080);
    expect(rt.counters.modeledMs).toBe(1080);
  });

  it('clock.advance moves time between executions', () => {
    const rt = fixture('function now() { return Date.now(); }', { startTime: 1_000_000 });
    rt.clock.advance(60_000);
    expect(rt.run('now')).toBe(1_060_000);
  });

  it('throws "Exceeded maximum execution time" at the first service call after 6 minutes', () => {
    const rt = fixture(`var calls = 0;
      function long() { while (true) { Utilities.sleep(60000); PropertiesService.getUserProperties().getProperty('x'); calls++; } }
      function count() { return calls; }`);
    expect(() => rt.run('long')).toThrow('Exceeded maximum execution time');
    // The sixth sleep crosses 6 minutes (6 × 60 s + 5 property reads); the read after it throws.
    expect(rt.run<number>('count')).toBe(5);
  });

  it('simple triggers get 30 seconds', () => {
    const rt = fixture(
      `function onOpen() { Utilities.sleep(20000); Utilities.sleep(20000); SpreadsheetApp.getActiveSpreadsheet(); }`,
    );
    expect(() => rt.run('onOpen', [], { trigger: 'simple' })).toThrow('Exceeded maximum execution time');
    expect(() => rt.run('onOpen', [], { trigger: 'menu' })).not.toThrow();
  });

  it('asUser is neither counted nor on the clock', () => {
    const rt = fixture('function f() {}');
    const before = rt.clock.now();
    rt.asUser((g) => {
      const app = g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      app
        .getActiveSheet()
        .getRange('A1:B2')
        .setValues([
          ['a', 'b'],
          ['c', 'd'],
        ]);
    });
    expect(rt.clock.now()).toBe(before);
    expect(rt.counters.sheetsWrites).toBe(0);
    expect(rt.spreadsheet.sheet('Sheet1').values()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('contexts and auth modes', () => {
  it('time-driven executions have no UI', () => {
    const rt = fixture(`function tick() { SpreadsheetApp.getUi(); }`);
    expect(() => rt.run('tick', [], { trigger: 'time' })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(() => rt.run('tick', [], { trigger: 'menu' })).not.toThrow();
  });

  it('AuthMode.NONE allows building the menu only', () => {
    const rt = fixture(`
      function menuOnly(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addToUi(); return e.authMode; }
      function props() { return PropertiesService.getUserProperties().getProperty('x'); }
      function doc() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
      function net() { return UrlFetchApp.fetch('https://api-seller.ozon.ru/v1/x'); }
      function open() {}`);
    const none = { trigger: 'simple' as const, authMode: 'NONE' as const, event: { authMode: 'NONE' } };
    expect(rt.run('menuOnly', [], none)).toBe('NONE');
    expect(rt.ui.menus[0].items).toEqual([{ kind: 'item', caption: 'Open', functionName: 'open' }]);
    expect(() => rt.run('props', [], none)).toThrow(/permission/);
    expect(() => rt.run('doc', [], none)).toThrow(/permission/);
    expect(() => rt.run('net', [], none)).toThrow(/permission/);
    // LIMITED onOpen: properties and the document are fine, UrlFetch is not.
    const limited = { trigger: 'simple' as const, authMode: 'LIMITED' as const };
    expect(rt.run('props', [], limited)).toBeNull();
    expect(rt.run('doc', [], limited)).toBe(rt.spreadsheet.name);
    expect(() => rt.run('net', [], limited)).toThrow(/permission/);
  });
});

describe('script time zone', () => {
  it("local-time Date methods use the script's time zone, not the machine's", () => {
    const rt = fixture(`function f() {
      var d = new Date(2026, 10, 20, 0, 30);
      var end = new Date(d.getTime()); end.setHours(23, 59, 0, 0);
      return [d.toISOString(), d.getHours(), d.getDate(), d.getTimezoneOffset(), String(d), end.toISOString(),
        new Date('2026-11-20T10:00').toISOString(), new Date('2026-11-20').toISOString()];
    }`);
    expect(rt.run('f')).toEqual([
      '2026-11-19T21:30:00.000Z',
      0,
      20,
      -180,
      'Fri Nov 20 2026 00:30:00 GMT+0300 (Moscow Standard Time)',
      '2026-11-20T20:59:00.000Z',
      // ISO date-times without a zone are local; date-only ISO strings are UTC (ECMAScript).
      '2026-11-20T07:00:00.000Z',
      '2026-11-20T00:00:00.000Z',
    ]);
  });
});
