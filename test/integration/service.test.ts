// Returns, buyer messages and cancellation requests through the built bundle in the local runtime,
// against the Ozon simulator.
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';
import { headerIn } from '../../src/core/i18n/headers';
import { t, type MessageKey } from '../../src/core/i18n/messages';

const HOUR = 3_600_000;
/** The senders of chat messages the add-on has words for. */
const SENDERS = ['Customer', 'Seller', 'Support', 'Crm', 'Courier', 'NotificationUser'];

interface Result<T> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string; field?: string };
}

function run<T>(rt: Runtime, name: string, input?: unknown): Result<T> {
  return input === undefined ? rt.run<Result<T>>(name) : rt.run<Result<T>>(name, [input]);
}

function syncService(rt: Runtime) {
  return run<{ result: string; message: string; added: number; updated: number; fetched: number }>(
    rt,
    'syncService',
  ).data;
}

function byKey(rows: Record<string, unknown>[], column: string): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = String(row[column]);
    expect(map.has(key)).toBe(false); // never a duplicate row
    map.set(key, row);
  }
  return map;
}

function selectRow(rt: Runtime, tab: string, column: string, value: string): void {
  rt.asUser((g) => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    const values = sheet.getDataRange().getValues() as unknown[][];
    const col = values[0].indexOf(column);
    const row = values.findIndex((r) => String(r[col]) === value);
    if (row < 1) throw new Error(`${value} not on ${tab}`);
    sheet.activate();
    sheet.getRange(row + 1, 1).activate();
  });
}

/** The first sync reads returns whose status changed within the look-back (30 days by default). */
function expectReturnsMatchShop(rt: Runtime, sim: Simulator, since: number) {
  const rows = byKey(tabRecords(rt, 'Returns'), 'Row key');
  const returns = sim.state.returns.filter((r) => r.statusChangedAt >= since);
  expect(returns.length).toBeGreaterThan(3);
  for (const r of returns) {
    const row = rows.get(`R${r.id}`);
    expect(row).toMatchObject({
      'Return ID': String(r.id),
      'Posting number': r.postingNumber,
      'Offer ID': r.offerId,
      Quantity: r.quantity,
      // In words of the seller's language; Ozon's code beside it (hidden).
      'Ozon status': t('en', `return.status.${r.statusSysName}` as MessageKey),
      'Status code': r.statusSysName,
      'Return barcode': r.barcode,
    });
  }
  for (const r of sim.state.rfbsReturns) {
    expect(rows.get(`RFBS${r.returnId}`)).toMatchObject({
      'Return ID': String(r.returnId),
      'Posting number': r.postingNumber,
      'Ozon status': t('en', `return.rfbsState.${r.state}` as MessageKey),
      'Status code': r.state,
      Schema: 'rFBS',
    });
  }
  expect(rows.size).toBe(returns.length + sim.state.rfbsReturns.length);
}

