// Builds every report from the source tabs as read: pure, so it is unit-tested with hand-computed
// figures and benchmarked without a spreadsheet.
import type { Lang } from '../i18n/messages';
import type { Cell } from '../table/spec';
import { applyRatings } from './ratings';
import type { FeedbackReport } from '../feedback/reports';
import { buildCustomers, customersRow, type CustomerRow } from './customers';
import {
  byDay,
  headlines,
  lowStock,
  mainCurrency,
  pastShipBy,
  statusMix,
  topProducts,
  topRegions,
  type DayPoint,
  type Headline,
  type Ranked,
} from './figures';
import { buildProducts, productsRow, readInventory, type ProductRow, type StockInfo } from './products';
import { readSales, salesRow, type PostingInfo, type SalesData } from './sales';
import { buildPnl, type PnlData } from './pnl';
import type { SourceTable } from './source';
import { customersSpec, productsSpec, salesSpec, type ReportSpec } from './specs';
import type { StatusGroup } from './status';

export interface Sources {
  orders: SourceTable | null;
  lines: SourceTable | null;
  inventory: SourceTable | null;
  /** The feedback tabs (reviews, questions, ratings), when the shop has them. */
  feedback?: FeedbackReport | null;
  /** The Finance tab (absent until the finance run has run). */
  finance?: SourceTable | null;
}

export interface ReportTable {
  spec: ReportSpec;
  rows: Cell[][];
}

export interface DashboardData {
  today: number;
  currency: string;
  headlines: Headline[];
  days: DayPoint[];
  topProducts: Ranked[];
  topRegions: Ranked[];
  statusMix: { group: StatusGroup; postings: number }[];
  /** Null when there is no Finance tab yet. */
  pnl: PnlData | null;
}

export interface ReportData {
  sales: SalesData;
  tables: { sales: ReportTable; customers: ReportTable; products: ReportTable };
  customers: CustomerRow[];
  products: ProductRow[];
  stock: Map<string, StockInfo> | null;
  dashboard: DashboardData;
  lowStock: StockInfo[];
  pastShipBy: PostingInfo[];
  feedback: FeedbackReport | null;
}

export function toCells(spec: ReportSpec, values: Record<string, Cell>): Cell[] {
  return spec.columns.map((c) => values[c.key] ?? null);
}

export interface BuildClock {
  /** Today's serial day in the spreadsheet's zone. */
  today: number;
  /** Now as a serial date-time in that zone. */
  nowSerial: number;
}

export function buildReportData(sources: Sources, clock: BuildClock, lang: Lang = 'en'): ReportData {
  const sales = readSales(sources.orders, sources.lines);
  const stock = readInventory(sources.inventory);
  const customers = buildCustomers(sales.lines, clock.today);
  const products = buildProducts(sales.lines, stock, clock.today);
  const feedback = sources.feedback ?? null;
  if (feedback) applyRatings(products, feedback.byOffer);
  const currency = mainCurrency(sales.lines);
  return {
    sales,
    tables: {
      sales: { spec: salesSpec, rows: sales.lines.map((l) => toCells(salesSpec, salesRow(l))) },
      customers: {
        spec: customersSpec,
        rows: customers.map((c) => toCells(customersSpec, customersRow(c, lang))),
      },
      products: {
        spec: productsSpec,
        rows: products.map((p) => toCells(productsSpec, productsRow(p, lang))),
      },
    },
    customers,
    products,
    stock,
    dashboard: {
      today: clock.today,
      currency,
      headlines: headlines(sales.lines, clock.today),
      days: byDay(sales.lines, clock.today, currency),
      topProducts: topProducts(sales.lines, clock.today, currency),
      topRegions: topRegions(sales.lines, clock.today, currency),
      statusMix: statusMix(sales.lines, clock.today),
      pnl: buildPnl(sources.finance ?? null, sources.lines, clock.today, currency),
    },
    lowStock: lowStock(stock),
    pastShipBy: pastShipBy(sales.postings, clock.nowSerial),
    feedback,
  };
}
