// Late changes to archived postings, through the built bundle in the local runtime against the Ozon
// simulator: the orders sync updates a posting where it lives (its archive month tab), by key, while
// the seller sorts that tab or inserts rows in it at any of the sync's service calls.
import { editMonth, monthRows, records, withArchiveSheet, type MonthTab } from '../support/archive';
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';

jest.setTimeout(600_000);

function sync(rt: Runtime) {
  return rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncOrders').data;
}

/** The archive month tab holding the most postings. */
function biggestMonth(rt: Runtime): MonthTab {
  let best: MonthTab & { rows: number } = { id: '', tab: '', rows: -1 };
  for (const book of rt.otherSpreadsheets.values())
    for (const tab of book.sheetNames()) {
      if (!/^\d{4}-\d{2} Orders$/.test(tab)) continue;
      const rows = records(book.sheet(tab).values()).length;
      if (rows > best.rows) best = { id: book.id, tab, rows };
    }
  return { id: best.id, tab: best.tab };
}

/** The seller's own note on every row of the tab: `note <posting number>`. */
function noteEveryRow(rt: Runtime, at: MonthTab) {
  withArchiveSheet(rt, at, (sheet, header) => {
    const last = sheet.getLastRow();
    const keys = sheet.getRange(2, header.indexOf('Posting number') + 1, last - 1, 1).getValues();
    sheet
      .getRange(2, header.indexOf('Problem') + 1, last - 1, 1)
      .setValues(keys.map((r) => [r[0] === '' ? '' : `note ${String(r[0])}`]));
  });
}

/** Every row of the month tab: Ozon's status, its own note, once; none of them in Orders. */
function monthProblems(rt: Runtime, sim: Simulator, at: MonthTab): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of monthRows(rt, at)) {
    const number = String(row['Posting number']);
    if (!number) {
      problems.push(`a row without a posting number holds '${String(row['Status code'])}'`);
      continue;
    }
    if (seen.has(number)) problems.push(`${number} twice`);
    seen.add(number);
    const ozon = sim.state.postings.get(number);
    if (ozon && row['Status code'] !== ozon.status)
      problems.push(`${number}: ${String(row['Status code'])} ≠ ${ozon.status}`);
    if (row['Problem'] !== `note ${number}`)
      problems.push(`${number} has the note '${String(row['Problem'])}'`);
  }
  const live = new Set(tabRecords(rt, 'Orders').map((r) => String(r['Posting number'])));
  for (const number of seen) if (live.has(number)) problems.push(`${number} also in Orders`);
  return problems;
}

