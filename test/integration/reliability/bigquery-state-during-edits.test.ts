// Issue 12 point 1 for the BigQuery load's position (issue 18): the seller sorts, inserts or deletes
// rows in the hidden "BigQuery state" tab at any Sheets call of a load. Each part's digests land on
// the part's own row, never on a row without one, so no later load takes a change for loaded.
import { deleteRow, insertRows, setCell, sortBy } from '../../support/seller';
import { demoShop, tabRecords, type Runtime } from '../../support/shop';

jest.setTimeout(600_000);

const P = 'ozon-shop-123';
const D = 'ozon_history';
const STATE = 'BigQuery state';

function load(rt: Runtime): { result: string; message: string } {
  const answer = rt.run<{ ok: boolean; data: { result: string; message: string } }>('loadBigQuery');
  expect(answer.ok).toBe(true);
  return answer.data;
}

/** What is wrong: a state row without a part holding digests, a part twice, a total BigQuery lacks. */
function problems(rt: Runtime): string[] {
  const out: string[] = [];
  const parts = new Set<string>();
  for (const row of tabRecords(rt, STATE)) {
    const part = String(row['BigQuery part'] ?? '');
    if (!part) out.push(`a row without a part holds '${String(row['Loaded digests']).slice(0, 20)}'`);
    else if (parts.has(part)) out.push(`${part} twice`);
    parts.add(part);
  }
  const loaded = new Map(
    rt.bigquery.rows(P, D, 'postings').map((r) => [String(r.posting_number), Number(r.total)]),
  );
  for (const row of tabRecords(rt, 'Orders')) {
    const key = String(row['Posting number']);
    if (loaded.get(key) !== Number(row['Total']))
      out.push(`${key}: BigQuery total ${loaded.get(key)}, Orders ${String(row['Total'])}`);
  }
  return out;
}

describe('the BigQuery load while the seller edits its state tab', () => {
  test('a sort, an insert and a delete in the state tab at any Sheets call of a load', () => {
    const { rt } = demoShop({ postings: 30, days: 10 });
    expect(rt.run<{ data: { result: string } }>('syncOrders').data.result).toBe('done');
    rt.bigquery.addProject(P);
    rt.bigquery.addDataset(P, D);
    expect(
      rt.callFromSidebar<{ ok: boolean }>('saveBigQuerySettings', { projectId: P, datasetId: D }).ok,
    ).toBe(true);
    expect(load(rt).result).toBe('done');
    expect(problems(rt)).toEqual([]);
    const numbers = tabRecords(rt, 'Orders').map((r) => String(r['Posting number']));
    let turn = 0;
    // A change the next load must send: a posting's total, another each time.
    const change = () => {
      const number = numbers[turn++ % numbers.length];
      const total = tabRecords(rt, 'Orders').find((r) => r['Posting number'] === number)!['Total'];
      setCell(rt, 'Orders', 'Posting number', number, 'Total', Number(total) + 1);
    };

    change();
    let calls = 0;
    rt.onServiceCall((c) => void (c.kind === 'advancedSheets' && calls++));
    expect(load(rt).result).toBe('done');
    rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(3);

    for (let k = 0; k <= calls; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        change();
        let sheetsCall = 0;
        rt.onServiceCall((c) => {
          if (c.kind !== 'advancedSheets' || sheetsCall++ !== k) return;
          if (kind === 'sort') sortBy(rt, STATE, 'BigQuery part', k % 2 === 1);
          else if (kind === 'insert') insertRows(rt, STATE, 2 + (k % 3), 12);
          else deleteRow(rt, STATE, 2 + (k % 3));
        });
        const result = load(rt);
        rt.onServiceCall(undefined);
        const label = `${kind} at Sheets call ${k}`;
        expect([label, result.result]).toEqual([label, 'done']);
        expect([label, problems(rt)]).toEqual([label, []]);
        // Each part's digests are on its own row: the next load finds nothing to send (after a part
        // row the seller deleted, the one after it: that part's chunk is sent again first).
        if (kind === 'delete') load(rt);
        expect([label, load(rt).result]).toEqual([label, 'nothing']);
      }
    }
  });
});
