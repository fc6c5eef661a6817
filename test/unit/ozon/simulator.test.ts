// The client against the simulated Ozon, with faults on: paging is exact, retries end by the
// deadline, errors are typed and localised, the limiter holds on the clock.
import { describeError } from '../../../src/app/handler';
import type { Lang } from '../../../src/core/i18n/messages';
import { testOzonConnection } from '../../../src/ozon/connection';
import {
  OzonAuthError,
  OzonError,
  OzonIpError,
  OzonOfferError,
  OzonRoleError,
  OzonSubscriptionError,
  OzonUnavailableError,
} from '../../../src/ozon/errors';
import { iso, splitWindows, type WindowCursor } from '../../../src/ozon/paging';
import { harness, peakInWindow } from './sim-support';

const FAULTS = { rate429: 0.2, rate503: 0.05, malformedRate: 0.05, seed: 11 };
const DAY = 86_400_000;

function drain<P extends { posting_number: string }>(
  start: WindowCursor[],
  round: (w: WindowCursor[]) => { postings: P[]; windows: WindowCursor[] },
): { postings: P[]; rounds: number } {
  let windows = start;
  const postings: P[] = [];
  let rounds = 0;
  while (windows.some((w) => !w.done)) {
    const r = round(windows);
    postings.push(...r.postings);
    windows = r.windows;
    rounds++;
    if (rounds > 500) throw new Error('paging does not end');
  }
  return { postings, rounds };
}

function counts(numbers: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of numbers) m.set(n, (m.get(n) ?? 0) + 1);
  return m;
}

describe('posting windows against the simulator (20% 429, 5% 503, 5% malformed)', () => {
  const h = harness({ seed: 3, postings: 1500, days: 420 }, FAULTS);
  const client = h.client({ deadline: h.clock.now() + 30 * 60_000, maxTries: 8 });
  const to = h.sim.now();
  const from = to - 420 * DAY;

  it('returns every FBS/rFBS posting created in the period exactly once', () => {
    const windows = splitWindows(iso(from), iso(to), 6);
    expect(windows.length).toBeGreaterThanOrEqual(6);
    const { postings, rounds } = drain(windows, (w) =>
      client.fbsListRound(w, { by: 'created', limit: 100, parallel: 4 }),
    );
    const expected = [...h.sim.state.postings.values()]
      .filter((p) => p.scheme !== 'fbo' && p.inProcessAt >= from && p.inProcessAt <= to)
      .map((p) => p.postingNumber);
    const got = counts(postings.map((p) => p.posting_number));
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(got.keys())).toEqual(new Set(expected));
    expect(expected.length).toBeGreaterThan(1000);
    expect(rounds).toBeLessThan(expected.length / 100);
    // Both schemes come through and are told apart.
    const rfbs = postings.filter((p) => p.schema === 'rFBS').map((p) => p.posting_number);
    const simRfbs = [...h.sim.state.postings.values()]
      .filter((p) => p.scheme === 'rfbs' && p.inProcessAt >= from && p.inProcessAt <= to)
      .map((p) => p.postingNumber);
    expect(rfbs.length).toBeGreaterThan(0);
    expect(new Set(rfbs)).toEqual(new Set(simRfbs));
    expect(h.log.some((l) => l.fault === 'rate429') && h.log.some((l) => l.fault === 'malformed')).toBe(true);
  });

  it('returns every FBO posting exactly once', () => {
    const windows = splitWindows(iso(from), iso(to), 5);
    const { postings } = drain(windows, (w) => client.fboListRound(w, { parallel: 5 }));
    const expected = [...h.sim.state.postings.values()]
      .filter((p) => p.scheme === 'fbo' && p.inProcessAt >= from && p.inProcessAt <= to)
      .map((p) => p.postingNumber);
    const got = counts(postings.map((p) => p.posting_number));
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(got.keys())).toEqual(new Set(expected));
  });

  it('returns postings whose status changed in the period, each once', () => {
    const changedTo = h.sim.now();
    const changedFrom = changedTo - 40 * DAY;
    const before = new Map(
      [...h.sim.state.postings.values()].map((p) => [p.postingNumber, p.lastChangedStatusDate]),
    );
    const windows = splitWindows(iso(changedFrom), iso(changedTo), 4);
    const { postings } = drain(windows, (w) => client.fbsListRound(w, { by: 'changed' }));
    const got = counts(postings.map((p) => p.posting_number));
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    // Postings that did not change again while we paged must all be there.
    const stable = [...h.sim.state.postings.values()].filter(
      (p) =>
        p.scheme !== 'fbo' &&
        p.lastChangedStatusDate === before.get(p.postingNumber) &&
        p.lastChangedStatusDate >= changedFrom &&
        p.lastChangedStatusDate <= changedTo,
    );
    expect(stable.length).toBeGreaterThan(50);
    for (const p of stable) expect(got.has(p.postingNumber)).toBe(true);
  });

  it('puts a posting that lies exactly on a window boundary into one window only', () => {
    const p = [...h.sim.state.postings.values()].find(
      (x) => x.scheme !== 'fbo' && x.inProcessAt > from + DAY,
    );
    if (!p) throw new Error('no posting');
    const windows = splitWindows(iso(p.inProcessAt - DAY), iso(p.inProcessAt + DAY), 2);
    expect(windows[0].to).toBe(iso(p.inProcessAt));
    const { postings } = drain(windows, (w) => client.fbsListRound(w, { by: 'created' }));
    expect(postings.filter((x) => x.posting_number === p.postingNumber)).toHaveLength(1);
  });
});

