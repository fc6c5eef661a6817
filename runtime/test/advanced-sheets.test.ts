import { fixture, SHEETS_MANIFEST } from './fixture';

const withSheets = (body: string) =>
  `function go(arg) { var id = SpreadsheetApp.getActiveSpreadsheet().getId(); ${body} }`;

describe('advanced Sheets service', () => {
  it('is exposed only when appsscript.json enables it', () => {
    const code = 'function has() { return typeof Sheets; }';
    expect(fixture(code).run('has')).toBe('object');
    expect(
      fixture(
        code,
        {},
        { manifest: { ...SHEETS_MANIFEST, dependencies: { enabledAdvancedServices: [] } } },
      ).run('has'),
    ).toBe('undefined');
  });

  it('RAW stores strings verbatim; USER_ENTERED parses them like typing', () => {
    const rt = fixture(
      withSheets(`
      var res = Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: arg, data: [
        { range: 'Sheet1!A1:E1', values: [['00123', '=1+2', '2026-11-20', 'TRUE', "'x"]] },
        { range: 'Sheet1!A2', values: [[5, true]] }] }, id);
      return res;`),
    );
    const raw = rt.run<Record<string, unknown>>('go', ['RAW']);
    expect(raw).toMatchObject({ totalUpdatedCells: 7, totalUpdatedRows: 2, totalUpdatedSheets: 1 });
    const sheet = rt.spreadsheet.sheet('Sheet1');
    expect(sheet.values()).toEqual([
      ['00123', '=1+2', '2026-11-20', 'TRUE', "'x"],
      [5, true, '', '', ''],
    ]);
    expect(sheet.formulas()[0][1]).toBe('');

    rt.run('go', ['USER_ENTERED']);
    const v = sheet.values()[0];
    expect(v[0]).toBe(123);
    expect(sheet.formulas()[0][1]).toBe('=1+2');
    expect(v[2]).toBeInstanceOf(Date);
    expect((v[2] as Date).toISOString()).toBe('2026-11-19T21:00:00.000Z');
    expect(v[3]).toBe(true);
    expect(v[4]).toBe('x');
  });

  it('needs valueInputOption and counts one round trip per call', () => {
    const rt = fixture(
      withSheets(
        `return Sheets.Spreadsheets.Values.batchUpdate({ data: [{ range: 'A1', values: [[1]] }] }, id);`,
      ),
    );
    expect(() => rt.run('go')).toThrow(/'valueInputOption' is required/);
    const rt2 = fixture(
      withSheets(`Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [
        { range: 'Sheet1!A1', values: [[1, 2], [3, 4]] }, { range: 'Sheet1!D1', values: [[5]] }] }, id);`),
    );
    rt2.resetCounters();
    rt2.run('go');
    expect(rt2.counters).toMatchObject({ advancedSheetsCalls: 1, cellsWritten: 5, sheetsWrites: 0 });
  });

  it('charges batchUpdate per cell for appended rows as for updated ones', () => {
    const rt = fixture(
      withSheets(`Sheets.Spreadsheets.batchUpdate({ requests: [
        { appendCells: { sheetId: 0, rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }, {}] },
          { values: [{}, {}, {}] }], fields: 'userEnteredValue' } },
        { updateCells: { start: { sheetId: 0, rowIndex: 5, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }], fields: 'userEnteredValue' } },
      ] }, id);`),
    );
    rt.resetCounters();
    rt.run('go');
    expect(rt.counters).toMatchObject({ advancedSheetsCalls: 1, cellsWritten: 6 });
  });

  it('takes sheets of a quarter of a million rows: inserts in the middle and sorts without overflowing', () => {
    const rt = fixture(
      withSheets(`
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var sheetId = sheet.getSheetId();
      Sheets.Spreadsheets.batchUpdate({ requests: [
        { updateSheetProperties: { properties: { sheetId: sheetId, gridProperties: { rowCount: 10, columnCount: 2 } },
          fields: 'gridProperties(rowCount,columnCount)' } },
        { updateCells: { start: { sheetId: sheetId, rowIndex: 0, columnIndex: 0 }, fields: 'userEnteredValue',
          rows: [{ values: [{ userEnteredValue: { numberValue: 2 } }] }, { values: [{ userEnteredValue: { numberValue: 1 } }] }] } },
        { insertDimension: { range: { sheetId: sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 250001 } } },
        { sortRange: { range: { sheetId: sheetId, startRowIndex: 0, endRowIndex: 250010, startColumnIndex: 0, endColumnIndex: 2 },
          sortSpecs: [{ dimensionIndex: 0, sortOrder: 'ASCENDING' }] } },
      ] }, id);
      return [sheet.getMaxRows(), sheet.getRange(1, 1, 2, 1).getValues()];`),
    );
    expect(rt.run('go')).toEqual([250010, [[1], [2]]]);
  });

  it('batchGet trims trailing empty rows and columns and renders values', () => {
    const rt = fixture(
      withSheets(`return Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Sheet1!A1:E10', 'Sheet1', 'Sheet1!F1:G2', 'Sheet1!A:B'],
        valueRenderOption: arg[0], dateTimeRenderOption: arg[1] });`),
    );
    rt.asUser((g) => {
      const sh = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSheet();
      sh.getRange('A1:C3').setValues([
        ['id', '', 'when'],
        ['', '', ''],
        [1.5, '', '2026-11-20'],
      ]);
      sh.getRange('B2').setFormula('="x"');
    });
    const formatted = rt.run<{
      spreadsheetId: string;
      valueRanges: { range: string; majorDimension: string; values?: unknown[][] }[];
    }>('go', [['FORMATTED_VALUE', 'SERIAL_NUMBER']]);
    expect(formatted.valueRanges).toEqual([
      {
        range: 'Sheet1!A1:E10',
        majorDimension: 'ROWS',
        values: [
          ['id', '', 'when'],
          ['', 'x'],
          ['1.5', '', '2026-11-20'],
        ],
      },
      {
        range: 'Sheet1!A1:Z1000',
        majorDimension: 'ROWS',
        values: [
          ['id', '', 'when'],
          ['', 'x'],
          ['1.5', '', '2026-11-20'],
        ],
      },
      { range: 'Sheet1!F1:G2', majorDimension: 'ROWS' },
      { range: 'Sheet1!A1:B1000', majorDimension: 'ROWS', values: [['id'], ['', 'x'], [1.5].map(String)] },
    ]);
    const raw = rt.run<{ valueRanges: { values?: unknown[][] }[] }>('go', [
      ['UNFORMATTED_VALUE', 'SERIAL_NUMBER'],
    ]);
    expect(raw.valueRanges[0].values![2]).toEqual([1.5, '', 46346]);
    const f = rt.run<{ valueRanges: { values?: unknown[][] }[] }>('go', [['FORMULA', 'FORMATTED_STRING']]);
    expect(f.valueRanges[0].values![1]).toEqual(['', '="x"']);
  });

  it('reads beyond the grid fail; writes beyond the grid expand it', () => {
    const rt = fixture(`
      function read() { return Sheets.Spreadsheets.Values.get(SpreadsheetApp.getActiveSpreadsheet().getId(), 'Sheet1!A1:A1001'); }
      function write() {
        return Sheets.Spreadsheets.Values.update({ values: [['a', 'b']] }, SpreadsheetApp.getActiveSpreadsheet().getId(),
          'Sheet1!Z1200', { valueInputOption: 'RAW' });
      }
      function tooMuch() {
        return Sheets.Spreadsheets.Values.update({ values: [['a', 'b', 'c']] }, SpreadsheetApp.getActiveSpreadsheet().getId(),
          'Sheet1!A1:B1', { valueInputOption: 'RAW' });
      }`);
    expect(() => rt.run('read')).toThrow(/exceeds grid limits. Max rows: 1000, max columns: 26/);
    expect(rt.run('write')).toMatchObject({ updatedRange: 'Sheet1!Z1200:AA1200', updatedCells: 2 });
    const sheet = rt.spreadsheet.sheet('Sheet1');
    expect([sheet.maxRows, sheet.maxCols]).toEqual([1200, 27]);
    expect(() => rt.run('tooMuch')).toThrow(/tried writing to column \[C\]/);
  });

  it('batchUpdate requests: sheets, dimensions, formats, filters, metadata; replies and atomicity', () => {
    const rt = fixture(
      withSheets(`
      var r1 = Sheets.Spreadsheets.batchUpdate({ requests: [
        { addSheet: { properties: { title: 'Orders', gridProperties: { rowCount: 50, columnCount: 5, frozenRowCount: 1 } } } }
      ] }, id);
      var sid = r1.replies[0].addSheet.properties.sheetId;
      var r2 = Sheets.Spreadsheets.batchUpdate({ requests: [
        { updateCells: { start: { sheetId: sid, rowIndex: 0, columnIndex: 0 }, fields: 'userEnteredValue,userEnteredFormat.textFormat.bold',
            rows: [{ values: [
              { userEnteredValue: { stringValue: 'posting' }, userEnteredFormat: { textFormat: { bold: true } } },
              { userEnteredValue: { stringValue: 'price' } },
              { userEnteredValue: { formulaValue: '=NOW()' } }] },
              { values: [{ userEnteredValue: { stringValue: '=not a formula' } }, { userEnteredValue: { numberValue: 12.5 } },
                { userEnteredValue: { boolValue: true } }] }] } },
        { createDeveloperMetadata: { developerMetadata: { metadataKey: 'col', metadataValue: 'price', visibility: 'DOCUMENT',
            location: { dimensionRange: { sheetId: sid, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } } } },
        { insertDimension: { range: { sheetId: sid, dimension: 'COLUMNS', startIndex: 0, endIndex: 2 } } },
        { repeatCell: { range: { sheetId: sid, startRowIndex: 1, startColumnIndex: 3, endColumnIndex: 4 },
            cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '#,##0.00' }, backgroundColor: { red: 1 } } },
            fields: 'userEnteredFormat(numberFormat,backgroundColor)' } },
        { updateDimensionProperties: { range: { sheetId: sid, dimension: 'COLUMNS', startIndex: 4, endIndex: 5 },
            properties: { hiddenByUser: true }, fields: 'hiddenByUser' } },
        { setBasicFilter: { filter: { range: { sheetId: sid, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 5 } } } },
        { addConditionalFormatRule: { index: 0, rule: { ranges: [{ sheetId: sid, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 }],
            booleanRule: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'late' }] }, format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } } } } } },
        { updateSheetProperties: { properties: { sheetId: sid, title: 'Orders 2', gridProperties: { frozenRowCount: 2 } }, fields: 'title' } }
      ] }, id);
      var search = Sheets.Spreadsheets.DeveloperMetadata.search({ dataFilters: [{ developerMetadataLookup: { metadataKey: 'col' } }] }, id);
      var none = Sheets.Spreadsheets.DeveloperMetadata.search({ dataFilters: [{ developerMetadataLookup: { metadataKey: 'nope' } }] }, id);
      var got = Sheets.Spreadsheets.get(id, { fields: 'sheets(properties(sheetId,title,gridProperties),basicFilter,conditionalFormats)' });
      return { sid: sid, r2: r2, search: search, none: none, got: got };`),
    );
    const out = rt.run<Record<string, any>>('go'); // eslint-disable-line @typescript-eslint/no-explicit-any
    const sid = out.sid as number;
    expect(out.r2.replies).toHaveLength(8);
    const created = out.r2.replies[1].createDeveloperMetadata.developerMetadata;
    expect(created).toMatchObject({ metadataKey: 'col', metadataValue: 'price', visibility: 'DOCUMENT' });
    expect(out.r2.replies[0]).toEqual({});
    expect(out.search.matchedDeveloperMetadata).toHaveLength(1);
    expect(out.search.matchedDeveloperMetadata[0].developerMetadata).toEqual({
      metadataId: created.metadataId,
      metadataKey: 'col',
      metadataValue: 'price',
      visibility: 'DOCUMENT',
      // moved from column B to D by the two inserted columns
      location: {
        locationType: 'COLUMN',
        dimensionRange: { sheetId: sid, dimension: 'COLUMNS', startIndex: 3, endIndex: 4 },
      },
    });
    expect(out.none).toEqual({});
    const orders = out.got.sheets[1];
    expect(orders.properties).toEqual({
      sheetId: sid,
      title: 'Orders 2',
      gridProperties: { rowCount: 50, columnCount: 7, frozenRowCount: 1 },
    });
    expect(orders.basicFilter.range).toEqual({
      sheetId: sid,
      startRowIndex: 0,
      endRowIndex: 3,
      startColumnIndex: 2,
      endColumnIndex: 5,
    });
    expect(orders.conditionalFormats[0].booleanRule.condition).toEqual({
      type: 'TEXT_EQ',
      values: [{ userEnteredValue: 'late' }],
    });
    expect(Object.keys(out.got)).toEqual(['sheets']);

    const sheet = rt.spreadsheet.sheet('Orders 2');
    expect(sheet.values()[1]).toEqual(['', '', '=not a formula', 12.5, true]);
    expect(sheet.formulas()[0][4]).toBe('=NOW()');
    expect(sheet.formats()[0][2]).toEqual({ bold: true });
    expect(sheet.numberFormats()[1][3]).toBe('#,##0.00');
    expect(sheet.displayValues()[1][3]).toBe('12.50');
    expect(sheet.formats()[1][3]).toMatchObject({ background: '#ff0000' });
    expect(sheet.hiddenCols[4]).toBe(true);
  });

  it('rejects unknown requests by name and rolls back the whole batch', () => {
    const rt = fixture(
      withSheets(`Sheets.Spreadsheets.batchUpdate({ requests: [
        { addSheet: { properties: { title: 'Temp' } } }, { frobnicate: {} }] }, id);`),
    );
    expect(() => rt.run('go')).toThrow(/Unknown name "frobnicate" at 'requests\[1\]'/);
    expect(rt.spreadsheet.sheetNames()).toEqual(['Sheet1']);
  });

  it('rolls back cell writes to an existing sheet when a later request fails', () => {
    const rt = fixture(
      withSheets(`
      var sheet = SpreadsheetApp.getActive().insertSheet('Data');
      var sid = sheet.getSheetId();
      sheet.getRange('A1').setValue('before');
      Sheets.Spreadsheets.batchUpdate({ requests: [
        { updateCells: { start: { sheetId: sid, rowIndex: 0, columnIndex: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'after' } }] }], fields: 'userEnteredValue' } },
        { frobnicate: {} }] }, id);`),
    );
    expect(() => rt.run('go')).toThrow(/frobnicate/);
    expect(rt.spreadsheet.sheet('Data').values()[0][0]).toBe('before');
  });

  it('rolls back cells changed in place, sorted and deleted rows, and keeps an earlier batch that succeeded', () => {
    const rt = fixture(
      withSheets(`
      var sheet = SpreadsheetApp.getActive().insertSheet('Data');
      var sid = sheet.getSheetId();
      sheet.getRange('A1:B3').setValues([['c', 3], ['a', 1], ['b', 2]]);
      sheet.getRange('A1').setFontWeight('bold');
      var cell = function (r, c, text) {
        return { updateCells: { start: { sheetId: sid, rowIndex: r, columnIndex: c },
          rows: [{ values: [{ userEnteredValue: { stringValue: text } }] }], fields: 'userEnteredValue' } };
      };
      Sheets.Spreadsheets.batchUpdate({ requests: [cell(2, 1, 'kept')] }, id);
      try {
        Sheets.Spreadsheets.batchUpdate({ requests: [
          cell(0, 0, 'changed'),
          { repeatCell: { range: { sheetId: sid, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 },
              cell: { userEnteredFormat: { textFormat: { bold: false, italic: true } } }, fields: 'userEnteredFormat.textFormat' } },
          { sortRange: { range: { sheetId: sid, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 2 },
              sortSpecs: [{ dimensionIndex: 0, sortOrder: 'ASCENDING' }] } },
          { deleteDimension: { range: { sheetId: sid, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } },
          { frobnicate: {} }] }, id);
      } catch (e) {
        return e.message;
      }`),
    );
    expect(rt.run('go')).toMatch(/frobnicate/);
    const data = rt.spreadsheet.sheet('Data');
    expect(data.cell(0, 0)?.fmt?.bold).toBe(true);
    expect(data.cell(0, 0)?.fmt?.italic).toBeFalsy();
    expect(data.values()).toEqual([
      ['c', 3],
      ['a', 1],
      ['b', 'kept'],
    ]);
  });

  it('deletes dimensions and metadata, sorts ranges, appends and clears values', () => {
    const rt = fixture(
      withSheets(`
      var sid = SpreadsheetApp.getActiveSheet().getSheetId();
      Sheets.Spreadsheets.Values.update({ values: [['sku', 'qty'], ['b', 2], ['a', 1]] }, id, 'Sheet1!A1', { valueInputOption: 'USER_ENTERED' });
      Sheets.Spreadsheets.Values.append({ values: [['c', 3]] }, id, 'Sheet1!A1:B', { valueInputOption: 'USER_ENTERED', insertDataOption: 'INSERT_ROWS' });
      Sheets.Spreadsheets.batchUpdate({ requests: [
        { createDeveloperMetadata: { developerMetadata: { metadataKey: 'k', visibility: 'DOCUMENT', location: { sheetId: sid } } } },
        { sortRange: { range: { sheetId: sid, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 2 },
            sortSpecs: [{ dimensionIndex: 1, sortOrder: 'DESCENDING' }] } },
        { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: 'k' } } } },
        { deleteDimension: { range: { sheetId: sid, dimension: 'ROWS', startIndex: 3, endIndex: 4 } } }] }, id);
      Sheets.Spreadsheets.Values.clear({}, id, 'Sheet1!B1');
      return SpreadsheetApp.getActiveSheet().getMaxRows();`),
    );
    expect(rt.run('go')).toBe(1000);
    expect(rt.spreadsheet.sheet('Sheet1').values()).toEqual([
      ['sku', ''],
      ['c', 3],
      ['b', 2],
    ]);
    expect(rt.spreadsheet.metadata).toEqual([]);
  });
});

