// Pivot tables computed as Sheets computes them: a definition stored on its anchor cell (see
// sheets-charts.ts) fills the cells from the anchor down and right with grouped, summarised values
// of its source range. Recomputed after each execution, like Sheets refreshing a pivot when its
// source changes; the previous output is cleared first, so a shrinking source leaves nothing behind.
// Supported: row and column groups (values of a source column, sorted, with totals), values
// summarised by SUM, COUNTA, COUNT, AVERAGE, MAX or MIN, and the source's number formats.
import type { SheetModel, SpreadsheetModel } from './model';
import type { Cell, Scalar } from './values';

type Json = Record<string, unknown>;
type PivotCell = Cell & { pivot?: Json };

interface Anchor {
  cell: PivotCell;
  sheet?: SheetModel;
  row?: number;
  col?: number;
  /** Size of the output last written, cleared before the next. */
  out?: { rows: number; cols: number; sheet: SheetModel; row: number; col: number };
}

const anchors = new WeakMap<SpreadsheetModel, Set<Anchor>>();

/** Remembers a cell that holds (or held) a pivot definition. */
export function registerPivot(book: SpreadsheetModel, cell: Cell): void {
  let set = anchors.get(book);
  if (!set) anchors.set(book, (set = new Set()));
  for (const a of set) if (a.cell === cell) return;
  set.add({ cell: cell as PivotCell });
}

function locate(book: SpreadsheetModel, anchor: Anchor): boolean {
  if (anchor.sheet && book.sheets.includes(anchor.sheet)) {
    if (anchor.sheet.cell(anchor.row ?? 0, anchor.col ?? 0) === anchor.cell) return true;
  }
  for (const sheet of book.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const line = sheet.rows[r];
      if (!line) continue;
      const c = line.indexOf(anchor.cell);
      if (c >= 0) {
        Object.assign(anchor, { sheet, row: r, col: c });
        return true;
      }
    }
  }
  return false;
}

interface OutCell {
  v: Scalar;
  nf?: string;
  bold?: boolean;
}

type Summary = 'SUM' | 'COUNTA' | 'COUNT' | 'AVERAGE' | 'MAX' | 'MIN';

function summarise(fn: Summary, values: Scalar[]): Scalar {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  switch (fn) {
    case 'COUNTA':
      return values.filter((v) => v !== null && v !== '').length;
    case 'COUNT':
      return numbers.length;
    case 'AVERAGE':
      return numbers.length ? numbers.reduce((s, n) => s + n, 0) / numbers.length : null;
    case 'MAX':
      return numbers.length ? numbers.reduce((a, b) => (b > a ? b : a)) : null;
    case 'MIN':
      return numbers.length ? numbers.reduce((a, b) => (b < a ? b : a)) : null;
    default:
      return numbers.reduce((s, n) => s + n, 0);
  }
}

