// Postings in Ozon's wire shapes. Each method has its own shape (money as strings, objects or numbers; blocks
// null unless requested), following the response schemas of the spec.
import type { Posting, PostingLine, Warehouse } from './model';

export interface With {
  analytics_data?: boolean;
  financial_data?: boolean;
  barcodes?: boolean;
  legal_info?: boolean;
  product_exemplars?: boolean;
  related_postings?: boolean;
  translit?: boolean;
}

export const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const money2 = (n: number): string => n.toFixed(2);
const money6 = (n: number): string => n.toFixed(6);
const round2 = (n: number): number => Math.round(n * 100) / 100;

function finLine(l: PostingLine) {
  const total = l.price * l.quantity;
  const commission = round2((total * l.commissionPercent) / 100);
  const discount = round2(l.oldPrice - l.price);
  return {
    commission,
    payout: round2(total - commission),
    discount,
    discountPercent: l.oldPrice > 0 ? round2((discount / l.oldPrice) * 100) : 0,
  };
}

export function availableActions(p: Posting): string[] {
  const a: string[] = [];
  const rfbs = p.scheme === 'rfbs';
  if (p.status === 'awaiting_packaging') {
    const needs = pendingNeeds(p);
    if (needs.cutoff) a.push('set_cutoff');
    if (needs.country.length || needs.mark.length) a.push('ship_with_additional_info');
    a.push(p.substatus === 'ship_failed' ? 'ship_async_retry' : 'ship', 'cancel');
    if (p.lines.length > 1 || p.lines.some((l) => l.quantity > 1)) a.push('product_cancel');
  } else if (p.status === 'awaiting_deliver') {
    a.push('cancel');
    if (rfbs) a.push('non_int_delivering', 'set_track_number');
    else a.push('label_download', 'label_download_big', 'label_download_small');
  } else if (p.status === 'delivering' && rfbs) {
    if (p.substatus !== 'posting_in_courier_service') a.push('non_int_last_mile');
    a.push('non_int_delivered', 'set_track_number');
  }
  if (rfbs && p.status !== 'cancelled' && p.status !== 'cancelled_from_split_pending') {
    a.push('can_create_chat', 'customer_phone_available');
  }
  if (p.trackingNumber) a.push('click_track_number');
  return a;
}

function cancellationBlock(p: Posting) {
  const c = p.cancellation;
  return {
    affect_cancellation_rating: c?.affectsRating ?? false,
    cancel_reason: c?.reason ?? '',
    cancel_reason_id: c?.reasonId ?? 0,
    cancellation_initiator: c?.initiator ?? '',
    cancellation_type: c?.type ?? '',
    cancelled_after_ship: c?.afterShip ?? false,
  };
}

function deliveryMethod(p: Posting, wh: Warehouse | undefined) {
  return {
    id: wh?.deliveryMethodId ?? 0,
    name: wh?.deliveryMethodName ?? '',
    tpl_provider: wh?.tplProvider ?? '',
    tpl_provider_id: wh?.tplProviderId ?? 0,
    warehouse: wh?.name ?? p.warehouseName,
    warehouse_id: p.warehouseId,
  };
}

function customer(p: Posting) {
  const b = p.buyer;
  if (!b) return null;
  return {
    address: { ...b.address },
    customer_email: b.email,
    customer_id: b.customerId,
    name: b.name,
    phone: b.phone,
  };
}

function deliveryWindow(p: Posting) {
  const begin = p.shipmentDate + 24 * 3_600_000;
  return { begin: iso(begin), end: iso(begin + 2 * 24 * 3_600_000) };
}

/** What Ozon still needs before packing: SKUs lacking a country of manufacture or accepted marking codes. */
export function pendingNeeds(p: Posting): { country: number[]; mark: number[]; cutoff: boolean } {
  const c = p.compliance;
  if (!c || p.status !== 'awaiting_packaging') return { country: [], mark: [], cutoff: false };
  return {
    country: [...c.country].filter((sku) => !c.countries.has(sku)),
    mark: [...c.mark].filter((sku) => !marksAccepted(p, sku)),
    cutoff: c.cutoff,
  };
}

