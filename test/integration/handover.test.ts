// Handing over and the data Ozon needs before packing, on the built bundle in the local runtime with the
// Ozon simulator behind UrlFetch: a day's handover from ship to the act PDF in Drive (shipping and act
// flows), an act with a mismatch, a posting that needs a country and marking codes, ship_failed, and the
// localised refusals of a wrong marking code and of a departure date in the past.
import { t } from '../../src/core/i18n/messages';
import type { Posting } from '../../simulator/model';
import { demoShop, tabRecords, type DemoShop } from '../support/shop';

jest.setTimeout(180_000);

type Result<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

interface Handed {
  message: string;
  results: { method: string; id: number | null; ok: boolean; message: string; actUrl?: string }[];
  actUrl?: string;
}

function call<T>(shop: DemoShop, name: string, input?: unknown): Result<T> {
  return shop.rt.callFromSidebar(name, input) as Result<T>;
}

function ok<T = Handed>(shop: DemoShop, name: string, input?: unknown): T {
  const r = call<T>(shop, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.data;
}

function fails(shop: DemoShop, name: string, input: unknown) {
  const r = call(shop, name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(r.data)}`);
  return r.error;
}

const row = (shop: DemoShop, tab: string, key: string, value: string) => {
  const found = tabRecords(shop.rt, tab).find((r) => String(r[key]) === value);
  if (!found) throw new Error(`no ${tab} row with ${key} ${value}`);
  return found;
};
const order = (shop: DemoShop, posting: string) => row(shop, 'Orders', 'Posting number', posting);

const ALL_CHECKS = ['order', 'items', 'buyer', 'amount'];
const taken = new Set<string>();

function open(shop: DemoShop, pred: (p: Posting) => boolean): Posting {
  const p = [...shop.sim.state.postings.values()].find(
    (x) => !taken.has(x.postingNumber) && x.status === 'awaiting_packaging' && !x.compliance && pred(x),
  );
  if (!p) throw new Error('no open posting left');
  taken.add(p.postingNumber);
  return p;
}

const warehouseOf = (shop: DemoShop, p: Posting) =>
  shop.sim.state.warehouses.find((w) => w.id === p.warehouseId)!;

function packed(shop: DemoShop, p: Posting): void {
  ok(shop, 'verifyOrders', { postings: [p.postingNumber], checked: ALL_CHECKS });
  ok(shop, 'shipOrder', {
    posting: p.postingNumber,
    packages: [{ items: p.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
  });
  expect(shop.sim.state.postings.get(p.postingNumber)!.status).toBe('awaiting_deliver');
}

function pdfText(shop: DemoShop, url: string): string {
  const file = shop.rt.drive.find((f) => f.url === url);
  if (!file) throw new Error(`no Drive file ${url}`);
  expect(file.mimeType).toBe('application/pdf');
  return Buffer.from(file.bytes).toString('latin1');
}

function newShop(): DemoShop {
  const shop = demoShop({ postings: 400, products: 30, days: 4 });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  return shop;
}

describe('handing over in the runtime', () => {
  let shop: DemoShop;
  beforeAll(() => {
    shop = newShop();
    ok(shop, 'syncOrders');
  });

  it("a day's handover: ship, shipping created and approved, act and waybill PDF in Drive, act on the rows", () => {
    const p = open(shop, (x) => x.scheme === 'fbs' && warehouseOf(shop, x).recommendedTime !== '');
    packed(shop, p);
    const wh = warehouseOf(shop, p);
    const day = ok<{ date: string; methods: { id: number; flow: string; ready: number }[] }>(
      shop,
      'getHandoverDay',
    );
    const method = day.methods.find((m) => m.id === wh.deliveryMethodId)!;
    expect(method.flow).toBe('carriage');
    expect(method.ready).toBeGreaterThan(0);

    const files = shop.rt.drive.length;
    const done = ok(shop, 'handOverParcels', { deliveryMethodId: wh.deliveryMethodId });
    expect(done.results).toHaveLength(1);
    expect(done.results[0].ok).toBe(true);
    const id = done.results[0].id!;
    const carriage = shop.sim.state.carriages.get(id)!;
    expect(carriage.kind).toBe('carriage');
    expect(carriage.status).toBe('formed');
    expect(carriage.postingNumbers).toContain(p.postingNumber);
    expect(done.message).toBe(
      t('en', 'handover.done.carriage', {
        id,
        method: wh.deliveryMethodName,
        count: carriage.postingNumbers.length,
      }),
    );
    // the act and waybill PDF, and the shipping's barcode as the PNG Ozon gave
    expect(shop.rt.drive.length).toBe(files + 2);
    expect(pdfText(shop, done.actUrl!)).toContain(p.postingNumber);
    const saved = shop.rt.drive.slice(files);
    const png = saved.find((f) => f.mimeType === 'image/png')!;
    expect(png.name).toMatch(new RegExp(`${id}.*\\.png$`));
    expect([...png.bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const h = row(shop, 'Handovers', 'Act / shipping', String(id));
    expect(h['Delivery method']).toBe(wh.deliveryMethodName);
    expect(h['Postings']).toBe(carriage.postingNumbers.length);
    expect(h['Status']).toBe(t('en', 'handover.status.formed'));
    expect(h['Act and waybill (PDF)']).toBe(done.actUrl);
    expect(h['Barcode']).toBe(png.url);
    expect(String(h['Posting numbers'])).toContain(p.postingNumber);
    expect(order(shop, p.postingNumber)['Act']).toBe(String(id));

    // Nothing is handed over twice: the method has no packed posting left.
    const again = ok(shop, 'handOverParcels', { deliveryMethodId: wh.deliveryMethodId });
    expect(again.results).toEqual([]);
    expect([...shop.sim.state.carriages.values()].filter((c) => c.kind === 'carriage')).toHaveLength(1);
  });

  it('the menu hands over every method of today: the act flow where Ozon offers no drop-off time', () => {
    const p = open(shop, (x) => x.scheme === 'fbs' && warehouseOf(shop, x).recommendedTime === '');
    packed(shop, p);
    const wh = warehouseOf(shop, p);
    const before = shop.sim.state.carriages.size;
    shop.rt.run('handOverTodaysParcels');
    const methods = shop.sim.state.carriages.size - before;
    expect(methods).toBeGreaterThanOrEqual(1);
    const act = [...shop.sim.state.carriages.values()].find(
      (c) => c.kind === 'act' && c.postingNumbers.includes(p.postingNumber),
    )!;
    expect(act.deliveryMethodId).toBe(wh.deliveryMethodId);
    const h = row(shop, 'Handovers', 'Act / shipping', String(act.id));
    expect(h['Kind']).toBe(t('en', 'handover.kind.act'));
    expect(pdfText(shop, String(h['Act and waybill (PDF)']))).toContain(p.postingNumber);
    expect(order(shop, p.postingNumber)['Act']).toBe(String(act.id));
    // The menu answers with a toast: every method with packed parcels handed over, none failed.
    const toast = shop.rt.ui.toasts[shop.rt.ui.toasts.length - 1].message;
    expect(toast).toContain(t('en', 'handover.many', { ok: methods, total: methods, failed: 0 }));
  });

  it('an act with a mismatch: the Handovers row shows the certificate to sign, Orders the posting Ozon did not accept', () => {
    const p = open(shop, (x) => x.scheme === 'fbs' && warehouseOf(shop, x).recommendedTime !== '');
    packed(shop, p);
    const wh = warehouseOf(shop, p);
    const done = ok(shop, 'handOverParcels', { deliveryMethodId: wh.deliveryMethodId });
    const id = done.results[0].id!;
    shop.sim.handover.loseAtAcceptance(p.postingNumber);
    shop.rt.clock.advance(26 * 3_600_000);
    const refreshed = ok(shop, 'refreshHandovers', { from: 'sidebar' });
    expect(refreshed.message).toMatch(/mismatch/);
    const h = row(shop, 'Handovers', 'Act / shipping', String(id));
    expect(h['Status']).toBe(t('en', 'handover.status.received'));
    expect(h['Acceptance certificate']).toBe(t('en', 'handover.doc.CONFIRMED_WITH_MISMATCH'));
    expect(String(h['Mismatch certificate'])).toContain(t('en', 'handover.doc.NEED_TO_SIGN'));
    expect(h['Excess certificate']).toBe('');
    ok(shop, 'syncOrders');
    expect(order(shop, p.postingNumber)['Status code']).toBe('not_accepted');
    expect(order(shop, p.postingNumber)['Act']).toBe(String(id));
  });

  it('a departure date in the past gets a localised message and changes nothing', () => {
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    const handovers = tabRecords(shop.rt, 'Handovers');
    const carriages = shop.sim.state.carriages.size;
    const yesterday = new Date(shop.rt.clock.now() - 86_400_000).toISOString().slice(0, 10);
    const error = fails(shop, 'handOverParcels', { date: yesterday });
    expect(error.message).toBe(t('ru', 'error.handover.pastDate', { date: yesterday }));
    expect(shop.sim.state.carriages.size).toBe(carriages);
    expect(tabRecords(shop.rt, 'Handovers')).toEqual(handovers);
    expect(fails(shop, 'handOverParcels', { date: '2026-13-45' }).message).toBe(
      t('ru', 'error.handover.date'),
    );
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  });

  it('a lost answer is never retried blindly: the shipping is read again and reported as it really is', () => {
    const p = open(shop, (x) => x.scheme === 'fbs' && warehouseOf(shop, x).recommendedTime !== '');
    packed(shop, p);
    const wh = warehouseOf(shop, p);
    const before = shop.sim.state.carriages.size;
    shop.sim.handover.loseAnswer('/v1/carriage/create');
    shop.sim.handover.loseAnswer('/v1/carriage/approve');
    const done = ok(shop, 'handOverParcels', { deliveryMethodId: wh.deliveryMethodId });
    expect(done.results[0].ok).toBe(true);
    expect(shop.sim.state.carriages.size).toBe(before + 1); // one shipping, not two
    const id = done.results[0].id!;
    expect(shop.sim.state.carriages.get(id)!.status).toBe('formed');
    expect(shop.sim.stats.byPath['/v1/carriage/create']).toBeGreaterThanOrEqual(1);
    expect(order(shop, p.postingNumber)['Act']).toBe(String(id));

    const q = open(shop, (x) => x.scheme === 'fbs' && warehouseOf(shop, x).recommendedTime === '');
    packed(shop, q);
    const acts = shop.sim.state.carriages.size;
    shop.sim.handover.loseAnswer('/v2/posting/fbs/act/create');
    const act = ok(shop, 'handOverParcels', { deliveryMethodId: warehouseOf(shop, q).deliveryMethodId });
    expect(act.results[0].ok).toBe(true);
    expect(shop.sim.state.carriages.size).toBe(acts + 1);
    expect(order(shop, q.postingNumber)['Act']).toBe(String(act.results[0].id));
  });

  it('deleting a shipping needs the confirmation in the call', () => {
    const p = open(shop, (x) => x.scheme === 'fbs' && warehouseOf(shop, x).recommendedTime !== '');
    packed(shop, p);
    const wh = warehouseOf(shop, p);
    const id = ok(shop, 'handOverParcels', { deliveryMethodId: wh.deliveryMethodId }).results[0].id!;
    expect(fails(shop, 'cancelCarriage', { id }).message).toBe(t('en', 'error.confirm.required'));
    expect(shop.sim.state.carriages.get(id)!.status).toBe('formed');
    ok(shop, 'cancelCarriage', { id, confirmed: true });
    expect(shop.sim.state.carriages.get(id)!.status).toBe('cancelled');
    expect(order(shop, p.postingNumber)['Act']).toBe('');
    expect(row(shop, 'Handovers', 'Act / shipping', String(id))['Status']).toBe(
      t('en', 'handover.status.cancelled'),
    );
  });
});

describe('data Ozon needs before packing, in the runtime', () => {
  let shop: DemoShop;
  let p: Posting;
  const GOOD = (k: number) => `0104600000000${String(k).padStart(3, '0')}21ABCdef${k}`;

  beforeAll(() => {
    shop = newShop();
    p = open(shop, (x) => x.scheme === 'fbs' && x.lines.length === 1);
    shop.sim.handover.requireData(p.postingNumber, { country: true, mark: true });
    ok(shop, 'syncOrders');
  });

  it('is refused without a country and marking codes, flagged in Orders and left out of the pick list', () => {
    const needs = String(order(shop, p.postingNumber)['Needs data']);
    expect(needs).toContain(t('en', 'handover.need.country'));
    expect(needs).toContain(t('en', 'handover.need.mark'));
    ok(shop, 'verifyOrders', { postings: [p.postingNumber], checked: ALL_CHECKS });
    const error = fails(shop, 'shipOrder', {
      posting: p.postingNumber,
      packages: [{ items: p.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
    });
    expect(error.code).toBe('desk.needsData');
    expect(error.message).toBe(t('en', 'error.desk.needsData', { posting: p.postingNumber, needs }));
    const batch = ok<{ results: { ok: boolean; message: string }[] }>(shop, 'shipAndLabelOrders', {
      postings: [p.postingNumber, open(shop, (x) => x.scheme === 'fbs').postingNumber],
    });
    expect(batch.results[0]).toMatchObject({ ok: false, message: error.message });
    const pick = ok<{ message: string }>(shop, 'buildPickList', { from: 'sidebar' });
    expect(pick.message).toContain(t('en', 'desk.pick.skipped', { postings: p.postingNumber }));
    expect(shop.sim.state.postings.get(p.postingNumber)!.status).toBe('awaiting_packaging');
  });

  it('a wrong marking code is refused per item in the seller’s language, and nothing is saved', () => {
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'zh');
    const req = ok<{
      lines: { sku: string; quantity: number; needsMark: boolean; needsCountry: boolean }[];
      countries: { code: string }[];
    }>(shop, 'getPackRequirements', { posting: p.postingNumber });
    expect(req.lines[0]).toMatchObject({ needsMark: true, needsCountry: true });
    expect(req.countries.map((c) => c.code)).toContain('CN');
    const units = req.lines[0].quantity;
    const codes = Array.from({ length: units }, (_, k) => (k === 0 ? '0104600 bad' : GOOD(k)));
    const refused = ok<{ ok: boolean; problems: { sku: string; unit: number; message: string }[] }>(
      shop,
      'setMarkingCodes',
      { posting: p.postingNumber, items: [{ sku: req.lines[0].sku, codes }] },
    );
    expect(refused.ok).toBe(false);
    expect(refused.problems).toEqual([
      {
        sku: req.lines[0].sku,
        unit: 1,
        code: '0104600 bad',
        message: t('zh', 'handover.mark.MARK_HAS_INVALID_SYMBOLS'),
      },
    ]);
    expect(shop.sim.state.postings.get(p.postingNumber)!.compliance!.marks.size).toBe(0);
    const tooFew = ok<{ ok: boolean; problems: { message: string }[] }>(shop, 'setMarkingCodes', {
      posting: p.postingNumber,
      items: [{ sku: req.lines[0].sku, codes: codes.slice(1) }],
    });
    expect(tooFew.ok).toBe(false);
    expect(tooFew.problems[0].message).toBe(
      t('zh', 'handover.mark.count', { sku: req.lines[0].sku, units, count: units - 1 }),
    );
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  });

  it('is shipped once the country and the marking codes are given', () => {
    const sku = String(p.lines[0].sku);
    const country = ok<{ ok: boolean }>(shop, 'setProductCountries', {
      posting: p.postingNumber,
      items: [{ sku, country: 'CN' }],
    });
    expect(country.ok).toBe(true);
    const codes = Array.from({ length: p.lines[0].quantity }, (_, k) => GOOD(k + 1));
    const saved = ok<{ ok: boolean; message: string; requirements: { needs: unknown[] } }>(
      shop,
      'setMarkingCodes',
      { posting: p.postingNumber, items: [{ sku, codes }] },
    );
    expect(saved.ok).toBe(true);
    expect(saved.requirements.needs).toEqual([]);
    expect(order(shop, p.postingNumber)['Needs data']).toBe('');
    ok(shop, 'shipOrder', {
      posting: p.postingNumber,
      packages: [{ items: p.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
    });
    expect(shop.sim.state.postings.get(p.postingNumber)!.status).toBe('awaiting_deliver');
  });

  it('ship_failed: Ozon takes the request, packing fails; the desk says so and the row shows it', () => {
    const q = open(shop, (x) => x.scheme === 'fbs' && x.lines.length === 1 && x.lines[0].quantity === 1);
    shop.sim.handover.requireData(q.postingNumber, { mark: true });
    shop.sim.handover.blockMark(GOOD(500));
    const saved = ok<{ ok: boolean }>(shop, 'setMarkingCodes', {
      posting: q.postingNumber,
      items: [{ sku: String(q.lines[0].sku), codes: [GOOD(500)] }],
    });
    expect(saved.ok).toBe(true);
    ok(shop, 'verifyOrders', { postings: [q.postingNumber], checked: ALL_CHECKS });
    const error = fails(shop, 'shipOrder', {
      posting: q.postingNumber,
      packages: [{ items: [{ sku: String(q.lines[0].sku), quantity: 1 }] }],
    });
    expect(error.message).toBe(t('en', 'error.desk.shipFailed', { posting: q.postingNumber }));
    // In words, with Ozon's code beside it for filtering.
    expect(order(shop, q.postingNumber)['Substatus']).toBe(t('en', 'substatus.ship_failed'));
    expect(order(shop, q.postingNumber)['Substatus code']).toBe('ship_failed');
    expect(order(shop, q.postingNumber)['Status code']).toBe('awaiting_packaging');
  });

  it('the ship date of a cross-border rFBS posting: a past date is refused, a later one set', () => {
    const r = open(shop, (x) => x.scheme === 'rfbs');
    shop.sim.handover.requireData(r.postingNumber, { cutoff: true });
    const req = ok<{ needsCutoff: boolean }>(shop, 'getPackRequirements', { posting: r.postingNumber });
    expect(req.needsCutoff).toBe(true);
    expect(String(order(shop, r.postingNumber)['Needs data'])).toBe(t('en', 'handover.need.cutoff'));
    const yesterday = new Date(shop.rt.clock.now() - 86_400_000).toISOString().slice(0, 10);
    expect(fails(shop, 'setShipDate', { posting: r.postingNumber, date: yesterday }).message).toBe(
      t('en', 'error.handover.pastDate', { date: yesterday }),
    );
    const later = new Date(shop.rt.clock.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const set = ok<{ ok: boolean }>(shop, 'setShipDate', { posting: r.postingNumber, date: later });
    expect(set.ok).toBe(true);
    expect(order(shop, r.postingNumber)['Needs data']).toBe('');
  });
});
