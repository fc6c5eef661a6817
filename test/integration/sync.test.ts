// The orders sync through the built bundle in the local runtime, against the Ozon simulator.
import { expectEachEqual } from '../support/expect-each';
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';

const HOUR = 3_600_000;

function sync(rt: Runtime) {
  return rt.run<{ ok: boolean; data: { result: string; message: string; added: number; updated: number } }>(
    'syncOrders',
  ).data;
}

function statusByPosting(rt: Runtime): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of tabRecords(rt, 'Orders')) {
    const key = String(row['Posting number']);
    expect(map.has(key)).toBe(false); // never a duplicate row
    map.set(key, String(row['Status code']));
  }
  return map;
}

/**
 * Every posting whose status last changed before the last completed sync began is in the sheet with
 * its current status (later changes belong to the next sync), and nothing else is.
 */
function expectSheetMatchesShop(rt: Runtime, sim: Simulator) {
  const sheet = statusByPosting(rt);
  const mark = JSON.parse(rt.properties.document.get('ODESK_SYNC_MARK') as string) as { to: string };
  const asOf = Date.parse(mark.to);
  const settled = [...sim.state.postings.values()].filter((p) => p.lastChangedStatusDate <= asOf);
  expectEachEqual(settled, (posting) => [
    [posting.postingNumber, sheet.get(posting.postingNumber)],
    [posting.postingNumber, posting.status],
  ]);
  expectEachEqual(sheet.keys(), (number) => [
    [number, sim.state.postings.has(number)],
    [number, true],
  ]);
  expect(sheet.size).toBeGreaterThanOrEqual(settled.length);
  const lines = new Set(tabRecords(rt, 'Order lines').map((l) => String(l['Line key'])));
  const lineKeys = settled.flatMap((posting) =>
    posting.lines.map((line) => `${posting.postingNumber}/${line.sku}`),
  );
  expectEachEqual(lineKeys, (key) => [
    [key, lines.has(key)],
    [key, true],
  ]);
}

