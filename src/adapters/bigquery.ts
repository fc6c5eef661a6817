// The advanced BigQuery service (BigQuery API v2) and the Connected Sheets calls of SpreadsheetApp:
// the only code that touches either. Failures come back as BigQueryFailure with Google's reason
// (notFound, accessDenied, quotaExceeded, billingNotEnabled, …), read from the error's details or,
// when Apps Script gives none, from its text.

export interface BigQueryFailureInfo {
  reason: string;
  message: string;
}

export class BigQueryFailure extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: [RegExp, string][] = [
  [/Not found:/i, 'notFound'],
  [/Access Denied|does not have .*permission|permission denied/i, 'accessDenied'],
  [/Quota exceeded|rate limit/i, 'quotaExceeded'],
  [/Billing has not been enabled|billing/i, 'billingNotEnabled'],
  [/Already Exists/i, 'duplicate'],
];

function failure(error: unknown): BigQueryFailure {
  if (error instanceof BigQueryFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: { errors?: { reason?: string }[] } })?.details;
  const reason =
    details?.errors?.[0]?.reason ?? REASONS.find(([re]) => re.test(message))?.[1] ?? 'backendError';
  // Apps Script prefixes "API call to bigquery.x failed with error: "; the rest is Google's text.
  return new BigQueryFailure(reason, message.replace(/^.*?failed with error:\s*/, ''));
}

function api(): GoogleAppsScript.BigQuery {
  if (typeof BigQuery === 'undefined') throw new BigQueryFailure('serviceDisabled', 'BigQuery service');
  return BigQuery;
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw failure(error);
  }
}

export interface JobState {
  jobId: string;
  done: boolean;
  error: BigQueryFailureInfo | null;
  /** DML counts of a finished MERGE. */
  inserted?: number;
  updated?: number;
}

function jobState(job: GoogleAppsScript.BigQuery.Schema.Job): JobState {
  const err = job.status?.errorResult;
  // dmlStats is newer than @types/google-apps-script's Job schema.
  const dml = (
    job.statistics?.query as { dmlStats?: { insertedRowCount?: string; updatedRowCount?: string } }
  )?.dmlStats;
  return {
    jobId: job.jobReference?.jobId ?? '',
    done: job.status?.state === 'DONE',
    error: err ? { reason: err.reason ?? 'backendError', message: err.message ?? '' } : null,
    ...(dml
      ? { inserted: Number(dml.insertedRowCount ?? 0), updated: Number(dml.updatedRowCount ?? 0) }
      : {}),
  };
}

export interface Field {
  name: string;
  type: string;
  mode: string;
}

export const bigQuery = {
  datasetExists(projectId: string, datasetId: string): void {
    guarded(() => api().Datasets!.get(projectId, datasetId));
  },
  /** The table's column names, or null when it does not exist. */
  tableColumns(projectId: string, datasetId: string, tableId: string): string[] | null {
    try {
      const t = guarded(() => api().Tables!.get(projectId, datasetId, tableId));
      return (t.schema?.fields ?? []).map((f) => f.name ?? '');
    } catch (error) {
      if (error instanceof BigQueryFailure && error.reason === 'notFound' && /Table/.test(error.message))
        return null;
      throw error;
    }
  },
  createTable(projectId: string, datasetId: string, tableId: string, fields: Field[]): void {
    guarded(() =>
      api().Tables!.insert(
        { tableReference: { projectId, datasetId, tableId }, schema: { fields } },
        projectId,
        datasetId,
      ),
    );
  },
  /** Starts a load of newline-delimited JSON into `tableId`, replacing what it held. */
  startLoad(
    projectId: string,
    datasetId: string,
    tableId: string,
    fields: Field[],
    ndjson: string,
  ): JobState {
    const blob = Utilities.newBlob(ndjson, 'application/octet-stream');
    return guarded(() =>
      jobState(
        api().Jobs!.insert(
          {
            configuration: {
              load: {
                destinationTable: { projectId, datasetId, tableId },
                sourceFormat: 'NEWLINE_DELIMITED_JSON',
                writeDisposition: 'WRITE_TRUNCATE',
                createDisposition: 'CREATE_IF_NEEDED',
                schema: { fields },
              },
            },
          },
          projectId,
          blob,
        ),
      ),
    );
  },
  startQuery(projectId: string, sql: string): JobState {
    return guarded(() =>
      jobState(
        api().Jobs!.insert({ configuration: { query: { query: sql, useLegacySql: false } } }, projectId),
      ),
    );
  },
  /** A finished query's rows, every page: each field's value as text (null for NULL), in column order. */
  queryRows(projectId: string, jobId: string): (string | null)[][] {
    const out: (string | null)[][] = [];
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const page = guarded(() =>
        api().Jobs!.getQueryResults(projectId, jobId, token ? { pageToken: token } : {}),
      );
      for (const row of page.rows ?? [])
        out.push(
          (row.f ?? []).map((cell) => (cell.v === null || cell.v === undefined ? null : String(cell.v))),
        );
      pageToken = page.pageToken || undefined;
    } while (pageToken);
    return out;
  },
  job(projectId: string, jobId: string): JobState {
    return guarded(() => jobState(api().Jobs!.get(projectId, jobId)));
  },
  sleep(ms: number): void {
    Utilities.sleep(Math.max(0, Math.round(ms)));
  },
};

