// Point 1, returns & messages sync: the seller sorts, inserts or deletes rows of Returns, Messages and
// Cancellation requests while the sync works. A hook makes one such edit between every pair of the
// sync's service calls while Ozon's returns, chats and cancellation requests change; after each sync
// every row holds its own key's data, the seller's notes stay on their rows, rows without a key hold
// nothing of the add-on's, and the next sync repairs whatever is left.
import { demoShop, type DemoShop } from '../../support/shop';
import { editTabs, keyedProblems, keysNow, typeNotes } from './keyed-tabs';
import { serviceTabs } from './service-tabs';

jest.setTimeout(900_000);

function sync(shop: DemoShop) {
  const r = shop.rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncService');
  return r.ok ? r.data.result : 'error';
}

describe('returns & messages sync while the seller edits its tabs', () => {
  test('a sort, an insert and a delete between every pair of service calls of a sync', () => {
    const shop = demoShop({ postings: 300, days: 40 });
    const { rt, sim } = shop;
    rt.run('syncOrders');
    expect(sync(shop)).toBe('done');
    const tabs = serviceTabs(shop);
    typeNotes(shop, tabs, 12);
    const expected = keysNow(shop, tabs);
    const deleted = new Set<string>();
    expect(keyedProblems(shop, tabs, expected, deleted)).toEqual([]);

    // Ozon moves returns on, buyers write, cancellation requests get answers: every sync writes rows.
    const recent = sim.state.returns.filter((r) => expected.has(`Returns|R${r.id}`));
    const original = new Map(recent.map((r) => [r.id, r.statusSysName]));
    const chats = sim.state.chats.filter(
      (c) => c.status === 'OPENED' && expected.has(`Messages|${c.chatId}`),
    );
    const requests = sim.state.conditionalCancellations;
    expect([recent.length > 3, chats.length > 1, requests.length > 0]).toEqual([true, true, true]);
    const change = (k: number) => {
      for (const r of [recent[k % recent.length], recent[(k * 3 + 1) % recent.length]]) {
        const moved = r.statusSysName === original.get(r.id);
        r.statusSysName = moved ? 'ReceivedBySeller' : (original.get(r.id) as string);
        r.statusName = moved ? 'Получен продавцом' : r.statusSysName;
        r.statusChangedAt = rt.clock.now() - 60_000;
      }
      const chat = chats[k % chats.length];
      const last = chat.messages[chat.messages.length - 1];
      chat.messages.push({ ...last, id: last.id + 1n, createdAt: rt.clock.now() - 30_000, text: `msg ${k}` });
      requests[k % requests.length].comment = `answer ${k}`;
    };

    // How many service calls a sync makes.
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
