// What the seller really earned: Ozon's accruals per posting line (fees by group, payout) against
// the seller's own cost of the goods (cost price, first-mile freight, packaging, each in its own
// currency, converted with the month's exchange rate). All money is integer minor units. A missing
// cost or rate leaves profit blank and says why: it is never counted as zero.
import { addTo, CHARGE_GROUPS, sumGroups, type FeeGroup, type GroupTotals } from './fees';
import { mulDiv, type Minor } from './minor';

export interface Accrual {
  postingNumber: string;
  typeId: string;
  typeName: string;
  group: FeeGroup;
  /** YYYY-MM-DD, the accrual's own date. */
  date: string;
  minor: number;
  currency: string;
  /** 0 when the accrual is for the posting as a whole. */
  sku: number;
  quantity: number;
}

export interface OfferCost {
  offerId: string;
  /** Cost price per unit; null when the seller has not entered it. */
  cost: Minor | null;
  /** First-mile freight per unit (blank = none). */
  freight: Minor | null;
  /** Packaging per unit (blank = none). */
  packaging: Minor | null;
}

/** month "YYYY-MM" → currency → roubles per unit, as an integer count of millionths. */
export type RateTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

export const BASE_CURRENCY = 'RUB';
export const RATE_SCALE = 1_000_000;

/** The rate for a month: that month's, else the latest earlier month's. RUB is always 1. */
export function rateFor(rates: RateTable, month: string, currency: string): number | null {
  if (currency === BASE_CURRENCY) return RATE_SCALE;
  let best: string | null = null;
  for (const [m, row] of rates) {
    if (m <= month && row.has(currency) && (best === null || m > best)) best = m;
  }
  return best === null ? null : (rates.get(best)?.get(currency) ?? null);
}

/** Converts minor units between currencies through roubles; null when a rate is missing. */
export function convert(amount: Minor, to: string, month: string, rates: RateTable): number | null {
  if (amount.currency === to || !amount.currency) return amount.minor;
  const from = rateFor(rates, month, amount.currency);
  const into = rateFor(rates, month, to);
  if (from === null || into === null || into === 0) return null;
  return mulDiv(amount.minor, from, into);
}

export type CostStatus = 'ok' | 'cost missing' | 'rate missing';

/** One unit's cost in `currency`; null with the reason when it cannot be known. */
export function unitCost(
  cost: OfferCost | undefined,
  currency: string,
  month: string,
  rates: RateTable,
): { minor: number | null; status: CostStatus } {
  if (!cost || !cost.cost) return { minor: null, status: 'cost missing' };
  let total = 0;
  for (const part of [cost.cost, cost.freight, cost.packaging]) {
    if (!part) continue;
    const converted = convert(part, currency, month, rates);
    if (converted === null) return { minor: null, status: 'rate missing' };
    total += converted;
  }
  return { minor: total, status: 'ok' };
}

export interface ProfitLine {
  postingNumber: string;
  offerId: string;
  sku: number;
  quantity: number;
  /** What the buyer paid for the line (price × quantity), minor units: shares posting-wide fees. */
  value: number;
  currency: string;
  /** "YYYY-MM" of the order: picks the exchange rate. */
  month: string;
}

export type LineStatus = CostStatus | 'no accruals';

export interface LineProfit {
  line: ProfitLine;
  /** Accruals by group, minor units (sale = revenue, the rest signed fees). */
  groups: GroupTotals;
  /** Everything Ozon accrued for the line: what it pays out. */
  payout: number;
  revenue: number;
  /** Ozon's charges (negative) and refunds, every group but the sale. */
  fees: number;
  /** Units sold and not returned (sale accruals net of their reversals). */
  netUnits: number;
  cost: number | null;
  /** One unit's cost in the line's currency, when known (also when no unit was sold). */
  unitCost: number | null;
  profit: number | null;
  /** Profit / revenue in percent, two decimals; null when either is unknown or revenue ≤ 0. */
  margin: number | null;
  status: LineStatus;
  accruals: number;
}

/** Splits `total` over weights with the largest-remainder method: the parts sum to it exactly. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  const n = weights.length;
  if (!n) return [];
  const base = sum > 0 ? weights.map((w) => Math.max(0, w)) : weights.map(() => 1);
  const whole = sum > 0 ? sum : n;
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = base.map((w) => Math.floor((abs * w) / whole));
  let left = abs - parts.reduce((s, p) => s + p, 0);
  const order = base
    .map((w, i) => ({ i, rest: (abs * w) % whole }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k].i] += 1;
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

function margin(profit: number | null, revenue: number): number | null {
  if (profit === null || revenue <= 0) return null;
  return Math.round((profit * 10_000) / revenue) / 100;
}

/**
 * Profit of every line of the given postings. Accruals naming a SKU go to that line; posting-wide
 * ones (and ones for a SKU the posting no longer has) are shared by line value, to the kopeck.
 */
