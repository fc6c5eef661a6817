// SpreadsheetApp.Spreadsheet over the in-memory book.
import { parseA1 } from '../a1';
import { expose } from '../bridge';
import { type SheetsEnv } from './common';
import { DeveloperMetadataFinder, DeveloperMetadataObj, metadataObj } from './metadata';
import { type MetadataLocation } from '../model';
import { rangeFromA1, rangeOf, sheetOf } from './objects';
import { Range } from './range';
import { RangeList } from './range-list';
import { modelOfSheet, Sheet } from './sheet';
import { connectedSheets } from '../bigquery/connected-sheets';

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
  /** Connected Sheets (runtime/bigquery/connected-sheets.ts). */
  insertDataSourceSheet(spec: unknown): unknown {
    return connectedSheets(this.env, () => this.env.bigquery).insertDataSourceSheet(spec);
  }
  getDataSources(): unknown {
    return connectedSheets(this.env, () => this.env.bigquery).getDataSources();
  }
  getDataSourceSheets(): unknown {
    return connectedSheets(this.env, () => this.env.bigquery).getDataSourceSheets();
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

export function addMetadataChecked(
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
