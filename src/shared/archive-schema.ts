// Archive options shown in Settings (the live window and where older postings go), validated on both sides.
// The BigQuery backend adds its own fields (project, dataset) next to these.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const ARCHIVE_BACKENDS = ['sheets', 'bigquery'] as const;
export type ArchiveBackendKind = (typeof ARCHIVE_BACKENDS)[number];

export const DEFAULT_LIVE_DAYS = 90;
/** Below this the hourly sync's 40-day rolling FBO/FBP read would keep finding archived postings. */
export const MIN_LIVE_DAYS = 45;
export const MAX_LIVE_DAYS = 730;
/** Reports that include the archive read this many months back (this month included), no more. */
export const DEFAULT_REPORT_MONTHS = 12;
export const MAX_REPORT_MONTHS = 60;

export const ArchiveSettingsInput = lazySchema(() =>
  z.object({
    liveDays: z.coerce
      .number({ error: 'error.archive.liveDays' })
      .int('error.archive.liveDays')
      .min(MIN_LIVE_DAYS, 'error.archive.liveDays')
      .max(MAX_LIVE_DAYS, 'error.archive.liveDays'),
    /** Reports read archived months too (slower: every archive spreadsheet is opened). */
    includeInReports: z.boolean().default(false),
    /** How many months back (this month included) those reports reach: only those archive months are read. */
    reportMonths: z.coerce
      .number({ error: 'error.archive.reportMonths' })
      .int('error.archive.reportMonths')
      .min(1, 'error.archive.reportMonths')
      .max(MAX_REPORT_MONTHS, 'error.archive.reportMonths')
      .default(DEFAULT_REPORT_MONTHS),
    backend: z.enum(ARCHIVE_BACKENDS).default('sheets'),
  }),
);
export type ArchiveSettingsInput = z.input<typeof ArchiveSettingsInput>;

/** One archive spreadsheet as the Archive tab lists it. */
export interface ArchiveVolumeView {
  year: number;
  /** 1 for the year's first spreadsheet; a year that outgrows one spreadsheet gets a second. */
  part: number;
  spreadsheetId: string;
  url: string;
  months: string[];
  orders: number;
  lines: number;
}

export interface ArchiveSettingsView {
  liveDays: number;
  includeInReports: boolean;
  reportMonths: number;
  backend: ArchiveBackendKind;
  volumes: ArchiveVolumeView[];
  /** True while a move is part-way through; the next run continues it. */
  pending: boolean;
  /** Months the index lists but no archive spreadsheet holds any more (deleted, tab removed). */
  missing: string[];
}

export interface ArchiveRunSummary {
  result: 'done' | 'partial' | 'failed' | 'locked' | 'nothing';
  message: string;
  moved: number;
  months: string[];
}
