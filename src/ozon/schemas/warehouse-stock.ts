// Per-warehouse FBS/rFBS stock: /v1/product/info/stocks-by-warehouse/fbs (one item per product × warehouse).
import { int, list, loose, looseNum, text } from './common';

const s = text.nullish();

export const stocksByWarehouseAnswer = loose({
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
});
