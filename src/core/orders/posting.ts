// The add-on's own view of an Ozon posting, whatever scheme it came from (FBS, rFBS, FBO, FBP).
// The Ozon client's wire types are converted into this in src/core/orders/from-ozon.ts.
import type { PostingNeed } from '../handover/needs';

/** FBO and FBP postings ship from Ozon's and its partners' warehouses, never from the seller's shelf. */
export type Schema = 'FBS' | 'rFBS' | 'FBO' | 'FBP';

export interface OrderLine {
  sku: string;
  offerId: string;
  name: string;
  quantity: number;
  /** Unit price the buyer pays, in `currency`. */
  price: number;
  currency: string;
  oldPrice: number | null;
  discount: number | null;
  commission: number | null;
  payout: number | null;
}

export interface OrderPosting {
  postingNumber: string;
  orderNumber: string;
  orderId: string;
  schema: Schema;
  status: string;
  substatus: string;
  /** ISO instants (UTC), or null when Ozon gives none. */
  orderedAt: string | null;
  shipBy: string | null;
  deliveringDate: string | null;
  lastChanged: string | null;
  warehouse: string;
  deliveryMethod: string;
  trackingNumber: string;
  region: string;
  city: string;
  cluster: string;
  buyerId: string;
  buyerName: string;
  buyerPhone: string;
  address: string;
  paymentType: string;
  cancelReason: string;
  /** Ozon's id of the cancellation reason (0 when none): gives its words in the seller's language. */
  cancelReasonId?: number;
  parentPostingNumber: string;
  lines: OrderLine[];
  /** What Ozon needs before packing (country, marking codes, ship date…); absent = nothing. */
  needs?: PostingNeed[];
}

export const SPLIT_PARENT_STATUS = 'cancelled_from_split_pending';

export const OPEN_STATUSES: ReadonlySet<string> = new Set([
  'awaiting_registration',
  'acceptance_in_progress',
  'awaiting_approve',
  'awaiting_verification',
  'awaiting_packaging',
  'awaiting_deliver',
]);

export const FBS_STATUSES = [
  'awaiting_registration',
  'acceptance_in_progress',
  'awaiting_approve',
  'awaiting_verification',
  'awaiting_packaging',
  'awaiting_deliver',
  'arbitration',
  'client_arbitration',
  'delivering',
  'driver_pickup',
  'delivered',
  'cancelled',
  'cancelled_from_split_pending',
  'not_accepted',
  'sent_by_seller',
] as const;

export function postingTotal(p: OrderPosting): { amount: number; currency: string } {
  let cents = 0;
  for (const line of p.lines) cents += Math.round(line.price * 100) * line.quantity;
  return { amount: cents / 100, currency: p.lines[0]?.currency ?? '' };
}

export function lineKey(postingNumber: string, sku: string): string {
  return `${postingNumber}/${sku}`;
}