/** Codes are accepted once exemplar/set saved one per unit (the Chestny ZNAK check runs separately). */
function marksAccepted(p: Posting, sku: number): boolean {
  const c = p.compliance!;
  const ids = c.exemplars.get(sku) ?? [];
  const units = p.lines.find((l) => l.sku === sku)?.quantity ?? 0;
  return ids.length === units && ids.every((id) => (c.marks.get(id) ?? []).length > 0);
}

function requirements(p: Posting) {
  const needs = pendingNeeds(p);
  return {
    products_requiring_change_country: [],
    // int64 ids as strings, as the spec has them
    products_requiring_country: needs.country.map(String),
    products_requiring_gtd: [],
    products_requiring_imei: [],
    products_requiring_jw_uin: [],
    products_requiring_mandatory_mark: needs.mark.map(String),
    products_requiring_rnpt: [],
    products_requiring_weight: [],
  };
}

/** The analytics block of FBS/rFBS answers (list and get alike); buyer geography only for rFBS. */
function fbsAnalytics(p: Posting, wh: Warehouse | undefined, win: ReturnType<typeof deliveryWindow>) {
  return {
    city: p.scheme === 'rfbs' ? p.city : '',
    client_delivery_date_begin: win.begin,
    client_delivery_date_end: win.end,
    delivery_date_begin: win.begin,
    delivery_date_end: win.end,
    delivery_type: p.deliveryType,
    is_legal: p.isLegal,
    is_premium: p.isPremium,
    payment_type_group_name: p.paymentType,
    region: p.scheme === 'rfbs' ? p.region : '',
    tpl_provider: wh?.tplProvider ?? '',
    tpl_provider_id: wh?.tplProviderId ?? 0,
    warehouse: p.warehouseName,
    warehouse_id: p.warehouseId,
  };
}

/** An item of `/v4/posting/fbs/list` and `/v4/posting/fbs/unfulfilled/list`. */
export function fbsListItem(
  p: Posting,
  w: With,
  wh: Warehouse | undefined,
  weightOf: (sku: number) => number,
) {
  const win = deliveryWindow(p);
  return {
    addressee: p.buyer ? { name: p.buyer.name } : null,
    analytics_data: w.analytics_data ? fbsAnalytics(p, wh, win) : null,
    available_actions: availableActions(p),
    barcodes: w.barcodes ? { lower_barcode: p.barcodes.lower, upper_barcode: p.barcodes.upper } : null,
    cancellation: cancellationBlock(p),
    customer: customer(p),
    delivering_date: iso(p.deliveringDate),
    delivery_method: deliveryMethod(p, wh),
    delivery_schema: 'FBS',
    destination_place_id: 0,
    destination_place_name: '',
    external_order: { is_external: false, platform_name: '' },
    financial_data: w.financial_data
      ? {
          cluster_from: p.clusterFrom,
          cluster_to: p.clusterTo,
          products: p.lines.map((l) => {
            const f = finLine(l);
            return {
              actions: f.discount > 0 ? ['Скидка продавца'] : [],
              commission: { amount: f.commission, currency: p.currency, percent: l.commissionPercent },
              customer_price: { amount: money2(l.price), currency: p.currency },
              old_price: l.oldPrice,
              payout: f.payout,
              price: l.price,
              product_id: l.sku,
              quantity: l.quantity,
              total_discount_percent: f.discountPercent,
              total_discount_value: f.discount,
            };
          }),
        }
      : null,
    in_process_at: iso(p.inProcessAt),
    is_click_and_collect: false,
    is_express: p.isExpress,
    is_multibox: false,
    is_presortable: false,
    legal_info: w.legal_info ? (p.legal ?? { company_name: '', inn: '', kpp: '' }) : null,
    multi_box_qty: 1,
    optional: { products_with_possible_mandatory_mark: [] },
    order_id: p.orderId,
    order_number: p.orderNumber,
    parent_posting_number: p.parentPostingNumber,
    pickup_code_verified_at: null,
    posting_number: p.postingNumber,
    products: p.lines.map((l) => ({
      imei: [],
      is_blr_traceable: false,
      is_marketplace_buyout: false,
      name: l.name,
      offer_id: l.offerId,
      price: { amount: money2(l.price), currency: p.currency },
      product_color: '',
      quantity: l.quantity,
      sku: l.sku,
      weight: weightOf(l.sku),
    })),
    prr_option: '',
    quantum_id: 0,
    require_blr_traceable_attrs: false,
    requirements: requirements(p),
    shipment_date: iso(p.shipmentDate),
    shipment_date_without_delay: iso(p.shipmentDate),
    status: p.status,
    substatus: p.substatus,
    tariffication: null,
    tariffication_steps: [],
    tpl_integration_type: p.tplIntegrationType,
    tracking_number: p.trackingNumber,
  };
}