describe('late changes to archived postings', () => {
  test('a sort or an insert in the archive month tab at any service call of the sync: each update lands on its posting', () => {
    const shop = demoShop({ postings: 160, days: 200 });
    const { rt, sim } = shop;
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
    expect(sync(rt).result).toBe('done');
    const moved = rt.run<{ ok: boolean; data: { result: string; moved: number } }>('archiveOldOrders');
    expect(moved.data.moved).toBeGreaterThan(10);
    const at = biggestMonth(rt);
    noteEveryRow(rt, at);
    // FBS postings of that month Ozon still knows (its FBS list filters by status change; FBO lists
    // are re-read only 40 days back), each to change late in its turn.
    const candidates = monthRows(rt, at)
      .filter((r) => r['Schema'] === 'FBS')
      .map((r) => String(r['Posting number']))
      .filter((n) => sim.state.postings.get(n)?.status === 'delivered');
    expect(candidates.length).toBeGreaterThan(4);
    let turn = 0;
    const changeLate = () => {
      const posting = sim.state.postings.get(candidates[turn++ % candidates.length])!;
      posting.status = posting.status === 'delivered' ? 'cancelled' : 'delivered';
      posting.lastChangedStatusDate = rt.clock.now();
      rt.clock.advance(60_000);
    };

    // How many service calls a sync with one late change makes.
    rt.clock.advance(3_600_000);
    changeLate();
    let calls = 0;
    rt.onServiceCall(() => calls++);
    expect(sync(rt).result).toBe('done');
    rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(5);
    expect(monthProblems(rt, sim, at)).toEqual([]);

    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of ['sort', 'insert'] as const) {
        rt.clock.advance(3_600_000);
        changeLate();
        rt.onServiceCall((call) => {
          if (call.index === k) editMonth(rt, at, kind, k);
        });
        const result = sync(rt);
        rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        expect([label, result.result]).toEqual([label, 'done']);
        expect([label, monthProblems(rt, sim, at)]).toEqual([label, []]);
      }
    }
  });

  test('with BigQuery set up, late changes to archived postings are loaded too (once each), and a refused load is sent by a later sync', () => {
    const shop = demoShop({ postings: 160, days: 200 });
    const { rt, sim } = shop;
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
    expect(sync(rt).result).toBe('done');
    const P = 'ozon-shop-123';
    const D = 'ozon_history';
    const bq = rt.bigquery;
    bq.addProject(P);
    bq.addDataset(P, D);
    expect(
      rt.callFromSidebar<{ ok: boolean }>('saveBigQuerySettings', { projectId: P, datasetId: D }).ok,
    ).toBe(true);
    const moved = rt.run<{ ok: boolean; data: { result: string; moved: number } }>('archiveOldOrders');
    expect(moved.data).toMatchObject({ result: 'done' });
    expect(moved.data.moved).toBeGreaterThan(10);
    const at = biggestMonth(rt);
    const [first, second] = monthRows(rt, at)
      .filter(
        (r) =>
          r['Schema'] === 'FBS' &&
          sim.state.postings.get(String(r['Posting number']))?.status === 'delivered',
      )
      .map((r) => String(r['Posting number']));
    expect(second).toBeDefined();
    const inBigQuery = (number: string) => ({
      postings: bq
        .rows(P, D, 'postings')
        .filter((r) => String(r.posting_number) === number)
        .map((r) => r.status),
      lines: bq.rows(P, D, 'lines').filter((r) => String(r.posting_number) === number).length,
    });
    const linesOf = (number: string) =>
      [...rt.otherSpreadsheets.values()].flatMap((book) =>
        book
          .sheetNames()
          .filter((n) => /^\d{4}-\d{2} Order lines$/.test(n))
          .flatMap((n) => records(book.sheet(n).values() as unknown[][]))
          .filter((r) => String(r['Posting number']) === number),
      ).length;
    expect(inBigQuery(first).postings).toEqual(['delivered']);
    const cancel = (number: string) => {
      rt.clock.advance(3_600_000);
      const posting = sim.state.postings.get(number)!;
      posting.status = 'cancelled';
      posting.lastChangedStatusDate = rt.clock.now();
      rt.clock.advance(60_000);
    };

    // 1. A late cancellation: the archive and BigQuery both hold it, one row per posting and line.
    cancel(first);
    expect(sync(rt).result).toBe('done');
    expect(monthRows(rt, at).find((r) => String(r['Posting number']) === first)?.['Status code']).toBe(
      'cancelled',
    );
    expect(inBigQuery(first)).toEqual({ postings: ['cancelled'], lines: linesOf(first) });
    expect(linesOf(first)).toBeGreaterThan(0);

    // 2. Permission revoked: the sync still updates the archive and says why BigQuery waits.
    bq.revokeAccess(P);
    cancel(second);
    const refused = sync(rt);
    expect(refused.result).toBe('done');
    expect(monthRows(rt, at).find((r) => String(r['Posting number']) === second)?.['Status code']).toBe(
      'cancelled',
    );
    expect(inBigQuery(second).postings).toEqual(['delivered']);
    const log = tabRecords(rt, 'Sync log');
    expect(String(log[log.length - 1]['Error'])).toMatch(
      /no permission to load into BigQuery project ozon-shop-123/,
    );

    // 3. Access back: the next sync (nothing new at Ozon) sends the waiting change, once.
    bq.grantAccess(P);
    rt.clock.advance(3_600_000);
    expect(sync(rt).result).toBe('done');
    expect(inBigQuery(second)).toEqual({ postings: ['cancelled'], lines: linesOf(second) });
    rt.clock.advance(3_600_000);
    expect(sync(rt).result).toBe('done');
    expect(inBigQuery(first)).toEqual({ postings: ['cancelled'], lines: linesOf(first) });
    expect(inBigQuery(second)).toEqual({ postings: ['cancelled'], lines: linesOf(second) });
    expect(rt.properties.document.get('ODESK_BQ_LATE') ?? null).toBeNull();
  });
});

