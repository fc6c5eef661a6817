// Reconciliation of the Finance tab with Ozon's own totals for the last closed months: the
// realization report per posting and the cash-flow statement per payout period. The Reconciliation
// tab holds every payout-period line (Ozon, the Finance tab, the difference), then the postings
// behind any difference; each row is keyed (section, period, currency, posting, item), so a run
// updates the rows it finds by key wherever the seller sorted them and removes those no longer due.
import type { Accrual } from '../core/finance/profit';
import { minorToNumber } from '../core/finance/minor';
import {
  closedMonths,
  reconcileMonth,
  reconcilePeriods,
  type OzonPeriod,
  type OzonRealizationLine,
  type ReconRow,
} from '../core/finance/reconcile';
import type { RowValues, TableSpec } from '../core/table/spec';

export const RECONCILIATION_TAB = 'Reconciliation';

const col = (key: string, header: string, kind: 'text' | 'id' | 'money', width: number) => ({
  key,
  header,
  kind,
  role: 'sync' as const,
  width,
});

export const reconciliationSpec: TableSpec = {
  tab: RECONCILIATION_TAB,
  key: 'recon_key',
  columns: [
    col('section', 'Section', 'text', 150),
    col('period', 'Period', 'text', 170),
    col('currency', 'Currency', 'text', 60),
    col('posting_number', 'Posting number', 'id', 150),
    col('item', 'Item', 'text', 100),
    col('ozon', 'Ozon', 'money', 110),
    col('finance', 'Finance tab', 'money', 110),
    col('difference', 'Difference', 'money', 100),
    { ...col('recon_key', 'Reconciliation key', 'id', 220), hidden: true },
  ],
};

export interface ReconSource {
  realizationByPosting(year: number, month: number): { lines: OzonRealizationLine[] };
  cashFlow(from: string, to: string): OzonPeriod[];
}

export interface ReconOutcome {
  months: string[];
  differences: number;
  postings: number;
  rows: ReconRow[];
  /** The tab's rows, keyed (see reconKey). */
  cells: RowValues[];
}

const MSK_MS = 3 * 3_600_000;

function monthRange(year: number, month: number): [string, string] {
  const start = Date.UTC(year, month - 1, 1) - MSK_MS;
  const end = Date.UTC(year, month, 1) - MSK_MS - 1000;
  return [new Date(start).toISOString(), new Date(end).toISOString()];
}

export const SECTION = { period: 'Payout period', posting: 'Posting' } as const;

/** A row's key: what it is about (a row's visible Section, Period, Currency, Posting and Item name it too). */
export function reconKey(section: string, period: string, currency: string, posting: string, item: string) {
  return [section, period, currency, posting, item].join('|');
}

/** Reads Ozon's totals for the closed months the Finance tab covers and plans the tab's rows. */
export function reconcile(
  source: ReconSource,
  accruals: readonly Accrual[],
  today: string,
  months = 2,
): ReconOutcome {
  const covered = new Set(accruals.map((a) => a.date.slice(0, 7)));
  const due = closedMonths(today, months).filter((m) => covered.has(m.key));
  const rows: ReconRow[] = [];
  for (const m of due.reverse()) {
    const [from, to] = monthRange(m.year, m.month);
    for (const r of reconcilePeriods(accruals, source.cashFlow(from, to))) rows.push(r);
  }
  for (const m of due)
    for (const r of reconcileMonth(m.key, accruals, source.realizationByPosting(m.year, m.month).lines))
      rows.push(r);
  const cells: RowValues[] = rows.map((r) => ({
    section: SECTION[r.section],
    period: r.period,
    currency: r.currency,
    posting_number: r.posting,
    item: r.item,
    ozon: minorToNumber(r.ozon),
    finance: minorToNumber(r.ours),
    difference: minorToNumber(r.difference),
    recon_key: reconKey(SECTION[r.section], r.period, r.currency, r.posting, r.item),
  }));
  const differences = rows.filter((r) => r.difference !== 0);
  return {
    months: due.map((m) => m.key),
    differences: differences.length,
    postings: new Set(differences.filter((r) => r.posting).map((r) => r.posting)).size,
    rows,
    cells,
  };
}