describe('advanced Sheets accounting', () => {
  it('charges reads for the cells they cover and failed calls as round trips', () => {
    const rt = fixture(
      `function go() { var id = SpreadsheetApp.getActiveSpreadsheet().getId();
        Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Sheet1!A1:B10', 'Sheet1!C1:C5'] });
        try { Sheets.Spreadsheets.Values.get(id, 'Nope!A1'); } catch (e) { return e.message; } }`,
      { latency: { advancedSheets: 100, perCellMs: 1, sheetsOther: 0 } },
    );
    rt.resetCounters();
    const t0 = rt.clock.now();
    expect(rt.run('go')).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: Nope!A1',
    );
    expect(rt.counters).toMatchObject({ advancedSheetsCalls: 2, cellsRead: 25 });
    expect(rt.clock.now() - t0).toBe(100 + 25 + 100);
  });
});

describe('values by data filter', () => {
  it('reads and writes the columns that developer metadata marks, wherever they moved', () => {
    const rt = fixture(`function go() {
      var ss = SpreadsheetApp.getActiveSpreadsheet(); var id = ss.getId(); var sh = ss.getActiveSheet();
      sh.getRange('A1:B3').setValues([['sku', 'stock'], ['a', 1], ['b', 2]]);
      sh.getRange('B:B').addDeveloperMetadata('column', 'stock');
      sh.insertColumnsBefore(1, 1);
      var lookup = { developerMetadataLookup: { metadataKey: 'column', metadataValue: 'stock' } };
      var read = Sheets.Spreadsheets.Values.batchGetByDataFilter({ dataFilters: [lookup], valueRenderOption: 'UNFORMATTED_VALUE' }, id);
      var write = Sheets.Spreadsheets.Values.batchUpdateByDataFilter({ valueInputOption: 'RAW',
        data: [{ dataFilter: lookup, values: [['stock'], [10], [20]] }] }, id);
      return [read.valueRanges[0].valueRange, write.totalUpdatedCells, write.responses[0].updatedRange];
    }`);
    expect(rt.run('go')).toEqual([
      { range: 'Sheet1!C1:C1000', majorDimension: 'ROWS', values: [['stock'], [1], [2]] },
      3,
      'Sheet1!C1:C3',
    ]);
    expect(
      rt.spreadsheet
        .sheet('Sheet1')
        .values()
        .map((r) => r[2]),
    ).toEqual(['stock', 10, 20]);
  });
});

