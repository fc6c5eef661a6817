// batchUpdate requests on cells: values and formats, validation, borders, merges.
import { type GridRange, type SheetModel } from '../../model';
import { type ApiContext } from '../context';
import { type RequestHandler } from '../requests/handler';
import { ApiError, apiGrid, fieldPaths, type Json } from '../shared';

export function cellsRequests(ctx: ApiContext): Record<string, RequestHandler> {
  const { sheetById, eachCell, applyCellData, setValidation } = ctx;
  return {
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
        const width = rows.reduce(
          (n: number, row) => Math.max(n, ((row.values ?? []) as unknown[]).length),
          0,
        );
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
      const width = rows.reduce((n: number, row) => Math.max(n, ((row.values ?? []) as unknown[]).length), 0);
      if (start + rows.length > s.maxRows) s.insert('ROWS', s.maxRows, start + rows.length - s.maxRows);
      if (width > s.maxCols) s.insert('COLUMNS', s.maxCols, width - s.maxCols);
      rows.forEach((row, i) =>
        ((row.values ?? []) as Json[]).forEach((data, j) =>
          applyCellData(s.ensure(start + i, j), data ?? {}, paths),
        ),
      );
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
  };
}
