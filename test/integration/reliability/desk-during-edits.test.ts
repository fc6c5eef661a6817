// Point 1, the order desk: verifying an order or flagging a problem from the sidebar writes the
// seller's columns of its Orders row. A hook sorts, inserts or deletes Orders rows between every pair
// of the call's service calls (between the desk's read and its write among them); after each call
// the cells are on the posting they were written for and nowhere else, rows without a key hold none,
// and an order the seller deleted meanwhile is told ("not in the Orders tab"), not written elsewhere.
import { t } from '../../../src/core/i18n/messages';
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { editTabs, keyedProblems, keysNow, type KeyedTab } from './keyed-tabs';

jest.setTimeout(600_000);

type Result =
  | { ok: true; data: { message: string; results: { posting: string; ok: boolean; message: string }[] } }
  | { ok: false; error: { code: string; message: string } };

const ORDERS: KeyedTab = {
  tab: 'Orders',
  key: 'Posting number',
  sort: ['Total', 'Buyer'],
  filled: 'Status code',
  note: 'Note',
  check: () => [],
};

const CHECKS = ['order', 'items', 'buyer', 'amount'];
const REASONS = ['damaged', 'payment', 'address'] as const;

function synced(): DemoShop {
  const shop = demoShop({ postings: 300, products: 30, days: 4 });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  expect(shop.rt.run<{ ok: boolean }>('syncOrders').ok).toBe(true);
  return shop;
}

describe("the order desk's writes while the seller edits Orders", () => {
  test('a sort, an insert and a delete between every pair of service calls of a verify and of a flag', () => {
    const shop = synced();
    const { rt } = shop;
    const expected = keysNow(shop, [ORDERS]);
    const deleted = new Set<string>();
    const verified = new Set<string>();
    const problems = new Map<string, string>();

    const cellProblems = () => {
      const out: string[] = [];
      for (const row of tabRecords(rt, 'Orders')) {
        const key = String(row['Posting number']);
        const problem = key ? (problems.get(key) ?? '') : '';
        if (row['Problem'] !== problem)
          out.push(`${key || 'a row without a key'}: problem '${String(row['Problem'])}'`);
        const yes = key && verified.has(key) && !problems.has(key) ? 'Yes' : '';
        if (row['Verified'] !== yes)
          out.push(`${key || 'a row without a key'}: verified '${String(row['Verified'])}'`);
        if (!key && (row['Verified by'] !== '' || row['Verified digest'] !== ''))
          out.push('a row without a key holds a verification');
      }
      return out;
    };
    // Only an order the seller deleted meanwhile may fail, and it says it is not in Orders.
    const expectOutcome = (label: string, postings: string[], result: Result) => {
      const gone = (p: string) => deleted.has(`Orders|${p}`);
      if (!result.ok) {
        expect([label, postings.length, gone(postings[0]), result.error.code]).toEqual([
          label,
          1,
          true,
          'desk.unknownPosting',
        ]);
        return [];
      }
      for (const r of result.data.results)
        if (!r.ok)
          expect([label, gone(r.posting), r.message]).toEqual([
            label,
            true,
            t('en', 'error.desk.unknownPosting', { posting: r.posting }),
          ]);
      return result.data.results.filter((r) => r.ok).map((r) => r.posting);
    };
    const open = () =>
      new Set(
        [...shop.sim.state.postings.values()]
          .filter((p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging')
          .map((p) => p.postingNumber),
      );
    const allKeys = () =>
      tabRecords(rt, 'Orders')
        .map((r) => String(r['Posting number']))
        .filter(Boolean);
    // Orders near the top (where the edits land) that may be flagged: not cancelled.
    const topKeys = () =>
      allKeys()
        .filter((p) => !String(shop.sim.state.postings.get(p)?.status).startsWith('cancelled'))
        .slice(0, 40);
    const verify = (postings: string[]) =>
      rt.callFromSidebar('verifyOrders', { postings, checked: CHECKS }) as Result;
    const flag = (postings: string[], k: number) => {
      const reason = REASONS[k % REASONS.length];
      const result = rt.callFromSidebar('flagOrderProblem', {
        postings,
        reason,
        note: `note ${postings[0]}`,
      }) as Result;
      return { result, text: t('en', `desk.problem.reason.${reason}`) };
    };

    // How many service calls each makes.
    const calls = { verify: 0, flag: 0 };
    const first = allKeys().filter((p) => open().has(p))[0];
    rt.onServiceCall(() => calls.verify++);
    const v = verify([first]);
    expect([first, v.ok || v.error]).toEqual([first, true]);
    rt.onServiceCall(() => calls.flag++);
    const once = flag([topKeys()[1]], 0);
    rt.onServiceCall(undefined);
    expect(once.result).toMatchObject({ ok: true });
    verified.add(first);
    problems.set(topKeys()[1], once.text);
    expect([calls.verify > 4, calls.flag > 2]).toEqual([true, true]);
    expect(cellProblems()).toEqual([]);

    for (let k = 0; k <= Math.max(calls.verify, calls.flag) + 1; k++) {
      for (const [n, kind] of (['sort', 'insert', 'delete'] as const).entries()) {
        const label = `${kind} after call ${k}`;
        rt.onServiceCall((call) => {
          if (call.index === k) editTabs(shop, [ORDERS], kind, k, deleted);
        });
        if (k <= calls.verify + 1) {
          // One order alone (a failure is the call's error), or two (told per order).
          const ready = allKeys().filter((p) => open().has(p) && !verified.has(p) && !problems.has(p));
          const postings = ready.slice(0, 1 + ((k + n) % 2));
          if (postings.length)
            for (const p of expectOutcome(`verify, ${label}`, postings, verify(postings))) verified.add(p);
        }
        if (k <= calls.flag + 1) {
          const now = topKeys().filter((p) => !problems.has(p));
          // The note goes to the first order: flag one at a time so each row's note is its own.
          const postings = [now[(k * 3 + n) % now.length]];
          const { result, text } = flag(postings, k + n);
          for (const p of expectOutcome(`flag, ${label}`, postings, result)) problems.set(p, text);
        }
        rt.onServiceCall(undefined);
        expect([label, keyedProblems(shop, [ORDERS], expected, deleted), cellProblems()]).toEqual([
          label,
          [],
          [],
        ]);
      }
    }
    expect(deleted.size).toBeGreaterThan(0);
    expect([verified.size > 3, problems.size > 3]).toEqual([true, true]);
  });
});
