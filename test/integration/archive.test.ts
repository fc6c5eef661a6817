// The live window and the archive spreadsheets, through the built bundle in the local runtime, against
// the Ozon simulator: old finished postings move whole (the seller's columns too) to one archive
// spreadsheet per year, a late change at Ozon is written where the posting lives, a move cut anywhere
// resumes with every posting in exactly one place, and a deleted archive is named month by month.
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';

const DAY = 86_400_000;

interface Summary {
  result: string;
  message: string;
  moved: number;
  months: string[];
}

function sync(rt: Runtime) {
  return rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncOrders').data;
}

function archive(rt: Runtime): Summary {
  const answer = rt.run<{ ok: boolean; data: Summary; error?: { message: string } }>('archiveOldOrders');
  if (!answer.ok) throw new Error(answer.error?.message);
  return answer.data;
}

function records(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = values;
  return rows
    .filter((row) => row.some((cell) => cell !== '' && cell !== null))
    .map((row) => Object.fromEntries((header ?? []).map((h, i) => [String(h), row[i]])));
}

/** Every archive month tab's rows: `kind` 'Orders' or 'Order lines'. */
function archived(rt: Runtime, kind: 'Orders' | 'Order lines'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const book of rt.otherSpreadsheets.values())
    for (const name of book.sheetNames())
      if (new RegExp(`^\\d{4}-\\d{2} ${kind}$`).test(name)) out.push(...records(book.sheet(name).values()));
  return out;
}

const keysOf = (rows: Record<string, unknown>[], column: string) => rows.map((r) => String(r[column]));

/** A shop with 200 days of postings, all synced (the first sync reads 200 days back). */
function syncedShop(postings = 160): { rt: Runtime; sim: Simulator } {
  const shop = demoShop({ postings, days: 200 });
  shop.rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
  expect(sync(shop.rt).result).toBe('done');
  return shop;
}

function ageDays(rt: Runtime, orderedAt: unknown): number {
  return (rt.clock.now() - (orderedAt as Date).getTime()) / DAY;
}

const FINISHED = new Set(['delivered', 'cancelled', 'not_accepted', 'cancelled_from_split_pending']);

/** Each posting and line is in exactly one place: the live tabs or the archive. */
function expectEachOnce(rt: Runtime, all: { orders: Set<string>; lines: Set<string> }) {
  const liveOrders = keysOf(tabRecords(rt, 'Orders'), 'Posting number');
  const archOrders = keysOf(archived(rt, 'Orders'), 'Posting number');
  const liveLines = keysOf(tabRecords(rt, 'Order lines'), 'Line key');
  const archLines = keysOf(archived(rt, 'Order lines'), 'Line key');
  for (const list of [liveOrders, archOrders, liveLines, archLines])
    expect(new Set(list).size).toBe(list.length);
  expect(liveOrders.filter((k) => archOrders.includes(k))).toEqual([]);
  expect(liveLines.filter((k) => archLines.includes(k))).toEqual([]);
  expect(new Set([...liveOrders, ...archOrders])).toEqual(all.orders);
  expect(new Set([...liveLines, ...archLines])).toEqual(all.lines);
}

function everything(rt: Runtime) {
  return {
    orders: new Set(keysOf(tabRecords(rt, 'Orders'), 'Posting number')),
    lines: new Set(keysOf(tabRecords(rt, 'Order lines'), 'Line key')),
  };
}

