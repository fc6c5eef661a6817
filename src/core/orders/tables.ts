// The Orders and Order lines tabs: their columns and how a posting fills them.
import { needsText } from '../handover/needs';
import { SUBSTATUS_CODES } from '../i18n/codes';
import { cancelReasonText, t, type Lang, type MessageKey } from '../i18n/messages';
import type { RowValues, TableSpec } from '../table/spec';
import { isoToSerial, type OffsetMinutes } from '../time/serial';
import {
  FBS_STATUSES,
  lineKey,
  OPEN_STATUSES,
  postingTotal,
  SPLIT_PARENT_STATUS,
  type OrderPosting,
} from './posting';

export const ORDERS_TAB = 'Orders';
export const LINES_TAB = 'Order lines';

export const ordersSpec: TableSpec = {
  tab: ORDERS_TAB,
  key: 'posting_number',
  columns: [
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'order_number', header: 'Order number', kind: 'id', role: 'sync', width: 120 },
    { key: 'schema', header: 'Schema', kind: 'text', role: 'sync', width: 60 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 150 },
    { key: 'substatus', header: 'Substatus', kind: 'text', role: 'sync', width: 130 },
    { key: 'ordered_at', header: 'Ordered at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'ship_by', header: 'Ship by', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'delivering_date', header: 'Delivering date', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'items', header: 'Items', kind: 'int', role: 'sync', width: 50 },
    { key: 'total', header: 'Total', kind: 'money', role: 'sync', width: 90 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'warehouse', header: 'Warehouse', kind: 'text', role: 'sync', width: 120 },
    { key: 'delivery_method', header: 'Delivery method', kind: 'text', role: 'sync', width: 160 },
    { key: 'tracking_number', header: 'Tracking number', kind: 'id', role: 'sync', width: 130 },
    { key: 'region', header: 'Region / city / cluster', kind: 'text', role: 'sync', width: 150 },
    { key: 'buyer', header: 'Buyer', kind: 'text', role: 'sync', width: 130 },
    { key: 'buyer_phone', header: 'Buyer phone', kind: 'id', role: 'sync', width: 110 },
    { key: 'address', header: 'Address', kind: 'text', role: 'sync', width: 200 },
    { key: 'payment', header: 'Payment', kind: 'text', role: 'sync', width: 110 },
    { key: 'cancel_reason', header: 'Cancel reason', kind: 'text', role: 'sync', width: 150 },
    { key: 'split_from', header: 'Split from', kind: 'id', role: 'sync', width: 130 },
    { key: 'last_changed', header: 'Last changed', kind: 'datetime', role: 'sync', width: 120 },
    // What Ozon needs before packing; the pick list and batch ship leave such postings out.
    { key: 'needs_data', header: 'Needs data', kind: 'text', role: 'sync', width: 180 },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 140, hidden: true },
    // The substatus as Ozon's code, for filtering (Substatus shows it in words).
    { key: 'substatus_code', header: 'Substatus code', kind: 'text', role: 'sync', width: 140, hidden: true },
    { key: 'buyer_id', header: 'Buyer ID', kind: 'id', role: 'sync', width: 110, hidden: true },
    { key: 'new', header: 'New', kind: 'text', role: 'insert', width: 45 },
    { key: 'verified', header: 'Verified', kind: 'text', role: 'seller', width: 120 },
    { key: 'verified_by', header: 'Verified by', kind: 'text', role: 'seller', width: 140 },
    { key: 'problem', header: 'Problem', kind: 'text', role: 'seller', width: 160 },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 200 },
    // Written by the order desk (never by the sync).
    { key: 'verified_at', header: 'Verified at', kind: 'datetime', role: 'seller', width: 120 },
    { key: 'packages', header: 'Packages', kind: 'int', role: 'seller', width: 70 },
    { key: 'carrier', header: 'Carrier', kind: 'text', role: 'seller', width: 110 },
    { key: 'label', header: 'Label', kind: 'text', role: 'seller', width: 160 },
    // Written by handing over: the act or shipping the posting left with.
    { key: 'act', header: 'Act', kind: 'id', role: 'seller', width: 100 },
    {
      key: 'verified_digest',
      header: 'Verified digest',
      kind: 'text',
      role: 'seller',
      width: 90,
      hidden: true,
    },
  ],
};

export const linesSpec: TableSpec = {
  tab: LINES_TAB,
  key: 'line_key',
  columns: [
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 110 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 260 },
    { key: 'quantity', header: 'Quantity', kind: 'int', role: 'sync', width: 70 },
    { key: 'unit_price', header: 'Unit price', kind: 'money', role: 'sync', width: 90 },
    { key: 'line_total', header: 'Line total', kind: 'money', role: 'sync', width: 90 },
    { key: 'commission', header: 'Commission', kind: 'money', role: 'sync', width: 90 },
    { key: 'payout', header: 'Payout', kind: 'money', role: 'sync', width: 90 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'line_key', header: 'Line key', kind: 'id', role: 'sync', width: 160, hidden: true },
  ],
};

export const NEW_MARK = '●';

export function substatusText(lang: Lang, code: string): string {
  if (!code) return '';
  return SUBSTATUS_CODES.includes(code)
    ? t(lang, `substatus.${code}` as MessageKey)
    : t(lang, 'substatus.unknown', { code });
}

export function statusText(lang: Lang, code: string): string {
  return (FBS_STATUSES as readonly string[]).includes(code)
    ? t(lang, `status.${code}` as MessageKey)
    : t(lang, 'status.unknown', { code });
}

