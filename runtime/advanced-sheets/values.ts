// spreadsheets.values: get, batchGet, update, append, clear and their by-data-filter forms.
import { colToLetters, quoteSheet } from '../a1';
import { writeCell } from '../spreadsheet/common';
import { MAX_CELL_CHARS, type Cell } from '../values';
import { type ApiContext } from './context';
import { ApiError, apiGrid, batchAnswer, type Json, sheetsNamedIn } from './shared';

export function valuesService(ctx: ApiContext) {
  const {
    book,
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
  } = ctx;
  // The API trims trailing empty rows and trailing empty cells of each row.
  const trim = (grid: unknown[][]): unknown[][] => {
    const trimmed = grid.map((row) => {
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      return row.slice(0, n).map((v) => (v === undefined ? '' : v));
    });
    while (trimmed.length && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
    return trimmed;
  };

  const readRange = (range: unknown, o: Json) => {
    const text = String(range);
    const r = resolve(range);
    checkGrid(r, text);
    const vro = String(o.valueRenderOption ?? 'FORMATTED_VALUE');
    const dtro = String(o.dateTimeRenderOption ?? 'SERIAL_NUMBER');
    const major = String(o.majorDimension ?? 'ROWS');
    const rendered = (cell: Cell | undefined): unknown =>
      !cell || (cell.v === null && !cell.f) ? undefined : render(cell, vro, dtro);
    let trimmed: unknown[][];
    if (major === 'COLUMNS') {
      const grid: unknown[][] = [];
      for (let i = r.g.startRow; i < r.g.endRow; i++) {
        const row: unknown[] = [];
        for (let j = r.g.startCol; j < r.g.endCol; j++) row.push(rendered(r.sheet.cell(i, j)));
        grid.push(row);
      }
      trimmed = trim(grid[0] ? grid[0].map((_, j) => grid.map((row) => row[j])) : []);
    } else {
      // Row by row over the cells the sheet holds (rows past its last stored row are empty).
      trimmed = [];
      const rows = r.sheet.rows;
      const end = Math.min(r.g.endRow, rows.length);
      let kept = 0;
      for (let i = r.g.startRow; i < end; i++) {
        const cells = rows[i];
        const stop = cells ? Math.min(r.g.endCol, cells.length) : 0;
        let n = 0;
        const row: unknown[] = [];
        for (let j = r.g.startCol; j < stop; j++) {
          const v = rendered(cells![j]);
          row.push(v === undefined ? '' : v);
          if (v !== undefined) n = row.length;
        }
        row.length = n;
        trimmed.push(row);
        if (n) kept = trimmed.length;
      }
      trimmed.length = kept;
    }
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
      const width = rows.reduce((n: number, c) => Math.max(n, Array.isArray(c) ? c.length : 0), 0);
      rows = Array.from({ length: width }, (_, i) => rows.map((c) => c[i]));
    }
    const height = rows.length;
    const width = rows.reduce((n: number, row) => Math.max(n, Array.isArray(row) ? row.length : 0), 0);
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
        addRead(cells);
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
          addRead(cells);
          return out;
        });
        return { spreadsheetId: book.id, valueRanges };
      });
    },
    update(resource: Json, id: string, range: string, o: Json = {}) {
      return call('spreadsheets.values.update', countValues([resource]), 'write', () => {
        checkId(id);
        const capture = book.snapshot(sheetsNamedIn([range]));
        try {
          const { res } = writeRange(range, resource?.values, o?.valueInputOption, resource?.majorDimension);
          if (o?.includeValuesInResponse)
            res.updatedData = readRange(res.updatedRange, {
              valueRenderOption: o.responseValueRenderOption,
            }).out;
          return res;
        } catch (e) {
          capture.restore();
          throw e;
        } finally {
          capture.done();
        }
      });
    },
    batchUpdate(resource: Json, id: string) {
      const data = Array.isArray(resource?.data) ? (resource.data as Json[]) : [];
      return call('spreadsheets.values.batchUpdate', countValues(data), 'write', () => {
        checkId(id);
        const capture = book.snapshot(sheetsNamedIn(data.map((d) => d.range)));
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
          capture.restore();
          throw e;
        } finally {
          capture.done();
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
            addRead(cells);
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
        const capture = book.snapshot();
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
          capture.restore();
          throw e;
        } finally {
          capture.done();
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

  return { Values };
}
