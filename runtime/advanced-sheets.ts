// The advanced Sheets service (global `Sheets`, Sheets API v4 shapes). Each method call is one round
// trip; batchUpdate is atomic like the real API. Values written with RAW are stored verbatim,
// USER_ENTERED values are parsed as if typed; writes beyond the grid expand it.
import { colToLetters, parseA1, quoteSheet } from './a1';
import { expose } from './bridge';
import type { DeveloperMetadata, GridRange, MetadataLocation, RuleFormat, SheetModel } from './model';
import { chartRequests, chartsToApi, pivotOf, setPivot } from './sheets-charts';
import { writeCell, type SheetsEnv } from './spreadsheet/common';
import {
  displayValue,
  isDateFormat,
  localeRules,
  MAX_CELL_CHARS,
  type Cell,
  type CellFormat,
} from './values';

type Json = Record<string, unknown>;

class ApiError extends Error {}

// ---------- helpers ----------
function hexToColor(hex: string | null | undefined): Json | undefined {
  if (!hex) return undefined;
  const n = parseInt(hex.slice(1), 16);
  const c: Json = {};
  const r = ((n >> 16) & 255) / 255;
  const g = ((n >> 8) & 255) / 255;
  const b = (n & 255) / 255;
  if (r) c.red = r;
  if (g) c.green = g;
  if (b) c.blue = b;
  return c;
}

