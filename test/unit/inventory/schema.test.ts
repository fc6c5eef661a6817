import { StockMoveInput } from '../../../src/shared/inventory-schema';

const issue = (input: unknown) => {
  const r = StockMoveInput.safeParse(input);
  return r.success ? null : { field: r.error.issues[0].path.join('.'), message: r.error.issues[0].message };
};

describe('stock entry validation', () => {
  it('accepts receipts, write-offs and counts (a count of 0 is a real count)', () => {
    expect(StockMoveInput.parse({ offerId: ' 007 ', reason: 'receipt', quantity: '12' })).toEqual({
      offerId: '007',
      reason: 'receipt',
      quantity: 12,
      note: '',
    });
    expect(StockMoveInput.parse({ offerId: 'A', reason: 'count', quantity: 0, note: 'shelf' }).quantity).toBe(
      0,
    );
  });

  it.each([
    [{ offerId: '', reason: 'receipt', quantity: 1 }, 'offerId', 'error.inventory.offerId.required'],
    [{ offerId: 'A', reason: 'receipt', quantity: 0 }, 'quantity', 'error.inventory.quantity.zero'],
    [{ offerId: 'A', reason: 'write_off', quantity: 1.5 }, 'quantity', 'error.inventory.quantity.integer'],
    [{ offerId: 'A', reason: 'receipt', quantity: 'ten' }, 'quantity', 'error.inventory.quantity.number'],
    [{ offerId: 'A', reason: 'write_off', quantity: -3 }, 'quantity', 'error.inventory.quantity.positive'],
    [{ offerId: 'A', reason: 'count', quantity: -1 }, 'quantity', 'error.inventory.count.negative'],
    [{ offerId: 'A', reason: 'steal', quantity: 1 }, 'reason', 'error.inventory.reason'],
  ])('%j → %s: %s', (input, field, message) => {
    expect(issue(input)).toEqual({ field, message });
  });
});
