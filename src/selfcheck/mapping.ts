// The self-check's V8 speed probe: the sync's own path from Ozon's JSON to rows (validate with the
// zod schema, map, build the Orders and Order lines rows) on simulated postings shaped like
// /v4/posting/fbs/list's. Made-up data only: no buyer of the seller's is read.
import { fromFbs } from '../core/orders/from-ozon';
import { lineRows, orderRow } from '../core/orders/tables';
import type { Lang } from '../core/i18n/messages';
import { fbsPosting } from '../ozon/schemas/postings';

const STATUSES = ['awaiting_packaging', 'awaiting_deliver', 'delivering', 'delivered', 'cancelled'];

/** `n` wire postings (deterministic), 1–3 products each, with financial data. */
export function simulatedPostings(n: number, startMs = Date.UTC(2026, 10, 1)): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const order = String(10_000_000 + i).padStart(10, '0');
    const at = new Date(startMs + i * 97_000).toISOString();
    const products = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      sku: 100_000 + ((i * 7 + k) % 5000),
      offer_id: `0${(i * 13 + k) % 900}-A`,
      name: `Товар ${k + 1} / 商品 ${i % 50}`,
      quantity: 1 + (k % 2),
      price: `${(199 + ((i * 31 + k) % 4000)).toFixed(2)}`,
      currency_code: 'RUB',
    }));
    out.push({
      posting_number: `${order}-0001-1`,
      order_id: 500_000 + i,
      order_number: `${order}-0001`,
      status: STATUSES[i % STATUSES.length],
      substatus: 'posting_created',
      tpl_integration_type: i % 4 === 0 ? 'non_integrated' : 'ozon',
      in_process_at: at,
      shipment_date: at,
      delivering_date: null,
      last_changed_status_date: at,
      parent_posting_number: '',
      tracking_number: '',
      is_express: false,
      products,
      analytics_data: {
        region: 'Москва',
        city: 'Москва',
        warehouse: 'Main',
        payment_type_group_name: 'Card',
      },
      customer: null,
      addressee: null,
      delivery_method: { id: 1, name: 'Ozon Logistics', warehouse: 'Main', warehouse_id: 1 },
      cancellation: null,
      available_actions: ['ship'],
      financial_data: {
        products: products.map((p) => ({
          product_id: p.sku,
          quantity: p.quantity,
          price: p.price,
          payout: (Number(p.price) * 0.8).toFixed(2),
          commission_amount: (Number(p.price) * -0.2).toFixed(2),
          currency_code: 'RUB',
        })),
      },
    });
  }
  return out;
}

/** Maps `postings` as the sync does; the number of cells it produced (so nothing is optimised away). */
export function mapPostings(postings: readonly unknown[], lang: Lang): number {
  let cells = 0;
  const ctx = { lang, offset: () => 180 };
  for (const wire of postings) {
    const posting = fromFbs(fbsPosting.parse(wire));
    cells += Object.keys(orderRow(posting, ctx)).length;
    for (const line of lineRows(posting)) cells += Object.keys(line).length;
  }
  return cells;
}
