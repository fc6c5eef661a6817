// The JSON the workbench page polls: everything it shows, built from the runtime and the simulator.
export interface CellView {
  /** The value as Sheets displays it. */
  t: string;
  /** Right-aligned like Sheets aligns numbers and dates. */
  num?: boolean;
  bold?: boolean;
  italic?: boolean;
  bg?: string;
  color?: string;
  align?: string;
}

export interface SheetTab {
  id: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
}

export interface GridView {
  sheetId: number;
  /** Rows and columns shown (at least the data range, padded like an empty sheet). */
  rows: number;
  cols: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  /** null is an empty cell. */
  cells: (CellView | null)[][];
  colWidths: (number | null)[];
  truncated: boolean;
}

export type MenuEntry = { label: string; functionName: string } | { separator: true };

export interface MenuView {
  title: string;
  items: MenuEntry[];
}

export interface ToastView {
  id: number;
  title: string;
  message: string;
  seconds: number;
}

export interface LogEntry {
  id: number;
  at: string;
  functionName: string;
  trigger: string;
  ok: boolean;
  error?: string;
}

export interface WorkbenchState {
  version: number;
  spreadsheetName: string;
  demo: { seed: number; clientId: string };
  clock: string;
  shopClock: string | null;
  tabs: SheetTab[];
  activeSheetId: number;
  activeRange: { sheetId: number; startRow: number; endRow: number; startCol: number; endCol: number } | null;
  grid: GridView;
  menus: MenuView[];
  toasts: ToastView[];
  sidebar: { seq: number; title: string } | null;
  log: LogEntry[];
}
