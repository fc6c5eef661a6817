// Customer service: returns, rFBS return requests, chats, conditional cancellations.
import { ApiError, badRequest, notFound } from '../errors';
import type { Chat, ConditionalCancellation, RfbsReturnRequest } from '../model';
import { iso } from '../render';
import {
  checkLimit,
  decodeOffset,
  EMPTY,
  encodeOffset,
  optionalTime,
  type Ctx,
  type Handler,
} from './common';

const returnsList: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 500);
  const f = body.filter ?? {};
  const dateFilters = [
    'logistic_return_date',
    'storage_tariffication_start_date',
    'visual_status_change_moment',
  ].filter((k) => f[k]);
  if (dateFilters.length > 1) throw badRequest(`filter: use only one of ${dateFilters.join(', ')}`);
  if (Array.isArray(f.posting_numbers) && f.posting_numbers.length > 50) {
    throw badRequest('filter.posting_numbers: value must contain at most 50 item(s)');
  }
  const range = dateFilters[0] ? f[dateFilters[0]] : null;
  const from = optionalTime(range?.time_from, `filter.${dateFilters[0]}.time_from`);
  const to = optionalTime(range?.time_to, `filter.${dateFilters[0]}.time_to`);
  const postings = Array.isArray(f.posting_numbers) ? new Set<string>(f.posting_numbers) : null;
  const lastId = Number(body.last_id ?? 0);
  const out = [];
  let hasNext = false;
  for (const r of shop.state.returns) {
    if (r.id <= lastId) continue;
    const when = dateFilters[0] === 'visual_status_change_moment' ? r.statusChangedAt : r.createdAt;
    if (from !== undefined && when < from) continue;
    if (to !== undefined && when > to) continue;
    if (postings && !postings.has(r.postingNumber)) continue;
    if (f.return_schema && String(f.return_schema).toUpperCase() !== r.schema) continue;
    if (f.offer_id && f.offer_id !== r.offerId) continue;
    if (f.order_id && Number(f.order_id) !== r.orderId) continue;
    if (f.warehouse_id && Number(f.warehouse_id) !== r.warehouseId) continue;
    if (out.length === limit) {
      hasNext = true;
      break;
    }
    const commission = Math.round(r.price * r.quantity * r.commissionPercent) / 100;
    out.push({
      exemplars: [{ id: r.id * 10 + 1 }],
      id: r.id,
      company_id: Number(shop.clientId) || 0,
      return_reason_name: r.reason,
      type: r.type,
      schema: r.schema,
      order_id: r.orderId,
      order_number: r.orderNumber,
      place: { id: r.warehouseId, name: r.warehouseName, address: '' },
      target_place: { id: r.warehouseId, name: r.warehouseName, address: '' },
      storage: {
        sum: { currency_code: r.currency, price: 0 },
        tariffication_first_date: null,
        tariffication_start_date: null,
        arrived_moment: r.statusSysName === 'MovingToSeller' ? null : iso(r.statusChangedAt),
        days: 0,
        utilization_sum: { currency_code: r.currency, price: 0 },
        utilization_forecast_date: '',
      },
      product: {
        sku: r.sku,
        offer_id: r.offerId,
        name: r.name,
        price: { currency_code: r.currency, price: r.price },
        price_without_commission: { currency_code: r.currency, price: r.price * r.quantity - commission },
        commission_percent: r.commissionPercent,
        commission: { currency_code: r.currency, price: commission },
        quantity: r.quantity,
      },
      logistic: {
        technical_return_moment: null,
        final_moment: r.statusSysName === 'ReceivedBySeller' ? iso(r.statusChangedAt) : null,
        cancelled_with_compensation_moment: null,
        return_date: iso(r.createdAt),
        barcode: r.barcode,
      },
      visual: {
        status: {
          id: r.statusSysName === 'MovingToSeller' ? 2 : r.statusSysName === 'ArrivedAtReturnPlace' ? 3 : 4,
          display_name: r.statusName,
          sys_name: r.statusSysName,
        },
        change_moment: iso(r.statusChangedAt),
      },
      additional_info: { is_opened: false, is_super_econom: false },
      source_id: 0,
      posting_number: r.postingNumber,
      clearing_id: 0,
      return_clearing_id: 0,
      compensation_status: null,
    });
  }
  return { returns: out, has_next: hasNext };
};

