// Pivot tables computed from their definitions into cells, as Sheets lays them out.
import { fixture } from './fixture';

const build = `
function setup(def) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var data = ss.insertSheet('Data');
  data.getRange(1, 1, 6, 4).setValues([
    ['Currency', 'Month', 'Status', 'Value'],
    ['RUB', 1, 'delivered', 10],
    ['RUB', 2, 'cancelled', 5],
    ['RUB', 1, 'delivered', 7],
    ['CNY', 2, 'delivered', 3],
    ['RUB', 2, 'delivered', 1],
  ]);
  var out = ss.insertSheet('Out');
  Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: {
    start: { sheetId: out.getSheetId(), rowIndex: 0, columnIndex: 0 },
    rows: [{ values: [{ pivotTable: def(data.getSheetId()) }] }], fields: 'pivotTable' } }] }, ss.getId());
}
function shrink() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A3:D6').clearContent();
}`;

const source = (sheetId: number) => ({
  sheetId,
  startRowIndex: 0,
  endRowIndex: 6,
  startColumnIndex: 0,
  endColumnIndex: 4,
});

test('rows and columns: grouped, sorted, with subtotals and grand totals', () => {
  const rt = fixture(
    build.replace(
      'def(data.getSheetId())',
      JSON.stringify({
        source: source(0),
        rows: [
          { sourceColumnOffset: 0, showTotals: true, sortOrder: 'ASCENDING' },
          { sourceColumnOffset: 1, showTotals: true, sortOrder: 'ASCENDING' },
        ],
        columns: [{ sourceColumnOffset: 2, showTotals: true, sortOrder: 'ASCENDING' }],
        values: [{ summarizeFunction: 'SUM', sourceColumnOffset: 3 }],
      }).replace('"sheetId":0', '"sheetId":data.getSheetId()'),
    ),
  );
  rt.run('setup');
  expect(rt.spreadsheet.sheet('Out').values()).toEqual([
    ['SUM of Value', '', 'Status', '', ''],
    ['Currency', 'Month', 'cancelled', 'delivered', 'Grand Total'],
    ['CNY', 2, '', 3, 3],
    ['CNY Total', '', '', 3, 3],
    ['RUB', 1, '', 17, 17],
    ['', 2, 5, 1, 6],
    ['RUB Total', '', 5, 18, 23],
    ['Grand Total', '', 5, 21, 26],
  ]);
  // The source shrinks: the output follows after the next execution and leaves nothing behind.
  rt.run('shrink');
  expect(rt.spreadsheet.sheet('Out').values()).toEqual([
    ['SUM of Value', '', 'Status', ''],
    ['Currency', 'Month', 'delivered', 'Grand Total'],
    ['RUB', 1, 10, 10],
    ['RUB Total', '', 10, 10],
    ['Grand Total', '', 10, 10],
  ]);
});

test('rows only with several values', () => {
  const rt = fixture(
    build.replace(
      'def(data.getSheetId())',
      JSON.stringify({
        source: source(0),
        rows: [{ sourceColumnOffset: 2, showTotals: true, sortOrder: 'DESCENDING' }],
        values: [
          { summarizeFunction: 'SUM', sourceColumnOffset: 3 },
          { summarizeFunction: 'COUNTA', sourceColumnOffset: 0 },
        ],
      }).replace('"sheetId":0', '"sheetId":data.getSheetId()'),
    ),
  );
  rt.run('setup');
  expect(rt.spreadsheet.sheet('Out').values()).toEqual([
    ['Status', 'SUM of Value', 'COUNTA of Currency'],
    ['delivered', 21, 4],
    ['cancelled', 5, 1],
    ['Grand Total', 26, 5],
  ]);
});
