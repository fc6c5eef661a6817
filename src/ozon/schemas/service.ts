// Returns and chats.
import { z } from 'zod';
import { bigId, bool, int, list, looseNum, oneOrMany, text } from './common';

const s = text.nullish();
const i = int.nullish();
const priced = z.looseObject({ currency_code: s, price: z.unknown().optional() }).nullish();

export const returnsAnswer = z.looseObject({
  has_next: bool.nullish(),
  returns: list(
    z.looseObject({
      id: int,
      order_id: i,
      order_number: s,
      posting_number: s,
      schema: s,
      type: s,
      return_reason_name: s,
      product: z
        .looseObject({
          sku: i,
          offer_id: s,
          name: s,
          quantity: i,
          price: priced,
          price_without_commission: priced,
          commission: priced,
          commission_percent: looseNum,
        })
        .nullish(),
      visual: z
        .looseObject({
          status: z.looseObject({ id: i, display_name: s, sys_name: s }).nullish(),
          change_moment: s,
        })
        .nullish(),
      logistic: z.looseObject({ return_date: s, final_moment: s, barcode: s }).nullish(),
    }),
  ),
});

const rfbsProduct = z
  .looseObject({ sku: i, offer_id: s, name: s, currency_code: s, price: z.unknown().optional() })
  .nullish();

export const rfbsReturnsAnswer = z.looseObject({
  returns: oneOrMany(
    z.looseObject({
      return_id: int,
      return_number: s,
      posting_number: s,
      order_number: s,
      created_at: s,
      client_name: s,
      product: rfbsProduct,
      state: z.looseObject({ group_state: s, state: s, state_name: s, money_return_state_name: s }).nullish(),
    }),
  ),
});

/** `available_actions` items are `{id, name}` in the spec and `{action: {id, name}}` in the example. */
const action = z
  .looseObject({ id: i, name: s, action: z.looseObject({ id: i, name: s }).nullish() })
  .transform((a) => ({ ...a, id: a.id ?? a.action?.id ?? null, name: a.name ?? a.action?.name ?? null }));

export const rfbsReturnAnswer = z.looseObject({
  returns: z.looseObject({
    return_number: s,
    posting_number: s,
    order_number: s,
    created_at: s,
    client_name: s,
    comment: s,
    product: rfbsProduct,
    state: z.looseObject({ state: s, state_name: s }).nullish(),
    available_actions: list(action),
    rejection_reason: list(z.looseObject({ id: i, name: s, hint: s, is_comment_required: bool.nullish() })),
    return_reason: z.looseObject({ id: i, name: s, is_defect: bool.nullish() }).nullish(),
    warehouse_id: i,
  }),
});

export const emptyAnswer = z.looseObject({});

export const chatListAnswer = z.looseObject({
  chats: list(
    z.looseObject({
      chat: z.looseObject({ chat_id: text, chat_status: s, chat_type: s, created_at: s }),
      first_unread_message_id: bigId.nullish(),
      last_message_id: bigId.nullish(),
      unread_count: i,
    }),
  ),
  total_unread_count: i,
  cursor: s,
  has_next: bool.nullish(),
});

export const chatHistoryAnswer = z.looseObject({
  has_next: bool.nullish(),
  messages: list(
    z.looseObject({
      message_id: bigId,
      created_at: s,
      data: list(text),
      is_image: bool.nullish(),
      is_read: bool.nullish(),
      user: z.looseObject({ id: s, type: s }).nullish(),
      context: z.looseObject({ order_number: s, sku: s }).nullish(),
    }),
  ),
});

export const sendMessageAnswer = z.looseObject({ result: s });
