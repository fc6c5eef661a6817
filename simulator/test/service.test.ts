// Returns, rFBS return requests, chats (ids above 2^53 stay exact), the HTTP server round trip.
import { createSimulator, startServer } from '../index';
import { validateResponse } from '../openapi';
import { api } from './support';

describe('returns', () => {
  const a = api({ seed: 71, postings: 2000 });

  it('/v1/returns/list pages by last_id with has_next', () => {
    const ids: number[] = [];
    let last = 0;
    for (let i = 0; i < 100; i++) {
      const r = a.call('/v1/returns/list', { limit: 7, last_id: last }).json;
      ids.push(...r.returns.map((x: { id: number }) => x.id));
      if (!r.has_next) break;
      last = r.returns[r.returns.length - 1].id;
    }
    expect(ids).toEqual(a.sim.state.returns.map((r) => r.id));
    expect(a.call('/v1/returns/list', { limit: 501 }).status).toBe(400);
  });

  it('rFBS return requests: list, get, approve, then refund; unavailable actions are refused', () => {
    const fresh = a.sim.state.rfbsReturns.find((r) => r.state === 'NEW')!;
    const got = a.call('/v2/returns/rfbs/get', { return_id: fresh.returnId }).json.returns;
    expect(got.available_actions.map((x: { id: number }) => x.id)).toEqual([1, -1]);
    expect(a.call('/v1/returns/rfbs/action/set', { return_id: fresh.returnId, id: 3 }).status).toBe(400);
    expect(a.call('/v1/returns/rfbs/action/set', { return_id: fresh.returnId, id: -1 }).status).toBe(400);
    expect(a.call('/v1/returns/rfbs/action/set', { return_id: fresh.returnId, id: 1 }).status).toBe(200);
    expect(a.call('/v2/returns/rfbs/get', { return_id: fresh.returnId }).json.returns.state.state).toBe(
      'APPROVED',
    );
    expect(a.call('/v1/returns/rfbs/action/set', { return_id: fresh.returnId, id: 3 }).status).toBe(200);
    const listed = a.call('/v2/returns/rfbs/list', {
      limit: 1000,
      filter: { posting_number: fresh.postingNumber },
    }).json.returns;
    expect(listed[0].state.state).toBe('MONEY_RETURNED');
  });
});

describe('chats', () => {
  const a = api({ seed: 72, postings: 800 });

  it('keep message ids above 2^53 exact in the JSON text and page history from one', () => {
    const list = a.call('/v3/chat/list', { limit: 100 });
    const chat = a.sim.state.chats.find((c) => c.messages.length >= 3)!;
    const lastId = chat.messages[chat.messages.length - 1].id;
    expect(lastId > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(list.text).toContain(`"last_message_id":${lastId.toString()}`);
    const from = chat.messages[1].id.toString();
    const back = a.raw(
      '/v3/chat/history',
      `{"chat_id":"${chat.chatId}","direction":"Backward","from_message_id":${from},"limit":10}`,
    );
    expect(back.status).toBe(200);
    const ids = [...back.text.matchAll(/"message_id":(\d+)/g)].map((m) => m[1]);
    expect(ids).toEqual([chat.messages[1].id.toString(), chat.messages[0].id.toString()]);
  });

  it('send a message; without Premium Plus sending is a 403', () => {
    const chat = a.sim.state.chats.find((c) => c.type === 'BUYER_SELLER')!;
    const n = chat.messages.length;
    expect(
      a.call('/v1/chat/send/message', { chat_id: chat.chatId, text: 'Отправили, трек RA123' }).json,
    ).toEqual({ result: 'success' });
    expect(chat.messages).toHaveLength(n + 1);
    a.sim.setSubscription('none');
    expect(a.call('/v1/chat/send/message', { chat_id: chat.chatId, text: 'ещё' }).status).toBe(403);
    a.sim.setSubscription('premium_plus');
    expect(a.call('/v1/chat/send/message', { chat_id: 'nope', text: 'x' }).status).toBe(404);
  });
});

describe('HTTP server', () => {
  it('answers on 127.0.0.1 with Ozon headers, JSON and PDF bodies', async () => {
    const sim = createSimulator({ seed: 73, postings: 200 });
    const server = await startServer(sim, 0);
    try {
      const headers = {
        'Client-Id': sim.credentials.clientId,
        'Api-Key': sim.credentials.apiKey,
        'Content-Type': 'application/json',
      };
      const roles = await fetch(`http://127.0.0.1:${server.port}/v1/roles`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(roles.status).toBe(200);
      expect(validateResponse('/v1/roles', 200, await roles.text())).toEqual([]);
      const denied = await fetch(`http://127.0.0.1:${server.port}/v1/roles`, { method: 'POST', body: '{}' });
      expect(denied.status).toBe(401);
      expect(await denied.json()).toEqual({
        code: 7,
        message: 'Invalid Api-Key, please contact support',
        details: [],
      });
      const retired = await fetch(`http://127.0.0.1:${server.port}/v3/posting/fbs/list`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(retired.status).toBe(404);
      const packed = [...sim.state.postings.values()].find(
        (p) => p.status === 'awaiting_deliver' && p.scheme === 'fbs',
      )!;
      const label = await fetch(`http://127.0.0.1:${server.port}/v2/posting/fbs/package-label`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ posting_number: [packed.postingNumber] }),
      });
      expect(label.status).toBe(200);
      expect(label.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await label.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      expect(sim.stats.requests).toBe(4);
    } finally {
      await server.close();
    }
  });
});
