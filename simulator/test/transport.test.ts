// Ozon's transport: auth and key states, roles, retired and unknown paths, malformed bodies, faults at the
// configured rates, the rate limit on the clock, determinism, advance().
import { createSimulator } from '../index';
import { api, DAY, iso } from './support';

const fbsListBody = (now: number) => ({ limit: 10, filter: { since: iso(now - 5 * DAY), to: iso(now) } });

describe('auth', () => {
  const a = api({ seed: 31, postings: 100 });
  const { clientId, apiKey } = a.sim.credentials;
  const body = JSON.stringify(fbsListBody(a.sim.now()));

  it('accepts the credentials case-insensitively and refuses missing or wrong keys with code 7', () => {
    expect(a.raw('/v4/posting/fbs/list', body, { 'client-id': clientId, 'API-KEY': apiKey }).status).toBe(
      200,
    );
    const missing = a.raw('/v4/posting/fbs/list', body, { 'Client-Id': clientId });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({
      code: 7,
      message: 'Invalid Api-Key, please contact support',
      details: [],
    });
    const wrong = a.raw('/v4/posting/fbs/list', body, { 'Client-Id': clientId, 'Api-Key': 'nope' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.message).toBe('Invalid Api-Key, please contact support');
    expect(a.raw('/v4/posting/fbs/list', body, { 'Client-Id': '999', 'Api-Key': apiKey }).status).toBe(403);
  });

  it.each([
    ['deactivated', 'Api-key is deactivated'],
    ['ip_restricted', 'Api-Key is restricted to specific IP addresses'],
    ['offer_not_signed', 'Offer not signed'],
  ] as const)('key state %s answers 403 "%s"', (state, message) => {
    a.sim.setKeyState(state);
    const r = a.raw('/v4/posting/fbs/list', body, { 'Client-Id': clientId, 'Api-Key': apiKey });
    a.sim.setKeyState('ok');
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ code: 7, message, details: [] });
  });

  it('a key without the role of a method is refused; /v1/roles lists what the key may call', () => {
    a.sim.setRoles(['Posting FBO']);
    const r = a.call('/v4/posting/fbs/list', fbsListBody(a.sim.now()));
    expect(r.status).toBe(403);
    expect(r.json.message).toBe('Api-Key is missing a required role for a method');
    const roles = a.call('/v1/roles').json;
    a.sim.setRoles(['Admin']);
    expect(roles.roles).toEqual([
      { name: 'Posting FBO', methods: ['/v3/posting/fbo/list', '/v2/posting/fbo/get'] },
    ]);
    expect(Date.parse(roles.expires_at)).toBeGreaterThan(a.sim.now());
  });
});

describe('paths and bodies', () => {
  const a = api({ seed: 32, postings: 50 });

  it.each([
    '/v3/posting/fbs/list',
    '/v3/posting/fbs/unfulfilled/list',
    '/v2/posting/fbo/list',
    '/v3/finance/transaction/list',
    '/v1/warehouse/list',
    '/v2/chat/list',
    '/v2/chat/history',
    '/v2/fbs/posting/sent-by-seller',
    '/v1/posting/carriage-available/list',
    '/v9/does/not/exist',
  ])('%s answers 404', (path) => {
    const r = a.raw(path, '{}');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ code: 5, message: 'Not Found', details: [] });
  });

  it('malformed JSON is a 400 with code 3', () => {
    const r = a.raw('/v4/posting/fbs/list', '{"limit": 10, "filter": {');
    expect(r.status).toBe(400);
    expect(r.json.code).toBe(3);
    expect(a.raw('/v4/posting/fbs/list', '[1,2]').status).toBe(400);
  });

  it('is routed by path whatever the host, and GET on an API method is refused', () => {
    const r = a.sim.handle({
      method: 'POST',
      url: 'http://127.0.0.1:9/v1/roles',
      headers: { 'Client-Id': a.sim.credentials.clientId, 'Api-Key': a.sim.credentials.apiKey },
    });
    expect(r.status).toBe(200);
    expect(a.raw('/v1/roles', undefined, undefined, 'GET').status).toBe(405);
  });
});

