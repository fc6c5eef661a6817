// Answers of Ozon's finance methods. The accrual methods are beta and missing from the spec copy:
// their shapes are what public clients of the live API parse (see the shared API notes), validated
// loosely — unknown fields are kept, and a changed field fails naming its path. Amounts stay exact:
// they are checked here as amounts and turned into integer minor units by the finance core.
import { z } from 'zod';
import { parseMinor } from '../../core/finance/minor';
import { int, list, loose, text } from './common';
import { lazySchema } from '../../shared/lazy-schema';

/** An amount Ozon may send as a string ("-316", "1 234,50") or a number; kept as sent, checked. */
const amount = z.union([z.string(), z.number()]).superRefine((value, ctx) => {
  if (parseMinor(value) === null) ctx.addIssue({ code: 'custom', message: 'expected an amount' });
});

const money = lazySchema(() => loose({ amount, currency: text.optional().default('') }));

const optionalInt = z.preprocess((v) => (v === null || v === '' ? undefined : v), int.optional());

/**
 * An accrual's type id. The 2026-06-09 news renamed `type_id` to `accrual_id` (by-day): either is
 * accepted in both methods; with neither the error names the missing `type_id`.
 */
function withTypeId(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (record.type_id === undefined && record.accrual_id !== undefined)
    return { ...record, type_id: record.accrual_id };
  return value;
}

const postingAccrual = lazySchema(() =>
  z.preprocess(
    withTypeId,
    loose({
      type_id: text,
      accrued: money,
      accrual_date: text,
      seller_price: money.nullable().optional(),
      sku: optionalInt,
      quantity: optionalInt,
      type_name: text.optional(),
    }),
  ),
);

export const accrualPostingsAnswer = lazySchema(() =>
  loose({
    posting_accruals: list(
      loose({
        posting_number: text,
        accruals: list(postingAccrual),
      }),
    ),
  }),
);

export const accrualTypesAnswer = lazySchema(() =>
  loose({
    accrual_types: list(
      loose({
        id: text,
        name: text.optional().default(''),
        description: z.preprocess((v) => (v === null ? undefined : v), text.optional().default('')),
      }),
    ),
  }),
);

const dayProduct = lazySchema(() =>
  loose({ sku: optionalInt, quantity: optionalInt, offer_id: text.optional() }),
);

export const accrualsByDayAnswer = lazySchema(() =>
  loose({
    accruals: list(
      z.preprocess(
        withTypeId,
        loose({
          type_id: text,
          accrued_category: text.optional().default(''),
          date: text,
          unit_number: text.optional().default(''),
          total_amount: money,
          sku: optionalInt,
          quantity: optionalInt,
          posting: loose({
            delivery_schema: text.optional(),
            products: list(dayProduct),
          })
            .nullable()
            .optional(),
        }),
      ),
    ),
    last_id: z.preprocess((v) => (v === null || v === undefined ? '' : v), text),
    has_next: z.boolean().optional(),
  }),
);

const number = z.preprocess(
  (v) => (v === null || v === undefined ? 0 : v),
  z.union([z.number(), z.string()]),
);

const commissionBlock = lazySchema(() =>
  loose({
    amount: number,
    commission: number,
    quantity: z.preprocess((v) => (v === null || v === undefined ? 0 : v), int),
    total: number.optional(),
    price_per_instance: number.optional(),
  })
    .nullable()
    .optional(),
);

const realizationRow = lazySchema(() =>
  loose({
    item: loose({
      sku: optionalInt,
      offer_id: text.optional().default(''),
      name: text.optional().default(''),
    }),
    commission_ratio: number.optional(),
    delivery_commission: commissionBlock,
    return_commission: commissionBlock,
    seller_price_per_instance: number.optional(),
  }),
);

const realizationHeader = lazySchema(() =>
  loose({
    currency_sys_name: text.optional().default(''),
    start_date: text.optional().default(''),
    stop_date: text.optional().default(''),
    number: text.optional().default(''),
  }),
);

export const realizationAnswer = lazySchema(() =>
  loose({
    result: loose({ header: realizationHeader, rows: list(realizationRow) }),
  }),
);

export const realizationPostingAnswer = lazySchema(() =>
  loose({
    header: realizationHeader,
    rows: list(
      z.intersection(
        realizationRow,
        loose({ order: loose({ posting_number: text, created_date: text.optional().default('') }) }),
      ),
    ),
  }),
);

export const cashFlowAnswer = lazySchema(() =>
  loose({
    result: loose({
      cash_flows: list(
        loose({
          period: loose({ id: optionalInt, begin: text, end: text }),
          orders_amount: number,
          returns_amount: number,
          commission_amount: number,
          services_amount: number,
          item_delivery_and_return_amount: number,
          currency_code: text.optional().default(''),
        }),
      ),
      page_count: z.preprocess((v) => (v === null || v === undefined ? 1 : v), int),
    }),
  }),
);

export type AccrualPostingsAnswer = z.output<typeof accrualPostingsAnswer>;
export type AccrualsByDayAnswer = z.output<typeof accrualsByDayAnswer>;
export type RealizationPostingAnswer = z.output<typeof realizationPostingAnswer>;
export type CashFlowAnswer = z.output<typeof cashFlowAnswer>;
