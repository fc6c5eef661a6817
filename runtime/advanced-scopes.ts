// Scopes of the advanced services (REST APIs) the runtime models, from each API's reference pages.
// gas-types-detailed carries the built-in services only; these are the rest. Any one listed scope
// authorizes a method (the reference's "Requires one of the following OAuth scopes").
const AUTH = 'https://www.googleapis.com/auth/';

export interface AdvancedScopes {
  /** The reference page the list comes from. */
  source: string;
  /** `Symbol.Collection.method` as the script calls it (e.g. `Sheets.Spreadsheets.Values.batchGet`). */
  methods: Record<string, string[]>;
}

const SHEETS_READ = ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly', 'drive.file'];
const SHEETS_WRITE = ['spreadsheets', 'drive', 'drive.file'];

const full = (list: string[]) => list.map((s) => AUTH + s);

/** Sheets API v4 (serviceId `sheets`): reads accept the read-only scopes, writes do not. */
export const SHEETS_API: AdvancedScopes = {
  source: 'https://developers.google.com/workspace/sheets/api/scopes',
  methods: Object.fromEntries(
    [
      ['Spreadsheets.get', SHEETS_READ],
      ['Spreadsheets.getByDataFilter', SHEETS_READ],
      ['Spreadsheets.create', SHEETS_WRITE],
      ['Spreadsheets.batchUpdate', SHEETS_WRITE],
      ['Spreadsheets.Values.get', SHEETS_READ],
      ['Spreadsheets.Values.batchGet', SHEETS_READ],
      ['Spreadsheets.Values.batchGetByDataFilter', SHEETS_READ],
      ['Spreadsheets.Values.update', SHEETS_WRITE],
      ['Spreadsheets.Values.append', SHEETS_WRITE],
      ['Spreadsheets.Values.clear', SHEETS_WRITE],
      ['Spreadsheets.Values.batchUpdate', SHEETS_WRITE],
      ['Spreadsheets.Values.batchUpdateByDataFilter', SHEETS_WRITE],
      ['Spreadsheets.Values.batchClear', SHEETS_WRITE],
      ['Spreadsheets.Values.batchClearByDataFilter', SHEETS_WRITE],
      ['Spreadsheets.DeveloperMetadata.get', SHEETS_READ],
      ['Spreadsheets.DeveloperMetadata.search', SHEETS_READ],
    ].map(([m, s]) => [`Sheets.${m as string}`, full(s as string[])]),
  ),
};

/** Drive API v3 (serviceId `drive`, version v3): files.create works with the per-file `drive.file` scope. */
export const DRIVE_API: AdvancedScopes = {
  source: 'https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create',
  methods: {
    'Drive.Files.create': full(['drive', 'drive.appdata', 'drive.file']),
  },
};

const BQ_WRITE = ['bigquery', 'cloud-platform'];
const BQ_READ = ['bigquery', 'cloud-platform', 'bigquery.readonly', 'cloud-platform.read-only'];

/** BigQuery API v2 (serviceId `bigquery`): each method's "Authorization scopes" list. */
export const BIGQUERY_API: AdvancedScopes = {
  source: 'https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert',
  methods: {
    // jobs.insert also accepts the Cloud Storage scopes (loads from a bucket).
    'BigQuery.Jobs.insert': full([
      ...BQ_WRITE,
      'devstorage.full_control',
      'devstorage.read_only',
      'devstorage.read_write',
    ]),
    'BigQuery.Jobs.get': full(BQ_READ),
    'BigQuery.Jobs.getQueryResults': full(BQ_READ),
    'BigQuery.Datasets.get': full(BQ_READ),
    'BigQuery.Datasets.insert': full(BQ_WRITE),
    'BigQuery.Tables.get': full(BQ_READ),
    'BigQuery.Tables.insert': full(BQ_WRITE),
    'BigQuery.Tables.remove': full(BQ_WRITE),
  },
};

export const ADVANCED_SERVICES: AdvancedScopes[] = [SHEETS_API, DRIVE_API, BIGQUERY_API];
