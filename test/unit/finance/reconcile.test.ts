// Reconciliation with Ozon's own totals, with hand-computed figures: per posting against the
// realization report of a closed month, per payout period and currency against the cash-flow statement.
import {
  closedMonths,
  reconcileMonth,
  reconcilePeriods,
  statementItem,
} from '../../../src/core/finance/reconcile';
import type { FeeGroup } from '../../../src/core/finance/fees';
import type { Accrual } from '../../../src/core/finance/profit';

const accrual = (postingNumber: string, group: FeeGroup, date: string, minor: number, currency = 'RUB') =>
  ({
    postingNumber,
    typeId: '1',
    typeName: group,
    group,
    date,
    minor,
    currency,
    sku: 0,
    quantity: 1,
  }) as Accrual;

describe('statement items', () => {
  it('books sales as orders, reversed sales as returns, and every fee group under its cash-flow line', () => {
    expect(statementItem('sale', 100)).toBe('orders');
    expect(statementItem('sale', -100)).toBe('returns');
    expect(statementItem('commission', -10)).toBe('commission');
    expect(statementItem('logistics', -10)).toBe('logistics');
    expect(statementItem('last_mile', -10)).toBe('logistics');
    expect(statementItem('returns', -10)).toBe('logistics');
    expect(statementItem('acquiring', -10)).toBe('services');
    expect(statementItem('other', 5)).toBe('services');
  });
});

describe('a closed month against the realization report', () => {
  const accruals = [
    accrual('A-1', 'sale', '2026-10-03', 150000),
    accrual('A-1', 'commission', '2026-10-03', -22500),
    accrual('A-1', 'logistics', '2026-10-04', -9000), // not in the realization report
    accrual('B-2', 'sale', '2026-10-10', 99900),
    accrual('B-2', 'commission', '2026-10-10', -14985),
    accrual('B-2', 'commission', '2026-10-20', 1000), // a later correction, same month
    accrual('C-3', 'sale', '2026-11-01', 50000), // next month: not this report's
  ];

  it('is reconciled when every posting agrees to the kopeck', () => {
    const rows = reconcileMonth('2026-10', accruals, [
      { postingNumber: 'A-1', saleMinor: 150000, commissionMinor: 22500 },
      { postingNumber: 'B-2', saleMinor: 99900, commissionMinor: 13985 },
    ]);
    expect(rows).toEqual([]);
  });

  it('shows each difference with the posting behind it, both ways', () => {
    const rows = reconcileMonth('2026-10', accruals, [
      { postingNumber: 'A-1', saleMinor: 150001, commissionMinor: 22500 },
      { postingNumber: 'B-2', saleMinor: 99900, commissionMinor: 14985 },
      { postingNumber: 'D-4', saleMinor: 1000, commissionMinor: 0 },
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ posting: 'A-1', item: 'sale', ozon: 150001, ours: 150000, difference: -1 }),
      expect.objectContaining({
        posting: 'B-2',
        item: 'commission',
        ozon: 14985,
        ours: 13985,
        difference: -1000,
      }),
      expect.objectContaining({ posting: 'D-4', item: 'sale', ozon: 1000, ours: 0, difference: -1000 }),
    ]);
    expect(rows.every((r) => r.section === 'posting' && r.period === '2026-10')).toBe(true);
  });

  it('sums a posting the report lists on several lines', () => {
    const rows = reconcileMonth('2026-10', accruals, [
      { postingNumber: 'A-1', saleMinor: 100000, commissionMinor: 15000 },
      { postingNumber: 'A-1', saleMinor: 50000, commissionMinor: 7500 },
      { postingNumber: 'B-2', saleMinor: 99900, commissionMinor: 13985 },
    ]);
    expect(rows).toEqual([]);
  });
});

describe('payout periods against the cash-flow statement', () => {
  const accruals = [
    accrual('A-1', 'sale', '2026-10-01', 150000),
    accrual('A-1', 'commission', '2026-10-01', -22500),
    accrual('A-1', 'logistics', '2026-10-02', -9000),
    accrual('A-1', 'acquiring', '2026-10-02', -2250),
    accrual('B-2', 'sale', '2026-10-15', -99900), // a return: a reversed sale
    accrual('B-2', 'sale', '2026-10-16', 70000), // the next period
    accrual('C-3', 'sale', '2026-10-05', 10000, 'CNY'), // another currency's statement
  ];
  // Ozon's period bounds are instants; the days are Moscow days (UTC+3).
  const period = {
    begin: '2026-09-30T21:00:00Z',
    end: '2026-10-15T20:59:59Z',
    currency: 'RUB',
  };

  it('compares every line of the period in its currency, differences signed ours − Ozon', () => {
    const rows = reconcilePeriods(accruals, [
      {
        ...period,
        ordersMinor: 150000,
        returnsMinor: -99900,
        commissionMinor: -22500,
        servicesMinor: -2250,
        logisticsMinor: -9100,
      },
    ]);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.period === '2026-10-01 – 2026-10-15' && r.currency === 'RUB')).toBe(true);
    const by = Object.fromEntries(rows.map((r) => [r.item, r]));
    expect(by.orders).toMatchObject({ ozon: 150000, ours: 150000, difference: 0 });
    expect(by.returns).toMatchObject({ ozon: -99900, ours: -99900, difference: 0 });
    expect(by.commission).toMatchObject({ difference: 0 });
    expect(by.services).toMatchObject({ difference: 0 });
    expect(by.logistics).toMatchObject({ ozon: -9100, ours: -9000, difference: 100 });
  });

  it('keeps currencies apart', () => {
    const [orders] = reconcilePeriods(accruals, [
      {
        ...period,
        currency: 'CNY',
        ordersMinor: 10000,
        returnsMinor: 0,
        commissionMinor: 0,
        servicesMinor: 0,
        logisticsMinor: 0,
      },
    ]);
    expect(orders).toMatchObject({
      item: 'orders',
      currency: 'CNY',
      ozon: 10000,
      ours: 10000,
      difference: 0,
    });
  });
});

describe('closed months', () => {
  it('counts back across the year, newest first, never the current month', () => {
    expect(closedMonths('2026-02-10', 3).map((m) => m.key)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(closedMonths('2026-12-01', 1)).toEqual([{ year: 2026, month: 11, key: '2026-11' }]);
  });
});
