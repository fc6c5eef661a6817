// The in-memory spreadsheet behind SpreadsheetApp and the advanced Sheets service: sheets of cells
// with formats, notes and validations, developer metadata, filters and conditional format rules.
// Row/column operations move everything attached to cells and dimensions along with them.
import { a1, quoteSheet } from './a1';
import { serialToEpoch } from './time';
import { displayValue, isDateFormat, type Cell, type CellFormat, type Scalar } from './values';

export const MAX_CELLS = 10_000_000;

export type Dimension = 'ROWS' | 'COLUMNS';

export interface GridRange {
  /** 0-based, end exclusive (Sheets API GridRange). */
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

export interface MetadataLocation {
  locationType: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
  sheetId?: number;
  start?: number;
  end?: number;
}

export interface DeveloperMetadata {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface RuleFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface ConditionalRule {
  ranges: GridRange[];
  /** Sheets API ConditionType (TEXT_EQ, CUSTOM_FORMULA, BLANK, ...) and its values. */
  condition: { type: string; values: string[] };
  format: RuleFormat;
}

export interface BasicFilter {
  range: GridRange;
  sortSpecs: { dimensionIndex: number; sortOrder: 'ASCENDING' | 'DESCENDING' }[];
  criteria: Record<number, unknown>;
}

export class SheetModel {
  rows: (Cell | undefined)[][] = [];
  colWidths: number[] = [];
  rowHeights: number[] = [];
  hiddenCols: boolean[] = [];
  hiddenRows: boolean[] = [];
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  filter: BasicFilter | null = null;
  conditionalRules: ConditionalRule[] = [];
  hidden = false;

  constructor(
    readonly book: SpreadsheetModel,
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxCols = 26,
  ) {}

  get index(): number {
    return this.book.sheets.indexOf(this);
  }

  cell(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }

  /** The cell at 0-based (r, c), created on demand. */
  ensure(r: number, c: number): Cell {
    const row = (this.rows[r] ??= []);
    const cell = row[c];
    if (!cell) return (row[c] = { v: null });
    this.book.willChange(cell);
    return cell;
  }

  setCell(r: number, c: number, cell: Cell | undefined): void {
    if (!cell) {
      if (this.rows[r]) delete this.rows[r][c];
      return;
    }
    (this.rows[r] ??= [])[c] = cell;
  }

  /** 1-based last row / column with content (value or formula), 0 when empty. */
  lastRow(): number {
    for (let r = Math.min(this.rows.length, this.maxRows) - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row && row.some((c) => c && (c.v !== null || c.f))) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let max = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= max; c--) {
        const cell = row[c];
        if (cell && (cell.v !== null || cell.f)) {
          max = c + 1;
          break;
        }
      }
    }
    return max;
  }

  /** Test helper: the value grid of the data range (Date objects for date-formatted cells). */
  values(): unknown[][] {
    return this.grid((cell) => this.book.valueOf(cell, (ms) => new Date(ms)));
  }

  displayValues(): string[][] {
    return this.grid((cell) => displayValue(cell, this.book.locale));
  }

  formulas(): string[][] {
    return this.grid((cell) => cell?.f ?? '');
  }

  numberFormats(): string[][] {
    return this.grid((cell) => cell?.nf ?? 'General');
  }