export function lineProfits(
  lines: readonly ProfitLine[],
  accruals: ReadonlyMap<string, readonly Accrual[]>,
  costs: ReadonlyMap<string, OfferCost>,
  rates: RateTable,
): LineProfit[] {
  const byPosting = new Map<string, ProfitLine[]>();
  for (const line of lines) {
    const list = byPosting.get(line.postingNumber);
    if (list) list.push(line);
    else byPosting.set(line.postingNumber, [line]);
  }
  const out: LineProfit[] = [];
  for (const [posting, own] of byPosting) {
    const results = own.map((line) => ({
      line,
      groups: {} as GroupTotals,
      units: 0,
      sawSale: false,
      accruals: 0,
    }));
    const bySku = new Map(results.map((r) => [r.line.sku, r]));
    for (const a of accruals.get(posting) ?? []) {
      const target = a.sku ? bySku.get(a.sku) : undefined;
      if (target) {
        addTo(target.groups, a.group, a.minor);
        target.accruals++;
        if (a.group === 'sale') {
          target.sawSale = true;
          target.units += Math.sign(a.minor) * (a.quantity || target.line.quantity);
        }
        continue;
      }
      const parts = allocate(
        a.minor,
        results.map((r) => r.line.value),
      );
      results.forEach((r, i) => {
        addTo(r.groups, a.group, parts[i]);
        r.accruals++;
      });
    }
    for (const r of results) {
      const payout = sumGroups(r.groups);
      const revenue = r.groups.sale ?? 0;
      const netUnits = Math.max(0, r.units);
      let status: LineStatus = 'ok';
      let cost: number | null = null;
      const unit = unitCost(costs.get(r.line.offerId), r.line.currency, r.line.month, rates);
      if (!r.accruals) status = 'no accruals';
      else if (netUnits === 0) cost = 0;
      else {
        status = unit.status;
        cost = unit.minor === null ? null : unit.minor * netUnits;
      }
      const profit = status === 'ok' && cost !== null ? payout - cost : null;
      out.push({
        line: r.line,
        groups: r.groups,
        payout,
        revenue,
        fees: sumGroups(r.groups, CHARGE_GROUPS),
        netUnits,
        cost,
        unitCost: unit.minor,
        profit,
        margin: margin(profit, revenue),
        status,
        accruals: r.accruals,
      });
    }
  }
  return out;
}

// ---- Profit of an offer at a price (what-if: promotions, repricing) ----------------------------

/** Fee rates of an offer as observed in its accruals: what Ozon would charge per unit sold. */
export interface FeeRates {
  /** Per group: share of the unit price, in basis points (1/100 of a percent), signed as accrued. */
  shareBp: Partial<Record<FeeGroup, number>>;
  /** Per group: a fixed amount per unit in minor units (logistics, last mile…), signed as accrued. */
  perUnit: Partial<Record<FeeGroup, number>>;
  currency: string;
}

const PRICE_SHARED: readonly FeeGroup[] = ['commission', 'acquiring'];

/** Rates from lines already sold (net units > 0): commission and acquiring by price, the rest per unit. */
export function observedRates(sold: readonly LineProfit[]): Map<string, FeeRates> {
  const acc = new Map<string, { currency: string; revenue: number; units: number; groups: GroupTotals }>();
  for (const p of sold) {
    if (p.netUnits <= 0 || p.revenue <= 0) continue;
    const key = `${p.line.offerId}\u0000${p.line.currency}`;
    const a = acc.get(key) ?? { currency: p.line.currency, revenue: 0, units: 0, groups: {} };
    a.revenue += p.revenue;
    a.units += p.netUnits;
    for (const g of CHARGE_GROUPS) if (p.groups[g]) addTo(a.groups, g, p.groups[g] as number);
    acc.set(key, a);
  }
  const out = new Map<string, FeeRates>();
  for (const [key, a] of acc) {
    const rates: FeeRates = { shareBp: {}, perUnit: {}, currency: a.currency };
    for (const g of CHARGE_GROUPS) {
      const total = a.groups[g];
      if (!total) continue;
      if (PRICE_SHARED.includes(g)) rates.shareBp[g] = Math.round((total * 10_000) / a.revenue);
      else rates.perUnit[g] = Math.round(total / a.units);
    }
    out.set(key.split('\u0000')[0], rates);
  }
  return out;
}

export interface OfferProfit {
  price: number;
  fees: GroupTotals;
  payout: number;
  cost: number | null;
  /** null when the cost (or its exchange rate) is missing. */
  profit: number | null;
  margin: number | null;
  status: CostStatus;
}

/**
 * Profit of one unit of an offer sold at `price` (minor units, in `rates.currency`): the public entry
 * for promotions and repricing. Fees follow the offer's observed rates; cost follows the Costs tab.
 */
export function offerProfitAt(
  price: number,
  rates: FeeRates,
  cost: OfferCost | undefined,
  month: string,
  table: RateTable,
): OfferProfit {
  const fees: GroupTotals = {};
  for (const [g, bp] of Object.entries(rates.shareBp) as [FeeGroup, number][])
    addTo(fees, g, mulDiv(price, bp, 10_000));
  for (const [g, amount] of Object.entries(rates.perUnit) as [FeeGroup, number][]) addTo(fees, g, amount);
  const payout = price + sumGroups(fees);
  const unit = unitCost(cost, rates.currency, month, table);
  const profit = unit.minor === null ? null : payout - unit.minor;
  return {
    price,
    fees,
    payout,
    cost: unit.minor,
    profit,
    margin: margin(profit, price),
    status: unit.status,
  };
}
