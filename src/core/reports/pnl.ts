// The Dashboard's P&L: what Ozon accrued (revenue and every fee group) by the accrual's own date,
// and the cost of the units those sales moved, for yesterday, 7 days, 30 days and the month so far.
// Cost comes from each Order lines row's unit cost; a sale whose cost is unknown leaves the profit
// blank and is counted, never taken as zero. Money in minor units, one currency (the main one).
import type { FeeGroup } from '../finance/fees';
import { feeGroupOf } from '../finance/group-words';
import { parseMinor } from '../finance/minor';
import { monthStart, serialDay } from './calendar';
import { num, text, type SourceTable } from './source';

export type PnlPeriod = 'yesterday' | 'days7' | 'days30' | 'month';

export interface PnlColumn {
  period: PnlPeriod;
  groups: Partial<Record<FeeGroup, number>>;
  payout: number;
  cost: number | null;
  profit: number | null;
  /** Sale accruals in the period whose unit cost is unknown. */
  missing: number;
}

export interface PnlData {
  currency: string;
  columns: PnlColumn[];
}

export const PNL_PERIODS: readonly PnlPeriod[] = ['yesterday', 'days7', 'days30', 'month'];

function within(period: PnlPeriod, day: number, today: number): boolean {
  if (period === 'month') return day >= monthStart(today) && day <= today;
  const days = period === 'yesterday' ? 1 : period === 'days7' ? 7 : 30;
  return day >= today - days && day < today;
}

export function buildPnl(
  finance: SourceTable | null,
  lines: SourceTable | null,
  today: number,
  currency: string,
): PnlData | null {
  if (!finance || !finance.rows.length) return null;
  const unitCost = new Map<string, number | null>();
  if (lines) {
    const c = (k: string) => lines.col.get(k);
    for (const row of lines.rows) {
      const posting = text(row, c('posting_number'));
      if (!posting) continue;
      const cell = c('unit_cost') === undefined ? undefined : row[c('unit_cost') as number];
      unitCost.set(
        `${posting}|${text(row, c('sku'))}`,
        cell === '' || cell === null || cell === undefined ? null : parseMinor(cell),
      );
    }
  }
  const columns: PnlColumn[] = PNL_PERIODS.map((period) => ({
    period,
    groups: {},
    payout: 0,
    cost: 0,
    profit: 0,
    missing: 0,
  }));
  const f = (k: string) => finance.col.get(k);
  for (const row of finance.rows) {
    if (text(row, f('currency')) !== currency) continue;
    const date = num(row, f('date'));
    const amount = parseMinor(row[f('amount') as number]);
    const cell = (k: string) => (f(k) === undefined ? undefined : row[f(k) as number]);
    const group = feeGroupOf(cell('fee_group_code'), cell('fee_group'));
    if (date === null || amount === null || group === null) continue;
    const day = serialDay(date);
    const quantity = num(row, f('quantity')) ?? 0;
    const unit =
      group === 'sale' ? unitCost.get(`${text(row, f('posting_number'))}|${text(row, f('sku'))}`) : undefined;
    for (const column of columns) {
      if (!within(column.period, day, today)) continue;
      column.groups[group] = (column.groups[group] ?? 0) + amount;
      column.payout += amount;
      if (group !== 'sale' || !quantity) continue;
      if (unit === null || unit === undefined) column.missing++;
      else column.cost = (column.cost ?? 0) + Math.sign(amount) * quantity * unit;
    }
  }
  for (const column of columns) {
    if (column.missing) {
      column.cost = null;
      column.profit = null;
    } else column.profit = column.payout - (column.cost ?? 0);
  }
  return { currency, columns };
}