describe('faults', () => {
  it('come at the configured rates, deterministically by seed, and are counted', () => {
    const run = () => {
      const a = api({ seed: 33, postings: 50 });
      a.sim.setRateLimit(null);
      a.sim.setFaults({
        rate429: 0.1,
        rate500: 0.05,
        rate503: 0.05,
        malformedRate: 0.1,
        slowRate: 0.1,
        slowMs: 9000,
        seed: 4,
      });
      const tally: Record<string, number> = {};
      let slow = 0;
      const n = 2000;
      for (let i = 0; i < n; i++) {
        const r = a.sim.handle({
          method: 'POST',
          url: '/v1/roles',
          headers: { 'Client-Id': a.sim.credentials.clientId, 'Api-Key': a.sim.credentials.apiKey },
          payload: '{}',
        });
        const kind = r.headers['x-sim-fault'] ?? String(r.status);
        tally[kind] = (tally[kind] ?? 0) + 1;
        if ((r.latencyMs ?? 0) >= 9000) slow++;
        if (kind === 'malformed') expect(() => JSON.parse(r.body as string)).toThrow();
        if (kind === 'rate429')
          expect(JSON.parse(r.body as string)).toEqual({
            code: 8,
            message: 'You have reached request rate limit per second',
            details: [],
          });
        if (kind === 'rate500' && r.headers['content-type'] === 'text/html')
          expect(r.body).toMatch(/^<html>/);
      }
      return { tally, slow, injected: a.sim.stats.faultsInjected, requests: a.sim.stats.requests };
    };
    const first = run();
    const { tally, slow } = first;
    const near = (count: number, rate: number, n: number) => Math.abs(count / n - rate) < 0.03;
    expect(near(tally.rate429, 0.1, 2000)).toBe(true);
    expect(near(tally.rate500, 0.05, 2000)).toBe(true);
    expect(near(tally.rate503, 0.05, 2000)).toBe(true);
    // malformed answers are drawn among the requests that got through (80%)
    expect(near(tally.malformed, 0.08, 2000)).toBe(true);
    expect(near(slow, 0.1, 2000)).toBe(true);
    expect(first.requests).toBe(2000);
    expect(first.injected).toBe(tally.rate429 + tally.rate500 + tally.rate503 + tally.malformed + slow);
    expect(run()).toEqual(first);
  });

  it('"Circle is open" blocks the method for a while on the clock', () => {
    const a = api({ seed: 34, postings: 50 });
    let t = a.sim.now();
    a.sim.setClock(() => t);
    a.sim.setFaults({ circleOpenRate: 1, circleOpenMs: 120_000, seed: 1 });
    expect(a.call('/v1/roles').json).toEqual({ code: 14, message: 'Circle is open', details: [] });
    a.sim.setFaults({ seed: 1 });
    expect(a.call('/v1/roles').status).toBe(200);
    a.sim.setFaults({ circleOpenRate: 1, circleOpenMs: 120_000, seed: 1 });
    a.call('/v1/roles');
    a.sim.setFaults({ circleOpenRate: 0, seed: 1 });
    // setFaults clears open circles; reopen and check it stays shut then reopens after the pause
    a.sim.setFaults({ circleOpenRate: 1, circleOpenMs: 120_000, seed: 2 });
    expect(a.call('/v1/roles').status).toBe(503);
    t += 60_000;
    expect(a.call('/v1/roles').status).toBe(503);
    expect(a.sim.stats.faultsInjected).toBeGreaterThanOrEqual(3);
  });
});