describe('orders sync', () => {
  test('first sync lands every posting exactly once, with typed cells and a log row', () => {
    const { rt, sim } = demoShop({ postings: 250 });
    const result = sync(rt);
    expect(result.result).toBe('done');
    expectSheetMatchesShop(rt, sim);

    const orders = tabRecords(rt, 'Orders');
    const anyPosting = orders[0];
    expect(typeof anyPosting['Posting number']).toBe('string');
    expect(anyPosting['Ordered at']).toBeInstanceOf(Date);
    expect(typeof anyPosting['Total']).toBe('number');
    // Split parents are shown as split, never with a cancel reason.
    const parents = orders.filter((o) => o['Status code'] === 'cancelled_from_split_pending');
    expectEachEqual(parents, (parent) => [parent['Cancel reason'], '']);
    const log = tabRecords(rt, 'Sync log');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ Result: 'ok', Added: sim.state.postings.size, Error: '' });
    expect(rt.spreadsheet.sheet('Orders').formulas().flat().filter(Boolean)).toEqual([]);
  });

  test('re-syncing twice changes nothing and writes no cell to the order tabs', () => {
    const { rt } = demoShop({ postings: 200 });
    sync(rt);
    const before = JSON.stringify([
      rt.spreadsheet.sheet('Orders').values(),
      rt.spreadsheet.sheet('Order lines').values(),
    ]);
    for (let i = 0; i < 2; i++) {
      rt.clock.advance(60_000);
      rt.resetCounters();
      const result = sync(rt);
      expect(result).toMatchObject({ result: 'done', added: 0, updated: 0 });
      // One log row of 8 cells is all that is written.
      expect(rt.counters.cellsWritten).toBeLessThanOrEqual(8);
    }
    const after = JSON.stringify([
      rt.spreadsheet.sheet('Orders').values(),
      rt.spreadsheet.sheet('Order lines').values(),
    ]);
    expect(after).toBe(before);
  });

  test('48 hours later: statuses are updated and new postings appended', () => {
    const { rt, sim } = demoShop({ postings: 200 });
    sync(rt);
    const before = statusByPosting(rt);
    rt.clock.advance(48 * HOUR);
    const result = sync(rt);
    expect(result.result).toBe('done');
    expect(result.added).toBeGreaterThan(0);
    expect(result.updated).toBeGreaterThan(0);
    expectSheetMatchesShop(rt, sim);
    const after = statusByPosting(rt);
    const changed = [...before].filter(([number, status]) => after.get(number) !== status);
    expect(changed.length).toBe(result.updated);
  });

  test("the seller's own column and notes survive moving columns, sorting and a re-sync", () => {
    const { rt, sim } = demoShop({ postings: 150 });
    sync(rt);
    const notes = new Map<string, string>();
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName(
        'Orders',
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.insertColumnBefore(3);
      sheet.getRange(1, 3).setValue('My notes');
      sheet.getRange(1, 2).setValue('Заказ №'); // the seller renames one of the add-on's headers
      const rows = sheet.getLastRow() - 1;
      const numbers = sheet.getRange(2, 1, rows, 1).getValues();
      const mine = numbers.map((r: unknown[], i: number) => [i % 3 === 0 ? `check ${r[0]}` : '']);
      sheet.getRange(2, 3, rows, 1).setValues(mine);
      numbers.forEach((r: unknown[], i: number) => i % 3 === 0 && notes.set(String(r[0]), `check ${r[0]}`));
      // Sort by Total, descending, then move the Status column to the far right.
      sheet.getRange(2, 1, rows, sheet.getLastColumn()).sort({ column: 12, ascending: false });
      sheet.moveColumns(sheet.getRange('E:E'), sheet.getLastColumn() + 1);
    });
    rt.clock.advance(48 * HOUR);
    expect(sync(rt).result).toBe('done');
    const orders = tabRecords(rt, 'Orders');
    for (const row of orders) {
      const number = String(row['Posting number']);
      expect(row['My notes']).toBe(notes.get(number) ?? '');
    }
    expect(orders[0]).toHaveProperty('Заказ №');
    expect(orders[0]).not.toHaveProperty('Order number');
    expectSheetMatchesShop(rt, sim);
  });

  test('with 20% rate limits and 5% 503s the sync still lands everything', () => {
    const { rt, sim } = demoShop({ postings: 300 });
    sim.setFaults({ rate429: 0.2, rate503: 0.05, seed: 3 });
    const result = sync(rt);
    expect(result.result).toBe('done');
    expect(sim.stats.faultsInjected).toBeGreaterThan(0);
    expectSheetMatchesShop(rt, sim);
  });

  test('a wrong key gives a clear localised message and a log row, and leaves the orders alone', () => {
    const { rt } = demoShop({ postings: 50 }, { locale: 'ru' });
    sync(rt);
    const before = JSON.stringify(rt.spreadsheet.sheet('Orders').values());
    rt.properties.user.set('OZON_API_KEY', 'wrong-key-0000-1111');
    rt.clock.advance(HOUR);
    const result = sync(rt);
    expect(result.result).toBe('failed');
    expect(result.message).toMatch(/Загрузка остановлена/);
    expect(result.message).not.toContain('wrong-key-0000-1111');
    expect(JSON.stringify(rt.spreadsheet.sheet('Orders').values())).toBe(before);
    const log = tabRecords(rt, 'Sync log');
    // The locale is Russian: so are the add-on's headers.
    expect(log[log.length - 1]).toMatchObject({ Результат: 'ошибка' });
    expect(String(log[log.length - 1]['Ошибка'])).toMatch(/ключ|Api-Key/i);
    expect(rt.logs.join('\n')).not.toContain('wrong-key-0000-1111');
  });

  test('a second sync while one holds the lock changes nothing and says so', () => {
    const { rt } = demoShop({ postings: 50 });
    const release = rt.lock.holdDocumentLock();
    const result = sync(rt);
    release();
    expect(result.result).toBe('locked');
    expect(result.message).toMatch(/already running/);
    expect(rt.spreadsheet.sheetNames()).not.toContain('Orders');
    expect(rt.properties.document.size).toBe(0);
  });

  test('a sync cut by the deadline continues in the next run with no gaps and no duplicates', () => {
    // Slow Ozon answers: each parallel round takes 80 s of modeled time.
    const { rt, sim } = demoShop({ postings: 3000, days: 30 }, { latency: { fetchAllBase: 80_000 } });
    const first = sync(rt);
    expect(first.result).toBe('partial');
    expect(rt.properties.document.has('ODESK_SYNC_JOB')).toBe(true);
    const partialRows = tabRecords(rt, 'Orders').length;
    expect(partialRows).toBeGreaterThan(0);
    let runs = 1;
    let result = first;
    while (result.result === 'partial' && runs < 6) {
      result = sync(rt);
      runs++;
    }
    expect(result.result).toBe('done');
    expect(runs).toBeGreaterThan(1);
    // The runs were all within the limit (the runtime throws past 6 minutes), and the job is finished.
    expect(rt.properties.document.has('ODESK_SYNC_JOB')).toBe(false);
    // Postings that arrived during the runs are caught by the next incremental sync.
    const log = tabRecords(rt, 'Sync log').map((r) => r.Result);
    expect(log).toEqual([...Array(runs - 1).fill('continues'), 'ok']);
    rt.clock.advance(HOUR);
    let next = sync(rt);
    for (let i = 0; next.result === 'partial' && i < 4; i++) next = sync(rt);
    expect(next.result).toBe('done');
    expectSheetMatchesShop(rt, sim);
  });

  test('formula-like, HTML and emoji text stays literal text; offer ids keep leading zeros', () => {
    const { rt } = demoShop({ postings: 400, seed: 11 });
    sync(rt);
    const lines = tabRecords(rt, 'Order lines');
    const risky = lines.map((l) => String(l['Product name'])).filter((n) => /^[=+\-@]/.test(n));
    expect(risky.length).toBeGreaterThan(0);
    expect(lines.some((l) => /^0\d/.test(String(l['Offer ID'])))).toBe(true);
    expectEachEqual(lines, (l) => [typeof l['Offer ID'], 'string']);
    for (const tab of ['Orders', 'Order lines']) {
      expect(rt.spreadsheet.sheet(tab).formulas().flat().filter(Boolean)).toEqual([]);
    }
  });

  test('auto-sync installs exactly one hourly trigger, and the trigger syncs', () => {
    const { rt } = demoShop({ postings: 40 });
    const settings = { lookbackDays: 30, autoSync: true, digest: true };
    expect(rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', settings).ok).toBe(true);
    expect(rt.callFromSidebar<{ ok: boolean }>('saveSyncSettings', settings).ok).toBe(true);
    expect(rt.triggers.filter((t) => t.handlerFunction === 'onHourlyTrigger')).toHaveLength(1);
    rt.clock.advance(HOUR + 60_000);
    const runs = rt.fireTimeTriggers();
    expect(runs.map((r) => r.error)).toEqual([undefined]);
    expect(tabRecords(rt, 'Sync log')[0]).toMatchObject({ Source: 'hourly trigger', Result: 'ok' });
    // The digest went to the seller, listing new open postings.
    expect(rt.mail.length).toBe(1);
    expect(rt.mail[0].subject).toMatch(/new orders/);
    const off = rt.callFromSidebar<{ ok: boolean; data: { autoSync: boolean } }>('saveSyncSettings', {
      ...settings,
      autoSync: false,
    });
    expect(off.data.autoSync).toBe(false);
    expect(rt.triggers).toHaveLength(0);
  });

  test('sync settings reject a look-back outside 1..365 with a localised message', () => {
    const { rt } = demoShop({ postings: 10 }, { locale: 'zh_CN' });
    const result = rt.callFromSidebar<{ ok: boolean; error: { field: string; message: string } }>(
      'saveSyncSettings',
      { lookbackDays: 0, autoSync: false, digest: false },
    );
    expect(result.ok).toBe(false);
    expect(result.error.field).toBe('lookbackDays');
    expect(result.error.message).toMatch(/365/);
  });
});

