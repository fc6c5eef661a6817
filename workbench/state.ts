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
  /** A file in the runtime's Drive the cell links to: the workbench serves it at this path. */
  link?: string;
}

export interface ChartSeriesView {
  name: string;
  values: (number | null)[];
  /** How this series is drawn (combo charts mix columns and lines). */
  type: 'COLUMN' | 'BAR' | 'LINE' | 'AREA';
  axis: 'LEFT' | 'RIGHT';
}

/** An embedded chart, resolved from its data ranges so the page can draw it. */
export interface ChartView {
  id: number;
  title: string;
  kind: 'BASIC' | 'PIE';
  /** BASIC charts: COLUMN, BAR, LINE, AREA or COMBO. */
  chartType: string;
  /** 0-based anchor cell and the pixel offset and size from the overlay position. */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  labels: string[];
  series: ChartSeriesView[];
}

export interface DialogView {
  seq: number;
  title: string;
  width: number;
  height: number;
  modal: boolean;
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
  charts: ChartView[];
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
  dialog: DialogView | null;
  log: LogEntry[];
}
