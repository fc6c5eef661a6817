// The order desk against the built bundle in the local runtime, with the Ozon simulator behind
// UrlFetch: verify, problems, shipping in packages, labels to Drive, rFBS tracking and statuses,
// cancellation, selection polling, the pick list and packing slips, and each bad input's message.
import { t, type MessageKey } from '../../src/core/i18n/messages';
import { demoShop, tabRecords, type DemoShop } from '../support/shop';

jest.setTimeout(120_000);

type Result<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

interface Outcome {
  posting: string;
  ok: boolean;
  message: string;
  postings?: string[];
}
interface Action {
  message: string;
  results: Outcome[];
  labelUrl?: string;
}

function call<T = Action>(shop: DemoShop, name: string, input?: unknown): Result<T> {
  return shop.rt.callFromSidebar(name, input) as Result<T>;
}

function ok<T = Action>(shop: DemoShop, name: string, input?: unknown): T {
  const r = call<T>(shop, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.data;
}

function fails(shop: DemoShop, name: string, input: unknown) {
  const r = call(shop, name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(r.data)}`);
  return r.error;
}

function row(shop: DemoShop, posting: string): Record<string, unknown> {
  const found = tabRecords(shop.rt, 'Orders').find((r) => r['Posting number'] === posting);
  if (!found) throw new Error(`no Orders row for ${posting}`);
  return found;
}

function synced(options: Parameters<typeof demoShop>[0] = {}): DemoShop {
  const shop = demoShop({ postings: 400, products: 30, days: 4, ...options });
  shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
  ok(shop, 'syncOrders');
  return shop;
}

const taken = new Set<string>();

/** A posting awaiting packaging that no other test has used, from the simulator's own state. */
function fresh(shop: DemoShop, scheme: 'fbs' | 'rfbs', units = 1) {
  const found = [...shop.sim.state.postings.values()].find(
    (p) =>
      !taken.has(p.postingNumber) &&
      p.scheme === scheme &&
      p.status === 'awaiting_packaging' &&
      p.lines.reduce((s, l) => s + l.quantity, 0) >= units,
  );
  if (!found) throw new Error(`no ${scheme} posting with ${units}+ units left`);
  taken.add(found.postingNumber);
  return found;
}

const ALL_CHECKS = ['order', 'items', 'buyer', 'amount'];

describe('order desk in the runtime', () => {
  let shop: DemoShop;
  beforeAll(() => {
    shop = synced();
  });

  it('verifies an order: who and when in the Orders working columns', () => {
    const posting = fresh(shop, 'fbs').postingNumber;
    expect(row(shop, posting)['New']).toBe('●'); // an open order the sync brought in is marked new
    const result = ok(shop, 'verifyOrders', { postings: [posting], checked: ['order', 'items', 'amount'] });
    expect(result.message).toBe(t('en', 'desk.verified.one', { posting }));
    const r = row(shop, posting);
    expect(r['Verified']).toBe('Yes');
    expect(r['Verified by']).toBe('seller@example.com');
    expect(r['New']).toBe('');
    expect(r['Verified at']).toBeInstanceOf(Date);
    expect(Math.abs((r['Verified at'] as Date).getTime() - shop.rt.clock.now())).toBeLessThan(120_000);
    expect(String(r['Verified digest'])).not.toBe('');
    const orders = ok<{ orders: { state: string; verifiedBy: string }[] }>(shop, 'getDeskOrders', {
      postings: [posting],
    });
    expect(orders.orders[0]).toMatchObject({ state: 'verified', verifiedBy: 'seller@example.com' });
  });

  it('refuses to verify without the checklist, unknown postings, cancelled orders and bad numbers', () => {
    const posting = fresh(shop, 'rfbs').postingNumber;
    // rFBS needs the buyer and address ticked too.
    let error = fails(shop, 'verifyOrders', { postings: [posting], checked: ['order', 'items', 'amount'] });
    expect(error.message).toBe(t('en', 'error.desk.checklist', { posting }));
    expect(row(shop, posting)['Verified']).toBe('');

    error = fails(shop, 'verifyOrders', { postings: ['99999999-0001-1'], checked: ALL_CHECKS });
    expect(error).toMatchObject({
      code: 'desk.unknownPosting',
      message: t('en', 'error.desk.unknownPosting', { posting: '99999999-0001-1' }),
    });

    error = fails(shop, 'verifyOrders', { postings: ['<b>1</b>'], checked: ALL_CHECKS });
    expect(error.message).toBe(t('en', 'error.desk.posting.format'));

    // Ozon cancels an order after the last sync: the row still says awaiting packaging, the server
    // re-reads the posting, refuses, and the row shows the cancellation at once.
    const victim = fresh(shop, 'fbs');
    expect(row(shop, victim.postingNumber)['Status code']).toBe('awaiting_packaging');
    const answer = shop.sim.handle({
      method: 'post',
      url: 'https://api-seller.ozon.ru/v2/posting/fbs/cancel',
      headers: { 'Client-Id': shop.sim.credentials.clientId, 'Api-Key': shop.sim.credentials.apiKey },
      payload: JSON.stringify({ posting_number: victim.postingNumber, cancel_reason_id: 352 }),
    });
    expect(answer.status).toBe(200);
    error = fails(shop, 'verifyOrders', { postings: [victim.postingNumber], checked: ALL_CHECKS });
    expect(error).toMatchObject({
      code: 'desk.cancelled',
      message: t('en', 'error.desk.cancelled', { posting: victim.postingNumber }),
    });
    expect(row(shop, victim.postingNumber)['Status code']).toBe('cancelled');
    expect(row(shop, victim.postingNumber)['Verified']).toBe('');
  });

  it('a problem keeps the order out of the ship queue until cleared', () => {
    const posting = fresh(shop, 'fbs').postingNumber;
    ok(shop, 'verifyOrders', { postings: [posting], checked: ALL_CHECKS });
    let error = fails(shop, 'flagOrderProblem', { postings: [posting], reason: 'other', note: '' });
    expect(error).toMatchObject({ field: 'note', message: t('en', 'error.desk.note.required') });
    ok(shop, 'flagOrderProblem', { postings: [posting], reason: 'out_of_stock', note: 'shelf B3 empty' });
    let r = row(shop, posting);
    expect(r['Problem']).toBe(t('en', 'desk.problem.reason.out_of_stock'));
    expect(r['Note']).toBe('shelf B3 empty');
    expect(r['Verified']).toBe('');
    const pick = ok<{ offers: number }>(shop, 'buildPickList', { from: 'sidebar' });
    const picked = tabRecords(shop.rt, 'Pick list').map((p) => String(p['Posting numbers']));
    expect(picked.join(',')).not.toContain(posting);
    expect(pick.offers).toBe(tabRecords(shop.rt, 'Pick list').length);
    error = fails(shop, 'shipOrder', {
      posting,
      packages: [{ items: [{ sku: '1', quantity: 1 }] }],
    });
    expect(error).toMatchObject({
      code: 'desk.problem',
      message: t('en', 'error.desk.hasProblem', { posting }),
    });
    error = fails(shop, 'verifyOrders', { postings: [posting], checked: ALL_CHECKS });
    expect(error.code).toBe('desk.problem');

    ok(shop, 'clearOrderProblem', { postings: [posting] });
    r = row(shop, posting);
    expect(r['Problem']).toBe('');
    expect(r['Note']).toBe('shelf B3 empty');
    ok(shop, 'verifyOrders', { postings: [posting], checked: ALL_CHECKS });
    expect(row(shop, posting)['Verified']).toBe('Yes');
  });

  it('ships into two packages: the posting splits, rows update at once; bad splits are refused', () => {
    const target = fresh(shop, 'fbs', 2);
    const posting = target.postingNumber;
    const units = target.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity }));
    let error = fails(shop, 'shipOrder', { posting, packages: [{ items: units }] });
    expect(error).toMatchObject({
      code: 'desk.notVerified',
      message: t('en', 'error.desk.notVerified', { posting }),
    });
    ok(shop, 'verifyOrders', { postings: [posting], checked: ALL_CHECKS });

    // One unit short.
    const short = units.map((u, i) => (i === 0 ? { ...u, quantity: u.quantity - 1 } : u));
    error = fails(shop, 'shipOrder', { posting, packages: [{ items: short }] });
    expect(error.message).toBe(
      t('en', 'error.desk.package.mismatch', {
        offerId: target.lines[0].offerId,
        packed: target.lines[0].quantity - 1,
        ordered: target.lines[0].quantity,
      }),
    );
    error = fails(shop, 'shipOrder', { posting, packages: [{ items: [{ sku: '123', quantity: 'x' }] }] });
    expect(error.message).toBe(t('en', 'error.desk.package.quantity'));
    expect(shop.sim.state.postings.get(posting)?.status).toBe('awaiting_packaging');

    // Split: the first unit alone, the rest in a second package.
    const first = [{ sku: units[0].sku, quantity: 1 }];
    const rest = units
      .map((u, i) => (i === 0 ? { ...u, quantity: u.quantity - 1 } : u))
      .filter((u) => u.quantity);
    const result = ok(shop, 'shipOrder', { posting, packages: [{ items: first }, { items: rest }] });
    const children = result.results[0].postings ?? [];
    expect(children).toHaveLength(2);
    expect(result.message).toBe(
      t('en', 'desk.ship.split', { posting, count: 2, postings: children.join(', ') }),
    );
    expect(row(shop, posting)['Status code']).toBe('cancelled_from_split_pending');
    expect(row(shop, posting)['Packages']).toBe(2);
    for (const child of children) {
      const r = row(shop, child);
      expect(r['Status code']).toBe('awaiting_deliver');
      expect(r['Split from']).toBe(posting);
      expect(r['Verified']).toBe('Yes');
      expect(r['Packages']).toBe(1);
    }
    const childUnits = children.map((c) =>
      shop.sim.state.postings.get(c)!.lines.reduce((s, l) => s + l.quantity, 0),
    );
    expect(childUnits.reduce((a, b) => a + b)).toBe(units.reduce((s, u) => s + u.quantity, 0));

    // Labels for both new postings: Ozon needs ~45 s after packing; the server waits and retries.
    const before = shop.rt.drive.length;
    const labels = ok(shop, 'printLabels', { postings: children });
    expect(labels.results.every((r) => r.ok)).toBe(true);
    expect(shop.rt.drive.length).toBe(before + 1);
    const file = shop.rt.drive[shop.rt.drive.length - 1];
    expect(file.mimeType).toBe('application/pdf');
    expect(Buffer.from(file.bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(labels.labelUrl).toBe(file.url);
    for (const child of children) expect(row(shop, child)['Label']).toBe(file.url);

    // Shipping the original again: it is split; a child is already shipped.
    error = fails(shop, 'shipOrder', { posting, packages: [{ items: units }] });
    expect(error.code).toBe('desk.split');
    error = fails(shop, 'shipOrder', { posting: children[0], packages: [{ items: units }] });
    expect(error).toMatchObject({ code: 'desk.shipped' });
    expect(error.message).toBe(
      t('en', 'error.desk.alreadyShipped', {
        posting: children[0],
        status: t('en', 'status.awaiting_deliver'),
      }),
    );
  });

  it('batch: ships and labels every selected verified order, reporting each', () => {
    const verified = [fresh(shop, 'fbs'), fresh(shop, 'fbs'), fresh(shop, 'fbs')].map((p) => p.postingNumber);
    const unverified = fresh(shop, 'fbs').postingNumber;
    ok(shop, 'verifyOrders', { postings: verified, checked: ALL_CHECKS });
    const files = shop.rt.drive.length;
    const result = ok(shop, 'shipAndLabelOrders', { postings: [...verified, unverified] });
    expect(result.results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(result.results[3].message).toBe(t('en', 'error.desk.notVerified', { posting: unverified }));
    expect(result.message).toBe(t('en', 'desk.batch.done', { ok: 3, total: 4, failed: 1 }));
    expect(shop.rt.drive.length).toBe(files + 1);
    for (const posting of verified) {
      const r = row(shop, posting);
      expect(r['Status code']).toBe('awaiting_deliver');
      expect(r['Label']).toBe(result.labelUrl);
    }
    expect(row(shop, unverified)['Status code']).toBe('awaiting_packaging');
  });

  it('labels are refused for orders not awaiting shipment', () => {
    const posting = fresh(shop, 'fbs').postingNumber;
    const error = fails(shop, 'printLabels', { postings: [posting] });
    expect(error).toMatchObject({
      code: 'desk.status',
      message: t('en', 'error.desk.status', { posting, status: t('en', 'status.awaiting_packaging') }),
    });
  });

  it('rFBS: tracking number, then delivering, last mile and delivered, each confirmed by re-reading', () => {
    const target = fresh(shop, 'rfbs');
    const posting = target.postingNumber;
    ok(shop, 'verifyOrders', { postings: [posting], checked: ALL_CHECKS });
    const units = target.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity }));
    ok(shop, 'shipOrder', { posting, packages: [{ items: units }] });
    expect(row(shop, posting)['Status code']).toBe('awaiting_deliver');

    const bad = (trackingNumber: string) =>
      fails(shop, 'setTrackingNumbers', { items: [{ posting, trackingNumber }] }).message;
    expect(bad('')).toBe(t('en', 'error.desk.tracking.empty'));
    expect(bad('AB 123')).toBe(t('en', 'error.desk.tracking.spaces'));
    expect(bad('AB1')).toBe(t('en', 'error.desk.tracking.length'));
    expect(bad('АБ1234')).toBe(t('en', 'error.desk.tracking.chars'));
    const fbs = fresh(shop, 'fbs').postingNumber;
    expect(
      fails(shop, 'setTrackingNumbers', { items: [{ posting: fbs, trackingNumber: 'RR123' }] }),
    ).toMatchObject({ code: 'desk.notRfbs' });

    const set = ok(shop, 'setTrackingNumbers', {
      items: [{ posting, trackingNumber: 'CDEK-0012345', carrier: 'CDEK' }],
    });
    expect(set.message).toBe(t('en', 'desk.tracking.set', { posting, tracking: 'CDEK-0012345' }));
    expect(row(shop, posting)['Tracking number']).toBe('CDEK-0012345');
    expect(row(shop, posting)['Carrier']).toBe('CDEK');

    let error = fails(shop, 'moveRfbsOrders', { postings: [posting], to: 'delivered' });
    expect(error.code).toBe('desk.status');
    ok(shop, 'moveRfbsOrders', { postings: [posting], to: 'delivering' });
    expect(row(shop, posting)['Status code']).toBe('delivering');
    const lastMile = ok(shop, 'moveRfbsOrders', { postings: [posting], to: 'last_mile' });
    expect(lastMile.message).toBe(
      t('en', 'desk.rfbs.moved', { posting, step: t('en', 'desk.rfbs.last_mile') }),
    );
    expect(shop.sim.state.postings.get(posting)?.substatus).toBe('posting_in_courier_service');
    ok(shop, 'moveRfbsOrders', { postings: [posting], to: 'delivered' });
    expect(row(shop, posting)['Status code']).toBe('delivered');
    error = fails(shop, 'moveRfbsOrders', { postings: [posting], to: 'sideways' });
    expect(error.message).toBe(t('en', 'error.desk.rfbs.step'));
  });

  it('cancels with one of Ozon’s reasons; "other" needs a message', () => {
    const reasons = ok<{ id: number; title: string; needsMessage: boolean }[]>(shop, 'getCancelReasons');
    // The simulator's reasons the seller may use (the others are Ozon's or the buyer's).
    expect(reasons.map((r) => r.id)).toEqual([352, 400, 402]);
    expect(reasons.find((r) => r.id === 402)?.needsMessage).toBe(true);
    // Ozon sends its titles in Russian; the seller reads them in the add-on's language.
    expect(reasons.map((r) => r.title)).toEqual(
      [352, 400, 402].map((id) => t('en', `cancelReason.${id}` as MessageKey)),
    );
    const posting = fresh(shop, 'fbs').postingNumber;
    let error = fails(shop, 'cancelOrder', { posting, reasonId: 402, message: '  ', confirmed: true });
    expect(error).toMatchObject({ field: 'message', message: t('en', 'error.desk.cancel.message') });
    error = fails(shop, 'cancelOrder', { posting, reasonId: 665, message: '', confirmed: true });
    expect(error).toMatchObject({ code: 'desk.cancel.reason', field: 'reasonId' });
    const done = ok(shop, 'cancelOrder', { posting, reasonId: 352, message: '', confirmed: true });
    expect(done.message).toBe(t('en', 'desk.cancel.done', { posting, reason: reasons[0].title }));
    const r = row(shop, posting);
    expect(r['Status code']).toBe('cancelled');
    expect(r['Cancel reason']).toBe(reasons[0].title);
    error = fails(shop, 'cancelOrder', { posting, reasonId: 352, message: '', confirmed: true });
    expect(error.code).toBe('desk.cancelled');
    const orders = ok<{ orders: { state: string; actions: string[] }[] }>(shop, 'getDeskOrders', {
      postings: [posting],
    });
    expect(orders.orders[0].state).toBe('cancelled');
    expect(orders.orders[0].actions).not.toContain('verify');
  });
});

describe('selection, next unverified, pick list and slips', () => {
  let shop: DemoShop;
  beforeAll(() => {
    shop = synced({ seed: 11 });
  });

  const select = (row0: number, rows = 1) =>
    shop.rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!;
      sheet.getRange(row0 + 1, 1, rows, 3).activate();
    });

  it('polls the selection with no read when it stays put, and no Sheets API call when it moves', () => {
    const orders = tabRecords(shop.rt, 'Orders');
    select(2, 3);
    shop.rt.resetCounters();
    const first = ok<{ key: string; changed: boolean; postings: string[] }>(shop, 'pollDeskSelection', {
      known: '',
    });
    expect(first.postings).toEqual(orders.slice(1, 4).map((o) => o['Posting number']));
    // Header and selected rows through SpreadsheetApp: no Sheets API quota is spent.
    expect(shop.rt.counters.advancedSheetsCalls).toBe(0);
    expect(shop.rt.counters.sheetsReads).toBe(2);
    shop.rt.resetCounters();
    const again = ok<{ changed: boolean; postings: string[] }>(shop, 'pollDeskSelection', {
      known: first.key,
    });
    expect(again).toMatchObject({ changed: false, postings: [] });
    expect(shop.rt.counters.advancedSheetsCalls + shop.rt.counters.sheetsReads).toBe(0);
    expect(shop.rt.counters.propertiesCalls).toBe(0);
    expect(fails(shop, 'pollDeskSelection', { known: 5 }).code).toBe('input');
  });

  it('follows the selection on a renamed Orders tab with a renamed posting header (developer metadata)', () => {
    const orders = tabRecords(shop.rt, 'Orders');
    const header = (shop.rt.spreadsheet.sheet('Orders').values() as unknown[][])[0].map(String);
    const postingCol = header.indexOf('Posting number') + 1;
    shop.rt.asUser((g) => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!;
      sheet.getRange(1, postingCol).setValue('Отправление');
      sheet.setName('My orders');
      sheet.getRange(3, 1, 2, 3).activate();
    });
    try {
      const polled = ok<{ onOrders: boolean; postings: string[] }>(shop, 'pollDeskSelection', { known: '' });
      expect(polled).toMatchObject({ onOrders: true });
      expect(polled.postings).toEqual(orders.slice(1, 3).map((o) => o['Posting number']));
      // The sidebar then reads those orders: the desk finds the renamed tab too.
      const shown = ok<{ orders: { posting: string }[] }>(shop, 'getDeskOrders', {
        postings: polled.postings,
      });
      expect(shown.orders.map((o) => o.posting)).toEqual(polled.postings);
      // A sheet of the seller's own named "Orders" is not the add-on's tab.
      shop.rt.asUser((g) => {
        const own = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Orders');
        own.getRange(1, 1, 2, 1).setValues([['Posting number'], [String(orders[0]['Posting number'])]]);
        own.getRange(2, 1).activate();
      });
      const elsewhere = ok<{ onOrders: boolean; postings: string[] }>(shop, 'pollDeskSelection', {
        known: '',
      });
      expect(elsewhere).toMatchObject({ onOrders: false, postings: [] });
      const next = ok<{ posting: string | null }>(shop, 'selectNextUnverified', { from: 'sidebar' });
      expect(next.posting).not.toBeNull();
      expect(shop.rt.spreadsheet.activeRange?.sheetId).toBe(
        shop.rt.spreadsheet.sheets.find((s) => s.name === 'My orders')?.id,
      );
    } finally {
      shop.rt.asUser((g) => {
        const book = g.SpreadsheetApp.getActiveSpreadsheet();
        const own = book.getSheetByName('Orders');
        if (own) book.deleteSheet(own);
        const sheet = book.getSheetByName('My orders')!;
        sheet.setName('Orders');
        sheet.getRange(1, postingCol).setValue('Posting number');
      });
    }
  });

  it('"next unverified" moves the sheet selection to the next order to check, wrapping around', () => {
    const orders = tabRecords(shop.rt, 'Orders');
    const todo = orders
      .map((o, i) => ({ posting: String(o['Posting number']), row: i + 1, status: o['Status code'] }))
      .filter((o) => o.status === 'awaiting_packaging' || o.status === 'awaiting_approve');
    select(todo[0].row);
    const toasts = shop.rt.ui.toasts.length;
    const next = ok<{ posting: string; selection: { key: string; postings: string[] } }>(
      shop,
      'selectNextUnverified',
      { from: 'sidebar' },
    );
    const expected = orders.findIndex(
      (o, i) =>
        i + 1 > todo[0].row &&
        [
          'awaiting_registration',
          'acceptance_in_progress',
          'awaiting_approve',
          'awaiting_verification',
          'awaiting_packaging',
        ].includes(String(o['Status code'])),
    );
    expect(next.posting).toBe(orders[expected]['Posting number']);
    expect(shop.rt.spreadsheet.activeRange?.range.startRow).toBe(expected + 1);
    const polled = ok<{ key: string; changed: boolean; postings: string[] }>(shop, 'pollDeskSelection', {
      known: next.selection.key,
    });
    expect(polled.changed).toBe(false);
    expect(shop.rt.ui.toasts).toHaveLength(toasts);
  });

  it('the pick list sums verified orders awaiting packaging by offer, in picking order', () => {
    const ready = [...shop.sim.state.postings.values()]
      .filter((p) => p.scheme !== 'fbo' && p.status === 'awaiting_packaging')
      .slice(0, 12);
    ok(shop, 'verifyOrders', { postings: ready.map((p) => p.postingNumber), checked: ALL_CHECKS });
    const verified = ready.filter((p) => row(shop, p.postingNumber)['Verified'] === 'Yes');
    expect(verified.length).toBe(ready.length);
    shop.rt.run('buildPickList');
    expect(shop.rt.ui.toasts.at(-1)?.message).toMatch(/^Pick list: \d+ products/);
    const rows = tabRecords(shop.rt, 'Pick list');
    const expected = new Map<string, number>();
    for (const p of verified)
      for (const l of p.lines) {
        const key = `${p.warehouseName}|${l.offerId}`;
        expected.set(key, (expected.get(key) ?? 0) + l.quantity);
      }
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) expect(r['Qty']).toBe(expected.get(`${r['Warehouse']}|${r['Offer ID']}`));
    const order = rows.map((r) => `${r['Warehouse']}|${r['Offer ID']}`);
    const sorted = [...order].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(order).toEqual(sorted);
  });

  it('packing slips: one per posting, in the seller’s language, names escaped', () => {
    const target = [...shop.sim.state.postings.values()].find(
      (p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging',
    )!;
    target.lines[0].name = '<img src=x onerror="alert(1)">Чайник';
    ok(shop, 'syncOrders');
    // The sync reads changed postings only; re-read this one through the desk.
    ok(shop, 'verifyOrders', { postings: [target.postingNumber], checked: ALL_CHECKS });
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'ru');
    const other = [...shop.sim.state.postings.values()].find(
      (p) => p.scheme === 'rfbs' && p.status === 'awaiting_packaging',
    )!;
    const dialogs = shop.rt.ui.dialogs.length;
    const result = ok(shop, 'showPackingSlips', { postings: [target.postingNumber, other.postingNumber] });
    expect(result.results.every((r) => r.ok)).toBe(true);
    const dialog = shop.rt.ui.dialogs[dialogs];
    expect(dialog.title).toBe(t('ru', 'desk.slip.title', { count: 2 }));
    expect(dialog.html.match(/<section class="slip"/g)).toHaveLength(2);
    expect(dialog.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Чайник');
    expect(dialog.html).not.toContain('<img');
    expect(dialog.html).toContain(t('ru', 'desk.slip.notes'));
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
    // From the menu, with nothing selected on Orders.
    shop.rt.asUser((g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sync log')?.activate());
    shop.rt.run('showPackingSlips');
    expect(shop.rt.ui.toasts.at(-1)?.message).toBe(t('en', 'error.desk.noSelection'));
  });
});