describe('orders sync and the stock ledger', () => {
  test('a posting packed on Ozon becomes one shipment move at the next sync, never two', () => {
    const { rt, sim } = demoShop({ postings: 120 });
    expect(rt.run<{ ok: boolean }>('importProducts').ok).toBe(true);
    sync(rt);
    const open = [...sim.state.postings.values()].find(
      (p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging',
    );
    expect(open).toBeDefined();
    const posting = open as NonNullable<typeof open>;
    // The seller packs it in Ozon's own seller account.
    const answer = sim.handle({
      method: 'post',
      url: 'https://api-seller.ozon.ru/v4/posting/fbs/ship',
      headers: { 'Client-Id': sim.credentials.clientId, 'Api-Key': sim.credentials.apiKey },
      payload: JSON.stringify({
        posting_number: posting.postingNumber,
        packages: [{ products: posting.lines.map((l) => ({ product_id: l.sku, quantity: l.quantity })) }],
      }),
    });
    expect(answer.status).toBe(200);
    rt.clock.advance(10 * 60_000);
    sync(rt);
    rt.clock.advance(10 * 60_000);
    sync(rt);
    const moves = tabRecords(rt, 'Stock moves').filter((m) =>
      String(m['Reference']).startsWith(posting.postingNumber),
    );
    const expected = new Map<string, number>();
    for (const line of posting.lines)
      expected.set(line.offerId, (expected.get(line.offerId) ?? 0) - line.quantity);
    expect(moves).toHaveLength(expected.size);
    expectEachEqual(moves, (move) => [move.Quantity, expected.get(String(move['Offer ID']))]);
  });
});
