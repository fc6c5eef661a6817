// SpreadsheetApp.create, openById of another spreadsheet, the advanced Sheets service on it, and a
// spreadsheet the seller deleted.
import { fixture } from './fixture';

const CODE = `
function make(name) { const s = SpreadsheetApp.create(name); s.getSheets()[0].getRange('A1').setValue('x'); return s.getId(); }
function nameOf(id) { return SpreadsheetApp.openById(id).getName(); }
function renameIt(id, name) { SpreadsheetApp.openById(id).rename(name); }
function apiTitles(id) { return Sheets.Spreadsheets.get(id, { fields: 'sheets.properties' }).sheets.map(function (s) { return s.properties.title; }); }
function apiWrite(id) {
  Sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: '2026-01 Orders' } } }] }, id);
  Sheets.Spreadsheets.Values.update({ values: [['P-1']] }, id, "'2026-01 Orders'!A1", { valueInputOption: 'RAW' });
  return Sheets.Spreadsheets.Values.batchGet(id, { ranges: ["'2026-01 Orders'"] }).valueRanges[0].values;
}
function mainTitles() { return apiTitles(SpreadsheetApp.getActiveSpreadsheet().getId()); }
`;

describe('other spreadsheets', () => {
  it('SpreadsheetApp.create makes a spreadsheet that openById and the Sheets API reach', () => {
    const rt = fixture(CODE);
    const id = rt.run('make', ['Archive 2026']) as string;
    expect(id).not.toBe(rt.spreadsheet.id);
    expect(rt.otherSpreadsheets.get(id)?.sheet('Sheet1').values()[0][0]).toBe('x');
    expect(rt.run('nameOf', [id])).toBe('Archive 2026');
    expect(rt.run('apiTitles', [id])).toEqual(['Sheet1']);
    expect(rt.run('apiWrite', [id])).toEqual([['P-1']]);
    // The bound spreadsheet is untouched.
    expect(rt.run('mainTitles')).toEqual(['Sheet1']);
    expect(rt.otherSpreadsheets.get(id)?.sheetNames()).toEqual(['Sheet1', '2026-01 Orders']);
    rt.run('renameIt', [id, 'Old orders']);
    expect(rt.otherSpreadsheets.get(id)?.name).toBe('Old orders');
  });

  it('a deleted spreadsheet cannot be opened or read through the API', () => {
    const rt = fixture(CODE);
    const id = rt.run('make', ['Archive 2026']) as string;
    expect(rt.deleteSpreadsheet(id)).toBe(true);
    expect(() => rt.run('nameOf', [id])).toThrow(/openById/);
    expect(() => rt.run('apiTitles', [id])).toThrow(/Requested entity was not found/);
  });

  it('create needs the spreadsheets scope and a full authorization', () => {
    const rt = fixture(
      CODE,
      {},
      {
        manifest: {
          timeZone: 'Europe/Moscow',
          oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
        },
      },
    );
    expect(() => rt.run('make', ['A'])).toThrow(/SpreadsheetApp.create.*spreadsheets/);
    const full = fixture(CODE);
    expect(() => full.run('make', ['A'], { trigger: 'simple', authMode: 'LIMITED' })).toThrow(/create/);
  });
});
