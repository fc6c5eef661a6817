// One script object per model object (Sheets hands back the same Sheet for the same tab), and
// range construction with Sheets' bounds checks.
import { parseA1 } from '../a1';
import { expose } from '../bridge';
import { type SheetsEnv } from './common';
import { type SheetModel, type SpreadsheetModel } from '../model';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';

export const books = new WeakMap<SpreadsheetModel, Spreadsheet>();
export function spreadsheetOf(env: SheetsEnv): Spreadsheet {
  let s = books.get(env.book);
  if (!s) {
    s = expose(env.engine, new Spreadsheet(env));
    books.set(env.book, s);
  }
  return s;
}

export const sheetObjects = new WeakMap<SheetModel, Sheet>();
export function sheetOf(env: SheetsEnv, model: SheetModel): Sheet {
  let s = sheetObjects.get(model);
  if (!s) {
    s = expose(env.engine, new Sheet(env, model));
    sheetObjects.set(model, s);
  }
  return s;
}

export function rangeOf(
  env: SheetsEnv,
  sheet: SheetModel,
  r: number,
  c: number,
  nr: number,
  nc: number,
): Range {
  return expose(env.engine, new Range(env, sheet, r, c, nr, nc));
}

export function live(env: SheetsEnv, sheet: SheetModel): SheetModel {
  if (!env.book.sheets.includes(sheet)) throw new Error('The sheet has been deleted.');
  return sheet;
}

/** Resolves A1 within a sheet into a Range, throwing for out-of-bounds references like Sheets. */
export function rangeFromA1(env: SheetsEnv, sheet: SheetModel, text: string): Range {
  const ref = parseA1(text);
  if (!ref || ref.sheet !== undefined) throw new Error(`Range not found`);
  const r = ref.startRow! - 1;
  const c = ref.startCol! - 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  return boundedRange(env, sheet, r, c, endRow - r, endCol - c);
}

export function boundedRange(
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
