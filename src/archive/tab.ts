// The Archive tab of the live workbook: one row per archive spreadsheet (year, part, name, link,
// months, rows, state). It only shows the index kept in document properties; the seller may edit it.
import type { ArchiveCatalog, MissingMonth } from '../core/archive/catalog';
import { t, type Lang } from '../core/i18n/messages';
import { guardedRequests } from '../core/table/guard';
import type { SheetsRequest } from '../core/table/requests';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { planUpsert } from '../core/table/upsert';

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

/** The Archive tab's setup (when new) and the changed cells of its rows. */
export function archiveTabRequests(
  snaps: Map<string, TabSnapshot>,
  catalog: ArchiveCatalog,
  missing: readonly MissingMonth[],
  lang: Lang,
): SheetsRequest[] {
  const prepared = prepareTab(snaps.get(ARCHIVE_TAB) as TabSnapshot);
  const plan = planUpsert(
    archiveTabSpec,
    prepared.positions,
    { firstRow: 1, rows: prepared.snapshot.values.slice(1) },
    archiveTabRows(catalog, missing, lang),
  );
  return [
    ...prepared.setup,
    ...guardedRequests(
      archiveTabSpec,
      prepared.snapshot.sheetId,
      prepared.positions,
      plan,
      prepared.snapshot.zone,
    ),
  ];
}