describe('returns & messages sync', () => {
  test('first sync lands returns, rFBS requests, open chats and cancellation requests once each', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    const start = rt.clock.now();
    rt.run('syncOrders');
    const result = syncService(rt);
    expect(result.result).toBe('done');
    expect(sim.state.rfbsReturns.length).toBeGreaterThan(0);
    expectReturnsMatchShop(rt, sim, start - 30 * 24 * HOUR);

    const chats = byKey(tabRecords(rt, 'Messages'), 'Chat ID');
    const open = sim.state.chats.filter((c) => c.status === 'OPENED');
    expect(chats.size).toBe(open.length);
    for (const chat of open) {
      const last = chat.messages[chat.messages.length - 1];
      const row = chats.get(chat.chatId) as Record<string, unknown>;
      // Message ids above 2^53 survive exactly, as text.
      expect(row['Last message ID']).toBe(last.id.toString());
      expect(row['Last message']).toBe(last.text);
      expect(row.Unread).toBe(chat.messages.filter((m) => !m.isRead && m.userType !== 'Seller').length);
      if (last.orderNumber) expect(row['Order number']).toBe(last.orderNumber);
    }
    expect([...chats.values()].some((r) => BigInt(String(r['Last message ID'])) > 2n ** 53n)).toBe(true);
    // Buyer text that looks like a formula stays text.
    for (const tab of ['Returns', 'Messages', 'Cancellation requests']) {
      expect(rt.spreadsheet.sheet(tab).formulas().flat().filter(Boolean)).toEqual([]);
    }
    const evil = [...chats.values()].find((r) => String(r['Last message']).startsWith('='));
    if (evil) expect(typeof evil['Last message']).toBe('string');

    const requests = byKey(tabRecords(rt, 'Cancellation requests'), 'Request ID');
    expect(requests.size).toBe(sim.state.conditionalCancellations.length);
    for (const c of sim.state.conditionalCancellations) {
      const row = requests.get(String(c.id)) as Record<string, unknown>;
      expect(row['State code']).toBe(c.state);
      if (c.state === 'ON_APPROVAL') expect(row['Answer by']).toBeInstanceOf(Date);
      else expect(row['Answer by']).toBe('');
    }
    const log = tabRecords(rt, 'Sync log').filter((r) => String(r.Source).includes('returns'));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ Result: 'ok', Error: '' });
  });

  test('a language change relabels every return status, compensation, chat status and initiator from its code', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    const first = sim.state.returns[0];
    first.statusChangedAt = rt.clock.now() - HOUR;
    syncService(rt);
    // Every row follows the language, those Ozon sends again (rFBS requests, cancellation requests and
    // chats are re-read each run) and those it does not; only a record that really changed counts as
    // updated: a return moves on at Ozon while the language is Chinese.
    for (const lang of ['ru', 'zh', 'en'] as const) {
      rt.properties.user.set('ODESK_LANGUAGE', lang);
      rt.clock.advance(60_000);
      if (lang === 'zh') {
        const received = first.statusSysName === 'ReceivedBySeller';
        first.statusSysName = received ? 'ArrivedAtReturnPlace' : 'ReceivedBySeller';
        first.statusName = received ? 'В пункте выдачи' : 'Получен продавцом';
        first.statusChangedAt = rt.clock.now() - 1000;
      }
      const again = syncService(rt);
      expect(again).toMatchObject({ result: 'done', added: 0, updated: lang === 'zh' ? 1 : 0 });
      expect(again.fetched).toBeGreaterThan(0);
      const [header, ...rows] = rt.spreadsheet.sheet('Returns').values() as unknown[][];
      const col = (name: string) => header.indexOf(headerIn(lang, name));
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) {
        const code = String(row[col('Status code')]);
        const key = String(row[col('Row key')]);
        const words = key.startsWith('RFBS') ? `return.rfbsState.${code}` : `return.status.${code}`;
        expect({ key, status: row[col('Ozon status')] }).toEqual({
          key,
          status: t(lang, words as MessageKey),
        });
      }
      const [cHeader, ...requests] = rt.spreadsheet.sheet('Cancellation requests').values() as unknown[][];
      expect(requests.length).toBeGreaterThan(0);
      for (const row of requests) {
        const code = String(row[cHeader.indexOf(headerIn(lang, 'Initiator code'))]).toUpperCase();
        expect(row[cHeader.indexOf(headerIn(lang, 'Initiator'))]).toBe(
          t(lang, `cancelInitiator.${code === 'CUSTOMER' ? 'CLIENT' : code}` as MessageKey),
        );
        expect(row[cHeader.indexOf(headerIn(lang, 'State'))]).toBe(
          t(
            lang,
            `service.cancel.${String(row[cHeader.indexOf(headerIn(lang, 'State code'))])}` as MessageKey,
          ),
        );
      }
      const [mHeader, ...chats] = rt.spreadsheet.sheet('Messages').values() as unknown[][];
      for (const row of chats)
        expect(row[mHeader.indexOf(headerIn(lang, 'Chat status'))]).toBe(
          t(
            lang,
            `service.chat.status.${String(row[mHeader.indexOf(headerIn(lang, 'Status code'))])}` as MessageKey,
          ),
        );
      // Who wrote the last message: Ozon lists every chat again, its last message only when it is new,
      // so the sender the sheet holds is relabelled as well.
      const senders = new Set(SENDERS.map((s) => t(lang, `service.chat.from.${s}` as MessageKey)));
      const from = chats.map((row) => String(row[mHeader.indexOf(headerIn(lang, 'From'))])).filter(Boolean);
      expect(from.length).toBeGreaterThan(0);
      expect(from.filter((f) => !senders.has(f))).toEqual([]);
    }
  });

  test('re-syncing writes only the log row; changes upsert in place and keep the seller columns', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    const start = rt.clock.now();
    syncService(rt);
    const first = sim.state.returns.find((r) => r.statusChangedAt >= start - 30 * 24 * HOUR);
    if (!first) throw new Error('no recent return');
    const saved = run(rt, 'saveReturnWork', {
      rowKey: `R${first.id}`,
      verdict: 'disputed',
      note: '=HYPERLINK("x")',
    });
    expect(saved.ok).toBe(true);

    rt.clock.advance(60_000);
    rt.resetCounters();
    const again = syncService(rt);
    expect(again).toMatchObject({ result: 'done', added: 0, updated: 0 });
    expect(rt.counters.cellsWritten).toBeLessThanOrEqual(8);

    // Ozon moves the return on; a new message arrives in a chat.
    rt.clock.advance(HOUR);
    first.statusSysName = 'ReceivedBySeller';
    first.statusName = 'Получен продавцом';
    first.statusChangedAt = rt.clock.now() - 60_000;
    const result = syncService(rt);
    expect(result.result).toBe('done');
    const row = byKey(tabRecords(rt, 'Returns'), 'Row key').get(`R${first.id}`) as Record<string, unknown>;
    expect(row).toMatchObject({
      'Status code': 'ReceivedBySeller',
      'Reason verdict': 'Disputed',
      Note: '=HYPERLINK("x")',
    });
    expect(rt.spreadsheet.sheet('Returns').formulas().flat().filter(Boolean)).toEqual([]);
    expectReturnsMatchShop(rt, sim, start - 30 * 24 * HOUR);
  });

  test('in the hourly trigger it runs after the orders sync, within what is left, and continues next hour', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    const start = rt.clock.now();
    // Every Ozon call takes 80 s: the orders sync uses most of the execution.
    sim.setFaults({ slowRate: 1, slowMs: 80_000 });
    rt.run('onHourlyTrigger');
    const serviceLog = () => tabRecords(rt, 'Sync log').filter((r) => String(r.Source).includes('returns'));
    expect(rt.properties.document.get('ODESK_SERVICE_JOB')).toBeTruthy();
    expect(serviceLog().map((r) => r.Result)).toEqual(['continues']);
    sim.setFaults({});
    let hours = 0;
    while (rt.properties.document.get('ODESK_SERVICE_JOB') && hours++ < 5) {
      rt.clock.advance(HOUR);
      rt.run('onHourlyTrigger');
    }
    expect(rt.properties.document.get('ODESK_SERVICE_JOB')).toBeUndefined();
    expect(serviceLog().at(-1)).toMatchObject({ Result: 'ok', Error: '' });
    expectReturnsMatchShop(rt, sim, start - 30 * 24 * HOUR);
  });
});

