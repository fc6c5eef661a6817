// The Dashboard tab: headline figures, the small tables its charts are drawn from, four charts (a
// fifth, the P&L waterfall, once finance has run) and two pivot tables on the report tabs. Everything on
// it is generated: each build clears the tab, deletes the charts on it and adds them again, so runs
// never pile up duplicates.
import { t, type Lang, type MessageKey } from '../i18n/messages';
import type { SheetsRequest } from '../table/requests';
import { numberFormat } from '../table/spec';
import type { DashboardData } from './build';
import { feedbackBlock } from '../feedback/dashboard';
import type { FeedbackReport } from '../feedback/reports';
import { PERIODS, type Period } from './figures';
import { DASHBOARD_TAB, productsSpec, salesSpec, type ReportSpec } from './specs';
import { pnlBlock, pnlChart, PNL_COL, PNL_DATA_COL } from './dashboard-pnl';

export const DASHBOARD_COLUMNS = 34;
const DATA_COL = 16; // chart data starts at column Q
const HEADLINE_ROW = 3;
const CHART_WIDTH = 600;
const CHART_HEIGHT = 360;
const CHART_ROWS = 19; // rows a chart covers at the default row height, plus a gap
export const MONEY = { ...numberFormat('money') };
const INT = { type: 'NUMBER', pattern: '0' };
const NUMBER = { type: 'NUMBER', pattern: '#,##0.##' };
const DAY = { type: 'DATE', pattern: 'yyyy-mm-dd' };

export interface DashboardTab {
  sheetId: number;
  exists: boolean;
  rowCount: number;
  columnCount: number;
  /** Ids of the charts now on the tab: all are replaced. */
  chartIds: readonly number[];
}

export interface PivotSource {
  sheetId: number;
  /** Data rows on the tab after the build (header excluded). */
  rows: number;
}

export interface DashboardInput {
  lang: Lang;
  data: DashboardData;
  /** "2026-11-20 09:00" and "Europe/Moscow", for the updated line. */
  updatedAt: string;
  timeZone: string;
  sales: PivotSource;
  products: PivotSource;
  /** Distinct offers in Products: the products pivot needs that many rows. */
  offers: number;
  /** The seller-rating block (from the feedback tabs), shown between the headlines and the charts. */
  feedback?: FeedbackReport | null;
}

type CellValue = string | number | null;
export interface CellSpec {
  value: CellValue;
  format?: { type: string; pattern: string };
  bold?: boolean;
}

export const cell = (value: CellValue, format?: CellSpec['format'], bold = false): CellSpec => ({
  value,
  ...(format ? { format } : {}),
  bold,
});

function cellJson(c: CellSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof c.value === 'string' && c.value !== '') out.userEnteredValue = { stringValue: c.value };
  else if (typeof c.value === 'number' && Number.isFinite(c.value))
    out.userEnteredValue = { numberValue: c.value };
  const format: Record<string, unknown> = {};
  if (c.format) format.numberFormat = c.format;
  if (c.bold) format.textFormat = { bold: true };
  if (Object.keys(format).length) out.userEnteredFormat = format;
  return out;
}

function block(sheetId: number, row: number, col: number, rows: CellSpec[][]): SheetsRequest {
  return {
    updateCells: {
      start: { sheetId, rowIndex: row, columnIndex: col },
      rows: rows.map((r) => ({ values: r.map(cellJson) })),
      fields: 'userEnteredValue,userEnteredFormat(numberFormat,textFormat)',
    },
  };
}

const range = (sheetId: number, row0: number, row1: number, col: number) => ({
  sourceRange: {
    sources: [
      { sheetId, startRowIndex: row0, endRowIndex: row1, startColumnIndex: col, endColumnIndex: col + 1 },
    ],
  },
});

function overlay(sheetId: number, row: number, col: number) {
  return {
    overlayPosition: {
      anchorCell: { sheetId, rowIndex: row, columnIndex: col },
      widthPixels: CHART_WIDTH,
      heightPixels: CHART_HEIGHT,
    },
  };
}

