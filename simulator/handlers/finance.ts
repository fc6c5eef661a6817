// Finance methods: the beta accrual methods (types dictionary, per posting ≤ 200, one day paged by
// last_id), the realization report of a closed month (per SKU and per posting) and the cash-flow
// statement by half-month payout period. Every figure comes from the same accrual book.
import { ApiError, badRequest } from '../errors';
import {
  ACCRUAL_TYPES,
  amountText,
  DAY_MS,
  FinanceModel,
  MSK_MS,
  mskDate,
  type SimAccrual,
} from '../finance';
import type { Shop } from '../shop';
import type { Ctx, Handler } from './common';

/** Accruals per by-day page (Ozon does not document it; tests shrink it to exercise paging). */
export const byDayPage = { size: 500 };
const MAX_POSTINGS = 200;

const models = new WeakMap<Shop, FinanceModel>();

export function financeBook(shop: Shop, now: number) {
  let model = models.get(shop);
  if (!model) models.set(shop, (model = new FinanceModel(shop.state)));
  return model.book(now);
}

const money = (minor: number, currency: string) => ({ amount: amountText(minor), currency });

const types: Handler = () => ({
  accrual_types: ACCRUAL_TYPES.map((t) => ({ id: t.id, name: t.name, description: t.description })),
});

const postings: Handler = ({ shop, body, now }: Ctx) => {
  const numbers = body.posting_numbers;
  if (!Array.isArray(numbers) || numbers.length === 0)
    throw badRequest('posting_numbers: value must contain at least 1 item(s)');
  if (numbers.length > MAX_POSTINGS)
    throw badRequest(`posting_numbers: value must contain at most ${MAX_POSTINGS} item(s)`);
  if (numbers.some((n) => typeof n !== 'string' || !n))
    throw badRequest('posting_numbers: each item must be a non-empty string');
  const book = financeBook(shop, now);
  const seen = new Set<string>();
  const posting_accruals = [];
  for (const number of numbers as string[]) {
    if (seen.has(number)) continue;
    seen.add(number);
    const posting = shop.state.postings.get(number);
    if (!posting) continue;
    posting_accruals.push({
      posting_number: number,
      accruals: (book.byPosting.get(number) ?? []).map((a) => {
        const line = posting.lines.find((l) => l.sku === a.sku);
        return {
          type_id: a.typeId,
          accrued: money(a.minor, a.currency),
          accrual_date: a.date,
          seller_price: line ? money(Math.round(line.price * 100), posting.currency) : null,
          sku: a.sku,
          quantity: a.quantity,
        };
      }),
    });
  }
  return { posting_accruals };
};

const byDay: Handler = ({ shop, body, now }: Ctx) => {
  const date = body.date;
  if (typeof date !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(date) || !Number.isFinite(Date.parse(date)))
    throw badRequest('date: invalid value: expected YYYY-MM-DD');
  if (date > mskDate(now)) throw badRequest('date: must not be later than today');
  const after = body.last_id === undefined || body.last_id === '' ? -1 : Number(body.last_id);
  if (!Number.isInteger(after)) throw badRequest('last_id: invalid value');
  const day = financeBook(shop, now).byDate.get(date) ?? [];
  let start = 0;
  while (start < day.length && day[start].key <= after) start++;
  const page = day.slice(start, start + byDayPage.size);
  const has_next = start + byDayPage.size < day.length;
  return {
    accruals: page.map((a) => {
      const posting = shop.state.postings.get(a.postingNumber);
      // The products an accrual is for: its own item, none for a posting-wide charge.
      const lines = posting && a.sku ? posting.lines.filter((l) => l.sku === a.sku) : [];
      return {
        // Renamed from type_id in the 2026-06-09 news.
        accrual_id: a.typeId,
        accrued_category: 'POSTING',
        date: a.date,
        unit_number: a.postingNumber,
        total_amount: money(a.minor, a.currency),
        posting: {
          delivery_schema: a.scheme.toUpperCase(),
          products: lines.map((l) => ({
            sku: l.sku,
            quantity: a.sku ? a.quantity : l.quantity,
            offer_id: l.offerId,
          })),
        },
      };
    }),
    last_id: page.length ? String(page[page.length - 1].key) : '',
    has_next,
  };
};

