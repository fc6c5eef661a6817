// Point 4: an action whose answer is lost after Ozon acted (a 5xx, a timeout, a garbled body) is never
// sent again: a ship is made once and the seller is not told "Ozon rejected … already shipped"; a chat
// reply is sent once.
import { demoShop, type DemoShop, type Intercept } from '../../support/shop';

jest.setTimeout(120_000);

type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

/** Lets the request reach Ozon (which acts), then loses the answer in one of three ways. */
function loseAnswerOf(path: string, how: 'html502' | 'timeout' | 'garbled', seen: string[]): Intercept {
  return (req, pass) => {
    const answer = pass(req);
    if (!req.url.endsWith(path)) return answer;
    seen.push(req.url);
    if (how === 'timeout') throw new Error('Timeout: request took too long');
    if (how === 'garbled')
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"result":' };
    return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502 Bad Gateway</html>' };
  };
}

function synced(): DemoShop {
  const shop = demoShop({ postings: 300, products: 30, days: 4 });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  shop.rt.run('syncOrders');
  return shop;
}

describe('answers lost after Ozon acted', () => {
  test.each(['html502', 'timeout', 'garbled'] as const)(
    'a ship whose answer is lost (%s) is sent once',
    (how) => {
      const shop = synced();
      const posting = [...shop.sim.state.postings.values()].find(
        (p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging',
      );
      if (!posting) throw new Error('no posting to ship');
      const checks = ['order', 'items', 'buyer', 'amount'];
      expect(
        shop.rt.callFromSidebar('verifyOrders', { postings: [posting.postingNumber], checked: checks }),
      ).toMatchObject({ ok: true });
      const seen: string[] = [];
      shop.intercept(loseAnswerOf('/v4/posting/fbs/ship', how, seen));
      const answer = shop.rt.callFromSidebar('shipOrder', {
        posting: posting.postingNumber,
        packages: [{ items: posting.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
      }) as Result;
      shop.intercept(undefined);
      expect(seen).toHaveLength(1); // never re-sent
      expect(shop.sim.state.postings.get(posting.postingNumber)?.status).toBe('awaiting_deliver');
      expect(JSON.stringify(answer)).not.toMatch(/ALREADY|rejected/i);
      // Either the desk found out what Ozon did, or it says plainly that the ship may have happened.
      if (!answer.ok) {
        expect(answer.error?.code).toBe('ozon.unclear');
        expect(answer.error?.message).toContain('may have gone through');
      }
    },
  );

  test('a chat reply whose answer is lost is sent once', () => {
    const shop = synced();
    shop.rt.run('syncService');
    const chat = [...shop.sim.state.chats.values()][0];
    if (!chat) throw new Error('no chat');
    const before = chat.messages.length;
    const seen: string[] = [];
    shop.intercept(loseAnswerOf('/v1/chat/send/message', 'html502', seen));
    const answer = shop.rt.run<Result>('sendChatReply', [
      { chatId: chat.chatId, text: 'Здравствуйте! Отправили сегодня.' },
    ]);
    shop.intercept(undefined);
    expect(seen).toHaveLength(1);
    expect(chat.messages.length).toBe(before + 1);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('ozon.unclear');
  });
});
