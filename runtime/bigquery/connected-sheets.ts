// Connected Sheets objects the add-on creates through SpreadsheetApp: the DataSourceSpec builder
// (asBigQuery), Spreadsheet.insertDataSourceSheet, DataSource, DataSourceSheet and a data source
// pivot table on a new sheet. A data source sheet is a sheet of the book (listed by getSheets and
// spreadsheets.get, which also lists `dataSources`); its data execution succeeds only when the
// BigQuery project has billing, the user has access and the table exists (Connected Sheets runs
// queries billed to that project). Cell contents of data source sheets and pivots are not computed.
import crypto from 'node:crypto';
import { expose } from '../bridge';
import type { SheetsEnv } from '../spreadsheet/common';
import type { SpreadsheetModel } from '../model';
import type { BigQueryModel } from './model';

export interface DataSourceSpecData {
  type: 'BIGQUERY';
  projectId: string;
  tableProjectId: string;
  datasetId: string;
  tableId: string;
  rawQuery: string;
}

export interface DataSourcePivot {
  sheetId: number;
  rows: string[];
  columns: string[];
  values: { column: string; fn: string }[];
}

export interface DataSourceRecord {
  id: string;
  spec: DataSourceSpecData;
  sheetIds: number[];
  pivots: DataSourcePivot[];
  state: 'SUCCEEDED' | 'ERROR';
  error: string;
}

/** The book's data sources (kept beside the sheets, as the Sheets API lists them apart). */
export function dataSourcesOf(book: SpreadsheetModel): DataSourceRecord[] {
  const b = book as SpreadsheetModel & { dataSources?: DataSourceRecord[] };
  const all = (b.dataSources ??= []);
  // A deleted sheet unlinks itself; a data source with nothing linked to it is gone, as in Sheets.
  for (const d of all) {
    d.sheetIds = d.sheetIds.filter((id) => book.byId(id));
    d.pivots = d.pivots.filter((p) => book.byId(p.sheetId));
  }
  b.dataSources = all.filter((d) => d.sheetIds.length || d.pivots.length);
  return b.dataSources;
}

/** `dataSources` of spreadsheets.get. */
export function dataSourcesToApi(book: SpreadsheetModel): Record<string, unknown>[] {
  return dataSourcesOf(book).map((d) => ({
    dataSourceId: d.id,
    spec: {
      bigQuery: {
        projectId: d.spec.projectId,
        ...(d.spec.rawQuery
          ? { querySpec: { rawQuery: d.spec.rawQuery } }
          : {
              tableSpec: {
                tableProjectId: d.spec.tableProjectId,
                datasetId: d.spec.datasetId,
                tableId: d.spec.tableId,
              },
            }),
      },
    },
    sheetId: d.sheetIds[0],
  }));
}

const SUMMARIZE = [
  'SUM',
  'COUNTA',
  'COUNT',
  'COUNTUNIQUE',
  'AVERAGE',
  'MAX',
  'MIN',
  'MEDIAN',
  'PRODUCT',
  'STDEV',
  'STDEVP',
  'VAR',
  'VARP',
];
export const PIVOT_SUMMARIZE = Object.freeze(Object.fromEntries(SUMMARIZE.map((s) => [s, s])));
export const DATA_EXECUTION_STATE = Object.freeze({
  DATA_EXECUTION_STATE_UNSUPPORTED: 'DATA_EXECUTION_STATE_UNSUPPORTED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  ERROR: 'ERROR',
  NOT_STARTED: 'NOT_STARTED',
});

function specObject(env: SheetsEnv, data: DataSourceSpecData) {
  const bq = {
    getProjectId: () => data.projectId,
    getTableProjectId: () => data.tableProjectId,
    getDatasetId: () => data.datasetId,
    getTableId: () => data.tableId,
    getRawQuery: () => data.rawQuery,
    getType: () => 'BIGQUERY',
    copy: () => builder(env, { ...data }),
  };
  return expose(env.engine, {
    getType: () => 'BIGQUERY',
    asBigQuery: () => expose(env.engine, bq),
    copy: () => builder(env, { ...data }),
    __spec: () => ({ ...data }),
  });
}

