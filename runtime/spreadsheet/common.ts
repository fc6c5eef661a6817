// What every SpreadsheetApp object shares: its environment, cell writes and colour parsing.
import { type RealmTools } from '../bridge';
import { type Engine } from '../execution';
import { type SheetModel, type SpreadsheetModel } from '../model';
import { type UiState } from '../ui';
import type { BigQueryModel } from '../bigquery/model';
import { parseInput } from '../values';

export interface SheetsEnv {
  engine: Engine;
  book: SpreadsheetModel;
  realm: RealmTools;
  ui: UiState;
  /** The BigQuery projects Connected Sheets reaches (runtime/bigquery). */
  bigquery?: BigQueryModel;
}

export const enumOf = (names: string[]) => {
  const o: Record<string, string> = {};
  for (const n of names) o[n] = n;
  return Object.freeze(o);
};

export function checkDims(values: unknown, rows: number, cols: number): unknown[][] {
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

export const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
export const COLOR_NAMES: Record<string, string> = {
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
