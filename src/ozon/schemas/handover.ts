// Answers of the handover methods (shippings, acts and their documents) and of the pre-pack data
// methods (ship date, country of manufacture, Chestny ZNAK marking codes).
import { bool, int, list, loose, text } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();
const b = bool.nullish();

export const deliveryListAnswer = lazySchema(() =>
  loose({
    methods: list(
      loose({
        delivery_method_id: int,
        delivery_method_name: s,
        warehouse_id: i,
        warehouse_name: s,
        is_rfbs: b,
        recommended_time_local: s,
        has_entrusted_acceptance: b,
        departure_date: s,
        integration_type: s,
        tpl_provider_name: s,
        mandatory_postings_count: i,
        mandatory_packaged_count: i,
        carriages: list(loose({ id: int, status: s, postings_count: i, available_actions: list(text) })),
        errors: list(loose({ code: s, description: s, status: s })),
      }),
    ),
    cursor: s,
    has_next: b,
  }),
);

export const carriageCreateAnswer = lazySchema(() => loose({ carriage_id: int }));

export const setPostingsAnswer = lazySchema(() =>
  loose({
    result: list(loose({ posting_number: text, result: b, error: s })),
  }),
);

export const carriageGetAnswer = lazySchema(() =>
  loose({
    carriage_id: int,
    status: text,
    available_actions: list(text),
    cancel_availability: loose({ is_cancel_available: b, reason: s }).nullish(),
    delivery_method_id: i,
    departure_date: s,
    containers_count: i,
    is_waybill_enabled: b,
    updated_at: s,
  }),
);

export const carriageCancelAnswer = lazySchema(() => loose({ carriage_status: s, error: s }));

export const assemblyPostingsAnswer = lazySchema(() =>
  loose({
    postings: list(
      loose({
        posting_number: text,
        products: list(loose({ sku: i, offer_id: s, product_name: s, quantity: i })),
      }),
    ),
    cursor: s,
  }),
);

export const actCreateAnswer = lazySchema(() => loose({ result: loose({ id: int }) }));

export const actStatusAnswer = lazySchema(() =>
  loose({
    result: loose({
      status: text,
      added_to_act: list(text),
      removed_from_act: list(text),
      is_partial: b,
      has_postings_for_next_carriage: b,
    }),
  }),
);

export const actPostingsAnswer = lazySchema(() =>
  loose({
    result: list(loose({ posting_number: text, status: s, seller_error: s })),
  }),
);

const doc = lazySchema(() => loose({ document_status: s, created_at: s }).nullish());

export const actListAnswer = lazySchema(() =>
  loose({
    result: list(
      loose({
        id: int,
        delivery_method_id: i,
        delivery_method_name: s,
        status: s,
        departure_date: s,
        created_at: s,
        updated_at: s,
        containers_count: i,
        related_docs: loose({ act_of_acceptance: doc, act_of_mismatch: doc, act_of_excess: doc }).nullish(),
      }),
    ),
  }),
);

export const cutoffAnswer = lazySchema(() => loose({ result: bool }));

export const countriesAnswer = lazySchema(() =>
  loose({ result: list(loose({ name: s, country_iso_code: text })) }),
);

export const countrySetAnswer = lazySchema(() => loose({ product_id: i, is_gtd_needed: b }));

const mark = lazySchema(() => loose({ mark: s, mark_type: s }));

export const exemplarsAnswer = lazySchema(() =>
  loose({
    posting_number: s,
    products: list(
      loose({
        product_id: int,
        quantity: i,
        is_mandatory_mark_needed: b,
        exemplars: list(loose({ exemplar_id: int, marks: list(mark) })),
      }),
    ),
  }),
);

export const validateAnswer = lazySchema(() =>
  loose({
    products: list(
      loose({
        product_id: int,
        error: s,
        valid: b,
        exemplars: list(
          loose({
            valid: b,
            errors: list(text),
            marks: list(loose({ mark: s, valid: b, errors: list(text) })),
          }),
        ),
      }),
    ),
  }),
);

export const exemplarStatusAnswer = lazySchema(() =>
  loose({
    status: s,
    products: list(
      loose({
        product_id: int,
        exemplars: list(
          loose({
            exemplar_id: int,
            marks: list(loose({ mark: s, check_status: s, error_codes: list(text) })),
          }),
        ),
      }),
    ),
  }),
);
