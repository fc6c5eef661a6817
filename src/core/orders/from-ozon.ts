// Converts the Ozon client's postings into the add-on's OrderPosting.
import { postingNeeds } from '../handover/needs';
import type { OrderLine, OrderPosting } from './posting';
import type { FbpPosting } from '../../ozon/schemas/fbp';
import type { FboPosting, FbsPosting, FinancialData, FinancialProduct } from '../../ozon/schemas/postings';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** Pairs each product with its financial line (product_id is the SKU); each financial line is used once. */
function financialLines(products: { sku: number }[], data: FinancialData | null | undefined) {
  const pool = [...(data?.products ?? [])];
  return products.map((p) => {
    const index = pool.findIndex((f) => f.product_id === p.sku);
    return index >= 0 ? (pool.splice(index, 1)[0] as FinancialProduct) : undefined;
  });
}

function lines(
  products: FbsPosting['products'] | FboPosting['products'],
  data: FinancialData | null | undefined,
) {
  const finance = financialLines(products, data);
  return products.map((p, i): OrderLine => {
    const f = finance[i];
    return {
      sku: text(p.sku),
      offerId: text(p.offer_id),
      name: text(p.name),
      quantity: p.quantity,
      price: p.price.amount,
      currency: p.price.currency || p.currency_code || '',
      oldPrice: f?.old_price?.amount ?? null,
      discount: f?.total_discount_value?.amount ?? null,
      commission: f?.commission ? Math.abs(f.commission.amount) : null,
      payout: f?.payout?.amount ?? null,
    };
  });
}

function addressText(address: Record<string, unknown> | null | undefined): string {
  if (!address) return '';
  return [address.zip_code, address.region, address.city, address.address_tail]
    .map(text)
    .filter((part) => part.trim())
    .join(', ');
}

export function fromFbs(p: FbsPosting): OrderPosting {
  const analytics = p.analytics_data ?? {};
  const method = p.delivery_method ?? {};
  const customer = p.customer ?? null;
  return {
    postingNumber: p.posting_number,
    orderNumber: text(p.order_number),
    orderId: text(p.order_id),
    schema: p.schema,
    status: p.status,
    substatus: text(p.substatus),
    orderedAt: p.in_process_at ?? null,
    shipBy: p.shipment_date ?? null,
    deliveringDate: p.delivering_date ?? null,
    lastChanged: p.last_changed_status_date ?? null,
    warehouse: text(analytics.warehouse ?? method.warehouse),
    deliveryMethod: text(method.name),
    trackingNumber: text(p.tracking_number),
    region: text(analytics.region),
    city: text(analytics.city),
    cluster: text(p.financial_data?.cluster_to),
    buyerId: text(customer?.customer_id),
    buyerName: text(customer?.name ?? p.addressee?.name),
    buyerPhone: text(customer?.phone ?? p.addressee?.phone),
    address: addressText(customer?.address),
    paymentType: text(analytics.payment_type_group_name),
    cancelReason: text(p.cancellation?.cancel_reason),
    cancelReasonId: p.cancellation?.cancel_reason_id ?? 0,
    parentPostingNumber: text(p.parent_posting_number),
    lines: lines(p.products, p.financial_data),
    needs: postingNeeds({
      status: p.status,
      available_actions: p.available_actions,
      requirements: p.requirements,
    }),
  };
}

export function fromFbo(p: FboPosting): OrderPosting {
  const analytics = p.analytics_data ?? {};
  return {
    postingNumber: p.posting_number,
    orderNumber: text(p.order_number),
    orderId: text(p.order_id),
    schema: 'FBO',
    status: p.status,
    substatus: text(p.substatus),
    orderedAt: p.in_process_at ?? p.created_at ?? null,
    shipBy: null,
    deliveringDate: null,
    lastChanged: null,
    warehouse: text(analytics.warehouse_name),
    deliveryMethod: text(analytics.delivery_type),
    trackingNumber: '',
    region: '',
    city: text(analytics.city),
    cluster: text(p.financial_data?.cluster_to),
    buyerId: '',
    buyerName: '',
    buyerPhone: '',
    address: '',
    paymentType: text(analytics.payment_type_group_name),
    cancelReason: text(p.cancellation?.cancel_reason),
    cancelReasonId: p.cancel_reason_id ?? 0,
    parentPostingNumber: '',
    lines: lines(p.products, p.financial_data),
  };
}

/** FBP: shipped by Ozon from a partner warehouse; the list names no warehouse, only the clusters. */
export function fromFbp(p: FbpPosting): OrderPosting {
  return {
    postingNumber: p.posting_number,
    orderNumber: text(p.order_number),
    orderId: text(p.order_id),
    schema: 'FBP',
    status: p.status,
    substatus: '',
    orderedAt: p.in_process_at ?? p.order_date ?? null,
    shipBy: null,
    deliveringDate: null,
    lastChanged: null,
    warehouse: text(p.financial_data?.cluster_from),
    deliveryMethod: '',
    trackingNumber: '',
    region: '',
    city: '',
    cluster: text(p.financial_data?.cluster_to),
    buyerId: '',
    buyerName: '',
    buyerPhone: '',
    address: '',
    paymentType: '',
    cancelReason: '',
    parentPostingNumber: '',
    lines: lines(p.products, p.financial_data),
  };
}