describe('charts (sheets-charts.ts)', () => {
  it('adds, lists and deletes embedded charts; bad sources are refused', () => {
    const rt = fixture(`function go(rows) {
      var id = SpreadsheetApp.getActiveSpreadsheet().getId(); var sid = SpreadsheetApp.getActiveSheet().getSheetId();
      var spec = { basicChart: { chartType: 'COLUMN', domains: [{ domain: { sourceRange: { sources: [
        { sheetId: sid, startRowIndex: 0, endRowIndex: rows, startColumnIndex: 0, endColumnIndex: 1 }] } } }] } };
      var added = Sheets.Spreadsheets.batchUpdate({ requests: [{ addChart: { chart: { spec: spec,
        position: { overlayPosition: { anchorCell: { sheetId: sid, rowIndex: 1, columnIndex: 3 } } } } } }] }, id);
      var chartId = added.replies[0].addChart.chart.chartId;
      var listed = Sheets.Spreadsheets.get(id, { fields: 'sheets(charts(chartId))' }).sheets[0].charts;
      Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteEmbeddedObject: { objectId: chartId } }] }, id);
      return [listed, Sheets.Spreadsheets.get(id).sheets[0].charts === undefined, chartId];
    }`);
    const [listed, gone, chartId] = rt.run<[{ chartId: number }[], boolean, number]>('go', [10]);
    expect(listed).toEqual([{ chartId }]);
    expect(gone).toBe(true);
    expect(() => rt.run('go', [5000])).toThrow(
      /Invalid requests\[0\]\.addChart: Chart source range exceeds grid limits/,
    );
  });
});
