// Builds the report tabs from the orders tabs: the source tabs are read once (three advanced
// Sheets calls), the layout of the report tabs once more right before the write (filters, charts),
// and every report tab plus the Dashboard is written through one list of batchUpdate requests
// (core/reports/rewrite: sized by count, planned again when the seller's edits refuse it).
import { formatTimeIn, spreadsheetTimeZone } from '../adapters/document';
import { readLayout, type SheetLayout } from '../adapters/layout';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import type { Lang } from '../core/i18n/messages';
import { buildReportData, type ReportData } from '../core/reports/build';
import { FEEDBACK_SOURCE_SPECS, readFeedback } from '../core/feedback/reports';
import { daySerial } from '../core/reports/calendar';
import { dashboardRequests } from '../core/reports/dashboard';
import { cellsWritten, reportHeight, reportTabRequests, type TabState } from '../core/reports/requests';
import { rewriteTabs, type RewritePlan } from '../core/reports/rewrite';
import { INVENTORY_TAB, linesReadSpec, sourceTable, SOURCE_SPECS } from '../core/reports/source';
import { DASHBOARD_TAB, REPORT_SPECS } from '../core/reports/specs';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import { cachedOffset, localDay, toSerial, type OffsetMinutes } from '../core/time/serial';
import { LINES_TAB, ORDERS_TAB, ordersSpec } from '../core/orders/tables';
import { FINANCE_TAB, financeSpec } from '../core/finance/tables';
import { withArchived } from '../core/archive/reports';
import { documentStore } from '../adapters/properties';
import { reportMonths, reportsIncludeArchive } from '../archive/settings';
import { monthsBack } from '../core/archive/window';
import { readArchivedMonths } from '../archive/read';

export type { SheetLayout };

export interface ReportsHost {
  now(): number;
  offset: OffsetMinutes;
  timeZone: string;
  lang: Lang;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  layout(): SheetLayout[];
  write(requests: SheetsRequest[]): number;
  formatTime(epochMs: number): string;
  /** Archived months' Orders and Order lines tabs, when the seller's reports include them. */
  archived?(): { orders: TabSnapshot[]; lines: TabSnapshot[] };
}

export interface ReportsSummary {
  sales: number;
  customers: number;
  products: number;
  cellsWritten: number;
  writeCalls: number;
  /** The Inventory tab was found and used. */
  inventory: boolean;
  /** Serial day the reports count as today (spreadsheet zone), as YYYY-MM-DD. */
  today: string;
}

export interface BuiltReports {
  summary: ReportsSummary;
  data: ReportData;
}

function freshId(used: Set<number>): number {
  let id = 0;
  do id = 1 + Math.floor(Math.random() * 2_000_000_000);
  while (used.has(id));
  used.add(id);
  return id;
}

interface PlanContext {
  now: number;
  offset: OffsetMinutes;
  lang: Lang;
  timeZone: string;
  updatedAt: string;
}

/** The reports' figures from already-read tabs: pure. */
export function reportData(
  snapshots: Map<string, TabSnapshot>,
  ctx: PlanContext,
  archived: { orders: TabSnapshot[]; lines: TabSnapshot[] } = { orders: [], lines: [] },
): { data: ReportData; today: string } {
  const today = localDay(ctx.now, ctx.offset);
  const data = buildReportData(
    {
      orders: withArchived(
        sourceTable(ordersSpec, snapshots.get(ORDERS_TAB)),
        archived.orders.map((tab) => sourceTable(ordersSpec, tab)),
        'posting_number',
      ),
      lines: withArchived(
        sourceTable(linesReadSpec, snapshots.get(LINES_TAB)),
        archived.lines.map((tab) => sourceTable(linesReadSpec, tab)),
        'line_key',
      ),
      inventory: sourceTable(SOURCE_SPECS[2], snapshots.get(INVENTORY_TAB)),
      feedback: readFeedback(snapshots),
      finance: sourceTable(financeSpec, snapshots.get(FINANCE_TAB)),
    },
    { today: daySerial(today), nowSerial: toSerial(ctx.now, ctx.offset) },
    ctx.lang,
  );
  return { data, today };
}