const compare = (a: Scalar, b: Scalar): number => {
  const rank = (v: Scalar) => (v === null || v === '' ? 2 : typeof v === 'number' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
};

const keyOf = (v: Scalar): string => `${typeof v}:${String(v)}`;

/** The output grid of one pivot definition over its source sheet. */
export function pivotOutput(source: SheetModel, pivot: Json): OutCell[][] {
  const range = (pivot.source ?? {}) as Json;
  const r0 = Number(range.startRowIndex ?? 0);
  const r1 = Math.min(Number(range.endRowIndex ?? source.maxRows), source.rows.length);
  const c0 = Number(range.startColumnIndex ?? 0);
  const header = (c: number): string => String(source.cell(r0, c0 + c)?.v ?? '');
  const rowGroups = (pivot.rows ?? []) as Json[];
  const colGroups = (pivot.columns ?? []) as Json[];
  const values = (pivot.values ?? []) as Json[];
  const records: Scalar[][] = [];
  const formats = new Map<number, string | undefined>();
  const offsets = [...rowGroups, ...colGroups, ...values].map((g) => Number(g.sourceColumnOffset));
  for (let r = r0 + 1; r < r1; r++) {
    const line = offsets.map((o) => source.cell(r, c0 + o)?.v ?? null);
    if (line.every((v) => v === null || v === '')) continue;
    records.push(line);
    offsets.forEach((o) => {
      if (!formats.has(o) && source.cell(r, c0 + o)?.nf) formats.set(o, source.cell(r, c0 + o)?.nf);
    });
  }
  const nfOf = (g: Json) => formats.get(Number(g.sourceColumnOffset));
  const sortKeys = (list: Scalar[], group: Json) => {
    const sorted = [...list].sort(compare);
    return group.sortOrder === 'DESCENDING' ? sorted.reverse() : sorted;
  };
  const nRow = rowGroups.length;
  const nCol = colGroups.length;
  const valueName = (v: Json) =>
    String(v.name ?? `${String(v.summarizeFunction ?? 'SUM')} of ${header(Number(v.sourceColumnOffset))}`);

  // Column keys (a tuple per leaf column), sorted level by level.
  const colTuples: Scalar[][] = [];
  if (nCol) {
    const seen = new Map<string, Scalar[]>();
    for (const rec of records) {
      const tuple = rec.slice(nRow, nRow + nCol);
      seen.set(tuple.map(keyOf).join('|'), tuple);
    }
    colTuples.push(
      ...[...seen.values()].sort((a, b) => {
        for (let i = 0; i < nCol; i++) {
          const c = compare(a[i], b[i]) * (colGroups[i].sortOrder === 'DESCENDING' ? -1 : 1);
          if (c) return c;
        }
        return 0;
      }),
    );
  }
  const colTotals = nCol > 0 && colGroups[0].showTotals !== false;
  const valueCells = (subset: Scalar[][]): OutCell[] => {
    const out: OutCell[] = [];
    const cellsFor = (rows: Scalar[][]) =>
      values.map((v, i) => ({
        v: summarise(
          String(v.summarizeFunction ?? 'SUM') as Summary,
          rows.map((r) => r[nRow + nCol + i]),
        ),
        nf: nfOf(v),
      }));
    if (!nCol) return cellsFor(subset);
    for (const tuple of colTuples) {
      const key = tuple.map(keyOf).join('|');
      const rows = subset.filter(
        (r) =>
          r
            .slice(nRow, nRow + nCol)
            .map(keyOf)
            .join('|') === key,
      );
      out.push(...cellsFor(rows).map((c) => (rows.length ? c : { v: null })));
    }
    if (colTotals) out.push(...cellsFor(subset));
    return out;
  };

  const grid: OutCell[][] = [];
  const blank = (): OutCell => ({ v: null });
  if (nCol) {
    const first: OutCell[] = [
      { v: values.length === 1 ? valueName(values[0]) : null, bold: true },
      ...Array.from({ length: Math.max(nRow - 1, 0) }, blank),
      { v: header(Number(colGroups[0].sourceColumnOffset)), bold: true },
    ];
    grid.push(first);
    const second: OutCell[] = rowGroups.map((g) => ({ v: header(Number(g.sourceColumnOffset)), bold: true }));
    for (const tuple of colTuples) {
      second.push({ v: tuple[0], nf: nfOf(colGroups[0]), bold: true });
      for (let i = 1; i < values.length; i++) second.push(blank());
    }
    if (colTotals) second.push({ v: 'Grand Total', bold: true });
    grid.push(second);
  } else {
    grid.push([
      ...rowGroups.map((g) => ({ v: header(Number(g.sourceColumnOffset)), bold: true })),
      ...values.map((v) => ({ v: valueName(v), bold: true })),
    ]);
  }

  const emit = (subset: Scalar[][], level: number, prefix: OutCell[]): void => {
    if (level === nRow) {
      grid.push([...prefix, ...valueCells(subset)]);
      return;
    }
    const group = rowGroups[level];
    const keys = new Map<string, Scalar>();
    for (const r of subset) keys.set(keyOf(r[level]), r[level]);
    let firstKey = true;
    for (const value of sortKeys([...keys.values()], group)) {
      const rows = subset.filter((r) => keyOf(r[level]) === keyOf(value));
      const label: OutCell = { v: value, nf: nfOf(group) };
      const lead = firstKey ? prefix : prefix.map(blank);
      emit(rows, level + 1, [...lead, label]);
      // Sheets labels an outer group on its first row only.
      firstKey = false;
      if (level < nRow - 1 && group.showTotals !== false) {
        const total: OutCell[] = [
          ...prefix.map(blank),
          { v: `${String(value ?? '')} Total`, bold: true },
          ...Array.from({ length: nRow - level - 1 }, blank),
        ];
        grid.push([...total, ...valueCells(rows).map((c) => ({ ...c, bold: true }))]);
      }
    }
  };
  if (nRow) emit(records, 0, []);
  else grid.push(valueCells(records));
  if (nRow && rowGroups[0].showTotals !== false) {
    grid.push([
      { v: 'Grand Total', bold: true },
      ...Array.from({ length: nRow - 1 }, blank),
      ...valueCells(records).map((c) => ({ ...c, bold: true })),
    ]);
  }
  return grid;
}

/** Recomputes every pivot table of the spreadsheet into its cells. */
export function refreshPivots(book: SpreadsheetModel): void {
  const set = anchors.get(book);
  if (!set) return;
  for (const anchor of [...set]) {
    // Clear what this pivot wrote last time, leaving the anchor's definition.
    const out = anchor.out;
    if (out && book.sheets.includes(out.sheet)) {
      for (let r = 0; r < out.rows; r++)
        for (let c = 0; c < out.cols; c++) {
          const cell = out.sheet.cell(out.row + r, out.col + c) as PivotCell | undefined;
          if (!cell) continue;
          if (cell.pivot) cell.v = null;
          else out.sheet.setCell(out.row + r, out.col + c, undefined);
        }
    }
    anchor.out = undefined;
    if (!anchor.cell.pivot || !locate(book, anchor)) {
      if (!anchor.cell.pivot) set.delete(anchor);
      continue;
    }
    const pivot = anchor.cell.pivot;
    const source = book.byId(Number(((pivot.source ?? {}) as Json).sheetId ?? -1));
    const sheet = anchor.sheet as SheetModel;
    if (!source) continue;
    const grid = pivotOutput(source, pivot);
    const row = anchor.row as number;
    const col = anchor.col as number;
    const cols = grid.reduce((n, g) => Math.max(n, g.length), 0);
    const rows = Math.min(grid.length, sheet.maxRows - row);
    const width = Math.min(cols, sheet.maxCols - col);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < width; c++) {
        const value = grid[r][c];
        if (!value || value.v === null) continue;
        const cell = sheet.ensure(row + r, col + c);
        cell.v = value.v;
        if (value.nf) cell.nf = value.nf;
        if (value.bold) cell.fmt = { ...(cell.fmt ?? {}), bold: true };
      }
    anchor.out = { rows, cols: width, sheet, row, col };
  }
}