/** `result` of `/v3/posting/fbs/get`. */
export function fbsGetResult(
  p: Posting,
  w: With,
  wh: Warehouse | undefined,
  related: string[],
  weightOf: (sku: number) => number,
) {
  const win = deliveryWindow(p);
  return {
    additional_data: [],
    addressee: p.buyer ? { name: p.buyer.name, phone: p.buyer.phone, pin: '' } : null,
    analytics_data: w.analytics_data ? fbsAnalytics(p, wh, win) : null,
    available_actions: availableActions(p),
    barcodes: w.barcodes ? { lower_barcode: p.barcodes.lower, upper_barcode: p.barcodes.upper } : null,
    cancellation: cancellationBlock(p),
    courier: null,
    customer: p.buyer
      ? {
          address: { ...p.buyer.address },
          customer_id: p.buyer.customerId,
          name: p.buyer.name,
          phone: p.buyer.phone,
        }
      : null,
    delivering_date: iso(p.deliveringDate),
    delivery_method: deliveryMethod(p, wh),
    delivery_price: '',
    fact_delivery_date: iso(p.deliveringDate),
    financial_data: w.financial_data ? getFinancialData(p) : null,
    in_process_at: iso(p.inProcessAt),
    is_express: p.isExpress,
    is_multibox: false,
    legal_info: w.legal_info ? (p.legal ?? { company_name: '', inn: '', kpp: '' }) : null,
    multi_box_qty: 1,
    optional: { products_with_possible_mandatory_mark: [] },
    order_id: p.orderId,
    order_number: p.orderNumber,
    parent_posting_number: p.parentPostingNumber,
    pickup_code_verified_at: null,
    posting_number: p.postingNumber,
    product_exemplars: w.product_exemplars
      ? {
          products: p.lines.map((l) => ({
            exemplars: Array.from({ length: l.quantity }, (_, i) => ({
              exemplar_id: l.sku * 10 + i,
              mandatory_mark: '',
              gtd: '',
              is_gtd_absent: true,
              rnpt: '',
              is_rnpt_absent: true,
              weight: 0,
              imei: [],
            })),
            sku: l.sku,
          })),
        }
      : null,
    products: p.lines.map((l) => ({
      dimensions: {
        height: '100',
        length: '150',
        weight: String(Math.round(weightOf(l.sku) * 1000)),
        width: '80',
      },
      mandatory_mark: [],
      name: l.name,
      offer_id: l.offerId,
      currency_code: p.currency,
      is_blr_traceable: false,
      is_marketplace_buyout: false,
      price: money6(l.price),
      quantity: l.quantity,
      sku: l.sku,
      has_imei: false,
      is_weight_needed: false,
      weight_max: 0,
      weight_min: 0,
    })),
    provider_status: '',
    prr_option: null,
    related_postings: w.related_postings ? { related_posting_numbers: related } : null,
    related_weight_postings: [],
    require_blr_traceable_attrs: false,
    requirements: requirements(p),
    shipment_date: iso(p.shipmentDate),
    shipment_date_without_delay: iso(p.shipmentDate),
    status: p.status,
    substatus: p.substatus,
    previous_substatus: p.previousSubstatus,
    tpl_integration_type: p.tplIntegrationType,
    tracking_number: p.trackingNumber,
    tariffication: null,
    tariffication_steps: [],
  };
}

