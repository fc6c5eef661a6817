// Profit of archived postings through the built bundle against the Ozon simulator: a late accrual
// (a correction booked weeks after delivery) for a posting already in the archive updates its
// archived Order lines' fees, payout and profit exactly once, and the Finance rows of archived
// postings move to their archive month once older than the finance horizon, each key in one place.
import { parseMinor } from '../../src/core/finance/minor';
import { demoShop, tabRecords, type Runtime } from '../support/shop';

jest.setTimeout(600_000);

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Summary {
  result: string;
  message: string;
}

function until(rt: Runtime, fn: string): Summary {
  for (let i = 0; i < 20; i++) {
    const r = rt.run<Result<Summary>>(fn);
    if (!r.ok) throw new Error(r.error.message);
    if (r.data.result === 'done') return r.data;
    rt.clock.advance(60_000);
  }
  throw new Error(`${fn} did not finish`);
}

const minor = (v: unknown) => parseMinor(v) ?? NaN;

function records(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = values;
  return rows
    .filter((row) => row.some((cell) => cell !== '' && cell !== null))
    .map((row) => Object.fromEntries((header ?? []).map((h, i) => [String(h), row[i]])));
}

/** Every row of the archive month tabs of one kind ('Orders', 'Order lines', 'Finance'). */
function archived(rt: Runtime, kind: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const book of rt.otherSpreadsheets.values())
    for (const tab of book.sheetNames())
      if (tab.match(/^\d{4}-\d{2} (.*)$/)?.[1] === kind)
        out.push(...records(book.sheet(tab).values() as unknown[][]));
  return out;
}

describe('finance of archived postings', () => {
  const { rt, sim } = demoShop({ postings: 160, days: 200 });
  rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
  sim.setRateLimit(null);
  let keysBefore: Set<string>;

  beforeAll(() => {
    until(rt, 'syncOrders');
    until(rt, 'updateFinance');
    // A cost for every offer, so profit is a number.
    rt.asUser((g) => {
      const sheet = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Costs')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const rows = sheet.getLastRow() - 1;
      sheet
        .getRange(2, header.indexOf('Cost price') + 1, rows, 1)
        .setValues(Array.from({ length: rows }, () => [100]));
    });
    until(rt, 'updateFinance');
    keysBefore = new Set(tabRecords(rt, 'Finance').map((r) => String(r['Finance key'])));

    const moved = rt.run<Result<{ result: string; moved: number }>>('archiveOldOrders');
    expect(moved.ok && moved.data.moved).toBeGreaterThan(10);
    // The finance run keeps each row's order month; the next archive run moves the rows due.
    rt.clock.advance(3_600_000);
    until(rt, 'updateFinance');
    rt.clock.advance(86_400_000);
    rt.run('archiveOldOrders');
  });

  test('the Finance rows of archived postings older than the horizon move to their archive month, each key in one place', () => {
    // Each Finance key in one place: the live tab or an archive month, none lost.
    const liveKeys = tabRecords(rt, 'Finance').map((r) => String(r['Finance key']));
    const archivedKeys = archived(rt, 'Finance').map((r) => String(r['Finance key']));
    expect(archivedKeys.length).toBeGreaterThan(20);
    expect(new Set([...liveKeys, ...archivedKeys]).size).toBe(liveKeys.length + archivedKeys.length);
    expect(new Set([...liveKeys, ...archivedKeys])).toEqual(keysBefore);
    const livePostings = new Set(tabRecords(rt, 'Orders').map((r) => String(r['Posting number'])));
    expect(archived(rt, 'Finance').filter((r) => livePostings.has(String(r['Posting number'])))).toEqual([]);
    // What stays live of archived postings is dated from the horizon on (1 September for 21 November).
    const stay = tabRecords(rt, 'Finance').filter((r) => !livePostings.has(String(r['Posting number'])));
    expect(
      stay.filter((r) => typeof r.Date !== 'number' || r.Date < Date.UTC(2026, 8, 1) / 86_400_000 + 25569),
    ).toEqual([]);
  });

  test('a late accrual on an archived posting updates its archived lines’ fees, payout and profit, once', () => {
    // A delivered, archived posting with a profit: a logistics correction booked today.
    const lines = archived(rt, 'Order lines');
    const target = lines.find(
      (l) =>
        sim.state.postings.get(String(l['Posting number']))?.status === 'delivered' &&
        typeof l['Profit'] === 'number',
    )!;
    expect(target).toBeDefined();
    const posting = String(target['Posting number']);
    const linesOf = () => archived(rt, 'Order lines').filter((l) => String(l['Posting number']) === posting);
    const sum = (ls: Record<string, unknown>[], h: string) => ls.reduce((s, l) => s + minor(l[h]), 0);
    const before = linesOf();
    const others = new Map(
      archived(rt, 'Order lines')
        .filter((l) => String(l['Posting number']) !== posting)
        .map((l) => [String(l['Line key']), [l['Accrued payout'], l['Profit']]]),
    );
    sim.state.accrualCorrections.push({
      postingNumber: posting,
      typeId: 121,
      at: rt.clock.now() - 600_000,
      minor: -4321,
      sku: sim.state.postings.get(posting)!.lines[0].sku,
    });
    const settle = () => {
      rt.clock.advance(3_600_000);
      until(rt, 'syncOrders');
      until(rt, 'updateFinance');
    };
    settle();
    const after = linesOf();
    expect(after.length).toBe(before.length);
    expect(sum(after, 'Accrued payout') - sum(before, 'Accrued payout')).toBe(-4321);
    expect(sum(after, 'Logistics') - sum(before, 'Logistics')).toBe(-4321);
    expect(sum(after, 'Profit') - sum(before, 'Profit')).toBe(-4321);
    // Only that posting's lines changed; it is not in the live Order lines.
    for (const l of archived(rt, 'Order lines'))
      if (String(l['Posting number']) !== posting)
        expect([l['Line key'], l['Accrued payout'], l['Profit']]).toEqual([
          l['Line key'],
          ...(others.get(String(l['Line key'])) ?? []),
        ]);
    expect(tabRecords(rt, 'Order lines').some((l) => String(l['Posting number']) === posting)).toBe(false);

    // Repeat syncs change nothing: the correction counted once, its Finance row once.
    settle();
    settle();
    expect(linesOf()).toEqual(after);
    const rowsOf = (tab: Record<string, unknown>[]) =>
      tab.filter((r) => String(r['Posting number']) === posting && String(r['Accrual type ID']) === '121');
    const corrections = [...rowsOf(tabRecords(rt, 'Finance')), ...rowsOf(archived(rt, 'Finance'))];
    expect(corrections.filter((r) => minor(r.Amount) === -4321)).toHaveLength(1);
  });
});
