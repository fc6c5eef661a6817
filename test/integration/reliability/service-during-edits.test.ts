// Point 1, returns & messages sync: the seller sorts, inserts or deletes rows of Returns, Messages and
// Cancellation requests while the sync works. A hook makes one such edit between every pair of the
// sync's service calls while Ozon's returns, chats and cancellation requests change; after each sync
// every row holds its own key's data, the seller's notes stay on their rows, rows without a key hold
// nothing of the add-on's, and the next sync repairs whatever is left.
import { demoShop, type DemoShop } from '../../support/shop';
import { editTabs, keyedProblems, keysNow, typeNotes, type KeyedTab } from './keyed-tabs';

jest.setTimeout(900_000);

function sync(shop: DemoShop) {
  const r = shop.rt.run<{ ok: boolean; data: { result: string; message: string } }>('syncService');
  return r.ok ? r.data.result : 'error';
}

function serviceTabs(shop: DemoShop): KeyedTab[] {
  const { sim } = shop;
  return [
    {
      tab: 'Returns',
      key: 'Row key',
      sort: ['Offer ID', 'Posting number'],
      filled: 'Return ID',
      note: 'Note',
      check(key, row) {
        const fbo = sim.state.returns.find((r) => `R${r.id}` === key);
        const rfbs = sim.state.rfbsReturns.find((r) => `RFBS${r.returnId}` === key);
        if (fbo)
          return row['Return ID'] === String(fbo.id) &&
            row['Posting number'] === fbo.postingNumber &&
            row['Offer ID'] === fbo.offerId &&
            row['Status code'] === fbo.statusSysName
            ? []
            : [`holds ${String(row['Return ID'])} ${String(row['Status code'])}, Ozon ${fbo.statusSysName}`];
        if (rfbs)
          return row['Return ID'] === String(rfbs.returnId) &&
            row['Posting number'] === rfbs.postingNumber &&
            row['Status code'] === rfbs.state
            ? []
            : [`holds ${String(row['Return ID'])} ${String(row['Status code'])}, Ozon ${rfbs.state}`];
        return ['is no return at Ozon'];
      },
    },
    {
      tab: 'Messages',
      key: 'Chat ID',
      sort: ['Unread', 'Last message at'],
      filled: 'Last message ID',
      note: 'Note',
      check(key, row, deleted) {
        const chat = sim.state.chats.find((c) => c.chatId === key);
        if (!chat) return ['is no chat at Ozon'];
        const last = chat.messages[chat.messages.length - 1];
        // A chat the seller deleted during the run comes back with the list; its last message the next run.
        if (deleted && row['Last message ID'] === '') return [];
        if (chat.status === 'OPENED' && row['Last message ID'] !== last.id.toString())
          return [`last message ${String(row['Last message ID'])}, Ozon ${last.id.toString()}`];
        return [];
      },
    },
    {
      tab: 'Cancellation requests',
      key: 'Request ID',
      sort: ['Posting number', 'Requested at'],
      filled: 'Posting number',
      note: 'Note',
      check(key, row) {
        const c = sim.state.conditionalCancellations.find((x) => String(x.id) === key);
        if (!c) return ['is no cancellation request at Ozon'];
        return row['Posting number'] === c.postingNumber &&
          row['State code'] === c.state &&
          row['Answer comment'] === c.comment
          ? []
          : [
              `holds ${String(row['Posting number'])} ${String(row['State code'])} '${String(row['Answer comment'])}'`,
            ];
      },
    },
  ];
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
        r.statusSysName = moved ? 'ReturnedToSeller' : (original.get(r.id) as string);
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
