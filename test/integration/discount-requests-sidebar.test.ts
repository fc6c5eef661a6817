// The Discount requests sidebar's calls through the built bundle: open requests with the margin at the
// price asked; an approval at a loss refused on the server without confirmBelowCost whatever the
// caller sends; decisions reflected at Ozon and in the Discount requests tab; a lost answer settled by
// reading the requests again; a decided request not sent again.
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';

type Result<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };
interface Request {
  id: number;
  offerId: string;
  asked: number | null;
  profit: number | null;
  margin: number | null;
  needsConfirm: boolean;
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

function tasks(sim: Simulator): Map<number, { status: string; approved_price: number }> {
  const r = sim.handle({
    method: 'POST',
    url: 'https://api-seller.ozon.ru/v2/actions/discounts-task/list',
    headers: { 'Client-Id': sim.credentials.clientId, 'Api-Key': sim.credentials.apiKey },
    payload: JSON.stringify({ status: 'ALL', limit: 50 }),
  });
  return new Map(JSON.parse(String(r.body)).tasks.map((x: { id: number }) => [x.id, x]));
}

function setCost(rt: Runtime, offer: string, value: number) {
  const costs = tabRecords(rt, 'Costs');
  const row = costs.findIndex((c) => String(c['Offer ID']) === offer) + 2;
  if (row < 2) throw new Error(`no Costs row for ${offer}`);
  const header = (rt.spreadsheet.sheet('Costs').values() as unknown[][])[0];
  rt.asUser((g) =>
    (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Costs')!
      .getRange(row, header.indexOf('Cost price') + 1)
      .setValue(value),
  );
}

describe('discount requests in the sidebar', () => {
  const { rt, sim } = demoShop({ postings: 200, days: 20, seed: 17, products: 30 });
  sim.setRateLimit(null);
  const list = () =>
    ok(rt.callFromSidebar<Result<{ requests: Request[]; message: string }>>('getDiscountRequests'));
  const decide = (input: unknown) =>
    rt.callFromSidebar<Result<{ status: string; message: string }>>('decideDiscountRequest', input);
  const row = (id: number) =>
    tabRecords(rt, 'Discount requests').find((r) => r['Request ID'] === String(id))!;
  let open: Request[];

  beforeAll(() => {
    ok(rt.run<Result<unknown>>('syncOrders'));
    ok(rt.run<Result<unknown>>('updateFinance'));
    ok(rt.run<Result<unknown>>('refreshPromotions'));
    open = list().requests.filter((r) => r.offerId);
    expect(open.length).toBeGreaterThanOrEqual(3);
    setCost(rt, open[0].offerId, 1);
    setCost(rt, open[1].offerId, 900000);
    open = list().requests.filter((r) => r.offerId);
  });

  test('every open request is listed with the price asked and the margin at it', () => {
    const now = tasks(sim);
    const listed = list().requests;
    expect(listed.map((r) => r.id).sort()).toEqual(
      [...now]
        .filter(([, x]) => x.status === 'NEW')
        .map(([id]) => id)
        .sort(),
    );
    expect(open[0]).toMatchObject({ needsConfirm: false });
    expect(open[0].profit).toBeGreaterThan(0);
    expect(open[1]).toMatchObject({ needsConfirm: true });
    expect(open[1].profit).toBeLessThan(0);
  });

  test('an approval at a loss is refused on the server without the confirmation; with it, it goes through', () => {
    const id = open[1].id;
    const refused = decide({ taskId: id, decision: 'approve' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'discounts.belowCost', field: 'confirmBelowCost' },
    });
    expect(String((refused as { error: { message: string } }).error.message)).toMatch(
      /you lose [\d.]+ a unit/,
    );
    expect(tasks(sim).get(id)!.status).toBe('NEW');
    const done = ok(decide({ taskId: id, decision: 'approve', confirmBelowCost: true }));
    expect(done.status).toBe('approved');
    expect(tasks(sim).get(id)!.status).toBe('APPROVED');
    expect(row(id)).toMatchObject({ Status: 'approved', Result: 'approved at Ozon' });
  });

  test('approve at another price; decline; a decided request is not sent again', () => {
    const a = open[0];
    const price = Math.floor(a.asked! + 1);
    const done = ok(decide({ taskId: a.id, decision: 'approve', price: String(price) }));
    expect(done.message).toMatch(new RegExp(`approved at ${price}\\.00`));
    expect(tasks(sim).get(a.id)).toMatchObject({ status: 'APPROVED', approved_price: price });
    const d = open[2].id;
    ok(decide({ taskId: d, decision: 'decline' }));
    expect(tasks(sim).get(d)!.status).toBe('DECLINED');
    expect(row(d)).toMatchObject({ Status: 'declined' });
    sim.resetStats();
    const again = decide({ taskId: d, decision: 'approve', confirmBelowCost: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'discounts.gone' } });
    expect(sim.stats.byPath['/v1/actions/discounts-task/approve'] ?? 0).toBe(0);
    expect(list().requests.map((r) => r.id)).not.toContain(d);
  });

  test('bad input gets a clear error and nothing is sent', () => {
    sim.resetStats();
    const bad = decide({ taskId: 'x', decision: 'maybe' });
    expect(bad.ok).toBe(false);
    expect(decide({ taskId: open[3]?.id ?? 1, decision: 'approve', price: '-5' })).toMatchObject({
      ok: false,
    });
    expect(sim.stats.byPath['/v1/actions/discounts-task/approve'] ?? 0).toBe(0);
  });

  test('a lost answer is settled by reading the requests again', () => {
    const r = list().requests[0];
    sim.loseAnswer('/v1/actions/discounts-task/decline');
    sim.resetStats();
    const s = ok(decide({ taskId: r.id, decision: 'decline' }));
    expect(sim.stats.byPath['/v1/actions/discounts-task/decline']).toBe(1);
    expect(tasks(sim).get(r.id)!.status).toBe('DECLINED');
    expect(s.message).toMatch(/answer was lost; checked/);
  });
});
