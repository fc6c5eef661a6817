// Postings as the add-on uses them: Ozon's snake_case names, money as Money, dates as ISO strings,
// unknown extra fields kept. FBS and rFBS share /v4/posting/fbs/*; `schema` tells them apart.
import { z } from 'zod';
import type { Money } from '../money';
import { bool, eachValid, int, list, looseNum, money, moneyRaw, num, text, loose } from './common';
import { lazySchema } from '../../shared/lazy-schema';

export type PostingSchemaKind = 'FBS' | 'rFBS';

/**
 * How an FBS-family posting is told apart from rFBS: by `tpl_integration_type`, which Ozon documents as
 * `ozon` (delivery by Ozon: FBS), `3pl_tracking` (an integrated delivery service), `non_integrated`
 * (a third-party service) and `aggregator` (an Ozon partner) — the last three are the rFBS schemes,
 * where the seller delivers and reports tracking/status. `hybryd` (Ozon's Russian Post scheme) is
 * delivered through Ozon's integration, so it counts as FBS. Without a known type, an `rfbs`
 * `delivery_schema` marks rFBS; otherwise FBS. Buyer data is NOT used: FBS postings can carry it too.
 */
export function postingSchemaKind(p: {
  tpl_integration_type?: unknown;
  delivery_schema?: unknown;
}): PostingSchemaKind {
  const type = typeof p.tpl_integration_type === 'string' ? p.tpl_integration_type.toLowerCase() : '';
  if (type === 'non_integrated' || type === '3pl_tracking' || type === 'aggregator') return 'rFBS';
  if (type === 'ozon' || type === 'hybryd' || type === 'hybrid') return 'FBS';
  const schema = typeof p.delivery_schema === 'string' ? p.delivery_schema.toLowerCase() : '';
  return schema === 'rfbs' ? 'rFBS' : 'FBS';
}

const s = text.nullish();
const n = num.nullish();
const i = int.nullish();
const b = bool.nullish();

export interface FinancialProduct {
  product_id: number;
  quantity?: number;
  price: Money | null;
  old_price: Money | null;
  payout: Money | null;
  total_discount_value: Money | null;
  total_discount_percent?: number;
  customer_price: Money | null;
  commission: (Money & { percent?: number }) | null;
  actions: string[];
  [extra: string]: unknown;
}

export interface FinancialData {
  cluster_from?: string | null;
  cluster_to?: string | null;
  products: FinancialProduct[];
  [extra: string]: unknown;
}

const financialProduct = lazySchema(() =>
  z
    .looseObject({
      product_id: int,
      quantity: looseNum,
      price: moneyRaw,
      old_price: moneyRaw,
      payout: moneyRaw,
      total_discount_value: moneyRaw,
      total_discount_percent: looseNum,
      customer_price: moneyRaw,
      commission: loose({ amount: moneyRaw, percent: looseNum, currency: s }).nullish(),
      commission_amount: moneyRaw,
      commission_percent: looseNum,
      currency_code: s,
      customer_currency_code: s,
      commissions_currency_code: s,
      actions: list(text),
    })
    .transform((p): FinancialProduct => {
      const cur = p.currency_code ?? p.commission?.currency ?? '';
      const commissionValue = p.commission ? p.commission.amount : p.commission_amount;
      const commissionMoney = money(
        commissionValue,
        p.commission?.currency,
        p.commissions_currency_code,
        cur,
      );
      const percent = p.commission ? p.commission.percent : p.commission_percent;
      return {
        ...p,
        product_id: p.product_id,
        quantity: p.quantity,
        price: money(p.price, cur),
        old_price: money(p.old_price, cur),
        payout: money(p.payout, cur),
        total_discount_value: money(p.total_discount_value, cur),
        total_discount_percent: p.total_discount_percent,
        customer_price: money(p.customer_price, p.customer_currency_code, cur),
        commission: commissionMoney
          ? { ...commissionMoney, ...(percent !== undefined ? { percent } : {}) }
          : null,
        actions: p.actions,
      };
    }),
);

export const financialData = lazySchema(() =>
  z.looseObject({ cluster_from: s, cluster_to: s, products: list(financialProduct) }).nullish(),
);

function withCurrency(m: Money | null, currency: string): Money | null {
  return m && !m.currency ? { ...m, currency } : m;
}

/** Financial money without a currency of its own takes the posting's (its products' prices name one). */
export function fillCurrency(
  data: FinancialData | null | undefined,
  currency: string,
): FinancialData | null | undefined {
  if (!data || !currency) return data;
  return {
    ...data,
    products: data.products.map((p) => ({
      ...p,
      price: withCurrency(p.price, currency),
      old_price: withCurrency(p.old_price, currency),
      payout: withCurrency(p.payout, currency),
      total_discount_value: withCurrency(p.total_discount_value, currency),
      customer_price: withCurrency(p.customer_price, currency),
      commission: p.commission && !p.commission.currency ? { ...p.commission, currency } : p.commission,
    })),
  };
}