describe('late changes to FBO postings older than the rolling 40 days', () => {
  test('an FBO posting returned after day 40 is updated in Orders, one returned after archiving in its archive month, each once', () => {
    const { rt, sim } = demoShop({ postings: 160, days: 200 });
    rt.properties.document.set('ODESK_LOOKBACK_DAYS', '200');
    expect(sync(rt).result).toBe('done');
    const moved = rt.run<{ ok: boolean; data: { result: string; moved: number } }>('archiveOldOrders');
    expect(moved.data.moved).toBeGreaterThan(10);
    const DAY = 86_400_000;
    const ageOf = (number: string) => (rt.clock.now() - sim.state.postings.get(number)!.inProcessAt) / DAY;
    const delivered = (number: string) => sim.state.postings.get(number)?.status === 'delivered';
    // One FBO posting still in Orders, ordered 50–85 days ago; one in the archive, 100–150 days ago.
    const live = tabRecords(rt, 'Orders')
      .filter((r) => r['Schema'] === 'FBO')
      .map((r) => String(r['Posting number']))
      .find((n) => delivered(n) && ageOf(n) > 50 && ageOf(n) < 85);
    const archivedRows = [...rt.otherSpreadsheets.values()].flatMap((book) =>
      book
        .sheetNames()
        .filter((tab) => /^\d{4}-\d{2} Orders$/.test(tab))
        .flatMap((tab) =>
          records(book.sheet(tab).values() as unknown[][]).map((r) => ({ r, at: { id: book.id, tab } })),
        ),
    );
    const archived = archivedRows.find(
      ({ r }) =>
        r['Schema'] === 'FBO' &&
        delivered(String(r['Posting number'])) &&
        ageOf(String(r['Posting number'])) > 100 &&
        ageOf(String(r['Posting number'])) < 150,
    );
    expect(live).toBeDefined();
    expect(archived).toBeDefined();
    const archivedNumber = String(archived!.r['Posting number']);
    for (const number of [live!, archivedNumber]) {
      const posting = sim.state.postings.get(number)!;
      posting.status = 'cancelled';
      posting.lastChangedStatusDate = rt.clock.now();
    }
    const liveRows = () => tabRecords(rt, 'Orders').filter((r) => String(r['Posting number']) === live);
    const archiveRows = () =>
      monthRows(rt, archived!.at).filter((r) => String(r['Posting number']) === archivedNumber);
    const numbers = (tab: string) => tabRecords(rt, tab).map((r) => String(r['Posting number']));
    const ordersBefore = new Set(numbers('Orders'));
    // The sweep reaches 150 days back within (150 − 40) / 10 hourly syncs; a few more to spare.
    for (let k = 0; k < 14; k++) {
      rt.clock.advance(3_600_000);
      expect(sync(rt).result).toBe('done');
    }
    expect(liveRows().map((r) => r['Status code'])).toEqual(['cancelled']);
    expect(archiveRows().map((r) => r['Status code'])).toEqual(['cancelled']);
    // The sweep updates what is held and adds nothing: Orders gained only new orders, none archived.
    const archivedNow = new Set(
      [...rt.otherSpreadsheets.values()].flatMap((book) =>
        book
          .sheetNames()
          .filter((tab) => /^\d{4}-\d{2} Orders$/.test(tab))
          .flatMap((tab) =>
            records(book.sheet(tab).values() as unknown[][]).map((r) => String(r['Posting number'])),
          ),
      ),
    );
    const strays = numbers('Orders').filter(
      (n) => archivedNow.has(n) || (!ordersBefore.has(n) && ageOf(n) > 40),
    );
    expect(strays).toEqual([]);
    expect(new Set(numbers('Orders')).size).toBe(numbers('Orders').length);
  });
});
