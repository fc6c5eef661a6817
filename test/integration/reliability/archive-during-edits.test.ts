// Issue 12 point 1 for the archive move (issue 18): the seller sorts, inserts or deletes rows in the
// live Orders and Order lines tabs, in the archive month tabs the move appends to, and in the Archive
// tab, at any Sheets call of a move. After each move every posting and line is in exactly one place
// (live or archive; only what the seller deleted may be in neither), each row holds its own
// posting's figures and the seller's own cells (columns of the add-on's and their own) moved with it.
import { archived, editMonth, monthTabs, type MonthTab } from '../../support/archive';
import { insertRows } from '../../support/seller';
import { demoShop, tabRecords, type DemoShop, type Runtime } from '../../support/shop';
import { deleteKeyed, editTabs, type KeyedTab } from './keyed-tabs';

jest.setTimeout(900_000);

const none = () => [];
const LIVE: KeyedTab[] = [
  {
    tab: 'Orders',
    key: 'Posting number',
    sort: ['Total', 'Buyer'],
    filled: 'Status code',
    check: none,
  },
  {
    tab: 'Order lines',
    key: 'Line key',
    sort: ['Quantity', 'Product name'],
    filled: 'Offer ID',
    check: none,
  },
];
const ARCHIVE_TAB: KeyedTab = {
  tab: 'Archive',
  key: 'Spreadsheet ID',
  sort: ['Year', 'Orders'],
  filled: 'Months',
  check: none,
};

// The calls that read or write cells (an edit before any other call is one before the next of these).
const SHEETS = new Set(['advancedSheets']);

interface Summary {
  result: string;
  message: string;
  moved: number;
}

function archive(rt: Runtime): Summary {
  const answer = rt.run<{ ok: boolean; data: Summary; error?: { message: string } }>('archiveOldOrders');
  if (!answer.ok) throw new Error(answer.error?.message);
  return answer.data;
}

/** The seller's own cells on every row: Note (the add-on's seller column) and a column of their own. */
function markRows(rt: Runtime, tab: string, key: string, cells: Record<string, (key: string) => string>) {
  rt.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!;
    for (const header of Object.keys(cells)) {
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      if (!headers.includes(header)) {
        sheet.insertColumnsAfter(sheet.getLastColumn(), 1);
        sheet.getRange(1, sheet.getLastColumn() + 1).setValue(header);
      }
    }
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const last = sheet.getLastRow();
    const keys = sheet.getRange(2, headers.indexOf(key) + 1, last - 1, 1).getValues();
    for (const [header, value] of Object.entries(cells))
      sheet
        .getRange(2, headers.indexOf(header) + 1, last - 1, 1)
        .setValues(keys.map((r) => [r[0] === '' ? '' : value(String(r[0]))]));
  });
}

const ORDER_CELLS = { Note: (n: string) => `note ${n}`, 'My box': (n: string) => `box ${n}` };
const LINE_CELLS = { 'Line note': (k: string) => `line ${k}` };

/**
 * What is wrong across the live tabs and the archive: a posting or line twice, one in neither place
 * that the seller did not delete, a row holding another posting's figures or seller cells, a row
 * without a key holding the add-on's cells; and in the Archive tab a spreadsheet listed twice or a
 * row without its id holding the add-on's cells.
 */
function placeProblems(shop: DemoShop, expected: ReadonlySet<string>, deleted: ReadonlySet<string>) {
  const { rt, sim } = shop;
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const look = (where: string, kind: 'Orders' | 'Order lines', rows: Record<string, unknown>[]) => {
    const keyHeader = kind === 'Orders' ? 'Posting number' : 'Line key';
    for (const row of rows) {
      const key = String(row[keyHeader] ?? '');
      if (!key) {
        const filled = row[kind === 'Orders' ? 'Status code' : 'Offer ID'];
        if (filled !== '' && filled !== undefined)
          problems.push(`${where}: a row without a key holds ${String(filled)}`);
        continue;
      }
      const id = `${kind}|${key}`;
      if (seen.has(id)) problems.push(`${key} in ${seen.get(id)} and in ${where}`);
      seen.set(id, where);
      const cells = kind === 'Orders' ? ORDER_CELLS : LINE_CELLS;
      for (const [header, value] of Object.entries(cells))
        if (row[header] !== value(key))
          problems.push(`${where}: ${key} has ${header} '${String(row[header])}'`);
      if (kind === 'Orders') {
        const posting = sim.state.postings.get(key);
        if (row['Status code'] !== posting?.status)
          problems.push(`${where}: ${key} shows ${String(row['Status code'])}, Ozon ${posting?.status}`);
        if (!(row['Ordered at'] instanceof Date)) problems.push(`${where}: ${key} Ordered at is no date`);
      } else {
        const [posting, sku] = key.split('/');
        const line = sim.state.postings.get(posting)?.lines.find((l) => String(l.sku) === sku);
        if (String(row['Posting number']) !== posting || !line)
          problems.push(`${where}: line ${key} holds posting ${String(row['Posting number'])}`);
        else if (String(row['Offer ID']) !== line.offerId || Number(row['Quantity']) !== line.quantity)
          problems.push(
            `${where}: line ${key} holds ${String(row['Offer ID'])} × ${String(row['Quantity'])}`,
          );
      }
    }
  };
  look('Orders', 'Orders', tabRecords(rt, 'Orders'));
  look('Order lines', 'Order lines', tabRecords(rt, 'Order lines'));
  look('the archive', 'Orders', archived(rt, 'Orders'));
  look('the archive', 'Order lines', archived(rt, 'Order lines'));
  const lost = [...expected].filter((id) => !seen.has(id) && !deleted.has(id));
  if (lost.length) problems.push(`in neither place: ${lost.slice(0, 5).join(', ')} (${lost.length})`);
  for (const id of seen.keys()) if (!expected.has(id)) problems.push(`${id} is new`);

  const listed = new Set<string>();
  for (const row of tabRecords(rt, 'Archive')) {
    const id = String(row['Spreadsheet ID'] ?? '');
    if (!id) {
      problems.push(`Archive: a row without an id holds '${String(row['Months'])}'`);
      continue;
    }
    if (listed.has(id)) problems.push(`Archive: ${id} twice`);
    listed.add(id);
  }
  return problems;
}

