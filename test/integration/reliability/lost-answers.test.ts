// Points 4 and 5: an action whose answer is lost after Ozon acted (a 5xx, a timeout, a garbled body) is
// never sent again, and the add-on re-reads the object and says what really happened: done (the usual
// success), not done (nothing changed, try again) or unknown (with what to check), never "Ozon
// rejected … already shipped". A chat reply carries a pending-send guard. Every action takes the
// lock before it reaches Ozon: a busy spreadsheet refuses before acting, never after.
import { demoShop, type DemoShop, type Intercept } from '../../support/shop';
import type { LostAnswer } from '../../../simulator';

jest.setTimeout(180_000);

type Result = { ok: boolean; data?: { message?: string }; error?: { code: string; message: string } };

const HOWS: LostAnswer[] = ['html502', 'timeout', 'garbled'];

function synced(): DemoShop {
  const shop = demoShop({ postings: 400, products: 30, days: 20 });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  shop.rt.run('syncOrders');
  return shop;
}

/** Counts the calls of `path` that reach the simulator. */
function counting(shop: DemoShop, path: string): () => number {
  const before = shop.sim.stats.byPath[path] ?? 0;
  return () => (shop.sim.stats.byPath[path] ?? 0) - before;
}

/** Ozon never gets the request: the add-on sees a 502 page (nothing was done). */
function dropRequestTo(path: string): Intercept {
  return (req, pass) =>
    req.url.endsWith(path)
      ? { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502 Bad Gateway</html>' }
      : pass(req);
}

/** Every read of `path` fails as well (the re-read cannot tell). */
function failReadsOf(path: string): Intercept {
  return (req, pass) => {
    if (req.url.endsWith(path)) throw new Error('Timeout: request took too long');
    return pass(req);
  };
}

function awaitingPackaging(shop: DemoShop, scheme = 'fbs') {
  const found = [...shop.sim.state.postings.values()].filter(
    (p) => p.scheme === scheme && p.status === 'awaiting_packaging' && !p.lines.some((l) => l.quantity > 1),
  );
  if (!found.length) throw new Error(`no ${scheme} posting awaiting packaging`);
  return found;
}

function ship(shop: DemoShop, posting: string): Result {
  const p = shop.sim.state.postings.get(posting);
  if (!p) throw new Error('unknown posting');
  const checks = ['order', 'items', 'buyer', 'amount'];
  expect(shop.rt.callFromSidebar('verifyOrders', { postings: [posting], checked: checks })).toMatchObject({
    ok: true,
  });
  return shop.rt.callFromSidebar('shipOrder', {
    posting,
    packages: [{ items: p.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
  }) as Result;
}

describe('answers lost after Ozon acted', () => {
  test.each(HOWS)('a ship whose answer is lost (%s) is sent once and reported as done', (how) => {
    const shop = synced();
    const posting = awaitingPackaging(shop)[0].postingNumber;
    const sent = counting(shop, '/v4/posting/fbs/ship');
    shop.sim.loseAnswer('/v4/posting/fbs/ship', how);
    const answer = ship(shop, posting);
    expect(sent()).toBe(1); // never re-sent
    expect(shop.sim.state.postings.get(posting)?.status).toBe('awaiting_deliver');
    expect(answer).toMatchObject({
      ok: true,
      data: { message: `Order ${posting} is packed and awaiting shipment.` },
    });
    expect(JSON.stringify(answer)).not.toMatch(/ALREADY|rejected|refused/i);
  });

  test('a ship Ozon never received is reported as not done, and a second try ships it', () => {
    const shop = synced();
    const posting = awaitingPackaging(shop)[0].postingNumber;
    shop.intercept(dropRequestTo('/v4/posting/fbs/ship'));
    const answer = ship(shop, posting);
    shop.intercept(undefined);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('ozon.notDone');
    expect(answer.error?.message).toContain('was not done');
    expect(shop.sim.state.postings.get(posting)?.status).toBe('awaiting_packaging');
    expect(ship(shop, posting)).toMatchObject({ ok: true });
    expect(shop.sim.state.postings.get(posting)?.status).toBe('awaiting_deliver');
  });

  test('when even the re-read fails, the seller is told it is unknown and what to check', () => {
    const shop = synced();
    const posting = awaitingPackaging(shop)[0].postingNumber;
    const checks = ['order', 'items', 'buyer', 'amount'];
    shop.rt.callFromSidebar('verifyOrders', { postings: [posting], checked: checks });
    const p = shop.sim.state.postings.get(posting);
    if (!p) throw new Error('unknown posting');
    shop.sim.loseAnswer('/v4/posting/fbs/ship', 'timeout');
    // The posting is read before packing; every read after the ship fails.
    let reads = 0;
    shop.intercept((req, pass) => {
      if (req.url.endsWith('/v3/posting/fbs/get') && ++reads > 1) throw new Error('Timeout');
      return pass(req);
    });
    const answer = shop.rt.callFromSidebar('shipOrder', {
      posting,
      packages: [{ items: p.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
    }) as Result;
    shop.intercept(undefined);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('ozon.unclear');
    expect(answer.error?.message).toContain('Check the order in the Ozon seller cabinet');
    expect(p.status).toBe('awaiting_deliver'); // it did happen; the add-on did not claim otherwise
  });

  test.each(HOWS)('a cancel whose answer is lost (%s) is reported as done', (how) => {
    const shop = synced();
    const posting = awaitingPackaging(shop)[1].postingNumber;
    const sent = counting(shop, '/v2/posting/fbs/cancel');
    shop.sim.loseAnswer('/v2/posting/fbs/cancel', how);
    const answer = shop.rt.run<Result>('cancelOrder', [
      { posting, reasonId: 352, message: '', confirmed: true },
    ]);
    expect(sent()).toBe(1);
    expect(shop.sim.state.postings.get(posting)?.status).toBe('cancelled');
    expect(answer.ok).toBe(true);
    expect(answer.data?.message).toContain(posting);
    expect(JSON.stringify(answer)).not.toMatch(/rejected|refused/i);
  });

  test.each(['approve', 'reject'] as const)(
    'a cancellation decision (%s) whose answer is lost is reported as Ozon recorded it',
    (decision) => {
      const shop = synced();
      shop.rt.run('syncService');
      const request = shop.sim.state.conditionalCancellations.find((c) => c.state === 'ON_APPROVAL');
      if (!request) throw new Error('no cancellation request');
      const path = `/v2/conditional-cancellation/${decision}`;
      const sent = counting(shop, path);
      shop.sim.loseAnswer(path, 'html502');
      const answer = shop.rt.run<Result>('decideCancellation', [
        { cancellationId: request.id, decision, confirmed: true, comment: 'Уже отправлен' },
      ]);
      expect([answer.ok, answer.error]).toEqual([true, undefined]);
      expect(sent()).toBe(1);
      expect(request.state).toBe(decision === 'approve' ? 'APPROVED' : 'REJECTED');
      expect(answer.ok).toBe(true);
      expect(answer.data?.message).toMatch(decision === 'approve' ? /approved/i : /rejected/i);
      expect(answer.data?.message).not.toMatch(/not confirm/i);
    },
  );

  test('an rFBS return action whose answer is lost is reported as done', () => {
    const shop = synced();
    shop.rt.run('syncService');
    const rfbs = shop.sim.state.rfbsReturns.find((r) => r.state === 'NEW');
    if (!rfbs) throw new Error('no rFBS return');
    const sent = counting(shop, '/v1/returns/rfbs/action/set');
    shop.sim.loseAnswer('/v1/returns/rfbs/action/set', 'garbled');
    const answer = shop.rt.run<Result>('rfbsReturnAction', [
      { returnId: rfbs.returnId, actionId: 1, confirmed: true },
    ]);
    expect(sent()).toBe(1);
    expect(rfbs.state).toBe('APPROVED');
    expect(answer.ok).toBe(true);
    expect(answer.data?.message).not.toMatch(/not confirm/i);
  });

  test('an rFBS "delivering" step whose answer is lost is reported from the re-read posting', () => {
    const shop = synced();
    const posting = [...shop.sim.state.postings.values()].find(
      (p) => p.scheme === 'rfbs' && p.status === 'awaiting_deliver',
    );
    if (!posting) throw new Error('no rFBS posting awaiting dispatch');
    const sent = counting(shop, '/v2/fbs/posting/delivering');
    shop.sim.loseAnswer('/v2/fbs/posting/delivering', 'timeout');
    const answer = shop.rt.run<Result>('moveRfbsOrders', [
      { postings: [posting.postingNumber], to: 'delivering' },
    ]);
    expect(sent()).toBe(1);
    expect(posting.status).toBe('delivering');
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer)).not.toMatch(/rejected|refused/i);
  });

  test('a chat reply whose answer is lost is sent once and reported as sent', () => {
    const shop = synced();
    shop.rt.run('syncService');
    const chat = [...shop.sim.state.chats.values()][0];
    if (!chat) throw new Error('no chat');
    const before = chat.messages.length;
    const sent = counting(shop, '/v1/chat/send/message');
    shop.sim.loseAnswer('/v1/chat/send/message', 'html502');
    const text = 'Здравствуйте! Отправили сегодня.';
    const answer = shop.rt.run<Result>('sendChatReply', [{ chatId: chat.chatId, text }]);
    expect(sent()).toBe(1);
    expect(chat.messages.length).toBe(before + 1);
    expect(answer).toMatchObject({ ok: true, data: { message: 'Message sent.' } });
    // Nothing stays pending: the same words later are a new reply.
    expect(shop.rt.properties.document.get('ODESK_CHAT_PENDING')).toBeUndefined();
  });

  test('a reply whose landing could not be checked is never sent twice by a second click', () => {
    const shop = synced();
    shop.rt.run('syncService');
    const chat = [...shop.sim.state.chats.values()][1];
    if (!chat) throw new Error('no chat');
    const before = chat.messages.length;
    const sent = counting(shop, '/v1/chat/send/message');
    const text = 'Your parcel left today.';
    shop.sim.loseAnswer('/v1/chat/send/message', 'timeout');
    shop.intercept(failReadsOf('/v3/chat/history'));
    const first = shop.rt.run<Result>('sendChatReply', [{ chatId: chat.chatId, text }]);
    shop.intercept(undefined);
    expect(first.ok).toBe(false);
    expect(first.error?.code).toBe('ozon.unclear');
    expect(first.error?.message).toContain('Check the chat in the Ozon seller cabinet');
    // The seller clicks Send again: the add-on reads the chat first and finds the reply there.
    const second = shop.rt.run<Result>('sendChatReply', [{ chatId: chat.chatId, text }]);
    expect(second).toMatchObject({ ok: true });
    expect(second.data?.message).toContain('already sent');
    expect(sent()).toBe(1);
    expect(chat.messages.length).toBe(before + 1);
  });
});

describe('the lock before acting (point 5)', () => {
  test('with the spreadsheet busy, no action reaches Ozon and each says so', () => {
    const shop = synced();
    shop.rt.run('syncService');
    const posting = awaitingPackaging(shop)[0];
    const request = shop.sim.state.conditionalCancellations.find((c) => c.state === 'ON_APPROVAL');
    const rfbs = shop.sim.state.rfbsReturns.find((r) => r.state === 'NEW');
    const chat = [...shop.sim.state.chats.values()][0];
    const rfbsPosting = [...shop.sim.state.postings.values()].find(
      (p) => p.scheme === 'rfbs' && p.status === 'awaiting_deliver',
    );
    if (!request || !rfbs || !chat || !rfbsPosting) throw new Error('the demo shop lacks something');
    const actions = [
      '/v4/posting/fbs/ship',
      '/v2/posting/fbs/cancel',
      '/v2/conditional-cancellation/approve',
      '/v1/returns/rfbs/action/set',
      '/v1/chat/send/message',
      '/v2/fbs/posting/delivering',
    ];
    shop.sim.resetStats();
    const release = shop.rt.lock.holdDocumentLock();
    const calls: [string, unknown][] = [
      [
        'shipOrder',
        {
          posting: posting.postingNumber,
          packages: [{ items: posting.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
        },
      ],
      ['cancelOrder', { posting: posting.postingNumber, reasonId: 352, confirmed: true }],
      ['decideCancellation', { cancellationId: request.id, decision: 'approve', confirmed: true }],
      ['rfbsReturnAction', { returnId: rfbs.returnId, actionId: 1, confirmed: true }],
      ['sendChatReply', { chatId: chat.chatId, text: 'Hello' }],
      ['moveRfbsOrders', { postings: [rfbsPosting.postingNumber], to: 'delivering' }],
    ];
    for (const [name, input] of calls) {
      const answer = shop.rt.run<Result>(name, [input]);
      expect([name, answer.ok]).toEqual([name, false]);
      expect(answer.error?.message).toMatch(/another/i);
    }
    release();
    for (const path of actions) expect([path, shop.sim.stats.byPath[path] ?? 0]).toEqual([path, 0]);
    expect(request.state).toBe('ON_APPROVAL');
    expect(rfbs.state).toBe('NEW');
  });
});
