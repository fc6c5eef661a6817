// The finance core: exact amounts, fee groups, allocation and profit, with hand-computed figures.
import { groupOf, typeBook } from '../../../src/core/finance/fees';
import { formatMinor, parseMinor } from '../../../src/core/finance/minor';
import { financeHorizon, financeOrderMonths } from '../../../src/core/finance/tables';
import {
  allocate,
  convert,
  lineProfits,
  observedRates,
  offerProfitAt,
  RATE_SCALE,
  type Accrual,
  type OfferCost,
  type ProfitLine,
} from '../../../src/core/finance/profit';

describe('amounts', () => {
  it.each([
    ['-316', -31600],
    ['1390.000000', 139000],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['+12.5', 1250],
    ['−7,00', -700],
    ['1,234,567', 123456700],
    ['1.234.567,89', 123456789],
    ['1,234.5', 123450],
    ['(45.10)', -4510],
    ['0.005', 1],
    ['-0.005', -1],
    [29.99, 2999],
    [0.1 + 0.2, 30],
    [-316, -31600],
    ['-0', 0],
  ])('%p is %p minor units', (text, minor) => {
    expect(parseMinor(text)).toBe(minor);
  });

  it.each(['', 'abc', '12.3.4,5x', '1-2', '--5', null, undefined, {}])('%p is not an amount', (text) => {
    expect(parseMinor(text)).toBeNull();
  });

  it('formats exactly', () => {
    expect(formatMinor(-31600)).toBe('-316.00');
    expect(formatMinor(5)).toBe('0.05');
  });
});

describe('fee groups', () => {
  it.each([
    ['Выручка от продажи товара', 'sale'],
    ['Возврат выручки', 'sale'],
    ['Вознаграждение за продажу', 'commission'],
    ['Возврат вознаграждения', 'commission'],
    ['Логистика', 'logistics'],
    ['MarketplaceServiceItemDirectFlowLogistic', 'logistics'],
    ['Последняя миля', 'last_mile'],
    ['Оплата эквайринга', 'acquiring'],
    ['Обратная логистика', 'returns'],
    ['Обработка невыкупа', 'returns'],
    ['Размещение товаров на складах Ozon', 'storage'],
    ['Оплата за заказ (продвижение)', 'ads'],
    ['Подписка Premium', 'services'],
    ['Something new', 'other'],
  ])('%s → %s', (name, group) => {
    expect(groupOf({ name, description: '' })).toBe(group);
  });

  it('keeps an id missing from the dictionary raw, under other', () => {
    const book = typeBook([{ id: '100', name: 'Выручка от продажи товара', description: '' }]);
    expect(book.type('100').group).toBe('sale');
    expect(book.type('999', 'Новая услуга')).toEqual({
      id: '999',
      name: 'Новая услуга',
      description: '',
      group: 'other',
      known: false,
    });
  });
});

