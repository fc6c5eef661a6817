// The simulator's ground truth of profit, computed from its own accrual book and postings (never from
// the add-on's tabs): per offer and order month (the Products report) and per period of Moscow days
// (the Dashboard's P&L). The seller's unit costs and monthly rates are the test's own inputs.
// Rules the issue states: an accrual naming a SKU belongs to that line; a posting-wide one is shared
// by line value to the kopeck (largest remainder; a tie goes to the line first by line key); cost is
// the units sold net of returns times the unit cost converted at the order month's rate (the latest
// earlier month's when that month has none); a missing cost is never a zero.
import { FEE_GROUPS, type FeeGroup } from '../../src/core/finance/fees';
import { FinanceModel } from '../../simulator/finance';
import type { Simulator } from '../../simulator';

export const GROUPS = FEE_GROUPS;
export type Group = FeeGroup;
export type Groups = Record<Group, number>;

const MSK = 3 * 3_600_000;
export const mskDay = (at: number) => new Date(at + MSK).toISOString().slice(0, 10);
const zero = (): Groups => Object.fromEntries(GROUPS.map((g) => [g, 0])) as Groups;

export interface CostInput {
  /** offer → unit cost price in minor units and its currency; absent = the seller left it blank. */
  unit: ReadonlyMap<string, { minor: number; currency: string }>;
  /** month → currency → roubles per unit. */
  rates: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

function rateOf(rates: CostInput['rates'], month: string, currency: string): number | null {
  if (currency === 'RUB') return 1_000_000;
  const months = Object.keys(rates)
    .filter((m) => m <= month && rates[m][currency] !== undefined)
    .sort();
  const m = months.at(-1);
  return m === undefined ? null : Math.round(rates[m][currency] * 1_000_000);
}

/** a × n / d, rounded half away from zero. */
const scale = (a: number, n: number, d: number) => {
  const v = (a * n) / d;
  return Math.sign(v) * Math.round(Math.abs(v));
};

/** The unit cost of an offer in `currency` for an order of `month`, or null when it cannot be known. */
export function unitCostOf(input: CostInput, offer: string, currency: string, month: string): number | null {
  const u = input.unit.get(offer);
  if (!u) return null;
  if (u.currency === currency) return u.minor;
  const from = rateOf(input.rates, month, u.currency);
  const into = rateOf(input.rates, month, currency);
  return from === null || into === null ? null : scale(u.minor, from, into);
}

/** Largest remainder over weights; ties to the earlier weight. */
function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const abs = Math.abs(total);
  const parts = weights.map((w) => Math.floor((abs * w) / sum));
  let left = abs - parts.reduce((s, p) => s + p, 0);
  const order = weights
    .map((w, i) => ({ i, rest: (abs * w) % sum }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length].i]++;
  return parts.map((p) => (total < 0 ? -p : p));
}

export interface TruthLine {
  posting: string;
  offerId: string;
  sku: number;
  currency: string;
  /** "YYYY-MM" of the order in Moscow time. */
  month: string;
  groups: Groups;
  payout: number;
  netUnits: number;
  /** Null when units were sold and the cost is unknown. */
  cost: number | null;
  unitCost: number | null;
}

/** Accruals of the book summed per (posting, type, date, SKU): the rows Ozon's answers amount to. */
function rowsOf(sim: Simulator) {
  const rows = new Map<
    string,
    {
      posting: string;
      group: Group;
      date: string;
      sku: number;
      minor: number;
      quantity: number;
      currency: string;
    }
  >();
  for (const a of new FinanceModel(sim.state).book(sim.now()).all) {
    const k = `${a.postingNumber}|${a.typeId}|${a.date}|${a.sku || ''}`;
    const row = rows.get(k);
    if (row) {
      row.minor += a.minor;
      row.quantity += a.quantity;
    } else
      rows.set(k, {
        posting: a.postingNumber,
        group: a.group as Group,
        date: a.date,
        sku: a.sku,
        minor: a.minor,
        quantity: a.quantity,
        currency: a.currency,
      });
  }
  return [...rows.values()];
}