function rfbsActions(r: RfbsReturnRequest) {
  if (r.state === 'NEW') {
    return [
      { id: 1, name: 'Одобрить заявку' },
      { id: -1, name: 'Отклонить заявку' },
    ];
  }
  if (r.state === 'APPROVED') {
    return [
      { id: 3, name: 'Вернуть деньги покупателю' },
      { id: 1020, name: 'Компенсировать часть стоимости' },
    ];
  }
  return [];
}

function rfbsProduct(r: RfbsReturnRequest) {
  return { name: r.name, offer_id: r.offerId, currency_code: r.currency, price: r.price, sku: r.sku };
}

const rfbsList: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 1000);
  const f = body.filter ?? {};
  const groups = Array.isArray(f.group_state) ? f.group_state.map((g: string) => g.toLowerCase()) : null;
  const from = optionalTime(f.created_at?.from, 'filter.created_at.from');
  const to = optionalTime(f.created_at?.to, 'filter.created_at.to');
  const lastId = Number(body.last_id ?? 0);
  const out = [];
  for (const r of shop.state.rfbsReturns) {
    if (r.returnId <= lastId) continue;
    if (groups && !groups.includes('all') && !groups.includes(r.groupState.toLowerCase())) continue;
    if (f.offer_id && f.offer_id !== r.offerId) continue;
    if (f.posting_number && f.posting_number !== r.postingNumber) continue;
    if (from !== undefined && r.createdAt < from) continue;
    if (to !== undefined && r.createdAt > to) continue;
    if (out.length === limit) break;
    out.push({
      client_name: r.clientName,
      created_at: iso(r.createdAt),
      order_number: r.orderNumber,
      posting_number: r.postingNumber,
      product: rfbsProduct(r),
      return_id: r.returnId,
      return_number: r.returnNumber,
      state: {
        group_state: r.groupState,
        money_return_state_name: r.moneyReturnStateName,
        state: r.state,
        state_name: r.stateName,
      },
    });
  }
  return { returns: out };
};

function findRfbsReturn(shop: Ctx['shop'], id: unknown): RfbsReturnRequest {
  const r = shop.state.rfbsReturns.find((x) => x.returnId === Number(id));
  if (!r) throw notFound('return not found');
  return r;
}

const rfbsGet: Handler = ({ shop, body }: Ctx) => {
  const r = findRfbsReturn(shop, body.return_id);
  return {
    returns: {
      available_actions: rfbsActions(r),
      client_name: r.clientName,
      client_photo: [],
      client_return_method_type: { id: 1, name: 'Курьером' },
      comment: r.comment,
      created_at: iso(r.createdAt),
      order_number: r.orderNumber,
      posting_number: r.postingNumber,
      product: rfbsProduct(r),
      rejection_comment: r.rejectionComment,
      rejection_reason: [
        { hint: 'Приложите фото', id: 11, is_comment_required: true, name: 'Товар со следами использования' },
        { hint: '', id: 12, is_comment_required: true, name: 'Неполная комплектация' },
      ],
      return_method_description: 'Курьер заберёт товар у покупателя',
      return_number: r.returnNumber,
      return_reason: { id: r.reasonId, is_defect: r.isDefect, name: r.reasonName },
      ru_post_tracking_number: '',
      state: { state: r.state, state_name: r.stateName },
      warehouse_id: r.warehouseId,
    },
  };
};

