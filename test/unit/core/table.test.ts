import { locateColumns, placeMissing } from '../../../src/core/table/locate';
import { planRequests, setupRequests, columnLetter } from '../../../src/core/table/requests';
import { applyPlan, prepareTab, applySetup, type TabSnapshot } from '../../../src/core/table/snapshot';
import type { TableSpec } from '../../../src/core/table/spec';
import { planUpsert } from '../../../src/core/table/upsert';

const spec: TableSpec = {
  tab: 'T',
  key: 'id',
  columns: [
    { key: 'id', header: 'Id', kind: 'id', role: 'sync' },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync' },
    { key: 'amount', header: 'Amount', kind: 'money', role: 'sync' },
    { key: 'first', header: 'First seen', kind: 'text', role: 'insert' },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller' },
  ],
};

describe('locateColumns', () => {
  it('prefers developer metadata over header text, so renamed and moved columns are still found', () => {
    const header = ['Mine', 'Статус', 'Id', 'Amount', 'Note'];
    const metadata = new Map([
      [1, 'status'],
      [2, 'id'],
    ]);
    const layout = locateColumns(spec, header, metadata);
    expect(Object.fromEntries(layout.positions)).toEqual({ status: 1, id: 2, amount: 3, note: 4 });
    expect(layout.unmarked).toEqual(['amount', 'note']);
    expect(layout.missing.map((c) => c.key)).toEqual(['first']);
    expect(Object.fromEntries(placeMissing(layout, header.length))).toMatchObject({ first: 5 });
  });

  it('matches headers regardless of case and surrounding spaces, and never claims one column twice', () => {
    const layout = locateColumns(spec, [' id ', 'STATUS', 'Status'], new Map());
    expect(layout.positions.get('id')).toBe(0);
    expect(layout.positions.get('status')).toBe(1);
  });
});

describe('planUpsert', () => {
  const positions = new Map([
    ['note', 0],
    ['id', 1],
    ['status', 2],
    ['amount', 4],
    ['first', 5],
  ]);
  const sheet = {
    firstRow: 1,
    rows: [
      ['my note', '007', 'open', 'seller col', 10.5, 'x'],
      ['', '008', 'open', '', 3],
    ],
  };

  it('writes nothing when every incoming value equals the sheet', () => {
    const plan = planUpsert(spec, positions, sheet, [
      { id: '007', status: 'open', amount: 10.5, first: 'y' },
      { id: '008', status: 'open', amount: 3 },
    ]);
    expect(plan.runs).toEqual([]);
    expect(plan.cellsWritten).toBe(0);
    expect(plan.unchanged).toBe(2);
  });

  it('writes only changed sync cells of existing rows and never seller or insert-only columns', () => {
    const plan = planUpsert(spec, positions, sheet, [
      { id: '007', status: 'closed', amount: 10.5, first: 'changed', note: 'overwrite?' },
    ]);
    expect(plan.runs).toEqual([{ row: 1, col: 2, values: ['closed'] }]);
    expect(plan.updated).toEqual(['007']);
  });

  it('appends new rows after the last row, with insert-only columns, in adjacent runs', () => {
    const plan = planUpsert(spec, positions, sheet, [{ id: '0009', status: 'new', amount: 1, first: 'y' }]);
    expect(plan.added).toEqual(['0009']);
    expect(plan.rowsNeeded).toBe(4);
    expect(plan.runs).toEqual([
      { row: 3, col: 1, values: ['0009', 'new'], fresh: true },
      { row: 3, col: 4, values: [1, 'y'], fresh: true },
    ]);
  });

  it('writes a date-time an hour later (a serial near 46,000), not one a few milliseconds off', () => {
    const timed: TableSpec = {
      tab: 'T',
      key: 'id',
      columns: [
        { key: 'id', header: 'Id', kind: 'id', role: 'sync' },
        { key: 'at', header: 'At', kind: 'datetime', role: 'sync' },
      ],
    };
    const at = 46346.50002796889; // 2026-11-20 12:00:02 in Moscow
    const rows = { firstRow: 1, rows: [['1', at]] };
    const cols = new Map([
      ['id', 0],
      ['at', 1],
    ]);
    const hourLater = at + 1 / 24;
    expect(planUpsert(timed, cols, rows, [{ id: '1', at: hourLater }]).runs).toEqual([
      { row: 1, col: 1, values: [hourLater] },
    ]);
    const minuteLater = at + 1 / 1440;
    expect(planUpsert(timed, cols, rows, [{ id: '1', at: minuteLater }]).updated).toEqual(['1']);
    expect(planUpsert(timed, cols, rows, [{ id: '1', at: at + 0.01 / 86_400 }]).runs).toEqual([]);
  });

  it('treats ids as text: 007 in the sheet is not the number 7', () => {
    const plan = planUpsert(spec, positions, sheet, [{ id: '7', status: 'open' }]);
    expect(plan.added).toEqual(['7']);
  });

  it('updates every copy of a duplicated key row and deletes removed keys bottom-up', () => {
    const dup = { firstRow: 1, rows: [...sheet.rows, ['', '007', 'open', '', 10.5]] };
    const plan = planUpsert(spec, positions, dup, [{ id: '007', status: 'paid' }], new Set(['008', '007']));
    expect(plan.runs.map((r) => r.row)).toEqual([1, 3]);
    expect(plan.deleteRows).toEqual([3, 2, 1]);
  });
});

