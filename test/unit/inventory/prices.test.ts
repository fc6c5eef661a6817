// The price guard: what "Update prices" sends, refuses or leaves, per row (money in minor units).
import { decidePrice, type PriceMarks, type StairwayNow } from '../../../src/core/inventory/prices';
import type { OfferProfit } from '../../../src/core/finance/profit';

const marks = (over: Partial<PriceMarks>): PriceMarks => ({
  offerId: 'A1',
  productId: 11,
  sku: 111,
  newPrice: '',
  myMin: '',
  qtyFrom: '',
  qtyPercent: '',
  confirmed: false,
  ...over,
});
const current = { price: 100_000, minPrice: 90_000, currency: 'RUB' };
const cost = 50_000;
const profitAt = (price: number) => ({ profit: price - cost }) as OfferProfit;
const noStairway: StairwayNow = { enabled: false, steps: [] };

describe('decidePrice', () => {
  it('sends a new price above the minimum and the cost', () => {
    expect(decidePrice(marks({ newPrice: 950 }), current, noStairway, profitAt).price).toEqual({
      kind: 'send',
      price: 95_000,
      minPrice: null,
    });
  });

  it('refuses below Ozon’s min price, or below the seller’s own minimum when set', () => {
    expect(decidePrice(marks({ newPrice: 899 }), current, noStairway, profitAt).price).toMatchObject({
      kind: 'refused',
      reason: 'belowMin',
      amount: 90_000,
    });
    expect(
      decidePrice(marks({ newPrice: 950, myMin: '960' }), current, noStairway, profitAt).price,
    ).toMatchObject({ kind: 'refused', reason: 'belowMin', amount: 96_000 });
    // The seller's own minimum may be lower than Ozon's: it is sent with the price.
    expect(decidePrice(marks({ newPrice: 850, myMin: 800 }), current, noStairway, profitAt).price).toEqual({
      kind: 'send',
      price: 85_000,
      minPrice: 80_000,
    });
  });

  it('refuses below cost (or with the cost unknown) unless the row confirms', () => {
    const costly = (price: number) => ({ profit: price - 200_000 }) as OfferProfit;
    expect(decidePrice(marks({ newPrice: 950 }), current, noStairway, costly).price).toMatchObject({
      kind: 'refused',
      reason: 'belowCost',
      amount: 105_000,
    });
    expect(decidePrice(marks({ newPrice: 950 }), current, noStairway, () => null).price).toMatchObject({
      reason: 'costUnknown',
    });
    expect(
      decidePrice(marks({ newPrice: 950, confirmed: true }), current, noStairway, costly).price.kind,
    ).toBe('send');
  });

  it('leaves a price Ozon already has, and refuses what is not a price', () => {
    expect(decidePrice(marks({ newPrice: '1000' }), current, noStairway, profitAt).price.kind).toBe(
      'unchanged',
    );
    expect(decidePrice(marks({ newPrice: 'cheap' }), current, noStairway, profitAt).price).toMatchObject({
      reason: 'badPrice',
    });
    expect(decidePrice(marks({ newPrice: 950 }), null, noStairway, profitAt).price).toMatchObject({
      reason: 'noProduct',
    });
  });

  it('quantity discounts: sent, unchanged, taken off, refused below the minimum', () => {
    const d = (over: Partial<PriceMarks>, s = noStairway) =>
      decidePrice(marks(over), current, s, profitAt).qty;
    expect(d({ qtyFrom: 3, qtyPercent: 5 })).toEqual({
      kind: 'send',
      enabled: true,
      quantity: 3,
      percent: 5,
    });
    const on = { enabled: true, steps: [{ step: 1, quantity: 3, discount: 5 }] };
    expect(d({ qtyFrom: 3, qtyPercent: '5%' }, on)).toEqual({ kind: 'unchanged' });
    expect(d({ qtyPercent: 0 }, on)).toMatchObject({ kind: 'send', enabled: false });
    expect(d({ qtyPercent: 0 })).toEqual({ kind: 'unchanged' });
    expect(d({ qtyFrom: 3, qtyPercent: 15 })).toMatchObject({ reason: 'qtyBelowMin', amount: 90_000 });
    expect(d({ qtyFrom: 1, qtyPercent: 5 })).toMatchObject({ reason: 'qtyBad' });
    expect(d({ qtyFrom: 3 })).toMatchObject({ reason: 'qtyIncomplete' });
    // With a new price, the discount applies to it.
    expect(d({ newPrice: 2000, qtyFrom: 3, qtyPercent: 15 })).toMatchObject({ kind: 'send', percent: 15 });
    expect(d({ newPrice: 10, qtyFrom: 3, qtyPercent: 5 })).toMatchObject({ reason: 'withPrice' });
  });
});
