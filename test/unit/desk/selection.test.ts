// The desk's selection reading through its host seam, with no Apps Script: which postings the
// seller has selected, and when the sidebar may skip reading at all.
import type { AppContext } from '../../../src/app/context';
import { pollSelection, selectedPostings } from '../../../src/desk';
import type { DeskHost, Selection } from '../../../src/desk/host';

const ctx = { lang: 'en' } as AppContext;

function host(selection: Selection | null, rows: unknown[][], header = ['Status', 'Posting number']) {
  const reads: { sheetId: number; start: number; end: number }[] = [];
  const cache = new Map<string, string>();
  const fake: Partial<DeskHost> = {
    selection: () => selection,
    readRows: (sheetId, start, end) => {
      reads.push({ sheetId, start, end });
      return { header, rows };
    },
    cacheGet: (key) => cache.get(key) ?? null,
    cachePut: (key, value) => void cache.set(key, value),
  };
  return { host: fake as DeskHost, reads, cache };
}

const orders = (startRow: number, endRow: number): Selection => ({
  sheetId: 7,
  sheetName: 'Orders',
  tab: 'Orders',
  startRow,
  endRow,
  startCol: 0,
  endCol: 3,
});

test('postings come from the "Posting number" column of the selected rows, once each', () => {
  const h = host(orders(2, 6), [
    ['Awaiting packaging', '0123-0001-1'],
    ['Awaiting packaging', '0123-0001-1'],
    ['Delivered', 'not a posting'],
    ['Awaiting deliver', '4567-0002-2'],
  ]);
  const sel = pollSelection(ctx, '', h.host);
  expect(sel).toEqual({
    key: '7:2:6',
    changed: true,
    onOrders: true,
    postings: ['0123-0001-1', '4567-0002-2'],
  });
  expect(h.reads).toEqual([{ sheetId: 7, start: 2, end: 6 }]);
});

test('an unmoved selection costs no read; another tab is reported without its rows', () => {
  const same = host(orders(2, 3), [['x', '1-1']]);
  expect(pollSelection(ctx, '7:2:3', same.host)).toEqual({
    key: '7:2:3',
    changed: false,
    onOrders: true,
    postings: [],
  });
  expect(same.reads).toEqual([]);
  const other = host({ ...orders(2, 3), sheetName: 'Inventory', tab: 'Inventory', sheetId: 9 }, []);
  expect(pollSelection(ctx, '', other.host)).toMatchObject({ changed: true, onOrders: false, postings: [] });
  expect(other.reads).toEqual([]);
});

test('the Orders tab is known by its developer metadata, not its name', () => {
  const rows = [['Awaiting packaging', '0123-0001-1']];
  // Renamed by the seller: still the Orders tab.
  const renamed = host({ ...orders(1, 2), sheetName: 'Заказы (мои)' }, rows);
  expect(pollSelection(ctx, '', renamed.host)).toMatchObject({ onOrders: true, postings: ['0123-0001-1'] });
  expect(renamed.reads).toEqual([{ sheetId: 7, start: 1, end: 2 }]);
  // Another add-on tab the seller named "Orders": not the Orders tab.
  const impostor = host({ ...orders(1, 2), tab: 'Returns' }, rows);
  expect(pollSelection(ctx, '', impostor.host)).toMatchObject({ onOrders: false, postings: [] });
  expect(impostor.reads).toEqual([]);
  // A sheet the add-on never marked counts by its name only.
  const unmarked = host({ ...orders(1, 2), tab: null }, rows);
  expect(pollSelection(ctx, '', unmarked.host)).toMatchObject({ onOrders: true });
  // …unless the desk has found the marked Orders tab on another sheet.
  const shadowed = host({ ...orders(1, 2), tab: null, sheetId: 12 }, rows);
  shadowed.cache.set('odesk.desk.ordersSheet', '7');
  expect(pollSelection(ctx, '', shadowed.host)).toMatchObject({ onOrders: false });
  const unmarkedOther = host({ ...orders(1, 2), tab: null, sheetName: 'Sheet1' }, rows);
  expect(pollSelection(ctx, '', unmarkedOther.host)).toMatchObject({ onOrders: false });
});

test('the posting column cached by the last desk read wins over the header search', () => {
  const h = host(orders(1, 2), [['5555-0003-3', '1111-0009-9']]);
  h.cache.set('odesk.desk.postingCol.7', '0');
  expect(pollSelection(ctx, '', h.host).postings).toEqual(['5555-0003-3']);
});

test('menu commands refuse when nothing on Orders is selected', () => {
  expect(() => selectedPostings(ctx, host(null, []).host)).toThrow(
    expect.objectContaining({ code: 'desk.noSelection' }),
  );
  expect(() => selectedPostings(ctx, host(orders(0, 0), []).host)).toThrow(
    expect.objectContaining({ code: 'desk.noSelection' }),
  );
});
