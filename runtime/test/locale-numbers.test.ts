// Numbers drawn and typed by the spreadsheet's locale, as Sheets does: grouping and decimal
// separators per locale (see runtime/values.ts for where they come from).
import { fixture } from './fixture';

const code = `
function draw(arg) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
  var r = sh.getRange(1, 1, 1, 4);
  r.setValues([[1234567.5, 3582, -0.25, 1234.5]]);
  r.setNumberFormats([['#,##0.00', '#,##0', '0.00', 'General']]);
  return r.getDisplayValues()[0];
}
function typed(arg) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
  var r = sh.getRange(2, 1, 1, arg.length);
  r.setValues([arg]);
  return r.getValues()[0];
}`;

// What each locale draws for 1234567.5 as #,##0.00, 3582 as #,##0, -0.25 as 0.00, 1234.5 as General.
const drawn: Record<string, string[]> = {
  en_US: ['1,234,567.50', '3,582', '-0.25', '1234.5'],
  en_GB: ['1,234,567.50', '3,582', '-0.25', '1234.5'],
  zh_CN: ['1,234,567.50', '3,582', '-0.25', '1234.5'],
  ru_RU: ['1\u00a0234\u00a0567,50', '3\u00a0582', '-0,25', '1234,5'],
  de_DE: ['1.234.567,50', '3.582', '-0,25', '1234,5'],
  fr_FR: ['1\u202f234\u202f567,50', '3\u202f582', '-0,25', '1234,5'],
};

describe.each(Object.keys(drawn))('spreadsheet locale %s', (locale) => {
  const rt = fixture(code, { spreadsheetLocale: locale });

  it('draws grouping and decimal separators as Sheets does', () => {
    expect(rt.run('draw', [])).toEqual(drawn[locale]);
  });

  it('reads a number typed in the locale’s own style, and leaves the other style as text', () => {
    const [amount, whole] = drawn[locale];
    const foreign = locale.startsWith('en') || locale.startsWith('zh') ? '1.234.567,50' : '1,234,567.50';
    expect(rt.run('typed', [[amount, whole, foreign]])).toEqual([1234567.5, 3582, foreign]);
  });
});

test('a spreadsheet in French accepts the thousands typed with a plain or a no-break space', () => {
  const rt = fixture(code, { spreadsheetLocale: 'fr_FR' });
  expect(rt.run('typed', [['1 234,5', '1\u00a0234,5', '12,5']])).toEqual([1234.5, 1234.5, 12.5]);
});
