// The tabs' layout as one spreadsheets.get: ids, titles, grid sizes, filters and charts.
import { spreadsheetId } from './workbook';

export interface SheetLayout {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  filter: Record<string, unknown> | null;
  chartIds: number[];
}

const LAYOUT_FIELDS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),basicFilter,charts(chartId))';

export function readLayout(id = spreadsheetId()): SheetLayout[] {
  const info = (Sheets as GoogleAppsScript.Sheets).Spreadsheets!.get(id, { fields: LAYOUT_FIELDS });
  return (info.sheets ?? []).map((sheet) => {
    const props = sheet.properties ?? {};
    return {
      sheetId: props.sheetId ?? 0,
      title: props.title ?? '',
      rowCount: props.gridProperties?.rowCount ?? 0,
      columnCount: props.gridProperties?.columnCount ?? 0,
      filter: (sheet.basicFilter as Record<string, unknown> | undefined) ?? null,
      chartIds: (sheet.charts ?? []).map((c) => c.chartId ?? 0).filter((c) => c > 0),
    };
  });
}
