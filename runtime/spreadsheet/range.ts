// SpreadsheetApp.Range: reads and writes charged by the cells they touch.
import { a1 } from '../a1';
import { expose } from '../bridge';
import { checkDims, normColor, type SheetsEnv, writeCell } from './common';
import { DataValidation, type ValidationSpec } from './data-validation';
import { Filter } from './filter';
import { DeveloperMetadataFinder, metadataObj } from './metadata';
import { type GridRange, type MetadataLocation, type SheetModel } from '../model';
import { boundedRange, live, rangeOf, sheetOf } from './objects';
import { clearCells, Protection } from './sheet';
import { addMetadataChecked } from './spreadsheet';
import { type Cell, type CellFormat, displayValue } from '../values';

export const rangeModels = new WeakMap<
  object,
  { sheet: SheetModel; r: number; c: number; nr: number; nc: number }
>();
export function modelOfRange(range: Range) {
  const m = (
    range as unknown as {
      geometry?: () => { sheet: SheetModel; r: number; c: number; nr: number; nc: number };
    }
  ).geometry?.();
  if (!m) {
    const x = rangeModels.get(range as object);
    if (x) return x;
    throw new Error('Invalid argument: range');
  }
  return m;
}

export type Grid<T> = T[][];

export class Range {
  constructor(
    private env: SheetsEnv,
    private sheet: SheetModel,
    private r: number,
    private c: number,
    private nr: number,
    private nc: number,
  ) {}
  geometry() {
    return { sheet: this.sheet, r: this.r, c: this.c, nr: this.nr, nc: this.nc };
  }
  private get s() {
    return live(this.env, this.sheet);
  }
  private get cells() {
    return this.nr * this.nc;
  }
  private grid(): GridRange {
    return { startRow: this.r, endRow: this.r + this.nr, startCol: this.c, endCol: this.c + this.nc };
  }
  private read<T>(fn: (cell: Cell | undefined) => T): Grid<T> {
    this.env.engine.call('sheetsRead', this.cells, 'read');
    const s = this.s;
    const out: Grid<T> = [];
    for (let i = 0; i < this.nr; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.nc; j++) line.push(fn(s.cell(this.r + i, this.c + j)));
      out.push(line);
    }
    return this.env.realm.toScript(out);
  }
  private readOne<T>(fn: (cell: Cell | undefined) => T): T {
    this.env.engine.call('sheetsRead', 1, 'read');
    return this.env.realm.toScript(fn(this.s.cell(this.r, this.c)));
  }
  private writeEach(fn: (cell: Cell, i: number, j: number) => void, count = this.cells) {
    this.env.engine.call('sheetsWrite', count, 'write');
    const s = this.s;
    for (let i = 0; i < this.nr; i++)
      for (let j = 0; j < this.nc; j++) fn(s.ensure(this.r + i, this.c + j), i, j);
    return this;
  }
  private writeGrid<T>(values: unknown, fn: (cell: Cell, v: T, i: number, j: number) => void) {
    const grid = checkDims(values, this.nr, this.nc) as T[][];
    return this.writeEach((cell, i, j) => fn(cell, grid[i][j], i, j));
  }
  private fmt(cell: Cell): CellFormat {
    return (cell.fmt ??= {});
  }

  // ---- values ----
  getValues() {
    return this.read((cell) => this.env.book.valueOf(cell));
  }
  getValue() {
    return this.readOne((cell) => this.env.book.valueOf(cell));
  }
  getDisplayValues() {
    return this.read((cell) => displayValue(cell, this.env.book.locale));
  }
  getDisplayValue() {
    return this.readOne((cell) => displayValue(cell, this.env.book.locale));
  }
  setValues(values: unknown) {
    const grid = checkDims(values, this.nr, this.nc);
    this.env.engine.call('sheetsWrite', this.cells, 'write');
    const s = this.s;
    for (let i = 0; i < this.nr; i++)
      for (let j = 0; j < this.nc; j++) writeCell(this.env.book, s, this.r + i, this.c + j, grid[i][j]);
    return this;
  }
  setValue(value: unknown) {
    this.env.engine.call('sheetsWrite', this.cells, 'write');
    const s = this.s;
    for (let i = 0; i < this.nr; i++)
      for (let j = 0; j < this.nc; j++) writeCell(this.env.book, s, this.r + i, this.c + j, value);
    return this;
  }
  getFormulas() {
    return this.read((cell) => cell?.f ?? '');
  }
  getFormula() {
    return this.readOne((cell) => cell?.f ?? '');
  }
  setFormulas(formulas: unknown) {
    checkDims(formulas, this.nr, this.nc);
    this.env.engine.call('sheetsWrite', this.cells, 'write');
    const grid = formulas as unknown[][];
    for (let i = 0; i < this.nr; i++)
      for (let j = 0; j < this.nc; j++)
        writeCell(
          this.env.book,
          this.s,
          this.r + i,
          this.c + j,
          grid[i][j] == null ? '' : String(grid[i][j]),
        );
    return this;
  }
  setFormula(formula: string) {
    return this.setValue(String(formula));
  }
  getNumberFormats() {
    return this.read((cell) => cell?.nf ?? 'General');
  }
  getNumberFormat() {
    return this.readOne((cell) => cell?.nf ?? 'General');
  }
  setNumberFormat(nf: string) {
    return this.writeEach((cell) => (cell.nf = String(nf)));
  }
  setNumberFormats(nfs: unknown) {
    return this.writeGrid<string>(nfs, (cell, v) => (cell.nf = String(v)));
  }
  getNotes() {
    return this.read((cell) => cell?.note ?? '');
  }
  getNote() {
    return this.readOne((cell) => cell?.note ?? '');
  }
  setNotes(notes: unknown) {
    return this.writeGrid<string | null>(notes, (cell, v) => {
      if (v === null || v === '') delete cell.note;
      else cell.note = String(v);
    });
  }
  setNote(note: string | null) {
    return this.writeEach((cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
  }
  clearNote() {
    return this.setNote(null);
  }

  // ---- formats ----
  setFontWeight(w: string | null) {
    return this.writeEach((cell) => (this.fmt(cell).bold = w === 'bold'));
  }
  setFontWeights(ws: unknown) {
    return this.writeGrid<string | null>(ws, (cell, w) => (this.fmt(cell).bold = w === 'bold'));
  }
  getFontWeight() {
    return this.readOne((cell) => (cell?.fmt?.bold ? 'bold' : 'normal'));
  }
  getFontWeights() {
    return this.read((cell) => (cell?.fmt?.bold ? 'bold' : 'normal'));
  }
  setFontStyle(st: string | null) {
    return this.writeEach((cell) => (this.fmt(cell).italic = st === 'italic'));
  }
  setFontSize(size: number) {
    return this.writeEach((cell) => (this.fmt(cell).fontSize = size));
  }
  setBackground(color: string | null) {
    const c = normColor(color);
    return this.writeEach((cell) => (this.fmt(cell).background = c));
  }
  setBackgroundRGB(r: number, g: number, b: number) {
    const hex = '#' + [r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return this.setBackground(hex);
  }
  setBackgrounds(colors: unknown) {
    return this.writeGrid<string | null>(colors, (cell, c) => (this.fmt(cell).background = normColor(c)));
  }
  getBackground() {
    return this.readOne((cell) => cell?.fmt?.background ?? '#ffffff');
  }
  getBackgrounds() {
    return this.read((cell) => cell?.fmt?.background ?? '#ffffff');
  }
  setFontColor(color: string | null) {
    const c = normColor(color);
    return this.writeEach((cell) => (this.fmt(cell).fontColor = c));
  }
  setFontColors(colors: unknown) {
    return this.writeGrid<string | null>(colors, (cell, c) => (this.fmt(cell).fontColor = normColor(c)));
  }
  getFontColor() {
    return this.readOne((cell) => cell?.fmt?.fontColor ?? '#000000');
  }
  getFontColors() {
    return this.read((cell) => cell?.fmt?.fontColor ?? '#000000');
  }
  setHorizontalAlignment(a: string | null) {
    return this.writeEach(
      (cell) => (this.fmt(cell).horizontalAlignment = a ? String(a).toLowerCase() : null),
    );
  }
  setHorizontalAlignments(as: unknown) {
    return this.writeGrid<string | null>(
      as,
      (cell, a) => (this.fmt(cell).horizontalAlignment = a ? String(a).toLowerCase() : null),
    );
  }
  getHorizontalAlignment() {
    return this.readOne((cell) => cell?.fmt?.horizontalAlignment ?? 'general');
  }
  getHorizontalAlignments() {
    return this.read((cell) => cell?.fmt?.horizontalAlignment ?? 'general');
  }
  setVerticalAlignment(a: string | null) {
    return this.writeEach((cell) => (this.fmt(cell).verticalAlignment = a ? String(a).toLowerCase() : null));
  }
  setWrap(w: boolean) {
    return this.writeEach((cell) => (this.fmt(cell).wrap = Boolean(w)));
  }
  setWraps(ws: unknown) {
    return this.writeGrid<boolean>(ws, (cell, w) => (this.fmt(cell).wrap = Boolean(w)));
  }
  setWrapStrategy(strategy: string) {
    return this.writeEach((cell) => (this.fmt(cell).wrap = strategy === 'WRAP'));
  }
  getWrap() {
    return this.readOne((cell) => Boolean(cell?.fmt?.wrap));
  }
  getWraps() {
    return this.read((cell) => Boolean(cell?.fmt?.wrap));
  }
  setBorder(..._args: unknown[]) {
    return this.writeEach(() => undefined);
  }
  setTextStyle(_style: unknown) {
    return this.writeEach(() => undefined);
  }
  setRichTextValue(rt: { getText(): string }) {
    return this.setValue(`'${rt.getText()}`);
  }

  // ---- clearing ----
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }) {
    this.env.engine.call('sheetsWrite', this.cells, 'write');
    const what = options?.contentsOnly
      ? 'content'
      : options?.formatOnly
        ? 'format'
        : options?.validationsOnly
          ? 'validation'
          : options?.commentsOnly
            ? 'note'
            : 'all';
    clearCells(this.s, this.grid(), what);
    return this;
  }
  clearContent() {
    return this.clear({ contentsOnly: true });
  }
  clearFormat() {
    return this.clear({ formatOnly: true });
  }
  clearDataValidations() {
    return this.clear({ validationsOnly: true });
  }

  // ---- validation ----
  setDataValidation(rule: DataValidation | null) {
    const m = rule ? (rule as unknown as { spec: unknown }).spec : undefined;
    return this.writeEach((cell) => {
      if (m) cell.validation = structuredClone(m);
      else delete cell.validation;
    });
  }
  setDataValidations(rules: unknown) {
    return this.writeGrid<DataValidation | null>(rules, (cell, rule) => {
      if (rule) cell.validation = structuredClone((rule as unknown as { spec: unknown }).spec);
      else delete cell.validation;
    });
  }
  getDataValidation() {
    this.env.engine.call('sheetsRead', 1, 'read');
    const v = this.s.cell(this.r, this.c)?.validation as ValidationSpec | undefined;
    return v ? expose(this.env.engine, new DataValidation(v)) : null;
  }
  getDataValidations() {
    this.env.engine.call('sheetsRead', this.cells, 'read');
    const out: (DataValidation | null)[][] = [];
    for (let i = 0; i < this.nr; i++) {
      const line: (DataValidation | null)[] = [];
      for (let j = 0; j < this.nc; j++) {
        const v = this.s.cell(this.r + i, this.c + j)?.validation as ValidationSpec | undefined;
        line.push(v ? expose(this.env.engine, new DataValidation(v)) : null);
      }
      out.push(this.env.realm.list(line));
    }
    return this.env.realm.list(out);
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown) {
    const spec: ValidationSpec = {
      type: 'CHECKBOX',
      values: checked === undefined ? [] : [String(checked), String(unchecked ?? '')],
    };
    return this.writeEach((cell) => {
      cell.validation = { ...spec };
      if (cell.v === null || cell.v === '')
        cell.v = checked === undefined ? false : unchecked === undefined ? '' : (unchecked as string);
    });
  }
  check() {
    return this.writeEach((cell) => (cell.v = true));
  }
  uncheck() {
    return this.writeEach((cell) => (cell.v = false));
  }
  isChecked() {
    return this.readOne((cell) =>
      (cell?.validation as ValidationSpec | undefined)?.type === 'CHECKBOX' ? cell?.v === true : null,
    );
  }

  // ---- geometry (local, not a round trip) ----
  getRow() {
    return this.r + 1;
  }
  getRowIndex() {
    return this.r + 1;
  }
  getColumn() {
    return this.c + 1;
  }
  getColumnIndex() {
    return this.c + 1;
  }
  getNumRows() {
    return this.nr;
  }
  getNumColumns() {
    return this.nc;
  }
  getLastRow() {
    return this.r + this.nr;
  }
  getLastColumn() {
    return this.c + this.nc;
  }
  getHeight() {
    return this.nr;
  }
  getWidth() {
    return this.nc;
  }
  getA1Notation() {
    const s = this.s;
    if (this.r === 0 && this.nr === s.maxRows && !(this.c === 0 && this.nc === s.maxCols)) {
      const col = (n: number) => a1(1, n, 1, 1).replace(/\d+$/, '');
      return `${col(this.c + 1)}:${col(this.c + this.nc)}`;
    }
    if (this.c === 0 && this.nc === s.maxCols && !(this.r === 0 && this.nr === s.maxRows))
      return `${this.r + 1}:${this.r + this.nr}`;
    return a1(this.r + 1, this.c + 1, this.nr, this.nc);
  }
  getSheet() {
    return sheetOf(this.env, this.s);
  }
  getCell(row: number, col: number) {
    if (row < 1 || col < 1 || row > this.nr || col > this.nc) throw new Error('Cell reference out of range');
    return rangeOf(this.env, this.s, this.r + row - 1, this.c + col - 1, 1, 1);
  }
  offset(rowOffset: number, colOffset: number, rows = this.nr, cols = this.nc) {
    return boundedRange(this.env, this.s, this.r + rowOffset, this.c + colOffset, rows, cols);
  }
  getDataRegion() {
    return this;
  }
  isBlank() {
    return this.read((cell) => !cell || (cell.v === null && !cell.f)).every((row) => row.every(Boolean));
  }
  activate() {
    this.env.engine.call('sheetsOther');
    this.env.book.activeSheetId = this.s.id;
    this.env.book.activeRange = { sheetId: this.s.id, range: this.grid() };
    return this;
  }
  activateAsCurrentCell() {
    return this.activate();
  }
  merge() {
    return this.writeEach(() => undefined);
  }

  // ---- sort / filter ----
  sort(spec: unknown) {
    this.env.engine.call('sheetsWrite', this.cells, 'write');
    const specs = (Array.isArray(spec) ? spec : [spec]).map((x) =>
      typeof x === 'number'
        ? { col: x - 1, ascending: true }
        : {
            col: Number((x as { column: number }).column) - 1,
            ascending: (x as { ascending?: boolean }).ascending !== false,
          },
    );
    for (const sp of specs)
      if (sp.col < this.c || sp.col >= this.c + this.nc)
        throw new Error('The sort column must be within the range being sorted.');
    this.s.sortRange(this.grid(), specs);
    return this;
  }
  createFilter() {
    this.env.engine.call('sheetsWrite');
    if (this.s.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.s.filter = { range: this.grid(), sortSpecs: [], criteria: {} };
    return expose(this.env.engine, new Filter(this.env, this.s));
  }
  getFilter() {
    return this.getSheet().getFilter();
  }

  // ---- developer metadata ----
  private metadataLocation(): MetadataLocation {
    const s = this.s;
    const wholeCols = this.r === 0 && this.nr === s.maxRows;
    const wholeRows = this.c === 0 && this.nc === s.maxCols;
    if (wholeCols) return { locationType: 'COLUMN', sheetId: s.id, start: this.c, end: this.c + this.nc };
    if (wholeRows) return { locationType: 'ROW', sheetId: s.id, start: this.r, end: this.r + this.nr };
    throw new Error(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
  }
  addDeveloperMetadata(key: string, value?: string, visibility?: string) {
    this.env.engine.call('sheetsWrite');
    addMetadataChecked(this.env, key, value, visibility, this.metadataLocation());
    return this;
  }
  getDeveloperMetadata() {
    this.env.engine.call('sheetsOther');
    const loc = this.metadataLocationOrNull();
    return this.env.realm.list(
      this.env.book.metadata
        .filter(
          (m) =>
            loc &&
            m.location.sheetId === loc.sheetId &&
            m.location.locationType === loc.locationType &&
            m.location.start === loc.start &&
            m.location.end === loc.end,
        )
        .map((m) => metadataObj(this.env, m)),
    );
  }
  private metadataLocationOrNull(): MetadataLocation | null {
    try {
      return this.metadataLocation();
    } catch {
      return null;
    }
  }
  createDeveloperMetadataFinder() {
    this.env.engine.call('sheetsOther');
    const g = this.grid();
    const sheetId = this.s.id;
    const exact = this.metadataLocationOrNull();
    return expose(
      this.env.engine,
      new DeveloperMetadataFinder(
        this.env,
        (m) =>
          !!exact &&
          m.location.sheetId === sheetId &&
          m.location.locationType === exact.locationType &&
          m.location.start === exact.start &&
          m.location.end === exact.end,
        (m) => {
          const l = m.location;
          if (l.sheetId !== sheetId) return false;
          if (l.locationType === 'SHEET') return true;
          if (l.locationType === 'COLUMN') return l.start! < g.endCol && l.end! > g.startCol;
          if (l.locationType === 'ROW') return l.start! < g.endRow && l.end! > g.startRow;
          return false;
        },
      ),
    );
  }
  protect() {
    return expose(this.env.engine, new Protection());
  }
}
