// Reconciliation of the Finance tab with Ozon's own totals for the last closed months: the
// realization report per posting and the cash-flow statement per payout period. The Reconciliation
// tab is rebuilt each time: every payout-period line (Ozon, the Finance tab, the difference), then
// the postings behind any difference.
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
import type { ReportSpec } from '../core/reports/specs';
import { reportTabRequests } from '../core/reports/requests';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { Cell } from '../core/table/spec';

export const RECONCILIATION_TAB = 'Reconciliation';

const col = (key: string, header: string, kind: 'text' | 'id' | 'money', width: number) => ({
  key,
  header,
  kind,
  role: 'sync' as const,
  width,
});

export const reconciliationSpec: ReportSpec = {
  tab: RECONCILIATION_TAB,
  columns: [
    col('section', 'Section', 'text', 150),
    col('period', 'Period', 'text', 170),
    col('currency', 'Currency', 'text', 60),
    col('posting_number', 'Posting number', 'id', 150),
    col('item', 'Item', 'text', 100),
    col('ozon', 'Ozon', 'money', 110),
    col('finance', 'Finance tab', 'money', 110),
    col('difference', 'Difference', 'money', 100),
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
  requests: SheetsRequest[];
}

const MSK_MS = 3 * 3_600_000;

function monthRange(year: number, month: number): [string, string] {
  const start = Date.UTC(year, month - 1, 1) - MSK_MS;
  const end = Date.UTC(year, month, 1) - MSK_MS - 1000;
  return [new Date(start).toISOString(), new Date(end).toISOString()];
}

const SECTION = { period: 'Payout period', posting: 'Posting' } as const;

/** Reads Ozon's totals for the closed months the Finance tab covers and plans the tab. */
export function reconcile(
  source: ReconSource,
  accruals: readonly Accrual[],
  today: string,
  tab: TabSnapshot,
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
  const cells: Cell[][] = rows.map((r) => [
    SECTION[r.section],
    r.period,
    r.currency,
    r.posting,
    r.item,
    minorToNumber(r.ozon),
    minorToNumber(r.ours),
    minorToNumber(r.difference),
  ]);
  // Rewritten only when something differs from what the tab shows: a re-run writes nothing.
  const same =
    tab.exists &&
    tab.values.length === cells.length + 1 &&
    cells.every((row, i) => row.every((v, j) => (tab.values[i + 1]?.[j] ?? '') === (v ?? '')));
  const requests = same
    ? []
    : reportTabRequests(
        reconciliationSpec,
        {
          sheetId: tab.sheetId,
          exists: tab.exists,
          rowCount: tab.rowCount,
          columnCount: tab.columnCount,
          filter: null,
        },
        cells,
      );
  const differences = rows.filter((r) => r.difference !== 0);
  return {
    months: due.map((m) => m.key),
    differences: differences.length,
    postings: new Set(differences.filter((r) => r.posting).map((r) => r.posting)).size,
    rows,
    requests,
  };
}
