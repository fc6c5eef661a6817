// The Discount requests tab: buyers asking Ozon for a lower price on a product, with the profit and
// margin at the price asked; the seller writes Approve or Decline (and may approve at another price).
import type { TableSpec } from '../table/spec';

export const discountRequestsSpec: TableSpec = {
  tab: 'Discount requests',
  key: 'task_id',
  columns: [
    { key: 'task_id', header: 'Request ID', kind: 'id', role: 'sync', width: 100 },
    { key: 'created_at', header: 'Asked at', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'end_at', header: 'Answer by', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 100 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 220 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 90 },
    { key: 'original_price', header: 'Price', kind: 'money', role: 'sync', width: 90 },
    { key: 'requested_price', header: 'Price asked', kind: 'money', role: 'sync', width: 90 },
    { key: 'quantity', header: 'Units asked (max)', kind: 'int', role: 'sync', width: 90 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'unit_cost', header: 'Unit cost', kind: 'money', role: 'sync', width: 90 },
    { key: 'profit', header: 'Profit at price asked', kind: 'money', role: 'sync', width: 110 },
    { key: 'margin', header: 'Margin % at price asked', kind: 'percent', role: 'sync', width: 110 },
    { key: 'fee_basis', header: 'Fees from', kind: 'text', role: 'sync', width: 120 },
    { key: 'decision', header: 'Approve / Decline', kind: 'text', role: 'seller', width: 110 },
    { key: 'approve_price', header: 'Approve at price', kind: 'money', role: 'seller', width: 100 },
    { key: 'confirm', header: 'Confirm below cost', kind: 'text', role: 'seller', width: 110 },
    { key: 'result', header: 'Result', kind: 'text', role: 'sync', width: 260 },
    { key: 'checked_at', header: 'Checked at', kind: 'datetime', role: 'sync', width: 120 },
  ],
};

const APPROVE = new Set(['approve', 'одобрить', 'принять', '批准', '同意', 'yes', 'да', '是']);
const DECLINE = new Set(['decline', 'отклонить', 'отказать', '拒绝', 'no', 'нет', '否']);

export function readDecision(cell: unknown): 'approve' | 'decline' | null | 'unknown' {
  const v = cell === null || cell === undefined ? '' : String(cell).trim().toLowerCase();
  if (!v) return null;
  if (APPROVE.has(v)) return 'approve';
  if (DECLINE.has(v)) return 'decline';
  return 'unknown';
}