describe('deadline and limits', () => {
  it('stops retrying before the deadline and says to try later', () => {
    const h = harness({ seed: 5, postings: 50 }, { rate503: 1, seed: 1 });
    const deadline = h.clock.now() + 20_000;
    const client = h.client({ deadline, maxTries: 50 });
    const started = h.clock.now();
    let error: unknown;
    try {
      client.roles();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OzonUnavailableError);
    expect((error as OzonError).message).toMatch(/try again in a few minutes/);
    expect(h.clock.now()).toBeLessThanOrEqual(deadline + 1000); // the last answer's latency may cross it
    expect(h.clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(deadline - started);
    expect(h.log.length).toBeGreaterThan(2);
  });

  it('keeps to 50 requests a second on the clock', () => {
    const h = harness({ seed: 6, postings: 3000, days: 60 });
    const client = h.client();
    const to = h.sim.now();
    const windows = splitWindows(iso(to - 60 * DAY), iso(to), 60);
    drain(windows, (w) => client.fbsListRound(w, { by: 'created', limit: 20, parallel: 60 }));
    expect(h.log.length).toBeGreaterThan(150);
    expect(peakInWindow(h.log, 1000)).toBeLessThanOrEqual(50);
    expect(h.log.filter((l) => l.status === 429)).toHaveLength(0);
  });

  it('keeps stock updates to 80 a minute, 100 pairs a request, one update per pair per 30 s', () => {
    const h = harness({ seed: 8, postings: 10, products: 120, warehouses: 3 });
    const client = h.client();
    const items = [...h.sim.state.stocks.keys()].slice(0, 300).map((key) => {
      const [productId, warehouseId] = key.split(':').map(Number);
      return { productId, warehouseId };
    });
    expect(items.length).toBe(300);
    // 300 distinct pairs, sent 30 times over with new values: 90 requests, paced to 80 a minute.
    let results = client.setStocks([]);
    for (let round = 0; round < 30; round++) {
      const updates = items.map((c, k) => ({
        product_id: c.productId,
        warehouse_id: c.warehouseId,
        stock: (k + round) % 50,
      }));
      results = client.setStocks(updates);
    }
    // Ozon's per-item refusals (archived products) come back per item; the rest is updated.
    const refused = results.filter((r) => !r.updated);
    expect(refused.every((r) => r.errors.length > 0 && !r.errors[0].code.startsWith('CLIENT_'))).toBe(true);
    expect(results.length - refused.length).toBeGreaterThan(200);
    const stockLog = h.log.filter((l) => l.path === '/v2/products/stocks');
    expect(stockLog).toHaveLength(90);
    expect(peakInWindow(h.log, 60_000, '/v2/products/stocks')).toBeLessThanOrEqual(80);
    expect(stockLog.every((l) => l.status === 200)).toBe(true);
    // The same pair went out at least 30 s apart each time.
    const firstPairTimes = stockLog.filter((_l, k) => k % 3 === 0).map((l) => l.at);
    for (let k = 1; k < firstPairTimes.length; k++) {
      expect(firstPairTimes[k] - firstPairTimes[k - 1]).toBeGreaterThanOrEqual(30_000);
    }
    const k = results.findIndex((r) => r.updated);
    const cell = h.sim.state.stocks.get(`${items[k].productId}:${items[k].warehouseId}`);
    expect(cell && cell.present - cell.reserved).toBe((k + 29) % 50);
  });
});

describe('access problems, in three languages', () => {
  const cases: [string, (h: ReturnType<typeof harness>) => void, new (...a: never[]) => OzonError, RegExp][] =
    [
      ['deactivated key', (h) => h.sim.setKeyState('deactivated'), OzonAuthError, /new key/],
      ['IP-restricted key', (h) => h.sim.setKeyState('ip_restricted'), OzonIpError, /IP restriction/],
      ['offer not signed', (h) => h.sim.setKeyState('offer_not_signed'), OzonOfferError, /accept the offer/],
      ['missing role', (h) => h.sim.setRoles(['Posting FBS']), OzonRoleError, /\/v2\/products\/stocks/],
    ];
  it.each(cases)('%s', (_name, setup, type, english) => {
    const h = harness({ seed: 9, postings: 20 });
    setup(h);
    const [productId, warehouseId] = [...h.sim.state.stocks.keys()][0].split(':').map(Number);
    let error: unknown;
    try {
      h.client().setStocks([{ product_id: productId, warehouse_id: warehouseId, stock: 1 }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(english);
    const messages = (['en', 'ru', 'zh'] as Lang[]).map((l) => {
      const r = describeError(error, l);
      return r.ok ? '' : r.error.message;
    });
    expect(new Set(messages).size).toBe(3);
    for (const m of messages) expect(m).not.toContain(h.sim.credentials.apiKey);
  });

  it('a wrong key is an auth error, and the key never shows', () => {
    const h = harness({ seed: 9, postings: 20 });
    const wrong = { clientId: h.sim.credentials.clientId, apiKey: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' };
    expect(() => testOzonConnection(wrong, h.http, h.clock)).toThrow(OzonAuthError);
  });

  it('sending a chat message without Premium is a subscription error', () => {
    const h = harness({ seed: 9, postings: 50 });
    h.sim.setSubscription('none');
    const chat = h.sim.state.chats[0];
    expect(() => h.client().sendChatMessage(chat.chatId, 'Hello')).toThrow(OzonSubscriptionError);
  });
});

describe('test connection and exact ids', () => {
  it('reports roles and method count, never the key', () => {
    const h = harness({ seed: 10, postings: 20 });
    h.sim.setRoles(['Posting FBS', 'Product']);
    const report = testOzonConnection(h.sim.credentials, h.http, h.clock);
    expect(report.roles).toEqual(['Posting FBS', 'Product']);
    expect(report.methodsCount).toBeGreaterThan(0);
    expect(report.clientId).toBe(h.sim.credentials.clientId);
    expect(JSON.stringify(report)).not.toContain(h.sim.credentials.apiKey);
  });

  it('keeps chat message ids above 2^53 exact', () => {
    const h = harness({ seed: 12, postings: 50 });
    const client = h.client();
    const chat = h.sim.state.chats.find((c) => c.messages.length > 0);
    if (!chat) throw new Error('no chat');
    const history = client.chatHistory(chat.chatId, { limit: 100 });
    const simIds = chat.messages.map((m) => String(m.id));
    expect(history.messages.length).toBeGreaterThan(0);
    for (const m of history.messages) {
      expect(simIds).toContain(m.message_id);
      expect(BigInt(m.message_id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
  });
});
