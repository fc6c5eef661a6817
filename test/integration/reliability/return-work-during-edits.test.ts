// Point 1, the seller's return work: "Save" in the returns sidebar writes the seller's cells of one
// Returns row (verdict, note). A hook sorts, inserts or deletes Returns rows between every pair of
// the call's service calls; after each save the verdict and note are on the return they were saved
// for and nowhere else, every other row keeps its own, rows without a key hold none of them, and a
// return the seller deleted meanwhile is told, not written onto another row.
import { demoShop, tabRecords } from '../../support/shop';
import { editTabs, keyedProblems, keysNow } from './keyed-tabs';
import { serviceTabs } from './service-tabs';

jest.setTimeout(600_000);

const VERDICT = { accepted: 'Accepted', disputed: 'Disputed' } as const;

interface Result {
  ok: boolean;
  error?: { code: string; message: string };
}

describe("the seller's return work while the seller edits Returns", () => {
  test('a sort, an insert and a delete between every pair of service calls of a save', () => {
    const shop = demoShop({ postings: 300, days: 40 });
    const { rt } = shop;
    rt.run('syncOrders');
    expect(rt.run<{ ok: boolean }>('syncService').ok).toBe(true);
    const tabs = serviceTabs(shop).filter((t) => t.tab === 'Returns');
    const expected = keysNow(shop, tabs);
    expect(expected.size).toBeGreaterThan(12);
    const deleted = new Set<string>();
    // What each return's verdict must read: only what was saved for it.
    const saved = new Map<string, string>();
    const save = (key: string, verdict: keyof typeof VERDICT) => {
      const r = rt.run<Result>('saveReturnWork', [{ rowKey: key, verdict, note: `note ${key}` }]);
      if (r.ok) saved.set(key, VERDICT[verdict]);
      return r;
    };
    const verdictProblems = () => {
      const problems: string[] = [];
      for (const row of tabRecords(rt, 'Returns')) {
        const key = String(row['Row key']);
        const want = key ? (saved.get(key) ?? '') : '';
        if (row['Reason verdict'] !== want)
          problems.push(`${key || 'a row without a key'} has the verdict '${String(row['Reason verdict'])}'`);
        if (!key && row.Note !== '') problems.push(`a row without a key has the note '${String(row.Note)}'`);
      }
      return problems;
    };

    const keys = () =>
      tabRecords(rt, 'Returns')
        .map((r) => String(r['Row key']))
        .filter(Boolean);
    let calls = 0;
    rt.onServiceCall(() => calls++);
    expect(save(keys()[0], 'accepted').ok).toBe(true);
    rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(2);
    expect(verdictProblems()).toEqual([]);

    for (let k = 0; k <= calls + 1; k++) {
      for (const [n, kind] of (['sort', 'insert', 'delete'] as const).entries()) {
        const now = keys();
        // Rows near the top, where the edits land.
        const key = now[(k * 3 + n) % Math.min(now.length, 25)];
        const verdict = (k + n) % 2 ? 'accepted' : 'disputed';
        rt.onServiceCall((call) => {
          if (call.index === k) editTabs(shop, tabs, kind, k, deleted);
        });
        const result = save(key, verdict);
        rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        if (!result.ok) {
          // Only a return the seller deleted meanwhile may fail, and it says so.
          expect([label, deleted.has(`Returns|${key}`), result.error?.code]).toEqual([
            label,
            true,
            'service.row',
          ]);
        }
        expect([label, keyedProblems(shop, tabs, expected, deleted), verdictProblems()]).toEqual([
          label,
          [],
          [],
        ]);
      }
    }
    expect(deleted.size).toBeGreaterThan(0);
    expect(saved.size).toBeGreaterThan(3);
  });
});
