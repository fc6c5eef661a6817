import { buildReportData } from '../../../src/core/reports/build';
import { daySerial } from '../../../src/core/reports/calendar';
import { dashboardRequests } from '../../../src/core/reports/dashboard';
import { cellsWritten, reportTabRequests, ROWS_PER_REQUEST } from '../../../src/core/reports/requests';
import { salesSpec } from '../../../src/core/reports/specs';
import type { Cell } from '../../../src/core/table/spec';
import { line, posting, sourcesFor } from './support';

const kinds = (requests: object[]) => requests.map((r) => Object.keys(r)[0]);
const row = (n: number): Cell[] => salesSpec.columns.map((_c, i) => (i === 2 ? `P-${n}` : n));

describe('reportTabRequests', () => {
  it('creates a new tab with a frozen header, formats, every row and a filter', () => {
    const requests = reportTabRequests(
      salesSpec,
      { sheetId: 5, exists: false, rowCount: 0, columnCount: 0, filter: null },
      [row(1), row(2)],
    );
    const add = requests[0].addSheet as { properties: { title: string; gridProperties: object } };
    expect(add.properties.title).toBe('Sales');
    expect(add.properties.gridProperties).toEqual({
      rowCount: 3,
      columnCount: salesSpec.columns.length,
      frozenRowCount: 1,
    });
    expect(kinds(requests).filter((k) => k === 'repeatCell')).toHaveLength(salesSpec.columns.length);
    expect(cellsWritten(requests)).toBe(3 * salesSpec.columns.length);
    const month = requests.find(
      (r) =>
        (r.repeatCell as { range: { startColumnIndex: number } } | undefined)?.range.startColumnIndex === 1,
    )!;
    expect(JSON.stringify(month)).toContain('yyyy-mm');
    expect(kinds(requests).at(-1)).toBe('setBasicFilter');
  });

  it('cuts an existing tab to the new rows by count, keeps the filter criteria and clears in one range', () => {
    const criteria = { 5: { hiddenValues: ['cancelled'] } };
    const requests = reportTabRequests(
      salesSpec,
      { sheetId: 9, exists: true, rowCount: 500, columnCount: 30, filter: { range: {}, criteria } },
      [row(1)],
    );
    expect(kinds(requests)).not.toContain('addSheet');
    // By count, not by the 500 rows read: rows inserted or deleted since the read change nothing.
    expect(requests[0]).toEqual({
      updateSheetProperties: {
        properties: { sheetId: 9, gridProperties: { rowCount: 2, frozenRowCount: 1 } },
        fields: 'gridProperties.rowCount,gridProperties.frozenRowCount',
      },
    });
    expect(kinds(requests)).not.toContain('deleteDimension');
    const filter = requests.at(-1)!.setBasicFilter as { filter: { criteria: object; range: object } };
    expect(filter.filter.criteria).toEqual(criteria);
    expect(filter.filter.range).toMatchObject({ sheetId: 9, startRowIndex: 0, endRowIndex: 2 });
  });

  it('splits large tables into bounded updateCells requests', () => {
    const rows = Array.from({ length: ROWS_PER_REQUEST * 2 + 1 }, (_, i) => row(i));
    const requests = reportTabRequests(
      salesSpec,
      { sheetId: 1, exists: true, rowCount: 2, columnCount: 22, filter: null },
      rows,
    );
    const data = requests.filter(
      (r) => (r.updateCells as { fields: string } | undefined)?.fields === 'userEnteredValue',
    );
    expect(data).toHaveLength(3);
    expect(cellsWritten(requests)).toBe((rows.length + 1) * salesSpec.columns.length);
  });
});

describe('dashboardRequests', () => {
  const data = buildReportData(
    sourcesFor([
      posting({ lines: [line('A', 1, 10, 1, 9)] }),
      posting({ region: 'Казань', lines: [line('B', 2, 5, 1, 9)] }),
    ]),
    { today: daySerial('2026-11-20'), nowSerial: daySerial('2026-11-20') + 0.5 },
  );
  const input = {
    lang: 'ru' as const,
    data: data.dashboard,
    updatedAt: '2026-11-20 12:00',
    timeZone: 'Europe/Moscow',
    sales: { sheetId: 11, rows: 2 },
    products: { sheetId: 12, rows: 2 },
    offers: 2,
  };

  it('replaces the charts already on the tab and adds four charts and two pivot tables', () => {
    const requests = dashboardRequests(
      { sheetId: 3, exists: true, rowCount: 1000, columnCount: 30, chartIds: [101, 102] },
      input,
    );
    expect(requests.filter((r) => r.deleteEmbeddedObject).map((r) => r.deleteEmbeddedObject)).toEqual([
      { objectId: 101 },
      { objectId: 102 },
    ]);
    expect(kinds(requests).filter((k) => k === 'addChart')).toHaveLength(4);
    const pivots = requests
      .map(
        (r) =>
          (r.updateCells as { rows?: { values: { pivotTable?: { source: { sheetId: number } } }[] }[] })
            ?.rows?.[0]?.values[0]?.pivotTable,
      )
      .filter(Boolean);
    expect(pivots.map((p) => p!.source.sheetId)).toEqual([11, 12]);
    expect(JSON.stringify(requests)).toContain('Вчера');
  });

  it('creates the tab the first time, with nothing to delete', () => {
    const requests = dashboardRequests(
      { sheetId: 3, exists: false, rowCount: 0, columnCount: 0, chartIds: [] },
      input,
    );
    expect(kinds(requests)[0]).toBe('addSheet');
    expect(kinds(requests)).not.toContain('deleteEmbeddedObject');
  });
});