describe('profit', () => {
  const acc = (
    postingNumber: string,
    group: Accrual['group'],
    minor: number,
    sku = 0,
    quantity = 0,
  ): Accrual => ({
    postingNumber,
    typeId: group,
    typeName: group,
    group,
    date: '2026-11-02',
    minor,
    currency: 'RUB',
    sku,
    quantity,
  });
  const rates = new Map([['2026-10', new Map([['CNY', 12_500_000]])]]);
  const costs = new Map<string, OfferCost>([
    [
      'A',
      {
        offerId: 'A',
        cost: { minor: 4000, currency: 'CNY' },
        freight: { minor: 5000, currency: 'RUB' },
        packaging: null,
      },
    ],
  ]);
  const lines: ProfitLine[] = [
    {
      postingNumber: 'P1',
      offerId: 'A',
      sku: 1,
      quantity: 2,
      value: 200000,
      currency: 'RUB',
      month: '2026-11',
    },
    {
      postingNumber: 'P1',
      offerId: 'B',
      sku: 2,
      quantity: 1,
      value: 100000,
      currency: 'RUB',
      month: '2026-11',
    },
  ];

  it('splits posting-wide fees by line value to the kopeck', () => {
    expect(allocate(-1001, [2, 1])).toEqual([-667, -334]);
    expect(allocate(100, [0, 0])).toEqual([50, 50]);
    expect(allocate(-1, [1, 1, 1]).reduce((s, x) => s + x, 0)).toBe(-1);
  });

  it('converts CNY through the latest month with a rate', () => {
    expect(convert({ minor: 4000, currency: 'CNY' }, 'RUB', '2026-11', rates)).toBe(50000);
    expect(convert({ minor: 4000, currency: 'CNY' }, 'RUB', '2026-09', rates)).toBeNull();
    expect(RATE_SCALE).toBe(1_000_000);
  });

  it('computes fees by group, payout, cost, profit and margin; a missing cost is blank, never zero', () => {
    const accruals = new Map([
      [
        'P1',
        [
          acc('P1', 'sale', 200000, 1, 2),
          acc('P1', 'sale', 100000, 2, 1),
          acc('P1', 'commission', -30000, 1, 2),
          acc('P1', 'commission', -15000, 2, 1),
          acc('P1', 'acquiring', -4500),
          acc('P1', 'logistics', -12000, 1, 2),
        ],
      ],
    ]);
    const [a, b] = lineProfits(lines, accruals, costs, rates);
    expect(a.groups).toEqual({ sale: 200000, commission: -30000, acquiring: -3000, logistics: -12000 });
    expect(a.payout).toBe(155000);
    expect(a.fees).toBe(-45000);
    expect(a.netUnits).toBe(2);
    expect(a.cost).toBe(2 * (50000 + 5000));
    expect(a.profit).toBe(45000);
    expect(a.margin).toBe(22.5);
    expect(a.status).toBe('ok');
    expect(b.groups.acquiring).toBe(-1500);
    expect(b.profit).toBeNull();
    expect(b.cost).toBeNull();
    expect(b.status).toBe('cost missing');
  });

  it('counts no cost for units returned, and says when a posting has no accruals yet', () => {
    const accruals = new Map([
      [
        'P1',
        [
          acc('P1', 'sale', 200000, 1, 2),
          acc('P1', 'sale', -200000, 1, 2),
          acc('P1', 'returns', -9000, 1, 2),
        ],
      ],
    ]);
    const [a] = lineProfits(lines, accruals, costs, rates);
    expect(a.netUnits).toBe(0);
    expect(a.cost).toBe(0);
    expect(a.profit).toBe(-9000 + allocate(0, [2, 1])[0]);
    const [none] = lineProfits(lines, new Map(), costs, rates);
    expect(none.status).toBe('no accruals');
    expect(none.profit).toBeNull();
  });

  it('gives the profit of an offer at any price from its observed fee rates', () => {
    const accruals = new Map([
      [
        'P1',
        [
          acc('P1', 'sale', 200000, 1, 2),
          acc('P1', 'commission', -30000, 1, 2),
          acc('P1', 'logistics', -12000, 1, 2),
        ],
      ],
    ]);
    const sold = lineProfits([lines[0]], accruals, costs, rates);
    const observed = observedRates(sold).get('A')!;
    expect(observed.shareBp.commission).toBe(-1500);
    expect(observed.perUnit.logistics).toBe(-6000);
    const at = offerProfitAt(80000, observed, costs.get('A'), '2026-11', rates);
    expect(at.fees).toEqual({ commission: -12000, logistics: -6000 });
    expect(at.payout).toBe(62000);
    expect(at.profit).toBe(62000 - 55000);
    expect(offerProfitAt(80000, observed, undefined, '2026-11', rates).profit).toBeNull();
  });
});

describe('the finance horizon', () => {
  it('is the first day of the oldest month the Reconciliation checks (two closed months back)', () => {
    expect(financeHorizon('2026-11-21')).toBe('2026-09-01');
    expect(financeHorizon('2026-01-31')).toBe('2025-11-01');
    expect(financeHorizon('2026-03-01')).toBe('2026-01-01');
  });

  it('the Finance tab names each posting’s order month, rows without one left out', () => {
    const col = new Map([
      ['posting_number', 0],
      ['order_month', 1],
    ]);
    const months = financeOrderMonths(
      [
        ['1-1-1', '2026-07'],
        ['2-1-1', ''],
        ['3-1-1', 'July'],
      ],
      col,
    );
    expect([...months]).toEqual([['1-1-1', '2026-07']]);
  });
});
