// Point 1, promotions: "Refresh promotions" and "Apply promotion choices" write the Promotions and
// Discount requests tabs after reading Ozon. A hook sorts, inserts or deletes rows of both tabs
// between every pair of service calls of each; after every run each row holds its own action and
// product (or request) as Ozon has them, the seller's cells stay on their rows, rows without a key
// hold nothing of the add-on's, a result is on the row it was meant for, and no row the seller
// deleted comes back as a partial row.
import { t } from '../../../src/core/i18n/messages';
import type { Simulator } from '../../../simulator';
import { demoShop, tabRecords } from '../../support/shop';
import { setCell } from '../../support/seller';
import { editTabs, keyedProblems, keysNow, typeNotes, type KeyedTab } from './keyed-tabs';
import { callSim } from '../../support/sim-call';

jest.setTimeout(900_000);

/** What Ozon has now: promotion key → in the action; request ID → status. */
function ozonNow(sim: Simulator) {
  const members = new Map<string, boolean>();
  for (const a of callSim(sim, '/v1/actions').result as { id: number }[]) {
    for (const [path, inIt] of [
      ['/v1/actions/products', true],
      ['/v1/actions/candidates', false],
    ] as const)
      for (const p of callSim(sim, path, { action_id: a.id, limit: 1000 }).result.products as {
        id: number;
      }[])
        members.set(`${a.id}|${p.id}`, inIt);
  }
  const tasks = new Map<string, { sku: string; status: string }>();
  for (const x of callSim(sim, '/v2/actions/discounts-task/list', { status: 'ALL', limit: 50 }).tasks as {
    id: number;
    sku: number;
    status: string;
  }[])
    tasks.set(String(x.id), { sku: String(x.sku), status: x.status });
  return { members, tasks };
}

const STATUS: Record<string, string> = { NEW: 'open', APPROVED: 'approved', DECLINED: 'declined' };

/** The two tabs as keyed tabs, checked against `now` (set from Ozon before each check). */
function promoTabs(results: Map<string, string>, now: () => ReturnType<typeof ozonNow>): KeyedTab[] {
  // A row the seller deleted comes back with the next refresh without its mark and result, or whole
  // when a write that removed rows put back every row gone (it cannot tell whose delete it was).
  const wrongResult = (id: string, cell: unknown, deleted: boolean) =>
    cell !== (results.get(id) ?? '') && !(deleted && cell === '');
  return [
    {
      tab: 'Promotions',
      key: 'Promotion key',
      sort: ['Offer ID', 'Product ID'],
      filled: 'Action ID',
      note: 'Confirm below cost',
      check(key, row, deleted) {
        const [action, product] = key.split('|');
        const member = now().members.get(key);
        if (member === undefined) return ['is in no action at Ozon'];
        const problems: string[] = [];
        if (row['Action ID'] !== action || row['Product ID'] !== product)
          problems.push(`holds action ${String(row['Action ID'])} product ${String(row['Product ID'])}`);
        if (row['In action?'] !== (member ? 'in action' : 'candidate'))
          problems.push(`says '${String(row['In action?'])}'`);
        if (wrongResult(`Promotions|${key}`, row.Result, deleted))
          problems.push(`has the result '${String(row.Result)}'`);
        return problems;
      },
    },
    {
      tab: 'Discount requests',
      key: 'Request ID',
      sort: ['SKU', 'Price asked'],
      filled: 'SKU',
      note: 'Confirm below cost',
      check(key, row, deleted) {
        const task = now().tasks.get(key);
        if (!task) return ['is no request at Ozon'];
        const problems: string[] = [];
        if (row.SKU !== task.sku || row.Status !== STATUS[task.status])
          problems.push(`holds ${String(row.SKU)} ${String(row.Status)}, Ozon ${task.sku} ${task.status}`);
        if (wrongResult(`Discount requests|${key}`, row.Result, deleted))
          problems.push(`has the result '${String(row.Result)}'`);
        return problems;
      },
    },
  ];
}