const priceRaw = lazySchema(() =>
  z.unknown().superRefine((value, ctx) => {
    if (money(value) === null)
      ctx.addIssue({
        code: 'custom',
        message: 'expected a price (a number, a numeric string or {amount, currency})',
      });
  }),
);

export interface FbsProduct {
  sku: number;
  offer_id: string;
  name: string;
  quantity: number;
  price: Money;
  currency_code: string;
  [extra: string]: unknown;
}

const fbsProduct = lazySchema(() =>
  z
    .looseObject({
      sku: int,
      offer_id: text,
      name: text.nullish(),
      quantity: int,
      price: priceRaw,
      currency_code: s,
      currency: s,
    })
    .transform((p): FbsProduct => {
      const price = money(p.price, p.currency_code, p.currency) as Money;
      return { ...p, name: p.name ?? '', price, currency_code: price.currency };
    }),
);

const analyticsData = lazySchema(() =>
  z
    .looseObject({
      region: s,
      city: s,
      delivery_type: s,
      warehouse: s,
      warehouse_id: i,
      warehouse_name: s,
      payment_type_group_name: s,
      is_premium: b,
      is_legal: b,
      tpl_provider: s,
      tpl_provider_id: i,
      delivery_date_begin: s,
      delivery_date_end: s,
      client_delivery_date_begin: s,
      client_delivery_date_end: s,
    })
    .nullish(),
);

const deliveryMethod = lazySchema(() =>
  z
    .looseObject({ id: i, name: s, warehouse_id: i, warehouse: s, tpl_provider_id: i, tpl_provider: s })
    .nullish(),
);

const cancellation = lazySchema(() =>
  z
    .looseObject({
      cancel_reason_id: i,
      cancel_reason: s,
      cancellation_initiator: s,
      cancellation_type: s,
      cancelled_after_ship: b,
      affect_cancellation_rating: b,
    })
    .nullish(),
);

const address = lazySchema(() =>
  z
    .looseObject({
      address_tail: s,
      city: s,
      comment: s,
      country: s,
      district: s,
      region: s,
      zip_code: s,
      latitude: n,
      longitude: n,
      pvz_code: z.union([num, text]).nullish(),
      provider_pvz_code: s,
    })
    .nullish(),
);

const customer = lazySchema(() =>
  loose({ customer_id: i, name: s, phone: s, customer_email: s, address }).nullish(),
);

const addressee = lazySchema(() => loose({ name: s, phone: s }).nullish());

type Loose<T> = T & { [extra: string]: unknown };

export interface FbsPosting {
  posting_number: string;
  /** FBS (Ozon delivers) or rFBS (the seller delivers): see postingSchemaKind. */
  schema: PostingSchemaKind;
  order_id?: number | null;
  order_number?: string | null;
  status: string;
  substatus?: string | null;
  tpl_integration_type?: string | null;
  in_process_at?: string | null;
  shipment_date?: string | null;
  shipment_date_without_delay?: string | null;
  delivering_date?: string | null;
  last_changed_status_date?: string | null;
  parent_posting_number?: string | null;
  tracking_number?: string | null;
  is_express?: boolean | null;
  products: FbsProduct[];
  financial_data?: FinancialData | null;
  analytics_data?: Loose<{
    region?: string | null;
    city?: string | null;
    delivery_type?: string | null;
    warehouse?: string | null;
    warehouse_id?: number | null;
    payment_type_group_name?: string | null;
    is_premium?: boolean | null;
    is_legal?: boolean | null;
  }> | null;
  customer?: Loose<{
    customer_id?: number | null;
    name?: string | null;
    phone?: string | null;
    customer_email?: string | null;
    address?: Loose<Record<string, unknown>> | null;
  }> | null;
  addressee?: Loose<{ name?: string | null; phone?: string | null }> | null;
  delivery_method?: Loose<{
    id?: number | null;
    name?: string | null;
    warehouse_id?: number | null;
    warehouse?: string | null;
    tpl_provider_id?: number | null;
    tpl_provider?: string | null;
  }> | null;
  cancellation?: Loose<{
    cancel_reason_id?: number | null;
    cancel_reason?: string | null;
    cancellation_initiator?: string | null;
    cancellation_type?: string | null;
    cancelled_after_ship?: boolean | null;
  }> | null;
  available_actions: string[];
  [extra: string]: unknown;
}

