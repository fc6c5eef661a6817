// The archive's index: which spreadsheet holds which month and how many rows each month has.
// Kept in document properties (the seller may edit the Archive tab, which only shows it).
import { yearOfMonth } from './window';

export interface ArchiveMonthEntry {
  month: string;
  orders: number;
  lines: number;
}

export interface ArchiveVolume {
  year: number;
  part: number;
  spreadsheetId: string;
  url: string;
  months: ArchiveMonthEntry[];
}

export interface ArchiveCatalog {
  v: 1;
  volumes: ArchiveVolume[];
}

export const emptyCatalog = (): ArchiveCatalog => ({ v: 1, volumes: [] });

/** The volume that holds `month`, if it was ever archived. */
export function volumeOfMonth(catalog: ArchiveCatalog, month: string): ArchiveVolume | undefined {
  return catalog.volumes.find((v) => v.months.some((m) => m.month === month));
}

/** The year's newest volume (the one new months go to). */
export function latestVolume(catalog: ArchiveCatalog, year: number): ArchiveVolume | undefined {
  return catalog.volumes.filter((v) => v.year === year).sort((a, b) => b.part - a.part)[0];
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
