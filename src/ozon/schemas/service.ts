// Returns and chats.
import { z } from 'zod';
import { bigId, bool, int, list, looseNum, oneOrMany, text, loose } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();
const priced = lazySchema(() => loose({ currency_code: s, price: z.unknown().optional() }).nullish());

export const returnsAnswer = lazySchema(() =>
  loose({
    has_next: bool.nullish(),
    returns: list(
      loose({
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
            status: loose({ id: i, display_name: s, sys_name: s }).nullish(),
            change_moment: s,
          })
          .nullish(),
        logistic: loose({ return_date: s, final_moment: s, barcode: s }).nullish(),
        compensation_status: loose({
          status: loose({ id: i, display_name: s, sys_name: s }).nullish(),
          change_moment: s,
        }).nullish(),
      }),
    ),
  }),
);

const rfbsProduct = lazySchema(() =>
  z.looseObject({ sku: i, offer_id: s, name: s, currency_code: s, price: z.unknown().optional() }).nullish(),
);

export const rfbsReturnsAnswer = lazySchema(() =>
  loose({
    returns: oneOrMany(
      loose({
        return_id: int,
        return_number: s,
        posting_number: s,
        order_number: s,
        created_at: s,
        client_name: s,
        product: rfbsProduct,
        state: loose({ group_state: s, state: s, state_name: s, money_return_state_name: s }).nullish(),
      }),
    ),
  }),
);

/** `available_actions` items are `{id, name}` in the spec and `{action: {id, name}}` in the example. */
const action = lazySchema(() =>
  z
    .looseObject({ id: i, name: s, action: loose({ id: i, name: s }).nullish() })
    .transform((a) => ({ ...a, id: a.id ?? a.action?.id ?? null, name: a.name ?? a.action?.name ?? null })),
);

export const rfbsReturnAnswer = lazySchema(() =>
  loose({
    returns: loose({
      return_number: s,
      posting_number: s,
      order_number: s,
      created_at: s,
      client_name: s,
      comment: s,
      product: rfbsProduct,
      state: loose({ state: s, state_name: s }).nullish(),
      available_actions: list(action),
      rejection_reason: list(loose({ id: i, name: s, hint: s, is_comment_required: bool.nullish() })),
      return_reason: loose({ id: i, name: s, is_defect: bool.nullish() }).nullish(),
      warehouse_id: i,
    }),
  }),
);

export const emptyAnswer = lazySchema(() => loose({}));

export const chatListAnswer = lazySchema(() =>
  loose({
    chats: list(
      loose({
        chat: loose({ chat_id: text, chat_status: s, chat_type: s, created_at: s }),
        first_unread_message_id: bigId.nullish(),
        last_message_id: bigId.nullish(),
        unread_count: i,
      }),
    ),
    total_unread_count: i,
    cursor: s,
    has_next: bool.nullish(),
  }),
);

export const chatHistoryAnswer = lazySchema(() =>
  loose({
    has_next: bool.nullish(),
    messages: list(
      loose({
        message_id: bigId,
        created_at: s,
        data: list(text),
        is_image: bool.nullish(),
        is_read: bool.nullish(),
        user: loose({ id: s, type: s }).nullish(),
        context: loose({ order_number: s, sku: s }).nullish(),
      }),
    ),
  }),
);

export const sendMessageAnswer = lazySchema(() => loose({ result: s }));