  notes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }

  formats(): (CellFormat | undefined)[][] {
    return this.grid((cell) => cell?.fmt);
  }

  private grid<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: T[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < cols; c++) line.push(fn(this.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  a1(range: GridRange): string {
    return `${quoteSheet(this.name)}!${a1(range.startRow + 1, range.startCol + 1, range.endRow - range.startRow, range.endCol - range.startCol)}`;
  }

  // ---- dimension operations (0-based) ----

  insert(dim: Dimension, at: number, count: number): void {
    this.book.checkCellLimit(dim === 'ROWS' ? count * this.maxCols : count * this.maxRows);
    if (dim === 'ROWS') {
      if (this.rows.length > at)
        spliceIn(this.rows, at, 0, new Array<(Cell | undefined)[]>(count).fill(undefined as never));
      spliceSparse(this.rowHeights, at, 0, count);
      spliceSparse(this.hiddenRows, at, 0, count);
      this.maxRows += count;
      if (this.frozenRows > at) this.frozenRows += count;
    } else {
      for (const row of this.rows)
        if (row && row.length > at) spliceIn(row, at, 0, new Array<Cell | undefined>(count));
      spliceSparse(this.colWidths, at, 0, count);
      spliceSparse(this.hiddenCols, at, 0, count);
      this.maxCols += count;
      if (this.frozenCols > at) this.frozenCols += count;
    }
    this.shiftRanges(
      dim,
      (i) => (i >= at ? i + count : i),
      (s, e) => (s < at && e > at ? [s, e + count] : null),
    );
  }

  delete(dim: Dimension, at: number, count: number): void {
    const max = dim === 'ROWS' ? this.maxRows : this.maxCols;
    if (at < 0 || at + count > max)
      throw new Error(dim === 'ROWS' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    if (count >= max && this.book.sheets.length >= 1) {
      throw new Error(`You can't delete all the ${dim === 'ROWS' ? 'rows' : 'columns'} on the sheet.`);
    }
    if (dim === 'ROWS') {
      this.rows.splice(at, count);
      spliceSparse(this.rowHeights, at, count, 0);
      spliceSparse(this.hiddenRows, at, count, 0);
      this.maxRows -= count;
      this.frozenRows = Math.max(
        0,
        this.frozenRows > at ? Math.max(at, this.frozenRows - count) : this.frozenRows,
      );
    } else {
      for (const row of this.rows) if (row) row.splice(at, count);
      spliceSparse(this.colWidths, at, count, 0);
      spliceSparse(this.hiddenCols, at, count, 0);
      this.maxCols -= count;
      this.frozenCols = this.frozenCols > at ? Math.max(at, this.frozenCols - count) : this.frozenCols;
    }
    const end = at + count;
    const map = (i: number) => (i >= end ? i - count : i >= at ? at : i);
    this.shiftRanges(dim, map, (s, e) => {
      const ns = s < at ? s : s < end ? at : s - count;
      const ne = e <= at ? e : e <= end ? at : e - count;
      return [ns, ne];
    });
  }

  /** Moves `count` rows/columns starting at `from` so they start before index `to` (Sheets API semantics). */
  move(dim: Dimension, from: number, count: number, to: number): void {
    const max = dim === 'ROWS' ? this.maxRows : this.maxCols;
    const order = Array.from({ length: max }, (_, i) => i);
    const moved = order.splice(from, count);
    const dest = to > from ? to - count : to;
    spliceIn(order, dest, 0, moved);
    this.permute(dim, order);
  }

  /** `order[newIndex] = oldIndex`. */
  permute(dim: Dimension, order: number[]): void {
    const newIndex: number[] = [];
    order.forEach((old, i) => (newIndex[old] = i));
    if (dim === 'ROWS') {
      const rows = this.rows;
      this.rows = order.map((old) => rows[old]);
      this.rowHeights = permuteSparse(this.rowHeights, order);
      this.hiddenRows = permuteSparse(this.hiddenRows, order);
    } else {
      this.rows = this.rows.map((row) => (row ? order.map((old) => row[old]) : row));
      this.colWidths = permuteSparse(this.colWidths, order);
      this.hiddenCols = permuteSparse(this.hiddenCols, order);
    }
    this.shiftRanges(
      dim,
      (i) => newIndex[i] ?? i,
      (s, e) => {
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = s; i < e; i++) {
          const m = newIndex[i] ?? i;
          if (m < lo) lo = m;
          if (m > hi) hi = m;
        }
        return [lo, hi + 1];
      },
    );
  }

  /** Adjusts metadata, filter and conditional-format ranges after a dimension change. */
  private shiftRanges(
    dim: Dimension,
    _point: (i: number) => number,
    span: (start: number, end: number) => [number, number] | null,
  ): void {
    const mapSpan = (s: number, e: number): [number, number] => {
      const expanded = span(s, e);
      if (expanded) return expanded;
      return [_point(s), _point(e - 1) + 1];
    };
    const locType = dim === 'ROWS' ? 'ROW' : 'COLUMN';
    this.book.metadata = this.book.metadata.filter((m) => {
      const l = m.location;
      if (l.sheetId !== this.id || l.locationType !== locType) return true;
      const [s, e] = mapSpan(l.start!, l.end!);
      if (e <= s) return false;
      l.start = s;
      l.end = e;
      return true;
    });
    const mapGrid = (g: GridRange): GridRange | null => {
      const [s, e] = dim === 'ROWS' ? mapSpan(g.startRow, g.endRow) : mapSpan(g.startCol, g.endCol);
      if (e <= s) return null;
      return dim === 'ROWS' ? { ...g, startRow: s, endRow: e } : { ...g, startCol: s, endCol: e };
    };
    if (this.filter) {
      const r = mapGrid(this.filter.range);
      if (!r) this.filter = null;
      else {
        if (dim === 'COLUMNS') {
          const crit: Record<number, unknown> = {};
          for (const [k, v] of Object.entries(this.filter.criteria)) crit[_point(Number(k))] = v;
          this.filter.criteria = crit;
          this.filter.sortSpecs = this.filter.sortSpecs.map((s) => ({
            ...s,
            dimensionIndex: _point(s.dimensionIndex),
          }));
        }
        this.filter.range = r;
      }
    }
    this.conditionalRules = this.conditionalRules
      .map((rule) => ({
        ...rule,
        ranges: rule.ranges.map(mapGrid).filter((g): g is GridRange => g !== null),
      }))
      .filter((rule) => rule.ranges.length > 0);
  }

  /** Sorts whole rows of `range` (cells with their notes and formats) by the given 0-based columns. */
  sortRange(range: GridRange, specs: { col: number; ascending: boolean }[]): void {
    const rows: (Cell | undefined)[][] = [];
    for (let r = range.startRow; r < range.endRow; r++) {
      const line: (Cell | undefined)[] = [];
      for (let c = range.startCol; c < range.endCol; c++) line.push(this.cell(r, c));
      rows.push(line);
    }
    const key = (cell: Cell | undefined) => cell?.v ?? null;
    rows.sort((a, b) => {
      for (const spec of specs) {
        const cmp = compareValues(key(a[spec.col - range.startCol]), key(b[spec.col - range.startCol]));
        if (cmp !== 0) {
          // Empty cells always sort last.
          if (key(a[spec.col - range.startCol]) === null || key(b[spec.col - range.startCol]) === null)
            return cmp;
          return spec.ascending ? cmp : -cmp;
        }
      }
      return 0;
    });
    rows.forEach((line, i) =>
      line.forEach((cell, j) => this.setCell(range.startRow + i, range.startCol + j, cell)),
    );
  }
}

function typeRank(v: Scalar): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

export function compareValues(a: Scalar, b: Scalar): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, undefined, { sensitivity: 'base' });
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

