// The archive's index: which spreadsheet holds which month and how many rows each month has.
// Kept in document properties (the seller may edit the Archive tab, which only shows it).
import { yearOfMonth } from './window';

export interface ArchiveMonthEntry {
  month: string;
  orders: number;
  lines: number;
  /** Orders the index recorded that its tab no longer holds (the tab was deleted): reported until refilled. */
  lost?: number;
}

export interface ArchiveVolume {
  year: number;
  part: number;
  spreadsheetId: string;
  url: string;
  name: string;
  /** The spreadsheet cannot be opened (deleted, unshared): its months are missing until it is back. */
  lost?: boolean;
  months: ArchiveMonthEntry[];
}

export interface ArchiveCatalog {
  v: 1;
  volumes: ArchiveVolume[];
}

export const emptyCatalog = (): ArchiveCatalog => ({ v: 1, volumes: [] });

/** The volume (that can be opened) holding `month`, if the month was ever archived there. */
export function volumeOfMonth(catalog: ArchiveCatalog, month: string): ArchiveVolume | undefined {
  return catalog.volumes.find((v) => !v.lost && v.months.some((m) => m.month === month));
}

/** The year's newest volume that can be opened (the one new months go to). */
export function latestVolume(catalog: ArchiveCatalog, year: number): ArchiveVolume | undefined {
  return catalog.volumes.filter((v) => v.year === year && !v.lost).sort((a, b) => b.part - a.part)[0];
}

export interface MissingMonth {
  month: string;
  orders: number;
  /** The archive spreadsheet's name as last seen. */
  name: string;
  /** 'file': the spreadsheet cannot be opened; 'tab': its month tabs are gone. */
  why: 'file' | 'tab';
}

/**
 * Months the archive recorded and no longer holds: those of spreadsheets that cannot be opened
 * (less what another volume of the year holds again, after a refill from Ozon), and months whose
 * tabs were deleted (until as many orders are back).
 */
export function missingOf(catalog: ArchiveCatalog): MissingMonth[] {
  const out: MissingMonth[] = [];
  for (const volume of catalog.volumes) {
    for (const entry of volume.months) {
      if (volume.lost) {
        const back =
          volumeOfMonth(catalog, entry.month)?.months.find((m) => m.month === entry.month)?.orders ?? 0;
        if (entry.orders > back)
          out.push({ month: entry.month, orders: entry.orders - back, name: volume.name, why: 'file' });
      } else if (entry.lost && entry.lost > entry.orders) {
        out.push({ month: entry.month, orders: entry.lost - entry.orders, name: volume.name, why: 'tab' });
      }
    }
  }
  return out.sort((a, b) => a.month.localeCompare(b.month));
}

export function archivedMonths(catalog: ArchiveCatalog): Set<string> {
  const out = new Set<string>();
  for (const v of catalog.volumes) for (const m of v.months) out.add(m.month);
  return out;
}

export function monthEntry(volume: ArchiveVolume, month: string): ArchiveMonthEntry {
  let entry = volume.months.find((m) => m.month === month);
  if (!entry) {
    entry = { month, orders: 0, lines: 0 };
    volume.months.push(entry);
    volume.months.sort((a, b) => a.month.localeCompare(b.month));
  }
  return entry;
}

export function sameYear(volume: ArchiveVolume, month: string): boolean {
  return volume.year === yearOfMonth(month);
}
