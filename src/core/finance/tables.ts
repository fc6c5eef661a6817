// The finance tabs: Finance (one row per posting × accrual type × date × SKU, pivot-ready, exact
// signed amounts with their currency), Costs (the seller's cost of each offer, with Ozon's net
// price as a suggestion), Exchange rates (roubles per unit of a currency, by month), and the
// profit columns the finance run adds to Order lines. Rows are read back as exact minor units.
import { daySerial, isoDay } from '../reports/calendar';
import { linesSpec } from '../orders/tables';
import type { ColumnSpec, RowValues, TableSpec } from '../table/spec';
import type { Lang } from '../i18n/messages';
import { CHARGE_GROUPS, FEE_GROUPS, type FeeGroup } from './fees';
import { feeGroupOf, feeGroupText } from './group-words';
import { minorToNumber, parseMinor, type Minor } from './minor';
import { RATE_SCALE, type Accrual, type LineProfit, type OfferCost } from './profit';

export const FINANCE_TAB = 'Finance';
export const COSTS_TAB = 'Costs';
export const RATES_TAB = 'Exchange rates';

export const financeSpec: TableSpec = {
  tab: FINANCE_TAB,
  key: 'finance_key',
  columns: [
    { key: 'date', header: 'Date', kind: 'date', role: 'sync', width: 90 },
    { key: 'month', header: 'Month', kind: 'text', role: 'sync', width: 70 },
    { key: 'posting_number', header: 'Posting number', kind: 'id', role: 'sync', width: 150 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 100 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'fee_group', header: 'Fee group', kind: 'text', role: 'sync', width: 90 },
    { key: 'type_id', header: 'Accrual type ID', kind: 'id', role: 'sync', width: 80 },
    { key: 'type_name', header: 'Accrual type', kind: 'text', role: 'sync', width: 220 },
    { key: 'amount', header: 'Amount', kind: 'money', role: 'sync', width: 100 },
    { key: 'currency', header: 'Currency', kind: 'text', role: 'sync', width: 60 },
    { key: 'quantity', header: 'Quantity', kind: 'int', role: 'sync', width: 60 },
    { key: 'finance_key', header: 'Finance key', kind: 'id', role: 'sync', width: 220, hidden: true },
    // The month of the posting's order (its archive month tab): where the row goes once archived.
    { key: 'order_month', header: 'Order month', kind: 'id', role: 'sync', width: 70, hidden: true },
    // The group's code (sale, last_mile, …) for filtering and for every reader; Fee group shows words.
    { key: 'fee_group_code', header: 'Fee group code', kind: 'text', role: 'sync', width: 90, hidden: true },
  ],
};

export const costsSpec: TableSpec = {
  tab: COSTS_TAB,
  key: 'offer_id',
  columns: [
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 240 },
    { key: 'cost', header: 'Cost price', kind: 'money', role: 'seller', width: 90 },
    { key: 'cost_currency', header: 'Cost currency', kind: 'text', role: 'insert', width: 70 },
    { key: 'freight', header: 'First-mile freight', kind: 'money', role: 'seller', width: 100 },
    { key: 'freight_currency', header: 'Freight currency', kind: 'text', role: 'insert', width: 70 },
    { key: 'packaging', header: 'Packaging', kind: 'money', role: 'seller', width: 90 },
    { key: 'packaging_currency', header: 'Packaging currency', kind: 'text', role: 'insert', width: 70 },
    { key: 'net_price', header: 'Ozon net price (suggested cost)', kind: 'money', role: 'sync', width: 130 },
    { key: 'net_price_currency', header: 'Net price currency', kind: 'text', role: 'sync', width: 70 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 200 },
  ],
};

export const ratesSpec: TableSpec = {
  tab: RATES_TAB,
  key: 'rate_key',
  columns: [
    { key: 'month', header: 'Month (YYYY-MM)', kind: 'id', role: 'insert', width: 100 },
    { key: 'currency', header: 'Currency', kind: 'id', role: 'insert', width: 70 },
    { key: 'rate', header: 'RUB per unit', kind: 'number', role: 'seller', width: 100 },
    { key: 'rate_key', header: 'Rate key', kind: 'id', role: 'insert', width: 120, hidden: true },
  ],
};

const GROUP_HEADERS: Record<FeeGroup, string> = {
  sale: 'Accrued revenue',
  commission: 'Ozon commission',
  logistics: 'Logistics',
  last_mile: 'Last mile',
  acquiring: 'Acquiring',
  returns: 'Returns',
  storage: 'Storage',
  ads: 'Ads',
  services: 'Services',
  other: 'Other fees',
};

export const feeColumn = (group: FeeGroup) => `fee_${group}`;

