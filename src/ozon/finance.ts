// Ozon's finance methods: accruals per posting (≤ 200 postings a call, sent side by side), the
// accrual types dictionary, one day's accruals paged by last_id, the monthly realization report
// and the cash-flow statement. Answers are validated and amounts become exact minor units.
import { parseMinor } from '../core/finance/minor';
import type { AccrualType } from '../core/finance/fees';
import { RETIRED } from './endpoints';
import { OzonSchemaError } from './errors';
import { parseAnswer } from './schemas/common';
import {
  accrualPostingsAnswer,
  accrualsByDayAnswer,
  accrualTypesAnswer,
  cashFlowAnswer,
  realizationPostingAnswer,
  type AccrualsByDayAnswer,
} from './schemas/finance';
import type { OzonApi } from './api';
import type { Transport } from './transport';

export const FINANCE = {
  accrualPostings: '/v1/finance/accrual/postings',
  accrualTypes: '/v1/finance/accrual/types',
  accrualByDay: '/v1/finance/accrual/by-day',
  realization: '/v2/finance/realization',
  realizationPosting: '/v1/finance/realization/posting',
  cashFlow: '/v1/finance/cash-flow-statement/list',
} as const;

export const POSTINGS_PER_CALL = 200;

/** One accrual as Ozon gives it, amount in minor units (the fee group is the core's business). */
export interface RawAccrual {
  postingNumber: string;
  typeId: string;
  typeName: string;
  date: string;
  minor: number;
  currency: string;
  sku: number;
  quantity: number;
}

export interface RealizationLine {
  postingNumber: string;
  sku: number;
  offerId: string;
  /** Sold minus returned, minor units. */
  saleMinor: number;
  /** Ozon's sales commission net of refunds, as a positive charge in minor units. */
  commissionMinor: number;
  quantity: number;
}

export interface Realization {
  currency: string;
  start: string;
  stop: string;
  lines: RealizationLine[];
}

export interface CashFlowPeriod {
  id: number;
  begin: string;
  end: string;
  currency: string;
  ordersMinor: number;
  returnsMinor: number;
  commissionMinor: number;
  servicesMinor: number;
  logisticsMinor: number;
}

const DAY = /^\d{4}-\d\d-\d\d/;

function minorOf(endpoint: string, path: string, value: unknown): number {
  const minor = parseMinor(value ?? 0);
  if (minor === null) throw new OzonSchemaError(endpoint, path, 'expected an amount');
  return minor;
}

function day(endpoint: string, path: string, value: string): string {
  if (!DAY.test(value)) throw new OzonSchemaError(endpoint, path, `expected a date, got "${value}"`);
  return value.slice(0, 10);
}

export class FinanceApi {
  constructor(private readonly transport: Transport) {}

  private many<T>(path: string, bodies: readonly unknown[], parse: (json: unknown) => T): T[] {
    if (RETIRED.has(path)) throw new Error(`${path} is retired by Ozon`);
    return this.transport.many(bodies.map((body) => ({ path, body }))).map((a) => parse(a.json));
  }

  accrualTypes(): AccrualType[] {
    const [a] = this.many(FINANCE.accrualTypes, [{}], (json) =>
      parseAnswer(FINANCE.accrualTypes, accrualTypesAnswer, json),
    );
    return a.accrual_types.map((t) => ({ id: t.id, name: t.name, description: t.description }));
  }

  /** Accruals of the given postings: ≤ 200 a call, every call of the list in one fetchAll batch. */
  accrualsForPostings(postingNumbers: readonly string[]): Map<string, RawAccrual[]> {
    const bodies: { posting_numbers: string[] }[] = [];
    for (let i = 0; i < postingNumbers.length; i += POSTINGS_PER_CALL)
      bodies.push({ posting_numbers: postingNumbers.slice(i, i + POSTINGS_PER_CALL) });
    const out = new Map<string, RawAccrual[]>(postingNumbers.map((n) => [n, []]));
    const ep = FINANCE.accrualPostings;
    const answers = this.many(ep, bodies, (json) => parseAnswer(ep, accrualPostingsAnswer, json));
    answers.forEach((answer) => {
      answer.posting_accruals.forEach((p, i) => {
        const list = out.get(p.posting_number) ?? [];
        p.accruals.forEach((a, j) => {
          const at = `posting_accruals[${i}].accruals[${j}]`;
          list.push({
            postingNumber: p.posting_number,
            typeId: a.type_id,
            typeName: a.type_name ?? '',
            date: day(ep, `${at}.accrual_date`, a.accrual_date),
            minor: minorOf(ep, `${at}.accrued.amount`, a.accrued.amount),
            currency: a.accrued.currency,
            sku: a.sku ?? 0,
            quantity: a.quantity ?? 0,
          });
        });
        out.set(p.posting_number, list);
      });
    });
    return out;
  }

