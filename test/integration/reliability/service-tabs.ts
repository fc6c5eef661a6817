// The returns & messages tabs as keyed tabs (see keyed-tabs): what each row must hold against the
// simulator's returns, chats and cancellation requests. Shared by the edit-injection tests of the
// service sync and of the seller's return work.
import type { DemoShop } from '../../support/shop';
import type { KeyedTab } from './keyed-tabs';

export function serviceTabs(shop: DemoShop): KeyedTab[] {
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
