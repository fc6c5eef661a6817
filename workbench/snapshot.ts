// Turns the runtime's spreadsheet and UI records into the JSON the workbench page renders.
import { displayValue, type Cell } from '../runtime/values';
import type { SheetModel, SpreadsheetModel } from '../runtime/model';
import { chartsOf } from '../runtime/sheets-charts';
import type { MenuEntry as RuntimeMenuEntry, MenuSnapshot } from '../runtime/ui';
import type { CellView, ChartSeriesView, ChartView, GridView, MenuEntry, MenuView, SheetTab } from './state';

/** More rows than this are not sent to the page (the grid is for looking, not for bulk data). */
export const MAX_GRID_ROWS = 1500;
const MAX_GRID_COLS = 80;
const EMPTY_ROWS = 30;
const EMPTY_COLS = 12;

const DRIVE_URL = /^https:\/\/drive\.google\.com\/file\/d\/([\w-]+)/;

/** The workbench path of a runtime Drive file a URL points to, if it is one. */
export function driveLink(url: string, driveIds: ReadonlySet<string>): string | undefined {
  const id = DRIVE_URL.exec(url)?.[1];
  return id && driveIds.has(id) ? `/drive/${id}` : undefined;
}

function cellView(
  cell: Cell | undefined,
  locale: string,
  driveIds: ReadonlySet<string>,
): CellView | undefined {
  if (!cell || (cell.v === null && !cell.fmt)) return undefined;
  const view: CellView = { t: displayValue(cell, locale) };
  if (typeof cell.v === 'string') {
    const link = driveLink(cell.v, driveIds);
    if (link) view.link = link;
  }
  if (typeof cell.v === 'number') view.num = true;
  const fmt = cell.fmt;
  if (fmt) {
    if (fmt.bold) view.bold = true;
    if (fmt.italic) view.italic = true;
    if (fmt.background) view.bg = fmt.background;
    if (fmt.fontColor) view.color = fmt.fontColor;
    if (fmt.horizontalAlignment) view.align = fmt.horizontalAlignment.toLowerCase();
  }
  return view;
}

export function gridView(
  sheet: SheetModel,
  locale: string,
  driveIds: ReadonlySet<string> = new Set(),
): GridView {
  const lastRow = sheet.lastRow();
  const lastCol = sheet.lastColumn();
  const wantRows = Math.min(sheet.maxRows, Math.max(lastRow + 5, EMPTY_ROWS));
  const rows = Math.min(wantRows, MAX_GRID_ROWS);
  const cols = Math.min(sheet.maxCols, Math.max(lastCol + 2, EMPTY_COLS), MAX_GRID_COLS);
  const cells: (CellView | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (CellView | null)[] = [];
    for (let c = 0; c < cols; c++) line.push(cellView(sheet.cell(r, c), locale, driveIds) ?? null);
    cells.push(line);
  }
  return {
    sheetId: sheet.id,
    rows,
    cols,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    frozenRows: Math.min(sheet.frozenRows, rows),
    frozenCols: Math.min(sheet.frozenCols, cols),
    cells,
    colWidths: Array.from({ length: cols }, (_, c) => sheet.colWidths[c] ?? null),
    charts: chartViews(sheet, locale),
    truncated: wantRows > rows,
  };
}

export function tabs(book: SpreadsheetModel): SheetTab[] {
  return book.sheets.map((s) => ({ id: s.id, name: s.name, hidden: s.hidden, tabColor: s.tabColor }));
}

function menuEntries(items: RuntimeMenuEntry[]): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const item of items) {
    if (item.kind === 'item') out.push({ label: item.caption, functionName: item.functionName });
    else if (item.kind === 'separator') out.push({ separator: true });
    else out.push({ separator: true }, ...menuEntries(item.menu.items));
  }
  return out;
}

/** The add-on menu first (it lives under Extensions in Sheets), then any custom menus. */
export function menus(recorded: MenuSnapshot[]): MenuView[] {
  const ordered = [...recorded].sort((a, b) => Number(b.addon) - Number(a.addon));
  return ordered.map((m) => ({ title: m.name, items: menuEntries(m.items) }));
}

