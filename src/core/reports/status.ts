// How Ozon's posting statuses fold into the five groups the reports count by.
import { SPLIT_PARENT_STATUS } from '../orders/posting';

export type StatusGroup = 'sold' | 'in transit' | 'cancelled' | 'returned' | 'split';

export const STATUS_GROUPS: readonly StatusGroup[] = ['sold', 'in transit', 'cancelled', 'returned', 'split'];

const CANCELLED = new Set(['cancelled', 'not_accepted']);
const SOLD = new Set(['delivered']);

/**
 * sold: delivered to the buyer. cancelled: cancelled or not accepted. returned: Ozon reports a return
 * in the status or substatus (e.g. `posting_returned_to_warehouse`). split: the parent of a split
 * (its lines live on in the child postings). Everything else — awaiting packaging or delivery,
 * on the way, in arbitration — is in transit: ordered, not yet settled.
 */
export function statusGroup(status: string, substatus = ''): StatusGroup {
  if (status === SPLIT_PARENT_STATUS) return 'split';
  if (/return/i.test(status) || /return/i.test(substatus)) return 'returned';
  if (CANCELLED.has(status) || /cancel/i.test(status)) return 'cancelled';
  if (SOLD.has(status)) return 'sold';
  return 'in transit';
}

/** Lines of these groups carry their money into revenue, commission and payout. */
export function earns(group: StatusGroup): boolean {
  return group === 'sold' || group === 'in transit';
}
