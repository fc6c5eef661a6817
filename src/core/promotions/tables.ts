// The Promotions tab: one row per Ozon action × product (in the action or a candidate), with the
// profit and margin at the action price, and the seller's columns (Join / Leave, a join price, the
// confirmation that lets a row join below cost). Ozon's data is rewritten on every refresh; the
// seller's columns never are.
import type { TableSpec } from '../table/spec';

export const PROMOTIONS_TAB = 'Promotions';

export const promotionsSpec: TableSpec = {
  tab: PROMOTIONS_TAB,
  key: 'promo_key',
  columns: [
    { key: 'action_id', header: 'Action ID', kind: 'id', role: 'sync', width: 80 },
    { key: 'action', header: 'Action', kind: 'text', role: 'sync', width: 200 },
    { key: 'action_type', header: 'Action type', kind: 'text', role: 'sync', width: 110 },
    { key: 'date_start', header: 'Starts', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'date_end', header: 'Ends', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'freeze_date', header: 'Frozen from', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'product_id', header: 'Product ID', kind: 'id', role: 'sync', width: 100 },
    { key: 'state', header: 'In action?', kind: 'text', role: 'sync', width: 90 },
    { key: 'price', header: 'Price', kind: 'money', role: 'sync', width: 90 },
    { key: 'action_price', header: 'Action price', kind: 'money', role: 'sync', width: 90 },
    { key: 'max_action_price', header: 'Max action price', kind: 'money', role: 'sync', width: 100 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'unit_cost', header: 'Unit cost', kind: 'money', role: 'sync', width: 90 },
    { key: 'profit', header: 'Profit at action price', kind: 'money', role: 'sync', width: 110 },
    { key: 'margin', header: 'Margin % at action price', kind: 'percent', role: 'sync', width: 110 },
    { key: 'fee_basis', header: 'Fees from', kind: 'text', role: 'sync', width: 120 },
    { key: 'choice', header: 'Join / Leave', kind: 'text', role: 'seller', width: 90 },
    { key: 'join_price', header: 'Join at price', kind: 'money', role: 'seller', width: 90 },
    { key: 'confirm', header: 'Confirm below cost', kind: 'text', role: 'seller', width: 110 },
    { key: 'result', header: 'Result', kind: 'text', role: 'sync', width: 260 },
    { key: 'checked_at', header: 'Checked at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'promo_key', header: 'Promotion key', kind: 'id', role: 'sync', width: 120, hidden: true },
  ],
};

export const promoKey = (actionId: number, productId: number) => `${actionId}|${productId}`;
