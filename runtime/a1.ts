// A1 notation: 'Sheet 1'!A1:C10, A:C, 2:5, B3, or a bare sheet name (advanced service ranges).

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based bounds; undefined end means "to the edge of the grid". */
export interface A1Ref {
  sheet?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function splitSheet(a1: string): { sheet?: string; cells?: string } {
  const s = a1.trim();
  const q = /^'((?:[^']|'')+)'(?:!(.*))?$/.exec(s);
  if (q) return { sheet: q[1].replace(/''/g, "'"), cells: q[2] };
  const bang = s.lastIndexOf('!');
  if (bang >= 0) return { sheet: s.slice(0, bang), cells: s.slice(bang + 1) };
  return { cells: s };
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

export function parseCells(cells: string): A1Ref | null {
  const [a, b] = cells.split(':');
  const ma = CELL.exec(a);
  const mb = b === undefined ? ma : CELL.exec(b);
  if (!ma || !mb || (!ma[1] && !ma[2]) || (!mb[1] && !mb[2])) return null;
  const ref: A1Ref = {
    startCol: ma[1] ? lettersToCol(ma[1]) : undefined,
    startRow: ma[2] ? Number(ma[2]) : undefined,
    endCol: mb[1] ? lettersToCol(mb[1]) : undefined,
    endRow: mb[2] ? Number(mb[2]) : undefined,
  };
  if (b === undefined && ma[1] && ma[2]) {
    ref.endCol = ref.startCol;
    ref.endRow = ref.startRow;
  }
  if (ref.startRow === 0 || ref.endRow === 0) return null;
  // "A:C" (whole columns) or "2:5" (whole rows)
  if (ref.startRow === undefined) ref.startRow = 1;
  if (ref.startCol === undefined) ref.startCol = 1;
  if (ref.startRow !== undefined && ref.endRow !== undefined && ref.endRow < ref.startRow)
    [ref.startRow, ref.endRow] = [ref.endRow, ref.startRow];
  if (ref.startCol !== undefined && ref.endCol !== undefined && ref.endCol < ref.startCol)
    [ref.startCol, ref.endCol] = [ref.endCol, ref.startCol];
  return ref;
}

/** Parses an A1 reference; a bare name without cells is a sheet name when `sheetNames` contains it. */
export function parseA1(a1: string, sheetNames?: string[]): A1Ref | null {
  const { sheet, cells } = splitSheet(a1);
  if (sheet !== undefined) {
    if (cells === undefined || cells === '') return { sheet };
    const ref = parseCells(cells);
    return ref ? { ...ref, sheet } : null;
  }
  if (cells && sheetNames?.includes(cells)) return { sheet: cells };
  return cells ? parseCells(cells) : null;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function a1(row: number, col: number, rows: number, cols: number): string {
  const start = `${colToLetters(col)}${row}`;
  if (rows === 1 && cols === 1) return start;
  return `${start}:${colToLetters(col + cols - 1)}${row + rows - 1}`;
}