/** [start, end) of a calendar month in Moscow time, as epoch ms. */
function monthBounds(year: number, month: number): [number, number] {
  return [Date.UTC(year, month - 1, 1) - MSK_MS, Date.UTC(year, month, 1) - MSK_MS];
}

function closedMonth(body: Ctx['body'], now: number): { year: number; month: number; prefix: string } {
  const { year, month } = body;
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw badRequest('month: value must be inside range [1, 12]');
  if (!Number.isInteger(year) || year < 2000) throw badRequest('year: invalid value');
  const [, end] = monthBounds(year, month);
  if (end > now)
    throw new ApiError(400, 3, 'The report for this period is not ready yet: the month is not closed');
  return { year, month, prefix: `${year}-${String(month).padStart(2, '0')}` };
}

interface RealRow {
  postingNumber: string;
  sku: number;
  sold: number;
  soldQty: number;
  soldCommission: number;
  back: number;
  backQty: number;
  backCommission: number;
  commissionRatio: number;
  price: number;
}

function realizationRows(shop: Shop, now: number, prefix: string, perPosting: boolean): RealRow[] {
  const rows = new Map<string, RealRow>();
  for (const a of financeBook(shop, now).all) {
    if (!a.date.startsWith(prefix) || (a.group !== 'sale' && a.group !== 'commission') || !a.sku) continue;
    const key = perPosting ? `${a.postingNumber}:${a.sku}` : String(a.sku);
    const posting = shop.state.postings.get(a.postingNumber);
    const line = posting?.lines.find((l) => l.sku === a.sku);
    let row = rows.get(key);
    if (!row) {
      row = {
        postingNumber: a.postingNumber,
        sku: a.sku,
        sold: 0,
        soldQty: 0,
        soldCommission: 0,
        back: 0,
        backQty: 0,
        backCommission: 0,
        commissionRatio: line?.commissionPercent ?? 0,
        price: line ? Math.round(line.price * 100) : 0,
      };
      rows.set(key, row);
    }
    if (a.typeId === 100) {
      row.sold += a.minor;
      row.soldQty += a.quantity;
    } else if (a.typeId === 101) {
      row.back -= a.minor;
      row.backQty += a.quantity;
    } else if (a.typeId === 110) row.soldCommission -= a.minor;
    else if (a.typeId === 111) row.backCommission += a.minor;
  }
  return [...rows.values()];
}

const block = (amount: number, commission: number, quantity: number, price: number) =>
  quantity || amount || commission
    ? {
        amount: amount / 100,
        bonus: 0,
        commission: commission / 100,
        compensation: 0,
        price_per_instance: price / 100,
        quantity,
        standard_fee: commission / 100,
        bank_coinvestment: 0,
        stars: 0,
        total: (amount - commission) / 100,
      }
    : null;

function header(shop: Shop, year: number, month: number, currency: string) {
  const [start, end] = monthBounds(year, month);
  return {
    contract_date: '2024-01-15',
    contract_number: `ИР-${shop.clientId}`,
    currency_sys_name: currency,
    doc_date: mskDate(end),
    number: `${shop.clientId}-${year}${String(month).padStart(2, '0')}`,
    payer_inn: '7704217370',
    payer_kpp: '997750001',
    payer_name: 'ООО «Интернет Решения»',
    receiver_inn: '772000000000',
    receiver_kpp: '',
    receiver_name: 'ИП Продавец',
    start_date: mskDate(start),
    stop_date: mskDate(end - 1),
  };
}

function rowItem(shop: Shop, sku: number) {
  const product = shop.state.productsBySku.get(sku);
  return {
    barcode: product?.barcode ?? '',
    name: product?.name ?? '',
    offer_id: product?.offerId ?? '',
    sku,
  };
}

const realizationPosting: Handler = ({ shop, body, now }: Ctx) => {
  const { year, month, prefix } = closedMonth(body, now);
  const rows = realizationRows(shop, now, prefix, true);
  return {
    header: header(shop, year, month, 'RUB'),
    rows: rows.map((r, i) => {
      const posting = shop.state.postings.get(r.postingNumber);
      return {
        row_number: i + 1,
        commission_ratio: r.commissionRatio / 100,
        delivery_commission: block(r.sold, r.soldCommission, r.soldQty, r.price),
        return_commission: block(r.back, r.backCommission, r.backQty, r.price),
        item: rowItem(shop, r.sku),
        seller_price_per_instance: r.price / 100,
        order: {
          posting_number: r.postingNumber,
          created_date: posting ? mskDate(posting.inProcessAt) : '',
        },
      };
    }),
  };
};

