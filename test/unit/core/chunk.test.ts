import { bodyBytes, chunkByBytes, utf8Length } from '../../../src/core/table/chunk';

const cellRequest = (row: number, text: string) => ({
  updateCells: {
    start: { sheetId: 1, rowIndex: row, columnIndex: 0 },
    rows: [{ values: [{ userEnteredValue: { stringValue: text } }] }],
    fields: 'userEnteredValue',
  },
});

describe('chunkByBytes', () => {
  it('measures UTF-8 bytes, as Google counts the body', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('Заказ')).toBe(10);
    expect(utf8Length('订单')).toBe(6);
    expect(utf8Length('📦')).toBe(4);
    expect(utf8Length('Заказ 订单 📦')).toBe(Buffer.byteLength('Заказ 订单 📦', 'utf8'));
  });

  it('keeps every body under the budget and the requests in order', () => {
    const requests = Array.from({ length: 3000 }, (_, i) => cellRequest(i, `Товар №${i} `.repeat(20)));
    const chunks = chunkByBytes(requests, 100_000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks)
      expect(Buffer.byteLength(JSON.stringify({ requests: c }), 'utf8')).toBeLessThanOrEqual(100_000);
    expect(chunks.flat()).toEqual(requests);
    expect(bodyBytes(chunks[0])).toBe(Buffer.byteLength(JSON.stringify({ requests: chunks[0] }), 'utf8'));
  });

  it('splits one oversized multi-row updateCells into consecutive rows', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      values: [{ userEnteredValue: { stringValue: `${i}:${'x'.repeat(500)}` } }],
    }));
    const big = {
      updateCells: { start: { sheetId: 7, rowIndex: 10, columnIndex: 2 }, rows, fields: 'userEnteredValue' },
    };
    const chunks = chunkByBytes(
      [{ appendDimension: { sheetId: 7, dimension: 'ROWS', length: 5 } }, big],
      60_000,
    );
    for (const c of chunks) expect(bodyBytes(c)).toBeLessThanOrEqual(60_000);
    const pieces = chunks.flat().slice(1) as unknown as {
      updateCells: { start: { rowIndex: number }; rows: unknown[] };
    }[];
    let next = 10;
    for (const p of pieces) {
      expect(p.updateCells.start.rowIndex).toBe(next);
      next += p.updateCells.rows.length;
    }
    expect(next).toBe(1010);
    expect(pieces.flatMap((p) => p.updateCells.rows)).toEqual(rows);
  });

  it('splits an oversized appendCells and a range-based updateCells, in order, each body under the budget', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      values: [{ userEnteredValue: { stringValue: `${i}:${'Ж'.repeat(i % 300)}` } }],
    }));
    const append = { appendCells: { sheetId: 3, rows, fields: 'userEnteredValue' } };
    const update = {
      updateCells: {
        range: {
          sheetId: 3,
          startRowIndex: 99_990,
          endRowIndex: 101_990,
          startColumnIndex: 0,
          endColumnIndex: 1,
        },
        rows,
        fields: 'userEnteredValue',
      },
    };
    const chunks = chunkByBytes([append, update], 40_000);
    for (const c of chunks) expect(bodyBytes(c)).toBeLessThanOrEqual(40_000);
    const flat = chunks.flat() as unknown as {
      appendCells?: { rows: unknown[] };
      updateCells?: { range: { startRowIndex: number; endRowIndex: number }; rows: unknown[] };
    }[];
    const appends = flat.filter((p) => p.appendCells);
    const updates = flat.filter((p) => p.updateCells);
    expect(appends.length).toBeGreaterThan(1);
    expect(flat.indexOf(updates[0])).toBeGreaterThan(flat.indexOf(appends[appends.length - 1]));
    expect(appends.flatMap((p) => p.appendCells!.rows)).toEqual(rows);
    let next = 99_990;
    for (const p of updates) {
      expect(p.updateCells!.range.startRowIndex).toBe(next);
      next += p.updateCells!.rows.length;
      expect(p.updateCells!.range.endRowIndex).toBe(next);
    }
    expect(next).toBe(101_990);
  });
});