function builder(env: SheetsEnv, data: DataSourceSpecData) {
  const set = (key: keyof DataSourceSpecData) => (value: string) => {
    (data as unknown as Record<string, string>)[key] = String(value ?? '');
    return b;
  };
  const b: Record<string, unknown> = {
    setProjectId: set('projectId'),
    setTableProjectId: set('tableProjectId'),
    setDatasetId: set('datasetId'),
    setTableId: set('tableId'),
    setRawQuery: set('rawQuery'),
    getProjectId: () => data.projectId,
    getTableProjectId: () => data.tableProjectId,
    getDatasetId: () => data.datasetId,
    getTableId: () => data.tableId,
    getRawQuery: () => data.rawQuery,
    getType: () => 'BIGQUERY',
    build: () => {
      if (!data.projectId)
        throw new Error('The BigQuery data source spec needs a billing project ID (setProjectId).');
      if (!data.rawQuery && !(data.datasetId && data.tableId))
        throw new Error(
          'The BigQuery data source spec needs a table (setDatasetId and setTableId) or a query (setRawQuery).',
        );
      return specObject(env, { ...data });
    },
  };
  return expose(env.engine, b);
}

/** SpreadsheetApp.newDataSourceSpec(). */
export function newDataSourceSpec(env: SheetsEnv) {
  const data: DataSourceSpecData = {
    type: 'BIGQUERY',
    projectId: '',
    tableProjectId: '',
    datasetId: '',
    tableId: '',
    rawQuery: '',
  };
  return expose(env.engine, {
    asBigQuery: () => {
      return builder(env, data);
    },
  });
}

/** Executions that called SpreadsheetApp.enableBigQueryExecution (ids). */
const enabled = new WeakMap<SpreadsheetModel, Set<number>>();

export function enableBigQueryExecution(env: SheetsEnv): void {
  env.engine.requireAuth('SpreadsheetApp.enableBigQueryExecution');
  const id = env.engine.current?.id ?? 0;
  let set = enabled.get(env.book);
  if (!set) enabled.set(env.book, (set = new Set()));
  set.add(id);
}

function execute(
  model: BigQueryModel | undefined,
  spec: DataSourceSpecData,
): { state: 'SUCCEEDED' | 'ERROR'; error: string } {
  const project = model?.projects.get(spec.projectId);
  if (!project)
    return { state: 'ERROR', error: `Project ${spec.projectId} was not found or you do not have access.` };
  if (!project.access) return { state: 'ERROR', error: `Access Denied: Project ${spec.projectId}.` };
  if (!project.billing)
    return { state: 'ERROR', error: `Billing is not enabled for project ${spec.projectId}.` };
  if (spec.rawQuery) return { state: 'SUCCEEDED', error: '' };
  const table = model?.table(spec.tableProjectId || spec.projectId, spec.datasetId, spec.tableId);
  if (!table)
    return {
      state: 'ERROR',
      error: `Not found: Table ${spec.tableProjectId || spec.projectId}:${spec.datasetId}.${spec.tableId}`,
    };
  return { state: 'SUCCEEDED', error: '' };
}

function columnsOf(model: BigQueryModel | undefined, spec: DataSourceSpecData): string[] | null {
  const t = model?.table(spec.tableProjectId || spec.projectId, spec.datasetId, spec.tableId);
  return t ? t.schema.map((f) => f.name) : null;
}

