// Turns the runtime's spreadsheet and UI records into the JSON the workbench page renders.
import { displayValue, type Cell } from '../runtime/values';
import type { SheetModel, SpreadsheetModel } from '../runtime/model';
import type { MenuEntry as RuntimeMenuEntry, MenuSnapshot } from '../runtime/ui';
import type { CellView, GridView, MenuEntry, MenuView, SheetTab } from './state';

/** More rows than this are not sent to the page (the grid is for looking, not for bulk data). */
export const MAX_GRID_ROWS = 1500;
const MAX_GRID_COLS = 80;
const EMPTY_ROWS = 30;
const EMPTY_COLS = 12;

function cellView(cell: Cell | undefined, locale: string): CellView | undefined {
  if (!cell || (cell.v === null && !cell.fmt)) return undefined;
  const view: CellView = { t: displayValue(cell, locale) };
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

export function gridView(sheet: SheetModel, locale: string): GridView {
  const lastRow = sheet.lastRow();
  const lastCol = sheet.lastColumn();
  const wantRows = Math.min(sheet.maxRows, Math.max(lastRow + 5, EMPTY_ROWS));
  const rows = Math.min(wantRows, MAX_GRID_ROWS);
  const cols = Math.min(sheet.maxCols, Math.max(lastCol + 2, EMPTY_COLS), MAX_GRID_COLS);
  const cells: (CellView | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (CellView | null)[] = [];
    for (let c = 0; c < cols; c++) line.push(cellView(sheet.cell(r, c), locale) ?? null);
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
