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

/** A multi-row updateCells too big for one body becomes consecutive updateCells of fewer rows. */
function splitUpdateCells(request: SheetsRequest, budget: number): SheetsRequest[] {
  // appendCells places rows after the last row with content: consecutive smaller appends keep the order.
  const append = request.appendCells as { rows?: Rows } | undefined;
  if (append?.rows && append.rows.length > 1) {
    const half = Math.ceil(append.rows.length / 2);
    return [append.rows.slice(0, half), append.rows.slice(half)]
      .map((rows) => ({ appendCells: { ...append, rows } }) as SheetsRequest)
      .flatMap((r) =>
        utf8Length(JSON.stringify(r)) + ENVELOPE > budget ? splitUpdateCells(r, budget) : [r],
      );
  }
  const update = request.updateCells as UpdateCells | undefined;
  const rows = update?.rows;
  if (!update || !rows || rows.length < 2 || (!update.start && update.range?.startRowIndex === undefined))
    return [request];
  const half = Math.ceil(rows.length / 2);
  const part = (from: number, to: number): SheetsRequest => {
    const piece: UpdateCells = { ...update, rows: rows.slice(from, to) };
    if (update.start) piece.start = { ...update.start, rowIndex: (update.start.rowIndex ?? 0) + from };
    else {
      const startRowIndex = (update.range!.startRowIndex ?? 0) + from;
      piece.range = { ...update.range, startRowIndex, endRowIndex: startRowIndex + (to - from) };
    }
    return { updateCells: piece };
  };
  return [part(0, half), part(half, rows.length)].flatMap((r) =>
    utf8Length(JSON.stringify(r)) + ENVELOPE > budget ? splitUpdateCells(r, budget) : [r],
  );
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
    const pieces = size + ENVELOPE > budget ? splitUpdateCells(request, budget) : [request];
    for (const piece of pieces) {
      const pieceSize = pieces.length === 1 ? size : utf8Length(JSON.stringify(piece));
      const added = pieceSize + (chunk.length ? 1 : 0);
      if (chunk.length && bytes + added > budget) flush();
      chunk.push(piece);
      bytes += pieceSize + (chunk.length > 1 ? 1 : 0);
    }
  }
  flush();
  return chunks;
}

/** Byte size of the body `chunkByBytes` measured (for tests and the bench). */
export function bodyBytes(requests: readonly SheetsRequest[]): number {
  return utf8Length(JSON.stringify({ requests }));
}