const rfbsAction: Handler = ({ shop, body }: Ctx) => {
  const r = findRfbsReturn(shop, body.return_id);
  const id = Number(body.id);
  if (!rfbsActions(r).some((a) => a.id === id)) {
    throw badRequest(
      `ACTION_NOT_AVAILABLE: action ${body.id} is not available for return ${r.returnId} in state ${r.state}`,
    );
  }
  if ((id === -1 || id === -10) && (!body.comment || !body.rejection_reason_id)) {
    throw badRequest('comment and rejection_reason_id are required to reject a return');
  }
  if (id === 1020 && !(Number(body.compensation_amount) > 0)) {
    throw badRequest('compensation_amount is required for action 1020');
  }
  const set = (state: string, group: string, name: string, money = '') => {
    r.state = state;
    r.groupState = group;
    r.stateName = name;
    r.moneyReturnStateName = money;
  };
  if (id === 1) set('APPROVED', 'Approved', 'Одобрена', 'Ожидает возврата денег');
  else if (id === -1) {
    set('REJECTED', 'Rejected', 'Отклонена');
    r.rejectionComment = String(body.comment);
  } else if (id === 3) set('MONEY_RETURNED', 'Completed', 'Деньги возвращены', 'Деньги возвращены');
  else if (id === 1020)
    set('PARTIAL_COMPENSATION', 'Completed', 'Частичная компенсация', 'Компенсация выплачена');
  return EMPTY;
};

function unread(c: Chat): number {
  return c.messages.filter((m) => !m.isRead && m.userType !== 'Seller').length;
}

const chatList: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 100);
  const status = String(body.filter?.chat_status ?? 'All').toUpperCase();
  const unreadOnly = !!body.filter?.unread_only;
  const all = shop.state.chats
    .filter((c) => (status === 'ALL' || c.status === status) && (!unreadOnly || unread(c) > 0))
    .sort((a, b) => lastAt(b) - lastAt(a) || (a.chatId < b.chatId ? -1 : 1));
  const start = decodeOffset(body.cursor);
  const slice = all.slice(start, start + limit);
  const next = start + slice.length;
  return {
    chats: slice.map((c) => {
      const firstUnread = c.messages.find((m) => !m.isRead && m.userType !== 'Seller');
      return {
        chat: { created_at: iso(c.createdAt), chat_id: c.chatId, chat_status: c.status, chat_type: c.type },
        first_unread_message_id: firstUnread?.id ?? 0n,
        last_message_id: c.messages[c.messages.length - 1]?.id ?? 0n,
        unread_count: unread(c),
      };
    }),
    total_unread_count: shop.state.chats.reduce((s, c) => s + unread(c), 0),
    cursor: next < all.length ? encodeOffset(next) : '',
    has_next: next < all.length,
  };
};

function lastAt(c: Chat): number {
  return c.messages[c.messages.length - 1]?.createdAt ?? c.createdAt;
}

function findChat(shop: Ctx['shop'], id: unknown): Chat {
  const c = shop.state.chats.find((x) => x.chatId === id);
  if (!c) throw notFound('chat not found');
  return c;
}

/** `from_message_id` exceeds 2^53: read it from the raw JSON text, not from the parsed number. */
function rawBigint(raw: string, field: string): bigint | null {
  const m = new RegExp(`"${field}"\\s*:\\s*"?(\\d+)"?`).exec(raw);
  return m ? BigInt(m[1]) : null;
}

const chatHistory: Handler = ({ shop, body, raw }: Ctx) => {
  const chat = findChat(shop, body.chat_id);
  const limit = body.limit === undefined ? 50 : checkLimit(body.limit, 1, 1000);
  const forward = String(body.direction ?? 'Backward') === 'Forward';
  if (body.direction !== undefined && !['Forward', 'Backward'].includes(String(body.direction))) {
    throw badRequest('direction: expected Forward or Backward');
  }
  const from = rawBigint(raw, 'from_message_id');
  if (forward && from === null) throw badRequest('from_message_id: value is required for direction Forward');
  const ids = Array.isArray(body.filter?.message_ids)
    ? new Set<string>(body.filter.message_ids.map(String))
    : null;
  let list = chat.messages.filter((m) => !ids || ids.has(m.id.toString()));
  if (forward) list = list.filter((m) => m.id >= from!);
  else {
    if (from !== null) list = list.filter((m) => m.id <= from);
    list = [...list].reverse();
  }
  const page = list.slice(0, limit);
  return {
    has_next: list.length > limit,
    messages: page.map((m) => ({
      context: { order_number: m.orderNumber, sku: m.sku },
      created_at: iso(m.createdAt),
      data: [m.text],
      is_image: false,
      is_read: m.isRead,
      message_id: m.id,
      moderate_image_status: 'SUCCESS',
      user: { id: m.userId, type: m.userType },
    })),
  };
};

