// The Archive tab of the live workbook: one row per archive spreadsheet (year, part, name, link,
// months, rows, state). It only shows the index kept in document properties; the seller may edit it
// (and sort it, insert or delete rows in it while a move runs).
import type { ArchiveCatalog, MissingMonth } from '../core/archive/catalog';
import { t, type Lang } from '../core/i18n/messages';
import { landTables, type TableIO } from '../core/table/land';
import type { RowValues, TableSpec } from '../core/table/spec';

export const ARCHIVE_TAB = 'Archive';

export const archiveTabSpec: TableSpec = {
  tab: ARCHIVE_TAB,
  key: 'spreadsheet_id',
  columns: [
    { key: 'year', header: 'Year', kind: 'int', role: 'sync', width: 60 },
    { key: 'part', header: 'Part', kind: 'int', role: 'sync', width: 50 },
    { key: 'name', header: 'Spreadsheet', kind: 'text', role: 'sync', width: 220 },
    { key: 'link', header: 'Link', kind: 'text', role: 'sync', width: 320 },
    { key: 'months', header: 'Months', kind: 'text', role: 'sync', width: 260 },
    { key: 'orders', header: 'Orders', kind: 'int', role: 'sync', width: 80 },
    { key: 'lines', header: 'Order lines', kind: 'int', role: 'sync', width: 90 },
    { key: 'state', header: 'State', kind: 'text', role: 'sync', width: 240 },
    { key: 'spreadsheet_id', header: 'Spreadsheet ID', kind: 'id', role: 'sync', width: 160, hidden: true },
  ],
};

export function archiveTabRows(
  catalog: ArchiveCatalog,
  missing: readonly MissingMonth[],
  lang: Lang,
): RowValues[] {
  return catalog.volumes.map((v) => {
    const gone = missing.filter((m) => m.why === 'tab' && m.name === v.name).map((m) => m.month);
    return {
      year: v.year,
      part: v.part,
      name: v.name,
      link: v.url,
      months: v.months.map((m) => m.month).join(', '),
      orders: v.months.reduce((sum, m) => sum + m.orders, 0),
      lines: v.months.reduce((sum, m) => sum + m.lines, 0),
      state: v.lost
        ? t(lang, 'archive.state.lost')
        : gone.length
          ? t(lang, 'archive.state.tabs', { months: gone.join(', ') })
          : t(lang, 'archive.state.ok'),
      spreadsheet_id: v.spreadsheetId,
    };
  });
}

/**
 * Lands the Archive tab's rows by key (the spreadsheet's id): read right before and after the
 * write, so a row the seller sorted, inserted or deleted meanwhile never takes another row's cells.
 */
export function landArchiveTab(
  io: TableIO,
  catalog: ArchiveCatalog,
  missing: readonly MissingMonth[],
  lang: Lang,
): void {
  landTables(io, [{ spec: archiveTabSpec, rows: archiveTabRows(catalog, missing, lang) }]);
}
