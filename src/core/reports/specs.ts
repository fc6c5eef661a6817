// The generated report tabs. Headers are written in the seller's language (src/core/i18n/headers.ts);
// pivot tables and charts refer to columns by position, and column order is fixed because every
// build rewrites the whole tab.
import type { ColumnKind, ColumnSpec } from '../table/spec';

export interface ReportColumn extends ColumnSpec {
  /** Number format pattern when the kind's default is not wanted (e.g. months). */
  pattern?: string;
}

export interface ReportSpec {
  tab: string;
  columns: readonly ReportColumn[];
}

const col = (
  key: string,
  header: string,
  kind: ColumnKind,
  width?: number,
  pattern?: string,
): ReportColumn => ({
  key,
  header,
  kind,
  role: 'sync',
  ...(width ? { width } : {}),
  ...(pattern ? { pattern } : {}),
});

export const SALES_TAB = 'Sales';
export const CUSTOMERS_TAB = 'Customers';
export const PRODUCTS_TAB = 'Products';
export const DASHBOARD_TAB = 'Dashboard';

export const salesSpec: ReportSpec = {
  tab: SALES_TAB,
  columns: [
    col('date', 'Date', 'date', 90),
    col('month', 'Month', 'date', 70, 'yyyy-mm'),
    col('posting_number', 'Posting number', 'id', 150),
    col('order_number', 'Order number', 'id', 120),
    col('schema', 'Schema', 'text', 60),
    col('status_group', 'Status group', 'text', 90),
    col('status_code', 'Status code', 'text', 140),
    col('offer_id', 'Offer ID', 'id', 110),
    col('sku', 'SKU', 'id', 110),
    col('product', 'Product', 'text', 240),
    col('quantity', 'Quantity', 'int', 70),
    col('unit_price', 'Unit price', 'money', 90),
    col('ordered_value', 'Ordered value', 'money', 100),
    col('revenue', 'Revenue', 'money', 90),
    col('discount', 'Discount', 'money', 90),
    col('commission', 'Commission', 'money', 90),
    col('payout', 'Payout', 'money', 90),
    col('currency', 'Currency', 'text', 60),
    col('warehouse', 'Warehouse', 'text', 120),
    col('delivery_method', 'Delivery method', 'text', 160),
    col('region', 'Region / city / cluster', 'text', 150),
    col('buyer_key', 'Buyer key', 'id', 110),
  ],
};

export const customersSpec: ReportSpec = {
  tab: CUSTOMERS_TAB,
  columns: [
    col('key_type', 'Key type', 'text', 70),
    col('customer_key', 'Customer key', 'id', 150),
    col('region', 'Region / city / cluster', 'text', 150),
    col('currency', 'Currency', 'text', 60),
    col('first_order', 'First order', 'date', 90),
    col('last_order', 'Last order', 'date', 90),
    col('orders', 'Orders', 'int', 60),
    col('units', 'Units', 'int', 60),
    col('revenue', 'Revenue', 'money', 100),
    col('payout', 'Payout', 'money', 100),
    col('average_order', 'Average order value', 'money', 110),
    col('days_since_last', 'Days since last order', 'int', 110),
    col('repeat', 'Repeat buyer', 'text', 80),
  ],
};

export const productsSpec: ReportSpec = {
  tab: PRODUCTS_TAB,
  columns: [
    col('month', 'Month', 'date', 70, 'yyyy-mm'),
    col('offer_id', 'Offer ID', 'id', 110),
    col('product', 'Product', 'text', 240),
    col('currency', 'Currency', 'text', 60),
    col('units', 'Units sold', 'int', 70),
    col('revenue', 'Revenue', 'money', 100),
    col('commission', 'Commission', 'money', 90),
    col('payout', 'Payout', 'money', 100),
    col('cancelled_units', 'Cancelled units', 'int', 80),
    col('returned_units', 'Returned units', 'int', 80),
    col('stock', 'Stock available', 'int', 80),
    col('days_of_cover', 'Days of cover', 'number', 80),
    col('content_rating', 'Content rating', 'number', 90),
    col('review_score', 'Average review', 'number', 90),
    // From the finance run: what Ozon accrued for the month's lines, by fee group, and the profit.
    col('fee_sale', 'Accrued revenue', 'money', 100),
    col('fee_commission', 'Ozon commission', 'money', 90),
    col('fee_logistics', 'Logistics', 'money', 90),
    col('fee_last_mile', 'Last mile', 'money', 90),
    col('fee_acquiring', 'Acquiring', 'money', 90),
    col('fee_returns', 'Returns', 'money', 90),
    col('fee_storage', 'Storage', 'money', 90),
    col('fee_ads', 'Ads', 'money', 90),
    col('fee_services', 'Services', 'money', 90),
    col('fee_other', 'Other fees', 'money', 90),
    col('ozon_fees', 'Ozon fees', 'money', 100),
    col('accrued_payout', 'Accrued payout', 'money', 100),
    col('cost', 'Cost', 'money', 100),
    col('profit', 'Profit', 'money', 100),
    col('margin', 'Margin %', 'percent', 70),
    col('profit_note', 'Profit note', 'text', 100),
  ],
};

export const REPORT_SPECS: readonly ReportSpec[] = [salesSpec, customersSpec, productsSpec];
