// Splits batchUpdate requests into calls whose JSON body stays under a byte budget. Google's API
// front end refuses bodies over 10 MB and the Sheets API limits page recommends at most 2 MB, so
// chunks are measured in serialized UTF-8 bytes, not in cells.
import type { SheetsRequest } from './requests';

/** The Sheets API limits page's recommended maximum payload. */
export const MAX_BODY_BYTES = 2_000_000;
const ENVELOPE = '{"requests":[]}'.length;

/** UTF-8 length of a string without TextEncoder (Apps Script's V8 has none). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

type Rows = { values?: unknown[] }[];
interface UpdateCells {
  start?: { sheetId?: number; rowIndex?: number; columnIndex?: number };
  range?: { startRowIndex?: number; endRowIndex?: number };
  rows?: Rows;
  fields?: string;
}

/** Bytes a piece's start row index may add over the whole request's (more digits, or a new field). */
const START_SLACK = 40;

interface Sized {
  request: SheetsRequest;
  bytes: number;
}

/**
 * A multi-row updateCells or appendCells too big for one body becomes consecutive requests of fewer
 * rows (appends keep their order; updates start where their rows were). Each row is measured once:
 * the pieces' sizes are the sum of their rows' plus the request around them, so a large write is
 * serialized about once more, not once per halving.
 */
function splitRows(request: SheetsRequest, size: number, budget: number): Sized[] {
  const append = request.appendCells as { rows?: Rows } | undefined;
  const update = request.updateCells as UpdateCells | undefined;
  const rows = append ? append.rows : update?.rows;
  if (
    !rows ||
    rows.length < 2 ||
    (!append && (!update || (!update.start && update.range?.startRowIndex === undefined)))
  )
    return [{ request, bytes: size }];
  const make = (from: number, to: number): SheetsRequest => {
    if (append) return { appendCells: { ...append, rows: rows.slice(from, to) } } as SheetsRequest;
    const piece: UpdateCells = { ...update, rows: rows.slice(from, to) };
    if (update!.start) piece.start = { ...update!.start, rowIndex: (update!.start.rowIndex ?? 0) + from };
    else {
      const startRowIndex = (update!.range!.startRowIndex ?? 0) + from;
      piece.range = { ...update!.range, startRowIndex, endRowIndex: startRowIndex + (to - from) };
    }
    return { updateCells: piece };
  };
  const around = utf8Length(JSON.stringify(make(0, 0))) + START_SLACK;
  const pieces: Sized[] = [];
  let from = 0;
  let bytes = around;
  for (let i = 0; i < rows.length; i++) {
    const row = utf8Length(JSON.stringify(rows[i]));
    if (i > from && bytes + 1 + row + ENVELOPE > budget) {
      pieces.push({ request: make(from, i), bytes });
      from = i;
      bytes = around;
    }
    bytes += row + (i > from ? 1 : 0);
  }
  pieces.push({ request: make(from, rows.length), bytes });
  return pieces;
}

/** Groups `requests`, in order, into bodies of at most `budget` bytes each (`{"requests":[…]}`). */
export function chunkByBytes(requests: readonly SheetsRequest[], budget = MAX_BODY_BYTES): SheetsRequest[][] {
  const chunks: SheetsRequest[][] = [];
  let chunk: SheetsRequest[] = [];
  let bytes = ENVELOPE;
  const flush = () => {
    if (chunk.length) chunks.push(chunk);
    chunk = [];
    bytes = ENVELOPE;
  };
  for (const request of requests) {
    const size = utf8Length(JSON.stringify(request));
    const pieces = size + ENVELOPE > budget ? splitRows(request, size, budget) : [{ request, bytes: size }];
    for (const piece of pieces) {
      const added = piece.bytes + (chunk.length ? 1 : 0);
      if (chunk.length && bytes + added > budget) flush();
      chunk.push(piece.request);
      bytes += piece.bytes + (chunk.length > 1 ? 1 : 0);
    }
  }
  flush();
  return chunks;
}

/** Byte size of the body `chunkByBytes` measured (for tests and the bench). */
export function bodyBytes(requests: readonly SheetsRequest[]): number {
  return utf8Length(JSON.stringify({ requests }));
}
