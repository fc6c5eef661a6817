// Promotions through the built bundle: Ozon's actions and candidates land in the Promotions tab with
// the margin at the action price; "Apply promotion choices" joins and leaves exactly as marked,
// never below cost without the row's confirmation, shows each item's error, changes nothing when
// applied again, and after a lost answer reads the action again instead of re-sending.
import { demoShop, tabRecords, type Runtime } from '../support/shop';
import type { Simulator } from '../../simulator';
import { callSim } from '../support/sim-call';

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Summary {
  result: string;
  message: string;
  joined?: number;
  left?: number;
  unchanged?: number;
  refused?: number;
  failed?: number;
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

const inAction = (sim: Simulator, actionId: number): Map<number, number> =>
  new Map(
    callSim(sim, '/v1/actions/products', { action_id: actionId, limit: 1000 }).result.products.map(
      (p: { id: number; action_price: number }) => [p.id, p.action_price],
    ),
  );

function setCells(rt: Runtime, tab: string, cells: { row: number; header: string; value: unknown }[]) {
  const header = (rt.spreadsheet.sheet(tab).values() as unknown[][])[0];
  rt.asUser((g) => {
    const s = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName(tab)!;
    for (const c of cells) {
      const col = header.indexOf(c.header);
      if (col < 0) throw new Error(`${tab} has no column ${c.header}`);
      s.getRange(c.row, col + 1).setValue(c.value);
    }
  });
}

describe('promotions', () => {
  const { rt, sim } = demoShop({ postings: 200, days: 20, seed: 17, products: 30 });
  sim.setRateLimit(null);
  const actions = callSim(sim, '/v1/actions').result as {
    id: number;
    action_type: string;
    freeze_date: string;
  }[];
  const sale = actions.find((a) => a.action_type === 'DISCOUNT' && !a.freeze_date)!;
  const frozen = actions.find((a) => a.freeze_date)!;
  const rows = () => tabRecords(rt, 'Promotions');
  const rowOf = (actionId: number, productId: number) =>
    rows().findIndex((r) => r['Promotion key'] === `${actionId}|${productId}`);
  const record = (actionId: number, productId: number) => rows()[rowOf(actionId, productId)];
  const mark = (actionId: number, productId: number, values: Record<string, unknown>) =>
    setCells(
      rt,
      'Promotions',
      Object.entries(values).map(([header, value]) => ({
        row: rowOf(actionId, productId) + 2,
        header,
        value,
      })),
    );
  const apply = () => ok(rt.run<Result<Summary>>('applyPromotionChoices'));

  beforeAll(() => {
    ok(rt.run<Result<{ result: string }>>('syncOrders'));
    ok(rt.run<Result<{ result: string }>>('updateFinance'));
  });

  test('Refresh lists every action’s products and candidates, with dates, type and Ozon’s prices', () => {
    const s = ok(rt.run<Result<Summary>>('refreshPromotions'));
    expect(s.result).toBe('done');
    let expected = 0;
    for (const a of actions) {
      const inIt = inAction(sim, a.id);
      const candidates = callSim(sim, '/v1/actions/candidates', { action_id: a.id, limit: 1000 }).result
        .products as { id: number; max_action_price: number; price: number }[];
      expected += inIt.size + candidates.length;
      for (const c of candidates) {
        const r = record(a.id, c.id);
        expect(r).toMatchObject({
          'In action?': 'candidate',
          'Max action price': c.max_action_price,
          Price: c.price,
        });
        expect(String(r['Offer ID'])).not.toBe('');
        expect(r.Starts).toBeInstanceOf(Date);
      }
      for (const [id, price] of inIt)
        expect(record(a.id, id)).toMatchObject({ 'In action?': 'in action', 'Action price': price });
    }
    expect(rows()).toHaveLength(expected);
  });

  describe('applying the seller’s marks', () => {
    let joinA: number, belowB: number, confirmC: number, tooHighD: number, leaveE: number, frozenF: number;
    let first: Summary;

    beforeAll(() => {
      // Costs: every offer costs 1.00 RUB, except B's and C's, which cost far more than any action price.
      const costs = tabRecords(rt, 'Costs');
      const costRow = new Map(costs.map((c, i) => [String(c['Offer ID']), i + 2]));
      setCells(
        rt,
        'Costs',
        [...costRow.values()].map((row) => ({ row, header: 'Cost price', value: 1 })),
      );
      const candidates = rows().filter(
        (r) =>
          r['Action ID'] === String(sale.id) &&
          r['In action?'] === 'candidate' &&
          costRow.has(String(r['Offer ID'])),
      );
      expect(candidates.length).toBeGreaterThanOrEqual(4);
      [joinA, belowB, confirmC, tooHighD] = candidates.slice(0, 4).map((r) => Number(r['Product ID']));
      const offerOf = (id: number) => String(record(sale.id, id)['Offer ID']);
      setCells(rt, 'Costs', [
        { row: costRow.get(offerOf(belowB))!, header: 'Cost price', value: 900000 },
        { row: costRow.get(offerOf(confirmC))!, header: 'Cost price', value: 900000 },
      ]);
      leaveE = [...inAction(sim, sale.id).keys()][0];
      frozenF = [...inAction(sim, frozen.id).keys()][0];
      ok(rt.run<Result<Summary>>('refreshPromotions'));
      mark(sale.id, joinA, { 'Join / Leave': 'Join' });
      mark(sale.id, belowB, { 'Join / Leave': 'Join' });
      mark(sale.id, confirmC, { 'Join / Leave': 'Участвовать', 'Confirm below cost': 'да' });
      const max = Number(record(sale.id, tooHighD)['Max action price']);
      mark(sale.id, tooHighD, { 'Join / Leave': 'join', 'Join at price': max + 5 });
      mark(sale.id, leaveE, { 'Join / Leave': 'Leave' });
      mark(frozen.id, frozenF, { 'Join / Leave': '退出' });
      sim.resetStats();
      first = apply();
    });

    test('the margin at the action price is shown, and negative where the cost is above it', () => {
      expect(Number(record(sale.id, belowB)['Profit at action price'])).toBeLessThan(0);
      expect(Number(record(sale.id, joinA)['Profit at action price'])).toBeGreaterThan(0);
      expect(typeof record(sale.id, joinA)['Margin % at action price']).toBe('number');
    });

    test('products join and leave exactly as marked; nothing joins below cost without confirmation', () => {
      const now = inAction(sim, sale.id);
      expect(now.has(joinA)).toBe(true);
      expect(now.has(confirmC)).toBe(true);
      expect(now.has(belowB)).toBe(false);
      expect(now.has(tooHighD)).toBe(false);
      expect(now.has(leaveE)).toBe(false);
      expect(inAction(sim, frozen.id).has(frozenF)).toBe(true);
      expect(first).toMatchObject({ joined: 2, left: 1, refused: 1, failed: 2 });
      expect(record(sale.id, joinA)).toMatchObject({ 'In action?': 'in action' });
      expect(String(record(sale.id, joinA).Result)).toMatch(/^joined at/);
      expect(String(record(sale.id, leaveE).Result)).toBe('left the action');
      expect(record(sale.id, leaveE)['In action?']).toBe('candidate');
      expect(String(record(sale.id, belowB).Result)).toMatch(/not joined: at this price you lose/);
    });

    test('each item’s error from Ozon is shown on its row', () => {
      expect(String(record(sale.id, tooHighD).Result)).toMatch(/^Ozon refused: ACTION_PRICE_TOO_HIGH/);
      expect(String(record(frozen.id, frozenF).Result)).toMatch(/^Ozon refused: ACTION_IS_FROZEN/);
    });

    test('re-applying the same marks changes nothing at Ozon and sends nothing for rows already so', () => {
      const before = [...inAction(sim, sale.id)];
      mark(sale.id, tooHighD, { 'Join / Leave': '' });
      mark(frozen.id, frozenF, { 'Join / Leave': '' });
      sim.resetStats();
      const again = apply();
      expect(sim.stats.byPath['/v1/actions/products/activate'] ?? 0).toBe(0);
      expect(sim.stats.byPath['/v1/actions/products/deactivate'] ?? 0).toBe(0);
      expect([...inAction(sim, sale.id)]).toEqual(before);
      expect(again).toMatchObject({ joined: 0, left: 0, unchanged: 3, refused: 1, failed: 0 });
      expect(String(record(sale.id, joinA).Result)).toMatch(/already in the action/);
    });

    test('a lost answer is not re-sent: the action is read again and the row says what happened', () => {
      const candidate = rows().find(
        (r) =>
          r['Action ID'] === String(sale.id) &&
          r['In action?'] === 'candidate' &&
          Number(r['Profit at action price']) > 0 &&
          !r['Join / Leave'] &&
          !r['Join at price'],
      )!;
      const g = Number(candidate['Product ID']);
      mark(sale.id, g, { 'Join / Leave': 'Join' });
      sim.loseAnswer('/v1/actions/products/activate');
      sim.resetStats();
      const s = apply();
      expect(sim.stats.byPath['/v1/actions/products/activate']).toBe(1);
      expect(inAction(sim, sale.id).has(g)).toBe(true);
      expect(s.joined).toBe(1);
      expect(String(record(sale.id, g).Result)).toMatch(/answer was lost; checked in the action/);
    });
  });
});

describe('buyers’ discount requests', () => {
  const { rt, sim } = demoShop({ postings: 200, days: 20, seed: 17, products: 30 });
  sim.setRateLimit(null);
  const tasks = () =>
    new Map(
      (
        callSim(sim, '/v2/actions/discounts-task/list', { status: 'ALL', limit: 50 }).tasks as {
          id: number;
          status: string;
          approved_price: number;
        }[]
      ).map((x) => [x.id, x] as const),
    );
  const rows = () => tabRecords(rt, 'Discount requests');
  const rowOf = (id: number) => rows().findIndex((r) => r['Request ID'] === String(id));
  const mark = (id: number, values: Record<string, unknown>) =>
    setCells(
      rt,
      'Discount requests',
      Object.entries(values).map(([header, value]) => ({ row: rowOf(id) + 2, header, value })),
    );

  beforeAll(() => {
    ok(rt.run<Result<{ result: string }>>('syncOrders'));
    ok(rt.run<Result<{ result: string }>>('updateFinance'));
    ok(rt.run<Result<Summary>>('refreshPromotions'));
  });

  test('every request is listed with the price asked and the profit at it', () => {
    expect(rows()).toHaveLength(tasks().size);
    const open = rows().filter((r) => r.Status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const r of open) expect(Number(r['Price asked'])).toBeLessThan(Number(r.Price));
  });

  test('decisions are reflected at Ozon and in the tab; an unconfirmed loss is refused; a decided one is not re-sent', () => {
    const open = rows().filter((r) => r.Status === 'open');
    const [a, b, c] = open.map((r) => Number(r['Request ID']));
    // Costs: A's offer costs 1.00, C's far above the price asked.
    const costs = tabRecords(rt, 'Costs');
    const costRow = new Map(costs.map((x, i) => [String(x['Offer ID']), i + 2]));
    const offerOf = (id: number) => String(rows()[rowOf(id)]['Offer ID']);
    const cells = [
      { offer: offerOf(a), value: 1 },
      { offer: offerOf(c), value: 900000 },
    ]
      .filter((x) => costRow.has(x.offer))
      .map((x) => ({ row: costRow.get(x.offer)!, header: 'Cost price', value: x.value }));
    setCells(rt, 'Costs', cells);
    mark(a, { 'Approve / Decline': 'Approve', 'Confirm below cost': costRow.has(offerOf(a)) ? '' : 'yes' });
    mark(b, { 'Approve / Decline': 'Отклонить' });
    mark(c, { 'Approve / Decline': 'approve' });
    const s = ok(rt.run<Result<Summary & { requests: Record<string, number> }>>('applyPromotionChoices'));
    const now = tasks();
    expect(now.get(a)!.status).toBe('APPROVED');
    expect(now.get(b)!.status).toBe('DECLINED');
    expect(now.get(c)!.status).toBe('NEW');
    expect(s.requests).toMatchObject({ approved: 1, declined: 1, refused: 1 });
    const row = (id: number) => rows()[rowOf(id)];
    expect(row(a)).toMatchObject({ Status: 'approved', Result: 'approved at Ozon' });
    expect(row(b)).toMatchObject({ Status: 'declined', Result: 'declined at Ozon' });
    expect(String(row(c).Result)).toMatch(/^not approved/);
    sim.resetStats();
    ok(rt.run<Result<Summary>>('applyPromotionChoices'));
    expect(sim.stats.byPath['/v1/actions/discounts-task/approve'] ?? 0).toBe(0);
    expect(sim.stats.byPath['/v1/actions/discounts-task/decline'] ?? 0).toBe(0);
    expect(String(row(a).Result)).toMatch(/^not open any more/);
  });

  test('a lost answer to a decision is settled by reading the requests again', () => {
    const d = Number(rows().find((r) => r.Status === 'open' && !r['Approve / Decline'])!['Request ID']);
    mark(d, { 'Approve / Decline': 'Decline' });
    sim.loseAnswer('/v1/actions/discounts-task/decline');
    sim.resetStats();
    ok(rt.run<Result<Summary>>('applyPromotionChoices'));
    expect(sim.stats.byPath['/v1/actions/discounts-task/decline']).toBe(1);
    expect(tasks().get(d)!.status).toBe('DECLINED');
    expect(String(rows()[rowOf(d)].Result)).toMatch(/answer was lost; checked/);
  });
});
