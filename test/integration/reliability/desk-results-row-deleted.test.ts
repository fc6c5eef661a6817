// Point 1, the desk's results after Ozon acted: ship, labels, tracking numbers, rFBS moves and
// handovers write their result to the order's Orders row once Ozon has acted. A hook deletes that
// row at the n-th service call after the action's request (for every n the action makes); whatever
// the moment, the seller is told: either the row is back at once (with the result on it) and the
// outcome says so, or the outcome says the row was deleted and the next sync brings it back, which
// it does. Only a delete after the action's last Sheets call needs no word (the seller's own, later).
import { t, type MessageKey } from '../../../src/core/i18n/messages';
import { deleteRowOf } from '../../support/seller';
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';

jest.setTimeout(900_000);

interface Outcome {
  posting: string;
  ok: boolean;
  message: string;
}
type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const CHECKS = ['order', 'items', 'buyer', 'amount'];

function ok<T = { message: string; results: Outcome[] }>(shop: DemoShop, name: string, input: unknown): T {
  const r = shop.rt.callFromSidebar(name, input) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.data;
}

function orderRow(shop: DemoShop, posting: string): Record<string, unknown> | undefined {
  return tabRecords(shop.rt, 'Orders').find((r) => r['Posting number'] === posting);
}

/**
 * Deletes `posting`'s Orders row at the n-th service call after the request to `path` went to Ozon.
 * Answers whether it did, and whether a Sheets API call came after the delete.
 */
function deleteAfter(shop: DemoShop, path: string, posting: () => string, n: number) {
  const state = { acted: false, calls: 0, deleted: false, sheetsAfter: false };
  shop.intercept((req, pass) => {
    const res = pass(req);
    if (req.url.includes(path)) state.acted = true;
    return res;
  });
  shop.rt.onServiceCall((call) => {
    if (state.deleted && call.kind === 'advancedSheets') state.sheetsAfter = true;
    if (!state.acted || state.deleted) return;
    if (state.calls++ === n) {
      deleteRowOf(shop.rt, 'Orders', 'Posting number', posting());
      state.deleted = true;
    }
  });
  return {
    state,
    done() {
      shop.rt.onServiceCall(undefined);
      shop.intercept(undefined);
    },
  };
}

function synced(): DemoShop {
  const shop = demoShop({ postings: 900, products: 30, days: 4 });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  ok(shop, 'syncOrders', {});
  return shop;
}

const taken = new Set<string>();

type Posting = DemoShop['sim']['state']['postings'] extends Map<string, infer P> ? P : never;

const warehouseOf = (shop: DemoShop, p: Posting) =>
  shop.sim.state.warehouses.find((w) => w.id === p.warehouseId)!;

function fresh(
  shop: DemoShop,
  scheme: 'fbs' | 'rfbs',
  pred: (p: Posting) => boolean = () => true,
): { posting: string; units: unknown[] } | undefined {
  const p = [...shop.sim.state.postings.values()].find(
    (x) =>
      !taken.has(x.postingNumber) &&
      x.scheme === scheme &&
      x.status === 'awaiting_packaging' &&
      !x.compliance &&
      pred(x) &&
      orderRow(shop, x.postingNumber) !== undefined,
  );
  if (!p) return undefined;
  taken.add(p.postingNumber);
  ok(shop, 'verifyOrders', { postings: [p.postingNumber], checked: CHECKS });
  return {
    posting: p.postingNumber,
    units: p.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })),
  };
}

function shipped(shop: DemoShop, scheme: 'fbs' | 'rfbs', pred?: (p: Posting) => boolean): string | undefined {
  const p = fresh(shop, scheme, pred);
  if (!p) return undefined;
  ok(shop, 'shipOrder', { posting: p.posting, packages: [{ items: p.units }] });
  return p.posting;
}

interface Case {
  name: string;
  path: string;
  /** Makes a posting ready for the action (undefined: none left). */
  prepare(shop: DemoShop): string | undefined;
  act(shop: DemoShop, posting: string, n: number): Outcome;
  /** The note told when the row was gone for the result's write. */
  gone: MessageKey;
  /** The result the row holds once it is there. */
  holds(row: Record<string, unknown>, n: number): boolean;
}

let tracked: string | undefined;

