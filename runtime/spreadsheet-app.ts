// SpreadsheetApp over the in-memory model. Every call is charged as a read, a write or "other"
// (metadata) round trip, with cells counted from range sizes.
import { parseA1, quoteSheet, a1 } from './a1';
import { expose, type RealmTools } from './bridge';
import type { Engine } from './execution';
import {
  type ConditionalRule,
  type DeveloperMetadata,
  type GridRange,
  type MetadataLocation,
  type RuleFormat,
  type SheetModel,
  type SpreadsheetModel,
} from './model';
import { displayValue, parseInput, type Cell, type CellFormat } from './values';
import type { UiState } from './ui';

export interface SheetsEnv {
  engine: Engine;
  book: SpreadsheetModel;
  realm: RealmTools;
  ui: UiState;
}

const enumOf = (names: string[]) => {
  const o: Record<string, string> = {};
  for (const n of names) o[n] = n;
  return Object.freeze(o);
};

function checkDims(values: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(values))
    throw new Error(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  if (values.length !== rows)
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rows}.`,
    );
  for (const row of values) {
    if (!Array.isArray(row))
      throw new Error(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    if (row.length !== cols)
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`,
      );
  }
  return values as unknown[][];
}

/** Writes one typed value into a cell, keeping its format, note and validation. */
export function writeCell(
  book: SpreadsheetModel,
  sheet: SheetModel,
  r: number,
  c: number,
  input: unknown,
): void {
  const cell = sheet.ensure(r, c);
  const parsed = parseInput(input, cell.nf, book.timeZone, book.locale);
  cell.v = parsed.v;
  if (parsed.f) cell.f = parsed.f;
  else delete cell.f;
  if (parsed.nf && (!cell.nf || cell.nf === 'General')) cell.nf = parsed.nf;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const COLOR_NAMES: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  gray: '#808080',
  grey: '#808080',
  orange: '#ffa500',
};
export function normColor(c: unknown): string | null {
  if (c === null || c === undefined || c === '') return null;
  const s = String(c).toLowerCase();
  if (HEX.test(s)) return s.length === 4 ? `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}` : s;
  if (COLOR_NAMES[s]) return COLOR_NAMES[s];
  throw new Error(`Invalid color: ${String(c)}`);
}

