// The live window's length, whether reports read the archive, and which backend archives (per spreadsheet).
import type { z } from 'zod';
import { readJson, type KeyValueStore } from '../adapters/properties';
import { emptyCatalog, type ArchiveCatalog } from '../core/archive/catalog';
import { AppError } from '../core/errors';
import { bigQueryTarget } from '../bigquery/settings';
import {
  ARCHIVE_BACKENDS,
  DEFAULT_LIVE_DAYS,
  DEFAULT_REPORT_MONTHS,
  MAX_REPORT_MONTHS,
  MAX_LIVE_DAYS,
  MIN_LIVE_DAYS,
  type ArchiveBackendKind,
  type ArchiveSettingsInput,
  type ArchiveSettingsView,
} from '../shared/archive-schema';

export const LIVE_DAYS_KEY = 'ODESK_ARCHIVE_DAYS';
export const ARCHIVE_REPORTS_KEY = 'ODESK_ARCHIVE_REPORTS';
export const ARCHIVE_REPORT_MONTHS_KEY = 'ODESK_ARCHIVE_REPORT_MONTHS';
export const ARCHIVE_BACKEND_KEY = 'ODESK_ARCHIVE_BACKEND';
export const ARCHIVE_CATALOG_KEY = 'ODESK_ARCHIVE_CATALOG';
export const ARCHIVE_JOB_KEY = 'ODESK_ARCHIVE_JOB';
/** Months the index lists that no archive holds any more: named in every run until put right. */
export const ARCHIVE_MISSING_KEY = 'ODESK_ARCHIVE_MISSING';

export function liveDays(store: KeyValueStore): number {
  const value = Number(store.get(LIVE_DAYS_KEY));
  return Number.isInteger(value) && value >= MIN_LIVE_DAYS && value <= MAX_LIVE_DAYS
    ? value
    : DEFAULT_LIVE_DAYS;
}

export function reportsIncludeArchive(store: KeyValueStore): boolean {
  return store.get(ARCHIVE_REPORTS_KEY) === 'on';
}

/** How many months back reports that include the archive reach (this month included). */
export function reportMonths(store: KeyValueStore): number {
  const value = Number(store.get(ARCHIVE_REPORT_MONTHS_KEY));
  return Number.isInteger(value) && value >= 1 && value <= MAX_REPORT_MONTHS ? value : DEFAULT_REPORT_MONTHS;
}

export function archiveBackend(store: KeyValueStore): ArchiveBackendKind {
  const value = store.get(ARCHIVE_BACKEND_KEY);
  return (ARCHIVE_BACKENDS as readonly string[]).includes(value ?? '')
    ? (value as ArchiveBackendKind)
    : 'sheets';
}

export function loadCatalog(store: KeyValueStore): ArchiveCatalog {
  const catalog = readJson<ArchiveCatalog>(store, ARCHIVE_CATALOG_KEY);
  return catalog && catalog.v === 1 ? catalog : emptyCatalog();
}

export function saveCatalog(store: KeyValueStore, catalog: ArchiveCatalog): void {
  store.set(ARCHIVE_CATALOG_KEY, JSON.stringify(catalog));
}

export function missingMonths(store: KeyValueStore): string[] {
  return readJson<string[]>(store, ARCHIVE_MISSING_KEY) ?? [];
}

export function readArchiveSettings(doc: KeyValueStore): ArchiveSettingsView {
  const catalog = loadCatalog(doc);
  return {
    liveDays: liveDays(doc),
    includeInReports: reportsIncludeArchive(doc),
    reportMonths: reportMonths(doc),
    backend: archiveBackend(doc),
    volumes: catalog.volumes.map((v) => ({
      year: v.year,
      part: v.part,
      spreadsheetId: v.spreadsheetId,
      url: v.url,
      months: v.months.map((m) => m.month),
      orders: v.months.reduce((sum, m) => sum + m.orders, 0),
      lines: v.months.reduce((sum, m) => sum + m.lines, 0),
    })),
    pending: doc.get(ARCHIVE_JOB_KEY) !== null,
    missing: missingMonths(doc),
  };
}

export function saveArchiveSettings(
  doc: KeyValueStore,
  input: z.output<typeof ArchiveSettingsInput>,
): ArchiveSettingsView {
  // BigQuery as the only archive needs somewhere to go: refused before anything is saved.
  if (input.backend === 'bigquery' && !bigQueryTarget(doc))
    throw new AppError('input', 'error.archive.backend', {}, 'backend');
  doc.set(LIVE_DAYS_KEY, String(input.liveDays));
  doc.set(ARCHIVE_REPORTS_KEY, input.includeInReports ? 'on' : 'off');
  doc.set(ARCHIVE_REPORT_MONTHS_KEY, String(input.reportMonths));
  doc.set(ARCHIVE_BACKEND_KEY, input.backend);
  return readArchiveSettings(doc);
}
