// Per-warehouse FBS/rFBS stock: /v1/product/info/stocks-by-warehouse/fbs (one item per product × warehouse).
import { int, list, loose, looseNum, text } from './common';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();

export const stocksByWarehouseAnswer = lazySchema(() =>
  loose({
    result: list(
      loose({
        sku: int.nullish(),
        offer_id: s,
        product_id: int.nullish(),
        warehouse_id: int,
        warehouse_name: s,
        present: looseNum,
        reserved: looseNum,
      }),
    ),
  }),
);
