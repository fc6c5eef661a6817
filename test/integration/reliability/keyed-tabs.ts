// Edits a seller makes to keyed tabs in the middle of a run (a sort, an insert, a delete), and what
// must hold after it: every keyed row holds its own key's figures, once; a row without a key holds
// none of the add-on's cells; the seller's notes stay on their rows; nothing is missing but what the
// seller deleted. Shared by the edit-injection tests of the service, feedback and finance tabs.
import { tabRecords, type DemoShop } from '../../support/shop';
import { insertRows, setCell, sortBy } from '../../support/seller';

export type Edit = 'sort' | 'insert' | 'delete';

export interface KeyedTab {
  tab: string;
  /** Header of the key column. */
  key: string;
  /** Two columns to sort by (alternately, ascending and descending). */
  sort: [string, string];
  /** A column of the add-on's that every keyed row fills (checked empty on rows without a key). */
  filled: string;
  /** The seller's note column, when the tab has one. */
  note?: string;
  /** What is wrong with a keyed row against Ozon (empty when it is right); `deleted`: by the seller. */
  check(key: string, row: Record<string, unknown>, deleted: boolean): string[];
}

/** Deletes 1-based row `row` of a tab (clamped to the data rows) and remembers the key it held. */
export function deleteKeyed(shop: DemoShop, tab: KeyedTab, row: number, deleted: Set<string>): void {
  const values = shop.rt.spreadsheet.sheet(tab.tab).values() as unknown[][];
  const keyCol = (values[0] as string[]).indexOf(tab.key);
  if (values.length < 2) return;
  const at = Math.max(2, Math.min(row, values.length));
  const key = String(values[at - 1]?.[keyCol] ?? '');
  if (key) deleted.add(`${tab.tab}|${key}`);
  shop.rt.asUser((g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab.tab)!.deleteRow(at));
}

export function editTabs(
  shop: DemoShop,
  tabs: readonly KeyedTab[],
  kind: Edit,
  k: number,
  deleted: Set<string>,
): void {
  for (const tab of tabs) {
    if (shop.rt.spreadsheet.sheet(tab.tab).values().length < 3) continue;
    if (kind === 'sort') sortBy(shop.rt, tab.tab, tab.sort[k % 2], k % 4 < 2);
    else if (kind === 'insert') insertRows(shop.rt, tab.tab, 2 + ((k * 7) % 20), 1 + (k % 3));
    else deleteKeyed(shop, tab, 2 + ((k * 11) % 30), deleted);
  }
}

/** The seller types `note <key>` on the first rows of each tab with a note column. */
export function typeNotes(shop: DemoShop, tabs: readonly KeyedTab[], count: number): void {
  for (const tab of tabs) {
    if (!tab.note) continue;
    for (const row of tabRecords(shop.rt, tab.tab).slice(0, count)) {
      const key = String(row[tab.key]);
      setCell(shop.rt, tab.tab, tab.key, key, tab.note, `note ${key}`);
    }
  }
}

/** Keys each tab holds now (`tab|key`). */
export function keysNow(shop: DemoShop, tabs: readonly KeyedTab[]): Set<string> {
  const out = new Set<string>();
  for (const tab of tabs)
    for (const row of tabRecords(shop.rt, tab.tab))
      if (String(row[tab.key])) out.add(`${tab.tab}|${String(row[tab.key])}`);
  return out;
}

/**
 * Problems of the tabs: `expected` keys (`tab|key`) must be there unless the seller deleted them
 * (`deleted`), up to `mayMiss` others may be missing (deleted after the run's last read).
 */
export function keyedProblems(
  shop: DemoShop,
  tabs: readonly KeyedTab[],
  expected: ReadonlySet<string>,
  deleted: ReadonlySet<string>,
  mayMiss = 0,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tab of tabs) {
    for (const row of tabRecords(shop.rt, tab.tab)) {
      const key = String(row[tab.key]);
      if (!key) {
        if (row[tab.filled] !== '' && row[tab.filled] !== undefined)
          problems.push(`${tab.tab}: a row without a key holds ${tab.filled} ${String(row[tab.filled])}`);
        continue;
      }
      const id = `${tab.tab}|${key}`;
      if (seen.has(id)) problems.push(`${tab.tab}: ${key} twice`);
      seen.add(id);
      for (const p of tab.check(key, row, deleted.has(id))) problems.push(`${tab.tab}: ${key} ${p}`);
      if (tab.note && row[tab.note] !== '' && row[tab.note] !== `note ${key}`)
        problems.push(`${tab.tab}: ${key} has the note '${String(row[tab.note])}'`);
    }
  }
  const missing = [...expected].filter((id) => !seen.has(id) && !deleted.has(id));
  if (missing.length > mayMiss)
    problems.push(`missing: ${missing.slice(0, 5).join(', ')} (${missing.length})`);
  return problems;
}
