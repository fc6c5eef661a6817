// The Returns, Messages and Cancellation requests tabs: their columns and how Ozon's records fill
// them. Buyer text lands as literal strings (the table machinery writes stringValue), never as formulas.
import { t, type Lang, type MessageKey } from '../i18n/messages';
import type { RowValues, TableSpec } from '../table/spec';
import { isoToSerial, type OffsetMinutes } from '../time/serial';
import type { CancellationRecord, ChatSummary, OzonReturn, RfbsRequest } from './records';
import { compensationText, returnCodeText, returnStatusText, rfbsStateText } from './status';
import { CANCEL_INITIATOR_CODES } from '../i18n/cancel-reasons';
import { COMPENSATION_CODES } from '../i18n/returns';
import { messageBook, phraseBook } from '../i18n/relabel';
import type { Relabel } from '../table/relabel';

export const RETURNS_TAB = 'Returns';
export const MESSAGES_TAB = 'Messages';
export const CANCELLATIONS_TAB = 'Cancellation requests';

export const returnsSpec: TableSpec = {
  tab: RETURNS_TAB,
  key: 'row_key',
  columns: [
    { key: 'return_id', header: 'Return ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'order_number', header: 'Order number', kind: 'id', role: 'sync', width: 120 },
    { key: 'type', header: 'Type', kind: 'text', role: 'sync', width: 140 },
    { key: 'schema', header: 'Schema', kind: 'text', role: 'sync', width: 60 },
    { key: 'reason', header: 'Return reason', kind: 'text', role: 'sync', width: 180 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 110 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 220 },
    { key: 'quantity', header: 'Quantity', kind: 'int', role: 'sync', width: 70 },
    { key: 'price', header: 'Price', kind: 'money', role: 'sync', width: 90 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'status', header: 'Ozon status', kind: 'text', role: 'sync', width: 170 },
    { key: 'status_changed', header: 'Status changed', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'returned_at', header: 'Returned by buyer', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'arrived_at', header: 'Arrived / handed over', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'warehouse', header: 'Where it is', kind: 'text', role: 'sync', width: 150 },
    { key: 'barcode', header: 'Return barcode', kind: 'id', role: 'sync', width: 120 },
    { key: 'compensation', header: 'Compensation / refund', kind: 'text', role: 'sync', width: 150 },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 120, hidden: true },
    { key: 'row_key', header: 'Row key', kind: 'id', role: 'sync', width: 120, hidden: true },
    {
      key: 'compensation_code',
      header: 'Compensation code',
      kind: 'text',
      role: 'sync',
      width: 120,
      hidden: true,
    },
    { key: 'verdict', header: 'Reason verdict', kind: 'text', role: 'seller', width: 110 },
    { key: 'received', header: 'Received', kind: 'date', role: 'seller', width: 100 },
    { key: 'quality', header: 'Quality check', kind: 'text', role: 'seller', width: 120 },
    { key: 'outcome', header: 'Outcome', kind: 'text', role: 'seller', width: 120 },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export const messagesSpec: TableSpec = {
  tab: MESSAGES_TAB,
  key: 'chat_id',
  columns: [
    { key: 'chat_id', header: 'Chat ID', kind: 'id', role: 'sync', width: 150 },
    { key: 'status', header: 'Chat status', kind: 'text', role: 'sync', width: 80 },
    { key: 'order_number', header: 'Order number', kind: 'id', role: 'sync', width: 120 },
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'unread', header: 'Unread', kind: 'int', role: 'sync', width: 60 },
    { key: 'last_at', header: 'Last message at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'last_from', header: 'From', kind: 'text', role: 'sync', width: 100 },
    { key: 'last_text', header: 'Last message', kind: 'text', role: 'sync', width: 320 },
    { key: 'chat_type', header: 'Chat type', kind: 'text', role: 'sync', width: 120, hidden: true },
    { key: 'last_message_id', header: 'Last message ID', kind: 'id', role: 'sync', width: 160, hidden: true },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 80, hidden: true },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export const cancellationsSpec: TableSpec = {
  tab: CANCELLATIONS_TAB,
  key: 'cancellation_id',
  columns: [
    { key: 'cancellation_id', header: 'Request ID', kind: 'id', role: 'sync', width: 100 },
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'state', header: 'State', kind: 'text', role: 'sync', width: 140 },
    { key: 'initiator', header: 'Initiator', kind: 'text', role: 'sync', width: 80 },
    { key: 'reason', header: 'Reason', kind: 'text', role: 'sync', width: 180 },
    { key: 'message', header: 'Buyer comment', kind: 'text', role: 'sync', width: 200 },
    { key: 'requested_at', header: 'Requested at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'deadline', header: 'Answer by', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'decided_at', header: 'Decided at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'comment', header: 'Answer comment', kind: 'text', role: 'sync', width: 180 },
    { key: 'state_code', header: 'State code', kind: 'text', role: 'sync', width: 100, hidden: true },
    {
      key: 'initiator_code',
      header: 'Initiator code',
      kind: 'text',
      role: 'sync',
      width: 100,
      hidden: true,
    },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
  ],
};

export interface RowContext {
  lang: Lang;
  offset: OffsetMinutes;
}

const RETURN_TYPES = ['Cancellation', 'FullReturn', 'PartialReturn', 'ClientReturn', 'Unknown'];

export function returnTypeText(lang: Lang, type: string): string {
  return RETURN_TYPES.includes(type)
    ? t(lang, `service.type.${type}` as MessageKey)
    : t(lang, 'service.type.other', { code: type || '?' });
}

/** Row keys keep Ozon's two id spaces apart: returns list ids and rFBS return request ids. */
export const returnRowKey = (id: number | string) => `R${id}`;
export const rfbsRowKey = (id: number | string) => `RFBS${id}`;

/** Cut long buyer texts: a cell holds 50,000 characters, a row should stay readable. */
export function clip(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function returnRow(r: OzonReturn, ctx: RowContext): RowValues {
  return {
    row_key: returnRowKey(r.id),
    return_id: String(r.id),
    posting_number: r.postingNumber,
    order_number: r.orderNumber,
    type: returnTypeText(ctx.lang, r.type),
    schema: r.schema,
    reason: clip(r.reason, 300),
    offer_id: r.offerId,
    sku: r.sku ? String(r.sku) : '',
    name: r.name,
    quantity: r.quantity,
    price: r.price,
    currency: r.currency,
    status: returnStatusText(ctx.lang, r.statusCode, r.statusName),
    status_changed: isoToSerial(r.statusChangedAt, ctx.offset),
    returned_at: isoToSerial(r.returnedAt, ctx.offset),
    arrived_at: isoToSerial(r.arrivedAt, ctx.offset),
    warehouse: r.place,
    barcode: r.barcode,
    compensation: compensationText(ctx.lang, r.compensationCode, r.compensation),
    compensation_code: r.compensationCode,
    status_code: r.statusCode,
  };
}

export function rfbsRow(r: RfbsRequest, ctx: RowContext): RowValues {
  const row: RowValues = {
    row_key: rfbsRowKey(r.returnId),
    return_id: String(r.returnId),
    posting_number: r.postingNumber,
    order_number: r.orderNumber,
    type: t(ctx.lang, 'service.type.rfbs'),
    schema: 'rFBS',
    offer_id: r.offerId,
    sku: r.sku ? String(r.sku) : '',
    name: r.name,
    quantity: 1,
    price: r.price,
    currency: r.currency,
    status: rfbsStateText(ctx.lang, r.state, r.groupState, r.stateName),
    returned_at: isoToSerial(r.createdAt, ctx.offset),
    barcode: r.returnNumber,
    compensation: r.moneyState,
    status_code: r.state,
  };
  // The list has no reason; the request's own page (read from the sidebar) has it.
  if (r.reason !== undefined) row.reason = clip(r.reason, 300);
  return row;
}

export function senderText(lang: Lang, type: string): string {
  const key = `service.chat.from.${type}` as MessageKey;
  const text = t(lang, key);
  return text === key ? type : text;
}

export function chatStatusText(lang: Lang, status: string): string {
  const key = `service.chat.status.${status.toUpperCase()}` as MessageKey;
  const text = t(lang, key);
  return text === key ? status : text;
}

/** A chat's row; `last` is present only when its last message was read (the rest keeps the sheet's). */
export function chatRow(c: ChatSummary, ctx: RowContext, postingFor: (order: string) => string): RowValues {
  const row: RowValues = {
    chat_id: c.chatId,
    status: chatStatusText(ctx.lang, c.status),
    status_code: c.status.toUpperCase(),
    unread: c.unread,
    chat_type: c.type,
    last_message_id: c.lastMessageId,
  };
  if (c.last) {
    row.last_at = isoToSerial(c.last.createdAt, ctx.offset);
    row.last_from = senderText(ctx.lang, c.last.from);
    row.last_text = c.last.isImage && !c.last.text ? t(ctx.lang, 'service.chat.image') : clip(c.last.text);
    if (c.last.orderNumber) {
      row.order_number = c.last.orderNumber;
      row.posting_number = postingFor(c.last.orderNumber);
    }
  }
  return row;
}

export function cancellationStateText(lang: Lang, state: string): string {
  const key = `service.cancel.${state}` as MessageKey;
  const text = t(lang, key);
  return text === key ? state : text;
}

/** Who asked to cancel (Ozon writes CLIENT, or Client / Customer in older answers). */
export function initiatorText(lang: Lang, code: string): string {
  const upper = code.toUpperCase() === 'CUSTOMER' ? 'CLIENT' : code.toUpperCase();
  return CANCEL_INITIATOR_CODES.includes(upper) ? t(lang, `cancelInitiator.${upper}` as MessageKey) : code;
}

export function cancellationRow(c: CancellationRecord, ctx: RowContext): RowValues {
  return {
    cancellation_id: String(c.id),
    posting_number: c.postingNumber,
    state: cancellationStateText(ctx.lang, c.state),
    state_code: c.state,
    initiator: initiatorText(ctx.lang, c.initiator),
    initiator_code: c.initiator,
    reason: c.reason,
    message: clip(c.message, 500),
    requested_at: isoToSerial(c.requestedAt, ctx.offset),
    deadline: c.state === 'ON_APPROVAL' ? isoToSerial(c.deadline, ctx.offset) : null,
    decided_at: isoToSerial(c.decidedAt, ctx.offset),
    comment: clip(c.comment, 500),
  };
}

/** The order number of a posting: Ozon numbers postings `<order number>-<n>`. */
export function orderOfPosting(postingNumber: string): string {
  const cut = postingNumber.lastIndexOf('-');
  return cut > 0 ? postingNumber.slice(0, cut) : postingNumber;
}

// ---- After a language change -----------------------------------------------------------------

/** Words by code, or null for a code without words (the cell keeps what the sync wrote). */
const known =
  (words: (lang: Lang, code: string) => string) =>
  (lang: Lang, code: string): string | null => {
    const text = words(lang, code);
    return text === code ? null : text;
  };

const typeBook = phraseBook((lang) => [
  ...RETURN_TYPES.map((type) => returnTypeText(lang, type)),
  t(lang, 'service.type.rfbs'),
]);
/** A Returns Type cell in `lang` (it holds the words of the sync that wrote it). */
export function returnTypeIn(lang: Lang, cell: string): string {
  return typeBook.in(lang, cell) ?? cell;
}
const SENDERS = ['Customer', 'Seller', 'Support', 'Crm', 'Courier', 'NotificationUser'];
const senderBook = phraseBook((lang) => SENDERS.map((s) => senderText(lang, s)));

/** The service tabs' words rewritten in the seller's language when the sync finds them in another. */
export const SERVICE_RELABELS: Record<'returns' | 'messages' | 'cancellations', Relabel[]> = {
  returns: [
    { column: 'status', code: 'status_code', words: returnCodeText },
    {
      column: 'compensation',
      code: 'compensation_code',
      words: (lang, code) => (COMPENSATION_CODES.includes(code) ? compensationText(lang, code) : null),
    },
    { column: 'type', book: typeBook },
  ],
  messages: [
    { column: 'status', code: 'status_code', words: known(chatStatusText) },
    { column: 'last_from', book: senderBook },
    { column: 'last_text', book: messageBook(['service.chat.image']) },
  ],
  cancellations: [
    { column: 'state', code: 'state_code', words: known(cancellationStateText) },
    { column: 'initiator', code: 'initiator_code', words: known(initiatorText) },
  ],
};
