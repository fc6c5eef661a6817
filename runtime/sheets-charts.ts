// Embedded charts and pivot tables for the advanced Sheets service: addChart, updateChartSpec,
// updateEmbeddedObjectPosition and deleteEmbeddedObject requests, charts listed in
// spreadsheets.get (sheets[].charts), and pivot table definitions stored on their anchor cell
// (updateCells with the `pivotTable` field; returned as CellData.pivotTable). Charts live on
// their sheet, so deleting the sheet deletes them. Pivot tables are stored, checked against
// their source range and returned; pivot.ts computes their output cells.
import type { SheetModel, SpreadsheetModel } from './model';
import type { Cell } from './values';
import { registerPivot } from './pivot';
import { dataSourcesOf } from './bigquery/connected-sheets';

type Json = Record<string, unknown>;

export interface StoredChart {
  chartId: number;
  spec: Json;
  position: Json;
}

type ChartSheet = SheetModel & { charts?: StoredChart[] };
type PivotCell = Cell & { pivot?: Json };

export function chartsOf(sheet: SheetModel): StoredChart[] {
  const s = sheet as ChartSheet;
  return (s.charts ??= []);
}

/** `sheets[].charts` of spreadsheets.get. */
export function chartsToApi(sheet: SheetModel): Json[] {
  return ((sheet as ChartSheet).charts ?? []).map((c) =>
    structuredClone({ chartId: c.chartId, spec: c.spec, position: c.position }),
  );
}

function gridSources(spec: Json): Json[] {
  const found: Json[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const v = value as Json;
    if (v.sourceRange && Array.isArray((v.sourceRange as Json).sources))
      found.push(...((v.sourceRange as Json).sources as Json[]));
    for (const child of Object.values(v)) walk(child);
  };
  walk(spec);
  return found;
}

const CHART_KINDS = [
  'basicChart',
  'pieChart',
  'bubbleChart',
  'candlestickChart',
  'orgChart',
  'histogramChart',
  'waterfallChart',
  'treemapChart',
  'scorecardChart',
];