  /** One page of a day's accruals; `next` is the last_id to continue from, null at the end. */
  accrualsByDay(date: string, lastId = ''): { accruals: RawAccrual[]; next: string | null } {
    const ep = FINANCE.accrualByDay;
    const body = lastId ? { date, last_id: lastId } : { date };
    const [a] = this.many(ep, [body], (json) => parseAnswer(ep, accrualsByDayAnswer, json));
    return this.dayPage(a);
  }

  private dayPage(a: AccrualsByDayAnswer): { accruals: RawAccrual[]; next: string | null } {
    const ep = FINANCE.accrualByDay;
    const accruals = a.accruals.map((item, i): RawAccrual => {
      const products = item.posting?.products ?? [];
      const only = products.length === 1 ? products[0] : undefined;
      return {
        postingNumber: item.unit_number,
        typeId: item.type_id,
        typeName: '',
        date: day(ep, `accruals[${i}].date`, item.date),
        minor: minorOf(ep, `accruals[${i}].total_amount.amount`, item.total_amount.amount),
        currency: item.total_amount.currency,
        sku: item.sku ?? only?.sku ?? 0,
        quantity: item.quantity ?? only?.quantity ?? 0,
      };
    });
    const more = a.has_next ?? a.accruals.length > 0;
    return { accruals, next: more && a.last_id ? a.last_id : null };
  }

  /** One page of each of several days, side by side in one fetchAll batch. */
  accrualsByDays(
    pages: readonly { date: string; lastId: string }[],
  ): { accruals: RawAccrual[]; next: string | null }[] {
    const ep = FINANCE.accrualByDay;
    const bodies = pages.map((p) => (p.lastId ? { date: p.date, last_id: p.lastId } : { date: p.date }));
    return this.many(ep, bodies, (json) => parseAnswer(ep, accrualsByDayAnswer, json)).map((a) =>
      this.dayPage(a),
    );
  }

  /** The realization report of a closed month, per posting (sale and commission net of returns). */
  realizationByPosting(year: number, month: number): Realization {
    const ep = FINANCE.realizationPosting;
    const [a] = this.many(ep, [{ year, month }], (json) => parseAnswer(ep, realizationPostingAnswer, json));
    return {
      currency: a.header.currency_sys_name,
      start: a.header.start_date,
      stop: a.header.stop_date,
      lines: a.rows.map((row, i) => {
        const sold = row.delivery_commission;
        const back = row.return_commission;
        const at = `rows[${i}]`;
        return {
          postingNumber: row.order.posting_number,
          sku: row.item.sku ?? 0,
          offerId: row.item.offer_id,
          saleMinor:
            minorOf(ep, `${at}.delivery_commission.amount`, sold?.amount) -
            minorOf(ep, `${at}.return_commission.amount`, back?.amount),
          commissionMinor:
            minorOf(ep, `${at}.delivery_commission.commission`, sold?.commission) -
            minorOf(ep, `${at}.return_commission.commission`, back?.commission),
          quantity: (sold?.quantity ?? 0) - (back?.quantity ?? 0),
        };
      }),
    };
  }

  /** Payout periods between two instants (ISO); every page is read in one batch after the first. */
  cashFlow(from: string, to: string): CashFlowPeriod[] {
    const ep = FINANCE.cashFlow;
    const body = (page: number) => ({ date: { from, to }, page, page_size: 50, with_details: false });
    const parse = (json: unknown) => parseAnswer(ep, cashFlowAnswer, json);
    const [first] = this.many(ep, [body(1)], parse);
    const rest = Array.from({ length: Math.max(0, first.result.page_count - 1) }, (_v, i) => body(i + 2));
    const all = [first, ...(rest.length ? this.many(ep, rest, parse) : [])];
    return all.flatMap((a) =>
      a.result.cash_flows.map((c, i) => {
        const at = `result.cash_flows[${i}]`;
        return {
          id: c.period.id ?? 0,
          begin: c.period.begin,
          end: c.period.end,
          currency: c.currency_code,
          ordersMinor: minorOf(ep, `${at}.orders_amount`, c.orders_amount),
          returnsMinor: minorOf(ep, `${at}.returns_amount`, c.returns_amount),
          commissionMinor: minorOf(ep, `${at}.commission_amount`, c.commission_amount),
          servicesMinor: minorOf(ep, `${at}.services_amount`, c.services_amount),
          logisticsMinor: minorOf(
            ep,
            `${at}.item_delivery_and_return_amount`,
            c.item_delivery_and_return_amount,
          ),
        };
      }),
    );
  }
}

/** The finance area of the Ozon client (see client.ts). */
export function financeMethods(api: OzonApi) {
  const finance = new FinanceApi(api.transport);
  return {
    accrualTypes: () => finance.accrualTypes(),
    accrualsForPostings: (postingNumbers: readonly string[]) => finance.accrualsForPostings(postingNumbers),
    accrualsByDay: (date: string, lastId = '') => finance.accrualsByDay(date, lastId),
    accrualsByDays: (pages: readonly { date: string; lastId: string }[]) => finance.accrualsByDays(pages),
    realizationByPosting: (year: number, month: number) => finance.realizationByPosting(year, month),
    cashFlow: (from: string, to: string) => finance.cashFlow(from, to),
  };
}
