// Pure helpers of the advanced Sheets service: colours, field masks, grids, formats, metadata.
import { type DeveloperMetadata, type GridRange, type RuleFormat, type SheetModel } from '../model';
import { type Cell, type CellFormat, isDateFormat, localeRules } from '../values';

export type Json = Record<string, unknown>;

export class ApiError extends Error {}

export function hexToColor(hex: string | null | undefined): Json | undefined {
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

export function colorToHex(c: unknown): string | null {
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

export function applyFields(value: unknown, tree: Map<string, unknown> | true): unknown {
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
export function apiGrid(sheet: SheetModel, g: Json | undefined): GridRange {
  const r = g ?? {};
  return {
    startRow: Number(r.startRowIndex ?? 0),
    endRow: Number(r.endRowIndex ?? sheet.maxRows),
    startCol: Number(r.startColumnIndex ?? 0),
    endCol: Number(r.endColumnIndex ?? sheet.maxCols),
  };
}

export function gridToApi(sheetId: number, g: GridRange): Json {
  return {
    sheetId,
    startRowIndex: g.startRow,
    endRowIndex: g.endRow,
    startColumnIndex: g.startCol,
    endColumnIndex: g.endCol,
  };
}

/** Sheets a values call may write: those named in its ranges (all of them when a range names none). */
export function sheetsNamedIn(ranges: unknown[]): (sheet: SheetModel) => boolean {
  const texts = ranges.map((r) => String(r ?? ''));
  if (texts.some((r) => !r.includes('!'))) return () => true;
  return (sheet) => texts.some((r) => r.includes(sheet.name));
}

/** Sheets a batchUpdate may change: every sheetId its requests mention, and sheet 0 (the API's default). */
export function sheetsIdentifiedIn(requests: unknown): (sheet: SheetModel) => boolean {
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
export function batchAnswer(
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

export function fieldPaths(fields: unknown): string[] {
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
export const covers = (paths: string[], path: string) =>
  paths.some((p) => p === '*' || p === path || path.startsWith(p + '.') || p.startsWith(path + '.'));
export const exact = (paths: string[], path: string) =>
  paths.some((p) => p === '*' || p === path || path.startsWith(p + '.'));

/** Which parts of a cell a request's field mask selects; computed once per mask, used for every cell. */
export interface MaskFlags {
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
export const maskCache = new WeakMap<string[], MaskFlags>();
export function maskFlags(paths: string[]): MaskFlags {
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

export function numberFormatPattern(nf: Json, locale: string): string {
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

export function patternType(p: string | undefined): string {
  if (!p || p === 'General') return 'NUMBER';
  if (p === '@') return 'TEXT';
  if (isDateFormat(p)) return /[hs]/i.test(p) ? (/[yd]/i.test(p) ? 'DATE_TIME' : 'TIME') : 'DATE';
  if (p.includes('%')) return 'PERCENT';
  if (/E\+/i.test(p)) return 'SCIENTIFIC';
  if (/[$€£₽¥]/.test(p)) return 'CURRENCY';
  return 'NUMBER';
}

export function formatToApi(cell: Cell | undefined): Json | undefined {
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
export function applyFormat(cell: Cell, fmtIn: Json | undefined, paths: string[], locale: string) {
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

export function metadataToApi(m: DeveloperMetadata): Json {
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

export function ruleToApi(
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