describe('promotions while the seller edits their tabs', () => {
  test('a sort, an insert and a delete between every pair of service calls of a refresh and of an apply', () => {
    const shop = demoShop({ postings: 100, days: 10, seed: 17, products: 30 });
    const { rt, sim } = shop;
    sim.setRateLimit(null);
    const run = (name: string) => {
      const r = rt.run<{ ok: boolean; data: { result: string } }>(name);
      return r.ok ? r.data.result : 'error';
    };
    expect(run('refreshPromotions')).toBe('done');
    // Results each row must show (`tab|key`): only those of rows marked, on their own row.
    const results = new Map<string, string>();
    let ozon = ozonNow(sim);
    const tabs = promoTabs(results, () => ozon);
    typeNotes(shop, tabs, 10);
    const expected = keysNow(shop, tabs);
    expect([...expected].filter((k) => k.startsWith('Discount requests|')).length).toBeGreaterThan(3);
    const deleted = new Set<string>();
    const problems = () => {
      ozon = ozonNow(sim);
      return keyedProblems(shop, tabs, expected, deleted);
    };
    expect(problems()).toEqual([]);

    // The seller marks candidates "Leave" (the apply reads the action at Ozon and leaves it as it
    // is) and other rows with a word that is no choice, a new word before every apply, so every
    // apply writes new results: each must land on the row it answers.
    const notIn = t('en', 'promotions.result.notIn');
    const marked = {
      leave: tabRecords(rt, 'Promotions')
        .filter((r) => r['In action?'] === 'candidate')
        .slice(0, 8)
        .map((r) => String(r['Promotion key'])),
      requests: tabRecords(rt, 'Discount requests')
        .slice(0, 4)
        .map((r) => String(r['Request ID'])),
    };
    let round = 0;
    const mark = () => {
      const value = `maybe ${++round}`;
      const present = (tab: string, header: string) =>
        new Set(tabRecords(rt, tab).map((r) => String(r[header])));
      const promotions = present('Promotions', 'Promotion key');
      marked.leave.forEach((key, i) => {
        if (!promotions.has(key)) return;
        const leave = i % 2 === 0;
        setCell(rt, 'Promotions', 'Promotion key', key, 'Join / Leave', leave ? 'Leave' : value);
        results.set(
          `Promotions|${key}`,
          leave ? notIn : t('en', 'promotions.result.unknownChoice', { value }),
        );
      });
      const requests = present('Discount requests', 'Request ID');
      for (const key of marked.requests) {
        if (!requests.has(key)) continue;
        setCell(rt, 'Discount requests', 'Request ID', key, 'Approve / Decline', value);
        results.set(`Discount requests|${key}`, t('en', 'requests.result.unknownChoice', { value }));
      }
    };

    const count = (name: string) => {
      let calls = 0;
      rt.onServiceCall(() => calls++);
      expect(run(name)).toBe('done');
      rt.onServiceCall(undefined);
      return calls;
    };
    const refreshCalls = count('refreshPromotions');
    mark();
    const applyCalls = count('applyPromotionChoices');
    expect([refreshCalls > 8, applyCalls > 8]).toEqual([true, true]);
    expect(problems()).toEqual([]);

    for (const [name, calls] of [
      ['refreshPromotions', refreshCalls],
      ['applyPromotionChoices', applyCalls],
    ] as const) {
      for (let k = 0; k <= calls + 1; k++) {
        for (const kind of ['sort', 'insert', 'delete'] as const) {
          rt.clock.advance(60_000);
          if (name === 'applyPromotionChoices') mark();
          rt.onServiceCall((call) => {
            if (call.index === k) editTabs(shop, tabs, kind, k, deleted);
          });
          const result = run(name);
          rt.onServiceCall(undefined);
          const label = `${name}: ${kind} after call ${k}`;
          expect([label, result]).toEqual([label, 'done']);
          expect([label, problems()]).toEqual([label, []]);
        }
      }
    }
  });
});
