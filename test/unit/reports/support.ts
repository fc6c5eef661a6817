// Builds source tabs the way the sync writes them: OrderPostings through orderRow / lineRows,
// laid out in the specs' column order with column metadata, as readTabs would return them.
import type { OrderLine, OrderPosting } from '../../../src/core/orders/posting';
import { lineRows, linesSpec, orderRow, ordersSpec } from '../../../src/core/orders/tables';
import type { Sources } from '../../../src/core/reports/build';
import { inventoryReadSpec, linesReadSpec, sourceTable } from '../../../src/core/reports/source';
import type { RowValues, TableSpec } from '../../../src/core/table/spec';
import { fixedOffset } from '../../../src/core/time/serial';

export const moscow = fixedOffset(180);

export function tab(spec: TableSpec, rows: RowValues[]) {
  const values = [
    spec.columns.map((c) => c.header),
    ...rows.map((r) =>
      spec.columns.map((c) => (r[c.key] === null || r[c.key] === undefined ? '' : r[c.key])),
    ),
  ];
  const metadata = new Map(spec.columns.map((c, i) => [i, c.key]));
  return { exists: true, values, metadata };
}

export function sourcesFor(postings: OrderPosting[], inventory?: RowValues[]): Sources {
  const ctx = { lang: 'en' as const, offset: moscow };
  return {
    orders: sourceTable(
      ordersSpec,
      tab(
        ordersSpec,
        postings.map((p) => orderRow(p, ctx)),
      ),
    ),
    lines: sourceTable(
      linesReadSpec,
      tab(
        linesSpec,
        postings.flatMap((p) => lineRows(p)),
      ),
    ),
    inventory: inventory ? sourceTable(inventoryReadSpec, tab(inventoryReadSpec, inventory)) : null,
  };
}

export function line(
  offerId: string,
  quantity: number,
  price: number,
  commission: number | null,
  payout: number | null,
  currency = 'RUB',
): OrderLine {
  return {
    sku: `sku-${offerId}`,
    offerId,
    name: `Product ${offerId}`,
    quantity,
    price,
    currency,
    oldPrice: null,
    discount: null,
    commission,
    payout,
  };
}

let seq = 0;
export function posting(overrides: Partial<OrderPosting>): OrderPosting {
  seq++;
  const order = `00${String(seq).padStart(6, '0')}-0001`;
  return {
    postingNumber: `${order}-1`,
    orderNumber: order,
    orderId: String(seq),
    schema: 'FBS',
    status: 'delivered',
    substatus: '',
    orderedAt: '2026-11-19T10:00:00Z',
    shipBy: null,
    deliveringDate: null,
    lastChanged: null,
    warehouse: 'Main',
    deliveryMethod: 'Ozon courier',
    trackingNumber: '',
    region: '',
    city: '',
    cluster: '',
    buyerId: '',
    buyerName: 'Anna',
    buyerPhone: '+79031234567',
    address: 'ул. Ленина, 1',
    paymentType: 'Card',
    cancelReason: '',
    parentPostingNumber: '',
    lines: [],
    ...overrides,
  };
}
