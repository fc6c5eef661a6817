// Content rating and buyers' average score per offer on the Products report: on each offer's latest
// row only (a rating is a now-figure, like stock, so a pivot over months does not repeat it).
import type { OfferRating } from '../feedback/reports';
import type { ProductRow } from './products';

export function applyRatings(products: ProductRow[], byOffer: ReadonlyMap<string, OfferRating>): void {
  const latest = new Map<string, ProductRow>();
  for (const row of products) {
    const seen = latest.get(row.offerId);
    if (!seen || (row.month ?? 0) >= (seen.month ?? 0)) latest.set(row.offerId, row);
  }
  for (const [offerId, row] of latest) {
    const rating = byOffer.get(offerId);
    if (!rating) continue;
    row.contentRating = rating.contentRating;
    row.reviewScore = rating.reviewScore;
  }
}
