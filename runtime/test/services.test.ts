import { fixture } from './fixture';

describe('PropertiesService', () => {
  const code = `
    function set(store, k, v) { PropertiesService[store]().setProperty(k, v); }
    function get(store, k) { return PropertiesService[store]().getProperty(k); }
    function many(n, size) {
      var p = PropertiesService.getDocumentProperties(); var chunk = new Array(size + 1).join('x');
      for (var i = 0; i < n; i++) p.setProperty('k' + i, chunk);
    }
    function all() { var p = PropertiesService.getUserProperties(); p.setProperties({ a: 1, b: true }); return [p.getProperties(), p.getKeys().sort()]; }`;

  it('stores strings per store', () => {
    const rt = fixture(code);
    rt.run('set', ['getUserProperties', 'n', 42]);
    expect(rt.run('get', ['getUserProperties', 'n'])).toBe('42');
    expect(rt.run('get', ['getDocumentProperties', 'n'])).toBeNull();
    expect(rt.run('all')).toEqual([{ n: '42', a: '1', b: 'true' }, ['a', 'b', 'n']]);
    expect(rt.properties.user.get('a')).toBe('1');
    expect(rt.counters.propertiesCalls).toBe(6);
  });

  it('limits values to 9 KB and stores to 500 KB', () => {
    const rt = fixture(code);
    expect(() => rt.run('set', ['getUserProperties', 'big', 'x'.repeat(9 * 1024 + 1)])).toThrow(
      'Argument too large: value',
    );
    expect(() => rt.run('set', ['getUserProperties', 'ok', 'x'.repeat(9 * 1024 - 10)])).not.toThrow();
    expect(() => rt.run('many', [60, 9000])).toThrow(/exceeded the property storage quota/);
  });
});

describe('CacheService', () => {
  it('expires on the modeled clock and enforces limits', () => {
    const rt = fixture(`
      function put(k, v, ttl) { CacheService.getUserCache().put(k, v, ttl); }
      function get(k) { return CacheService.getUserCache().get(k); }
      function all() { var c = CacheService.getScriptCache(); c.putAll({ a: '1', b: '2' }); c.remove('a'); return c.getAll(['a', 'b']); }`);
    rt.run('put', ['job', '{"done":1}', 60]);
    expect(rt.run('get', ['job'])).toBe('{"done":1}');
    rt.clock.advance(61_000);
    expect(rt.run('get', ['job'])).toBeNull();
    rt.run('put', ['long', 'v', 999_999]);
    rt.clock.advance(21_600_000 + 1);
    expect(rt.run('get', ['long'])).toBeNull();
    expect(() => rt.run('put', ['k'.repeat(251), 'v'])).toThrow(/key/);
    expect(() => rt.run('put', ['k', 'x'.repeat(100 * 1024 + 1)])).toThrow('Argument too large: value');
    expect(rt.run('all')).toEqual({ b: '2' });
  });
});

