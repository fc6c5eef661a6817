// Every limit and quota the runtime enforces, each with the Google page it comes from. A rule whose
// figure no Google page gives has `source: null` and says why it is kept (or it is not enforced).
// Consumer-account (gmail.com) figures; Workspace ones are noted where the runtime can switch.
export interface Limit {
  value: number;
  /** The Google page the figure comes from; null: no Google page documents it. */
  source: string | null;
  note?: string;
}

const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const SHEETS_LIMITS = 'https://developers.google.com/workspace/sheets/api/limits';
const EDITOR_TRIGGERS = 'https://developers.google.com/workspace/add-ons/concepts/editor-triggers';
const CACHE = 'https://developers.google.com/apps-script/reference/cache/cache';
const DRIVE_FILES = 'https://support.google.com/drive/answer/37603';
const BIGQUERY_QUOTAS = 'https://cloud.google.com/bigquery/quotas';

const limit = (value: number, source: string | null, note?: string): Limit =>
  note === undefined ? { value, source } : { value, source, note };

export const LIMITS = {
  // Executions
  executionMs: limit(6 * 60_000, QUOTAS, 'Script runtime: 6 min / execution'),
  simpleTriggerMs: limit(30_000, 'https://developers.google.com/apps-script/guides/triggers#restrictions'),
  triggerRuntimeDailyMs: limit(90 * 60_000, QUOTAS, 'Triggers total runtime; Workspace: 6 h / day'),
  triggersPerUserPerScript: limit(20, QUOTAS, 'Triggers: 20 / user / script'),
  // Editor add-on triggers
  addonTriggersPerTypePerDocument: limit(
    1,
    EDITOR_TRIGGERS,
    'one trigger of each type per user per document',
  ),
  addonMinTimeTriggerIntervalMs: limit(
    3_600_000,
    EDITOR_TRIGGERS,
    'time-driven triggers at most once an hour',
  ),
  // UrlFetch
  urlFetchCallsDaily: limit(20_000, QUOTAS, 'Workspace: 100,000 / day'),
  urlFetchResponseBytes: limit(50 * 1024 * 1024, QUOTAS),
  urlFetchUrlLength: limit(2 * 1024, QUOTAS),
  // Mail
  emailRecipientsDaily: limit(100, QUOTAS, 'Workspace: 1,500 / day'),
  // Properties
  propertyValueBytes: limit(9 * 1024, QUOTAS),
  propertyStoreBytes: limit(500 * 1024, QUOTAS),
  propertiesReadWriteDaily: limit(50_000, QUOTAS, 'Properties read/write; Workspace: 500,000 / day'),
  // Cache
  cacheValueBytes: limit(100 * 1024, CACHE),
  cacheKeyLength: limit(250, CACHE),
  cacheMaxTtlSeconds: limit(21_600, CACHE),
  cacheMaxItems: limit(1000, CACHE),
  // Spreadsheets
  spreadsheetCells: limit(10_000_000, DRIVE_FILES),
  cellCharacters: limit(50_000, DRIVE_FILES),
  // Sheets API (advanced Sheets service)
  sheetsRecommendedBodyBytes: limit(2_000_000, SHEETS_LIMITS, '"we recommend a 2 MB maximum payload"'),
  sheetsReadsPerMinutePerUser: limit(60, SHEETS_LIMITS),
  sheetsWritesPerMinutePerUser: limit(60, SHEETS_LIMITS),
  sheetsReadsPerMinutePerProject: limit(300, SHEETS_LIMITS, 'shared by every installation of the add-on'),
  sheetsWritesPerMinutePerProject: limit(300, SHEETS_LIMITS, 'shared by every installation of the add-on'),
  // BigQuery (advanced BigQuery service)
  bigqueryLoadJobsPerTablePerDay: limit(
    1_500,
    `${BIGQUERY_QUOTAS}#load_jobs`,
    'load jobs per table per day, failures included; quotaExceeded past it',
  ),
  bigqueryQueryCharacters: limit(
    1_024_000,
    `${BIGQUERY_QUOTAS}#query_jobs`,
    'maximum GoogleSQL query length: 1,024K characters',
  ),
  apiRequestBodyBytes: limit(
    10_485_760,
    null,
    "Google's API front end answers \"Request payload size exceeds the limit: 10485760 bytes.\"; Google's staff say the figure is not publicly documented (googleworkspace/dotnet-samples#23). Kept: it is the answer Google gives. Also applied to BigQuery jobs.insert bodies with their media (Google documents no smaller figure for Apps Script's advanced service; the add-on stays under it, so it works either way).",
  ),
} satisfies Record<string, Limit>;

/** Rules the runtime used to enforce with no Google page behind them, and what became of them. */
export const UNSOURCED_RULES = {
  everyHoursWhitelist: {
    rule: 'ClockTriggerBuilder.everyHours(n) accepts only 1, 2, 4, 6, 8 or 12',
    status: 'removed: the reference documents n as the number of hours, with no such list',
    source:
      'https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyHours(Integer)',
  },
} as const;
