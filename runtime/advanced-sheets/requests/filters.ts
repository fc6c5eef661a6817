// batchUpdate requests on the basic filter and sorting.
import { type ApiContext } from '../context';
import { type RequestHandler } from '../requests/handler';
import { ApiError, apiGrid, type Json } from '../shared';

export function filtersRequests(ctx: ApiContext): Record<string, RequestHandler> {
  const { sheetById } = ctx;
  return {
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
  };
}
