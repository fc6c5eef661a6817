// Ozon's actions (promotions), buyers' discount requests, price updates and quantity discounts.
import { bool, int, list, looseNum, num, text, loose } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();

export const actionsAnswer = lazySchema(() =>
  loose({
    result: list(
      loose({
        id: int,
        title: s,
        action_type: s,
        description: s,
        date_start: s,
        date_end: s,
        freeze_date: s,
        potential_products_count: i,
        participating_products_count: i,
        is_participating: bool.nullish(),
        is_voucher_action: bool.nullish(),
        banned_products_count: i,
        with_targeting: bool.nullish(),
        order_amount: looseNum,
        discount_type: s,
        discount_value: looseNum,
      }),
    ),
  }),
);

const actionProduct = lazySchema(() =>
  loose({
    id: int,
    price: num.nullish(),
    action_price: num.nullish(),
    max_action_price: num.nullish(),
    alert_max_action_price_failed: bool.nullish(),
    alert_max_action_price: looseNum,
    add_mode: s,
    min_stock: looseNum,
    stock: looseNum,
  }),
);

/** /v1/actions/products and /v1/actions/candidates answer the same shape. */
export const actionProductsAnswer = lazySchema(() =>
  loose({
    result: loose({
      products: list(actionProduct),
      total: looseNum,
      last_id: looseNum,
    }),
  }),
);

/** /v1/actions/products/activate and /deactivate: the ids done and the ones refused, with a reason. */
export const actionChangeAnswer = lazySchema(() =>
  loose({
    result: loose({
      product_ids: list(int),
      rejected: list(loose({ product_id: int, reason: s })),
    }),
  }),
);

export const discountTasksAnswer = lazySchema(() =>
  loose({
    tasks: list(
      loose({
        id: int,
        sku: int,
        name: s,
        status: s,
        created_at: s,
        end_at: s,
        edited_till: s,
        moderated_at: s,
        original_price: num.nullish(),
        requested_price: num.nullish(),
        requested_discount: looseNum,
        requested_quantity_max: i,
        approved_price: num.nullish(),
        approved_discount: looseNum,
        approved_quantity_max: i,
        min_auto_price: looseNum,
        is_auto_moderated: bool.nullish(),
      }),
    ),
  }),
);

/** Approve and decline: counts and the requests that failed, with Ozon's text for the seller. */
export const discountDecisionAnswer = lazySchema(() =>
  loose({
    result: loose({
      fail_details: list(loose({ task_id: int, error_for_user: s })),
      success_count: i,
      fail_count: i,
    }),
  }),
);

export const importPricesAnswer = lazySchema(() =>
  loose({
    result: list(
      loose({
        product_id: i,
        offer_id: s,
        updated: bool.nullish(),
        errors: list(loose({ code: s, message: s })),
      }),
    ),
  }),
);

const stepIssues = lazySchema(() =>
  list(
    loose({
      sku: i,
      data: list(loose({ code: s, field: s, message: s, step: i, value: s })),
    }),
  ),
);

export const stairwaySetAnswer = lazySchema(() =>
  loose({
    accepted: bool.nullish(),
    errors: stepIssues,
    warnings: stepIssues,
  }),
);

/** /v1/product/stairway-discount/by-quantity/get: each SKU's steps and whether Ozon applied the last change. */
export const stairwayGetAnswer = lazySchema(() =>
  loose({
    stairways: list(
      loose({
        sku: int,
        enabled: bool.nullish(),
        status: s,
        stairway: loose({
          steps: list(loose({ step: int, quantity: int, discount: int })),
        }).nullish(),
      }),
    ),
  }),
);
