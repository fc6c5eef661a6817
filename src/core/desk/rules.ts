// What the desk may do with a posting, decided from its status, scheme and the seller's working
// columns. The sidebar uses the same answers to show buttons; the server re-checks them on every call
// against the posting as Ozon has it now.
import { AppError } from '../errors';
import { SHIPPED_STATUSES } from '../orders/statuses';
import type { CheckItem, CheckState, DeskAction, DeskState } from '../../shared/desk-schema';
import { CHECK_ITEMS } from '../../shared/desk-schema';

/** Before packing: an order the seller may still check and mark verified. */
export const PRE_SHIP: ReadonlySet<string> = new Set([
  'awaiting_registration',
  'acceptance_in_progress',
  'awaiting_approve',
  'awaiting_verification',
  'awaiting_packaging',
]);

export const CANCELLED = 'cancelled';
export const SPLIT = 'cancelled_from_split_pending';
export const READY_TO_PACK = 'awaiting_packaging';

/** The facts of a posting the rules look at. */
export interface PostingFacts {
  posting: string;
  orderNumber: string;
  schema: string;
  status: string;
  substatus: string;
  lines: { sku: string; offerId: string; quantity: number }[];
  items: number;
  total: number;
  currency: string;
  buyer: string;
  address: string;
  /** The seller's columns. */
  verified: boolean;
  /** Digest stored when verified (empty for rows verified by hand in the sheet). */
  verifiedDigest: string;
  problem: string;
  /** What Ozon needs before packing (the Orders "Needs data" cell); '' or absent when nothing. */
  needsData?: string;
}

/** Short fingerprint of what the seller checked: items and quantities, buyer and address. */
export function orderDigest(p: Pick<PostingFacts, 'lines' | 'buyer' | 'address'>): string {
  const lines = [...p.lines]
    .map((l) => `${l.sku}:${l.quantity}`)
    .sort()
    .join(',');
  const text = `${lines}|${p.buyer.trim()}|${p.address.trim()}`;
  let h1 = 5381;
  let h2 = 52711;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = (h1 * 33) ^ c;
    h2 = (h2 * 33) ^ c;
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

export function isRfbs(schema: string): boolean {
  return schema.toLowerCase() === 'rfbs';
}

export function deskState(p: PostingFacts): DeskState {
  if (p.status === SPLIT) return 'split';
  if (p.status === CANCELLED) return 'cancelled';
  if (p.status === 'delivered') return 'done';
  if (SHIPPED_STATUSES.has(p.status)) return 'shipped';
  if (!PRE_SHIP.has(p.status)) return 'waiting';
  if (p.problem.trim()) return 'problem';
  if (p.verified) {
    return p.verifiedDigest && p.verifiedDigest !== orderDigest(p) ? 'changed' : 'verified';
  }
  return 'to_verify';
}

export function checklist(p: PostingFacts): Record<CheckItem, CheckState> {
  const linesOk =
    p.lines.length > 0 &&
    p.lines.every((l) => l.quantity > 0 && l.offerId.trim() !== '') &&
    p.lines.reduce((s, l) => s + l.quantity, 0) === p.items;
  return {
    order: p.posting && p.orderNumber ? 'ok' : 'missing',
    items: linesOk ? 'ok' : 'missing',
    buyer: isRfbs(p.schema) ? (p.buyer.trim() && p.address.trim() ? 'ok' : 'missing') : 'na',
    amount: p.total > 0 && p.currency ? 'ok' : 'missing',
  };
}

/** Checklist items the seller must tick before verifying (those not marked na). */
export function requiredChecks(states: Record<CheckItem, CheckState>): CheckItem[] {
  return CHECK_ITEMS.filter((item) => states[item] !== 'na');
}

export function checklistComplete(
  states: Record<CheckItem, CheckState>,
  ticked: readonly CheckItem[],
): boolean {
  return requiredChecks(states).every((item) => ticked.includes(item));
}

export function allowedActions(p: PostingFacts): DeskAction[] {
  const state = deskState(p);
  const rfbs = isRfbs(p.schema);
  const actions: DeskAction[] = [];
  if (state === 'to_verify' || state === 'changed') actions.push('verify');
  if (state === 'problem') actions.push('clearProblem');
  else if (PRE_SHIP.has(p.status) || p.status === 'awaiting_deliver') actions.push('problem');
  const needsData = Boolean(p.needsData?.trim()) && PRE_SHIP.has(p.status);
  if (needsData) actions.push('packData');
  if (p.status === READY_TO_PACK && state === 'verified' && !needsData) actions.push('ship');
  if (p.status === 'awaiting_deliver' && !rfbs) actions.push('handover');
  if (p.status === 'awaiting_deliver' && !rfbs) actions.push('labels');
  if (rfbs && (p.status === 'awaiting_deliver' || p.status === 'delivering')) actions.push('tracking');
  if (rfbs && p.status === 'awaiting_deliver') actions.push('delivering');
  if (rfbs && p.status === 'delivering') actions.push('last_mile', 'delivered');
  if (p.status === READY_TO_PACK || p.status === 'awaiting_deliver' || (rfbs && p.status === 'delivering'))
    actions.push('cancel');
  if (PRE_SHIP.has(p.status) || p.status === 'awaiting_deliver') actions.push('slip');
  return actions;
}

/** The error for an action the posting's status does not allow, most specific first. */
export function statusError(p: Pick<PostingFacts, 'posting' | 'status'>, statusText: string): AppError {
  if (p.status === CANCELLED)
    return new AppError('desk.cancelled', 'error.desk.cancelled', { posting: p.posting });
  if (p.status === SPLIT) return new AppError('desk.split', 'error.desk.split', { posting: p.posting });
  return new AppError('desk.status', 'error.desk.status', { posting: p.posting, status: statusText });
}

/** Throws unless the posting may be marked verified as shippable now. */
export function assertVerifiable(p: PostingFacts, statusText: string, ticked: readonly CheckItem[]): void {
  if (!PRE_SHIP.has(p.status)) throw statusError(p, statusText);
  if (p.problem.trim()) throw new AppError('desk.problem', 'error.desk.hasProblem', { posting: p.posting });
  if (!checklistComplete(checklist(p), ticked))
    throw new AppError('desk.checklist', 'error.desk.checklist', { posting: p.posting });
}

/** Throws unless the posting may be packed and shipped now. */
export function assertShippable(p: PostingFacts, statusText: string): void {
  if (SHIPPED_STATUSES.has(p.status))
    throw new AppError('desk.shipped', 'error.desk.alreadyShipped', {
      posting: p.posting,
      status: statusText,
    });
  if (p.status !== READY_TO_PACK) throw statusError(p, statusText);
  if (p.problem.trim()) throw new AppError('desk.problem', 'error.desk.hasProblem', { posting: p.posting });
  if (p.needsData?.trim())
    throw new AppError('desk.needsData', 'error.desk.needsData', { posting: p.posting, needs: p.needsData });
  const state = deskState(p);
  if (state === 'changed') throw new AppError('desk.changed', 'error.desk.changed', { posting: p.posting });
  if (state !== 'verified')
    throw new AppError('desk.notVerified', 'error.desk.notVerified', { posting: p.posting });
}