export function chartRequests(book: SpreadsheetModel, sheetById: (id: unknown) => SheetModel) {
  let nextId = 700_000_001;
  const all = () => book.sheets.flatMap((s) => chartsOf(s).map((chart) => ({ sheet: s, chart })));
  const find = (id: unknown) => {
    const hit = all().find((x) => x.chart.chartId === Number(id));
    if (!hit) throw new Error(`No embedded object with id: ${String(id)}`);
    return hit;
  };
  const checkSpec = (spec: Json | undefined): Json => {
    if (!spec) throw new Error('chart.spec is required');
    const kinds = CHART_KINDS.filter((k) => spec[k] !== undefined);
    if (kinds.length !== 1) throw new Error('chart.spec must set exactly one chart type');
    const dataSource = spec.dataSourceChartProperties as Json | undefined;
    if (dataSource) {
      const id = String(dataSource.dataSourceId ?? '');
      if (!dataSourcesOf(book).some((d) => d.id === id)) throw new Error(`No data source with id: ${id}`);
      if (gridSources(spec).length)
        throw new Error('A data source chart takes columns of its data source, not grid ranges.');
    }
    for (const source of gridSources(spec)) {
      const s = sheetById(source.sheetId);
      const end = Number(source.endRowIndex ?? s.maxRows);
      const endCol = Number(source.endColumnIndex ?? s.maxCols);
      if (end > s.maxRows || endCol > s.maxCols) throw new Error('Chart source range exceeds grid limits.');
    }
    return structuredClone(spec);
  };
  const placement = (position: Json | undefined): { sheet: SheetModel; position: Json } => {
    const overlay = position?.overlayPosition as Json | undefined;
    if (overlay) {
      const anchor = (overlay.anchorCell ?? {}) as Json;
      const sheet = sheetById(anchor.sheetId);
      const row = Number(anchor.rowIndex ?? 0);
      const col = Number(anchor.columnIndex ?? 0);
      if (row >= sheet.maxRows || col >= sheet.maxCols)
        throw new Error('The anchor cell is outside the grid.');
      return { sheet, position: structuredClone(position as Json) };
    }
    if (position?.newSheet === true) {
      if (position.sheetId !== undefined || position.overlayPosition)
        throw new Error('Only one of sheetId, overlayPosition or newSheet may be set.');
      const sheet = book.addSheet();
      return { sheet, position: { sheetId: sheet.id } };
    }
    if (position?.sheetId !== undefined) {
      const sheet = sheetById(position.sheetId);
      return { sheet, position: { sheetId: sheet.id } };
    }
    throw new Error(
      'The local runtime supports charts placed with overlayPosition, sheetId or newSheet only.',
    );
  };
  return {
    addChart(r: Json) {
      const chart = (r.chart ?? {}) as Json;
      const spec = checkSpec(chart.spec as Json | undefined);
      const { sheet, position } = placement(chart.position as Json | undefined);
      let chartId = chart.chartId === undefined ? nextId++ : Number(chart.chartId);
      if (all().some((x) => x.chart.chartId === chartId)) {
        if (chart.chartId !== undefined)
          throw new Error(`An embedded object with id ${chartId} already exists.`);
        while (all().some((x) => x.chart.chartId === chartId)) chartId = nextId++;
      }
      const stored: StoredChart = { chartId, spec, position };
      chartsOf(sheet).push(stored);
      return { addChart: { chart: structuredClone(stored) } };
    },
    updateChartSpec(r: Json) {
      const { chart } = find(r.chartId);
      chart.spec = checkSpec(r.spec as Json | undefined);
    },
    updateEmbeddedObjectPosition(r: Json) {
      const { sheet, chart } = find(r.objectId);
      const moved = placement(r.newPosition as Json | undefined);
      chart.position = moved.position;
      if (moved.sheet !== sheet) {
        (sheet as ChartSheet).charts = chartsOf(sheet).filter((c) => c !== chart);
        chartsOf(moved.sheet).push(chart);
      }
      return { updateEmbeddedObjectPosition: { position: structuredClone(chart.position) } };
    },
    deleteEmbeddedObject(r: Json) {
      const { sheet, chart } = find(r.objectId);
      (sheet as ChartSheet).charts = chartsOf(sheet).filter((c) => c !== chart);
    },
  };
}

/** Sets (or with no definition, clears) the pivot table anchored at a cell. */
export function setPivot(book: SpreadsheetModel, cell: Cell, pivot: Json | undefined): void {
  const c = cell as PivotCell;
  if (!pivot) {
    delete c.pivot;
    return;
  }
  const source = (pivot.source ?? {}) as Json;
  const sheet = book.byId(Number(source.sheetId ?? -1));
  if (!sheet) throw new Error(`No grid with id: ${String(source.sheetId)}`);
  const start = Number(source.startColumnIndex ?? 0);
  const width = Number(source.endColumnIndex ?? sheet.maxCols) - start;
  if (Number(source.endRowIndex ?? sheet.maxRows) > sheet.maxRows || start + width > sheet.maxCols)
    throw new Error('The pivot table source range exceeds grid limits.');
  const groups = [...((pivot.rows ?? []) as Json[]), ...((pivot.columns ?? []) as Json[])];
  const values = (pivot.values ?? []) as Json[];
  for (const g of [...groups, ...values]) {
    if (g.formula !== undefined) continue;
    const offset = Number(g.sourceColumnOffset);
    if (!(offset >= 0 && offset < width))
      throw new Error(`Invalid sourceColumnOffset ${String(g.sourceColumnOffset)}`);
  }
  c.pivot = structuredClone(pivot);
  registerPivot(book, c);
}

export function pivotOf(cell: Cell | undefined): Json | undefined {
  const pivot = (cell as PivotCell | undefined)?.pivot;
  return pivot ? structuredClone(pivot) : undefined;
}