describe('rate limit', () => {
  it('allows 50 requests per second per Client-Id on the clock, then 429 code 8', () => {
    const a = api({ seed: 35, postings: 50 });
    let t = a.sim.now();
    a.sim.setClock(() => t);
    const statuses = Array.from({ length: 60 }, () => a.call('/v1/roles').status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    const limited = a.call('/v1/roles');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({
      code: 8,
      message: 'You have reached request rate limit per second',
      details: [],
    });
    t += 1000;
    expect(a.call('/v1/roles').status).toBe(200);
    a.sim.setRateLimit(5);
    t += 1000;
    expect(Array.from({ length: 8 }, () => a.call('/v1/roles').status).filter((s) => s === 429)).toHaveLength(
      3,
    );
    a.sim.setRateLimit(null);
    expect(Array.from({ length: 80 }, () => a.call('/v1/roles').status).every((s) => s === 200)).toBe(true);
  });

  it('/v2/products/stocks allows 80 calls a minute', () => {
    const a = api({ seed: 36, postings: 50 });
    let t = a.sim.now();
    a.sim.setClock(() => t);
    const p = a.sim.state.products[0];
    const wh = a.sim.state.warehouses[0].id;
    const statuses: number[] = [];
    for (let i = 0; i < 85; i++) {
      t += 100;
      statuses.push(
        a.call('/v2/products/stocks', {
          stocks: [{ product_id: p.productId, offer_id: p.offerId, stock: i, warehouse_id: wh }],
        }).status,
      );
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });
});

describe('determinism and time', () => {
  it('the same seed gives the same shop and the same answers; another seed differs', () => {
    const run = (seed: number) => {
      const a = api({ seed, postings: 300 });
      const now = a.sim.now();
      return a.call('/v4/posting/fbs/list', {
        limit: 100,
        filter: { since: iso(now - 31 * DAY), to: iso(now) },
        with: { financial_data: true },
      }).text;
    };
    expect(run(41)).toBe(run(41));
    expect(run(41)).not.toBe(run(42));
  });

  it('advance() brings new orders at the generated rate and moves statuses, keeping last_changed_status_date', () => {
    const sim = createSimulator({ seed: 43, postings: 3000, days: 30 });
    const t0 = sim.now();
    const before = new Map(
      [...sim.state.postings.values()].map((p) => [
        p.postingNumber,
        { status: p.status, changed: p.lastChangedStatusDate },
      ]),
    );
    sim.advance(48);
    expect(sim.now()).toBe(t0 + 48 * 3_600_000);
    const after = [...sim.state.postings.values()];
    const fresh = after.filter((p) => !before.has(p.postingNumber) && !p.parentPostingNumber);
    // 3000 postings over 30 days: ~200 in two days (orders can hold two postings)
    expect(fresh.length).toBeGreaterThan(150);
    expect(fresh.length).toBeLessThan(260);
    expect(fresh.every((p) => p.inProcessAt > t0 && p.inProcessAt <= t0 + 48 * 3_600_000)).toBe(true);
    let moved = 0;
    for (const p of after) {
      const b = before.get(p.postingNumber);
      if (!b) continue;
      if (b.status !== p.status) {
        moved++;
        expect(p.lastChangedStatusDate).toBeGreaterThan(b.changed);
        expect(p.lastChangedStatusDate).toBeLessThanOrEqual(sim.now());
      } else expect(p.lastChangedStatusDate).toBe(b.changed);
    }
    expect(moved).toBeGreaterThan(50);
    // FBS postings wait for the seller: none was packed by advance()
    const unpacked = after.filter(
      (p) => p.scheme === 'fbs' && before.get(p.postingNumber)?.status === 'awaiting_packaging',
    );
    expect(unpacked.every((p) => p.status === 'awaiting_packaging' || p.status === 'cancelled')).toBe(true);
  });

  it('with a clock provider, advance() shifts an offset added to it', () => {
    const sim = createSimulator({ seed: 44, postings: 50 });
    let t = sim.now();
    sim.setClock(() => t);
    sim.advance(2);
    expect(sim.now()).toBe(t + 2 * 3_600_000);
    t += 1000;
    expect(sim.now()).toBe(t + 2 * 3_600_000);
  });
});