describe('requests', () => {
  it('creates a new tab with header, formats, metadata, filter and frozen row', () => {
    const snapshot: TabSnapshot = {
      spec,
      sheetId: 42,
      exists: false,
      rowCount: 0,
      columnCount: 0,
      values: [],
      metadata: new Map(),
    };
    const prepared = prepareTab(snapshot);
    const kinds = prepared.setup.map((r) => Object.keys(r)[0]);
    expect(kinds[0]).toBe('addSheet');
    // One per column, and one on the sheet naming the tab (found again after a rename).
    const metadata = prepared.setup
      .filter((r) => 'createDeveloperMetadata' in r)
      .map(
        (r) =>
          (r.createDeveloperMetadata as { developerMetadata: Record<string, unknown> }).developerMetadata,
      );
    expect(metadata).toHaveLength(6);
    expect(metadata.filter((m) => m.metadataKey === 'odesk.tab')).toEqual([
      {
        metadataKey: 'odesk.tab',
        metadataValue: spec.tab,
        visibility: 'DOCUMENT',
        location: { sheetId: 42 },
      },
    ]);
    expect(kinds).toContain('setBasicFilter');
    applySetup(prepared);
    expect(snapshot.values[0]).toEqual(['Id', 'Status', 'Amount', 'First seen', 'Note']);
  });

  it('marks an existing tab found by its title only, and lists the columns it had lost', () => {
    const snapshot: TabSnapshot = {
      spec,
      sheetId: 7,
      exists: true,
      rowCount: 10,
      columnCount: 5,
      values: [
        ['Id', 'Amount', 'First seen', 'Note'],
        ['a', 1, 2, ''],
      ],
      metadata: new Map([
        [0, 'id'],
        [1, 'amount'],
        [2, 'first_seen'],
        [3, 'note'],
      ]),
      tabMarked: false,
    };
    const prepared = prepareTab(snapshot);
    expect(prepared.recreated).toEqual(['status']);
    const tabMarks = prepared.setup.filter(
      (r) =>
        'createDeveloperMetadata' in r &&
        (r.createDeveloperMetadata as { developerMetadata: { metadataKey: string } }).developerMetadata
          .metadataKey === 'odesk.tab',
    );
    expect(tabMarks).toHaveLength(1);
    expect(prepareTab({ ...snapshot, tabMarked: true, metadata: new Map() }).setup).not.toContainEqual(
      tabMarks[0],
    );
  });

  it('writes strings as literal stringValue, so formula-like text stays text', () => {
    const positions = new Map([
      ['id', 0],
      ['status', 1],
      ['amount', 2],
    ]);
    const plan = planUpsert(spec, positions, { firstRow: 1, rows: [] }, [
      { id: '=HYPERLINK("x")', status: '+7903', amount: 5 },
    ]);
    const requests = planRequests(spec, 1, 100, positions, plan);
    const cells = (requests[0].updateCells as { rows: { values: unknown[] }[] }).rows[0].values;
    expect(cells[0]).toEqual({
      userEnteredValue: { stringValue: '=HYPERLINK("x")' },
      userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } },
    });
    expect(cells[1]).toMatchObject({ userEnteredValue: { stringValue: '+7903' } });
    expect(cells[2]).toMatchObject({ userEnteredValue: { numberValue: 5 } });
  });

  it('grows the grid before writing past its end and merges adjacent row deletions', () => {
    const positions = new Map([['id', 0]]);
    const plan = planUpsert(
      spec,
      positions,
      { firstRow: 1, rows: [['a'], ['b'], ['c'], ['d']] },
      [{ id: 'z' }],
      new Set(['a', 'b', 'd']),
    );
    const requests = planRequests(spec, 9, 5, positions, plan);
    expect(Object.keys(requests[0])).toEqual(['appendDimension']);
    const deletes = requests.filter((r) => 'deleteDimension' in r).map((r) => r.deleteDimension);
    expect(deletes).toEqual([
      { range: { sheetId: 9, dimension: 'ROWS', startIndex: 4, endIndex: 5 } },
      { range: { sheetId: 9, dimension: 'ROWS', startIndex: 1, endIndex: 3 } },
    ]);
  });

  it('mirrors a plan in memory exactly as the sheet will look', () => {
    const snapshot: TabSnapshot = {
      spec,
      sheetId: 1,
      exists: true,
      rowCount: 3,
      columnCount: 3,
      values: [
        ['Id', 'Status'],
        ['a', 'open'],
        ['b', 'open'],
      ],
      metadata: new Map(),
    };
    const positions = new Map([
      ['id', 0],
      ['status', 1],
    ]);
    const plan = planUpsert(
      spec,
      positions,
      { firstRow: 1, rows: snapshot.values.slice(1) },
      [
        { id: 'b', status: 'done' },
        { id: 'c', status: 'new' },
      ],
      new Set(['a']),
    );
    applyPlan(snapshot, plan, 10);
    expect(snapshot.values).toEqual([
      ['Id', 'Status'],
      ['b', 'done'],
      ['c', 'new'],
    ]);
  });

  it('names columns in A1 letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('repairs an existing tab: a deleted column comes back at the end, found columns get metadata', () => {
    const snapshot: TabSnapshot = {
      spec,
      sheetId: 3,
      exists: true,
      rowCount: 10,
      columnCount: 4,
      values: [['Id', 'Status', 'Amount', 'Note']],
      metadata: new Map([[0, 'id']]),
    };
    const prepared = prepareTab(snapshot);
    expect(prepared.positions.get('first')).toBe(4);
    const kinds = prepared.setup.map((r) => Object.keys(r)[0]);
    expect(kinds[0]).toBe('appendDimension');
    expect(kinds).not.toContain('addSheet');
    expect(kinds.filter((k) => k === 'createDeveloperMetadata')).toHaveLength(4);
    expect(
      setupRequests({
        spec,
        sheetId: 3,
        existing: { rowCount: 10, columnCount: 9 },
        positions: prepared.positions,
        create: [],
        mark: [],
      }),
    ).toEqual([]);
  });
});
