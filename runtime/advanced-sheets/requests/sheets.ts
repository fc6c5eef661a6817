// batchUpdate requests on tabs: add, delete, update properties, protect.
import { type ApiContext } from '../context';
import { type RequestHandler } from '../requests/handler';
import { ApiError, colorToHex, exact, fieldPaths, type Json } from '../shared';

export function sheetsRequests(ctx: ApiContext): Record<string, RequestHandler> {
  const { book, sheetById, sheetToApi } = ctx;
  return {
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
    addProtectedRange(r) {
      const p = (r.protectedRange ?? {}) as Json;
      const g = (p.range ?? {}) as Json;
      sheetById(g.sheetId);
      return {
        addProtectedRange: { protectedRange: { ...p, protectedRangeId: Math.floor(Math.random() * 1e9) } },
      };
    },
  };
}
