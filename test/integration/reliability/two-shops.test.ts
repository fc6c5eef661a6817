// Point 6: a workbook belongs to one Ozon cabinet. A second user of the same spreadsheet whose key is
// for another cabinet cannot save that key here, and a key saved elsewhere is refused by every sync,
// desk action and trigger run before anything is read or written: the other shop's postings never
// mix in, its run never starts from the first shop's position, and nothing of the first shop is lost.
import { createSimulator } from '../../../simulator';
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';

jest.setTimeout(180_000);

type Result = {
  ok: boolean;
  data?: { result?: string; message?: string };
  error?: { code: string; message: string };
};

const OTHER = { clientId: '777001', apiKey: 'other-cabinet-key-0001' };

/** Two cabinets behind one Ozon: requests go to the simulator of their Client-Id. */
function twoCabinets() {
  const shop = demoShop({ postings: 300, days: 10 });
  const other = createSimulator({
    seed: 99,
    postings: 120,
    days: 10,
    clientId: OTHER.clientId,
    apiKey: OTHER.apiKey,
    now: '2026-11-20T09:00:00Z',
  });
  other.setClock(() => shop.rt.clock.now());
  shop.intercept((req, pass) => {
    const id = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'client-id')?.[1];
    return id === OTHER.clientId ? other.handle(req) : pass(req);
  });
  return { shop, other };
}

/** Runs `fn` as another Google user of the same spreadsheet: own user properties, same document. */
function asSecondUser<T>(shop: DemoShop, props: Record<string, string>, fn: () => T): T {
  const user = shop.rt.properties.user;
  const first = new Map(user);
  user.clear();
  for (const [k, v] of Object.entries(props)) user.set(k, v);
  try {
    return fn();
  } finally {
    user.clear();
    for (const [k, v] of first) user.set(k, v);
  }
}

const postingsOf = (shop: DemoShop) =>
  tabRecords(shop.rt, 'Orders')
    .map((r) => String(r['Posting number']))
    .sort();

describe('two shops, one spreadsheet', () => {
  test('a second user with another cabinet is refused everywhere; the first shop loses nothing', () => {
    const { shop, other } = twoCabinets();
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
    expect(shop.rt.run<Result>('syncOrders').data?.result).toBe('done');
    const doc = shop.rt.properties.document;
    expect(doc.get('ODESK_SHOP')).toBe(shop.sim.credentials.clientId);
    const before = postingsOf(shop);
    expect(before.length).toBe(shop.sim.state.postings.size);
    const state = ['ODESK_SYNC_MARK', 'ODESK_SYNC_JOB', 'ODESK_ORDERS_COUNT', 'ODESK_SHOP'].map((k) =>
      doc.get(k),
    );
    const logRows = tabRecords(shop.rt, 'Sync log').length;

    asSecondUser(shop, { ODESK_LANGUAGE: 'en' }, () => {
      // Saving the other cabinet's key in this spreadsheet is refused, and nothing is saved.
      const saved = shop.rt.callFromSidebar('saveSettings', {
        clientId: OTHER.clientId,
        apiKey: OTHER.apiKey,
        language: 'en',
      }) as Result;
      expect(saved.ok).toBe(false);
      expect(saved.error?.code).toBe('shop.other');
      expect(saved.error?.message).toContain(`belongs to Ozon cabinet ${shop.sim.credentials.clientId}`);
      expect(shop.rt.properties.user.get('OZON_API_KEY')).toBeUndefined();
    });

    // The same user saved that key in another spreadsheet (user properties follow the user).
    const second = { ODESK_LANGUAGE: 'en', OZON_CLIENT_ID: OTHER.clientId, OZON_API_KEY: OTHER.apiKey };
    asSecondUser(shop, second, () => {
      other.resetStats();
      const sync = shop.rt.run<Result>('syncOrders');
      expect(sync.data?.result).toBe('failed');
      expect(sync.data?.message).toContain(`belongs to Ozon cabinet ${shop.sim.credentials.clientId}`);
      for (const name of ['syncService', 'pushStockToOzon', 'getCancelReasons']) {
        const answer = shop.rt.run<Result>(name, name === 'getCancelReasons' ? [{}] : []);
        expect([name, JSON.stringify(answer)]).toEqual([
          name,
          expect.stringContaining('belongs to Ozon cabinet'),
        ]);
      }
      const posting = before[0];
      const cancel = shop.rt.run<Result>('cancelOrder', [{ posting, reasonId: 352, confirmed: true }]);
      expect(cancel.error?.code).toBe('shop.other');
      expect(other.stats.requests).toBe(0); // not one call with the other cabinet's key
    });

    // Nothing of the first shop moved or was lost; the refusal is in the Sync log.
    expect(postingsOf(shop)).toEqual(before);
    expect(
      ['ODESK_SYNC_MARK', 'ODESK_SYNC_JOB', 'ODESK_ORDERS_COUNT', 'ODESK_SHOP'].map((k) => doc.get(k)),
    ).toEqual(state);
    const log = tabRecords(shop.rt, 'Sync log');
    const refused = log.slice(logRows);
    expect(refused.length).toBeGreaterThan(0);
    for (const row of refused) expect(String(row['Error'])).toContain('belongs to Ozon cabinet');
    const numbers = new Set([...other.state.postings.keys()]);
    expect(before.some((n) => numbers.has(n))).toBe(false);

    // The first user syncs on from the shop's own position.
    shop.rt.clock.advance(3_600_000);
    const again = shop.rt.run<Result>('syncOrders');
    expect(again.data?.result).toBe('done');
    const after = postingsOf(shop);
    expect(after.length).toBe(shop.sim.state.postings.size);
    for (const n of before) expect(after).toContain(n);
    expect(after.some((n) => numbers.has(n))).toBe(false);
  });

  test('a key Ozon refuses binds nothing: the right key of another cabinet still works in a new workbook', () => {
    const { shop } = twoCabinets();
    shop.rt.properties.user.set('OZON_API_KEY', 'wrong-key-0000');
    expect(shop.rt.run<Result>('syncOrders').data?.result).toBe('failed');
    expect(shop.rt.properties.document.get('ODESK_SHOP')).toBeUndefined();
    shop.rt.properties.user.set('OZON_CLIENT_ID', OTHER.clientId);
    shop.rt.properties.user.set('OZON_API_KEY', OTHER.apiKey);
    expect(shop.rt.run<Result>('syncOrders').data?.result).toBe('done');
    expect(shop.rt.properties.document.get('ODESK_SHOP')).toBe(OTHER.clientId);
  });
});
