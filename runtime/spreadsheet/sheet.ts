// SpreadsheetApp.Sheet over one tab of the model.
import { expose } from '../bridge';
import { normColor, type SheetsEnv, writeCell } from './common';
import { ConditionalFormatRule, ruleModel } from './conditional-format';
import { Filter } from './filter';
import { DeveloperMetadataFinder, metadataObj } from './metadata';
import { type GridRange, type SheetModel } from '../model';
import { boundedRange, live, rangeFromA1, rangeOf, spreadsheetOf } from './objects';
import { modelOfRange, Range } from './range';
import { RangeList } from './range-list';
import { addMetadataChecked } from './spreadsheet';
import { displayValue } from '../values';

export const sheetModels = new WeakMap<object, SheetModel>();
export function modelOfSheet(sheet: Sheet): SheetModel {
  const m = sheetModels.get(sheet as object) ?? (sheet as unknown as { model?: SheetModel }).model;
  if (!m) throw new Error('Invalid argument: sheet');
  return m;
}

export class Sheet {
  constructor(
    private env: SheetsEnv,
    readonly model: SheetModel,
  ) {}
  private get s() {
    return live(this.env, this.model);
  }
  private other() {
    this.env.engine.call('sheetsOther');
  }
  private write(cells = 0) {
    this.env.engine.call('sheetsWrite', cells, 'write');
  }
  getName() {
    this.other();
    return this.s.name;
  }
  setName(name: string) {
    this.write();
    const n = String(name);
    if (this.env.book.sheets.some((x) => x !== this.s && x.name.toLowerCase() === n.toLowerCase()))
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this.s.name = n;
    return this;
  }
  getSheetId() {
    return this.s.id;
  }
  getIndex() {
    this.other();
    return this.s.index + 1;
  }
  getParent() {
    return spreadsheetOf(this.env);
  }
  getType() {
    return 'GRID';
  }
  getRange(a: number | string, col?: number, rows = 1, cols = 1): Range {
    this.other();
    if (typeof a === 'string') return rangeFromA1(this.env, this.s, a);
    if (col === undefined)
      throw new Error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return boundedRange(this.env, this.s, Number(a) - 1, Number(col) - 1, Number(rows), Number(cols));
  }
  getRangeList(a1s: string[]) {
    this.other();
    return expose(this.env.engine, new RangeList(a1s.map((x) => rangeFromA1(this.env, this.s, x))));
  }
  getDataRange(): Range {
    this.other();
    return rangeOf(this.env, this.s, 0, 0, Math.max(1, this.s.lastRow()), Math.max(1, this.s.lastColumn()));
  }
  getSheetValues(row: number, col: number, rows: number, cols: number) {
    const nr = rows === -1 ? this.s.lastRow() - row + 1 : rows;
    const nc = cols === -1 ? this.s.lastColumn() - col + 1 : cols;
    return this.getRange(row, col, nr, nc).getValues();
  }
  getLastRow() {
    this.other();
    return this.s.lastRow();
  }
  getLastColumn() {
    this.other();
    return this.s.lastColumn();
  }
  getMaxRows() {
    this.other();
    return this.s.maxRows;
  }
  getMaxColumns() {
    this.other();
    return this.s.maxCols;
  }
  private checkPos(pos: number, dim: 'ROWS' | 'COLUMNS', allowEnd = false) {
    const max = dim === 'ROWS' ? this.s.maxRows : this.s.maxCols;
    if (!Number.isInteger(pos) || pos < 1 || pos > max + (allowEnd ? 1 : 0))
      throw new Error(dim === 'ROWS' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
  }
  private count(n: unknown) {
    const c = n === undefined ? 1 : Number(n);
    if (!Number.isInteger(c) || c < 1) throw new Error('The number of rows or columns must be at least 1.');
    return c;
  }
  insertRowsAfter(after: number, n: number) {
    this.write();
    this.checkPos(after, 'ROWS');
    this.s.insert('ROWS', after, this.count(n));
    return this;
  }
  insertRowsBefore(before: number, n: number) {
    this.write();
    this.checkPos(before, 'ROWS');
    this.s.insert('ROWS', before - 1, this.count(n));
    return this;
  }
  insertRows(before: number, n?: number) {
    this.write();
    this.checkPos(before, 'ROWS');
    this.s.insert('ROWS', before - 1, this.count(n));
  }
  insertRowAfter(after: number) {
    return this.insertRowsAfter(after, 1);
  }
  insertRowBefore(before: number) {
    return this.insertRowsBefore(before, 1);
  }
  insertColumnsAfter(after: number, n: number) {
    this.write();
    this.checkPos(after, 'COLUMNS');
    this.s.insert('COLUMNS', after, this.count(n));
    return this;
  }
  insertColumnsBefore(before: number, n: number) {
    this.write();
    this.checkPos(before, 'COLUMNS');
    this.s.insert('COLUMNS', before - 1, this.count(n));
    return this;
  }
  insertColumns(before: number, n?: number) {
    this.write();
    this.checkPos(before, 'COLUMNS');
    this.s.insert('COLUMNS', before - 1, this.count(n));
  }
  insertColumnAfter(after: number) {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumnBefore(before: number) {
    return this.insertColumnsBefore(before, 1);
  }
  deleteRow(pos: number) {
    return this.deleteRows(pos, 1);
  }
  deleteRows(pos: number, n: number) {
    this.write();
    this.checkPos(pos, 'ROWS');
    this.s.delete('ROWS', pos - 1, this.count(n));
    return this;
  }
  deleteColumn(pos: number) {
    return this.deleteColumns(pos, 1);
  }
  deleteColumns(pos: number, n: number) {
    this.write();
    this.checkPos(pos, 'COLUMNS');
    this.s.delete('COLUMNS', pos - 1, this.count(n));
    return this;
  }
  moveColumns(spec: Range, destinationIndex: number) {
    this.write();
    const r = modelOfRange(spec);
    this.checkPos(destinationIndex, 'COLUMNS', true);
    this.s.move('COLUMNS', r.c, r.nc, destinationIndex - 1);
  }
  moveRows(spec: Range, destinationIndex: number) {
    this.write();
    const r = modelOfRange(spec);
    this.checkPos(destinationIndex, 'ROWS', true);
    this.s.move('ROWS', r.r, r.nr, destinationIndex - 1);
  }
  hideColumns(col: number, n = 1) {
    this.write();
    this.checkPos(col, 'COLUMNS');
    for (let i = col - 1; i < col - 1 + n; i++) this.s.hiddenCols[i] = true;
  }
  hideColumn(range: Range) {
    const r = modelOfRange(range);
    this.hideColumns(r.c + 1, r.nc);
  }
  showColumns(col: number, n = 1) {
    this.write();
    this.checkPos(col, 'COLUMNS');
    for (let i = col - 1; i < col - 1 + n; i++) this.s.hiddenCols[i] = false;
  }
  unhideColumn(range: Range) {
    const r = modelOfRange(range);
    this.showColumns(r.c + 1, r.nc);
  }
  isColumnHiddenByUser(col: number) {
    this.other();
    return Boolean(this.s.hiddenCols[col - 1]);
  }
  hideRows(row: number, n = 1) {
    this.write();
    this.checkPos(row, 'ROWS');
    for (let i = row - 1; i < row - 1 + n; i++) this.s.hiddenRows[i] = true;
  }
  showRows(row: number, n = 1) {
    this.write();
    for (let i = row - 1; i < row - 1 + n; i++) this.s.hiddenRows[i] = false;
  }
  isRowHiddenByUser(row: number) {
    this.other();
    return Boolean(this.s.hiddenRows[row - 1]);
  }
  setColumnWidth(col: number, width: number) {
    return this.setColumnWidths(col, 1, width);
  }
  setColumnWidths(col: number, n: number, width: number) {
    this.write();
    this.checkPos(col, 'COLUMNS');
    for (let i = col - 1; i < col - 1 + n; i++) this.s.colWidths[i] = width;
    return this;
  }
  getColumnWidth(col: number) {
    this.other();
    return this.s.colWidths[col - 1] ?? 100;
  }
  setRowHeight(row: number, h: number) {
    this.write();
    this.s.rowHeights[row - 1] = h;
    return this;
  }
  getRowHeight(row: number) {
    this.other();
    return this.s.rowHeights[row - 1] ?? 21;
  }
  autoResizeColumns(col: number, n: number) {
    this.write();
    for (let i = col - 1; i < col - 1 + n; i++) {
      let longest = 0;
      for (const row of this.s.rows) {
        const cell = row?.[i];
        if (cell) longest = Math.max(longest, displayValue(cell, this.env.book.locale).length);
      }
      this.s.colWidths[i] = Math.max(20, Math.min(1000, longest * 7 + 12));
    }
    return this;
  }
  autoResizeColumn(col: number) {
    return this.autoResizeColumns(col, 1);
  }
  setFrozenRows(n: number) {
    this.write();
    if (n < 0 || n >= this.s.maxRows) throw new Error('Those rows are out of bounds.');
    this.s.frozenRows = n;
  }
  getFrozenRows() {
    this.other();
    return this.s.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.write();
    if (n < 0 || n >= this.s.maxCols) throw new Error('Those columns are out of bounds.');
    this.s.frozenCols = n;
  }
  getFrozenColumns() {
    this.other();
    return this.s.frozenCols;
  }
  getFilter() {
    this.other();
    return this.s.filter ? expose(this.env.engine, new Filter(this.env, this.s)) : null;
  }
  sort(col: number, ascending = true) {
    this.write();
    const s = this.s;
    const last = s.lastRow();
    if (last > s.frozenRows)
      s.sortRange({ startRow: s.frozenRows, endRow: last, startCol: 0, endCol: s.maxCols }, [
        { col: col - 1, ascending },
      ]);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    this.write();
    clearCells(
      this.s,
      { startRow: 0, endRow: this.s.maxRows, startCol: 0, endCol: this.s.maxCols },
      options?.contentsOnly ? 'content' : options?.formatOnly ? 'format' : 'all',
    );
    return this;
  }
  clearContents() {
    return this.clear({ contentsOnly: true });
  }
  clearFormats() {
    return this.clear({ formatOnly: true });
  }
  clearNotes() {
    this.write();
    for (const row of this.s.rows) if (row) for (const cell of row) if (cell) delete cell.note;
    return this;
  }
  getConditionalFormatRules() {
    this.other();
    return this.env.realm.list(
      this.s.conditionalRules.map((r) => expose(this.env.engine, new ConditionalFormatRule(this.env, r))),
    );
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]) {
    this.write();
    if (!Array.isArray(rules)) throw new Error('Invalid argument: rules');
    this.s.conditionalRules = rules.map((r) => structuredClone(ruleModel(r)));
  }
  clearConditionalFormatRules() {
    this.write();
    this.s.conditionalRules = [];
  }
  activate() {
    this.other();
    this.env.book.activeSheetId = this.s.id;
    return this;
  }
  showSheet() {
    this.write();
    this.s.hidden = false;
    return this;
  }
  hideSheet() {
    this.write();
    this.s.hidden = true;
    return this;
  }
  isSheetHidden() {
    this.other();
    return this.s.hidden;
  }
  setTabColor(color: string | null) {
    this.write();
    this.s.tabColor = normColor(color);
    return this;
  }
  getTabColor() {
    this.other();
    return this.s.tabColor;
  }
  appendRow(values: unknown[]) {
    if (!Array.isArray(values))
      throw new Error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    this.write(values.length);
    const s = this.s;
    const row = s.lastRow();
    if (row >= s.maxRows) s.insert('ROWS', s.maxRows, 1);
    if (values.length > s.maxCols) s.insert('COLUMNS', s.maxCols, values.length - s.maxCols);
    values.forEach((v, c) => writeCell(this.env.book, s, row, c, v));
    return this;
  }
  addDeveloperMetadata(key: string, value?: string, visibility?: string) {
    this.write();
    addMetadataChecked(this.env, key, value, visibility, { locationType: 'SHEET', sheetId: this.s.id });
    return this;
  }
  getDeveloperMetadata() {
    this.other();
    return this.env.realm.list(
      this.env.book.metadata
        .filter((m) => m.location.locationType === 'SHEET' && m.location.sheetId === this.s.id)
        .map((m) => metadataObj(this.env, m)),
    );
  }
  createDeveloperMetadataFinder() {
    this.other();
    const id = this.s.id;
    return expose(this.env.engine, new DeveloperMetadataFinder(this.env, (m) => m.location.sheetId === id));
  }
  newChart() {
    throw new Error('Charts are not supported by the local runtime.');
  }
  protect() {
    this.other();
    return expose(this.env.engine, new Protection());
  }
  getProtections() {
    return [];
  }
}

export class Protection {
  private description = '';
  private warningOnly = false;
  setDescription(d: string) {
    this.description = d;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setWarningOnly(w: boolean) {
    this.warningOnly = w;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  remove() {}
}

export function clearCells(
  s: SheetModel,
  g: GridRange,
  what: 'content' | 'format' | 'all' | 'note' | 'validation',
) {
  for (let r = g.startRow; r < Math.min(g.endRow, s.rows.length); r++) {
    const row = s.rows[r];
    if (!row) continue;
    for (let c = g.startCol; c < Math.min(g.endCol, row.length); c++) {
      const cell = row[c];
      if (!cell) continue;
      if (what === 'content' || what === 'all') {
        cell.v = null;
        delete cell.f;
      }
      if (what === 'format' || what === 'all') {
        delete cell.nf;
        delete cell.fmt;
      }
      if (what === 'note') delete cell.note;
      if (what === 'validation') delete cell.validation;
    }
  }
}