type Json = Record<string, unknown>;

interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** The cells of a chart's source range (one column or one row), top to bottom. */
function rangeCells(book: SpreadsheetModel, data: unknown): (Cell | undefined)[] {
  const sources = ((data as Json | undefined)?.sourceRange as Json | undefined)?.sources as
    GridRange[] | undefined;
  const out: (Cell | undefined)[] = [];
  for (const source of sources ?? []) {
    const sheet = book.byId(Number(source.sheetId ?? -1));
    if (!sheet) continue;
    const r0 = source.startRowIndex ?? 0;
    const r1 = Math.min(source.endRowIndex ?? sheet.maxRows, sheet.maxRows);
    const c0 = source.startColumnIndex ?? 0;
    const c1 = Math.min(source.endColumnIndex ?? sheet.maxCols, sheet.maxCols);
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out.push(sheet.cell(r, c));
  }
  return out;
}

const numeric = (cell: Cell | undefined): number | null => (typeof cell?.v === 'number' ? cell.v : null);

/** Drops trailing rows where the domain and every series are empty (ranges are often generous). */
function trim(labels: string[], series: ChartSeriesView[]): void {
  let n = labels.length;
  while (n > 0 && labels[n - 1] === '' && series.every((s) => s.values[n - 1] === null)) n--;
  labels.length = n;
  for (const s of series) s.values.length = n;
}

/** The charts on a sheet, with their data read from their ranges as Sheets would draw them. */
export function chartViews(sheet: SheetModel, locale: string): ChartView[] {
  const views: ChartView[] = [];
  for (const chart of chartsOf(sheet)) {
    const spec = chart.spec;
    const overlay = (chart.position.overlayPosition ?? {}) as Json;
    const anchor = (overlay.anchorCell ?? {}) as Json;
    const base = {
      id: chart.chartId,
      title: String(spec.title ?? ''),
      row: Number(anchor.rowIndex ?? 0),
      col: Number(anchor.columnIndex ?? 0),
      offsetX: Number(overlay.offsetXPixels ?? 0),
      offsetY: Number(overlay.offsetYPixels ?? 0),
      width: Number(overlay.widthPixels ?? 600),
      height: Number(overlay.heightPixels ?? 371),
    };
    const book = sheet.book;
    if (spec.pieChart) {
      const pie = spec.pieChart as Json;
      const labels = rangeCells(book, pie.domain).map((c) => displayValue(c, locale));
      const series: ChartSeriesView[] = [
        { name: '', values: rangeCells(book, pie.series).map(numeric), type: 'COLUMN', axis: 'LEFT' },
      ];
      trim(labels, series);
      views.push({ ...base, kind: 'PIE', chartType: 'PIE', labels, series });
      continue;
    }
    const basic = spec.basicChart as Json | undefined;
    if (!basic) continue;
    const headers = Number(basic.headerCount ?? 0);
    const chartType = String(basic.chartType ?? 'COLUMN');
    const domainCells = rangeCells(book, ((basic.domains as Json[] | undefined)?.[0] ?? {}).domain);
    const labels = domainCells.slice(headers).map((c) => displayValue(c, locale));
    const series = ((basic.series as Json[] | undefined) ?? []).map((s): ChartSeriesView => {
      const cells = rangeCells(book, s.series);
      const type = String(s.type ?? (chartType === 'COMBO' ? 'COLUMN' : chartType));
      return {
        name: headers ? displayValue(cells[0], locale) : '',
        values: cells.slice(headers).map(numeric),
        type: (['COLUMN', 'BAR', 'LINE', 'AREA'].includes(type) ? type : 'COLUMN') as ChartSeriesView['type'],
        axis: s.targetAxis === 'RIGHT_AXIS' ? 'RIGHT' : 'LEFT',
      };
    });
    trim(labels, series);
    views.push({ ...base, kind: 'BASIC', chartType, labels, series });
  }
  return views;
}