/** One FBS/rFBS posting as /v4/posting/fbs/list, /unfulfilled/list and /v3/posting/fbs/get return it. */
export const fbsPosting = lazySchema(() =>
  z
    .looseObject({
      posting_number: text,
      order_id: i,
      order_number: s,
      status: text,
      substatus: s,
      tpl_integration_type: s,
      delivery_schema: s,
      in_process_at: s,
      shipment_date: s,
      shipment_date_without_delay: s,
      delivering_date: s,
      last_changed_status_date: s,
      parent_posting_number: s,
      tracking_number: s,
      is_express: b,
      products: z.array(fbsProduct),
      analytics_data: analyticsData,
      customer,
      addressee,
      delivery_method: deliveryMethod,
      cancellation,
      available_actions: list(text),
      financial_data: financialData,
    })
    .transform((p): FbsPosting => {
      const currency = p.products.find((x) => x.currency_code)?.currency_code ?? '';
      const financial_data = fillCurrency(p.financial_data, currency);
      return { ...p, financial_data, schema: postingSchemaKind(p) } as FbsPosting;
    }),
);

export interface FboProduct {
  sku: number;
  offer_id: string;
  name: string;
  quantity: number;
  price: Money;
  currency_code: string;
  [extra: string]: unknown;
}

export interface FboPosting {
  posting_number: string;
  order_id?: number | null;
  order_number?: string | null;
  status: string;
  substatus?: string | null;
  created_at?: string | null;
  in_process_at?: string | null;
  cancel_reason_id?: number | null;
  products: FboProduct[];
  financial_data?: FinancialData | null;
  analytics_data?: Loose<{
    city?: string | null;
    delivery_type?: string | null;
    warehouse_id?: number | null;
    warehouse_name?: string | null;
    payment_type_group_name?: string | null;
    is_premium?: boolean | null;
    is_legal?: boolean | null;
  }> | null;
  cancellation?: Loose<{
    cancel_reason?: string | null;
    cancellation_initiator?: string | null;
    cancellation_type?: string | null;
  }> | null;
  [extra: string]: unknown;
}

export const fboProduct = lazySchema(() =>
  z
    .looseObject({
      sku: int,
      offer_id: text,
      name: text.nullish(),
      quantity: int,
      price: priceRaw,
      currency_code: s,
      currency: s,
      digital_codes: list(text),
    })
    .transform((p): FboProduct => {
      const price = money(p.price, p.currency_code, p.currency) as Money;
      return { ...p, name: p.name ?? '', price, currency_code: price.currency };
    }),
);

/** One FBO posting as /v3/posting/fbo/list and /v2/posting/fbo/get return it. */
export const fboPosting = lazySchema(() =>
  z
    .looseObject({
      posting_number: text,
      order_id: i,
      order_number: s,
      status: text,
      substatus: s,
      created_at: s,
      in_process_at: s,
      cancel_reason_id: i,
      products: z.array(fboProduct),
      analytics_data: analyticsData,
      cancellation: z
        .looseObject({ cancel_reason: s, cancellation_initiator: s, cancellation_type: s })
        .nullish(),
      financial_data: financialData,
    })
    .transform((p): FboPosting => {
      const currency = p.products.find((x) => x.currency_code)?.currency_code ?? '';
      return { ...p, financial_data: fillCurrency(p.financial_data, currency) } as FboPosting;
    }),
);

/** The posting number of a raw list item, as far as it can be read (for reporting a bad one). */
export function rawPostingNumber(raw: unknown): string {
  const n = raw && typeof raw === 'object' ? (raw as { posting_number?: unknown }).posting_number : undefined;
  return typeof n === 'string' || typeof n === 'number' ? String(n).slice(0, 64) : '';
}

/** A list page whose postings are validated one by one (see eachValid): a bad one never fails the page. */
export function listPage<T extends z.ZodType>(posting: T) {
  return loose({
    postings: eachValid(posting, rawPostingNumber),
    has_next: bool.nullish(),
    cursor: s,
  }).transform(({ postings, ...page }) => ({
    ...page,
    postings: postings.items,
    rejected: postings.rejected,
    received: postings.received,
  }));
}

export const fbsListAnswer = lazySchema(() => listPage(fbsPosting));

export const fbsUnfulfilledAnswer = lazySchema(() =>
  loose({
    postings: list(fbsPosting),
    has_next: bool.nullish(),
    cursor: s,
    count: i,
  }),
);

export const fbsGetAnswer = lazySchema(() => loose({ result: fbsPosting }));

export const fboListAnswer = lazySchema(() => listPage(fboPosting));

export const fboGetAnswer = lazySchema(() => loose({ result: fboPosting }));