/** Every line (of the given postings) that Ozon accrued anything for. */
export function truthLines(sim: Simulator, postings: Iterable<string>, input: CostInput): TruthLine[] {
  const byPosting = new Map<string, ReturnType<typeof rowsOf>>();
  for (const r of rowsOf(sim)) byPosting.set(r.posting, [...(byPosting.get(r.posting) ?? []), r]);
  const out: TruthLine[] = [];
  for (const number of postings) {
    const p = sim.state.postings.get(number);
    const rows = byPosting.get(number);
    if (!p || !rows) continue;
    const month = mskDay(p.inProcessAt).slice(0, 7);
    const lines = [...p.lines].sort((a, b) => {
      const [x, y] = [`${number}/${a.sku}`, `${number}/${b.sku}`];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const acc = lines.map(() => ({ groups: zero(), units: 0, seen: 0 }));
    for (const r of rows) {
      const i = r.sku ? lines.findIndex((l) => l.sku === r.sku) : -1;
      if (i >= 0) {
        acc[i].groups[r.group] += r.minor;
        acc[i].seen++;
        if (r.group === 'sale') acc[i].units += Math.sign(r.minor) * (r.quantity || lines[i].quantity);
        continue;
      }
      const parts = share(
        r.minor,
        lines.map((l) => Math.round(l.price * 100) * l.quantity),
      );
      parts.forEach((part, j) => {
        acc[j].groups[r.group] += part;
        acc[j].seen++;
      });
    }
    lines.forEach((l, i) => {
      if (!acc[i].seen) return;
      const netUnits = Math.max(0, acc[i].units);
      const unitCost = unitCostOf(input, l.offerId, p.currency, month);
      out.push({
        posting: number,
        offerId: l.offerId,
        sku: l.sku,
        currency: p.currency,
        month,
        groups: acc[i].groups,
        payout: GROUPS.reduce((s, g) => s + acc[i].groups[g], 0),
        netUnits,
        cost: netUnits === 0 ? 0 : unitCost === null ? null : unitCost * netUnits,
        unitCost,
      });
    });
  }
  return out;
}

export interface TruthProduct {
  groups: Groups;
  payout: number;
  cost: number | null;
  profit: number | null;
  /** Profit / accrued revenue, percent with two decimals; null when unknown or revenue ≤ 0. */
  margin: number | null;
}

const margin = (profit: number | null, revenue: number) =>
  profit === null || revenue <= 0 ? null : Math.round((profit * 10_000) / revenue) / 100;

/** Products: per "month|offer|currency". */
export function truthProducts(lines: readonly TruthLine[]): Map<string, TruthProduct> {
  const out = new Map<string, TruthProduct & { missing: boolean }>();
  for (const l of lines) {
    const k = `${l.month}|${l.offerId}|${l.currency}`;
    const row = out.get(k) ?? { groups: zero(), payout: 0, cost: 0, profit: 0, margin: null, missing: false };
    for (const g of GROUPS) row.groups[g] += l.groups[g];
    row.payout += l.payout;
    if (l.cost === null) row.missing = true;
    else {
      row.cost = (row.cost ?? 0) + l.cost;
      row.profit = (row.profit ?? 0) + l.payout - l.cost;
    }
    out.set(k, row);
  }
  return new Map(
    [...out].map(([k, { missing, ...r }]) => {
      const cost = missing ? null : r.cost;
      const profit = missing ? null : r.profit;
      return [k, { ...r, cost, profit, margin: margin(profit, r.groups.sale) }];
    }),
  );
}

export type Period = 'yesterday' | 'days7' | 'days30' | 'month';
export const PERIODS: readonly Period[] = ['yesterday', 'days7', 'days30', 'month'];

export interface TruthPnl {
  groups: Groups;
  payout: number;
  /** Cost of the units the period's sales moved (returns give it back); null when a cost is unknown. */
  cost: number | null;
  profit: number | null;
  /** Sale rows of the period whose unit cost is unknown. */
  missing: number;
}

/** The P&L by accrual date in Moscow days: yesterday, the 7 and 30 days before today, the month so far. */
export function truthPnl(
  sim: Simulator,
  lines: readonly TruthLine[],
  currency: string,
  now: number,
): Record<Period, TruthPnl> {
  const today = mskDay(now);
  const back = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const inside: Record<Period, (d: string) => boolean> = {
    yesterday: (d) => d >= back(1) && d < today,
    days7: (d) => d >= back(7) && d < today,
    days30: (d) => d >= back(30) && d < today,
    month: (d) => d >= `${today.slice(0, 7)}-01` && d <= today,
  };
  const unit = new Map(lines.map((l) => [`${l.posting}|${l.sku}`, l.unitCost]));
  const out = Object.fromEntries(
    PERIODS.map((p) => [p, { groups: zero(), payout: 0, cost: 0, profit: 0, missing: 0 }]),
  ) as Record<Period, TruthPnl>;
  for (const r of rowsOf(sim)) {
    if (r.currency !== currency) continue;
    for (const p of PERIODS) {
      if (!inside[p](r.date)) continue;
      const col = out[p];
      col.groups[r.group] += r.minor;
      col.payout += r.minor;
      if (r.group !== 'sale' || !r.quantity) continue;
      const u = unit.get(`${r.posting}|${r.sku}`) ?? null;
      if (u === null) col.missing++;
      else col.cost = (col.cost ?? 0) + Math.sign(r.minor) * r.quantity * u;
    }
  }
  for (const p of PERIODS) {
    const col = out[p];
    if (col.missing) col.cost = col.profit = null;
    else col.profit = col.payout - (col.cost ?? 0);
  }
  return out;
}