const realization: Handler = ({ shop, body, now }: Ctx) => {
  const { year, month, prefix } = closedMonth(body, now);
  const rows = realizationRows(shop, now, prefix, false);
  return {
    result: {
      header: header(shop, year, month, 'RUB'),
      rows: rows.map((r, i) => ({
        rowNumber: i + 1,
        commission_ratio: r.commissionRatio / 100,
        delivery_commission: block(r.sold, r.soldCommission, r.soldQty, r.price),
        return_commission: block(r.back, r.backCommission, r.backQty, r.price),
        item: rowItem(shop, r.sku),
        seller_price_per_instance: r.price / 100,
      })),
    },
  };
};

/** Half-month payout periods (1–15, 16–end, Moscow time) overlapping [from, to]. */
function periods(from: number, to: number): { id: number; begin: number; end: number }[] {
  const out = [];
  const first = new Date(from + MSK_MS);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  for (;;) {
    const start = Date.UTC(y, m, 1) - MSK_MS;
    const mid = Date.UTC(y, m, 16) - MSK_MS;
    const end = Date.UTC(y, m + 1, 1) - MSK_MS;
    for (const [begin, stop, half] of [
      [start, mid, 1],
      [mid, end, 2],
    ] as const) {
      if (stop > from && begin <= to) out.push({ id: (y * 100 + m + 1) * 10 + half, begin, end: stop });
    }
    if (end > to) break;
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}

/** How the statement groups the book (the same groups the add-on shows). */
function statementOf(accruals: readonly SimAccrual[]) {
  const totals = new Map<
    string,
    { orders: number; returns: number; commission: number; services: number; logistics: number }
  >();
  for (const a of accruals) {
    const t = totals.get(a.currency) ?? { orders: 0, returns: 0, commission: 0, services: 0, logistics: 0 };
    if (a.group === 'sale') {
      if (a.minor >= 0) t.orders += a.minor;
      else t.returns += a.minor;
    } else if (a.group === 'commission') t.commission += a.minor;
    else if (a.group === 'logistics' || a.group === 'last_mile' || a.group === 'returns')
      t.logistics += a.minor;
    else t.services += a.minor;
    totals.set(a.currency, t);
  }
  return totals;
}

const cashFlow: Handler = ({ shop, body, now }: Ctx) => {
  const from = Date.parse(body.date?.from);
  const to = Date.parse(body.date?.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw badRequest('date: from and to are required');
  if (to < from) throw badRequest('date.to must not be earlier than date.from');
  if (to - from > 92 * DAY_MS) throw badRequest('date: the period must not exceed 3 months');
  const page = body.page;
  const size = body.page_size;
  if (!Number.isInteger(page) || page < 1) throw badRequest('page: value must be at least 1');
  if (!Number.isInteger(size) || size < 1 || size > 100)
    throw badRequest('page_size: value must be inside range [1, 100]');
  const book = financeBook(shop, now);
  const flows = [];
  for (const period of periods(from, Math.min(to, now))) {
    const within = book.all.filter((a) => {
      const t = Date.parse(`${a.date}T00:00:00Z`) - MSK_MS;
      return t >= period.begin && t < period.end;
    });
    for (const [currency, t] of statementOf(within)) {
      flows.push({
        period: {
          id: period.id,
          begin: new Date(period.begin).toISOString(),
          end: new Date(period.end - 1000).toISOString(),
        },
        orders_amount: t.orders / 100,
        returns_amount: t.returns / 100,
        commission_amount: t.commission / 100,
        services_amount: t.services / 100,
        item_delivery_and_return_amount: t.logistics / 100,
        currency_code: currency,
      });
    }
  }
  const pageCount = Math.max(1, Math.ceil(flows.length / size));
  return { result: { cash_flows: flows.slice((page - 1) * size, page * size), page_count: pageCount } };
};

export const financeHandlers: Record<string, Handler> = {
  '/v1/finance/accrual/types': types,
  '/v1/finance/accrual/postings': postings,
  '/v1/finance/accrual/by-day': byDay,
  '/v2/finance/realization': realization,
  '/v1/finance/realization/posting': realizationPosting,
  '/v1/finance/cash-flow-statement/list': cashFlow,
};