describe('LockService', () => {
  const code = `
    function tryIt(ms) { var l = LockService.getDocumentLock(); var t = Date.now(); var ok = l.tryLock(ms); return [ok, Date.now() - t, l.hasLock()]; }
    function waitIt() { LockService.getDocumentLock().waitLock(5000); }
    function keep() { LockService.getScriptLock().waitLock(1000); return LockService.getScriptLock().hasLock(); }`;

  it('tryLock returns false after waiting while another execution holds the lock', () => {
    const rt = fixture(code, { latency: { lock: 0 } });
    const release = rt.lock.holdDocumentLock();
    expect(rt.run('tryIt', [3000])).toEqual([false, 3000, false]);
    expect(() => rt.run('waitIt')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    release();
    expect(rt.run('tryIt', [3000])).toEqual([true, 0, true]);
  });

  it('releases locks when the execution ends', () => {
    const rt = fixture(code);
    expect(rt.run('keep')).toBe(true);
    expect(rt.run('keep')).toBe(true);
  });
});

describe('ScriptApp triggers', () => {
  const code = `
    function hourly() { return ScriptApp.newTrigger('sync').timeBased().everyHours(1).create().getUniqueId(); }
    function minutes() { ScriptApp.newTrigger('sync').timeBased().everyMinutes(30).create(); }
    function missing() { ScriptApp.newTrigger('nope').timeBased().everyHours(1).create(); }
    function onEditTrigger() { ScriptApp.newTrigger('sync').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
    function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
    var runs = [];
    function sync(e) { runs.push([e.authMode, e.triggerUid, typeof e.hour]); SpreadsheetApp.getActiveSheet().getRange('A1').setValue(runs.length); }
    function getRuns() { return runs; }
    function uiInTimer() { SpreadsheetApp.getUi(); }
    function timerWithUi() { ScriptApp.newTrigger('uiInTimer').timeBased().everyHours(1).create(); }`;

  it('creates and fires time-driven triggers as time executions', () => {
    const rt = fixture(code);
    const uid = rt.run<string>('hourly');
    expect(rt.triggers).toMatchObject([
      { uid, handlerFunction: 'sync', eventType: 'CLOCK', intervalMs: 3_600_000 },
    ]);
    expect(rt.fireTimeTriggers()).toEqual([]);
    rt.clock.advance(3_600_000);
    expect(rt.fireTimeTriggers()).toEqual([{ uid, handler: 'sync' }]);
    expect(rt.run('getRuns')).toEqual([['FULL', uid, 'number']]);
    rt.clock.advance(2 * 3_600_000);
    rt.fireTimeTriggers();
    expect(rt.run<unknown[]>('getRuns')).toHaveLength(2);
  });

  it('applies the editor add-on rules', () => {
    const rt = fixture(code);
    expect(() => rt.run('minutes')).toThrow(/more often than once an hour/);
    expect(() => rt.run('missing')).toThrow('Script function not found: nope');
    rt.run('hourly');
    expect(() => rt.run('hourly')).toThrow(/too many time-based triggers in this document/);
    rt.run('onEditTrigger');
    expect(rt.triggers.map((t) => t.eventType)).toEqual(['CLOCK', 'ON_EDIT']);
    rt.run('removeAll');
    expect(rt.triggers).toEqual([]);
    expect(() => rt.run('hourly', [], { trigger: 'simple' })).toThrow(/permission/);
  });

  it('reports trigger handler failures (no UI in a time-driven execution)', () => {
    const rt = fixture(code);
    rt.run('timerWithUi');
    rt.clock.advance(3_600_000);
    expect(rt.fireTimeTriggers()).toEqual([
      {
        uid: rt.triggers[0].uid,
        handler: 'uiInTimer',
        error: 'Cannot call SpreadsheetApp.getUi() from this context.',
      },
    ]);
  });
});

describe('UrlFetchApp', () => {
  const code = `
    function get(url, params) {
      var r = UrlFetchApp.fetch(url, params || {});
      return [r.getResponseCode(), r.getContentText(), r.getHeaders(), r.getContent().slice(0, 3), r.getBlob().getContentType()];
    }
    function all(urls) { return UrlFetchApp.fetchAll(urls.map(function (u) { return { url: u, muteHttpExceptions: true }; }))
      .map(function (r) { return r.getResponseCode(); }); }
    function post() { return UrlFetchApp.fetch('https://api-seller.ozon.ru/v3/posting', { method: 'post', payload: { a: 'б c', n: 1 } }).getContentText(); }`;

  it('routes to the handler and applies muteHttpExceptions', () => {
    const rt = fixture(code, {
      fetch: (req) =>
        req.url.endsWith('/limited')
          ? { status: 429, body: JSON.stringify({ code: 8, message: 'x'.repeat(200) }) }
          : {
              status: 200,
              headers: { 'Content-Type': 'application/json' },
              body: new Uint8Array([0xff, 0x7b, 0x7d]),
            },
    });
    expect(rt.run('get', ['https://api-seller.ozon.ru/v1/ok'])).toEqual([
      200,
      '\ufffd{}',
      { 'Content-Type': 'application/json' },
      [-1, 123, 125],
      'application/json',
    ]);
    const err = (() => {
      try {
        rt.run('get', ['https://api-seller.ozon.ru/v1/limited']);
      } catch (e) {
        return String(e);
      }
    })();
    expect(err).toBe(
      `Exception: Request failed for https://api-seller.ozon.ru returned code 429. Truncated server response: {"code":8,"message":"${'x'.repeat(
        79,
      )} (use muteHttpExceptions option to examine full response)`,
    );
    expect(
      rt.run<unknown[]>('get', ['https://api-seller.ozon.ru/v1/limited', { muteHttpExceptions: true }])[0],
    ).toBe(429);
  });

  it('form-encodes object payloads and records requests', () => {
    const rt = fixture(code, {
      fetch: (req) => ({ status: 200, body: `${req.method} ${req.headers['Content-Type']} ${req.payload}` }),
    });
    expect(rt.run('post')).toBe('POST application/x-www-form-urlencoded a=%D0%B1%20c&n=1');
    expect(rt.fetchLog).toHaveLength(1);
  });

  it('fails like a network error, checks the allowlist and URL length', () => {
    const rt = fixture(code, {
      fetch: () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(() => rt.run('get', ['https://api-seller.ozon.ru/v1/x'])).toThrow(
      'Address unavailable: https://api-seller.ozon.ru/v1/x',
    );
    expect(() => rt.run('get', ['https://evil.example.com/'])).toThrow(/urlFetchWhitelist/);
    expect(() => rt.run('get', ['https://api-seller.ozon.ru/' + 'a'.repeat(2100)])).toThrow(/URL Length/);
    expect(() => fixture(code).run('get', ['https://api-seller.ozon.ru/v1/x'])).toThrow(
      /Address unavailable/,
    );
  });

  it('counts fetches and models fetchAll as parallel', () => {
    const rt = fixture(code, {
      latency: { fetch: 200, fetchAllBase: 200, fetchAllPerRequest: 15 },
      fetch: (req) => ({
        status: req.url.endsWith('3') ? 500 : 200,
        body: '{}',
        latencyMs: req.url.endsWith('2') ? 900 : 100,
      }),
    });
    rt.resetCounters();
    const t0 = rt.clock.now();
    expect(
      rt.run('all', [
        ['https://api-seller.ozon.ru/1', 'https://api-seller.ozon.ru/2', 'https://api-seller.ozon.ru/3'],
      ]),
    ).toEqual([200, 200, 500]);
    expect(rt.clock.now() - t0).toBe(200 + 3 * 15 + 900);
    expect(rt.counters).toMatchObject({ fetches: 3, fetchAllBatches: 1 });
    const t1 = rt.clock.now();
    rt.run('get', ['https://api-seller.ozon.ru/1']);
    expect(rt.clock.now() - t1).toBe(300);
    expect(rt.counters.fetches).toBe(4);
  });
});

describe('HtmlService templates', () => {
  it('evaluates scriptlets with template properties in the global scope', () => {
    const rt = fixture(
      `var GREETING = 'hi';
      function show(name) {
        var t = HtmlService.createTemplateFromFile('Page');
        t.name = name; t.items = ['a', 'b'];
        return t.evaluate().setTitle('T').getContent();
      }`,
      {},
      {
        files: {
          'Page.html':
            '<p><?= GREETING ?> <?= name ?></p><? for (var i = 0; i < items.length; i++) { ?><i><?!= items[i] ?></i><? } ?><script>var raw = <?!= JSON.stringify(name) ?>;</script>',
        },
      },
    );
    expect(rt.run('show', ['<b>Ivan</b>'])).toBe(
      '<p>hi &lt;b&gt;Ivan&lt;/b&gt;</p><i>a</i><i>b</i><script>var raw = "<b>Ivan</b>";</script>',
    );
  });
});

describe('Session, Utilities, logging, mail and Drive', () => {
  it('formats dates with Java patterns, encodes, parses CSV and logs', () => {
    const rt = fixture(
      `function go() {
        var d = new Date(Date.UTC(2026, 10, 20, 21, 5, 9));
        Logger.log('user %s', Session.getActiveUser().getEmail());
        console.warn('careful', { a: 1 });
        return [Utilities.formatDate(d, 'Europe/Moscow', "yyyy-MM-dd'T'HH:mm:ss EEE Z"), Utilities.formatDate(d, 'UTC', 'dd.MM.yy h a'),
          Utilities.base64Encode('Привет'), Utilities.newBlob(Utilities.base64Decode('0J/RgNC40LLQtdGC')).getDataAsString(),
          Utilities.parseCsv('a,"b ""c"""\\n1,2'), Session.getActiveUserLocale(), Session.getScriptTimeZone(), Utilities.getUuid().length,
          Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').length];
      }`,
      { locale: 'ru', userEmail: 'a@b.c' },
    );
    expect(rt.run('go')).toEqual([
      '2026-11-21T00:05:09 Sat +0300',
      '20.11.26 9 PM',
      '0J/RgNC40LLQtdGC',
      'Привет',
      [
        ['a', 'b "c"'],
        ['1', '2'],
      ],
      'ru',
      'Europe/Moscow',
      36,
      16,
    ]);
    expect(rt.logs).toEqual(['user a@b.c', '[warn] careful { a: 1 }']);
  });

  it('sends mail and creates Drive files', () => {
    const rt = fixture(`function go() {
      MailApp.sendEmail('s@x.ru', 'Digest', 'body', { htmlBody: '<b>b</b>' });
      MailApp.sendEmail({ to: 't@x.ru', subject: 'S', body: 'B' });
      var f = DriveApp.createFile(Utilities.newBlob('%PDF', 'application/pdf', 'labels.pdf'));
      return [MailApp.getRemainingDailyQuota(), DriveApp.getFileById(f.getId()).getName(), f.getUrl().indexOf('https://drive.google.com/') === 0];
    }`);
    expect(rt.run('go')).toEqual([98, 'labels.pdf', true]);
    expect(rt.mail).toEqual([
      { to: 's@x.ru', subject: 'Digest', body: 'body', htmlBody: '<b>b</b>' },
      { to: 't@x.ru', subject: 'S', body: 'B' },
    ]);
    expect(rt.drive[0]).toMatchObject({ name: 'labels.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(rt.drive[0].bytes).toString()).toBe('%PDF');
  });
});

describe('OAuth scopes declared in the manifest', () => {
  it('refuses services whose scope is missing', () => {
    const rt = fixture(
      `function net() { UrlFetchApp.fetch('https://api-seller.ozon.ru/v1/x'); }
       function mail() { MailApp.sendEmail('a@b.c', 's', 'b'); }
       function adv() { return Sheets.Spreadsheets.get(SpreadsheetApp.getActiveSpreadsheet().getId()).spreadsheetId; }
       function byId() { return SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId()).getName(); }
       function menu() { SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'menu').addToUi(); }`,
      { fetch: () => ({ status: 200, body: '' }) },
      {
        manifest: {
          oauthScopes: [
            'https://www.googleapis.com/auth/spreadsheets.currentonly',
            'https://www.googleapis.com/auth/script.container.ui',
          ],
          dependencies: {
            enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
          },
        },
      },
    );
    expect(() => rt.run('net')).toThrow(
      'Specified permissions are not sufficient to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(() => rt.run('mail')).toThrow(/script\.send_mail/);
    expect(() => rt.run('adv')).toThrow(
      /not sufficient to call Sheets\.spreadsheets\.get\. Required permissions: \(https:\/\/www\.googleapis\.com\/auth\/spreadsheets \|\|.*drive\.file\)$/,
    );
    expect(() => rt.run('byId')).toThrow(/auth\/spreadsheets$/);
    expect(() => rt.run('menu', [], { trigger: 'simple', authMode: 'NONE' })).not.toThrow();
  });

  it('openById reaches the current spreadsheet with the spreadsheets scope', () => {
    const rt =
      fixture(`function byId() { return SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId()).getName(); }
      function other() { SpreadsheetApp.openById('1nope'); }`);
    expect(rt.run('byId')).toBe(rt.spreadsheet.name);
    expect(() => rt.run('other')).toThrow(/openById/);
  });
});

describe('daily triggers', () => {
  it('atHour schedules in the script time zone', () => {
    const rt =
      fixture(`function daily() { ScriptApp.newTrigger('digest').timeBased().everyDays(1).atHour(8).create(); }
      function digest() {}`);
    rt.run('daily'); // modeled now: 2026-11-20 12:00 Moscow
    expect(new Date(rt.triggers[0].nextRunAt!).toISOString()).toBe('2026-11-21T05:00:00.000Z');
  });
});

describe('daily quotas', () => {
  it('time-driven executions share 90 minutes of runtime a day', () => {
    const rt = fixture(`function hourly() { ScriptApp.newTrigger('work').timeBased().everyHours(1).create(); }
      function work() { for (var i = 0; i < 5; i++) { Utilities.sleep(60000); SpreadsheetApp.getActiveSpreadsheet(); } }`);
    rt.run('hourly');
    const errors: (string | undefined)[] = [];
    for (let h = 0; h < 23; h++) {
      rt.clock.advance(3_600_000);
      errors.push(...rt.fireTimeTriggers().map((r) => r.error));
    }
    // Each run takes a little over 5 minutes: 17 fit in 90 minutes, the 18th is cut, the rest refused
    // until 24 hours after the first run.
    expect(errors.filter((e) => e === undefined)).toHaveLength(17);
    expect(errors.slice(17).every((e) => e === 'Service using too much computer time for one day')).toBe(
      true,
    );
    rt.clock.advance(3_600_000);
    expect(rt.fireTimeTriggers()[0].error).toBeUndefined();
  });

  it('UrlFetch calls are limited per day', () => {
    const rt = fixture(
      `function burst(n) { for (var i = 0; i < n; i++) UrlFetchApp.fetch('https://api-seller.ozon.ru/v1/x'); }`,
      { fetch: () => ({ status: 200, body: '' }), quotas: { urlFetchCalls: 5 }, latency: { fetch: 0 } },
    );
    rt.run('burst', [5]);
    expect(() => rt.run('burst', [1])).toThrow('Service invoked too many times for one day: urlfetch.');
    rt.clock.advance(86_400_000);
    expect(() => rt.run('burst', [1])).not.toThrow();
  });
});