const chatSend: Handler = ({ shop, body, now, subscription }: Ctx) => {
  if (subscription !== 'premium_plus' && subscription !== 'premium_pro') {
    throw new ApiError(403, 7, 'Premium Plus or Premium Pro subscription is required to use this method');
  }
  const chat = findChat(shop, body.chat_id);
  const text = String(body.text ?? '');
  if (text.length < 1 || text.length > 1000)
    throw badRequest('text: length must be between 1 and 1000 characters');
  if (chat.status === 'CLOSED') throw badRequest('CHAT_IS_CLOSED');
  for (const m of chat.messages) if (m.userType !== 'Seller') m.isRead = true;
  shop.pushMessage(chat, now, 'Seller', text, true, chat.messages[0]?.orderNumber ?? '');
  return { result: 'success' };
};

const STATE_IDS = { ON_APPROVAL: 1, APPROVED: 2, REJECTED: 3 } as const;
const STATE_NAMES = {
  ON_APPROVAL: 'На согласовании',
  APPROVED: 'Подтверждена',
  REJECTED: 'Отклонена',
} as const;

const ccList: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 500);
  const f = body.filters ?? {};
  const state = f.state && f.state !== 'ALL' ? String(f.state) : null;
  const initiators = Array.isArray(f.cancellation_initiator)
    ? new Set<string>(f.cancellation_initiator)
    : null;
  const postings = Array.isArray(f.posting_number) ? new Set<string>(f.posting_number) : null;
  const lastId = Number(body.last_id ?? 0);
  const out: ConditionalCancellation[] = [];
  for (const c of shop.state.conditionalCancellations) {
    if (c.id <= lastId) continue;
    if (state && c.state !== state) continue;
    if (initiators && !initiators.has(c.initiator)) continue;
    if (postings && !postings.has(c.postingNumber)) continue;
    if (out.length === limit) break;
    out.push(c);
  }
  const res: Record<string, unknown> = {
    last_id: out.length ? out[out.length - 1].id : 0,
    result: out.map((c) => ({
      approve_comment: c.comment,
      approve_date: iso(c.decidedAt),
      auto_approve_date: iso(c.autoApproveAt),
      cancellation_id: c.id,
      cancellation_initiator: c.initiator,
      cancellation_reason: { id: c.reasonId, name: c.reasonName },
      cancellation_reason_message: c.message,
      cancelled_at: iso(c.createdAt),
      order_date: iso(c.orderDate),
      posting_number: c.postingNumber,
      source_id: 0,
      state: { id: STATE_IDS[c.state], name: STATE_NAMES[c.state], state: c.state },
      tpl_integration_type: c.tplIntegrationType,
    })),
  };
  if (body.with?.counter) {
    res.counter = shop.state.conditionalCancellations.filter((c) => c.state === 'ON_APPROVAL').length;
  }
  return res;
};

function decide(approve: boolean): Handler {
  return ({ shop, body, now }: Ctx) => {
    const c = shop.state.conditionalCancellations.find((x) => x.id === Number(body.cancellation_id));
    if (!c) throw notFound('cancellation request not found');
    if (c.state !== 'ON_APPROVAL')
      throw badRequest(`CANCELLATION_ALREADY_PROCESSED: request ${c.id} is ${c.state}`);
    shop.decideCancellation(c, approve, String(body.comment ?? ''), now);
    return EMPTY;
  };
}

export const serviceHandlers: Record<string, Handler> = {
  '/v1/returns/list': returnsList,
  '/v2/returns/rfbs/list': rfbsList,
  '/v2/returns/rfbs/get': rfbsGet,
  '/v1/returns/rfbs/action/set': rfbsAction,
  '/v3/chat/list': chatList,
  '/v3/chat/history': chatHistory,
  '/v1/chat/send/message': chatSend,
  '/v2/conditional-cancellation/list': ccList,
  '/v2/conditional-cancellation/approve': decide(true),
  '/v2/conditional-cancellation/reject': decide(false),
};
