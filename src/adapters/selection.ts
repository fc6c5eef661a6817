// The seller's selection: which tab and row the active cell is on (one call each, no cell reads).
export interface ActiveRow {
  tab: string;
  /** 1-based sheet row. */
  row: number;
}

export function activeRow(): ActiveRow | null {
  const sheet = SpreadsheetApp.getActiveSheet();
  const range = SpreadsheetApp.getActiveRange();
  if (!sheet || !range) return null;
  return { tab: sheet.getName(), row: range.getRow() };
}
