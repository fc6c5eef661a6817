// The Dashboard's P&L block (beside the headline figures) and its waterfall chart: revenue, each
// fee group, cost and profit for yesterday, 7 days, 30 days and the month so far.
import { CHARGE_GROUPS, type FeeGroup } from '../finance/fees';
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { cell, MONEY, type CellSpec } from './dashboard';
import { PNL_PERIODS, type PnlData, type PnlPeriod } from './pnl';

/** Column H: the P&L block; its chart data goes after the other chart data blocks. */
export const PNL_COL = 7;
export const PNL_DATA_COL = 29;

const PERIOD_LABEL: Record<PnlPeriod, MessageKey> = {
  yesterday: 'dashboard.yesterday',
  days7: 'dashboard.days7',
  days30: 'dashboard.days30',
  month: 'pnl.month',
};

const groupLabel = (lang: Lang, group: FeeGroup) => t(lang, `pnl.${group}` as MessageKey);
const amount = (minor: number | null | undefined) =>
  minor === null || minor === undefined ? null : minor / 100;

export function pnlBlock(lang: Lang, pnl: PnlData): CellSpec[][] {
  const header = [
    cell(t(lang, 'pnl.title', { currency: pnl.currency }), undefined, true),
    ...PNL_PERIODS.map((p) => cell(t(lang, PERIOD_LABEL[p]), undefined, true)),
  ];
  const line = (label: string, pick: (c: PnlData['columns'][number]) => number | null, bold = false) => [
    cell(label, undefined, bold),
    ...pnl.columns.map((c) => cell(amount(pick(c)), MONEY, bold)),
  ];
  const rows: CellSpec[][] = [header, line(groupLabel(lang, 'sale'), (c) => c.groups.sale ?? 0)];
  for (const g of CHARGE_GROUPS) rows.push(line(groupLabel(lang, g), (c) => c.groups[g] ?? 0));
  rows.push(line(t(lang, 'pnl.payout'), (c) => c.payout));
  rows.push([
    cell(t(lang, 'pnl.cost')),
    ...pnl.columns.map((c) =>
      c.cost === null ? cell(t(lang, 'pnl.costMissing', { count: c.missing })) : cell(amount(-c.cost), MONEY),
    ),
  ]);
  rows.push([
    cell(t(lang, 'pnl.profit'), undefined, true),
    ...pnl.columns.map((c) =>
      c.profit === null
        ? cell(t(lang, 'pnl.costMissing', { count: c.missing }), undefined, true)
        : cell(amount(c.profit), MONEY, true),
    ),
  ]);
  return rows;
}

const range = (sheetId: number, row0: number, row1: number, col: number) => ({
  sourceRange: {
    sources: [
      { sheetId, startRowIndex: row0, endRowIndex: row1, startColumnIndex: col, endColumnIndex: col + 1 },
    ],
  },
});

/** A waterfall of the last 30 days: revenue, then each fee group and the cost, ending in profit. */
export function pnlChart(lang: Lang, pnl: PnlData, sheetId: number, col: number) {
  const days30 = pnl.columns.find((c) => c.period === 'days30') ?? pnl.columns[0];
  const steps: [string, number][] = [[groupLabel(lang, 'sale'), days30.groups.sale ?? 0]];
  for (const g of CHARGE_GROUPS)
    if (days30.groups[g]) steps.push([groupLabel(lang, g), days30.groups[g] as number]);
  if (days30.cost !== null) steps.push([t(lang, 'pnl.cost'), -days30.cost]);
  const rows: CellSpec[][] = [
    [cell(t(lang, 'pnl.line'), undefined, true), cell(pnl.currency, undefined, true)],
    ...steps.map(([label, minor]) => [cell(label), cell(minor / 100, MONEY)]),
  ];
  const end = 2 + steps.length;
  return {
    rows,
    spec: {
      title: t(lang, 'pnl.chart', { currency: pnl.currency }),
      waterfallChart: {
        domain: { data: range(sheetId, 2, end, col) },
        series: [
          {
            data: range(sheetId, 2, end, col + 1),
            // Google: "the subtotal appears after the data point with this index" (the last step).
            customSubtotals: [
              {
                subtotalIndex: steps.length - 1,
                label: days30.profit === null ? t(lang, 'pnl.payout') : t(lang, 'pnl.profit'),
                dataIsSubtotal: false,
              },
            ],
          },
        ],
        stackedType: 'SEQUENTIAL',
      },
    },
  };
}