function join(...parts: string[]): string {
  return parts.filter((p) => p && p.trim()).join(', ');
}

export interface RowContext {
  lang: Lang;
  offset: OffsetMinutes;
}

export function orderRow(p: OrderPosting, ctx: RowContext): RowValues {
  const total = postingTotal(p);
  const split = p.status === SPLIT_PARENT_STATUS;
  return {
    posting_number: p.postingNumber,
    order_number: p.orderNumber,
    schema: p.schema,
    status: statusText(ctx.lang, p.status),
    substatus: substatusText(ctx.lang, p.substatus),
    substatus_code: p.substatus,
    ordered_at: isoToSerial(p.orderedAt, ctx.offset),
    ship_by: isoToSerial(p.shipBy, ctx.offset),
    delivering_date: isoToSerial(p.deliveringDate, ctx.offset),
    items: p.lines.reduce((sum, line) => sum + line.quantity, 0),
    total: total.amount,
    currency: total.currency,
    warehouse: p.warehouse,
    delivery_method: p.deliveryMethod,
    tracking_number: p.trackingNumber,
    region: join(p.region, p.city) || p.cluster,
    buyer: p.buyerName,
    buyer_phone: p.buyerPhone,
    address: p.address,
    payment: p.paymentType,
    // A split parent is not a cancellation: its reason column stays empty.
    cancel_reason: split ? '' : cancelReasonText(ctx.lang, p.cancelReasonId ?? 0, p.cancelReason),
    split_from: p.parentPostingNumber,
    last_changed: isoToSerial(p.lastChanged, ctx.offset),
    needs_data: needsText(ctx.lang, p.needs ?? []),
    status_code: p.status,
    buyer_id: p.buyerId,
    new: OPEN_STATUSES.has(p.status) ? NEW_MARK : '',
  };
}

export function lineRows(p: OrderPosting): RowValues[] {
  return p.lines.map((line) => ({
    posting_number: p.postingNumber,
    offer_id: line.offerId,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unit_price: line.price,
    line_total: Math.round(line.price * 100 * line.quantity) / 100,
    commission: line.commission,
    payout: line.payout,
    currency: line.currency,
    line_key: lineKey(p.postingNumber, line.sku),
  }));
}

/** Conditional formats for the Orders tab: status colours keyed on the hidden status code column. */
export function statusColourRules(statusCol: string, range: object): object[] {
  const rule = (codes: string[], rgb: { red: number; green: number; blue: number }) => ({
    addConditionalFormatRule: {
      rule: {
        ranges: [range],
        booleanRule: {
          condition: {
            type: 'CUSTOM_FORMULA',
            values: [{ userEnteredValue: `=OR(${codes.map((c) => `$${statusCol}2="${c}"`).join(',')})` }],
          },
          format: { backgroundColor: rgb },
        },
      },
      index: 0,
    },
  });
  return [
    rule(['awaiting_packaging', 'awaiting_approve', 'awaiting_verification'], {
      red: 1,
      green: 0.95,
      blue: 0.8,
    }),
    rule(['awaiting_deliver'], { red: 0.85, green: 0.92, blue: 1 }),
    rule(['delivering', 'driver_pickup', 'sent_by_seller'], { red: 0.9, green: 0.9, blue: 0.98 }),
    rule(['delivered'], { red: 0.85, green: 0.95, blue: 0.85 }),
    rule(['cancelled', 'not_accepted', 'arbitration', 'client_arbitration'], {
      red: 0.98,
      green: 0.85,
      blue: 0.85,
    }),
    rule(['cancelled_from_split_pending'], { red: 0.93, green: 0.93, blue: 0.93 }),
  ];
}

/**
 * Rows that rewrite Orders' own words (status and substatus, from their hidden codes) in `lang` where a row
 * still reads in another language: after a language change every row reads in one language, not only
 * the postings a sync fetched again. Rows of `skip` (fetched or restored this run) are left out.
 */
export function relabelOrderRows(
  values: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
  lang: Lang,
  skip: ReadonlySet<string> = new Set(),
): RowValues[] {
  const keyCol = positions.get('posting_number');
  const codeCol = positions.get('status_code');
  const statusCol = positions.get('status');
  const subCol = positions.get('substatus');
  const subCodeCol = positions.get('substatus_code');
  if (keyCol === undefined || codeCol === undefined || statusCol === undefined) return [];
  const rows: RowValues[] = [];
  for (const row of values.slice(1)) {
    const key = row[keyCol];
    const code = row[codeCol];
    if (key === undefined || key === null || key === '' || typeof code !== 'string' || !code) continue;
    if (skip.has(String(key))) continue;
    const relabelled: RowValues = {};
    const status = statusText(lang, code);
    if (row[statusCol] !== status) relabelled.status = status;
    if (subCol !== undefined && subCodeCol !== undefined) {
      // A row from before the hidden code column holds the raw code in Substatus.
      const written = row[subCodeCol];
      const raw = row[subCol];
      const sub =
        typeof written === 'string' && written
          ? written
          : typeof raw === 'string' && /^[a-z][a-z_]*$/.test(raw)
            ? raw
            : '';
      if (sub && row[subCodeCol] !== sub) relabelled.substatus_code = sub;
      if (sub && row[subCol] !== substatusText(lang, sub)) relabelled.substatus = substatusText(lang, sub);
    }
    if (Object.keys(relabelled).length) rows.push({ posting_number: String(key), ...relabelled });
  }
  return rows;
}
