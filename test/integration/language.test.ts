// A language change relabels what the add-on owns in the sheet, in one language: the Orders statuses
// of every row (not only the postings a sync fetched again), the Sync log's words and the add-on's own
// headers; a header the seller renamed and the seller's own columns stay as they were.
import { demoShop, type Runtime } from '../support/shop';
import { t, type Lang } from '../../src/core/i18n/messages';
import { headerIn } from '../../src/core/i18n/headers';
import { FBS_STATUSES } from '../../src/core/orders/posting';
import { substatusText } from '../../src/core/orders/tables';

const sync = (rt: Runtime) => rt.run<{ ok: boolean; data: { result: string } }>('syncOrders').data;

function grid(rt: Runtime, tab: string): unknown[][] {
  return rt.spreadsheet.sheet(tab).values() as unknown[][];
}

function column(rt: Runtime, tab: string, header: string): unknown[] {
  const [head, ...rows] = grid(rt, tab);
  const index = head.map(String).indexOf(header);
  if (index < 0) throw new Error(`${tab}: no column ${header} in ${head.join(' | ')}`);
  return rows.filter((r) => r.some((c) => c !== '' && c !== null)).map((r) => r[index]);
}

function edit(rt: Runtime, tab: string, row: number, col: number, value: string) {
  rt.asUser((g) => {
    g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!.getRange(row, col).setValue(value);
  });
}

const statusWords = (lang: Lang) => new Set(FBS_STATUSES.map((code) => t(lang, `status.${code}` as never)));

describe('a language change', () => {
  it('relabels statuses, the Sync log and own headers; renamed headers and seller columns stay', () => {
    const { rt } = demoShop({ postings: 120 });
    rt.properties.user.set('ODESK_LANGUAGE', 'en');
    expect(sync(rt).result).toBe('done');
    const head = grid(rt, 'Orders')[0].map(String);
    expect(head).toContain('Posting number');
    // The seller renames "Note", and adds a column of their own with a value in it.
    edit(rt, 'Orders', 1, head.indexOf('Note') + 1, 'My remarks');
    rt.asUser((g) =>
      g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!.insertColumnAfter(head.length),
    );
    edit(rt, 'Orders', 1, head.length + 1, 'Seller column');
    edit(rt, 'Orders', 2, head.length + 1, 'keep me');
    const codes = column(rt, 'Orders', 'Status code').map(String);

    for (const lang of ['ru', 'zh', 'en'] as const) {
      rt.properties.user.set('ODESK_LANGUAGE', lang);
      rt.clock.advance(60_000);
      expect(sync(rt).result).toBe('done');
      const header = grid(rt, 'Orders')[0].map(String);
      expect(header).toContain(headerIn(lang, 'Posting number'));
      expect(header).toContain(headerIn(lang, 'Ship by'));
      expect(header).toContain('My remarks');
      expect(header).toContain('Seller column');
      expect(header).not.toContain(headerIn(lang, 'Note'));
      expect(column(rt, 'Orders', 'Seller column')[0]).toBe('keep me');
      // Every status in the chosen language, row by row from its code: no mixed "Delivered"/"Доставлено".
      const statuses = column(rt, 'Orders', headerIn(lang, 'Status')).map(String);
      const codesNow = column(rt, 'Orders', headerIn(lang, 'Status code')).map(String);
      expect(codesNow).toEqual(expect.arrayContaining(codes));
      statuses.forEach((status, i) =>
        expect([codesNow[i], status]).toEqual([codesNow[i], t(lang, `status.${codesNow[i]}` as never)]),
      );
      // Substatuses in words, Ozon's code kept in the hidden column for filtering.
      const subCodes = column(rt, 'Orders', headerIn(lang, 'Substatus code')).map(String);
      expect(subCodes.filter((c) => /^posting_/.test(c)).length).toBeGreaterThan(0);
      const subs = column(rt, 'Orders', headerIn(lang, 'Substatus')).map(String);
      subs.forEach((sub, i) => expect(sub).toBe(substatusText(lang, subCodes[i])));
      expect(subs.filter((s) => /posting_/.test(s))).toEqual([]);
      const others = (['en', 'ru', 'zh'] as const).filter((l) => l !== lang);
      for (const other of others) {
        const foreign = statusWords(other);
        for (const word of statusWords(lang)) foreign.delete(word);
        expect(statuses.filter((s) => foreign.has(s))).toEqual([]);
      }
      // The Sync log reads in one language too.
      const sources = new Set(column(rt, 'Sync log', headerIn(lang, 'Source')).map(String));
      const results = new Set(column(rt, 'Sync log', headerIn(lang, 'Result')).map(String));
      expect([...sources]).toEqual([t(lang, 'sync.sourceMenu')]);
      expect([...results]).toEqual([t(lang, 'sync.resultOk')]);
      expect(grid(rt, 'Sync log')[0].map(String)).toContain(headerIn(lang, 'Postings fetched'));
    }
  });
});