const CASES: Case[] = [
  {
    name: 'ship',
    path: '/v4/posting/fbs/ship',
    prepare: (shop) => {
      const p = fresh(shop, 'fbs');
      return p && `${p.posting}|${JSON.stringify(p.units)}`;
    },
    act: (shop, key) => {
      const [posting, units] = key.split('|');
      return ok(shop, 'shipOrder', { posting, packages: [{ items: JSON.parse(units) as unknown[] }] })
        .results[0];
    },
    gone: 'desk.rowGone.shipped',
    holds: (row) => row['Packages'] === 1 && row['Status code'] === 'awaiting_deliver',
  },
  {
    name: 'print labels',
    path: '/v2/posting/fbs/package-label',
    prepare: (shop) => shipped(shop, 'fbs'),
    act: (shop, posting) => ok(shop, 'printLabels', { postings: [posting] }).results[0],
    gone: 'desk.rowGone.label',
    holds: (row) => String(row['Label']).length > 0,
  },
  {
    name: 'set tracking number',
    path: '/v2/fbs/posting/tracking-number/set',
    // One posting takes a new tracking number and carrier at every try.
    prepare: (shop) => (tracked ??= shipped(shop, 'rfbs')),
    act: (shop, posting, n) =>
      ok(shop, 'setTrackingNumbers', {
        items: [{ posting, trackingNumber: `CDEK-00${100 + n}`, carrier: `Carrier ${n}` }],
      }).results[0],
    gone: 'desk.rowGone.tracking',
    holds: (row, n) => row['Tracking number'] === `CDEK-00${100 + n}` && row['Carrier'] === `Carrier ${n}`,
  },
  {
    name: 'move rFBS to delivering',
    path: '/v2/fbs/posting/delivering',
    prepare: (shop) => shipped(shop, 'rfbs'),
    act: (shop, posting) => ok(shop, 'moveRfbsOrders', { postings: [posting], to: 'delivering' }).results[0],
    gone: 'desk.rowBack',
    holds: (row) => row['Status code'] === 'delivering',
  },
];

describe("the desk's results when the order's row is deleted after Ozon acted", () => {
  let shop: DemoShop;
  beforeAll(() => {
    shop = synced();
  });

  for (const c of CASES)
    test(`${c.name}: a delete at every service call after the action is told, and the next sync restores the row`, () => {
      const problems: string[] = [];
      let told = 0;
      let back = 0;
      for (let n = 0; ; n++) {
        const key = c.prepare(shop);
        if (!key) throw new Error(`${c.name}: no posting left for n = ${n}`);
        const posting = key.split('|')[0];
        const hook = deleteAfter(shop, c.path, () => posting, n);
        let outcome: Outcome;
        try {
          outcome = c.act(shop, key, n);
        } finally {
          hook.done();
        }
        if (!hook.state.deleted) break;
        const label = `${c.name}, delete at call ${n} after the action`;
        const row = orderRow(shop, posting);
        const backNote = t('en', 'desk.rowBack');
        const goneNote = t('en', c.gone);
        if (!outcome.ok) problems.push(`${label}: failed: ${outcome.message}`);
        if (row) {
          back++;
          if (!outcome.message.endsWith(backNote))
            problems.push(`${label}: back in Orders untold: ${outcome.message}`);
          if (!c.holds(row, n)) problems.push(`${label}: the row is back without the result`);
        } else if (hook.state.sheetsAfter) {
          told++;
          if (!outcome.message.endsWith(goneNote)) problems.push(`${label}: not told: ${outcome.message}`);
        }
        if (!row) {
          ok(shop, 'syncOrders', {});
          const now = orderRow(shop, posting);
          const status = shop.sim.state.postings.get(posting)?.status;
          if (!now || now['Status code'] !== status)
            problems.push(
              `${label}: the next sync left it ${now ? String(now['Status code']) : 'out of Orders'}`,
            );
        }
      }
      expect(problems).toEqual([]);
      expect(told + back).toBeGreaterThan(2);
    });

  test('a handover: a row deleted after Ozon approved the shipping is told, and the next sync restores it', () => {
    const posting = shipped(shop, 'fbs', (p) => warehouseOf(shop, p).recommendedTime !== '')!;
    const method = warehouseOf(shop, shop.sim.state.postings.get(posting)!).deliveryMethodId;
    let deleted = false;
    let acted = false;
    shop.intercept((req, pass) => {
      const res = pass(req);
      if (req.url.includes('/v1/carriage/approve') || req.url.includes('/v2/posting/fbs/act/create'))
        acted = true;
      return res;
    });
    shop.rt.onServiceCall((call) => {
      if (acted && !deleted && call.kind === 'advancedSheets') {
        deleteRowOf(shop.rt, 'Orders', 'Posting number', posting);
        deleted = true;
      }
    });
    let done: { message: string; results: { ok: boolean; message: string }[] };
    try {
      done = ok(shop, 'handOverParcels', { deliveryMethodId: method });
    } finally {
      shop.rt.onServiceCall(undefined);
      shop.intercept(undefined);
    }
    expect(deleted).toBe(true);
    expect(orderRow(shop, posting)).toBeUndefined();
    expect(done.results[0].ok).toBe(true);
    expect(done.results[0].message).toContain(t('en', 'handover.rowsGone', { list: posting }).slice(0, 40));
    expect(done.results[0].message).toContain(posting);
    ok(shop, 'syncOrders', {});
    expect(orderRow(shop, posting)?.['Status code']).toBe(shop.sim.state.postings.get(posting)?.status);
  });
});