const FINISHED = new Set(['delivered', 'cancelled', 'not_accepted', 'cancelled_from_split_pending']);

/** When the postings due with `liveDays` kept were ordered, oldest first. */
function dueDates(rt: Runtime, liveDays: number): number[] {
  const cutoff = rt.clock.now() - (liveDays + 1) * 86_400_000;
  return tabRecords(rt, 'Orders')
    .filter((r) => FINISHED.has(String(r['Status code'])))
    .map((r) => (r['Ordered at'] instanceof Date ? r['Ordered at'].getTime() : Infinity))
    .filter((at) => at < cutoff)
    .sort((a, b) => a - b);
}

/** The month tabs (orders and lines) the oldest posting due goes to, when they exist yet. */
function dueMonth(rt: Runtime, liveDays: number): MonthTab[] {
  const [oldest] = dueDates(rt, liveDays);
  if (oldest === undefined) return [];
  // The month in Moscow time, as the archive names it.
  const month = new Date(oldest + 3 * 3_600_000).toISOString().slice(0, 7);
  return [...monthTabs(rt, 'Orders'), ...monthTabs(rt, 'Order lines')].filter((t) =>
    t.tab.startsWith(`${month} `),
  );
}

describe('an archive move while the seller edits', () => {
  test('a sort, an insert and a delete in the live tabs, the archive month tabs and the Archive tab at any Sheets call of a move', () => {
    const shop = demoShop({ postings: 450, days: 300 });
    const { rt } = shop;
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '300');
    expect(rt.run<{ data: { result: string } }>('syncOrders').data.result).toBe('done');
    markRows(rt, 'Orders', 'Posting number', ORDER_CELLS);
    markRows(rt, 'Order lines', 'Line key', LINE_CELLS);
    const expected = new Set([
      ...tabRecords(rt, 'Orders').map((r) => `Orders|${String(r['Posting number'])}`),
      ...tabRecords(rt, 'Order lines').map((r) => `Order lines|${String(r['Line key'])}`),
    ]);
    const deleted = new Set<string>();

    // Each move takes the postings of a day or a few more: the window shrinks a day at a time until
    // some are due (no sync between: the seller's deletes stay deleted).
    let days = 290;
    const nextWindow = () => {
      do {
        days--;
        expect(days).toBeGreaterThanOrEqual(45);
      } while (!dueDates(rt, days).length);
      rt.run('saveArchiveSettings', [{ liveDays: days }]);
    };

    // The first move creates the year's spreadsheet and the month tabs; how many Sheets calls the
    // next one makes.
    nextWindow();
    expect(archive(rt).result).toBe('done');
    nextWindow();
    let calls = 0;
    rt.onServiceCall((c) => void (SHEETS.has(c.kind) && calls++));
    expect(archive(rt).result).toBe('done');
    rt.onServiceCall(undefined);
    expect(placeProblems(shop, expected, deleted)).toEqual([]);
    expect(calls).toBeGreaterThan(10);

    let moved = 0;
    let edits = 0;
    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        nextWindow();
        const month = dueMonth(rt, days);
        let sheetsCall = 0;
        rt.onServiceCall((c) => {
          if (!SHEETS.has(c.kind) || sheetsCall++ !== k) return;
          edits++;
          editTabs(shop, LIVE, kind, k, deleted);
          for (const at of month) editMonth(rt, at, kind, k, deleted);
          if (kind === 'insert') insertRows(rt, 'Archive', 2, 1);
          if (kind === 'delete' && rt.spreadsheet.sheet('Archive').values().length > 1)
            deleteKeyed(shop, ARCHIVE_TAB, 2, deleted);
        });
        const run = archive(rt);
        rt.onServiceCall(undefined);
        const label = `${kind} at Sheets call ${k}`;
        expect([label, run.result === 'failed' ? run.message : 'ran']).toEqual([label, 'ran']);
        moved += run.moved;
        expect([label, placeProblems(shop, expected, deleted)]).toEqual([label, []]);
      }
    }
    // The moves did move postings, and the edits fell inside them.
    expect(moved).toBeGreaterThan(calls);
    expect(edits).toBeGreaterThan(calls * 2);
  });
});
