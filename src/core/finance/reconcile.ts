// Reconciliation with Ozon's own totals: the Finance tab against the realization report of a closed
// month (per posting: sale and commission) and the cash-flow statement (per payout period and
// currency). Integer minor units throughout: "reconciled" means every difference is exactly zero.
import type { FeeGroup } from './fees';
import type { Accrual } from './profit';

export interface OzonRealizationLine {
  postingNumber: string;
  saleMinor: number;
  commissionMinor: number;
}

export interface OzonPeriod {
  begin: string;
  end: string;
  currency: string;
  ordersMinor: number;
  returnsMinor: number;
  commissionMinor: number;
  servicesMinor: number;
  logisticsMinor: number;
}

export type ReconItem = 'sale' | 'commission' | 'orders' | 'returns' | 'logistics' | 'services';

export interface ReconRow {
  section: 'period' | 'posting';
  /** "2026-10" for a month, "2026-10-01 – 2026-10-15" for a payout period. */
  period: string;
  currency: string;
  posting: string;
  item: ReconItem;
  ozon: number;
  ours: number;
  difference: number;
}

const MSK_MS = 3 * 3_600_000;
const mskDay = (iso: string) => new Date(Date.parse(iso) + MSK_MS).toISOString().slice(0, 10);

/** Which cash-flow line a fee group is reported in. */
export function statementItem(group: FeeGroup, minor: number): ReconItem {
  if (group === 'sale') return minor >= 0 ? 'orders' : 'returns';
  if (group === 'commission') return 'commission';
  if (group === 'logistics' || group === 'last_mile' || group === 'returns') return 'logistics';
  return 'services';
}

/** Per posting of a closed month: the Finance tab's sale and commission against the realization report. */
export function reconcileMonth(
  month: string,
  accruals: Iterable<Accrual>,
  report: readonly OzonRealizationLine[],
): ReconRow[] {
  const ours = new Map<string, { sale: number; commission: number; currency: string }>();
  for (const a of accruals) {
    if (!a.date.startsWith(month) || (a.group !== 'sale' && a.group !== 'commission')) continue;
    const row = ours.get(a.postingNumber) ?? { sale: 0, commission: 0, currency: a.currency };
    if (a.group === 'sale') row.sale += a.minor;
    else row.commission -= a.minor;
    ours.set(a.postingNumber, row);
  }
  const ozon = new Map<string, { sale: number; commission: number }>();
  for (const line of report) {
    const row = ozon.get(line.postingNumber) ?? { sale: 0, commission: 0 };
    row.sale += line.saleMinor;
    row.commission += line.commissionMinor;
    ozon.set(line.postingNumber, row);
  }
  const out: ReconRow[] = [];
  for (const posting of [...new Set([...ours.keys(), ...ozon.keys()])].sort()) {
    const mine = ours.get(posting) ?? { sale: 0, commission: 0, currency: '' };
    const theirs = ozon.get(posting) ?? { sale: 0, commission: 0 };
    for (const item of ['sale', 'commission'] as const) {
      if (mine[item] === theirs[item]) continue;
      out.push({
        section: 'posting',
        period: month,
        currency: mine.currency,
        posting,
        item,
        ozon: theirs[item],
        ours: mine[item],
        difference: mine[item] - theirs[item],
      });
    }
  }
  return out;
}

/** Per payout period and currency: every cash-flow line against the Finance tab (all rows shown). */
export function reconcilePeriods(accruals: Iterable<Accrual>, periods: readonly OzonPeriod[]): ReconRow[] {
  const list = [...accruals];
  const out: ReconRow[] = [];
  for (const p of periods) {
    const from = mskDay(p.begin);
    const to = mskDay(p.end);
    const sums: Record<ReconItem, number> = {
      sale: 0,
      commission: 0,
      orders: 0,
      returns: 0,
      logistics: 0,
      services: 0,
    };
    for (const a of list) {
      if (a.currency !== p.currency || a.date < from || a.date > to) continue;
      sums[statementItem(a.group, a.minor)] += a.minor;
    }
    const ozon: Partial<Record<ReconItem, number>> = {
      orders: p.ordersMinor,
      returns: p.returnsMinor,
      commission: p.commissionMinor,
      logistics: p.logisticsMinor,
      services: p.servicesMinor,
    };
    for (const [item, value] of Object.entries(ozon) as [ReconItem, number][]) {
      out.push({
        section: 'period',
        period: `${from} – ${to}`,
        currency: p.currency,
        posting: '',
        item,
        ozon: value,
        ours: sums[item],
        difference: sums[item] - value,
      });
    }
  }
  return out;
}

/** The previous `count` calendar months before the month of `today` (YYYY-MM-DD), newest first. */
export function closedMonths(today: string, count: number): { year: number; month: number; key: string }[] {
  const out = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < count; i++) {
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
    out.push({ year: y, month: m, key: `${y}-${String(m).padStart(2, '0')}` });
  }
  return out;
}
