// batchUpdate requests on rows and columns: insert, append, delete, move, resize.
import { displayValue } from '../../values';
import { type ApiContext } from '../context';
import { type RequestHandler } from '../requests/handler';
import { ApiError, exact, fieldPaths, type Json } from '../shared';

export function dimensionsRequests(ctx: ApiContext): Record<string, RequestHandler> {
  const { book, sheetById, dimRange } = ctx;
  return {
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
  };
}
