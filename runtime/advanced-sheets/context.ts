// What every part of the advanced Sheets service shares: the call wrapper (auth, deadline, the
// round trip charged), range resolution, and the converters between the model and API shapes.
import { dataSourcesToApi } from '../bigquery/connected-sheets';
import { colToLetters, parseA1, quoteSheet } from '../a1';
import {
  type DeveloperMetadata,
  type GridRange,
  type MetadataLocation,
  type RuleFormat,
  type SheetModel,
} from '../model';
import { chartsToApi, pivotOf, setPivot } from '../sheets-charts';
import { type SheetsEnv } from '../spreadsheet/common';
import { type Cell, displayValue, isDateFormat, MAX_CELL_CHARS } from '../values';
import {
  ApiError,
  apiGrid,
  applyFields,
  applyFormat,
  colorToHex,
  formatToApi,
  gridToApi,
  hexToColor,
  type Json,
  maskFlags,
  metadataToApi,
  parseFields,
  ruleToApi,
} from './shared';

export interface Resolved {
  sheet: SheetModel;
  g: GridRange;
  /** True when the A1 range named a single cell (an anchor that data may extend from). */
  anchor: boolean;
}

export function apiContext(env: SheetsEnv) {
  const { engine, book } = env;
  const realm = env.realm;

  let readCells = 0;
  /** Charges `cells` to the read in progress (call() counts them when it ends). */
  const addRead = (cells: number) => {
    readCells += cells;
  };
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

  const clearValues = (s: SheetModel, g: GridRange) => {
    for (let i = g.startRow; i < g.endRow; i++)
      for (let j = g.startCol; j < g.endCol; j++) {
        const c = s.cell(i, j);
        if (c) {
          book.willChange(c);
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
    const sources = dataSourcesToApi(book);
    if (sources.length) out.dataSources = sources;
    return typeof opts.fields === 'string' && opts.fields
      ? (applyFields(out, parseFields(opts.fields)) as Json)
      : out;
  };

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

  return {
    env,
    engine,
    book,
    realm,
    addRead,
    call,
    checkId,
    sheetById,
    resolve,
    a1Of,
    checkGrid,
    render,
    clearValues,
    matchLookup,
    lookupsOf,
    sheetToApi,
    cellToApi,
    spreadsheetToApi,
    dimRange,
    metadataLocation,
    ruleFromApi,
    eachCell,
    applyCellData,
    setValidation,
  };
}

export type ApiContext = ReturnType<typeof apiContext>;