const offset = (spec: ReportSpec, key: string) => spec.columns.findIndex((c) => c.key === key);

function pivotSource(spec: ReportSpec, source: PivotSource) {
  return {
    sheetId: source.sheetId,
    startRowIndex: 0,
    endRowIndex: Math.max(source.rows + 1, 2),
    startColumnIndex: 0,
    endColumnIndex: spec.columns.length,
  };
}

export interface DashboardLayout {
  headlineRows: number;
  /** First row of the seller-rating block (below the headlines and the P&L). */
  ratingTop: number;
  chartsTop: number;
  pivotTop: number;
  rowCount: number;
}

export function dashboardLayout(input: DashboardInput): DashboardLayout {
  const headlineRows = input.data.headlines.length;
  // The P&L sits beside the headlines (one header row, then a row per line) and adds a third chart
  // row; the seller-rating block goes below the taller of the two, above the charts.
  const pnlRows = input.data.pnl ? pnlBlock(input.lang, input.data.pnl).length : 0;
  const ratingRows = feedbackBlock(input.lang, input.feedback ?? null).length;
  const besideEnd = HEADLINE_ROW + Math.max(headlineRows + 1, pnlRows);
  const ratingTop = besideEnd + 1;
  const chartsTop = besideEnd + 2 + (ratingRows ? ratingRows + 1 : 0);
  const pivotTop = chartsTop + (input.data.pnl ? 3 : 2) * CHART_ROWS + 2;
  const rowCount = Math.max(1000, pivotTop + input.offers + 60);
  return { headlineRows, ratingTop, chartsTop, pivotTop, rowCount };
}