/**
 * The requests that rewrite every report tab and the Dashboard, from the tabs' layout as read right
 * before the write: pure apart from the ids it invents for new tabs. `fits`: the layout read after a
 * write holds every report tab at the height it was given.
 */
export function reportRequests(
  data: ReportData,
  sheets: readonly SheetLayout[],
  ctx: PlanContext,
): RewritePlan<SheetLayout[]> {
  const byTitle = new Map(sheets.map((s) => [s.title, s]));
  const used = new Set(sheets.map((s) => s.sheetId));
  const state = (title: string): TabState & { chartIds: number[] } => {
    const sheet = byTitle.get(title);
    return sheet
      ? { ...sheet, exists: true }
      : { sheetId: freshId(used), exists: false, rowCount: 0, columnCount: 0, filter: null, chartIds: [] };
  };
  const requests: SheetsRequest[] = [];
  const ids = new Map<string, number>();
  const heights = new Map<number, number>();
  const tables = [data.tables.sales, data.tables.customers, data.tables.products];
  tables.forEach((table, i) => {
    const tab = state(REPORT_SPECS[i].tab);
    ids.set(table.spec.tab, tab.sheetId);
    heights.set(tab.sheetId, reportHeight(table.rows.length));
    for (const r of reportTabRequests(table.spec, tab, table.rows, ctx.lang)) requests.push(r);
  });
  const dashboard = state(DASHBOARD_TAB);
  requests.push(
    ...dashboardRequests(dashboard, {
      lang: ctx.lang,
      data: data.dashboard,
      updatedAt: ctx.updatedAt,
      timeZone: ctx.timeZone,
      sales: { sheetId: ids.get(data.tables.sales.spec.tab) as number, rows: data.tables.sales.rows.length },
      products: {
        sheetId: ids.get(data.tables.products.spec.tab) as number,
        rows: data.tables.products.rows.length,
      },
      offers: new Set(data.products.map((p) => p.offerId)).size,
      feedback: data.feedback,
    }),
  );
  const fits = (after: readonly SheetLayout[]) => {
    const now = new Map(after.map((s) => [s.sheetId, s]));
    return (
      now.has(dashboard.sheetId) && [...heights].every(([id, height]) => now.get(id)?.rowCount === height)
    );
  };
  return { requests, fits };
}

/** One full build. The caller holds the document lock. */
export function buildAllReports(host: ReportsHost): BuiltReports {
  const snapshots = host.readTabs([...SOURCE_SPECS, ...FEEDBACK_SOURCE_SPECS]);
  const archived = host.archived?.();
  const now = host.now();
  const ctx = {
    now,
    offset: host.offset,
    lang: host.lang,
    timeZone: host.timeZone,
    updatedAt: host.formatTime(now),
  };
  const { data, today } = reportData(snapshots, ctx, archived);
  let requests: SheetsRequest[] = [];
  // The layout is read right before the write (the seller may have edited the report tabs while the
  // sources were read), and again whenever the write has to be planned again.
  const writeCalls = rewriteTabs({ read: () => host.layout(), write: (r) => host.write(r) }, (sheets) => {
    const plan = reportRequests(data, sheets, ctx);
    requests = plan.requests;
    return plan;
  });
  return {
    data,
    summary: {
      sales: data.tables.sales.rows.length,
      customers: data.tables.customers.rows.length,
      products: data.tables.products.rows.length,
      cellsWritten: cellsWritten(requests),
      writeCalls,
      inventory: data.stock !== null,
      today,
    },
  };
}

export function appsScriptReportsHost(lang: Lang): ReportsHost {
  const timeZone = spreadsheetTimeZone();
  const offset = cachedOffset(spreadsheetOffset());
  const store = documentStore();
  // Only the archive months the reports reach (Settings: months back, this month included).
  const months = () => new Set(monthsBack(localDay(Date.now(), offset).slice(0, 7), reportMonths(store)));
  return {
    now: () => Date.now(),
    offset,
    timeZone,
    lang,
    readTabs: (specs) => readTabs(specs),
    layout: () => readLayout(),
    write: (requests) => writeRequests(requests),
    formatTime: (ms) => formatTimeIn(timeZone, ms),
    ...(reportsIncludeArchive(store) ? { archived: () => readArchivedMonths(months()) } : {}),
  };
}
