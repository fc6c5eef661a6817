// The seller's price work in Inventory: New price, My min price, a quantity discount (from N units,
// P % off) and the confirmation to sell below cost. Decides, per row, what "Update prices" sends to
// Ozon and what it refuses here: never below the seller's minimum (theirs, else Ozon's min price),
// never below cost without the row's confirmation, nothing when Ozon already has it. Money in minor units.
import type { OfferProfit } from '../finance/profit';
import { parseMinor } from '../finance/minor';
import { isConfirmed } from '../promotions/plan';

export interface PriceMarks {
  offerId: string;
  productId: number | null;
  sku: number | null;
  /** The cells as read (a text that is not a price is refused, not ignored). */
  newPrice: unknown;
  myMin: unknown;
  qtyFrom: unknown;
  qtyPercent: unknown;
  confirmed: boolean;
}

export interface CurrentPrice {
  price: number | null;
  minPrice: number | null;
  currency: string;
}

export interface StairwayNow {
  enabled: boolean;
  steps: { step: number; quantity: number; discount: number }[];
}

export type Refusal =
  | 'noProduct'
  | 'badPrice'
  | 'badMin'
  | 'belowMin'
  | 'belowCost'
  | 'costUnknown'
  | 'qtyIncomplete'
  | 'qtyBad'
  | 'qtyBelowMin'
  | 'qtyBelowCost'
  | 'qtyCostUnknown'
  | 'noSku'
  | 'withPrice';

export type PricePart =
  | { kind: 'none' }
  | { kind: 'unchanged'; price: number | null }
  | { kind: 'send'; price: number | null; minPrice: number | null }
  | { kind: 'refused'; reason: Refusal; amount?: number };

export type QtyPart =
  | { kind: 'none' }
  | { kind: 'unchanged' }
  | { kind: 'send'; enabled: boolean; quantity: number; percent: number }
  | { kind: 'refused'; reason: Refusal; amount?: number };

export interface PriceVerdict {
  offerId: string;
  price: PricePart;
  qty: QtyPart;
}

const filled = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';

/** Whole number from a cell (3, "3", "3.0"); null when it is not one. */
function wholeNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.').replace(/%$/, ''));
  return Number.isInteger(n) ? n : null;
}

/** A row with anything in New price, My min price or the quantity-discount cells. */
export function isMarked(m: PriceMarks): boolean {
  return filled(m.newPrice) || filled(m.myMin) || filled(m.qtyFrom) || filled(m.qtyPercent);
}

export function readPriceMarks(
  row: readonly unknown[],
  positions: ReadonlyMap<string, number>,
): PriceMarks | null {
  const at = (k: string) => {
    const i = positions.get(k);
    return i === undefined ? undefined : row[i];
  };
  const offerId = filled(at('offer_id')) ? String(at('offer_id')).trim() : '';
  if (!offerId) return null;
  const id = (v: unknown) => (filled(v) && /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : null);
  return {
    offerId,
    productId: id(at('product_id')),
    sku: id(at('sku')),
    newPrice: at('new_price'),
    myMin: at('my_min_price'),
    qtyFrom: at('qty_from'),
    qtyPercent: at('qty_percent'),
    confirmed: isConfirmed(at('price_confirm')),
  };
}

/** The unit price after a percentage off, rounded to the kopeck as Ozon shows it. */
export function discounted(price: number, percent: number): number {
  return Math.round((price * (100 - percent)) / 100);
}

function lossCheck(
  profit: OfferProfit | null,
  confirmed: boolean,
  unknown: Refusal,
  below: Refusal,
): { reason: Refusal; amount?: number } | null {
  if (confirmed) return null;
  if (!profit || profit.profit === null) return { reason: unknown };
  if (profit.profit < 0) return { reason: below, amount: -profit.profit };
  return null;
}

/**
 * What to do with one marked row. `profitAt(price)` is the unit profit at a price (null when the
 * fees or the cost are unknown); `current` is Ozon's price now (null: the product is not on Ozon);
 * `stairway` Ozon's quantity discount now.
 */
