// Point 1, feedback sync: the seller sorts, inserts or deletes rows of Reviews and Questions while the
// sync works. A hook makes one such edit between every pair of the sync's service calls while Ozon's
// reviews and questions change status and new ones arrive; after each sync every row holds its own
// review's or question's data, the seller's notes stay on their rows, rows without a key hold nothing
// of the add-on's, and the next sync repairs whatever is left.
import { demoShop, type DemoShop } from '../../support/shop';
import { editTabs, keyedProblems, keysNow, typeNotes, type KeyedTab } from './keyed-tabs';

jest.setTimeout(900_000);

const DAY = 86_400_000;

function sync(shop: DemoShop) {
  const r = shop.rt.run<{ ok: boolean; data: { result: string } }>('syncFeedback');
  return r.ok ? r.data.result : 'error';
}

function feedbackTabs(shop: DemoShop): KeyedTab[] {
  const world = () => shop.sim.feedback();
  return [
    {
      tab: 'Reviews',
      key: 'Review ID',
      sort: ['Rating', 'Published'],
      filled: 'SKU',
      note: 'Note',
      check(key, row) {
        const r = world().reviews.find((x) => x.id === key);
        if (!r) return ['is no review at Ozon'];
        return row['Rating'] === r.rating && row['SKU'] === String(r.sku) && row['Status code'] === r.status
          ? []
          : [
              `holds ${String(row['SKU'])} ${String(row['Rating'])} ${String(row['Status code'])}, Ozon ${r.status}`,
            ];
      },
    },
    {
      tab: 'Questions',
      key: 'Question ID',
      sort: ['SKU', 'Asked'],
      filled: 'SKU',
      note: 'Note',
      check(key, row) {
        const q = world().questions.find((x) => x.id === key);
        if (!q) return ['is no question at Ozon'];
        return row['SKU'] === String(q.sku) && row['Status code'] === q.status
          ? []
          : [`holds ${String(row['SKU'])} ${String(row['Status code'])}, Ozon ${q.status}`];
      },
    },
  ];
}

describe('feedback sync while the seller edits its tabs', () => {
  test('a sort, an insert and a delete between every pair of service calls of a sync', () => {
    const shop = demoShop({ postings: 200, days: 20 });
    const { rt, sim } = shop;
    expect(sync(shop)).toBe('done');
    const tabs = feedbackTabs(shop);
    typeNotes(shop, tabs, 12);
    const expected = keysNow(shop, tabs);
    const deleted = new Set<string>();
    expect(keyedProblems(shop, tabs, expected, deleted)).toEqual([]);

    // Ozon's cabinet changes statuses within the fortnight every sync re-reads.
    const change = (k: number) => {
      const since = rt.clock.now() - 7 * DAY;
      const reviews = sim.feedback().reviews.filter((r) => r.publishedAt >= since);
      const questions = sim.feedback().questions.filter((q) => q.publishedAt >= since);
      expect([reviews.length > 5, questions.length > 1]).toEqual([true, true]);
      for (const r of [reviews[k % reviews.length], reviews[(k * 7 + 3) % reviews.length]])
        r.status = r.status === 'PROCESSED' ? 'UNPROCESSED' : 'PROCESSED';
      const q = questions[k % questions.length];
      q.status = q.status === 'PROCESSED' ? 'VIEWED' : 'PROCESSED';
    };

    change(0);
    rt.clock.advance(3_600_000);
    let calls = 0;
    rt.onServiceCall(() => calls++);
    expect(sync(shop)).toBe('done');
    rt.onServiceCall(undefined);
    expect(calls).toBeGreaterThan(8);

    for (let k = 0; k <= calls + 1; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        rt.clock.advance(3_600_000);
        change(k);
        rt.onServiceCall((call) => {
          if (call.index === k) editTabs(shop, tabs, kind, k, deleted);
        });
        const result = sync(shop);
        rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        expect([label, result]).toEqual([label, 'done']);
        expect([label, keyedProblems(shop, tabs, expected, deleted)]).toEqual([label, []]);
        rt.clock.advance(60_000);
        expect(sync(shop)).toBe('done');
        expect([`${label}, next sync`, keyedProblems(shop, tabs, expected, deleted)]).toEqual([
          `${label}, next sync`,
          [],
        ]);
      }
    }
  });
});
