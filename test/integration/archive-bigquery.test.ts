// BigQuery as the only archive, through the built bundle in the local runtime: Settings offer it once
// a project and dataset are named; old finished postings leave the live tabs only once BigQuery holds
// every row of them (MERGEd by key, read back by a query), whole (the seller's columns in
// archived_rows); a run cut at any service call resumes with every posting exactly once across the
// live tabs and BigQuery; a revoked permission or a deleted dataset moves nothing and says so in the
// seller's language, and archiving resumes once it is fixed. No archive spreadsheet is made.
import { demoShop, tabRecords, type Runtime } from '../support/shop';

const DAY = 86_400_000;
const P = 'ozon-shop-123';
const D = 'ozon_history';
const FINISHED = new Set(['delivered', 'cancelled', 'not_accepted', 'cancelled_from_split_pending']);

interface Summary {
  result: string;
  message: string;
  moved: number;
}
type Answer<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

function archive(rt: Runtime): Summary {
  const answer = rt.run<Answer<Summary>>('archiveOldOrders');
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
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

const keysOf = (rows: Record<string, unknown>[], column: string) =>
  rows.map((r) => String(r[column])).filter((k) => k !== '');

/** A shop with 200 days of postings, all synced, BigQuery named and chosen as the only archive. */
function bigQueryShop(postings: number): Runtime {
  const { rt } = demoShop({ postings, days: 200 });
  rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
  expect(rt.run<Answer<{ result: string }>>('syncOrders')).toMatchObject({ data: { result: 'done' } });
  rt.bigquery.addProject(P);
  rt.bigquery.addDataset(P, D);
  return rt;
}

function chooseBigQuery(rt: Runtime): void {
  expect(rt.callFromSidebar<Answer<unknown>>('saveBigQuerySettings', { projectId: P, datasetId: D }).ok).toBe(
    true,
  );
  const saved = rt.callFromSidebar<Answer<{ backend: string }>>('saveArchiveSettings', {
    liveDays: 90,
    includeInReports: false,
    reportMonths: 12,
    backend: 'bigquery',
  });
  expect(saved).toMatchObject({ ok: true, data: { backend: 'bigquery' } });
}

function everything(rt: Runtime) {
  const lines = tabRecords(rt, 'Order lines');
  const linesOf = new Map<string, string[]>();
  for (const r of lines) {
    const p = String(r['Posting number']);
    linesOf.set(p, [...(linesOf.get(p) ?? []), String(r['Line key'])]);
  }
  return { orders: new Set(keysOf(tabRecords(rt, 'Orders'), 'Posting number')), linesOf };
}

function inBigQuery(rt: Runtime) {
  const rows = (table: string): Record<string, unknown>[] => {
    try {
      return rt.bigquery.rows(P, D, table);
    } catch {
      return []; // not created yet
    }
  };
  return {
    orders: keysOf(rows('postings'), 'posting_number'),
    lines: keysOf(rows('lines'), 'line_key'),
    kept: rows('archived_rows'),
  };
}

/** Every posting that left the live tabs is in BigQuery, its order row and every line. */
function expectGoneOnlyIntoBigQuery(rt: Runtime, all: ReturnType<typeof everything>) {
  const live = new Set(keysOf(tabRecords(rt, 'Orders'), 'Posting number'));
  const liveLines = new Set(keysOf(tabRecords(rt, 'Order lines'), 'Line key'));
  const bq = inBigQuery(rt);
  const orders = new Set(bq.orders);
  const lines = new Set(bq.lines);
  const kept = new Set(bq.kept.map((r) => `${String(r.posting_number)}/${String(r.row_key)}`));
  for (const posting of all.orders) {
    if (live.has(posting)) continue;
    expect(orders.has(posting) ? posting : `${posting} in neither place`).toBe(posting);
    expect(kept.has(`${posting}/order`)).toBe(true);
    for (const line of all.linesOf.get(posting) ?? []) {
      expect(liveLines.has(line)).toBe(false);
      expect(lines.has(line) && kept.has(`${posting}/${line}`) ? line : `line ${line} lost`).toBe(line);
    }
  }
}

/** After a finished run: each posting and line exactly once across the live tabs and BigQuery. */
function expectEachOnce(rt: Runtime, all: ReturnType<typeof everything>) {
  const live = keysOf(tabRecords(rt, 'Orders'), 'Posting number');
  const liveLines = keysOf(tabRecords(rt, 'Order lines'), 'Line key');
  const bq = inBigQuery(rt);
  for (const list of [live, liveLines, bq.orders, bq.lines]) expect(new Set(list).size).toBe(list.length);
  expect(live.filter((k) => bq.orders.includes(k))).toEqual([]);
  expect(new Set([...live, ...bq.orders])).toEqual(all.orders);
  expect(new Set([...liveLines, ...bq.lines])).toEqual(new Set([...all.linesOf.values()].flat()));
  expectGoneOnlyIntoBigQuery(rt, all);
}

function due(rt: Runtime): string[] {
  return tabRecords(rt, 'Orders')
    .filter(
      (r) =>
        (rt.clock.now() - (r['Ordered at'] as Date).getTime()) / DAY > 91 &&
        FINISHED.has(String(r['Status code'])),
    )
    .map((r) => String(r['Posting number']));
}

describe('BigQuery as the only archive', () => {
  test('chosen in Settings once BigQuery is named; old postings leave the live tabs whole into BigQuery, nothing into spreadsheets', () => {
    const rt = bigQueryShop(120);
    rt.properties.user.set('ODESK_LANGUAGE', 'zh');
    const refused = rt.callFromSidebar<Answer<unknown>>('saveArchiveSettings', {
      liveDays: 90,
      backend: 'bigquery',
    });
    rt.properties.user.delete('ODESK_LANGUAGE');
    expect(refused).toMatchObject({ ok: false, error: { field: 'backend' } });
    expect(!refused.ok && refused.error.message).toMatch(/请先在“BigQuery 历史”中填写/);
    chooseBigQuery(rt);
    const all = everything(rt);
    const old = due(rt);
    expect(old.length).toBeGreaterThan(10);
    // The seller's note on an old posting travels with it.
    const noted = old[0];
    let notedRow: unknown[] = [];
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName(
        'Orders',
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const numbers = sheet
        .getRange(2, 1, sheet.getLastRow() - 1, 1)
        .getValues()
        .map((r) => String(r[0]));
      sheet.getRange(numbers.indexOf(noted) + 2, header.indexOf('Note') + 1).setValue('refund sent');
      notedRow = sheet.getRange(numbers.indexOf(noted) + 2, 1, 1, header.length).getValues()[0];
    });

    const result = archive(rt);
    expect(result.result).toBe('done');
    expect(result.moved).toBeGreaterThanOrEqual(old.length);
    expect(result.message).toMatch(/moved to BigQuery/);
    expect(due(rt)).toEqual([]);
    expect(rt.otherSpreadsheets.size).toBe(0);
    expectEachOnce(rt, all);
    const kept = inBigQuery(rt).kept.find((r) => r.posting_number === noted && r.row_key === 'order');
    expect(JSON.parse(String(kept?.cells))).toMatchObject({ posting_number: noted, note: 'refund sent' });
    // A second run finds nothing more to move and changes nothing in BigQuery.
    const before = inBigQuery(rt);
    expect(archive(rt).result).toBe('nothing');
    expect(inBigQuery(rt)).toEqual(before);

    // The posting changes at Ozon and comes back to Orders as the sync writes it, without the note:
    // moved again, BigQuery keeps the note beside the new value.
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName(
        'Orders',
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const row = [...notedRow];
      row[header.indexOf('Note')] = '';
      row[header.indexOf('Cancel reason')] = 'late change';
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    });
    expect(archive(rt)).toMatchObject({ result: 'done', moved: 1 });
    const again = inBigQuery(rt).kept.find((r) => r.posting_number === noted && r.row_key === 'order');
    expect(JSON.parse(String(again?.cells))).toMatchObject({
      note: 'refund sent',
      cancel_reason: 'late change',
    });
    expect(keysOf(tabRecords(rt, 'Orders'), 'Posting number')).not.toContain(noted);
  });

  test('a run cut at any service call: nothing leaves the live tabs before BigQuery holds it; the next run finishes, each posting once', () => {
    const rt = bigQueryShop(200);
    chooseBigQuery(rt);
    const all = everything(rt);
    // A cut every few service calls across a whole run (~85 calls), a few days of newly due postings
    // each round. Some cuts must fall after a MERGE and before the delete (postings in both places,
    // the next run finishes the move), some after the delete.
    let between = 0;
    let movedBeforeCut = 0;
    for (let cut = 1; cut <= 86; cut += 5) {
      if (cut > 1) rt.clock.advance(4 * DAY);
      const dueNow = due(rt);
      archiveCutAt(rt, cut);
      expectGoneOnlyIntoBigQuery(rt, all);
      const live = new Set(keysOf(tabRecords(rt, 'Orders'), 'Posting number'));
      const bq = inBigQuery(rt).orders;
      if (dueNow.some((p) => live.has(p) && bq.includes(p))) between++;
      if (dueNow.some((p) => !live.has(p))) movedBeforeCut++;
      expect(['done', 'nothing']).toContain(archive(rt).result);
      expect(due(rt)).toEqual([]);
      expectEachOnce(rt, all);
    }
    expect(between).toBeGreaterThan(0);
    expect(movedBeforeCut).toBeGreaterThan(0);
  });

  test('permission revoked or dataset deleted: nothing moves, told in the seller’s language; fixed, it resumes', () => {
    const rt = bigQueryShop(120);
    chooseBigQuery(rt);
    const all = everything(rt);
    const live = () => ['Orders', 'Order lines'].map((tab) => rt.spreadsheet.sheet(tab).values());
    const before = live();

    rt.bigquery.revokeAccess(P);
    rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    const refused = archive(rt);
    expect(refused).toMatchObject({ result: 'failed', moved: 0 });
    expect(refused.message).toMatch(/остаются во вкладках заказов, пока их нет в BigQuery/);
    expect(refused.message).toMatch(/нет прав на загрузку в проект BigQuery ozon-shop-123/);
    rt.properties.user.delete('ODESK_LANGUAGE');
    expect(live()).toEqual(before);
    expect(rt.properties.document.get('ODESK_ARCHIVE_JOB') ?? null).toBeNull();

    rt.bigquery.grantAccess(P);
    rt.bigquery.deleteDataset(P, D);
    const missing = archive(rt);
    expect(missing).toMatchObject({ result: 'failed', moved: 0 });
    expect(missing.message).toMatch(/BigQuery dataset ozon_history was not found in project ozon-shop-123/);
    expect(live()).toEqual(before);

    rt.bigquery.addDataset(P, D);
    const resumed = archive(rt);
    expect(resumed.result).toBe('done');
    expect(resumed.moved).toBeGreaterThan(10);
    expectEachOnce(rt, all);
  });

  test('with archive spreadsheets and BigQuery, the load before the move sends only what BigQuery lacks of the due postings', () => {
    const rt = bigQueryShop(120);
    expect(
      rt.callFromSidebar<Answer<unknown>>('saveBigQuerySettings', { projectId: P, datasetId: D }).ok,
    ).toBe(true);
    expect(rt.run<Answer<{ result: string }>>('loadBigQuery')).toMatchObject({ data: { result: 'done' } });
    const old = new Set(due(rt));
    const lines = rt.spreadsheet.sheet('Order lines').values() as unknown[][];
    const [postingCol, keyCol, nameCol] = ['Posting number', 'Line key', 'Product name'].map((h) =>
      lines[0].indexOf(h),
    );
    const dueRow = lines.findIndex((row, i) => i > 0 && old.has(String(row[postingCol])));
    const recentRow = lines.findIndex(
      (row, i) => i > 0 && row[postingCol] !== '' && !old.has(String(row[postingCol])),
    );
    expect(dueRow > 0 && recentRow > 0).toBe(true);
    const rename = (row: number, name: string) =>
      rt.asUser((g) =>
        (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActiveSpreadsheet()
          .getSheetByName('Order lines')!
          .getRange(row + 1, nameCol + 1)
          .setValue(name),
      );
    rename(dueRow, 'Renamed before the move');
    rename(recentRow, 'Renamed, still live');
    rt.bigquery.resetStats();

    const result = archive(rt);
    expect(result.result).toBe('done');
    const bqLine = (row: number) =>
      rt.bigquery.rows(P, D, 'lines').find((r) => r.line_key === String(lines[row][keyCol]));
    // The due posting's change is in BigQuery before it left; the live one waits for the history load.
    expect(bqLine(dueRow)?.name).toBe('Renamed before the move');
    expect(bqLine(recentRow)?.name).not.toBe('Renamed, still live');
    expect(rt.bigquery.stats.loadRequests).toBe(1);
    expect(rt.run<Answer<{ result: string }>>('loadBigQuery')).toMatchObject({ data: { result: 'done' } });
    expect(bqLine(recentRow)?.name).toBe('Renamed, still live');
  });

  test('a posting archived to BigQuery only that changes at Ozon is updated there, once, never back in Orders; with permission revoked the change waits', () => {
    const { rt, sim } = demoShop({ postings: 160, days: 200 });
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
    const sync = () =>
      rt.run<Answer<{ result: string; message: string }>>('syncOrders') as {
        ok: true;
        data: { result: string };
      };
    expect(sync().data.result).toBe('done');
    rt.bigquery.addProject(P);
    rt.bigquery.addDataset(P, D);
    chooseBigQuery(rt);
    expect(archive(rt).result).toBe('done');
    const ageOf = (n: string) => (rt.clock.now() - sim.state.postings.get(n)!.inProcessAt) / DAY;
    const archivedOnly = inBigQuery(rt)
      .kept.filter((r) => r.row_key === 'order')
      .map((r) => String(r.posting_number))
      .filter((n) => sim.state.postings.get(n)?.status === 'delivered');
    const pick = (scheme: 'fbs' | 'fbo', from: number, to: number, not?: string) =>
      archivedOnly.find(
        (n) => sim.state.postings.get(n)!.scheme === scheme && ageOf(n) > from && ageOf(n) < to && n !== not,
      );
    const first = pick('fbs', 95, 200);
    const fbs = [first, pick('fbs', 95, 200, first)];
    // The FBO sweep re-reads 10 days a sync from day 40: the first within 11 syncs, the second after.
    const fbo = [pick('fbo', 100, 130), pick('fbo', 165, 190)];
    expect([...fbs, ...fbo].every(Boolean)).toBe(true);
    const linesInBigQuery = (n: string) =>
      rt.bigquery.rows(P, D, 'lines').filter((r) => String(r.posting_number) === n).length;
    const lineCount = new Map([...fbs, ...fbo].map((n) => [n!, linesInBigQuery(n!)]));
    expect([...lineCount.values()].every((c) => c > 0)).toBe(true);
    const change = (n: string) => {
      const posting = sim.state.postings.get(n)!;
      posting.status = 'cancelled';
      posting.lastChangedStatusDate = rt.clock.now();
    };
    const statusInBigQuery = (n: string) => ({
      postings: rt.bigquery
        .rows(P, D, 'postings')
        .filter((r) => String(r.posting_number) === n)
        .map((r) => r.status),
      kept: inBigQuery(rt)
        .kept.filter((r) => String(r.posting_number) === n && r.row_key === 'order')
        .map((r) => (JSON.parse(String(r.cells)) as { status_code: string }).status_code),
    });
    const live = () => keysOf(tabRecords(rt, 'Orders'), 'Posting number');
    const hourly = (times: number) => {
      for (let k = 0; k < times; k++) {
        rt.clock.advance(3_600_000);
        expect(sync().data.result).toBe('done');
      }
    };

    // 1. An FBS posting cancelled and an FBO posting returned at Ozon after they moved to BigQuery.
    change(fbs[0]!);
    change(fbo[0]!);
    rt.clock.advance(60_000);
    rt.bigquery.resetStats();
    hourly(11);
    // The sweep re-read many archived FBO postings that did not change: only the two were loaded
    // (postings, lines and archived_rows, once each).
    expect(rt.bigquery.stats.loadRequests).toBeLessThanOrEqual(6);
    for (const n of [fbs[0]!, fbo[0]!]) {
      expect(statusInBigQuery(n)).toEqual({ postings: ['cancelled'], kept: ['cancelled'] });
      expect(live()).not.toContain(n);
    }
    expect(new Set(live()).size).toBe(live().length);

    // 2. Permission revoked: the changes wait (said in the Sync log), nothing goes to Orders.
    rt.bigquery.revokeAccess(P);
    change(fbs[1]!);
    change(fbo[1]!);
    rt.clock.advance(60_000);
    hourly(6);
    for (const n of [fbs[1]!, fbo[1]!]) {
      expect(statusInBigQuery(n).postings).toEqual(['delivered']);
      expect(live()).not.toContain(n);
    }
    const log = tabRecords(rt, 'Sync log');
    expect(String(log[log.length - 1]['Error'])).toMatch(
      /old postings wait.*no permission to load into BigQuery project ozon-shop-123/,
    );
    const waiting = String(rt.properties.document.get('ODESK_BQ_ONLY_WAIT'));
    expect(waiting).toContain(fbs[1]!);
    expect(waiting).toContain(fbo[1]!);

    // 3. Access back: the next sync applies both, once; nothing waits any more.
    rt.bigquery.grantAccess(P);
    hourly(1);
    for (const n of [...fbs, ...fbo]) {
      expect(statusInBigQuery(n!)).toEqual({ postings: ['cancelled'], kept: ['cancelled'] });
      expect(live()).not.toContain(n);
    }
    expect(rt.properties.document.get('ODESK_BQ_ONLY_WAIT') ?? null).toBeNull();
    for (const n of [...fbs, ...fbo]) expect(linesInBigQuery(n!)).toBe(lineCount.get(n!));
  });

  test('the dataset deleted after postings moved to BigQuery only: the message names the months lost with it and says the live tabs are intact', () => {
    const rt = bigQueryShop(120);
    chooseBigQuery(rt);
    expect(archive(rt).result).toBe('done');
    const archived = new Set(
      inBigQuery(rt)
        .kept.filter((r) => r.row_key === 'order')
        .map((r) => String(r.posting_number)),
    );
    const months = [
      ...new Set(
        rt.bigquery
          .rows(P, D, 'postings')
          .filter((r) => archived.has(String(r.posting_number)))
          .map((r) => String(r.month)),
      ),
    ].sort();
    expect(months.length).toBeGreaterThan(1);
    const live = () => ['Orders', 'Order lines'].map((tab) => rt.spreadsheet.sheet(tab).values());
    const before = live();

    rt.bigquery.deleteDataset(P, D);
    rt.clock.advance(7 * DAY);
    const lost = archive(rt);
    expect(lost).toMatchObject({ result: 'failed', moved: 0 });
    expect(lost.message).toContain(
      `ordered in these months were archived only there and are gone with it: ${months.join(', ')};`,
    );
    expect(lost.message).toMatch(/The Orders tabs and your other tabs are intact/);
    expect(lost.message).not.toMatch(/nothing is skipped/);
    for (const [lang, words] of [
      ['ru', /заказанные в .*пропали вместе с ним.*Вкладки заказов и другие ваши листы не затронуты/],
      ['zh', /下单于 .*已随数据集一起丢失.*订单标签页和您的其他工作表完好无损/],
    ] as const) {
      rt.properties.user.set('ODESK_LANGUAGE', lang);
      const said = archive(rt).message;
      expect(said).toMatch(words);
      expect(said).toContain(months.join(', '));
    }
    rt.properties.user.delete('ODESK_LANGUAGE');
    expect(live()).toEqual(before);

    // The dataset made again: archiving goes on; lost months are no longer named after that.
    rt.bigquery.addDataset(P, D);
    expect(archive(rt).result).toBe('done');
    rt.bigquery.deleteDataset(P, D);
    rt.clock.advance(7 * DAY);
    const again = archive(rt).message;
    expect(again).not.toContain(months[0]);
  });
});