export function decidePrice(
  m: PriceMarks,
  current: CurrentPrice | null,
  stairway: StairwayNow | null,
  profitAt: (price: number) => OfferProfit | null,
): PriceVerdict {
  const out: PriceVerdict = { offerId: m.offerId, price: { kind: 'none' }, qty: { kind: 'none' } };
  const wantsPrice = filled(m.newPrice) || filled(m.myMin);
  const wantsQty = filled(m.qtyFrom) || filled(m.qtyPercent);
  if (!current || m.productId === null) {
    if (wantsPrice) out.price = { kind: 'refused', reason: 'noProduct' };
    if (wantsQty) out.qty = { kind: 'refused', reason: 'noProduct' };
    return out;
  }
  const newPrice = filled(m.newPrice) ? parseMinor(m.newPrice) : null;
  const myMin = filled(m.myMin) ? parseMinor(m.myMin) : null;
  const badPrice = filled(m.newPrice) && (newPrice === null || newPrice <= 0);
  const badMin = filled(m.myMin) && (myMin === null || myMin < 0);
  const floor = badMin ? null : (myMin ?? current.minPrice);
  const price = badPrice ? null : (newPrice ?? current.price);
  if (wantsPrice) {
    if (badPrice) out.price = { kind: 'refused', reason: 'badPrice' };
    else if (badMin) out.price = { kind: 'refused', reason: 'badMin' };
    else if (newPrice !== null && floor !== null && newPrice < floor)
      out.price = { kind: 'refused', reason: 'belowMin', amount: floor };
    else {
      const loss =
        newPrice !== null ? lossCheck(profitAt(newPrice), m.confirmed, 'costUnknown', 'belowCost') : null;
      const samePrice = newPrice === null || newPrice === current.price;
      const sameMin = myMin === null || myMin === current.minPrice;
      if (loss) out.price = { kind: 'refused', ...loss };
      else if (samePrice && sameMin) out.price = { kind: 'unchanged', price: newPrice };
      else
        out.price = {
          kind: 'send',
          price: samePrice ? null : newPrice,
          minPrice: sameMin ? null : myMin,
        };
    }
  }
  if (wantsQty) out.qty = decideQty(m, price, floor, stairway, profitAt, out.price.kind === 'refused');
  return out;
}

function decideQty(
  m: PriceMarks,
  price: number | null,
  floor: number | null,
  stairway: StairwayNow | null,
  profitAt: (price: number) => OfferProfit | null,
  priceRefused: boolean,
): QtyPart {
  if (m.sku === null) return { kind: 'refused', reason: 'noSku' };
  const percent = filled(m.qtyPercent) ? wholeNumber(m.qtyPercent) : null;
  const quantity = filled(m.qtyFrom) ? wholeNumber(m.qtyFrom) : null;
  const on = Boolean(stairway?.enabled && stairway.steps.length);
  // 0 % (with or without a quantity) takes the discount off.
  if (percent === 0)
    return on ? { kind: 'send', enabled: false, quantity: 0, percent: 0 } : { kind: 'unchanged' };
  if (!filled(m.qtyFrom) || !filled(m.qtyPercent)) return { kind: 'refused', reason: 'qtyIncomplete' };
  if (quantity === null || quantity < 2 || percent === null || percent < 1 || percent > 99)
    return { kind: 'refused', reason: 'qtyBad' };
  // The discount applies to the price the row ends with: the new one when it goes out, else Ozon's.
  if (priceRefused) return { kind: 'refused', reason: 'withPrice' };
  if (price === null) return { kind: 'refused', reason: 'badPrice' };
  const unit = discounted(price, percent);
  if (floor !== null && unit < floor) return { kind: 'refused', reason: 'qtyBelowMin', amount: floor };
  const loss = lossCheck(profitAt(unit), m.confirmed, 'qtyCostUnknown', 'qtyBelowCost');
  if (loss) return { kind: 'refused', ...loss };
  const same =
    on &&
    stairway!.steps.length === 1 &&
    stairway!.steps[0].quantity === quantity &&
    stairway!.steps[0].discount === percent;
  return same ? { kind: 'unchanged' } : { kind: 'send', enabled: true, quantity, percent };
}

/** "from 3 pcs −5%; from 10 pcs −10%" style summary of Ozon's steps, built by the caller's phrase. */
export function stairwayText(
  s: StairwayNow | null,
  step: (quantity: number, percent: number) => string,
): string {
  if (!s || !s.enabled || !s.steps.length) return '';
  return s.steps.map((x) => step(x.quantity, x.discount)).join('; ');
}