function colorToHex(c: unknown): string | null {
  if (!c || typeof c !== 'object') return null;
  const o = c as { red?: number; green?: number; blue?: number; rgbColor?: unknown };
  if (o.rgbColor) return colorToHex(o.rgbColor);
  const h = (x?: number) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(o.red)}${h(o.green)}${h(o.blue)}`;
}

/** Parses a `fields` mask ("sheets(properties(sheetId,title)),spreadsheetId" or "a.b,c") into a tree. */
export function parseFields(mask: string): Map<string, unknown> {
  const root = new Map<string, unknown>();
  let i = 0;
  const parseList = (into: Map<string, unknown>) => {
    while (i < mask.length) {
      let name = '';
      while (i < mask.length && !',()'.includes(mask[i])) name += mask[i++];
      name = name.trim();
      let node = into;
      const parts = name.split('.').filter(Boolean);
      parts.forEach((p, idx) => {
        if (!node.has(p)) node.set(p, idx === parts.length - 1 ? true : new Map());
        else if (node.get(p) === true && idx < parts.length - 1) return;
        const next = node.get(p);
        if (next instanceof Map) node = next;
      });
      if (mask[i] === '(') {
        i++;
        const sub = node.get(parts[parts.length - 1]);
        const child = sub instanceof Map ? sub : new Map<string, unknown>();
        // a parenthesised list narrows a field the path named
        let parent = into;
        for (const p of parts.slice(0, -1)) parent = parent.get(p) as Map<string, unknown>;
        parent.set(parts[parts.length - 1], child);
        parseList(child);
      }
      if (mask[i] === ')') {
        i++;
        return;
      }
      if (mask[i] === ',') i++;
    }
  };
  parseList(root);
  return root;
}

function applyFields(value: unknown, tree: Map<string, unknown> | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => applyFields(v, tree));
  const out: Json = {};
  for (const [k, sub] of tree) {
    if (k === '*') return value;
    if ((value as Json)[k] !== undefined)
      out[k] = applyFields((value as Json)[k], sub as Map<string, unknown> | true);
  }
  return out;
}

/** A Sheets API GridRange (0-based, end exclusive, missing = unbounded) on a sheet. */
function apiGrid(sheet: SheetModel, g: Json | undefined): GridRange {
  const r = g ?? {};
  return {
    startRow: Number(r.startRowIndex ?? 0),
    endRow: Number(r.endRowIndex ?? sheet.maxRows),
    startCol: Number(r.startColumnIndex ?? 0),
    endCol: Number(r.endColumnIndex ?? sheet.maxCols),
  };
}

function gridToApi(sheetId: number, g: GridRange): Json {
  return {
    sheetId,
    startRowIndex: g.startRow,
    endRowIndex: g.endRow,
    startColumnIndex: g.startCol,
    endColumnIndex: g.endCol,
  };
}

/** Sheets a values call may write: those named in its ranges (all of them when a range names none). */
function sheetsNamedIn(ranges: unknown[]): (sheet: SheetModel) => boolean {
  const texts = ranges.map((r) => String(r ?? ''));
  if (texts.some((r) => !r.includes('!'))) return () => true;
  return (sheet) => texts.some((r) => r.includes(sheet.name));
}

/** Sheets a batchUpdate may change: every sheetId its requests mention, and sheet 0 (the API's default). */
function sheetsIdentifiedIn(requests: unknown): (sheet: SheetModel) => boolean {
  const ids = new Set<number>([0]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'sheetId' && inner !== undefined) ids.add(Number(inner));
        else if (key !== 'rows') walk(inner);
      }
    }
  };
  walk(requests);
  return (sheet) => ids.has(sheet.id);
}

/** A values batch answer: the responses, and totals over the writes that changed cells. */
function batchAnswer(
  spreadsheetId: string,
  responses: Json[],
  written: { res: Json; sheetId: number }[],
): Json {
  const out: Json = { spreadsheetId, responses };
  const sum = (key: string) => written.reduce((n, w) => n + Number(w.res[key] ?? 0), 0);
  const cells = sum('updatedCells');
  if (cells)
    Object.assign(out, {
      totalUpdatedRows: sum('updatedRows'),
      totalUpdatedColumns: sum('updatedColumns'),
      totalUpdatedCells: cells,
      totalUpdatedSheets: new Set(written.filter((w) => w.res.updatedCells).map((w) => w.sheetId)).size,
    });
  return out;
}

function fieldPaths(fields: unknown): string[] {
  if (typeof fields !== 'string' || !fields.trim())
    throw new ApiError("At least one field must be specified in 'fields'.");
  const out: string[] = [];
  const walk = (tree: Map<string, unknown>, prefix: string) => {
    for (const [k, sub] of tree) {
      if (sub instanceof Map && sub.size) walk(sub, `${prefix}${k}.`);
      else out.push(prefix + k);
    }
  };
  walk(parseFields(fields), '');
  return out;
}
const covers = (paths: string[], path: string) =>
  paths.some((p) => p === '*' || p === path || path.startsWith(p + '.') || p.startsWith(path + '.'));
const exact = (paths: string[], path: string) =>
  paths.some((p) => p === '*' || p === path || path.startsWith(p + '.'));

/** Which parts of a cell a request's field mask selects; computed once per mask, used for every cell. */
interface MaskFlags {
  value: boolean;
  format: boolean;
  note: boolean;
  validation: boolean;
  pivot: boolean;
  numberFormat: boolean;
  background: boolean;
  horizontalAlignment: boolean;
  verticalAlignment: boolean;
  wrap: boolean;
  bold: boolean;
  italic: boolean;
  fontColor: boolean;
  fontSize: boolean;
}
const maskCache = new WeakMap<string[], MaskFlags>();
function maskFlags(paths: string[]): MaskFlags {
  let flags = maskCache.get(paths);
  if (flags) return flags;
  const f = (x: string) => exact(paths, `userEnteredFormat.${x}`);
  flags = {
    value: covers(paths, 'userEnteredValue') && exact(paths, 'userEnteredValue'),
    format: covers(paths, 'userEnteredFormat'),
    note: exact(paths, 'note'),
    validation: exact(paths, 'dataValidation'),
    pivot: exact(paths, 'pivotTable'),
    numberFormat: f('numberFormat'),
    background: f('backgroundColor'),
    horizontalAlignment: f('horizontalAlignment'),
    verticalAlignment: f('verticalAlignment'),
    wrap: f('wrapStrategy'),
    bold: f('textFormat.bold'),
    italic: f('textFormat.italic'),
    fontColor: f('textFormat.foregroundColor') || f('textFormat.foregroundColorStyle'),
    fontSize: f('textFormat.fontSize'),
  };
  maskCache.set(paths, flags);
  return flags;
}

function numberFormatPattern(nf: Json, locale: string): string {
  if (nf.pattern) return String(nf.pattern);
  switch (nf.type) {
    case 'TEXT':
      return '@';
    case 'NUMBER':
      return '#,##0.00';
    case 'PERCENT':
      return '0.00%';
    case 'CURRENCY':
      return '"$"#,##0.00';
    case 'DATE':
      return localeRules(locale).date;
    case 'TIME':
      return 'h:mm:ss am/pm';
    case 'DATE_TIME':
      return localeRules(locale).dateTime;
    case 'SCIENTIFIC':
      return '0.00E+00';
    default:
      return 'General';
  }
}

function patternType(p: string | undefined): string {
  if (!p || p === 'General') return 'NUMBER';
  if (p === '@') return 'TEXT';
  if (isDateFormat(p)) return /[hs]/i.test(p) ? (/[yd]/i.test(p) ? 'DATE_TIME' : 'TIME') : 'DATE';
  if (p.includes('%')) return 'PERCENT';
  if (/E\+/i.test(p)) return 'SCIENTIFIC';
  if (/[$€£₽¥]/.test(p)) return 'CURRENCY';
  return 'NUMBER';
}

function formatToApi(cell: Cell | undefined): Json | undefined {
  if (!cell) return undefined;
  const f: Json = {};
  if (cell.nf) f.numberFormat = { type: patternType(cell.nf), pattern: cell.nf };
  const fmt = cell.fmt;
  if (fmt) {
    if (fmt.background) f.backgroundColor = hexToColor(fmt.background);
    if (fmt.horizontalAlignment) f.horizontalAlignment = fmt.horizontalAlignment.toUpperCase();
    if (fmt.verticalAlignment) f.verticalAlignment = fmt.verticalAlignment.toUpperCase();
    if (fmt.wrap) f.wrapStrategy = 'WRAP';
    const tf: Json = {};
    if (fmt.bold) tf.bold = true;
    if (fmt.italic) tf.italic = true;
    if (fmt.fontColor) tf.foregroundColor = hexToColor(fmt.fontColor);
    if (fmt.fontSize) tf.fontSize = fmt.fontSize;
    if (Object.keys(tf).length) f.textFormat = tf;
  }
  return Object.keys(f).length ? f : undefined;
}

/** Applies userEnteredFormat sub-fields selected by `paths` ("userEnteredFormat.textFormat.bold"...). */
function applyFormat(cell: Cell, fmtIn: Json | undefined, paths: string[], locale: string) {
  const fmt = fmtIn ?? {};
  const m = maskFlags(paths);
  const out: CellFormat = (cell.fmt ??= {});
  if (m.numberFormat) {
    if (fmt.numberFormat) cell.nf = numberFormatPattern(fmt.numberFormat as Json, locale);
    else delete cell.nf;
  }
  if (m.background)
    out.background = colorToHex(fmt.backgroundColor ?? (fmt.backgroundColorStyle as Json | undefined));
  if (m.horizontalAlignment)
    out.horizontalAlignment = fmt.horizontalAlignment ? String(fmt.horizontalAlignment).toLowerCase() : null;
  if (m.verticalAlignment)
    out.verticalAlignment = fmt.verticalAlignment ? String(fmt.verticalAlignment).toLowerCase() : null;
  if (m.wrap) out.wrap = fmt.wrapStrategy === 'WRAP';
  const tf = (fmt.textFormat ?? {}) as Json;
  if (m.bold) out.bold = Boolean(tf.bold);
  if (m.italic) out.italic = Boolean(tf.italic);
  if (m.fontColor) out.fontColor = colorToHex(tf.foregroundColor ?? tf.foregroundColorStyle);
  if (m.fontSize) out.fontSize = tf.fontSize === undefined ? undefined : Number(tf.fontSize);
}

function metadataToApi(m: DeveloperMetadata): Json {
  const l = m.location;
  let location: Json;
  if (l.locationType === 'SPREADSHEET') location = { locationType: 'SPREADSHEET', spreadsheet: true };
  else if (l.locationType === 'SHEET') location = { locationType: 'SHEET', sheetId: l.sheetId };
  else
    location = {
      locationType: l.locationType,
      dimensionRange: {
        sheetId: l.sheetId,
        dimension: l.locationType === 'ROW' ? 'ROWS' : 'COLUMNS',
        startIndex: l.start,
        endIndex: l.end,
      },
    };
  const out: Json = { metadataId: m.id, metadataKey: m.key, location, visibility: m.visibility };
  if (m.value !== null) out.metadataValue = m.value;
  return out;
}

function ruleToApi(
  sheetId: number,
  rule: { ranges: GridRange[]; condition: { type: string; values: string[] }; format: RuleFormat },
): Json {
  const format: Json = {};
  if (rule.format.background) format.backgroundColor = hexToColor(rule.format.background);
  const tf: Json = {};
  if (rule.format.fontColor) tf.foregroundColor = hexToColor(rule.format.fontColor);
  if (rule.format.bold !== undefined) tf.bold = rule.format.bold;
  if (rule.format.italic !== undefined) tf.italic = rule.format.italic;
  if (rule.format.strikethrough !== undefined) tf.strikethrough = rule.format.strikethrough;
  if (Object.keys(tf).length) format.textFormat = tf;
  const condition: Json = { type: rule.condition.type };
  if (rule.condition.values.length)
    condition.values = rule.condition.values.map((v) => ({ userEnteredValue: v }));
  return { ranges: rule.ranges.map((g) => gridToApi(sheetId, g)), booleanRule: { condition, format } };
}

// ---------- the service ----------
export function advancedSheets(env: SheetsEnv): unknown {
  const { engine, book } = env;
  const realm = env.realm;

  let readCells = 0;
  const call = (method: string, cells: number, direction: 'read' | 'write' | 'none', fn: () => unknown) => {
    engine.requireAuth(`Sheets.${method}`, {
      limitedOk: false,
      simpleOk: false,
      scopes: ['spreadsheets', 'drive'],
    });
    engine.checkDeadline();
    readCells = 0;
    try {
      return realm.toScript(fn());
    } catch (error) {
      const msg = error instanceof Error ? error.message : String(error);
      throw engine.error(
        `API call to sheets.${method} failed with error: ${msg}`,
        'GoogleJsonResponseException',
      );
    } finally {
      // One round trip whether or not it succeeded; reads are charged for the cells they covered.
      engine.call('advancedSheets', direction === 'read' ? readCells : cells, direction);
    }
  };

  const checkId = (id: unknown) => {
    if (id !== book.id) throw new ApiError('Requested entity was not found.');
  };

  const sheetById = (id: unknown): SheetModel => {
    const s = book.byId(Number(id ?? 0));
    if (!s) throw new ApiError(`No grid with id: ${String(id)}`);
    return s;
  };

  interface Resolved {
    sheet: SheetModel;
    g: GridRange;
    /** True when the A1 range named a single cell (an anchor that data may extend from). */
    anchor: boolean;
  }

  const resolve = (range: unknown): Resolved => {
    const text = String(range ?? '');
    const ref = parseA1(text, book.sheetNames());
    if (!ref) throw new ApiError(`Unable to parse range: ${text}`);
    const sheet =
      ref.sheet !== undefined
        ? book.byName(ref.sheet)
        : (book.sheets.find((s) => !s.hidden) ?? book.sheets[0]);
    if (!sheet) throw new ApiError(`Unable to parse range: ${text}`);
    if (ref.startRow === undefined)
      return {
        sheet,
        g: { startRow: 0, endRow: sheet.maxRows, startCol: 0, endCol: sheet.maxCols },
        anchor: false,
      };
    const g: GridRange = {
      startRow: ref.startRow - 1,
      startCol: ref.startCol! - 1,
      endRow: ref.endRow ?? sheet.maxRows,
      endCol: ref.endCol ?? sheet.maxCols,
    };
    return { sheet, g, anchor: g.endRow - g.startRow === 1 && g.endCol - g.startCol === 1 };
  };

  const a1Of = (sheet: SheetModel, g: GridRange) =>
    `${quoteSheet(sheet.name)}!${colToLetters(g.startCol + 1)}${g.startRow + 1}:${colToLetters(g.endCol)}${g.endRow}`;

  const checkGrid = (r: Resolved, text: string) => {
    if (r.g.endRow > r.sheet.maxRows || r.g.endCol > r.sheet.maxCols)
      throw new ApiError(
        `Range (${text}) exceeds grid limits. Max rows: ${r.sheet.maxRows}, max columns: ${r.sheet.maxCols}`,
      );
  };

  const render = (cell: Cell | undefined, vro: string, dtro: string): unknown => {
    if (!cell) return '';
    if (vro === 'FORMULA' && cell.f) return cell.f;
    if (vro === 'FORMATTED_VALUE') return displayValue(cell, book.locale);
    if (cell.v === null) return '';
    if (typeof cell.v === 'number' && isDateFormat(cell.nf) && dtro === 'FORMATTED_STRING')
      return displayValue(cell, book.locale);
    return cell.v;
  };

  const readRange = (range: unknown, o: Json) => {
    const text = String(range);
    const r = resolve(range);
    checkGrid(r, text);
    const vro = String(o.valueRenderOption ?? 'FORMATTED_VALUE');
    const dtro = String(o.dateTimeRenderOption ?? 'SERIAL_NUMBER');
    const major = String(o.majorDimension ?? 'ROWS');
    let grid: unknown[][] = [];
    for (let i = r.g.startRow; i < r.g.endRow; i++) {
      const row: unknown[] = [];
      for (let j = r.g.startCol; j < r.g.endCol; j++) {
        const cell = r.sheet.cell(i, j);
        const empty = !cell || (cell.v === null && !cell.f);
        row.push(empty ? undefined : render(cell, vro, dtro));
      }
      grid.push(row);
    }
    if (major === 'COLUMNS') grid = grid[0] ? grid[0].map((_, j) => grid.map((row) => row[j])) : [];
    // The API trims trailing empty rows and trailing empty cells of each row.
    const trimmed = grid.map((row) => {
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      return row.slice(0, n).map((v) => (v === undefined ? '' : v));
    });
    while (trimmed.length && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
    const out: Json = { range: a1Of(r.sheet, r.g), majorDimension: major };
    if (trimmed.length) out.values = trimmed;
    return { out, cells: (r.g.endRow - r.g.startRow) * (r.g.endCol - r.g.startCol) };
  };

  const writeRange = (range: unknown, values: unknown, option: unknown, majorDimension?: unknown) => {
    if (option !== 'RAW' && option !== 'USER_ENTERED')
      throw new ApiError(
        option === undefined
          ? "'valueInputOption' is required but not specified"
          : `Invalid valueInputOption: ${String(option)}`,
      );
    if (!Array.isArray(values)) throw new ApiError('Invalid values: expected a list of lists');
    const text = String(range);
    const r = resolve(range);
    let rows = values as unknown[][];
    if (majorDimension === 'COLUMNS') {
      const width = Math.max(0, ...rows.map((c) => (Array.isArray(c) ? c.length : 0)));
      rows = Array.from({ length: width }, (_, i) => rows.map((c) => c[i]));
    }
    const height = rows.length;
    const width = Math.max(0, ...rows.map((row) => (Array.isArray(row) ? row.length : 0)));
    if (!r.anchor) {
      if (height > r.g.endRow - r.g.startRow)
        throw new ApiError(
          `Requested writing within range [${text}], but tried writing to row [${r.g.startRow + height}]`,
        );
      if (width > r.g.endCol - r.g.startCol)
        throw new ApiError(
          `Requested writing within range [${text}], but tried writing to column [${colToLetters(r.g.startCol + width)}]`,
        );
    }
    const s = r.sheet;
    const needRows = r.g.startRow + height - s.maxRows;
    const needCols = r.g.startCol + width - s.maxCols;
    if (needRows > 0) s.insert('ROWS', s.maxRows, needRows);
    if (needCols > 0) s.insert('COLUMNS', s.maxCols, needCols);
    let cells = 0;
    rows.forEach((row, i) => {
      if (!Array.isArray(row)) throw new ApiError('Invalid values: expected a list of lists');
      row.forEach((raw, j) => {
        if (raw === null || raw === undefined) return;
        // The advanced service sends JSON: a Date becomes its ISO string.
        const v = Object.prototype.toString.call(raw) === '[object Date]' ? (raw as Date).toISOString() : raw;
        if (typeof v === 'object') throw new ApiError(`Invalid values[${i}][${j}]: struct_value`);
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS)
          throw new ApiError(
            'Your input contains more than the maximum of 50000 characters in a single cell.',
          );
        cells++;
        if (option === 'RAW') {
          const cell = s.ensure(r.g.startRow + i, r.g.startCol + j);
          cell.v = v === '' ? null : (v as string | number | boolean);
          delete cell.f;
        } else writeCell(book, s, r.g.startRow + i, r.g.startCol + j, v);
      });
    });
    const g = {
      startRow: r.g.startRow,
      startCol: r.g.startCol,
      endRow: r.g.startRow + height,
      endCol: r.g.startCol + width,
    };
    const res: Json = {
      spreadsheetId: book.id,
      updatedRange: a1Of(s, g),
      updatedRows: height,
      updatedColumns: width,
      updatedCells: cells,
    };
    if (!cells) {
      delete res.updatedRows;
      delete res.updatedColumns;
      delete res.updatedCells;
    }
    return { res, cells, sheet: s, g };
  };

  const countValues = (data: unknown[]) =>
    data.reduce<number>(
      (n, d) =>
        n +
        (Array.isArray((d as Json)?.values)
          ? ((d as Json).values as unknown[][]).reduce<number>(
              (m, row) => m + (Array.isArray(row) ? row.length : 0),
              0,
            )
          : 0),
      0,
    );

  /** The A1 ranges a DataFilter (a1Range, gridRange or developerMetadataLookup) stands for. */
  const filterRanges = (filter: Json): string[] => {
    if (filter?.a1Range !== undefined) return [String(filter.a1Range)];
    if (filter?.gridRange) {
      const g = filter.gridRange as Json;
      const s = sheetById(g.sheetId);
      return [a1Of(s, apiGrid(s, g))];
    }
    const lookup = filter?.developerMetadataLookup as Json | undefined;
    if (!lookup) throw new ApiError('A data filter needs a1Range, gridRange or developerMetadataLookup.');
    return book.metadata
      .filter((m) => matchLookup(m, lookup))
      .flatMap((m) => {
        const l = m.location;
        const s = l.sheetId === undefined ? undefined : book.byId(l.sheetId);
        if (!s) return [];
        if (l.locationType === 'SHEET')
          return [a1Of(s, { startRow: 0, endRow: s.maxRows, startCol: 0, endCol: s.maxCols })];
        if (l.locationType === 'COLUMN')
          return [a1Of(s, { startRow: 0, endRow: s.maxRows, startCol: l.start!, endCol: l.end! })];
        return [a1Of(s, { startRow: l.start!, endRow: l.end!, startCol: 0, endCol: s.maxCols })];
      });
  };

  const Values = {
    get(id: string, range: string, o: Json = {}) {
      return call('spreadsheets.values.get', 0, 'read', () => {
        checkId(id);
        const { out, cells } = readRange(range, o ?? {});
        readCells += cells;
        return out;
      });
    },
    batchGet(id: string, o: Json = {}) {
      return call('spreadsheets.values.batchGet', 0, 'read', () => {
        checkId(id);
        const ranges = Array.isArray(o?.ranges)
          ? (o.ranges as unknown[])
          : o?.ranges !== undefined
            ? [o.ranges]
            : [];
        const valueRanges = ranges.map((range) => {
          const { out, cells } = readRange(range, o);
          readCells += cells;
          return out;
        });
        return { spreadsheetId: book.id, valueRanges };
      });
    },
    update(resource: Json, id: string, range: string, o: Json = {}) {
      return call('spreadsheets.values.update', countValues([resource]), 'write', () => {
        checkId(id);
        const restore = book.snapshot(sheetsNamedIn([range]));
        try {
          const { res } = writeRange(range, resource?.values, o?.valueInputOption, resource?.majorDimension);
          if (o?.includeValuesInResponse)
            res.updatedData = readRange(res.updatedRange, {
              valueRenderOption: o.responseValueRenderOption,
            }).out;
          return res;
        } catch (e) {
          restore();
          throw e;
        }
      });
    },
    batchUpdate(resource: Json, id: string) {
      const data = Array.isArray(resource?.data) ? (resource.data as Json[]) : [];
      return call('spreadsheets.values.batchUpdate', countValues(data), 'write', () => {
        checkId(id);
        const restore = book.snapshot(sheetsNamedIn(data.map((d) => d.range)));
        try {
          const responses: Json[] = [];
          const written: { res: Json; sheetId: number }[] = [];
          for (const d of data) {
            const { res, sheet } = writeRange(d.range, d.values, resource.valueInputOption, d.majorDimension);
            if (resource.includeValuesInResponse)
              res.updatedData = readRange(res.updatedRange, {
                valueRenderOption: resource.responseValueRenderOption,
              }).out;
            responses.push(res);
            written.push({ res, sheetId: sheet.id });
          }
          return batchAnswer(book.id, responses, written);
        } catch (e) {
          restore();
          throw e;
        }
      });
    },
    append(resource: Json, id: string, range: string, o: Json = {}) {
      return call('spreadsheets.values.append', countValues([resource]), 'write', () => {
        checkId(id);
        const r = resolve(range);
        let last = r.g.startRow;
        for (let i = r.g.startRow; i < Math.min(r.g.endRow, r.sheet.maxRows); i++) {
          for (let j = r.g.startCol; j < Math.min(r.g.endCol, r.sheet.maxCols); j++) {
            const c = r.sheet.cell(i, j);
            if (c && (c.v !== null || c.f)) {
              last = i + 1;
              break;
            }
          }
        }
        const values = (resource?.values ?? []) as unknown[][];
        if (o?.insertDataOption === 'INSERT_ROWS' && last < r.sheet.maxRows && values.length)
          r.sheet.insert('ROWS', last, values.length);
        const start = `${quoteSheet(r.sheet.name)}!${colToLetters(r.g.startCol + 1)}${last + 1}`;
        const { res } = writeRange(start, values, o?.valueInputOption, resource?.majorDimension);
        return {
          spreadsheetId: book.id,
          tableRange:
            last > r.g.startRow
              ? a1Of(r.sheet, { ...r.g, endRow: last, endCol: Math.min(r.g.endCol, r.sheet.maxCols) })
              : undefined,
          updates: res,
        };
      });
    },
    batchGetByDataFilter(resource: Json, id: string) {
      return call('spreadsheets.values.batchGetByDataFilter', 0, 'read', () => {
        checkId(id);
        const valueRanges: Json[] = [];
        for (const filter of (resource?.dataFilters ?? []) as Json[]) {
          for (const range of filterRanges(filter)) {
            const { out, cells } = readRange(range, resource);
            readCells += cells;
            valueRanges.push({ valueRange: out, dataFilters: [filter] });
          }
        }
        return valueRanges.length ? { spreadsheetId: book.id, valueRanges } : { spreadsheetId: book.id };
      });
    },
    batchUpdateByDataFilter(resource: Json, id: string) {
      const data = Array.isArray(resource?.data) ? (resource.data as Json[]) : [];
      return call('spreadsheets.values.batchUpdateByDataFilter', countValues(data), 'write', () => {
        checkId(id);
        const restore = book.snapshot();
        try {
          const responses: Json[] = [];
          const written: { res: Json; sheetId: number }[] = [];
          for (const d of data) {
            for (const range of filterRanges(d.dataFilter as Json)) {
              const { res, sheet } = writeRange(range, d.values, resource.valueInputOption, d.majorDimension);
              delete res.spreadsheetId;
              responses.push({ ...res, dataFilter: d.dataFilter });
              written.push({ res, sheetId: sheet.id });
            }
          }
          return batchAnswer(book.id, responses, written);
        } catch (e) {
          restore();
          throw e;
        }
      });
    },
    batchClearByDataFilter(resource: Json, id: string) {
      return call('spreadsheets.values.batchClearByDataFilter', 0, 'write', () => {
        checkId(id);
        const cleared: string[] = [];
        for (const filter of (resource?.dataFilters ?? []) as Json[])
          for (const range of filterRanges(filter)) {
            const r = resolve(range);
            checkGrid(r, range);
            clearValues(r.sheet, r.g);
            cleared.push(a1Of(r.sheet, r.g));
          }
        return { spreadsheetId: book.id, clearedRanges: cleared };
      });
    },
    clear(_resource: Json, id: string, range: string) {
      return call('spreadsheets.values.clear', 0, 'write', () => {
        checkId(id);
        const r = resolve(range);
        checkGrid(r, String(range));
        clearValues(r.sheet, r.g);
        return { spreadsheetId: book.id, clearedRange: a1Of(r.sheet, r.g) };
      });
    },
    batchClear(resource: Json, id: string) {
      return call('spreadsheets.values.batchClear', 0, 'write', () => {
        checkId(id);
        const cleared = ((resource?.ranges ?? []) as unknown[]).map((range) => {
          const r = resolve(range);
          checkGrid(r, String(range));
          clearValues(r.sheet, r.g);
          return a1Of(r.sheet, r.g);
        });
        return { spreadsheetId: book.id, clearedRanges: cleared };
      });
    },
  };

  const clearValues = (s: SheetModel, g: GridRange) => {
    for (let i = g.startRow; i < g.endRow; i++)
      for (let j = g.startCol; j < g.endCol; j++) {
        const c = s.cell(i, j);
        if (c) {
          c.v = null;
          delete c.f;
        }
      }
  };

  // ---------- metadata lookups ----------
  const matchLookup = (m: DeveloperMetadata, lookup: Json): boolean => {
    if (lookup.metadataId !== undefined && m.id !== Number(lookup.metadataId)) return false;
    if (lookup.metadataKey !== undefined && m.key !== lookup.metadataKey) return false;
    if (lookup.metadataValue !== undefined && m.value !== lookup.metadataValue) return false;
    if (lookup.visibility !== undefined && m.visibility !== lookup.visibility) return false;
    if (lookup.locationType !== undefined && m.location.locationType !== lookup.locationType) return false;
    const loc = lookup.metadataLocation as Json | undefined;
    if (loc) {
      const intersecting = lookup.locationMatchingStrategy === 'INTERSECTING_LOCATION';
      if (loc.spreadsheet) return m.location.locationType === 'SPREADSHEET' || (intersecting && true);
      if (loc.sheetId !== undefined)
        return intersecting
          ? m.location.sheetId === Number(loc.sheetId)
          : m.location.locationType === 'SHEET' && m.location.sheetId === Number(loc.sheetId);
      const dr = loc.dimensionRange as Json | undefined;
      if (dr) {
        const type = dr.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
        if (m.location.sheetId !== Number(dr.sheetId) || m.location.locationType !== type) return false;
        const s = Number(dr.startIndex ?? 0);
        const e = Number(dr.endIndex ?? Infinity);
        return intersecting
          ? m.location.start! < e && m.location.end! > s
          : m.location.start === s && m.location.end === e;
      }
    }
    return true;
  };

  const lookupsOf = (filters: unknown): Json[] => {
    if (!Array.isArray(filters)) throw new ApiError('dataFilters must be a list');
    return filters.map((f) => {
      const l = (f as Json)?.developerMetadataLookup as Json | undefined;
      if (!l)
        throw new ApiError('Only developerMetadataLookup data filters are supported by the local runtime.');
      return l;
    });
  };

  const DeveloperMetadata = {
    search(resource: Json, id: string) {
      return call('spreadsheets.developerMetadata.search', 0, 'read', () => {
        checkId(id);
        const lookups = lookupsOf(resource?.dataFilters);
        const matched: Json[] = [];
        for (const m of book.metadata) {
          const hits = lookups.filter((l) => matchLookup(m, l));
          if (hits.length)
            matched.push({
              developerMetadata: metadataToApi(m),
              dataFilters: hits.map((l) => ({ developerMetadataLookup: l })),
            });
        }
        return matched.length ? { matchedDeveloperMetadata: matched } : {};
      });
    },
    get(id: string, metadataId: number) {
      return call('spreadsheets.developerMetadata.get', 0, 'read', () => {
        checkId(id);
        const m = book.metadata.find((x) => x.id === Number(metadataId));
        if (!m) throw new ApiError(`No developer metadata with ID: ${metadataId}`);
        return metadataToApi(m);
      });
    },
  };

  // ---------- spreadsheets.get ----------
  const sheetToApi = (s: SheetModel, o: Json): Json => {
    const gp: Json = { rowCount: s.maxRows, columnCount: s.maxCols };
    if (s.frozenRows) gp.frozenRowCount = s.frozenRows;
    if (s.frozenCols) gp.frozenColumnCount = s.frozenCols;
    const properties: Json = {
      sheetId: s.id,
      title: s.name,
      index: s.index,
      sheetType: 'GRID',
      gridProperties: gp,
    };
    if (s.hidden) properties.hidden = true;
    if (s.tabColor) properties.tabColor = hexToColor(s.tabColor);
    const out: Json = { properties };
    const md = book.metadata.filter((m) => m.location.sheetId === s.id).map(metadataToApi);
    if (md.length) out.developerMetadata = md;
    if (s.filter) {
      const f: Json = { range: gridToApi(s.id, s.filter.range) };
      if (s.filter.sortSpecs.length) f.sortSpecs = s.filter.sortSpecs;
      if (Object.keys(s.filter.criteria).length) f.criteria = s.filter.criteria;
      out.basicFilter = f;
    }
    if (s.conditionalRules.length) out.conditionalFormats = s.conditionalRules.map((r) => ruleToApi(s.id, r));
    if (chartsToApi(s).length) out.charts = chartsToApi(s);
    const widths: Json[] = [];
    s.colWidths.forEach((w, i) => w !== undefined && widths.push({ index: i, pixelSize: w }));
    if (o.includeGridData) {
      const ranges = (o.ranges as unknown[] | undefined)?.map(resolve).filter((r) => r.sheet === s) ?? [
        {
          sheet: s,
          g: { startRow: 0, endRow: s.lastRow(), startCol: 0, endCol: s.lastColumn() },
          anchor: false,
        },
      ];
      out.data = ranges.map((r) => {
        const rowData: Json[] = [];
        for (let i = r.g.startRow; i < Math.min(r.g.endRow, s.lastRow()); i++) {
          const values: Json[] = [];
          for (let j = r.g.startCol; j < Math.min(r.g.endCol, s.maxCols); j++)
            values.push(cellToApi(s.cell(i, j)));
          while (values.length && Object.keys(values[values.length - 1]).length === 0) values.pop();
          rowData.push(values.length ? { values } : {});
        }
        const columnMetadata: Json[] = [];
        for (let j = r.g.startCol; j < Math.min(r.g.endCol, s.maxCols); j++) {
          const cm: Json = { pixelSize: s.colWidths[j] ?? 100 };
          if (s.hiddenCols[j]) cm.hiddenByUser = true;
          columnMetadata.push(cm);
        }
        return { startRow: r.g.startRow, startColumn: r.g.startCol, rowData, columnMetadata };
      });
    }
    return out;
  };

  const cellToApi = (cell: Cell | undefined): Json => {
    if (!cell) return {};
    const out: Json = {};
    if (cell.v !== null || cell.f) {
      const uev: Json = {};
      if (cell.f) uev.formulaValue = cell.f;
      else if (typeof cell.v === 'number') uev.numberValue = cell.v;
      else if (typeof cell.v === 'boolean') uev.boolValue = cell.v;
      else uev.stringValue = cell.v;
      out.userEnteredValue = uev;
      const ev: Json = {};
      if (typeof cell.v === 'number') ev.numberValue = cell.v;
      else if (typeof cell.v === 'boolean') ev.boolValue = cell.v;
      else if (cell.v !== null) ev.stringValue = cell.v;
      if (Object.keys(ev).length) out.effectiveValue = ev;
      out.formattedValue = displayValue(cell, book.locale);
    }
    const f = formatToApi(cell);
    if (f) out.userEnteredFormat = f;
    if (cell.note) out.note = cell.note;
    if (pivotOf(cell)) out.pivotTable = pivotOf(cell);
    if (cell.validation) {
      const v = cell.validation as {
        type: string;
        values: string[];
        allowInvalid?: boolean;
        showDropdown?: boolean;
      };
      const condition: Json = {
        type: v.type === 'VALUE_IN_LIST' ? 'ONE_OF_LIST' : v.type === 'CHECKBOX' ? 'BOOLEAN' : v.type,
      };
      if (v.values.length) condition.values = v.values.map((x) => ({ userEnteredValue: x }));
      out.dataValidation = {
        condition,
        ...(v.allowInvalid === false ? { strict: true } : {}),
        ...(v.showDropdown ? { showCustomUi: true } : {}),
      };
    }
    return out;
  };

  const spreadsheetToApi = (o: Json): Json => {
    const opts = o;
    const sheets = opts.ranges
      ? book.sheets.filter((s) => (opts.ranges as unknown[]).some((r) => resolve(r).sheet === s))
      : book.sheets;
    const out: Json = {
      spreadsheetId: book.id,
      properties: {
        title: book.name,
        locale: book.locale,
        timeZone: book.timeZone,
        autoRecalc: 'ON_CHANGE',
      },
      sheets: sheets.map((s) => sheetToApi(s, opts)),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
    };
    const md = book.metadata.filter((m) => m.location.locationType === 'SPREADSHEET').map(metadataToApi);
    if (md.length) out.developerMetadata = md;
    return typeof opts.fields === 'string' && opts.fields
      ? (applyFields(out, parseFields(opts.fields)) as Json)
      : out;
  };

  const Spreadsheets = {
    Values,
    DeveloperMetadata,
    get(id: string, o: Json = {}) {
      return call('spreadsheets.get', 0, 'read', () => {
        checkId(id);
        return spreadsheetToApi(o ?? {});
      });
    },
    batchUpdate(resource: Json, id: string) {
      const requests = Array.isArray(resource?.requests) ? (resource.requests as Json[]) : [];
      let cells = 0;
      for (const r of requests) {
        const rows = ((r.updateCells as Json | undefined)?.rows ?? []) as Json[];
        for (const row of rows) cells += Array.isArray(row.values) ? row.values.length : 0;
      }
      return call('spreadsheets.batchUpdate', cells, 'write', () => {
        checkId(id);
        if (!requests.length) throw new ApiError('Must specify at least one request.');
        const restore = book.snapshot(sheetsIdentifiedIn(requests));
        const replies: Json[] = [];
        try {
          requests.forEach((req, i) => {
            const kinds = Object.keys(req ?? {});
            if (kinds.length !== 1)
              throw new ApiError(
                `Invalid requests[${i}]: exactly one request kind must be set (got ${kinds.join(', ') || 'none'})`,
              );
            const kind = kinds[0];
            const handler = REQUESTS[kind];
            if (!handler)
              throw new ApiError(
                `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
              );
            try {
              replies.push(handler(req[kind] as Json) ?? {});
            } catch (e) {
              if (e instanceof ApiError && e.message.startsWith('Invalid')) throw e;
              throw new ApiError(
                `Invalid requests[${i}].${kind}: ${e instanceof Error ? e.message : String(e)}`,
              );
            }
          });
        } catch (e) {
          restore();
          throw e;
        }
        const out: Json = { spreadsheetId: book.id, replies };
        if (resource.includeSpreadsheetInResponse) out.updatedSpreadsheet = spreadsheetToApi({});
        return out;
      });
    },
  };

  // ---------- batchUpdate requests ----------
  const dimRange = (r: Json | undefined) => {
    if (!r) throw new ApiError('range is required');
    const s = sheetById(r.sheetId);
    const dim = r.dimension === 'ROWS' ? 'ROWS' : r.dimension === 'COLUMNS' ? 'COLUMNS' : null;
    if (!dim) throw new ApiError('dimension must be ROWS or COLUMNS');
    const max = dim === 'ROWS' ? s.maxRows : s.maxCols;
    const start = Number(r.startIndex ?? 0);
    const end = Number(r.endIndex ?? max);
    if (start < 0 || end <= start)
      throw new ApiError('Invalid dimension range: startIndex must be less than endIndex');
    return { s, dim: dim as 'ROWS' | 'COLUMNS', start, end, max };
  };

  const metadataLocation = (loc: Json | undefined): MetadataLocation => {
    if (!loc) throw new ApiError('developerMetadata.location is required');
    if (loc.spreadsheet) return { locationType: 'SPREADSHEET' };
    if (loc.sheetId !== undefined) return { locationType: 'SHEET', sheetId: sheetById(loc.sheetId).id };
    if (loc.dimensionRange) {
      const d = dimRange(loc.dimensionRange as Json);
      if (d.end > d.max) throw new ApiError('The dimension range is out of bounds.');
      return {
        locationType: d.dim === 'ROWS' ? 'ROW' : 'COLUMN',
        sheetId: d.s.id,
        start: d.start,
        end: d.end,
      };
    }
    throw new ApiError('Developer metadata location must be a spreadsheet, sheet, or dimension range.');
  };

  const ruleFromApi = (rule: Json) => {
    const ranges = ((rule.ranges ?? []) as Json[]).map((g) => ({ sheet: sheetById(g.sheetId), g }));
    if (!ranges.length) throw new ApiError('rule.ranges must not be empty');
    const sheet = ranges[0].sheet;
    const br = rule.booleanRule as Json | undefined;
    if (!br) throw new ApiError('Only booleanRule conditional formats are supported by the local runtime.');
    const cond = (br.condition ?? {}) as Json;
    const fmt = (br.format ?? {}) as Json;
    const tf = (fmt.textFormat ?? {}) as Json;
    const format: RuleFormat = {};
    if (fmt.backgroundColor || fmt.backgroundColorStyle)
      format.background = colorToHex(fmt.backgroundColor ?? fmt.backgroundColorStyle);
    if (tf.foregroundColor || tf.foregroundColorStyle)
      format.fontColor = colorToHex(tf.foregroundColor ?? tf.foregroundColorStyle);
    if (tf.bold !== undefined) format.bold = Boolean(tf.bold);
    if (tf.italic !== undefined) format.italic = Boolean(tf.italic);
    if (tf.strikethrough !== undefined) format.strikethrough = Boolean(tf.strikethrough);
    if (!cond.type) throw new ApiError('booleanRule.condition.type is required');
    return {
      sheet,
      rule: {
        ranges: ranges.map((r) => apiGrid(r.sheet, r.g)),
        condition: {
          type: String(cond.type),
          values: ((cond.values ?? []) as Json[]).map((v) => String(v.userEnteredValue ?? '')),
        },
        format,
      },
    };
  };

  const eachCell = (s: SheetModel, g: GridRange, fn: (cell: Cell, i: number, j: number) => void) => {
    if (g.endRow > s.maxRows || g.endCol > s.maxCols)
      throw new ApiError('The range is out of the grid bounds.');
    for (let i = g.startRow; i < g.endRow; i++)
      for (let j = g.startCol; j < g.endCol; j++) fn(s.ensure(i, j), i, j);
  };

  const applyCellData = (cell: Cell, data: Json, paths: string[]) => {
    const m = maskFlags(paths);
    if (m.value) {
      const uev = data.userEnteredValue as Json | undefined;
      delete cell.f;
      if (!uev) cell.v = null;
      else if (uev.formulaValue !== undefined) {
        cell.f = String(uev.formulaValue);
        cell.v = '';
      } else if (uev.numberValue !== undefined) cell.v = Number(uev.numberValue);
      else if (uev.boolValue !== undefined) cell.v = Boolean(uev.boolValue);
      else if (uev.stringValue !== undefined) {
        const sv = String(uev.stringValue);
        if (sv.length > MAX_CELL_CHARS)
          throw new ApiError(
            'Your input contains more than the maximum of 50000 characters in a single cell.',
          );
        cell.v = sv === '' ? null : sv;
      } else cell.v = null;
    }
    if (m.format) applyFormat(cell, data.userEnteredFormat as Json | undefined, paths, book.locale);
    if (m.note) {
      if (data.note) cell.note = String(data.note);
      else delete cell.note;
    }
    if (m.validation) setValidation(cell, data.dataValidation as Json | undefined);
    if (m.pivot) setPivot(book, cell, data.pivotTable as Json | undefined);
  };

  const setValidation = (cell: Cell, rule: Json | undefined) => {
    if (!rule) {
      delete cell.validation;
      return;
    }
    const cond = (rule.condition ?? {}) as Json;
    const type =
      cond.type === 'ONE_OF_LIST'
        ? 'VALUE_IN_LIST'
        : cond.type === 'BOOLEAN'
          ? 'CHECKBOX'
          : String(cond.type);
    cell.validation = {
      type,
      values: ((cond.values ?? []) as Json[]).map((v) => String(v.userEnteredValue ?? '')),
      allowInvalid: !rule.strict,
      showDropdown: Boolean(rule.showCustomUi),
    };
  };

  const REQUESTS: Record<string, (r: Json) => Json | void> = {
    ...chartRequests(book, sheetById),
    addSheet(r) {
      const p = (r.properties ?? {}) as Json;
      const gp = (p.gridProperties ?? {}) as Json;
      const s = book.addSheet(
        p.title === undefined ? undefined : String(p.title),
        p.index === undefined ? undefined : Number(p.index),
        gp.rowCount === undefined ? 1000 : Number(gp.rowCount),
        gp.columnCount === undefined ? 26 : Number(gp.columnCount),
        p.sheetId === undefined ? undefined : Number(p.sheetId),
      );
      if (gp.frozenRowCount) s.frozenRows = Number(gp.frozenRowCount);
      if (gp.frozenColumnCount) s.frozenCols = Number(gp.frozenColumnCount);
      if (p.tabColor) s.tabColor = colorToHex(p.tabColor);
      if (p.hidden) s.hidden = true;
      return { addSheet: { properties: sheetToApi(s, {}).properties as Json } };
    },
    deleteSheet(r) {
      book.deleteSheet(sheetById(r.sheetId));
    },
    updateSheetProperties(r) {
      const p = (r.properties ?? {}) as Json;
      const paths = fieldPaths(r.fields);
      const s = sheetById(p.sheetId);
      const gp = (p.gridProperties ?? {}) as Json;
      const has = (x: string) => exact(paths, x);
      if (has('title')) {
        const t = String(p.title ?? '');
        if (!t) throw new ApiError('Sheet title must not be empty.');
        if (book.sheets.some((x) => x !== s && x.name.toLowerCase() === t.toLowerCase()))
          throw new ApiError(`A sheet with the name "${t}" already exists. Please enter another name.`);
        s.name = t;
      }
      if (has('index') && p.index !== undefined) {
        book.sheets = book.sheets.filter((x) => x !== s);
        book.sheets.splice(Math.min(Number(p.index), book.sheets.length), 0, s);
      }
      if (has('gridProperties.frozenRowCount')) s.frozenRows = Number(gp.frozenRowCount ?? 0);
      if (has('gridProperties.frozenColumnCount')) s.frozenCols = Number(gp.frozenColumnCount ?? 0);
      if (has('gridProperties.rowCount') && gp.rowCount !== undefined) {
        const n = Number(gp.rowCount);
        if (n > s.maxRows) s.insert('ROWS', s.maxRows, n - s.maxRows);
        else if (n < s.maxRows) s.delete('ROWS', n, s.maxRows - n);
      }
      if (has('gridProperties.columnCount') && gp.columnCount !== undefined) {
        const n = Number(gp.columnCount);
        if (n > s.maxCols) s.insert('COLUMNS', s.maxCols, n - s.maxCols);
        else if (n < s.maxCols) s.delete('COLUMNS', n, s.maxCols - n);
      }
      if (has('tabColor') || has('tabColorStyle')) s.tabColor = colorToHex(p.tabColor ?? p.tabColorStyle);
      if (has('hidden')) s.hidden = Boolean(p.hidden);
    },
    insertDimension(r) {
      const d = dimRange(r.range as Json);
      if (d.start > d.max) throw new ApiError('The dimension range is out of bounds.');
      d.s.insert(d.dim, d.start, d.end - d.start);
    },
    appendDimension(r) {
      const s = sheetById(r.sheetId);
      const n = Number(r.length);
      if (!(n > 0)) throw new ApiError('length must be positive');
      if (r.dimension === 'ROWS') s.insert('ROWS', s.maxRows, n);
      else if (r.dimension === 'COLUMNS') s.insert('COLUMNS', s.maxCols, n);
      else throw new ApiError('dimension must be ROWS or COLUMNS');
    },
    deleteDimension(r) {
      const d = dimRange(r.range as Json);
      d.s.delete(d.dim, d.start, d.end - d.start);
    },
    moveDimension(r) {
      const d = dimRange(r.source as Json);
      const to = Number(r.destinationIndex);
      if (!(to >= 0 && to <= d.max)) throw new ApiError('destinationIndex is out of bounds');
      d.s.move(d.dim, d.start, d.end - d.start, to);
    },
    updateDimensionProperties(r) {
      const d = dimRange(r.range as Json);
      const paths = fieldPaths(r.fields);
      const p = (r.properties ?? {}) as Json;
      for (let i = d.start; i < Math.min(d.end, d.max); i++) {
        if (exact(paths, 'pixelSize'))
          (d.dim === 'ROWS' ? d.s.rowHeights : d.s.colWidths)[i] = Number(p.pixelSize);
        if (exact(paths, 'hiddenByUser'))
          (d.dim === 'ROWS' ? d.s.hiddenRows : d.s.hiddenCols)[i] = Boolean(p.hiddenByUser);
      }
    },
    autoResizeDimensions(r) {
      const d = dimRange(r.dimensions as Json);
      for (let i = d.start; i < Math.min(d.end, d.max); i++) {
        if (d.dim === 'ROWS') d.s.rowHeights[i] = 21;
        else {
          let longest = 0;
          for (const row of d.s.rows)
            if (row?.[i]) longest = Math.max(longest, displayValue(row[i], book.locale).length);
          d.s.colWidths[i] = Math.max(20, Math.min(1000, longest * 7 + 12));
        }
      }
    },
    repeatCell(r) {
      const g = (r.range ?? {}) as Json;
      const s = sheetById(g.sheetId);
      const paths = fieldPaths(r.fields);
      const cell = (r.cell ?? {}) as Json;
      eachCell(s, apiGrid(s, g), (c) => applyCellData(c, cell, paths));
    },
    updateCells(r) {
      const paths = fieldPaths(r.fields);
      const rows = (r.rows ?? []) as Json[];
      let s: SheetModel;
      let g: GridRange;
      if (r.start) {
        const st = r.start as Json;
        s = sheetById(st.sheetId);
        const height = rows.length;
        const width = Math.max(0, ...rows.map((row) => ((row.values ?? []) as unknown[]).length));
        g = {
          startRow: Number(st.rowIndex ?? 0),
          startCol: Number(st.columnIndex ?? 0),
          endRow: 0,
          endCol: 0,
        };
        g.endRow = g.startRow + height;
        g.endCol = g.startCol + width;
      } else if (r.range) {
        s = sheetById((r.range as Json).sheetId);
        g = apiGrid(s, r.range as Json);
      } else throw new ApiError('updateCells needs start or range');
      if (g.endRow > s.maxRows || g.endCol > s.maxCols)
        throw new ApiError('The range is out of the grid bounds.');
      for (let i = g.startRow; i < g.endRow; i++) {
        const rowData = (rows[i - g.startRow]?.values ?? []) as Json[];
        for (let j = g.startCol; j < g.endCol; j++) {
          const data = rowData[j - g.startCol];
          // With a range, cells without data are cleared for the masked fields; with start, skipped.
          if (!data && r.start) continue;
          applyCellData(s.ensure(i, j), data ?? {}, paths);
        }
      }
    },
    appendCells(r) {
      // After the last row with content; the grid grows when the rows do not fit.
      const s = sheetById(r.sheetId);
      const paths = fieldPaths(r.fields);
      const rows = (r.rows ?? []) as Json[];
      const start = s.lastRow();
      const width = Math.max(0, ...rows.map((row) => ((row.values ?? []) as unknown[]).length));
      if (start + rows.length > s.maxRows) s.insert('ROWS', s.maxRows, start + rows.length - s.maxRows);
      if (width > s.maxCols) s.insert('COLUMNS', s.maxCols, width - s.maxCols);
      rows.forEach((row, i) =>
        ((row.values ?? []) as Json[]).forEach((data, j) =>
          applyCellData(s.ensure(start + i, j), data ?? {}, paths),
        ),
      );
    },
    setBasicFilter(r) {
      const f = (r.filter ?? {}) as Json;
      const g = (f.range ?? {}) as Json;
      const s = sheetById(g.sheetId);
      const criteria: Record<number, unknown> = {};
      for (const [k, v] of Object.entries((f.criteria ?? {}) as Json)) criteria[Number(k)] = v;
      for (const spec of (f.filterSpecs ?? []) as Json[])
        criteria[Number(spec.columnIndex)] = spec.filterCriteria;
      s.filter = {
        range: apiGrid(s, g),
        sortSpecs: ((f.sortSpecs ?? []) as Json[]).map((x) => ({
          dimensionIndex: Number(x.dimensionIndex),
          sortOrder: x.sortOrder === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING',
        })),
        criteria,
      };
      if (s.filter.sortSpecs.length)
        s.sortRange(
          { ...s.filter.range, startRow: s.filter.range.startRow + 1 },
          s.filter.sortSpecs.map((x) => ({ col: x.dimensionIndex, ascending: x.sortOrder === 'ASCENDING' })),
        );
    },
    clearBasicFilter(r) {
      sheetById(r.sheetId).filter = null;
    },
    sortRange(r) {
      const g = (r.range ?? {}) as Json;
      const s = sheetById(g.sheetId);
      const specs = ((r.sortSpecs ?? []) as Json[]).map((x) => ({
        col: Number(x.dimensionIndex),
        ascending: x.sortOrder !== 'DESCENDING',
      }));
      if (!specs.length) throw new ApiError('sortSpecs must not be empty');
      const grid = apiGrid(s, g);
      grid.endRow = Math.min(grid.endRow, s.maxRows);
      s.sortRange(grid, specs);
    },
    addConditionalFormatRule(r) {
      const { sheet, rule } = ruleFromApi((r.rule ?? {}) as Json);
      const index = r.index === undefined ? sheet.conditionalRules.length : Number(r.index);
      sheet.conditionalRules.splice(index, 0, rule);
    },
    deleteConditionalFormatRule(r) {
      const s = sheetById(r.sheetId);
      const index = Number(r.index);
      const rule = s.conditionalRules[index];
      if (!rule) throw new ApiError(`No conditional format on sheet ${s.id} at index ${index}`);
      s.conditionalRules.splice(index, 1);
      return { deleteConditionalFormatRule: { rule: ruleToApi(s.id, rule) } };
    },
    updateConditionalFormatRule(r) {
      const s = sheetById(r.sheetId);
      const index = Number(r.index);
      if (!s.conditionalRules[index])
        throw new ApiError(`No conditional format on sheet ${s.id} at index ${index}`);
      const old = s.conditionalRules[index];
      const { rule } = ruleFromApi((r.rule ?? {}) as Json);
      s.conditionalRules[index] = rule;
      return {
        updateConditionalFormatRule: {
          oldRule: ruleToApi(s.id, old),
          newRule: ruleToApi(s.id, rule),
          oldIndex: index,
          newIndex: index,
        },
      };
    },
    createDeveloperMetadata(r) {
      const m = (r.developerMetadata ?? {}) as Json;
      if (!m.metadataKey) throw new ApiError('developerMetadata.metadataKey is required');
      if (m.metadataId !== undefined && book.metadata.some((x) => x.id === Number(m.metadataId)))
        throw new ApiError(`Developer metadata with ID ${m.metadataId} already exists.`);
      const vis = m.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
      if (m.visibility === undefined) throw new ApiError('developerMetadata.visibility is required');
      const created = book.addMetadata(
        String(m.metadataKey),
        m.metadataValue === undefined ? null : String(m.metadataValue),
        metadataLocation(m.location as Json),
        vis,
      );
      if (m.metadataId !== undefined) created.id = Number(m.metadataId);
      return { createDeveloperMetadata: { developerMetadata: metadataToApi(created) } };
    },
    updateDeveloperMetadata(r) {
      const lookups = lookupsOf(r.dataFilters);
      const paths = fieldPaths(r.fields);
      const m = (r.developerMetadata ?? {}) as Json;
      const hits = book.metadata.filter((x) => lookups.some((l) => matchLookup(x, l)));
      for (const x of hits) {
        if (exact(paths, 'metadataKey')) x.key = String(m.metadataKey);
        if (exact(paths, 'metadataValue'))
          x.value = m.metadataValue === undefined ? null : String(m.metadataValue);
        if (exact(paths, 'visibility')) x.visibility = m.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
        if (exact(paths, 'location')) x.location = metadataLocation(m.location as Json);
      }
      return { updateDeveloperMetadata: { developerMetadata: hits.map(metadataToApi) } };
    },
    deleteDeveloperMetadata(r) {
      const [lookup] = lookupsOf([r.dataFilter]);
      const hits = book.metadata.filter((x) => matchLookup(x, lookup));
      book.metadata = book.metadata.filter((x) => !hits.includes(x));
      return { deleteDeveloperMetadata: { deletedDeveloperMetadata: hits.map(metadataToApi) } };
    },
    setDataValidation(r) {
      const g = (r.range ?? {}) as Json;
      const s = sheetById(g.sheetId);
      eachCell(s, apiGrid(s, g), (c) => setValidation(c, r.rule as Json | undefined));
    },
    updateBorders(r) {
      const g = (r.range ?? {}) as Json;
      sheetById(g.sheetId);
    },
    mergeCells(r) {
      const g = (r.range ?? {}) as Json;
      sheetById(g.sheetId);
    },
    addProtectedRange(r) {
      const p = (r.protectedRange ?? {}) as Json;
      const g = (p.range ?? {}) as Json;
      sheetById(g.sheetId);
      return {
        addProtectedRange: { protectedRange: { ...p, protectedRangeId: Math.floor(Math.random() * 1e9) } },
      };
    },
  };

  const newer = () => realm.toScript({});
  return expose(engine, {
    Spreadsheets: expose(engine, {
      ...Spreadsheets,
      Values: expose(engine, Values),
      DeveloperMetadata: expose(engine, DeveloperMetadata),
    }),
    newValueRange: newer,
    newBatchUpdateValuesRequest: newer,
    newBatchUpdateSpreadsheetRequest: newer,
    newRequest: newer,
    newGridRange: newer,
    newDataFilter: newer,
    newDeveloperMetadataLookup: newer,
    newSearchDeveloperMetadataRequest: newer,
  });
}
