// Ozon's returns, rFBS return requests, chats and cancellation requests as the add-on uses them:
// plain records built from the validated answers, with money parsed and ids as text where they must be.
import type { z } from 'zod';
import { money } from '../../ozon/schemas/common';
import type { conditionalCancellationsAnswer } from '../../ozon/schemas/fulfilment';
import type {
  chatHistoryAnswer,
  chatListAnswer,
  rfbsReturnAnswer,
  rfbsReturnsAnswer,
  returnsAnswer,
} from '../../ozon/schemas/service';

type OzonReturnItem = z.output<typeof returnsAnswer>['returns'][number];
type OzonRfbsItem = z.output<typeof rfbsReturnsAnswer>['returns'][number];
type OzonRfbsDetail = z.output<typeof rfbsReturnAnswer>['returns'];
type OzonChatItem = z.output<typeof chatListAnswer>['chats'][number];
export type OzonMessage = z.output<typeof chatHistoryAnswer>['messages'][number];
type OzonCancellation = z.output<typeof conditionalCancellationsAnswer>['result'][number];

export interface OzonReturn {
  id: number;
  postingNumber: string;
  orderNumber: string;
  type: string;
  schema: string;
  reason: string;
  offerId: string;
  sku: number | null;
  name: string;
  quantity: number;
  price: number | null;
  currency: string;
  statusName: string;
  statusCode: string;
  statusChangedAt: string;
  returnedAt: string;
  arrivedAt: string;
  place: string;
  barcode: string;
  compensation: string;
  compensationCode: string;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);

function placeName(r: OzonReturnItem): string {
  const place = (r as { place?: { name?: unknown } | null }).place;
  return str(place?.name);
}

export function fromOzonReturn(r: OzonReturnItem): OzonReturn {
  const price = r.product?.price as { price?: unknown; currency_code?: unknown } | null | undefined;
  const parsed = price ? money(price.price, price.currency_code) : null;
  return {
    id: r.id,
    postingNumber: str(r.posting_number),
    orderNumber: str(r.order_number),
    type: str(r.type),
    schema: str(r.schema),
    reason: str(r.return_reason_name),
    offerId: str(r.product?.offer_id),
    sku: r.product?.sku ?? null,
    name: str(r.product?.name),
    quantity: r.product?.quantity ?? 1,
    price: parsed ? parsed.amount : null,
    currency: parsed?.currency || str(price?.currency_code),
    statusName: str(r.visual?.status?.display_name) || str(r.visual?.status?.sys_name),
    statusCode: str(r.visual?.status?.sys_name),
    statusChangedAt: str(r.visual?.change_moment),
    returnedAt: str(r.logistic?.return_date),
    arrivedAt: str(r.logistic?.final_moment),
    place: placeName(r),
    barcode: str(r.logistic?.barcode),
    compensation: str(r.compensation_status?.status?.display_name),
    compensationCode: str(r.compensation_status?.status?.sys_name),
  };
}

export interface RfbsRequest {
  returnId: number;
  returnNumber: string;
  postingNumber: string;
  orderNumber: string;
  createdAt: string;
  offerId: string;
  sku: number | null;
  name: string;
  price: number | null;
  currency: string;
  state: string;
  groupState: string;
  stateName: string;
  moneyState: string;
  /** Only from the request's own page. */
  reason?: string;
}

export function fromRfbsListItem(r: OzonRfbsItem): RfbsRequest {
  const price = r.product ? money(r.product.price, r.product.currency_code) : null;
  return {
    returnId: r.return_id,
    returnNumber: str(r.return_number),
    postingNumber: str(r.posting_number),
    orderNumber: str(r.order_number),
    createdAt: str(r.created_at),
    offerId: str(r.product?.offer_id),
    sku: r.product?.sku ?? null,
    name: str(r.product?.name),
    price: price ? price.amount : null,
    currency: price?.currency || str(r.product?.currency_code),
    state: str(r.state?.state),
    groupState: str(r.state?.group_state),
    stateName: str(r.state?.state_name),
    moneyState: str(r.state?.money_return_state_name),
  };
}

export interface RfbsAction {
  id: number;
  name: string;
  /** What the seller must add: a rejection reason and comment, or an amount. */
  needs: 'reason' | 'amount' | null;
}

export interface RfbsDetail {
  returnId: number;
  state: string;
  stateName: string;
  reason: string;
  isDefect: boolean;
  comment: string;
  actions: RfbsAction[];
  rejectionReasons: { id: number; name: string; hint: string; commentRequired: boolean }[];
}

/** Ozon's ids: -1 and -10 reject (reason and comment required), 1020 compensates part (amount required). */
export function actionNeeds(id: number): RfbsAction['needs'] {
  if (id === -1 || id === -10) return 'reason';
  if (id === 1020) return 'amount';
  return null;
}

export function fromRfbsDetail(returnId: number, r: OzonRfbsDetail): RfbsDetail {
  return {
    returnId,
    state: str(r.state?.state),
    stateName: str(r.state?.state_name),
    reason: str(r.return_reason?.name),
    isDefect: r.return_reason?.is_defect === true,
    comment: str(r.comment),
    actions: r.available_actions
      .filter((a) => typeof a.id === 'number')
      .map((a) => ({ id: a.id as number, name: str(a.name), needs: actionNeeds(a.id as number) })),
    rejectionReasons: r.rejection_reason
      .filter((x) => typeof x.id === 'number')
      .map((x) => ({
        id: x.id as number,
        name: str(x.name),
        hint: str(x.hint),
        commentRequired: x.is_comment_required === true,
      })),
  };
}

export interface LastMessage {
  createdAt: string;
  from: string;
  text: string;
  isImage: boolean;
  orderNumber: string;
}

export interface ChatSummary {
  chatId: string;
  status: string;
  type: string;
  unread: number;
  lastMessageId: string;
  last?: LastMessage;
}

export function fromChatItem(c: OzonChatItem): ChatSummary {
  return {
    chatId: c.chat.chat_id,
    status: str(c.chat.chat_status),
    type: str(c.chat.chat_type),
    unread: c.unread_count ?? 0,
    lastMessageId: c.last_message_id && c.last_message_id !== '0' ? c.last_message_id : '',
  };
}

export function messageText(m: OzonMessage): string {
  return m.data.join('\n');
}

export function lastMessage(m: OzonMessage): LastMessage {
  return {
    createdAt: str(m.created_at),
    from: str(m.user?.type),
    text: messageText(m),
    isImage: m.is_image === true,
    orderNumber: str(m.context?.order_number),
  };
}

export interface CancellationRecord {
  id: number;
  postingNumber: string;
  state: string;
  initiator: string;
  reason: string;
  message: string;
  requestedAt: string;
  deadline: string;
  decidedAt: string;
  comment: string;
}

export function fromCancellation(c: OzonCancellation): CancellationRecord {
  return {
    id: c.cancellation_id,
    postingNumber: c.posting_number,
    state: str(c.state?.state),
    initiator: str(c.cancellation_initiator),
    reason: str(c.cancellation_reason?.name),
    message: str(c.cancellation_reason_message),
    requestedAt: str(c.cancelled_at),
    deadline: str(c.auto_approve_date),
    decidedAt: str(c.approve_date),
    comment: str(c.approve_comment),
  };
}