export function connectedSheets(env: SheetsEnv, model: () => BigQueryModel | undefined) {
  const status = (rec: DataSourceRecord) =>
    expose(env.engine, {
      getExecutionState: () => rec.state,
      getErrorMessage: () => rec.error,
      getErrorCode: () => (rec.state === 'ERROR' ? 'OTHER' : 'DATA_EXECUTION_ERROR_CODE_UNSUPPORTED'),
      isTruncated: () => false,
    });
  const refresh = (rec: DataSourceRecord) => {
    env.engine.call('sheetsOther');
    Object.assign(rec, execute(model(), rec.spec));
  };

  const dataSourceObj = (rec: DataSourceRecord): object =>
    expose(env.engine, {
      getSpec: () => specObject(env, rec.spec),
      getColumns: () =>
        env.realm.list(
          (columnsOf(model(), rec.spec) ?? []).map((name) =>
            expose(env.engine, { getName: () => name, getDataSource: () => dataSourceObj(rec) }),
          ),
        ),
      getDataSourceSheets: () => env.realm.list(rec.sheetIds.map((id) => dataSourceSheetObj(rec, id))),
      refreshAllLinkedDataSourceObjects: () => refresh(rec),
      createDataSourcePivotTableOnNewSheet: () => {
        env.engine.call('sheetsWrite');
        const sheet = env.book.addSheet(undefined);
        const pivot: DataSourcePivot = { sheetId: sheet.id, rows: [], columns: [], values: [] };
        rec.pivots.push(pivot);
        return pivotObj(rec, pivot);
      },
      __record: () => rec,
    });

  const checkColumn = (rec: DataSourceRecord, name: string) => {
    const cols = columnsOf(model(), rec.spec);
    if (cols && !cols.includes(String(name)))
      throw new Error(`Column ${String(name)} not found in the data source.`);
  };

  const pivotObj = (rec: DataSourceRecord, pivot: DataSourcePivot) => {
    const group = () => expose(env.engine, { showTotals: () => group() });
    return expose(env.engine, {
      addRowGroup: (name: string) => {
        checkColumn(rec, name);
        pivot.rows.push(String(name));
        return group();
      },
      addColumnGroup: (name: string) => {
        checkColumn(rec, name);
        pivot.columns.push(String(name));
        return group();
      },
      addPivotValue: (name: string, fn?: string) => {
        checkColumn(rec, name);
        const f = String(fn ?? 'SUM');
        if (!SUMMARIZE.includes(f)) throw new Error(`Invalid argument: summarizeFunction ${f}`);
        pivot.values.push({ column: String(name), fn: f });
        return expose(env.engine, { getSummarizedBy: () => f });
      },
      getDataSource: () => dataSourceObj(rec),
      getStatus: () => status(rec),
      refreshData: () => {
        refresh(rec);
      },
      __sheetId: () => pivot.sheetId,
    });
  };

  const dataSourceSheetObj = (rec: DataSourceRecord, sheetId: number) =>
    expose(env.engine, {
      getDataSource: () => dataSourceObj(rec),
      getStatus: () => status(rec),
      refreshData: () => refresh(rec),
      forceRefreshData: () => refresh(rec),
      __sheetId: () => sheetId,
    });

  return {
    insertDataSourceSheet(spec: unknown) {
      const data = (spec as { __spec?: () => DataSourceSpecData })?.__spec?.();
      if (!data) throw new Error('Invalid argument: spec');
      if (!enabled.get(env.book)?.has(env.engine.current?.id ?? 0))
        throw new Error(
          'Data execution for BigQuery data source is not enabled. Call SpreadsheetApp.enableBigQueryExecution() first.',
        );
      env.engine.call('sheetsWrite');
      const sheet = env.book.addSheet(
        data.tableId && !env.book.byName(data.tableId) ? data.tableId : undefined,
      );
      env.book.activeSheetId = sheet.id;
      const rec: DataSourceRecord = {
        id: `ds_${crypto.randomBytes(6).toString('hex')}`,
        spec: data,
        sheetIds: [sheet.id],
        pivots: [],
        ...execute(model(), data),
      };
      dataSourcesOf(env.book).push(rec);
      return dataSourceSheetObj(rec, sheet.id);
    },
    getDataSources() {
      env.engine.call('sheetsOther');
      return env.realm.list(dataSourcesOf(env.book).map((r) => dataSourceObj(r)));
    },
    getDataSourceSheets() {
      env.engine.call('sheetsOther');
      return env.realm.list(
        dataSourcesOf(env.book).flatMap((r) => r.sheetIds.map((id) => dataSourceSheetObj(r, id))),
      );
    },
  };
}
