// Stocks, warehouses, products and prices.
import { z } from 'zod';
import { bool, int, list, looseNum, num, text, loose } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();

export const setStocksAnswer = lazySchema(() =>
  loose({
    result: list(
      loose({
        offer_id: s,
        product_id: i,
        warehouse_id: i,
        updated: bool.nullish(),
        errors: list(loose({ code: s, message: s })),
      }),
    ),
  }),
);

export const stocksAnswer = lazySchema(() =>
  loose({
    cursor: s,
    total: i,
    items: list(
      loose({
        offer_id: text,
        product_id: int,
        stocks: list(
          loose({
            sku: i,
            type: s,
            present: int.nullish(),
            reserved: int.nullish(),
            shipment_type: s,
            warehouse_ids: list(int),
          }),
        ),
      }),
    ),
  }),
);

export const warehousesAnswer = lazySchema(() =>
  loose({
    cursor: s,
    has_next: bool.nullish(),
    warehouses: list(
      loose({
        warehouse_id: int,
        name: text,
        is_rfbs: bool.nullish(),
        is_express: bool.nullish(),
        is_kgt: bool.nullish(),
        status: s,
        warehouse_type: s,
        working_days: list(text),
      }),
    ),
  }),
);

export const productListAnswer = lazySchema(() =>
  loose({
    result: loose({
      items: list(
        loose({
          product_id: int,
          offer_id: text,
          archived: bool.nullish(),
          has_fbo_stocks: bool.nullish(),
          has_fbs_stocks: bool.nullish(),
          is_discounted: bool.nullish(),
        }),
      ),
      last_id: s,
      total: i,
    }),
  }),
);

export const productInfoAnswer = lazySchema(() =>
  loose({
    items: list(
      loose({
        id: int,
        offer_id: text,
        name: s,
        sku: i,
        barcodes: list(text),
        currency_code: s,
        price: s,
        old_price: s,
        min_price: s,
        is_archived: bool.nullish(),
        primary_image: z.unknown().optional(),
        images: list(text),
        stocks: z.unknown().optional(),
        sources: list(loose({ sku: i, source: s })),
      }),
    ),
  }),
);

export const pricesAnswer = lazySchema(() =>
  loose({
    cursor: s,
    total: i,
    items: list(
      loose({
        product_id: int,
        offer_id: text,
        price: z
          .looseObject({
            price: num.nullish(),
            old_price: num.nullish(),
            min_price: num.nullish(),
            marketing_seller_price: num.nullish(),
            retail_price: num.nullish(),
            net_price: num.nullish(),
            vat: looseNum,
            currency_code: s,
            auto_action_enabled: bool.nullish(),
          })
          .nullish(),
        acquiring: looseNum,
        volume_weight: looseNum,
      }),
    ),
  }),
);

export const rolesAnswer = lazySchema(() =>
  loose({
    expires_at: s,
    roles: list(loose({ name: text, methods: list(text) })),
  }),
);