describe('returns & messages from the sidebar', () => {
  test('finds the posting on a row by the column identity: a renamed header and tab still work', () => {
    const { rt } = demoShop({ postings: 120, days: 40 });
    rt.run('syncOrders');
    const orders = tabRecords(rt, 'Orders');
    const header = (rt.spreadsheet.sheet('Orders').values() as unknown[][])[0].map(String);
    rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName('Orders')!;
      sheet.getRange(1, header.indexOf('Posting number') + 1).setValue('Номер (мой)');
      sheet.setName('Мои заказы');
      sheet.activate();
      sheet.getRange(4, 2).activate();
    });
    const polled = run<{ changed: boolean; posting: string | null }>(rt, 'pollServiceSelection', {
      known: '',
    });
    expect(polled.data).toMatchObject({ changed: true, posting: orders[2]['Posting number'] });
    const context = run<{ posting: string | null }>(rt, 'getServiceContext');
    expect(context.data.posting).toBe(orders[2]['Posting number']);
  });

  test('receiving a resellable return writes one "return received" move, however often it is saved', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 40 });
    rt.run('importProducts');
    rt.run('syncOrders');
    syncService(rt);
    const rows = tabRecords(rt, 'Returns').filter(
      (r) => String(r['Row key']).startsWith('R') && !String(r['Row key']).startsWith('RFBS'),
    );
    const target = rows[0];
    selectRow(rt, 'Returns', 'Row key', String(target['Row key']));
    const context = run<{
      posting: string;
      returns: { rowKey: string; offerId: string; quantity: number }[];
    }>(rt, 'getServiceContext');
    expect(context.ok).toBe(true);
    expect(context.data.posting).toBe(target['Posting number']);
    const view = context.data.returns.find((r) => r.rowKey === target['Row key']);
    expect(view).toBeDefined();

    const input = {
      rowKey: target['Row key'],
      verdict: 'accepted',
      received: '2026-11-19',
      quality: 'resellable',
      outcome: 'restocked',
    };
    const movesFor = () =>
      tabRecords(rt, 'Stock moves').filter((m) =>
        String(m.Reference ?? '').includes(String(target['Row key'])),
      );
    const first = run<{ restocked: number; message: string }>(rt, 'saveReturnWork', input);
    expect(first.ok).toBe(true);
    expect(first.data.restocked).toBe(target.Quantity);
    for (let i = 0; i < 2; i++) {
      const again = run<{ restocked: number }>(rt, 'saveReturnWork', input);
      expect(again.data.restocked).toBe(0);
      rt.clock.advance(HOUR);
      syncService(rt);
    }
    expect(movesFor()).toHaveLength(1);
    const row = byKey(tabRecords(rt, 'Returns'), 'Row key').get(String(target['Row key'])) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      'Reason verdict': 'Accepted',
      'Quality check': 'Resellable',
      Outcome: 'Restocked',
    });
    expect(row.Received).toBeInstanceOf(Date);
    expect(sim.state.returns.length).toBeGreaterThan(0);

    // Localised validation: a bad date is refused with the field named, in Russian.
    rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    const bad = run(rt, 'saveReturnWork', { rowKey: target['Row key'], received: '2026-02-30' });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatchObject({
      code: 'input',
      field: 'received',
      message: 'Введите дату в виде ГГГГ-ММ-ДД.',
    });
  });

  test('rFBS return requests: only the actions Ozon allows, confirmed by re-reading', () => {
    const { rt, sim } = demoShop({ postings: 400, days: 40 });
    syncService(rt);
    const request = sim.state.rfbsReturns.find((r) => r.state === 'NEW');
    if (!request) throw new Error('no new rFBS request in the demo shop');
    const view = run<{
      state: string;
      actions: { id: number; needs: string | null }[];
      rejectionReasons: { id: number }[];
    }>(rt, 'getRfbsReturn', { returnId: request.returnId });
    expect(view.data.state).toBe('NEW');
    expect(view.data.actions.map((a) => a.id).sort()).toEqual([-1, 1]);
    // Refund is not offered for a new request: refused without calling Ozon's action method.
    sim.resetStats();
    const refused = run(rt, 'rfbsReturnAction', { returnId: request.returnId, actionId: 3, confirmed: true });
    expect(refused.error?.code).toBe('service.action');
    expect(sim.stats.byPath['/v1/returns/rfbs/action/set'] ?? 0).toBe(0);
    // Rejecting needs a reason and a comment.
    const missing = run(rt, 'rfbsReturnAction', {
      returnId: request.returnId,
      actionId: -1,
      confirmed: true,
    });
    expect(missing.error).toMatchObject({ code: 'input', field: 'rejectionReasonId' });

    const approved = run<{ state: string; actions: { id: number }[]; message: string }>(
      rt,
      'rfbsReturnAction',
      {
        returnId: request.returnId,
        actionId: 1,
        confirmed: true,
      },
    );
    expect(approved.data.state).toBe('APPROVED');
    expect(request.state).toBe('APPROVED');
    const row = byKey(tabRecords(rt, 'Returns'), 'Row key').get(`RFBS${request.returnId}`);
    expect(row?.['Status code']).toBe('APPROVED');
    const refunded = run<{ state: string }>(rt, 'rfbsReturnAction', {
      returnId: request.returnId,
      actionId: 3,
      confirmed: true,
    });
    expect(refunded.data.state).toBe('MONEY_RETURNED');
  });

  test('cancellation requests: approve cancels the posting, reject needs a comment, a decided one is refused', () => {
    const { rt, sim } = demoShop({ postings: 400, days: 20 });
    rt.run('syncOrders');
    syncService(rt);
    const open = sim.state.conditionalCancellations.filter((c) => c.state === 'ON_APPROVAL');
    expect(open.length).toBeGreaterThanOrEqual(2);
    const [a, b] = open;
    const context = run<{ pending: { id: string; deadline: string | null }[] }>(rt, 'getServiceContext');
    expect(context.data.pending.map((p) => p.id).sort()).toEqual(open.map((c) => String(c.id)).sort());
    expect(context.data.pending.every((p) => p.deadline && Date.parse(p.deadline) > 0)).toBe(true);

    const noComment = run(rt, 'decideCancellation', {
      cancellationId: b.id,
      decision: 'reject',
      confirmed: true,
    });
    expect(noComment.error).toMatchObject({ code: 'input', field: 'comment' });

    const approved = run<{ message: string; cancellation: { stateCode: string } }>(rt, 'decideCancellation', {
      cancellationId: a.id,
      decision: 'approve',
      confirmed: true,
    });
    expect(approved.data.cancellation.stateCode).toBe('APPROVED');
    expect(sim.state.postings.get(a.postingNumber)?.status).toBe('cancelled');
    const order = tabRecords(rt, 'Orders').find((o) => o['Posting number'] === a.postingNumber);
    expect(order?.['Status code']).toBe('cancelled');

    const rejected = run<{ cancellation: { stateCode: string } }>(rt, 'decideCancellation', {
      cancellationId: b.id,
      decision: 'reject',
      comment: 'Уже передан в доставку',
      confirmed: true,
    });
    expect(rejected.data.cancellation.stateCode).toBe('REJECTED');
    const again = run(rt, 'decideCancellation', {
      cancellationId: b.id,
      decision: 'approve',
      confirmed: true,
    });
    expect(again.error?.code).toBe('service.cancelGone');
    const rows = byKey(tabRecords(rt, 'Cancellation requests'), 'Request ID');
    expect(rows.get(String(a.id))?.['State code']).toBe('APPROVED');
    expect(rows.get(String(b.id))?.['State code']).toBe('REJECTED');
  });

  test('chat history keeps exact ids; a reply without subscription is explained, with one', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 20 });
    syncService(rt);
    const chat = sim.state.chats.find(
      (c) => c.type === 'BUYER_SELLER' && c.status === 'OPENED' && c.messages.length >= 2,
    );
    if (!chat) throw new Error('no buyer chat');
    const history = run<{ messages: { id: string; text: string }[] }>(rt, 'getChatHistory', {
      chatId: chat.chatId,
    });
    expect(history.data.messages.map((m) => m.id)).toEqual(
      chat.messages.slice(-30).map((m) => m.id.toString()),
    );
    const older = run<{ messages: { id: string }[] }>(rt, 'getChatHistory', {
      chatId: chat.chatId,
      before: chat.messages[chat.messages.length - 1].id.toString(),
    });
    expect(older.data.messages.map((m) => m.id)).toEqual(
      chat.messages.slice(0, -1).map((m) => m.id.toString()),
    );

    sim.setSubscription('none');
    const refused = run(rt, 'sendChatReply', { chatId: chat.chatId, text: 'Здравствуйте!' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'service.subscription' });
    expect(refused.error?.message).toContain('Premium Plus');
    const count = chat.messages.length;

    sim.setSubscription('premium_plus');
    const sent = run<{ messages: { text: string; mine: boolean }[] }>(rt, 'sendChatReply', {
      chatId: chat.chatId,
      text: '=Отправили сегодня',
    });
    expect(sent.ok).toBe(true);
    expect(chat.messages).toHaveLength(count + 1);
    expect(sent.data.messages.at(-1)).toMatchObject({ text: '=Отправили сегодня', mine: true });
    const row = byKey(tabRecords(rt, 'Messages'), 'Chat ID').get(chat.chatId);
    expect(row).toMatchObject({
      'Last message': '=Отправили сегодня',
      'Last message ID': chat.messages[count].id.toString(),
    });
    expect(rt.spreadsheet.sheet('Messages').formulas().flat().filter(Boolean)).toEqual([]);
  });
});
