import { fixture } from './fixture';

const sheetCode = (body: string) =>
  `function go(arg) { var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheetByName('Sheet1'); ${body} }`;

describe('Range.setValues / getValues', () => {
  it('requires exactly the range dimensions', () => {
    const rt = fixture(sheetCode('sh.getRange(1, 1, 2, 2).setValues(arg);'));
    expect(() => rt.run('go', [[[1, 2]]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => rt.run('go', [[[1, 2], [3]]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    rt.run('go', [
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(rt.spreadsheet.sheet('Sheet1').values()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('parses strings as if typed: formulas, numbers, booleans, dates, apostrophes', () => {
    const rt = fixture(
      sheetCode(
        'sh.getRange(1, 1, 1, arg.length).setValues([arg]); return sh.getRange(1, 1, 1, arg.length).getValues()[0];',
      ),
    );
    const typed = [
      '=SUM(B2:B3)',
      '00123',
      '+79031234567',
      '1e5',
      '-5',
      '12.50',
      'TRUE',
      'false',
      "'00123",
      "'=1+2",
      'ABC-001',
      '1,234',
    ];
    const got = rt.run<unknown[]>('go', [typed]);
    expect(got).toEqual([
      '',
      123,
      79031234567,
      100000,
      -5,
      12.5,
      true,
      false,
      '00123',
      '=1+2',
      'ABC-001',
      1234,
    ]);
    const sheet = rt.spreadsheet.sheet('Sheet1');
    expect(sheet.formulas()[0][0]).toBe('=SUM(B2:B3)');
    expect(sheet.formulas()[0][9]).toBe('');
    expect(sheet.displayValues()[0].slice(1, 6)).toEqual(['123', '79031234567', '1.00E+05', '-5', '12.5']);
  });

  it("keeps text in '@' (plain text) cells", () => {
    const rt = fixture(
      sheetCode(`
      var r = sh.getRange('A1:C1');
      r.setNumberFormat('@');
      r.setValues([['00123', '=1+2', '2026-11-20']]);
      return [r.getValues()[0], r.getFormulas()[0], r.getNumberFormats()[0]];`),
    );
    expect(rt.run('go')).toEqual([
      ['00123', '=1+2', '2026-11-20'],
      ['', '', ''],
      ['@', '@', '@'],
    ]);
  });

  it('stores Dates as serial numbers in the spreadsheet time zone and returns Dates', () => {
    const rt = fixture(
      sheetCode(`
      sh.getRange('A1:B1').setValues([[new Date(Date.UTC(2026, 10, 20, 21, 30)), '2026-11-20']]);
      var v = sh.getRange('A1:B1').getValues()[0];
      return [v[0] instanceof Date, v[0].toISOString(), v[1].toISOString(), sh.getRange('A1:B1').getNumberFormats()[0]];`),
      { timeZone: 'Europe/Moscow' },
    );
    const [isDate, a, b, formats] = rt.run<[boolean, string, string, string[]]>('go');
    expect(isDate).toBe(true);
    expect(a).toBe('2026-11-20T21:30:00.000Z');
    // A typed date is midnight in Moscow (UTC+3).
    expect(b).toBe('2026-11-19T21:00:00.000Z');
    expect(formats[0]).toBe('M/d/yyyy H:mm:ss');
    expect(formats[1]).toBe('yyyy-mm-dd');
    // 21:30 UTC is 00:30 the next day in Moscow.
    expect(rt.spreadsheet.sheet('Sheet1').displayValues()[0]).toEqual(['11/21/2026 0:30:00', '2026-11-20']);
  });

  it('enforces bounds, 50,000 characters per cell and 10,000,000 cells', () => {
    const rt = fixture(`
      function out() { SpreadsheetApp.getActiveSheet().getRange(1001, 1).setValue(1); }
      function wide() { SpreadsheetApp.getActiveSheet().getRange('AA1'); }
      function big() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Array(50002).join('x')); }
      function ok() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Array(50001).join('x')); }
      function grow() { var sh = SpreadsheetApp.getActiveSheet(); sh.insertRowsAfter(1000, 380000); }
      function more() { var sh = SpreadsheetApp.getActiveSheet(); sh.insertColumnsAfter(26, 1); }`);
    expect(() => rt.run('out')).toThrow('Those rows are out of bounds.');
    expect(() => rt.run('wide')).toThrow('Those columns are out of bounds.');
    expect(() => rt.run('big')).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => rt.run('ok')).not.toThrow();
    rt.run('grow'); // 381,000 × 26 = 9,906,000 cells
    expect(rt.spreadsheet.totalCells()).toBe(381_000 * 26);
    expect(() => rt.run('more')).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('new sheets are 1000 × 26 and appendRow is one write per call', () => {
    const rt = fixture(`function go() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Orders');
      sh.appendRow(['a', 1]); sh.appendRow(['b', 2]);
      return [sh.getMaxRows(), sh.getMaxColumns(), sh.getLastRow(), sh.getLastColumn()];
    }`);
    rt.resetCounters();
    expect(rt.run('go')).toEqual([1000, 26, 2, 2]);
    expect(rt.counters.sheetsWrites).toBe(3);
    expect(rt.spreadsheet.sheetNames()).toEqual(['Sheet1', 'Orders']);
  });
});

describe('structure moves what is attached to it', () => {
  it('developer metadata, notes and formats follow inserted, deleted and moved columns', () => {
    const rt = fixture(
      sheetCode(`
      sh.getRange('A1:C1').setValues([['id', 'name', 'price']]);
      sh.getRange('B1').setNote('name note').setFontWeight('bold');
      sh.getRange('B:B').addDeveloperMetadata('col', 'name');
      sh.getRange('C:C').addDeveloperMetadata('col', 'price');
      sh.insertColumnsBefore(1, 2);           // id,name,price now in C,D,E
      sh.deleteColumn(1);                      // B,C,D
      sh.moveColumns(sh.getRange('D:D'), 2);   // price moves before id: price,id,name in B,C,D
      var found = sh.createDeveloperMetadataFinder().withKey('col').find();
      return found.map(function (m) { return [m.getValue(), m.getLocation().getColumn().getA1Notation()]; });`),
    );
    expect(rt.run('go')).toEqual([
      ['name', 'D:D'],
      ['price', 'B:B'],
    ]);
    const sheet = rt.spreadsheet.sheet('Sheet1');
    expect(sheet.values()[0]).toEqual(['', 'price', 'id', 'name']);
    expect(sheet.notes()[0]).toEqual(['', '', '', 'name note']);
    expect(sheet.formats()[0][3]).toEqual({ bold: true });
  });

  it('metadata only goes on whole rows, columns, sheets or the spreadsheet', () => {
    const rt = fixture(sheetCode(`sh.getRange('A1:B2').addDeveloperMetadata('x');`));
    expect(() => rt.run('go')).toThrow(/Developer metadata may only be added/);
  });

  it('sorting reorders whole rows of the range, notes and formats included', () => {
    const rt = fixture(
      sheetCode(`
      sh.getRange('A1:B4').setValues([['sku', 'qty'], ['c', 3], ['a', 1], ['b', 2]]);
      sh.getRange('A3').setNote('was row 3').setBackground('#ff0000');
      sh.setFrozenRows(1);
      sh.sort(1, true);
      sh.getRange('A2:B4').sort({ column: 2, ascending: false });`),
    );
    rt.run('go');
    const sheet = rt.spreadsheet.sheet('Sheet1');
    expect(sheet.values()).toEqual([
      ['sku', 'qty'],
      ['c', 3],
      ['b', 2],
      ['a', 1],
    ]);
    expect(sheet.notes().map((r) => r[0])).toEqual(['', '', '', 'was row 3']);
    expect(sheet.formats()[3][0]).toEqual({ background: '#ff0000' });
  });

  it('filters and conditional format rules', () => {
    const rt = fixture(
      sheetCode(`
      sh.getRange('A1:B3').setValues([['k', 'v'], ['x', 2], ['y', 1]]);
      var f = sh.getRange('A1:B3').createFilter();
      var again; try { sh.getRange('A1:B3').createFilter(); } catch (e) { again = e.message; }
      f.sort(2, true);
      var rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('late').setBackground('#FFCCCC')
        .setRanges([sh.getRange('A2:A3')]).build();
      sh.setConditionalFormatRules(sh.getConditionalFormatRules().concat([rule]));
      sh.insertColumnsBefore(1, 1);
      var rules = sh.getConditionalFormatRules();
      var out = [again, sh.getFilter().getRange().getA1Notation(), rules.length, rules[0].getRanges()[0].getA1Notation(),
        rules[0].getBooleanCondition().getCriteriaType(), rules[0].getBooleanCondition().getBackground()];
      sh.getFilter().remove();
      out.push(sh.getFilter());
      return out;`),
    );
    expect(rt.run('go')).toEqual([
      "You can't create a filter in a sheet that already has a filter.",
      'B1:C3',
      1,
      'B2:B3',
      'TEXT_EQUAL_TO',
      '#ffcccc',
      null,
    ]);
    expect(
      rt.spreadsheet
        .sheet('Sheet1')
        .values()
        .map((r) => r[2]),
    ).toEqual(['v', 1, 2]);
  });
});

describe('accounting', () => {
  it('classifies calls as reads, writes and other, counting cells', () => {
    const rt = fixture(
      sheetCode(`
      var r = sh.getRange(1, 1, 10, 5);
      r.getValues(); r.getDisplayValues();
      r.setValues(arg);
      sh.getLastRow();
      sh.getRange('A1').setValue('x');`),
    );
    const grid = Array.from({ length: 10 }, () => [1, 2, 3, 4, 5]);
    rt.resetCounters();
    rt.run('go', [grid]);
    expect(rt.counters).toMatchObject({
      sheetsReads: 2,
      sheetsWrites: 2,
      // getActiveSpreadsheet, getSheetByName, getRange, getLastRow, getRange
      sheetsOther: 5,
      cellsRead: 100,
      cellsWritten: 51,
      executions: 1,
    });
  });
});

describe('UI', () => {
  it('records menus, toasts, sidebars, dialogs and answers alerts through the responder', () => {
    const rt = fixture(`
      function onOpen() {
        var ui = SpreadsheetApp.getUi();
        ui.createAddonMenu().addItem('Open', 'open').addSeparator()
          .addSubMenu(ui.createMenu('More').addItem('Help', 'help')).addToUi();
      }
      function open() {
        SpreadsheetApp.getActiveSpreadsheet().toast('Hello', 'Title', 3);
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<b>hi</b>').setTitle('Desk'));
        SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<i>d</i>').setWidth(400), 'Dlg');
        var ui = SpreadsheetApp.getUi();
        var a = ui.alert('Sure?', 'Delete all?', ui.ButtonSet.YES_NO);
        var p = ui.prompt('Name', ui.ButtonSet.OK_CANCEL);
        return [a === ui.Button.NO, p.getSelectedButton(), p.getResponseText()];
      }
      function help() {}`);
    rt.run('onOpen', [], { trigger: 'simple' });
    expect(rt.ui.menus).toEqual([
      {
        name: 'Ozon Order Desk',
        addon: true,
        items: [
          { kind: 'item', caption: 'Open', functionName: 'open' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              name: 'More',
              addon: false,
              items: [{ kind: 'item', caption: 'Help', functionName: 'help' }],
            },
          },
        ],
      },
    ]);
    rt.ui.alertResponder = (req) => (req.kind === 'alert' ? 'NO' : { button: 'OK', text: 'Ivan' });
    expect(rt.run('open')).toEqual([true, 'OK', 'Ivan']);
    expect(rt.ui.toasts).toEqual([{ message: 'Hello', title: 'Title', seconds: 3 }]);
    expect(rt.ui.sidebars).toEqual([
      { html: '<b>hi</b>', title: 'Desk', width: undefined, height: undefined },
    ]);
    expect(rt.ui.dialogs[0]).toMatchObject({ html: '<i>d</i>', title: 'Dlg', width: 400, modal: true });
    expect(rt.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.response])).toEqual([
      ['alert', 'Sure?', 'Delete all?', 'NO'],
      ['prompt', '', 'Name', 'OK'],
    ]);
  });
});