/** The columns the finance run adds to Order lines (written only by it). */
export const PROFIT_COLUMNS: readonly ColumnSpec[] = [
  ...FEE_GROUPS.map((g): ColumnSpec => ({
    key: feeColumn(g),
    header: GROUP_HEADERS[g],
    kind: 'money',
    role: 'sync',
    width: 90,
  })),
  { key: 'ozon_payout', header: 'Accrued payout', kind: 'money', role: 'sync', width: 100 },
  { key: 'unit_cost', header: 'Unit cost', kind: 'money', role: 'sync', width: 90 },
  { key: 'cost', header: 'Cost', kind: 'money', role: 'sync', width: 90 },
  { key: 'profit', header: 'Profit', kind: 'money', role: 'sync', width: 90 },
  { key: 'margin', header: 'Margin %', kind: 'percent', role: 'sync', width: 70 },
  { key: 'profit_note', header: 'Profit note', kind: 'text', role: 'sync', width: 130 },
];

/** Order lines as the finance run writes it: its own columns are sync, the orders sync's are left alone. */
export const linesProfitSpec: TableSpec = {
  ...linesSpec,
  columns: [
    ...linesSpec.columns.map((c) => (c.key === linesSpec.key ? c : { ...c, role: 'seller' as const })),
    ...PROFIT_COLUMNS,
  ],
};

export const financeKey = (a: Pick<Accrual, 'postingNumber' | 'typeId' | 'date' | 'sku'>) =>
  `${a.postingNumber}|${a.typeId}|${a.date}|${a.sku || ''}`;

/** Accruals with the same key summed: the Finance tab's rows. */
export function aggregate(accruals: Iterable<Accrual>): Map<string, Accrual> {
  const rows = new Map<string, Accrual>();
  for (const a of accruals) {
    const key = financeKey(a);
    const row = rows.get(key);
    if (!row) rows.set(key, { ...a });
    else {
      row.minor += a.minor;
      row.quantity += a.quantity;
      if (!row.typeName) row.typeName = a.typeName;
    }
  }
  return rows;
}

/** A Finance row; `orderMonth` only when known (an unknown month never clears a known one). */
export function financeRow(a: Accrual, offerId: string, lang: Lang, orderMonth = ''): RowValues {
  return {
    ...(orderMonth ? { order_month: orderMonth } : {}),
    date: daySerial(a.date),
    month: a.date.slice(0, 7),
    posting_number: a.postingNumber,
    sku: a.sku ? String(a.sku) : '',
    offer_id: offerId,
    fee_group: feeGroupText(lang, a.group),
    fee_group_code: a.group,
    type_id: a.typeId,
    type_name: a.typeName,
    amount: minorToNumber(a.minor),
    currency: a.currency,
    quantity: a.quantity,
    finance_key: financeKey(a),
  };
}

const cellText = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

function cellDay(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return isoDay(value);
  const text = cellText(value);
  return /^\d{4}-\d\d-\d\d/.test(text) ? text.slice(0, 10) : '';
}

/** The Finance tab read back; rows with an unreadable amount are skipped (and counted). */
export function readFinance(
  rows: readonly (readonly unknown[])[],
  col: ReadonlyMap<string, number>,
): { accruals: Map<string, Accrual>; unreadable: number } {
  const at = (row: readonly unknown[], key: string) => {
    const i = col.get(key);
    return i === undefined ? undefined : row[i];
  };
  const accruals = new Map<string, Accrual>();
  let unreadable = 0;
  for (const row of rows) {
    const key = cellText(at(row, 'finance_key'));
    if (!key) continue;
    const minor = parseMinor(at(row, 'amount'));
    const date = cellDay(at(row, 'date'));
    const group = feeGroupOf(at(row, 'fee_group_code'), at(row, 'fee_group'));
    if (minor === null || !date || group === null) {
      unreadable++;
      continue;
    }
    accruals.set(key, {
      postingNumber: cellText(at(row, 'posting_number')),
      typeId: cellText(at(row, 'type_id')),
      typeName: cellText(at(row, 'type_name')),
      group,
      date,
      minor,
      currency: cellText(at(row, 'currency')),
      sku: Number(cellText(at(row, 'sku'))) || 0,
      quantity: Number(at(row, 'quantity')) || 0,
    });
  }
  return { accruals, unreadable };
}

/**
 * Finance rows (key and the cells to rewrite) whose group does not read in `lang`'s words with its
 * code beside it: after a language change, and in a tab from before the code column (its visible
 * cells held codes). A row whose group cannot be read is left alone.
 */
export function relabelFinance(
  rows: readonly (readonly unknown[])[],
  col: ReadonlyMap<string, number>,
  lang: Lang,
): RowValues[] {
  const keyCol = col.get('finance_key');
  const shownCol = col.get('fee_group');
  const codeCol = col.get('fee_group_code');
  if (keyCol === undefined || shownCol === undefined || codeCol === undefined) return [];
  const out: RowValues[] = [];
  for (const row of rows) {
    const key = cellText(row[keyCol]);
    const group = key ? feeGroupOf(row[codeCol], row[shownCol]) : null;
    if (group === null) continue;
    const changed: RowValues = {};
    const words = feeGroupText(lang, group);
    if (row[shownCol] !== words) changed.fee_group = words;
    if (row[codeCol] !== group) changed.fee_group_code = group;
    if (Object.keys(changed).length) out.push({ finance_key: key, ...changed });
  }
  return out;
}

