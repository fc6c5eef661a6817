// Posting statuses grouped by what they mean for the seller's goods. One set per concept, shared by
// the desk, the inventory ledger and the reports.

/**
 * The seller has packed or handed over the goods: the stock has left the shelf. `not_accepted` (the
 * sorting centre refused the posting, Ozon lists it under Disputed) is not here: the goods never
 * entered Ozon's delivery and come back to the seller, so the ledger counts it with the cancellations.
 */
export const SHIPPED_STATUSES: ReadonlySet<string> = new Set([
  'awaiting_deliver',
  'delivering',
  'driver_pickup',
  'delivered',
  'sent_by_seller',
  'arbitration',
  'client_arbitration',
]);
