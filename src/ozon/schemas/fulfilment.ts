// Answers of the fulfilment methods: ship, labels, tracking numbers, rFBS statuses, cancellation.
// Several of them report per-posting failures inside an HTTP 200.
import { z } from 'zod';
import { bool, int, list, oneOrMany, text, loose } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();

export const shipAnswer = lazySchema(() =>
  loose({
    result: list(text),
    additional_data: list(
      loose({
        posting_number: s,
        products: list(loose({ sku: int.nullish(), offer_id: s, quantity: int.nullish() })),
      }),
    ),
  }),
);

export const labelTaskCreateAnswer = lazySchema(() =>
  loose({
    result: loose({
      tasks: list(loose({ task_id: int, task_type: s })),
    }),
  }),
);

export const labelTaskGetAnswer = lazySchema(() =>
  loose({
    result: loose({
      status: text,
      file_url: s,
      error: s,
      printed_postings_count: int.nullish(),
      unprinted_postings_count: int.nullish(),
      unprinted_postings: list(loose({ posting_number: s, msg: s })),
    }),
  }),
);

/** `error` is a string in the spec and an (empty) array in examples: both become one string. */
const itemError = lazySchema(() =>
  z
    .unknown()
    .transform((v): string => {
      if (typeof v === 'string') return v;
      if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
      if (v === null || v === undefined) return '';
      return JSON.stringify(v);
    })
    .optional(),
);

/** tracking-number/set, delivering, last-mile, delivered: `result[]` of per-posting outcomes. */
export const postingOutcomesAnswer = lazySchema(() =>
  loose({
    result: oneOrMany(loose({ posting_number: text, result: bool.nullish(), error: itemError })),
  }),
);

export const cancelAnswer = lazySchema(() => loose({ result: bool }));

export const cancelReasonsAnswer = lazySchema(() =>
  loose({
    result: list(loose({ id: int, title: text, type_id: s, is_available_for_cancellation: bool.nullish() })),
  }),
);

export const productCancelAnswer = lazySchema(() => loose({ result: text.nullish() }));

export const conditionalCancellationsAnswer = lazySchema(() =>
  loose({
    result: list(
      loose({
        cancellation_id: int,
        posting_number: text,
        cancellation_initiator: s,
        cancellation_reason: loose({ id: int.nullish(), name: s }).nullish(),
        cancellation_reason_message: s,
        state: loose({ id: int.nullish(), name: s, state: s }).nullish(),
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
  }),
);
