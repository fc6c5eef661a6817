// landTables around a seller's edit made between its read and its write, on an in-memory tab that
// applies requests as Sheets does: atomically, refusing a range outside the grid.
import { landTables, type TableIO } from '../../../src/core/table/land';
import type { SheetsRequest } from '../../../src/core/table/requests';
import type { TabSnapshot } from '../../../src/core/table/snapshot';
import type { TableSpec } from '../../../src/core/table/spec';

const spec: TableSpec = {
  tab: 'T',
  key: 'id',
  columns: [
    { key: 'id', header: 'Id', kind: 'id', role: 'sync' },
    { key: 'amount', header: 'Amount', kind: 'number', role: 'sync' },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller' },
  ],
};

type Grid = unknown[][];

interface Cells {
  start: { rowIndex: number; columnIndex: number };
  rows: { values: { userEnteredValue?: Record<string, unknown> }[] }[];
}

/** Applies requests to a copy of the grid; throws (leaving the grid as it was) on a range outside it. */
function apply(grid: Grid, requests: SheetsRequest[]): Grid {
  const next = grid.map((row) => [...row]);
  for (const request of requests as Record<string, unknown>[]) {
    if (request.updateCells) {
      const { start, rows } = request.updateCells as Cells;
      rows.forEach((row, r) => {
        const at = start.rowIndex + r;
        if (at >= next.length) throw new Error(`Range (T!${at + 1}) exceeds grid limits`);
        row.values.forEach((cell, c) => {
          const value = cell.userEnteredValue ? Object.values(cell.userEnteredValue)[0] : '';
          next[at][start.columnIndex + c] = value;
        });
      });
    } else if (request.appendCells) {
      for (const row of (request.appendCells as Cells).rows)
        next.push(
          row.values.map((cell) => (cell.userEnteredValue ? Object.values(cell.userEnteredValue)[0] : '')),
        );
    } else if (request.deleteDimension) {
      const { startIndex, endIndex } = (
        request.deleteDimension as { range: { startIndex: number; endIndex: number } }
      ).range;
      next.splice(startIndex, endIndex - startIndex);
    } else throw new Error(`unexpected request ${JSON.stringify(request)}`);
  }
  return next;
}

/** A tab whose grid holds exactly its rows; `edit` runs once, as the seller, right before the first write. */
function tabIO(rows: Grid, edit: (grid: Grid) => Grid): { io: TableIO; grid: () => Grid; writes: number } {
  let grid: Grid = [['Id', 'Amount', 'Note'], ...rows];
  let edited = false;
  const state = { writes: 0 };
  const io: TableIO = {
    readTabs: () =>
      new Map<string, TabSnapshot>([
        [
          spec.tab,
          {
            spec,
            sheetId: 1,
            exists: true,
            rowCount: grid.length,
            columnCount: 3,
            values: grid.map((row) => [...row]),
            metadata: new Map([
              [0, 'id'],
              [1, 'amount'],
              [2, 'note'],
            ]),
          },
        ],
      ]),
    write: (requests) => {
      state.writes++;
      if (!edited) {
        edited = true;
        grid = edit(grid);
      }
      grid = apply(grid, requests);
    },
  };
  return {
    io,
    grid: () => grid,
    get writes() {
      return state.writes;
    },
  };
}

const rows: Grid = [
  ['a', 1, 'note a'],
  ['b', 2, 'note b'],
  ['c', 3, 'note c'],
];
const deleteRow = (index: number) => (grid: Grid) => grid.filter((_row, i) => i !== index);

describe('landTables with a seller’s delete between its read and its write', () => {
  test('a write refused because its last row left the grid is planned again from a fresh read', () => {
    const tab = tabIO(rows, deleteRow(1));
    landTables(tab.io, [{ spec, rows: [{ id: 'c', amount: 30 }] }]);
    expect(tab.grid()).toEqual([
      ['Id', 'Amount', 'Note'],
      ['b', 2, 'note b'],
      ['c', 30, 'note c'],
    ]);
    expect(tab.writes).toBe(2);
  });

  test('a write that landed one row up is undone there and made on its own row', () => {
    const tab = tabIO(rows, deleteRow(1));
    landTables(tab.io, [{ spec, rows: [{ id: 'b', amount: 20 }] }]);
    expect(tab.grid()).toEqual([
      ['Id', 'Amount', 'Note'],
      ['b', 20, 'note b'],
      ['c', 3, 'note c'],
    ]);
  });

  test('an update-only row whose key the seller deleted is not appended', () => {
    const tab = tabIO(rows, deleteRow(3));
    landTables(tab.io, [
      {
        spec,
        rows: [
          { id: 'a', amount: 10 },
          { id: 'c', amount: 30 },
        ],
        updateOnly: true,
      },
    ]);
    expect(tab.grid()).toEqual([
      ['Id', 'Amount', 'Note'],
      ['a', 10, 'note a'],
      ['b', 2, 'note b'],
    ]);
  });
});