// ---- Connected Sheets ------------------------------------------------------------------------
// @types/google-apps-script predates these members; their reference pages (gas-types-detailed) name
// the spreadsheets scopes the manifest grants, and SpreadsheetApp.enableBigQueryExecution (which
// the types do know) needs bigquery.readonly.

interface BigQuerySpec {
  getProjectId(): string;
  getTableProjectId(): string;
  getDatasetId(): string;
  getTableId(): string;
}
interface DataSourceLike {
  getSpec(): { asBigQuery(): BigQuerySpec };
  createDataSourcePivotTableOnNewSheet(): {
    addRowGroup(name: string): unknown;
    addColumnGroup(name: string): unknown;
    addPivotValue(name: string, fn: unknown): unknown;
  };
}
interface ConnectedSpreadsheet {
  getId(): string;
  getDataSources(): DataSourceLike[];
  insertDataSourceSheet(spec: unknown): {
    getDataSource(): DataSourceLike;
    getStatus(): { getExecutionState(): unknown; getErrorMessage(): string | null };
  };
}
interface SpecBuilder {
  setProjectId(id: string): SpecBuilder;
  setTableProjectId(id: string): SpecBuilder;
  setDatasetId(id: string): SpecBuilder;
  setTableId(id: string): SpecBuilder;
  build(): unknown;
}

const connected = () => SpreadsheetApp.getActiveSpreadsheet() as unknown as ConnectedSpreadsheet;

function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) throw new Error('The advanced Sheets service is not enabled');
  return Sheets;
}

export interface HistorySource {
  projectId: string;
  datasetId: string;
  tableId: string;
}

function sameSource(spec: { asBigQuery(): BigQuerySpec }, s: HistorySource): boolean {
  const bq = spec.asBigQuery();
  return (
    bq.getProjectId() === s.projectId &&
    (bq.getTableProjectId() || bq.getProjectId()) === s.projectId &&
    bq.getDatasetId() === s.datasetId &&
    bq.getTableId() === s.tableId
  );
}

/** True when the spreadsheet already has a data source over this table. */
export function hasHistorySource(source: HistorySource): boolean {
  return connected()
    .getDataSources()
    .some((d) => sameSource(d.getSpec(), source));
}

export interface ConnectedHistory {
  dataSourceId: string | null;
  state: string;
  error: string;
}

/**
 * Adds a data source sheet over `source`, a pivot table over it on a new sheet (rows `rowGroup`,
 * columns `columnGroup`, values summed) and a column chart of the values by `rowGroup`.
 */
export function connectHistory(
  source: HistorySource,
  pivot: { rowGroup: string; columnGroup: string; value: string },
): ConnectedHistory {
  SpreadsheetApp.enableBigQueryExecution();
  const ss = connected();
  const spec = (SpreadsheetApp.newDataSourceSpec().asBigQuery() as unknown as SpecBuilder)
    .setProjectId(source.projectId)
    .setTableProjectId(source.projectId)
    .setDatasetId(source.datasetId)
    .setTableId(source.tableId)
    .build();
  const sheet = ss.insertDataSourceSheet(spec);
  const status = sheet.getStatus();
  const table = sheet.getDataSource().createDataSourcePivotTableOnNewSheet();
  table.addRowGroup(pivot.rowGroup);
  table.addColumnGroup(pivot.columnGroup);
  table.addPivotValue(pivot.value, SpreadsheetApp.PivotTableSummarizeFunction.SUM);
  const id = ss.getId();
  const got = sheetsApi().Spreadsheets!.get(id, { fields: 'dataSources(dataSourceId,spec)' }) as {
    dataSources?: {
      dataSourceId?: string;
      spec?: { bigQuery?: { tableSpec?: { datasetId?: string; tableId?: string } } };
    }[];
  };
  const found = got.dataSources ?? [];
  const match = found.find((d) => {
    const t = d.spec?.bigQuery?.tableSpec;
    return t?.datasetId === source.datasetId && t?.tableId === source.tableId;
  });
  const dataSourceId = match?.dataSourceId ?? null;
  if (dataSourceId)
    sheetsApi().Spreadsheets!.batchUpdate(
      {
        // Data source charts (dataSourceChartProperties, columnReference) are newer than the types.
        requests: [
          {
            addChart: {
              chart: {
                spec: {
                  title: pivot.value,
                  basicChart: {
                    chartType: 'COLUMN',
                    domains: [{ domain: { columnReference: { name: pivot.rowGroup } } }],
                    series: [{ series: { columnReference: { name: pivot.value } }, aggregateType: 'SUM' }],
                  },
                  dataSourceChartProperties: { dataSourceId },
                },
                position: { newSheet: true },
              },
            },
          },
        ] as unknown as GoogleAppsScript.Sheets.Schema.Request[],
      },
      id,
    );
  return { dataSourceId, state: String(status.getExecutionState()), error: status.getErrorMessage() ?? '' };
}
