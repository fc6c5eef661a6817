// The pure decisions behind "Apply promotion choices" and the margin at an action price.
import { offerProfitAt } from '../../../src/core/finance/profit';
import {
  decide,
  isConfirmed,
  listedRates,
  readChoice,
  type ActionItem,
  type Marked,
} from '../../../src/core/promotions/plan';
import { soldRates } from '../../../src/core/promotions/rates';

const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  productId: 1,
  price: 100_000,
  actionPrice: null,
  maxActionPrice: 80_000,
  minStock: 0,
  stock: 0,
  ...over,
});
const mark = (over: Partial<Marked> = {}): Marked => ({
  key: '9|1',
  productId: 1,
  choice: 'join',
  joinPrice: null,
  confirmed: false,
  ...over,
});
const rates = { shareBp: { commission: -1500 }, perUnit: { logistics: -10_000 }, currency: 'RUB' };
const cost = (minor: number) => ({
  offerId: 'A',
  cost: { minor, currency: 'RUB' },
  freight: null,
  packaging: null,
});
const profitAt = (unit: number | null) => (price: number) =>
  offerProfitAt(price, rates, unit === null ? undefined : cost(unit), '2026-11', new Map());

describe('readChoice and isConfirmed', () => {
  it.each([
    ['Join', 'join'],
    [' участвовать ', 'join'],
    ['参加', 'join'],
    ['Leave', 'leave'],
    ['Выйти', 'leave'],
    ['退出', 'leave'],
    ['', null],
    [null, null],
    ['maybe', 'unknown'],
  ])('%p → %p', (cell, choice) => expect(readChoice(cell)).toBe(choice));

  it('a ticked box or a yes in any language confirms; anything else does not', () => {
    for (const yes of [true, 'yes', 'Да', '是', 'x']) expect(isConfirmed(yes)).toBe(true);
    for (const no of [false, '', 'no', 'нет', null, 0]) expect(isConfirmed(no)).toBe(false);
  });
});

describe('decide', () => {
  it('a candidate joins at the maximum action price when the profit there is positive', () => {
    // 800.00 − 15 % commission (120.00) − 100.00 logistics − 500.00 cost = 80.00
    const v = decide(mark(), { candidate: item(), stockAction: false }, profitAt(50_000));
    expect(v).toMatchObject({ kind: 'join', price: 80_000 });
    expect(v.kind === 'join' && v.profit?.profit).toBe(8_000);
  });

  it('below cost, or with the cost unknown, it joins only with the row’s confirmation', () => {
    const now = { candidate: item(), stockAction: false };
    expect(decide(mark(), now, profitAt(70_000))).toMatchObject({ kind: 'skip', reason: 'belowCost' });
    expect(decide(mark(), now, profitAt(null))).toMatchObject({ kind: 'skip', reason: 'costUnknown' });
    expect(decide(mark({ confirmed: true }), now, profitAt(70_000))).toMatchObject({ kind: 'join' });
    expect(decide(mark({ confirmed: true }), now, profitAt(null))).toMatchObject({ kind: 'join' });
  });

  it('the seller’s join price wins over the maximum; a non-positive price is refused', () => {
    const now = { candidate: item(), stockAction: false };
    expect(decide(mark({ joinPrice: 75_000 }), now, profitAt(1))).toMatchObject({ price: 75_000 });
    expect(decide(mark({ joinPrice: 0 }), now, profitAt(1))).toMatchObject({ reason: 'badPrice' });
  });

  it('already in the action at that price, or leaving what is not in it: nothing to send', () => {
    const inIt = item({ actionPrice: 80_000 });
    expect(decide(mark(), { inAction: inIt, stockAction: false }, profitAt(1))).toMatchObject({
      reason: 'already',
    });
    expect(
      decide(mark({ choice: 'leave' }), { candidate: item(), stockAction: false }, profitAt(1)),
    ).toMatchObject({
      reason: 'notIn',
    });
    expect(decide(mark({ choice: 'leave' }), { inAction: inIt, stockAction: false }, profitAt(1))).toEqual({
      kind: 'leave',
    });
    // A new price for a product already in: it is sent (Ozon changes the action price).
    expect(
      decide(mark({ joinPrice: 70_000 }), { inAction: inIt, stockAction: false }, profitAt(1)),
    ).toMatchObject({ kind: 'join', price: 70_000 });
  });

  it('a product Ozon no longer offers is refused; a stock action sends its minimum stock', () => {
    expect(decide(mark(), { stockAction: false }, profitAt(1))).toMatchObject({ reason: 'notCandidate' });
    expect(
      decide(mark(), { candidate: item({ minStock: 3 }), stockAction: true }, profitAt(1)),
    ).toMatchObject({
      stock: 3,
    });
  });
});

describe('fee rates', () => {
  it('Ozon’s listed FBS rates: commission and acquiring by price, logistics and last mile per unit', () => {
    const r = listedRates(
      { price: { price: 1000, currency_code: 'RUB' }, acquiring: 15 },
      { sales_percent_fbs: 12.5, fbs_direct_flow_trans_max_amount: 60, fbs_deliv_to_customer_amount: 25 },
    );
    expect(r).toEqual({
      shareBp: { commission: -1250, acquiring: -150 },
      perUnit: { logistics: -6000, last_mile: -2500 },
      currency: 'RUB',
    });
    expect(listedRates({ price: { price: 0 } }, { sales_percent_fbs: 10 })).toBeNull();
  });

  it('rates seen in sales come from Order lines with accruals; returned or empty lines are left out', () => {
    const col = new Map(
      ['offer_id', 'quantity', 'currency', 'fee_sale', 'fee_commission', 'fee_logistics'].map((k, i) => [
        k,
        i,
      ]),
    );
    const rows = [
      ['A', 2, 'RUB', 2000, -300, -200],
      ['A', 1, 'RUB', 1000, -150, -100],
      ['A', 1, 'RUB', -1000, 150, 0],
      ['B', 1, 'RUB', '', '', ''],
    ];
    const r = soldRates(rows, col);
    expect([...r.keys()]).toEqual(['A']);
    expect(r.get('A')).toEqual({
      shareBp: { commission: -1500 },
      perUnit: { logistics: -10_000 },
      currency: 'RUB',
    });
  });
});