describe('live window and archive spreadsheets', () => {
  test('old finished postings move whole to one archive per year; recent and open ones stay', () => {
    const { rt } = syncedShop();
    const all = everything(rt);
    // The seller's columns: the add-on's seller columns and a column of their own.
    const old = tabRecords(rt, 'Orders').filter(
      (r) => ageDays(rt, r['Ordered at']) > 100 && FINISHED.has(String(r['Status code'])),
    );
    expect(old.length).toBeGreaterThan(10);
    const noted = new Map(
      old.slice(0, 5).map((r) => [String(r['Posting number']), `checked ${String(r['Posting number'])}`]),
    );
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName(
        'Orders',
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const noteCol = header.indexOf('Note') + 1;
      const mine = sheet.getLastColumn() + 1;
      sheet.insertColumnsAfter(mine - 1, 1);
      sheet.getRange(1, mine).setValue('My box');
      const numbers = sheet
        .getRange(2, 1, sheet.getLastRow() - 1, 1)
        .getValues()
        .map((r) => String(r[0]));
      numbers.forEach((n, i) => {
        const note = noted.get(n);
        if (note) {
          sheet.getRange(i + 2, noteCol).setValue(note);
          sheet.getRange(i + 2, mine).setValue(`box ${n.slice(-3)}`);
        }
      });
    });

    const result = archive(rt);
    expect(result.result).toBe('done');
    expect(result.moved).toBe(archived(rt, 'Orders').length);
    expect(result.moved).toBeGreaterThanOrEqual(old.length);
    expectEachOnce(rt, all);

    // The live tabs keep the last 90 days and every posting still open.
    for (const row of tabRecords(rt, 'Orders'))
      expect(ageDays(rt, row['Ordered at']) < 91 || !FINISHED.has(String(row['Status code']))).toBe(true);
    for (const row of archived(rt, 'Orders')) {
      expect(ageDays(rt, row['Ordered at'])).toBeGreaterThan(89);
      expect(FINISHED.has(String(row['Status code']))).toBe(true);
    }
    // One archive spreadsheet for 2026 (the shop's 200 days start in May), listed in the Archive tab.
    expect([...rt.otherSpreadsheets.values()].map((b) => b.name)).toEqual(['Ozon orders archive 2026']);
    const listed = tabRecords(rt, 'Archive');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      Year: 2026,
      Part: 1,
      State: 'ok',
      Orders: archived(rt, 'Orders').length,
    });
    expect(String(listed[0]['Link'])).toMatch(/^https:\/\/docs.google.com\/spreadsheets\/d\//);
    expect(String(listed[0]['Months'])).toMatch(/^2026-0\d/);

    // The seller's own cells moved with their rows.
    const byKey = new Map(archived(rt, 'Orders').map((r) => [String(r['Posting number']), r]));
    for (const [n, note] of noted) {
      expect(byKey.get(n)?.['Note']).toBe(note);
      expect(byKey.get(n)?.['My box']).toBe(`box ${n.slice(-3)}`);
    }
    // Ids stay text, dates stay dates in the archive.
    const any = archived(rt, 'Orders')[0];
    expect(typeof any['Posting number']).toBe('string');
    expect(any['Ordered at']).toBeInstanceOf(Date);

    // The next sync neither re-adds the archived postings nor reads the whole window again.
    rt.clock.advance(3_600_000);
    expect(sync(rt).result).toBe('done');
    expectEachOnce(rt, everything2(rt, all));
    // A second move finds nothing more to do.
    expect(archive(rt).result).toBe('nothing');
  });

  test('a posting that changes at Ozon after archiving is updated in the archive, not added to Orders', () => {
    const { rt, sim } = syncedShop();
    archive(rt);
    const target = archived(rt, 'Orders').find(
      (r) =>
        r['Schema'] === 'FBS' &&
        r['Status code'] === 'delivered' &&
        sim.state.postings.has(String(r['Posting number'])),
    );
    expect(target).toBeDefined();
    const number = String(target!['Posting number']);
    // The seller's note in the archive stays.
    const book = [...rt.otherSpreadsheets.values()][0];
    const tab = book
      .sheetNames()
      .find(
        (n) =>
          / Orders$/.test(n) && keysOf(records(book.sheet(n).values()), 'Posting number').includes(number),
      )!;
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.openById(book.id).getSheetByName(
        tab,
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const row =
        sheet
          .getRange(2, 1, sheet.getLastRow() - 1, 1)
          .getValues()
          .findIndex((r) => String(r[0]) === number) + 2;
      sheet.getRange(row, header.indexOf('Problem') + 1).setValue('returned late');
    });
    rt.clock.advance(3_600_000);
    const posting = sim.state.postings.get(number)!;
    posting.status = 'cancelled';
    posting.lastChangedStatusDate = rt.clock.now();
    rt.clock.advance(60_000);
    const before = everything(rt);
    const result = sync(rt);
    expect(result.result).toBe('done');
    const row = archived(rt, 'Orders').find((r) => String(r['Posting number']) === number)!;
    expect(row['Status code']).toBe('cancelled');
    expect(row['Problem']).toBe('returned late');
    expect(keysOf(tabRecords(rt, 'Orders'), 'Posting number')).not.toContain(number);
    expect(everything(rt).orders.size).toBe(before.orders.size);
    const log = tabRecords(rt, 'Sync log');
    expect(String(log[log.length - 1]['Error'])).toMatch(
      /1 archived posting changed on Ozon and was updated in the archive/,
    );
  });
});

/** The postings after a later sync: what was there plus what Ozon added since. */
function everything2(rt: Runtime, before: { orders: Set<string>; lines: Set<string> }) {
  const now = everything(rt);
  const arch = {
    orders: keysOf(archived(rt, 'Orders'), 'Posting number'),
    lines: keysOf(archived(rt, 'Order lines'), 'Line key'),
  };
  return {
    orders: new Set([...before.orders, ...now.orders, ...arch.orders]),
    lines: new Set([...before.lines, ...now.lines, ...arch.lines]),
  };
}