export class SpreadsheetAppService {
  readonly Dimension = enumOf(['COLUMNS', 'ROWS']);
  readonly BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
  readonly WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
  readonly DataValidationCriteria = enumOf([
    'CHECKBOX',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'NUMBER_BETWEEN',
    'DATE_IS_VALID_DATE',
  ]);
  readonly DeveloperMetadataVisibility = enumOf(['DOCUMENT', 'PROJECT']);
  readonly DeveloperMetadataLocationType = enumOf(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
  readonly BooleanCriteria = enumOf([
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'TEXT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH',
    'CUSTOM_FORMULA',
    'NUMBER_GREATER_THAN',
    'NUMBER_LESS_THAN',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
  ]);
  readonly ProtectionType = enumOf(['RANGE', 'SHEET']);
  readonly SheetType = enumOf(['GRID', 'OBJECT']);
  readonly CopyPasteType = enumOf(['PASTE_NORMAL', 'PASTE_VALUES', 'PASTE_FORMAT']);

  constructor(private env: SheetsEnv) {}

  getActiveSpreadsheet(): Spreadsheet {
    this.env.engine.requireAuth('SpreadsheetApp.getActiveSpreadsheet', {
      scopes: ['spreadsheets.currentonly', 'spreadsheets'],
    });
    this.env.engine.call('sheetsOther');
    return spreadsheetOf(this.env);
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet {
    return this.getActiveSpreadsheet().getActiveSheet();
  }

  getActiveRange(): Range | null {
    return this.getActiveSpreadsheet().getActiveRange();
  }

  getUi(): unknown {
    const ex = this.env.engine.current;
    if (ex && !this.env.engine.userMode && ex.trigger === 'time')
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    this.env.engine.requireAuth('SpreadsheetApp.getUi', { noneOk: true, scopes: ['script.container.ui'] });
    return this.env.ui.api();
  }

  flush(): void {
    this.env.engine.call('sheetsOther');
  }

  openById(id: string): Spreadsheet {
    this.env.engine.requireAuth('SpreadsheetApp.openById', {
      limitedOk: false,
      simpleOk: false,
      scopes: ['spreadsheets'],
    });
    this.env.engine.call('sheetsOther');
    if (id === this.env.book.id) return spreadsheetOf(this.env);
    throw new Error(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return expose(this.env.engine, new ConditionalFormatRuleBuilder(this.env));
  }

  newDataValidation(): DataValidationBuilder {
    return expose(this.env.engine, new DataValidationBuilder());
  }

  newRichTextValue(): RichTextBuilder {
    return expose(this.env.engine, new RichTextBuilder());
  }

  newFilterCriteria(): FilterCriteriaBuilder {
    return expose(this.env.engine, new FilterCriteriaBuilder());
  }
}

const books = new WeakMap<SpreadsheetModel, Spreadsheet>();
function spreadsheetOf(env: SheetsEnv): Spreadsheet {
  let s = books.get(env.book);
  if (!s) {
    s = expose(env.engine, new Spreadsheet(env));
    books.set(env.book, s);
  }
  return s;
}

const sheetObjects = new WeakMap<SheetModel, Sheet>();
export function sheetOf(env: SheetsEnv, model: SheetModel): Sheet {
  let s = sheetObjects.get(model);
  if (!s) {
    s = expose(env.engine, new Sheet(env, model));
    sheetObjects.set(model, s);
  }
  return s;
}

function rangeOf(env: SheetsEnv, sheet: SheetModel, r: number, c: number, nr: number, nc: number): Range {
  return expose(env.engine, new Range(env, sheet, r, c, nr, nc));
}

function live(env: SheetsEnv, sheet: SheetModel): SheetModel {
  if (!env.book.sheets.includes(sheet)) throw new Error('The sheet has been deleted.');
  return sheet;
}

/** Resolves A1 within a sheet into a Range, throwing for out-of-bounds references like Sheets. */
function rangeFromA1(env: SheetsEnv, sheet: SheetModel, text: string): Range {
  const ref = parseA1(text);
  if (!ref || ref.sheet !== undefined) throw new Error(`Range not found`);
  const r = ref.startRow! - 1;
  const c = ref.startCol! - 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  return boundedRange(env, sheet, r, c, endRow - r, endCol - c);
}

function boundedRange(
  env: SheetsEnv,
  sheet: SheetModel,
  r: number,
  c: number,
  nr: number,
  nc: number,
): Range {
  if (!Number.isInteger(r) || !Number.isInteger(c) || !Number.isInteger(nr) || !Number.isInteger(nc))
    throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
  if (r < 0) throw new Error('The starting row of the range is too small.');
  if (c < 0) throw new Error('The starting column of the range is too small.');
  if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (r + nr > sheet.maxRows) throw new Error('Those rows are out of bounds.');
  if (c + nc > sheet.maxCols) throw new Error('Those columns are out of bounds.');
  return rangeOf(env, sheet, r, c, nr, nc);
}

export class Spreadsheet {
  constructor(private env: SheetsEnv) {}
  private get book() {
    return this.env.book;
  }
  private other() {
    this.env.engine.call('sheetsOther');
  }
  getId() {
    return this.book.id;
  }
  getName() {
    this.other();
    return this.book.name;
  }
  rename(name: string) {
    this.env.engine.call('sheetsWrite');
    this.book.name = String(name);
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`;
  }
  getSheets(): Sheet[] {
    this.other();
    return this.env.realm.list(this.book.sheets.map((s) => sheetOf(this.env, s)));
  }
  getNumSheets() {
    this.other();
    return this.book.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    this.other();
    const s = this.book.byName(String(name));
    return s ? sheetOf(this.env, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    this.other();
    const s = this.book.byId(Number(id));
    return s ? sheetOf(this.env, s) : null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    this.env.engine.call('sheetsWrite');
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else {
      name = nameOrIndex;
      at = index;
    }
    const s = this.book.addSheet(name, at);
    this.book.activeSheetId = s.id;
    return sheetOf(this.env, s);
  }
  deleteSheet(sheet: Sheet) {
    this.env.engine.call('sheetsWrite');
    this.book.deleteSheet(modelOfSheet(sheet));
  }
  getActiveSheet(): Sheet {
    this.other();
    return sheetOf(this.env, this.book.activeSheet());
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.other();
    this.book.activeSheetId = modelOfSheet(sheet).id;
    return sheet;
  }
  getActiveRange(): Range | null {
    this.other();
    const a = this.book.activeRange;
    const sheet = a && this.book.byId(a.sheetId);
    if (!a || !sheet) return null;
    const g = a.range;
    return rangeOf(this.env, sheet, g.startRow, g.startCol, g.endRow - g.startRow, g.endCol - g.startCol);
  }
  getActiveRangeList(): unknown {
    const r = this.getActiveRange();
    return r ? expose(this.env.engine, new RangeList([r])) : null;
  }
  getSelection(): unknown {
    const range = this.getActiveRange();
    const sheet = this.getActiveSheet();
    return expose(this.env.engine, {
      getActiveRange: () => range,
      getActiveRangeList: () => (range ? expose(this.env.engine, new RangeList([range])) : null),
      getActiveSheet: () => sheet,
      getCurrentCell: () => (range ? range.getCell(1, 1) : null),
    });
  }
  getActiveCell(): Range | null {
    const r = this.getActiveRange();
    return r ? r.getCell(1, 1) : null;
  }
  toast(message: unknown, title?: unknown, seconds?: number) {
    this.other();
    this.env.ui.toasts.push({
      message: String(message ?? ''),
      title: title == null ? '' : String(title),
      seconds: seconds ?? 5,
    });
  }
  getSpreadsheetTimeZone() {
    this.other();
    return this.book.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.env.engine.call('sheetsWrite');
    this.book.timeZone = tz;
  }
  getSpreadsheetLocale() {
    this.other();
    return this.book.locale;
  }
  getRange(a1text: string): Range {
    this.other();
    const ref = parseA1(String(a1text));
    if (!ref) throw new Error(`Range not found`);
    const sheet = ref.sheet !== undefined ? this.book.byName(ref.sheet) : this.book.activeSheet();
    if (!sheet) throw new Error(`Range not found`);
    const cells = String(a1text).includes('!')
      ? String(a1text).slice(String(a1text).lastIndexOf('!') + 1)
      : String(a1text);
    return rangeFromA1(this.env, sheet, cells);
  }
  getSheetValues(row: number, col: number, rows: number, cols: number) {
    return this.getActiveSheet().getSheetValues(row, col, rows, cols);
  }
  flush() {
    this.other();
  }
  getDeveloperMetadata(): DeveloperMetadataObj[] {
    this.other();
    return this.env.realm.list(
      this.env.book.metadata
        .filter((m) => m.location.locationType === 'SPREADSHEET')
        .map((m) => metadataObj(this.env, m)),
    );
  }
  addDeveloperMetadata(key: string, value?: string | null, visibility?: string): Spreadsheet {
    this.env.engine.call('sheetsWrite');
    addMetadataChecked(this.env, key, value, visibility, { locationType: 'SPREADSHEET' });
    return this;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    this.other();
    return expose(this.env.engine, new DeveloperMetadataFinder(this.env, () => true));
  }
  getOwner() {
    return null;
  }
  getEditors() {
    return [];
  }
}

function addMetadataChecked(
  env: SheetsEnv,
  key: unknown,
  value: unknown,
  visibility: unknown,
  loc: MetadataLocation,
) {
  const k = String(key);
  if (!k) throw new Error('Invalid argument: key');
  if (k.length > 256 || String(value ?? '').length > 256 * 1024)
    throw new Error('Developer metadata key or value is too long.');
  const vis = visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
  return env.book.addMetadata(k, value === undefined || value === null ? null : String(value), loc, vis);
}

const sheetModels = new WeakMap<object, SheetModel>();
function modelOfSheet(sheet: Sheet): SheetModel {
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

class Protection {
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

function clearCells(s: SheetModel, g: GridRange, what: 'content' | 'format' | 'all' | 'note' | 'validation') {
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

const rangeModels = new WeakMap<
  object,
  { sheet: SheetModel; r: number; c: number; nr: number; nc: number }
>();
function modelOfRange(range: Range) {
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

type Grid<T> = T[][];

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

export class RangeList {
  constructor(private ranges: Range[]) {}
  getRanges() {
    return this.ranges;
  }
  activate() {
    this.ranges.forEach((r) => r.activate());
    return this;
  }
  clearContent() {
    this.ranges.forEach((r) => r.clearContent());
    return this;
  }
  setValue(v: unknown) {
    this.ranges.forEach((r) => r.setValue(v));
    return this;
  }
  setNumberFormat(nf: string) {
    this.ranges.forEach((r) => r.setNumberFormat(nf));
    return this;
  }
  setBackground(c: string) {
    this.ranges.forEach((r) => r.setBackground(c));
    return this;
  }
  setFontWeight(w: string) {
    this.ranges.forEach((r) => r.setFontWeight(w));
    return this;
  }
}

export class Filter {
  constructor(
    private env: SheetsEnv,
    private sheet: SheetModel,
  ) {}
  private get f() {
    const f = this.sheet.filter;
    if (!f) throw new Error('The filter has been removed.');
    return f;
  }
  getRange() {
    this.env.engine.call('sheetsOther');
    const g = this.f.range;
    return rangeOf(
      this.env,
      this.sheet,
      g.startRow,
      g.startCol,
      g.endRow - g.startRow,
      g.endCol - g.startCol,
    );
  }
  remove() {
    this.env.engine.call('sheetsWrite');
    this.sheet.filter = null;
  }
  sort(col: number, ascending: boolean) {
    this.env.engine.call('sheetsWrite');
    const g = this.f.range;
    this.sheet.sortRange({ ...g, startRow: g.startRow + 1 }, [{ col: col - 1, ascending }]);
    this.f.sortSpecs = [{ dimensionIndex: col - 1, sortOrder: ascending ? 'ASCENDING' : 'DESCENDING' }];
    return this;
  }
  setColumnFilterCriteria(col: number, criteria: unknown) {
    this.env.engine.call('sheetsWrite');
    if (criteria === null) delete this.f.criteria[col - 1];
    else this.f.criteria[col - 1] = (criteria as { spec?: unknown }).spec ?? criteria;
    return this;
  }
  removeColumnFilterCriteria(col: number) {
    return this.setColumnFilterCriteria(col, null);
  }
  getColumnFilterCriteria(col: number) {
    this.env.engine.call('sheetsOther');
    const c = this.f.criteria[col - 1];
    return c ? this.env.realm.toScript(c) : null;
  }
}

class FilterCriteriaBuilder {
  spec: Record<string, unknown> = {};
  setHiddenValues(values: string[]) {
    this.spec.hiddenValues = [...values];
    return this;
  }
  whenTextEqualTo(t: string) {
    this.spec.condition = { type: 'TEXT_EQ', values: [t] };
    return this;
  }
  whenCellNotEmpty() {
    this.spec.condition = { type: 'NOT_BLANK', values: [] };
    return this;
  }
  build() {
    return { spec: { ...this.spec } };
  }
}

// ---- conditional formatting ----
function ruleModel(rule: unknown): ConditionalRule {
  const m = (rule as { model?: ConditionalRule }).model;
  if (!m) throw new Error('Invalid argument: rules');
  return m;
}

export class ConditionalFormatRule {
  constructor(
    private env: SheetsEnv,
    readonly model: ConditionalRule,
  ) {}
  getRanges() {
    return this.env.realm.list(
      this.model.ranges.map((g) => {
        const s =
          this.env.book.sheets.find((x) => x.conditionalRules.includes(this.model)) ??
          this.env.book.activeSheet();
        return rangeOf(this.env, s, g.startRow, g.startCol, g.endRow - g.startRow, g.endCol - g.startCol);
      }),
    );
  }
  getBooleanCondition() {
    const m = this.model;
    return expose(this.env.engine, {
      getCriteriaType: () => CONDITION_TO_CRITERIA[m.condition.type] ?? m.condition.type,
      getCriteriaValues: () => this.env.realm.toScript([...m.condition.values]),
      getBackground: () => m.format.background ?? null,
      getFontColor: () => m.format.fontColor ?? null,
      getBold: () => m.format.bold ?? null,
      getItalic: () => m.format.italic ?? null,
    });
  }
  getGradientCondition() {
    return null;
  }
  copy() {
    const b = new ConditionalFormatRuleBuilder(this.env);
    b.model = structuredClone(this.model);
    return expose(this.env.engine, b);
  }
}

const CONDITION_TO_CRITERIA: Record<string, string> = {
  TEXT_EQ: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  BLANK: 'CELL_EMPTY',
  NOT_BLANK: 'CELL_NOT_EMPTY',
  NUMBER_GREATER: 'NUMBER_GREATER_THAN',
  NUMBER_LESS: 'NUMBER_LESS_THAN',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQ: 'NUMBER_EQUAL_TO',
};

export class ConditionalFormatRuleBuilder {
  model: ConditionalRule = { ranges: [], condition: { type: '', values: [] }, format: {} };
  constructor(private env: SheetsEnv) {}
  private when(type: string, values: unknown[] = []) {
    this.model.condition = { type, values: values.map(String) };
    return this;
  }
  whenTextEqualTo(t: string) {
    return this.when('TEXT_EQ', [t]);
  }
  whenTextContains(t: string) {
    return this.when('TEXT_CONTAINS', [t]);
  }
  whenTextStartsWith(t: string) {
    return this.when('TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string) {
    return this.when('TEXT_ENDS_WITH', [t]);
  }
  whenFormulaSatisfied(f: string) {
    if (!String(f).startsWith('=')) throw new Error('Invalid argument: formula must start with "="');
    return this.when('CUSTOM_FORMULA', [f]);
  }
  whenCellEmpty() {
    return this.when('BLANK');
  }
  whenCellNotEmpty() {
    return this.when('NOT_BLANK');
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS', [n]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('NUMBER_EQ', [n]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  setBackground(c: string | null) {
    this.model.format.background = normColor(c);
    return this;
  }
  setFontColor(c: string | null) {
    this.model.format.fontColor = normColor(c);
    return this;
  }
  setBold(b: boolean) {
    this.model.format.bold = Boolean(b);
    return this;
  }
  setItalic(b: boolean) {
    this.model.format.italic = Boolean(b);
    return this;
  }
  setStrikethrough(b: boolean) {
    this.model.format.strikethrough = Boolean(b);
    return this;
  }
  setRanges(ranges: Range[]) {
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    this.model.ranges = ranges.map((r) => {
      const g = modelOfRange(r);
      return { startRow: g.r, endRow: g.r + g.nr, startCol: g.c, endCol: g.c + g.nc };
    });
    return this;
  }
  getRanges() {
    return this.model.ranges;
  }
  build() {
    if (!this.model.condition.type) throw new Error('Conditional format rule must have a condition.');
    if (this.model.ranges.length === 0)
      throw new Error('Conditional format rule must have at least one range.');
    const format: RuleFormat = this.model.format;
    if (!Object.values(format).some((v) => v !== undefined && v !== null))
      throw new Error('Conditional format rule must have at least one format.');
    return expose(this.env.engine, new ConditionalFormatRule(this.env, structuredClone(this.model)));
  }
}

// ---- data validation ----
export interface ValidationSpec {
  type: string;
  values: string[];
  allowInvalid?: boolean;
  helpText?: string;
  showDropdown?: boolean;
}

export class DataValidation {
  constructor(readonly spec: ValidationSpec) {}
  getCriteriaType() {
    return this.spec.type;
  }
  getCriteriaValues() {
    return [...this.spec.values];
  }
  getAllowInvalid() {
    return this.spec.allowInvalid ?? true;
  }
  getHelpText() {
    return this.spec.helpText ?? null;
  }
  copy() {
    const b = new DataValidationBuilder();
    b.spec = { ...this.spec, values: [...this.spec.values] };
    return b;
  }
}

class DataValidationBuilder {
  spec: ValidationSpec = { type: '', values: [] };
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    this.spec = {
      ...this.spec,
      type: 'CHECKBOX',
      values: checked === undefined ? [] : [String(checked), String(unchecked ?? '')],
    };
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    this.spec = { ...this.spec, type: 'VALUE_IN_LIST', values: values.map(String), showDropdown };
    return this;
  }
  requireFormulaSatisfied(f: string) {
    this.spec = { ...this.spec, type: 'CUSTOM_FORMULA', values: [f] };
    return this;
  }
  requireNumberBetween(a: number, b: number) {
    this.spec = { ...this.spec, type: 'NUMBER_BETWEEN', values: [String(a), String(b)] };
    return this;
  }
  requireDate() {
    this.spec = { ...this.spec, type: 'DATE_IS_VALID_DATE', values: [] };
    return this;
  }
  setAllowInvalid(b: boolean) {
    this.spec.allowInvalid = Boolean(b);
    return this;
  }
  setHelpText(t: string) {
    this.spec.helpText = String(t);
    return this;
  }
  build() {
    if (!this.spec.type) throw new Error('Data validation rule must have a criteria.');
    return new DataValidation({ ...this.spec, values: [...this.spec.values] });
  }
}

class RichTextBuilder {
  private text = '';
  private link: string | null = null;
  setText(t: string) {
    this.text = String(t);
    return this;
  }
  setLinkUrl(...args: unknown[]) {
    this.link = String(args[args.length - 1]);
    return this;
  }
  setTextStyle() {
    return this;
  }
  build() {
    const text = this.text;
    const link = this.link;
    return { getText: () => text, getLinkUrl: () => link };
  }
}

// ---- developer metadata objects ----
export function metadataObj(env: SheetsEnv, m: DeveloperMetadata): DeveloperMetadataObj {
  return expose(env.engine, new DeveloperMetadataObj(env, m));
}

export class DeveloperMetadataObj {
  constructor(
    private env: SheetsEnv,
    private m: DeveloperMetadata,
  ) {}
  private get alive() {
    if (!this.env.book.metadata.includes(this.m)) throw new Error('The developer metadata has been removed.');
    return this.m;
  }
  getId() {
    return this.alive.id;
  }
  getKey() {
    return this.alive.key;
  }
  getValue() {
    return this.alive.value;
  }
  getVisibility() {
    return this.alive.visibility;
  }
  setKey(k: string) {
    this.env.engine.call('sheetsWrite');
    this.alive.key = String(k);
    return this;
  }
  setValue(v: string) {
    this.env.engine.call('sheetsWrite');
    this.alive.value = v === null ? null : String(v);
    return this;
  }
  setVisibility(v: string) {
    this.alive.visibility = v === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    return this;
  }
  remove() {
    this.env.engine.call('sheetsWrite');
    this.env.book.metadata = this.env.book.metadata.filter((x) => x !== this.m);
  }
  moveToColumn(range: Range) {
    this.env.engine.call('sheetsWrite');
    const g = modelOfRange(range);
    this.alive.location = { locationType: 'COLUMN', sheetId: g.sheet.id, start: g.c, end: g.c + g.nc };
    return this;
  }
  moveToRow(range: Range) {
    this.env.engine.call('sheetsWrite');
    const g = modelOfRange(range);
    this.alive.location = { locationType: 'ROW', sheetId: g.sheet.id, start: g.r, end: g.r + g.nr };
    return this;
  }
  moveToSheet(sheet: Sheet) {
    this.env.engine.call('sheetsWrite');
    this.alive.location = { locationType: 'SHEET', sheetId: modelOfSheet(sheet).id };
    return this;
  }
  getLocation() {
    const env = this.env;
    const l = this.alive.location;
    const sheet = l.sheetId === undefined ? undefined : env.book.byId(l.sheetId);
    return expose(env.engine, {
      getLocationType: () => l.locationType,
      getSpreadsheet: () => (l.locationType === 'SPREADSHEET' ? spreadsheetOf(env) : null),
      getSheet: () => (l.locationType === 'SHEET' && sheet ? sheetOf(env, sheet) : null),
      getColumn: () =>
        l.locationType === 'COLUMN' && sheet
          ? rangeOf(env, sheet, 0, l.start!, sheet.maxRows, l.end! - l.start!)
          : null,
      getRow: () =>
        l.locationType === 'ROW' && sheet
          ? rangeOf(env, sheet, l.start!, 0, l.end! - l.start!, sheet.maxCols)
          : null,
    });
  }
}

export class DeveloperMetadataFinder {
  private filters: ((m: DeveloperMetadata) => boolean)[] = [];
  private intersecting = false;
  constructor(
    private env: SheetsEnv,
    private scope: (m: DeveloperMetadata) => boolean,
    private intersectScope?: (m: DeveloperMetadata) => boolean,
  ) {}
  withKey(k: string) {
    this.filters.push((m) => m.key === k);
    return this;
  }
  withValue(v: string) {
    this.filters.push((m) => m.value === v);
    return this;
  }
  withId(id: number) {
    this.filters.push((m) => m.id === id);
    return this;
  }
  withLocationType(t: string) {
    this.filters.push((m) => m.location.locationType === String(t));
    return this;
  }
  withVisibility(v: string) {
    this.filters.push((m) => m.visibility === String(v));
    return this;
  }
  onIntersectingLocations() {
    this.intersecting = true;
    return this;
  }
  find() {
    this.env.engine.call('sheetsRead');
    const scope = this.intersecting && this.intersectScope ? this.intersectScope : this.scope;
    return this.env.realm.list(
      this.env.book.metadata
        .filter((m) => scope(m) && this.filters.every((f) => f(m)))
        .map((m) => metadataObj(this.env, m)),
    );
  }
}

export { quoteSheet, rangeModels, sheetModels };