function minorCell(amount: unknown, currency: unknown, fallback: string): Minor | null | 'bad' {
  if (amount === null || amount === undefined || cellText(amount) === '') return null;
  const minor = parseMinor(amount);
  if (minor === null) return 'bad';
  return { minor, currency: cellText(currency).toUpperCase() || fallback };
}

export interface CostRead {
  costs: Map<string, OfferCost>;
  /** Offers whose cost cells could not be read as amounts (reported, treated as missing). */
  unreadable: string[];
  rows: Map<string, { netPrice: boolean; name: string }>;
}

/** The Costs tab read back; blank currency means roubles. */
export function readCosts(rows: readonly (readonly unknown[])[], col: ReadonlyMap<string, number>): CostRead {
  const at = (row: readonly unknown[], key: string) => {
    const i = col.get(key);
    return i === undefined ? undefined : row[i];
  };
  const costs = new Map<string, OfferCost>();
  const unreadable: string[] = [];
  const seen = new Map<string, { netPrice: boolean; name: string }>();
  for (const row of rows) {
    const offerId = cellText(at(row, 'offer_id'));
    if (!offerId) continue;
    seen.set(offerId, { netPrice: cellText(at(row, 'net_price')) !== '', name: cellText(at(row, 'name')) });
    const cost = minorCell(at(row, 'cost'), at(row, 'cost_currency'), 'RUB');
    const freight = minorCell(at(row, 'freight'), at(row, 'freight_currency'), 'RUB');
    const packaging = minorCell(at(row, 'packaging'), at(row, 'packaging_currency'), 'RUB');
    if (cost === 'bad' || freight === 'bad' || packaging === 'bad') {
      unreadable.push(offerId);
      continue;
    }
    costs.set(offerId, { offerId, cost, freight, packaging });
  }
  return { costs, unreadable, rows: seen };
}

/** Exchange rates read back: month → currency → roubles per unit (millionths). Blank rates are skipped. */
export function readRates(
  rows: readonly (readonly unknown[])[],
  col: ReadonlyMap<string, number>,
): { rates: Map<string, Map<string, number>>; keys: Set<string> } {
  const at = (row: readonly unknown[], key: string) => {
    const i = col.get(key);
    return i === undefined ? undefined : row[i];
  };
  const rates = new Map<string, Map<string, number>>();
  const keys = new Set<string>();
  for (const row of rows) {
    // A month the sheet turned into a date still counts.
    const rawMonth = at(row, 'month');
    const month =
      typeof rawMonth === 'number' ? isoDay(rawMonth).slice(0, 7) : cellText(rawMonth).slice(0, 7);
    const currency = cellText(at(row, 'currency')).toUpperCase();
    if (!/^\d{4}-\d\d$/.test(month) || !currency) continue;
    keys.add(`${month}|${currency}`);
    const raw = at(row, 'rate');
    const rate = typeof raw === 'number' ? raw : Number(cellText(raw).replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(rate) || rate <= 0 || cellText(raw) === '') continue;
    const byCurrency = rates.get(month) ?? new Map<string, number>();
    byCurrency.set(currency, Math.round(rate * RATE_SCALE));
    rates.set(month, byCurrency);
  }
  return { rates, keys };
}

export function rateRow(month: string, currency: string): RowValues {
  return { month, currency, rate_key: `${month}|${currency}` };
}

const money = (minor: number | null | undefined) =>
  minor === null || minor === undefined ? null : minorToNumber(minor);

export type NoteText = (status: LineProfit['status']) => string;

/** The profit cells of one Order lines row (blank where not known: never a made-up zero). */
export function profitCells(p: LineProfit, note: NoteText, lineKey: string): RowValues {
  const row: RowValues = { line_key: lineKey };
  const none = p.status === 'no accruals';
  for (const g of FEE_GROUPS) row[feeColumn(g)] = none ? null : money(p.groups[g] ?? 0);
  row.ozon_payout = none ? null : money(p.payout);
  row.unit_cost = money(p.unitCost);
  row.cost = money(p.cost);
  row.profit = money(p.profit);
  row.margin = p.margin;
  row.profit_note = p.status === 'ok' ? '' : note(p.status);
  return row;
}

/** The posting → order month the Finance tab's rows name (rows without one are left out). */
export function financeOrderMonths(
  rows: readonly (readonly unknown[])[],
  col: ReadonlyMap<string, number>,
): Map<string, string> {
  const out = new Map<string, string>();
  const postingCol = col.get('posting_number');
  const monthCol = col.get('order_month');
  if (postingCol === undefined || monthCol === undefined) return out;
  for (const row of rows) {
    const month = cellText(row[monthCol]);
    const posting = cellText(row[postingCol]);
    if (posting && /^\d{4}-\d\d$/.test(month)) out.set(posting, month);
  }
  return out;
}

/**
 * The first day ('YYYY-MM-DD') of the oldest month the Reconciliation checks (the two closed months
 * before `today`'s): a Finance row dated on or after it stays in the live Finance tab, where the
 * Dashboard's P&L and the Reconciliation read it, even when its posting is archived.
 */
export function financeHorizon(today: string, closedMonths = 2): string {
  const [y, m] = today.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1 - closedMonths, 1));
  return at.toISOString().slice(0, 10);
}

export { CHARGE_GROUPS };