function fboAnalytics(p: Posting) {
  return {
    city: '',
    delivery_type: p.deliveryType,
    is_legal: p.isLegal,
    is_premium: p.isPremium,
    payment_type_group_name: p.paymentType,
    warehouse_id: p.warehouseId,
    warehouse_name: p.warehouseName,
  };
}

function fboCancellation(p: Posting) {
  return p.cancellation
    ? {
        cancel_reason: p.cancellation.reason,
        cancellation_initiator: p.cancellation.initiator,
        cancellation_type: p.cancellation.type,
      }
    : null;
}

/** An item of `/v3/posting/fbo/list`. */
export function fboListItem(p: Posting, w: With) {
  return {
    additional_data: [],
    analytics_data: w.analytics_data
      ? { ...fboAnalytics(p), client_delivery_date_begin: null, client_delivery_date_end: null }
      : null,
    cancel_reason_id: p.cancellation?.reasonId ?? 0,
    cancellation: fboCancellation(p),
    created_at: iso(p.inProcessAt),
    external_order: { is_external: false, platform_name: '' },
    financial_data: w.financial_data
      ? {
          cluster_from: p.clusterFrom,
          cluster_to: p.clusterTo,
          products: p.lines.map((l) => {
            const f = finLine(l);
            return {
              actions: f.discount > 0 ? ['Скидка продавца'] : [],
              commission: { amount: f.commission, currency: p.currency, percent: l.commissionPercent },
              old_price: l.oldPrice,
              payout: f.payout,
              price: l.price,
              product_id: l.sku,
              total_discount_percent: f.discountPercent,
              total_discount_value: f.discount,
            };
          }),
        }
      : null,
    in_process_at: iso(p.inProcessAt),
    legal_info: w.legal_info ? (p.legal ?? { company_name: '', inn: '', kpp: '' }) : null,
    order_id: p.orderId,
    order_number: p.orderNumber,
    posting_number: p.postingNumber,
    products: p.lines.map((l) => ({
      digital_codes: [],
      is_marketplace_buyout: false,
      name: l.name,
      offer_id: l.offerId,
      price: { amount: money2(l.price), currency: p.currency },
      quantity: l.quantity,
      sku: l.sku,
    })),
    status: p.status,
    substatus: p.substatus,
  };
}

/** `result` of `/v2/posting/fbo/get`. */
/** The financial block of the single-posting answers (/v3/posting/fbs/get, /v2/posting/fbo/get). */
function getFinancialData(p: Posting) {
  return {
    cluster_from: p.clusterFrom,
    cluster_to: p.clusterTo,
    products: p.lines.map((l) => {
      const f = finLine(l);
      return {
        actions: f.discount > 0 ? ['Скидка продавца'] : [],
        customer_currency_code: p.currency,
        commission_amount: f.commission,
        commission_percent: l.commissionPercent,
        commissions_currency_code: p.currency,
        currency_code: p.currency,
        old_price: l.oldPrice,
        payout: f.payout,
        price: l.price,
        customer_price: l.price,
        product_id: l.sku,
        quantity: l.quantity,
        total_discount_percent: f.discountPercent,
        total_discount_value: f.discount,
      };
    }),
  };
}

export function fboGetResult(p: Posting, w: With) {
  return {
    additional_data: [],
    analytics_data: w.analytics_data ? fboAnalytics(p) : null,
    cancel_reason_id: p.cancellation?.reasonId ?? 0,
    created_at: iso(p.inProcessAt),
    fact_delivery_date: iso(p.deliveringDate),
    financial_data: w.financial_data ? getFinancialData(p) : null,
    in_process_at: iso(p.inProcessAt),
    legal_info: w.legal_info ? (p.legal ?? { company_name: '', inn: '', kpp: '' }) : null,
    order_id: p.orderId,
    order_number: p.orderNumber,
    posting_number: p.postingNumber,
    products: p.lines.map((l) => ({
      digital_codes: [],
      currency_code: p.currency,
      name: l.name,
      offer_id: l.offerId,
      price: money6(l.price),
      is_marketplace_buyout: false,
      quantity: l.quantity,
      sku: l.sku,
    })),
    status: p.status,
    substatus: p.substatus,
  };
}
