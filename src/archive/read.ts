// Reading the archive for reports: every month tab of every archive spreadsheet that can be opened
// (one read per spreadsheet). A spreadsheet that cannot be opened is left out; the archive run names
// its months as missing.
import { documentStore } from '../adapters/properties';
import { readTabs } from '../adapters/workbook';
import { openSpreadsheet } from '../adapters/archive-files';
import { archiveSpecs } from '../core/archive/plan';
import type { TabSnapshot } from '../core/table/snapshot';
import { loadCatalog } from './settings';

export function readArchivedMonths(): { orders: TabSnapshot[]; lines: TabSnapshot[] } {
  const catalog = loadCatalog(documentStore());
  const out = { orders: [] as TabSnapshot[], lines: [] as TabSnapshot[] };
  for (const volume of catalog.volumes) {
    if (!openSpreadsheet(volume.spreadsheetId)) continue;
    const specs = volume.months.map((m) => archiveSpecs(m.month, undefined, 'update'));
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
