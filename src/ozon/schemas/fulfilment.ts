// Answers of the fulfilment methods: ship, labels, tracking numbers, rFBS statuses, cancellation.
// Several of them report per-posting failures inside an HTTP 200.
import { z } from 'zod';
import { bool, int, list, oneOrMany, text } from './common';

const s = text.nullish();

export const shipAnswer = z.looseObject({
  result: list(text),
  additional_data: list(
    z.looseObject({
      posting_number: s,
      products: list(z.looseObject({ sku: int.nullish(), offer_id: s, quantity: int.nullish() })),
    }),
  ),
});

export const labelTaskCreateAnswer = z.looseObject({
  result: z.looseObject({
    tasks: list(z.looseObject({ task_id: int, task_type: s })),
  }),
});

export const labelTaskGetAnswer = z.looseObject({
  result: z.looseObject({
    status: text,
    file_url: s,
    error: s,
    printed_postings_count: int.nullish(),
    unprinted_postings_count: int.nullish(),
    unprinted_postings: list(z.looseObject({ posting_number: s, msg: s })),
  }),
});

/** `error` is a string in the spec and an (empty) array in examples: both become one string. */
const itemError = z
  .unknown()
  .transform((v): string => {
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
    if (v === null || v === undefined) return '';
    return JSON.stringify(v);
  })
  .optional();

/** tracking-number/set, delivering, last-mile, delivered: `result[]` of per-posting outcomes. */
export const postingOutcomesAnswer = z.looseObject({
  result: oneOrMany(z.looseObject({ posting_number: text, result: bool.nullish(), error: itemError })),
});

export const cancelAnswer = z.looseObject({ result: bool });

export const cancelReasonsAnswer = z.looseObject({
  result: list(
    z.looseObject({ id: int, title: text, type_id: s, is_available_for_cancellation: bool.nullish() }),
  ),
});

export const productCancelAnswer = z.looseObject({ result: text.nullish() });

export const conditionalCancellationsAnswer = z.looseObject({
  result: list(
    z.looseObject({
      cancellation_id: int,
      posting_number: text,
      cancellation_initiator: s,
      cancellation_reason: z.looseObject({ id: int.nullish(), name: s }).nullish(),
      cancellation_reason_message: s,
      state: z.looseObject({ id: int.nullish(), name: s, state: s }).nullish(),
      cancelled_at: s,
      order_date: s,
      approve_date: s,
      auto_approve_date: s,
      approve_comment: s,
      tpl_integration_type: s,
    }),
  ),
  last_id: int.nullish(),
  counter: int.nullish(),
});
