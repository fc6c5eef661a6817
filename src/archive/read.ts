// Reading the archive for reports: the month tabs of the months a report reaches (the Settings'
// months back, this month included), from the archive spreadsheets that hold them, one read per
// spreadsheet; a spreadsheet holding none of them is not opened. A spreadsheet that cannot be opened
// is left out; the archive run names its months as missing.
import { documentStore } from '../adapters/properties';
import { readTabs } from '../adapters/workbook';
import { openSpreadsheet } from '../adapters/archive-files';
import { archiveSpecs } from '../core/archive/plan';
import type { TabSnapshot } from '../core/table/snapshot';
import { loadCatalog } from './settings';

export function readArchivedMonths(months: ReadonlySet<string>): {
  orders: TabSnapshot[];
  lines: TabSnapshot[];
} {
  const catalog = loadCatalog(documentStore());
  const out = { orders: [] as TabSnapshot[], lines: [] as TabSnapshot[] };
  for (const volume of catalog.volumes) {
    const wanted = volume.months.filter((m) => months.has(m.month));
    if (!wanted.length || !openSpreadsheet(volume.spreadsheetId)) continue;
    const specs = wanted.map((m) => archiveSpecs(m.month, undefined, 'update'));
    const snaps = readTabs(
      specs.flatMap((s) => [s.orders, s.lines]),
      volume.spreadsheetId,
    );
    for (const s of specs) {
      const orders = snaps.get(s.orders.tab);
      const lines = snaps.get(s.lines.tab);
      if (orders?.exists) out.orders.push(orders);
      if (lines?.exists) out.lines.push(lines);
    }
  }
  return out;
}