function spliceSparse<T>(arr: T[], at: number, del: number, ins: number): void {
  if (arr.length <= at) return;
  spliceIn(arr, at, del, new Array<T>(ins));
}

/**
 * `arr.splice(at, del, ...items)` without spreading: a spread of a few hundred thousand rows overflows
 * the call stack (a sheet of 250,000 rows is well inside Google's 10 M cells).
 */
export function spliceIn<T>(arr: T[], at: number, del: number, items: readonly T[]): void {
  const tail = arr.splice(at);
  tail.splice(0, del);
  for (const item of items) arr.push(item);
  for (const item of tail) arr.push(item);
}

function permuteSparse<T>(arr: T[], order: number[]): T[] {
  if (arr.length === 0) return arr;
  return order.map((old) => arr[old]);
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  metadata: DeveloperMetadata[] = [];
  nextMetadataId = 1000;
  private nextSheetId = 0;
  activeSheetId = 0;
  activeRange: { sheetId: number; range: GridRange } | null = null;
  name = 'Ozon orders';
  id = '1OzonOrderDeskSpreadsheet0000000000000000000';

  constructor(
    public timeZone: string,
    public locale: string,
    /** Converts a serial to a Date in the script's realm (set by the runtime). */
    public makeDate: (epochMs: number) => unknown = (ms) => new Date(ms),
  ) {
    this.addSheet('Sheet1');
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  checkCellLimit(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS)
      throw new Error(
        'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      );
  }

  addSheet(name?: string, index?: number, rows = 1000, cols = 26, id?: number): SheetModel {
    const title = name ?? this.freeName();
    if (this.sheets.some((s) => s.name.toLowerCase() === title.toLowerCase())) {
      throw new Error(`A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    this.checkCellLimit(rows * cols);
    let sheetId = id ?? this.nextSheetId;
    if (id === undefined) {
      while (this.sheets.some((s) => s.id === sheetId)) sheetId++;
      this.nextSheetId = sheetId === 0 ? 1_000_001 : sheetId + 7919;
    } else if (this.sheets.some((s) => s.id === id))
      throw new Error(`Invalid sheetId ${id}: a sheet with this ID already exists.`);
    const sheet = new SheetModel(this, sheetId, title, rows, cols);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  private freeName(): string {
    for (let i = this.sheets.length + 1; ; i++) {
      const n = `Sheet${i}`;
      if (!this.sheets.some((s) => s.name === n)) return n;
    }
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.metadata = this.metadata.filter((m) => m.location.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
  }

  byName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  byId(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheet(name: string): SheetModel {
    const s = this.byName(name);
    if (!s) throw new Error(`runtime: no sheet named ${name} (sheets: ${this.sheetNames().join(', ')})`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  activeSheet(): SheetModel {
    return this.byId(this.activeSheetId) ?? this.sheets[0];
  }

  /** The value getValues() returns for a cell. */
  valueOf(cell: Cell | undefined, makeDate = this.makeDate): unknown {
    if (!cell || cell.v === null) return '';
    if (typeof cell.v === 'number' && isDateFormat(cell.nf))
      return makeDate(serialToEpoch(cell.v, this.timeZone));
    return cell.v;
  }

  /** Undo journals of the calls under way (a cell's state before its first change in each). */
  private journals: Map<Cell, Cell>[] = [];

  /** Called before a cell is changed in place: a call that may roll back keeps its earlier state. */
  willChange(cell: Cell): void {
    for (const journal of this.journals) if (!journal.has(cell)) journal.set(cell, cloneCell(cell));
  }

  /**
   * Captures state so a failed batchUpdate can be rolled back (the real API is atomic). `touches`
   * narrows the copy to the sheets a call can change; the sheet list itself is always kept. Rows are
   * copied as lists of the same cells, and a cell is copied only when it is first changed in place
   * (`willChange`): a call that changes a few cells of a large sheet copies a few cells, not the sheet.
   * `done()` ends the capture once the call has succeeded.
   */
  snapshot(touches: (sheet: SheetModel) => boolean = () => true): { restore(): void; done(): void } {
    const sheets = [...this.sheets];
    const states = sheets.filter(touches).map((s) => {
      const { book: _book, rows, ...own } = s;
      return { sheet: s, own: { ...structuredClone(own), rows: rows.map((row) => row && row.slice()) } };
    });
    const metadata = structuredClone(this.metadata);
    const nextMetadataId = this.nextMetadataId;
    const activeSheetId = this.activeSheetId;
    const journal = new Map<Cell, Cell>();
    this.journals.push(journal);
    const done = () => {
      this.journals = this.journals.filter((j) => j !== journal);
    };
    return {
      done,
      restore: () => {
        done();
        this.sheets = sheets;
        for (const { sheet, own } of states) Object.assign(sheet, own);
        for (const [cell, before] of journal) {
          for (const key of Object.keys(cell)) delete (cell as unknown as Record<string, unknown>)[key];
          Object.assign(cell, before);
        }
        this.metadata = metadata;
        this.nextMetadataId = nextMetadataId;
        this.activeSheetId = activeSheetId;
      },
    };
  }

  addMetadata(
    key: string,
    value: string | null,
    location: MetadataLocation,
    visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT',
  ): DeveloperMetadata {
    const md: DeveloperMetadata = {
      id: this.nextMetadataId++,
      key,
      value,
      visibility,
      location: { ...location },
    };
    this.metadata.push(md);
    return md;
  }
}

/** A cell's own copy for rollback: cells are flat records; the rare nested values are copied deeply. */
function cloneCell(cell: Cell): Cell {
  const next: Cell & { pivot?: unknown } = { ...cell };
  if (cell.fmt) next.fmt = { ...cell.fmt };
  if (cell.validation !== undefined) next.validation = structuredClone(cell.validation);
  const pivot = (cell as { pivot?: unknown }).pivot;
  if (pivot !== undefined) next.pivot = structuredClone(pivot);
  return next;
}
