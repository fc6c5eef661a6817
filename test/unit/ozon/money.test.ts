import { addMoney, parseAmount, parseMoney } from '../../../src/ozon/money';

describe('parseMoney', () => {
  it('reads the three shapes Ozon uses', () => {
    expect(parseMoney('1390.000000', 'RUB')).toEqual({ amount: 1390, currency: 'RUB' });
    expect(parseMoney({ amount: '12990.00', currency: 'KZT' }, 'RUB')).toEqual({
      amount: 12990,
      currency: 'KZT',
    });
    expect(parseMoney({ amount: 1200, currency: 'RUB' })).toEqual({ amount: 1200, currency: 'RUB' });
    expect(parseMoney(2999.99, 'RUB')).toEqual({ amount: 2999.99, currency: 'RUB' });
  });

  it('reads the returns API shape {price, currency_code}', () => {
    expect(parseMoney({ currency_code: 'RUB', price: '3318' })).toEqual({ amount: 3318, currency: 'RUB' });
  });

  it('rounds to kopecks half away from zero, without float junk', () => {
    expect(parseAmount('12990.005')).toBe(12990.01);
    expect(parseAmount('-0.125')).toBe(-0.13);
    expect(parseAmount(1.005)).toBe(1.01);
    expect(parseAmount(0.1 + 0.2)).toBe(0.3);
    expect(parseAmount(29.990000000000002)).toBe(29.99);
    expect(String(parseAmount('0.070000'))).toBe('0.07');
  });

  it('returns null when there is no amount', () => {
    expect(parseMoney('', 'RUB')).toBeNull();
    expect(parseMoney(null)).toBeNull();
    expect(parseMoney({ currency: 'RUB' })).toBeNull();
    expect(parseMoney('12,5')).toBeNull();
  });

  it('adds in kopecks', () => {
    expect(addMoney({ amount: 0.1, currency: 'RUB' }, { amount: 0.2, currency: 'RUB' })).toEqual({
      amount: 0.3,
      currency: 'RUB',
    });
    expect(() => addMoney({ amount: 1, currency: 'RUB' }, { amount: 1, currency: 'KZT' })).toThrow(/KZT/);
  });
});
