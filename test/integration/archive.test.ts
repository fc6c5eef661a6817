// The live window and the archive spreadsheets, through the built bundle in the local runtime, against
// the Ozon simulator: old finished postings move whole (the seller's columns too) to one archive
// spreadsheet per year, a late change at Ozon is written where the posting lives, a move cut anywhere
// resumes with every posting in exactly one place, and a deleted archive is named month by month.
import { archived, records } from '../support/archive';
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

/** Runs the archive with the execution's deadline passed at service call `cut`. */
function archiveCutAt(rt: Runtime, cut: number): void {
  rt.onServiceCall((c) => {
    if (c.index === cut) rt.clock.advance(7 * 60_000);
  });
  try {
    rt.run('archiveOldOrders');
  } catch {
    // The runtime ends the execution at the deadline, as Apps Script does.
  }
  rt.onServiceCall(undefined);
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

  test('a move cut by the deadline at any service call resumes with every posting in exactly one place', () => {
    // Where the cuts fall: every Sheets call and every other service call of the first month's move
    // (volume created, copy written, read back, job saved, delete, check after it), then some later.
    const probe = syncedShop(50);
    const kinds: string[] = [];
    probe.rt.onServiceCall((c) => void kinds.push(c.kind));
    expect(archive(probe.rt).result).toBe('done');
    probe.rt.onServiceCall(undefined);
    const firstMove = kinds.findIndex(
      (k, i) => i > 30 && k === 'advancedSheets' && kinds[i + 1] === 'properties',
    );
    const cuts = kinds
      .map((kind, i) => ({ kind, i }))
      .filter(({ kind, i }) => i <= Math.max(firstMove, 60) && (kind !== 'properties' || i % 3 === 0))
      .map(({ i }) => i);
    expect(cuts.length).toBeGreaterThan(25);
    let midMove = 0;
    for (const cut of cuts) {
      const { rt } = syncedShop(50);
      const all = everything(rt);
      archiveCutAt(rt, cut);
      // Cut: nothing is in neither place; a posting in both belongs to the move under way.
      const liveOrders = new Set(keysOf(tabRecords(rt, 'Orders'), 'Posting number'));
      const archOrders = keysOf(archived(rt, 'Orders'), 'Posting number');
      expect([cut, new Set([...liveOrders, ...archOrders]).size]).toEqual([cut, all.orders.size]);
      const both = archOrders.filter((k) => liveOrders.has(k));
      if (both.length) {
        midMove++;
        const job = JSON.parse(rt.properties.document.get('ODESK_ARCHIVE_JOB') ?? 'null') as {
          month: string;
        } | null;
        expect([cut, job?.month ?? null]).not.toEqual([cut, null]);
      }
      // The next run finishes the move.
      rt.clock.advance(3_600_000);
      const resumed = archive(rt);
      expect([cut, ['done', 'nothing'].includes(resumed.result)]).toEqual([cut, true]);
      expectEachOnce(rt, all);
      expect(rt.properties.document.get('ODESK_ARCHIVE_JOB')).toBeUndefined();
      // A cut between creating the year's spreadsheet and noting it leaves at most one empty spreadsheet.
      const holding = [...rt.otherSpreadsheets.values()].filter((b) =>
        b.sheetNames().some((n) => /^\d{4}-\d{2} /.test(n)),
      );
      expect([cut, holding.length]).toEqual([cut, 1]);
      // Nothing old and finished was left behind.
      expect(archive(rt).result).toBe('nothing');
    }
    // Some cuts fell between the copy and the delete (postings in both places until the resume).
    expect(midMove).toBeGreaterThan(0);
  });

  test('a month moved over several runs: later batches are appended to its tabs (a cut anywhere resumes, each posting once), and a posting the seller edits during the move stays until copied again', () => {
    // The first move splits the month of the 90-day cutoff; 12 days later more of it is due and
    // goes to that month's existing tabs.
    const setup = () => {
      const shop = syncedShop(60);
      expect(archive(shop.rt).result).toBe('done');
      shop.rt.clock.advance(12 * DAY);
      return shop;
    };
    const due = (rt: Runtime) =>
      tabRecords(rt, 'Orders').filter(
        (r) => ageDays(rt, r['Ordered at']) > 91 && FINISHED.has(String(r['Status code'])),
      );
    const monthTab = (r: Record<string, unknown>) =>
      `${(r['Ordered at'] as Date).toISOString().slice(0, 7)} Orders`;
    const tabsNow = (rt: Runtime) =>
      new Set([...rt.otherSpreadsheets.values()].flatMap((b) => b.sheetNames()));

    const probe = setup();
    const dueNow = due(probe.rt);
    expect(dueNow.length).toBeGreaterThan(0);
    const existing = tabsNow(probe.rt);
    expect(dueNow.filter((r) => existing.has(monthTab(r))).length).toBeGreaterThan(0);
    const kinds: string[] = [];
    probe.rt.onServiceCall((c) => void kinds.push(c.kind));
    expect(archive(probe.rt).result).toBe('done');
    probe.rt.onServiceCall(undefined);
    expect(due(probe.rt)).toEqual([]);

    const cuts = kinds
      .map((kind, i) => ({ kind, i }))
      .filter(({ kind, i }) => kind !== 'properties' || i % 3 === 0);
    expect(cuts.length).toBeGreaterThan(10);
    let midMove = 0;
    for (const { i: cut } of cuts) {
      const { rt } = setup();
      const all = everything2(rt, everything(rt));
      archiveCutAt(rt, cut);
      const liveOrders = new Set(keysOf(tabRecords(rt, 'Orders'), 'Posting number'));
      const archOrders = keysOf(archived(rt, 'Orders'), 'Posting number');
      expect([cut, new Set([...liveOrders, ...archOrders]).size]).toEqual([cut, all.orders.size]);
      if (archOrders.some((k) => liveOrders.has(k))) midMove++;
      rt.clock.advance(3_600_000);
      expect([cut, ['done', 'nothing'].includes(archive(rt).result)]).toEqual([cut, true]);
      expectEachOnce(rt, all);
      expect(archive(rt).result).toBe('nothing');
    }
    expect(midMove).toBeGreaterThan(0);

    // The seller edits a due posting's note after its copy is written, before the delete: it stays
    // in Orders with the edit, and the next run moves it with the edit (in the archive once).
    const { rt } = setup();
    const all = everything2(rt, everything(rt));
    const target = String(due(rt).find((r) => existing.has(monthTab(r)))?.['Posting number']);
    const orders = rt.spreadsheet.sheet('Orders');
    const header = (orders.values()[0] ?? []).map(String);
    const keyCol = header.indexOf('Posting number');
    const noteCol = header.indexOf('Note');
    let edited = false;
    rt.onServiceCall(() => {
      if (edited || !archived(rt, 'Orders').some((r) => r['Posting number'] === target)) return;
      const row = orders.values().findIndex((r) => String(r[keyCol]) === target);
      orders.setCell(row, noteCol, { v: 'edited while moving' });
      edited = true;
    });
    archive(rt);
    rt.onServiceCall(undefined);
    expect(edited).toBe(true);
    const live = tabRecords(rt, 'Orders').find((r) => r['Posting number'] === target);
    expect(live?.['Note']).toBe('edited while moving');
    rt.clock.advance(3_600_000);
    expect(archive(rt).result).toBe('done');
    expectEachOnce(rt, all);
    const moved = archived(rt, 'Orders').filter((r) => r['Posting number'] === target);
    expect(moved.map((r) => r['Note'])).toEqual(['edited while moving']);
  });

  test('a deleted archive spreadsheet: the missing months are named, rows come back from Ozon, nothing is dropped silently', () => {
    const { rt } = syncedShop();
    archive(rt);
    const [book] = [...rt.otherSpreadsheets.values()];
    const months = String(tabRecords(rt, 'Archive')[0]['Months']).split(', ');
    const count = archived(rt, 'Orders').length;
    expect(count).toBeGreaterThan(10);
    // Renamed by the seller: still found by id, the Archive tab follows the new name.
    book.name = 'Old Ozon orders';
    rt.clock.advance(3_600_000);
    archive(rt);
    expect(tabRecords(rt, 'Archive')[0]).toMatchObject({ Spreadsheet: 'Old Ozon orders', State: 'ok' });
    // Deleted: every month it held is named with its orders, in the run's message and in Settings.
    rt.deleteSpreadsheet(book.id);
    rt.clock.advance(3_600_000);
    const run = archive(rt);
    expect(run.message).toContain(`Archived months missing: ${months.join(', ')} (${count} orders)`);
    expect(run.message).toContain('“Old Ozon orders” cannot be opened');
    const settings = rt.run<{ data: { missing: string[] } }>('getArchiveSettings').data;
    expect(settings.missing).toEqual(months);
    expect(tabRecords(rt, 'Archive')[0]['State']).toBe('cannot be opened (deleted?)');
    // The next sync reads those months again from Ozon; the next move puts them in a new archive.
    rt.clock.advance(3_600_000);
    expect(sync(rt).result).toBe('done');
    expect(keysOf(tabRecords(rt, 'Orders'), 'Posting number').length).toBeGreaterThanOrEqual(count);
    rt.clock.advance(3_600_000);
    const again = archive(rt);
    expect(again.message).toContain(
      'A new archive spreadsheet “Ozon orders archive 2026 (2)” was created for 2026',
    );
    expect(archived(rt, 'Orders').length).toBe(count);
    expect(rt.run<{ data: { missing: string[] } }>('getArchiveSettings').data.missing).toEqual([]);
    const listed = tabRecords(rt, 'Archive');
    expect(listed.map((r) => r['State'])).toEqual(['cannot be opened (deleted?)', 'ok']);
  });

  test('a deleted month tab is named as missing', () => {
    const { rt } = syncedShop();
    archive(rt);
    const [book] = [...rt.otherSpreadsheets.values()];
    const tab = book.sheetNames().find((n) => / Orders$/.test(n))!;
    const month = tab.slice(0, 7);
    const count = records(book.sheet(tab).values()).length;
    rt.asUser((g) => {
      const file = g.SpreadsheetApp.openById(book.id);
      file.deleteSheet(file.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet);
    });
    rt.clock.advance(3_600_000);
    const run = archive(rt);
    expect(run.message).toContain(
      `Archived months missing: ${month} (${count} ${count === 1 ? 'order' : 'orders'}): their tabs are gone`,
    );
  });

  test('reports include archived months when the seller asks for it', () => {
    const { rt } = syncedShop();
    const report = () => {
      expect(rt.run<{ ok: boolean }>('buildReports').ok).toBe(true);
      return JSON.stringify([
        rt.spreadsheet.sheet('Sales').values(),
        rt.spreadsheet.sheet('Products').values(),
      ]);
    };
    const before = report();
    expect(archive(rt).moved).toBeGreaterThan(10);
    expect(report()).not.toBe(before);
    const saved = rt.run<{ ok: boolean; data: { includeInReports: boolean } }>('saveArchiveSettings', [
      { liveDays: 90, includeInReports: true },
    ]);
    expect(saved.data.includeInReports).toBe(true);
    expect(report()).toBe(before);

    // Months back: only the archive months inside them are read (the live tabs count whole).
    const monthsOf = (kind: 'Orders') =>
      [...rt.otherSpreadsheets.values()]
        .flatMap((b) => b.sheetNames())
        .filter((n) => n.endsWith(` ${kind}`))
        .map((n) => n.slice(0, 7))
        .sort();
    const archivedMonths = monthsOf('Orders');
    expect(archivedMonths.length).toBeGreaterThan(1);
    const nowMonth = new Date(rt.clock.now() + 3 * 3_600_000).toISOString().slice(0, 7);
    const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
    const latest = archivedMonths[archivedMonths.length - 1];
    const reportMonths = index(nowMonth) - index(latest) + 1;
    const narrowed = rt.run<{ ok: boolean; data: { reportMonths: number } }>('saveArchiveSettings', [
      { liveDays: 90, includeInReports: true, reportMonths },
    ]);
    expect(narrowed.data.reportMonths).toBe(reportMonths);
    report();
    const inBook = (month: string) =>
      [...rt.otherSpreadsheets.values()].find((b) => b.sheetNames().includes(`${month} Orders`));
    const postingsOf = (month: string) =>
      new Set(
        records(inBook(month)!.sheet(`${month} Orders`).values()).map((r) => String(r['Posting number'])),
      );
    const sold = new Set(tabRecords(rt, 'Sales').map((r) => String(r['Posting number'])));
    expect([...postingsOf(latest)].some((p) => sold.has(p))).toBe(true);
    for (const month of archivedMonths.slice(0, -1))
      expect([month, [...postingsOf(month)].filter((p) => sold.has(p))]).toEqual([month, []]);
    // Out of range: a clear refusal in the seller's language.
    const refused = rt.run<{ ok: boolean; error?: { message: string } }>('saveArchiveSettings', [
      { liveDays: 90, includeInReports: true, reportMonths: 0 },
    ]);
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/months back reports read the archive/);
  });

  test('the live window is a Settings field, validated in the seller language', () => {
    const { rt } = syncedShop(40);
    const refused = rt.run<{ ok: boolean; error: { field: string; message: string } }>(
      'saveArchiveSettings',
      [{ liveDays: 10 }],
    );
    expect(refused).toMatchObject({ ok: false, error: { field: 'liveDays' } });
    expect(refused.error.message).toMatch(/45 to 730/);
    rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    const ru = rt.run<{ ok: boolean; error: { message: string } }>('saveArchiveSettings', [
      { liveDays: 'x' },
    ]);
    expect(ru.error.message).toMatch(/от 45 до 730/);
    rt.properties.user.delete('ODESK_LANGUAGE');
    rt.run('saveArchiveSettings', [{ liveDays: 150 }]);
    expect(rt.run<{ data: { liveDays: number } }>('getArchiveSettings').data.liveDays).toBe(150);
    // 150 days kept: only postings older than that move.
    archive(rt);
    for (const row of archived(rt, 'Orders')) expect(ageDays(rt, row['Ordered at'])).toBeGreaterThan(149);
  });

  test('the hourly run archives after the sync, once a day', () => {
    const { rt } = syncedShop(80);
    const all = everything(rt);
    const settings = { lookbackDays: 200, autoSync: true, digest: false };
    expect(rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', settings).ok).toBe(true);
    rt.clock.advance(3_600_000 + 60_000);
    expect(rt.fireTimeTriggers().filter((r) => r.error)).toEqual([]);
    expect(archived(rt, 'Orders').length).toBeGreaterThan(5);
    expectEachOnce(rt, everything2(rt, all));
    // Later the same day the hourly run does not read the tabs for the archive again.
    const day = rt.properties.document.get('ODESK_ARCHIVE_DAY');
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('with BigQuery set up, no posting leaves the live tabs before BigQuery holds it: a missing dataset or a revoked permission holds the move, and it resumes with nothing skipped', () => {
    const { rt } = syncedShop();
    const all = everything(rt);
    const P = 'ozon-shop-123';
    const D = 'ozon_history';
    const bq = rt.bigquery;
    bq.addProject(P);
    expect(
      rt.callFromSidebar<{ ok: boolean }>('saveBigQuerySettings', { projectId: P, datasetId: D }).ok,
    ).toBe(true);
    const live = () => ['Orders', 'Order lines'].map((tab) => rt.spreadsheet.sheet(tab).values());
    const inBigQuery = () => ({
      orders: new Set(bq.rows(P, D, 'postings').map((r) => String(r.posting_number))),
      lines: new Set(bq.rows(P, D, 'lines').map((r) => String(r.line_key))),
    });
    const expectArchivedInBigQuery = () => {
      const loaded = inBigQuery();
      const orders = keysOf(archived(rt, 'Orders'), 'Posting number');
      const lines = keysOf(archived(rt, 'Order lines'), 'Line key');
      expect(orders.filter((k) => !loaded.orders.has(k))).toEqual([]);
      expect(lines.filter((k) => !loaded.lines.has(k))).toEqual([]);
    };

    // 1. The dataset does not exist (never created, or deleted): nothing moves, the seller is told why.
    const before = live();
    const held = archive(rt);
    expect(held).toMatchObject({ result: 'failed', moved: 0 });
    expect(held.message).toMatch(/stay in the Orders tabs until BigQuery holds them/);
    expect(held.message).toMatch(/ozon_history was not found/);
    expect(live()).toEqual(before);
    expect(archived(rt, 'Orders')).toEqual([]);
    expect(rt.properties.document.get('ODESK_ARCHIVE_JOB') ?? null).toBeNull();

    // Fixed: the archive run loads first, then moves; every archived posting and line is in BigQuery.
    bq.addDataset(P, D);
    const first = archive(rt);
    expect(first.result).toBe('done');
    expect(first.moved).toBeGreaterThan(10);
    expectEachOnce(rt, all);
    expectArchivedInBigQuery();

    // 2. A month later more postings are due, and a line of one changed since the last load.
    rt.clock.advance(30 * DAY);
    const orders = tabRecords(rt, 'Orders');
    const due = orders.filter(
      (r) => ageDays(rt, r['Ordered at']) > 91 && FINISHED.has(String(r['Status code'])),
    );
    expect(due.length).toBeGreaterThan(3);
    const changed = String(due[0]['Posting number']);
    const lines = rt.spreadsheet.sheet('Order lines').values() as unknown[][];
    const postingCol = lines[0].indexOf('Posting number');
    const qtyCol = lines[0].indexOf('Quantity');
    const lineRow = lines.findIndex((row) => String(row[postingCol]) === changed);
    expect(lineRow).toBeGreaterThan(0);
    // Permission revoked before the change is loaded: nothing moves at all.
    bq.revokeAccess(P);
    rt.asUser((g) =>
      (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Order lines')!
        .getRange(lineRow + 1, qtyCol + 1)
        .setValue(Number(lines[lineRow][qtyCol]) + 1),
    );
    const revoked = live();
    const archivedBefore = archived(rt, 'Orders').length;
    const refused = archive(rt);
    expect(refused).toMatchObject({ result: 'failed', moved: 0 });
    expect(refused.message).toMatch(/no permission to load into BigQuery project ozon-shop-123/);
    expect(live()).toEqual(revoked);
    expect(archived(rt, 'Orders').length).toBe(archivedBefore);
    rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    expect(archive(rt).message).toMatch(/остаются во вкладках заказов, пока их нет в BigQuery/);
    rt.properties.user.delete('ODESK_LANGUAGE');

    // Access back: the change is loaded, then the due postings move; none skipped, none in neither place.
    bq.grantAccess(P);
    const resumed = archive(rt);
    expect(resumed.result).toBe('done');
    expect(resumed.moved).toBeGreaterThanOrEqual(due.length);
    const movedNow = keysOf(archived(rt, 'Orders'), 'Posting number');
    for (const r of due) expect(movedNow).toContain(String(r['Posting number']));
    expectEachOnce(rt, all);
    expectArchivedInBigQuery();
    const changedLine = bq
      .rows(P, D, 'lines')
      .find(
        (r) =>
          String(r.posting_number) === changed &&
          String(r.line_key) === String(lines[lineRow][lines[0].indexOf('Line key')]),
      );
    expect(Number(changedLine?.quantity)).toBe(Number(lines[lineRow][qtyCol]) + 1);
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
