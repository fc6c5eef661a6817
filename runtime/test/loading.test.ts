import { fixture } from './fixture';

describe('loading the bundle like Apps Script', () => {
  it('runs every .js file in name order in one global scope without Node globals', () => {
    const rt = fixture(
      'function probe() { return [typeof require, typeof module, typeof process, typeof exports, fromB()]; }',
      {},
      {
        files: {
          'B.js': 'var LATER = "b"; function fromB() { return LATER + (typeof EARLY); }',
          'A.js': 'var EARLY = 1;',
        },
      },
    );
    expect(rt.run('probe')).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'bnumber']);
    expect(rt.functions).toEqual(['fromB', 'probe']);
  });

  it('runs .gs files too (the Apps Script editor names script files so), still in name order', () => {
    const rt = fixture(
      'function probe() { return [FROM_GS, typeof notScript]; }',
      {},
      { files: { 'A.gs': 'var FROM_GS = "gs";', 'notes.txt': 'function notScript() {}' } },
    );
    expect(rt.run('probe')).toEqual(['gs', 'undefined']);
    expect(rt.functions).toEqual(['probe']);
  });

  it('starts every execution with fresh globals when asked, as Apps Script does', () => {
    const code = 'var count = 0; function bump() { count += 1; return count; }';
    const fresh = fixture(code, { freshGlobalsPerExecution: true });
    expect([fresh.run('bump'), fresh.run('bump'), fresh.callFromSidebar('bump')]).toEqual([1, 1, 1]);
    // The default keeps the bundle loaded between runs (fast, but module state carries over).
    const kept = fixture(code);
    expect([kept.run('bump'), kept.run('bump')]).toEqual([1, 2]);
  });

  it('refuses names that are not global functions', () => {
    const rt = fixture('var notAFunction = 1; function real() { return 1; }');
    expect(() => rt.run('notAFunction')).toThrow('Script function not found: notAFunction');
    expect(() => rt.run('missing')).toThrow('Script function not found: missing');
  });

  it('service errors are script-realm Exceptions', () => {
    const rt = fixture(`function f() {
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, String(e)]; }
    }`);
    expect(rt.run('f')).toEqual([
      true,
      'Exception',
      'Exception: The starting row of the range is too small.',
    ]);
  });
});

describe('google.script.run semantics', () => {
  const code = `
    function echo(x) { return { got: x, isArray: Array.isArray(x && x.list), proto: Object.getPrototypeOf(x) === Object.prototype }; }
    function secret_() { return 'hidden'; }
    function giveDate() { return { when: new Date() }; }
    function giveFn() { return { f: function () {} }; }
    function nothing() {}`;

  it('passes JSON-like arguments into the script realm and results back through JSON', () => {
    const rt = fixture(code);
    expect(rt.callFromSidebar('echo', { list: [1, 'a', null], n: 2 })).toEqual({
      got: { list: [1, 'a', null], n: 2 },
      isArray: true,
      proto: true,
    });
    expect(rt.callFromSidebar('nothing')).toBeNull();
  });

  it('does not reach private functions (names ending in _)', () => {
    const rt = fixture(code);
    expect(() => rt.callFromSidebar('secret_')).toThrow(/secret_/);
  });

  it('rejects Dates, functions and class instances in arguments and results', () => {
    const rt = fixture(code);
    expect(() => rt.callFromSidebar('echo', new Date())).toThrow(
      'Failed due to illegal value in property: 0',
    );
    expect(() => rt.callFromSidebar('echo', { nested: [() => 1] })).toThrow(
      'Failed due to illegal value in property: 0.nested.0',
    );
    class Money {
      amount = 1;
    }
    expect(() => rt.callFromSidebar('echo', new Money())).toThrow(/illegal value/);
    expect(rt.callFromSidebar('giveDate')).toBeNull(); // google.script.run: a result holding a Date arrives as null
    expect(() => rt.callFromSidebar('giveFn')).toThrow(/illegal value in property: f/);
  });

  it('counts each call as an execution', () => {
    const rt = fixture(code);
    rt.callFromSidebar('nothing');
    rt.callFromSidebar('nothing');
    expect(rt.counters.executions).toBe(2);
  });
});