export function dashboardRequests(tab: DashboardTab, input: DashboardInput): SheetsRequest[] {
  const { sheetId } = tab;
  const { lang, data } = input;
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);
  const layout = dashboardLayout(input);
  const requests: SheetsRequest[] = [];

  if (!tab.exists) {
    requests.push({
      addSheet: {
        properties: {
          sheetId,
          title: DASHBOARD_TAB,
          index: 0,
          gridProperties: { rowCount: layout.rowCount, columnCount: DASHBOARD_COLUMNS },
        },
      },
    });
  } else {
    // By count, not by the difference: rows the seller inserted or deleted since the read change
    // nothing (every row up to it is cleared and written below).
    if (tab.rowCount < layout.rowCount)
      requests.push({
        updateSheetProperties: {
          properties: { sheetId, gridProperties: { rowCount: layout.rowCount } },
          fields: 'gridProperties.rowCount',
        },
      });
    if (tab.columnCount < DASHBOARD_COLUMNS)
      requests.push({
        appendDimension: { sheetId, dimension: 'COLUMNS', length: DASHBOARD_COLUMNS - tab.columnCount },
      });
    for (const chartId of tab.chartIds) requests.push({ deleteEmbeddedObject: { objectId: chartId } });
    requests.push({
      updateCells: {
        // The whole tab (a range of the sheet alone), however many rows it has by the time it lands.
        range: { sheetId },
        fields: 'userEnteredValue,userEnteredFormat,pivotTable',
      },
    });
  }

  // Title and headline figures.
  requests.push(
    block(sheetId, 0, 0, [
      [cell(L('dashboard.title'), undefined, true)],
      [
        cell(
          L('dashboard.updated', { time: input.updatedAt, zone: input.timeZone, currency: data.currency }),
        ),
      ],
    ]),
  );
  const periodLabel: Record<Period, MessageKey> = {
    yesterday: 'dashboard.yesterday',
    days7: 'dashboard.days7',
    days30: 'dashboard.days30',
  };
  const headlineHeader = (
    [
      'dashboard.period',
      'dashboard.currency',
      'dashboard.orders',
      'dashboard.units',
      'dashboard.revenue',
      'dashboard.payout',
    ] as const
  ).map((k) => cell(L(k), undefined, true));
  const order = new Map(PERIODS.map((p, i) => [p.period, i]));
  const headlineRows = [...data.headlines]
    .sort((a, b) => (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0))
    .map((h) => [
      cell(L(periodLabel[h.period])),
      cell(h.currency),
      cell(h.orders, INT),
      cell(h.units, INT),
      cell(h.revenue / 100, MONEY),
      cell(h.payout / 100, MONEY),
    ]);
  requests.push(block(sheetId, HEADLINE_ROW, 0, [headlineHeader, ...headlineRows]));
  const rating = feedbackBlock(lang, input.feedback ?? null);
  if (rating.length)
    requests.push(
      block(
        sheetId,
        layout.ratingTop,
        0,
        rating.map((r) => r.map((c) => cell(c.value, c.number ? NUMBER : undefined, c.bold === true))),
      ),
    );

  // Chart data blocks (row 1 headers, data from row 2).
  const days = data.days.map((d) => [cell(d.day, DAY), cell(d.revenue / 100, MONEY), cell(d.orders, INT)]);
  const products = data.topProducts.map((p) => [cell(p.label), cell(p.revenue / 100, MONEY)]);
  const statuses = data.statusMix.map((s) => [
    cell(L(`group.${s.group}` as MessageKey)),
    cell(s.postings, INT),
  ]);
  const regions = data.topRegions.map((r) => [cell(r.label), cell(r.revenue / 100, MONEY)]);
  const money = `${L('dashboard.revenue')}, ${data.currency}`;
  const blocks: { col: number; header: string[]; rows: CellSpec[][] }[] = [
    { col: DATA_COL, header: [L('dashboard.date'), money, L('dashboard.orders')], rows: days },
    { col: DATA_COL + 4, header: [L('dashboard.offer'), money], rows: products },
    { col: DATA_COL + 7, header: [L('dashboard.status'), L('dashboard.postings')], rows: statuses },
    { col: DATA_COL + 10, header: [L('dashboard.region'), money], rows: regions },
  ];
  requests.push(block(sheetId, 0, DATA_COL, [[cell(L('dashboard.chartData'), undefined, true)]]));
  for (const b of blocks)
    requests.push(block(sheetId, 1, b.col, [b.header.map((h) => cell(h, undefined, true)), ...b.rows]));

  // Charts.
  const end = (rows: unknown[]) => 2 + Math.max(rows.length, 1);
  const top = layout.chartsTop;
  const [dayBlock, productBlock, statusBlock, regionBlock] = blocks;
  requests.push({
    addChart: {
      chart: {
        spec: {
          title: L('dashboard.chartDaily', { currency: data.currency }),
          basicChart: {
            chartType: 'COMBO',
            legendPosition: 'BOTTOM_LEGEND',
            headerCount: 1,
            axis: [
              { position: 'BOTTOM_AXIS', title: L('dashboard.date') },
              { position: 'LEFT_AXIS', title: money },
              { position: 'RIGHT_AXIS', title: L('dashboard.orders') },
            ],
            domains: [{ domain: range(sheetId, 1, end(days), dayBlock.col) }],
            series: [
              {
                series: range(sheetId, 1, end(days), dayBlock.col + 1),
                targetAxis: 'LEFT_AXIS',
                type: 'COLUMN',
              },
              {
                series: range(sheetId, 1, end(days), dayBlock.col + 2),
                targetAxis: 'RIGHT_AXIS',
                type: 'LINE',
              },
            ],
          },
        },
        position: overlay(sheetId, top, 0),
      },
    },
  });
  requests.push({
    addChart: {
      chart: {
        spec: {
          title: L('dashboard.chartProducts', { currency: data.currency }),
          basicChart: {
            chartType: 'BAR',
            legendPosition: 'NO_LEGEND',
            headerCount: 1,
            axis: [{ position: 'BOTTOM_AXIS', title: money }],
            domains: [{ domain: range(sheetId, 1, end(products), productBlock.col) }],
            series: [
              { series: range(sheetId, 1, end(products), productBlock.col + 1), targetAxis: 'BOTTOM_AXIS' },
            ],
          },
        },
        position: overlay(sheetId, top, 7),
      },
    },
  });
  requests.push({
    addChart: {
      chart: {
        spec: {
          title: L('dashboard.chartStatus'),
          pieChart: {
            legendPosition: 'RIGHT_LEGEND',
            domain: range(sheetId, 2, end(statuses), statusBlock.col),
            series: range(sheetId, 2, end(statuses), statusBlock.col + 1),
          },
        },
        position: overlay(sheetId, top + CHART_ROWS, 0),
      },
    },
  });
  requests.push({
    addChart: {
      chart: {
        spec: {
          title: L('dashboard.chartRegions', { currency: data.currency }),
          basicChart: {
            chartType: 'COLUMN',
            legendPosition: 'NO_LEGEND',
            headerCount: 1,
            axis: [{ position: 'LEFT_AXIS', title: money }],
            domains: [{ domain: range(sheetId, 1, end(regions), regionBlock.col) }],
            series: [
              { series: range(sheetId, 1, end(regions), regionBlock.col + 1), targetAxis: 'LEFT_AXIS' },
            ],
          },
        },
        position: overlay(sheetId, top + CHART_ROWS, 7),
      },
    },
  });

  if (data.pnl) {
    requests.push(block(sheetId, HEADLINE_ROW, PNL_COL, pnlBlock(lang, data.pnl)));
    const chart = pnlChart(lang, data.pnl, sheetId, PNL_DATA_COL);
    requests.push(block(sheetId, 1, PNL_DATA_COL, chart.rows));
    requests.push({
      addChart: { chart: { spec: chart.spec, position: overlay(sheetId, top + 2 * CHART_ROWS, 0) } },
    });
  }

  // Pivot tables on the report tabs.
  const pivotTop = layout.pivotTop;
  requests.push(block(sheetId, pivotTop - 1, 0, [[cell(L('dashboard.pivotMonths'), undefined, true)]]));
  requests.push(block(sheetId, pivotTop - 1, 10, [[cell(L('dashboard.pivotProducts'), undefined, true)]]));
  const s = (key: string) => offset(salesSpec, key);
  const p = (key: string) => offset(productsSpec, key);
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: pivotTop, columnIndex: 0 },
      rows: [
        {
          values: [
            {
              pivotTable: {
                source: pivotSource(salesSpec, input.sales),
                rows: [
                  { sourceColumnOffset: s('currency'), showTotals: true, sortOrder: 'ASCENDING' },
                  { sourceColumnOffset: s('month'), showTotals: true, sortOrder: 'ASCENDING' },
                ],
                columns: [
                  { sourceColumnOffset: s('status_group'), showTotals: true, sortOrder: 'ASCENDING' },
                ],
                values: [{ summarizeFunction: 'SUM', sourceColumnOffset: s('ordered_value') }],
                valueLayout: 'HORIZONTAL',
              },
            },
          ],
        },
      ],
      fields: 'pivotTable',
    },
  });
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: pivotTop, columnIndex: 10 },
      rows: [
        {
          values: [
            {
              pivotTable: {
                source: pivotSource(productsSpec, input.products),
                rows: [
                  { sourceColumnOffset: p('currency'), showTotals: true, sortOrder: 'ASCENDING' },
                  { sourceColumnOffset: p('offer_id'), showTotals: true, sortOrder: 'ASCENDING' },
                ],
                values: [
                  { summarizeFunction: 'SUM', sourceColumnOffset: p('units') },
                  { summarizeFunction: 'SUM', sourceColumnOffset: p('revenue') },
                  { summarizeFunction: 'SUM', sourceColumnOffset: p('payout') },
                ],
                valueLayout: 'HORIZONTAL',
              },
            },
          ],
        },
      ],
      fields: 'pivotTable',
    },
  });
  return requests;
}
