import { fixture, SHEETS_MANIFEST } from './fixture';
import { LIMITS } from '../limits';
import { parseStatement, SqlError } from '../bigquery/sql';

const AUTH = 'https://www.googleapis.com/auth/';
const MANIFEST = {
  ...SHEETS_MANIFEST,
  dependencies: {
    enabledAdvancedServices: [
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' },
    ],
  },
};

// A tiny script: load NDJSON into staging, MERGE into the target, poll jobs, read errors.
const CODE = `
var P = 'proj', D = 'ds';
var FIELDS = [{ name: 'k', type: 'STRING', mode: 'REQUIRED' }, { name: 'v', type: 'NUMERIC' }, { name: 'h', type: 'STRING' }];
function mkTable(id) { return BigQuery.Tables.insert({ tableReference: { projectId: P, datasetId: D, tableId: id }, schema: { fields: FIELDS } }, P, D).tableReference.tableId; }
function load(rows, jobId) {
  var blob = Utilities.newBlob(rows.map(function (r) { return JSON.stringify(r); }).join('\\n'), 'application/octet-stream');
  var job = { configuration: { load: { destinationTable: { projectId: P, datasetId: D, tableId: 'staging' }, sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_TRUNCATE', schema: { fields: FIELDS } } } };
  if (jobId) job.jobReference = { projectId: P, jobId: jobId };
  return BigQuery.Jobs.insert(job, P, blob);
}
function query(sql) { return BigQuery.Jobs.insert({ configuration: { query: { query: sql, useLegacySql: false } } }, P); }
function poll(job) { var j = job; while (j.status.state !== 'DONE') j = BigQuery.Jobs.get(P, j.jobReference.jobId); return j; }
var MERGE = 'MERGE \`proj.ds.target\` T USING \`proj.ds.staging\` S ON T.k = S.k ' +
  'WHEN MATCHED AND (T.h IS NULL OR T.h != S.h) THEN UPDATE SET v = S.v, h = S.h ' +
  'WHEN NOT MATCHED THEN INSERT (k, v, h) VALUES (S.k, S.v, S.h)';
function try_(fn) { try { return fn(); } catch (e) { return { error: e.message, reason: e.details && e.details.errors[0].reason }; } }
`;

describe('advanced BigQuery service (runtime model)', () => {
  const withCall = CODE + "function __call(src) { return (0, eval)('(function () {' + src + '})')(); }";
  const make = () => {
    const rt = fixture(withCall, {}, { manifest: MANIFEST });
    rt.bigquery.addProject('proj');
    rt.bigquery.addDataset('proj', 'ds');
    return rt;
  };
  // The script's answers are free-form JSON; each test reads the fields it checks.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const exec = <T = any>(rt: ReturnType<typeof make>, body: string): T => {
    return rt.run<T>('__call', [body]);
  };

  it('is exposed only when appsscript.json enables it', () => {
    const code = 'function has() { return typeof BigQuery; }';
    expect(fixture(code, {}, { manifest: MANIFEST }).run('has')).toBe('object');
    expect(fixture(code).run('has')).toBe('undefined');
  });

  it('loads NDJSON into staging (RUNNING until polled), then MERGE by key is idempotent', () => {
    const rt = make();
    exec(rt, "mkTable('target');");
    const first = exec(
      rt,
      "var j = load([{k:'a',v:'1.50',h:'x'},{k:'b',v:2,h:'y'}]); return [j.status.state, poll(j).status.state, poll(j).statistics.load.outputRows];",
    );
    expect(first).toEqual(['RUNNING', 'DONE', '2']);
    expect(rt.bigquery.rows('proj', 'ds', 'staging')).toEqual([
      { k: 'a', v: '1.5', h: 'x' },
      { k: 'b', v: '2', h: 'y' },
    ]);
    const merged = exec(rt, 'return poll(query(MERGE)).statistics.query.dmlStats;');
    expect(merged).toEqual({ insertedRowCount: '2', updatedRowCount: '0', deletedRowCount: '0' });
    const again = exec(rt, 'return poll(query(MERGE)).statistics.query.dmlStats;');
    expect(again).toEqual({ insertedRowCount: '0', updatedRowCount: '0', deletedRowCount: '0' });
    exec(rt, "poll(load([{k:'a',v:'9',h:'z'},{k:'c',v:'3',h:'w'}])); poll(query(MERGE));");
    expect(rt.bigquery.rows('proj', 'ds', 'target')).toEqual([
      { k: 'a', v: '9', h: 'z' },
      { k: 'b', v: '2', h: 'y' },
      { k: 'c', v: '3', h: 'w' },
    ]);
    expect(rt.bigquery.stats).toMatchObject({ loadRequests: 2, queryJobs: 3, failedJobs: 0 });
  });

  it('refuses a MERGE whose source matches one target row twice', () => {
    const rt = make();
    exec(
      rt,
      "mkTable('target'); poll(load([{k:'a',v:1,h:'x'}])); poll(query(MERGE)); poll(load([{k:'a',v:2,h:'y'},{k:'a',v:3,h:'z'}]));",
    );
    const job = exec(rt, 'return poll(query(MERGE)).status;');
    expect(job.errorResult.message).toBe(
      'UPDATE/MERGE must match at most one source row for each target row',
    );
    expect(rt.bigquery.rows('proj', 'ds', 'target')).toEqual([{ k: 'a', v: '1', h: 'x' }]);
  });

  it('a bad row fails the load job with its errors; the staging table keeps what it had', () => {
    const rt = make();
    exec(rt, "poll(load([{k:'a',v:1,h:'x'}]));");
    const status = exec(rt, "return poll(load([{k:'b',v:'1.2.3'},{k:'c',extra:1}])).status;");
    expect(status.errorResult.reason).toBe('invalid');
    expect(status.errors.map((e: { location: string }) => e.location)).toEqual(['line 1', 'line 2']);
    expect(rt.bigquery.rows('proj', 'ds', 'staging')).toEqual([{ k: 'a', v: '1', h: 'x' }]);
  });

  it('errors: dataset missing (notFound), permission revoked (accessDenied), quota, failed job, duplicate job id', () => {
    const rt = make();
    exec(rt, "mkTable('target');");
    rt.bigquery.deleteDataset('proj', 'ds');
    expect(exec(rt, 'return try_(function () { return BigQuery.Tables.get(P, D, "target"); });')).toEqual({
      error: 'API call to bigquery.tables.get failed with error: Not found: Dataset proj:ds',
      reason: 'notFound',
    });
    rt.bigquery.addDataset('proj', 'ds');
    rt.bigquery.revokeAccess('proj');
    const denied = exec(rt, "return try_(function () { return load([{k:'a'}]); });");
    expect(denied.reason).toBe('accessDenied');
    expect(denied.error).toMatch(
      /^API call to bigquery\.jobs\.insert failed with error: Access Denied: Project proj/,
    );
    rt.bigquery.grantAccess('proj');
    rt.bigquery.quotaExceededCalls = 1;
    expect(exec(rt, "return try_(function () { return load([{k:'a'}]); });").reason).toBe('quotaExceeded');
    rt.bigquery.failNextJob = { reason: 'backendError', message: 'Backend error. Job aborted.' };
    expect(exec(rt, "return poll(load([{k:'a'}])).status.errorResult;")).toEqual({
      reason: 'backendError',
      message: 'Backend error. Job aborted.',
    });
    exec(rt, "poll(load([{k:'a'}], 'job_1'));");
    expect(exec(rt, "return try_(function () { return load([{k:'b'}], 'job_1'); });").reason).toBe(
      'duplicate',
    );
    expect(rt.bigquery.rows('proj', 'ds', 'staging')).toEqual([{ k: 'a', v: null, h: null }]);
  });

  it('counts load jobs per table per day and refuses past the documented limit', () => {
    const rt = make();
    exec(rt, "poll(load([{k:'a'}]));");
    const t = rt.bigquery.table('proj', 'ds', 'staging')!;
    for (let i = 1; i < LIMITS.bigqueryLoadJobsPerTablePerDay.value; i++) t.loads.push(rt.clock.now());
    expect(exec(rt, "return try_(function () { return load([{k:'a'}]); });").reason).toBe('quotaExceeded');
    rt.clock.advance(86_400_001);
    expect(exec(rt, "return poll(load([{k:'a'}])).status.state;")).toBe('DONE');
  });

  it('refuses a body above the API front end limit, and DML in a project without billing', () => {
    const rt = make();
    const big = exec(
      rt,
      `return try_(function () { return BigQuery.Jobs.insert({ configuration: { load: {} } }, P, Utilities.newBlob(new Array(${LIMITS.apiRequestBodyBytes.value} + 2).join('x'))); });`,
    );
    expect(big.error).toMatch(/Request payload size exceeds the limit: 10485760 bytes\./);
    rt.bigquery.addProject('sandbox', { billing: false });
    rt.bigquery.addDataset('sandbox', 'ds');
    const sandbox = exec(
      rt,
      `P = 'sandbox'; mkTable('target'); poll(load([{k:'a'}]));
      return try_(function () { return query(MERGE.split('proj.').join('sandbox.')); });`,
    );
    expect(sandbox.reason).toBe('billingNotEnabled');
  });

  it('needs a BigQuery scope when the manifest lists oauthScopes', () => {
    const rt = fixture(withCall, {}, { manifest: { ...MANIFEST, oauthScopes: [AUTH + 'spreadsheets'] } });
    rt.bigquery.addProject('proj');
    rt.bigquery.addDataset('proj', 'ds');
    const r = exec(
      rt as ReturnType<typeof make>,
      'return try_(function () { return BigQuery.Datasets.get(P, D); });',
    );
    expect(r.error).toMatch(/Specified permissions are not sufficient to call BigQuery\.Datasets\.get/);
  });

  it('checks SQL with the BigQuery parser and runs only the documented subset', () => {
    expect(() =>
      parseStatement('MERGE `a.b.c` T USING `a.b.d` S ON T.k = S.k WHEN MATCHED THEN UPDATE SET v = '),
    ).toThrow(SqlError);
    expect(() =>
      parseStatement('MERGE `a.b.c` T USING `a.b.d` S ON T.k = S.k WHEN NOT MATCHED BY SOURCE THEN DELETE'),
    ).toThrow(/NOT MATCHED BY SOURCE/);
    expect(() => parseStatement('DELETE FROM `a.b.c` WHERE TRUE')).toThrow(
      /Unsupported by the runtime model: DELETE/,
    );
    expect(() => parseStatement('SELEC 1')).toThrow(/Syntax error/);
    const m = parseStatement(
      'MERGE INTO `a.b.c` AS T USING `a.b.d` AS S ON T.k = S.k AND T.j = S.j WHEN NOT MATCHED THEN INSERT (k, j) VALUES (S.k, S.j)',
    );
    expect(m).toMatchObject({
      kind: 'merge',
      target: { name: 'a.b.c', alias: 'T' },
      source: { name: 'a.b.d', alias: 'S' },
    });
    const rt = make();
    exec(rt, "mkTable('target'); poll(load([{k:'a',v:1},{k:'b',v:2}])); poll(query(MERGE));");
    const count = exec(
      rt,
      "var j = poll(query('SELECT COUNT(*) AS n FROM `proj.ds.target`')); return BigQuery.Jobs.getQueryResults(P, j.jobReference.jobId).rows;",
    );
    expect(count).toEqual([{ f: [{ v: '2' }] }]);
    const picked = exec(
      rt,
      "var j = poll(query(\"SELECT T.k FROM `proj.ds.target` AS T WHERE T.k IN ('b', 'z')\")); return BigQuery.Jobs.getQueryResults(P, j.jobReference.jobId).rows;",
    );
    expect(picked).toEqual([{ f: [{ v: 'b' }] }]);
    const none = exec(
      rt,
      'var j = poll(query("SELECT T.k FROM `proj.ds.target` AS T WHERE T.k NOT IN (\'b\', NULL)")); return BigQuery.Jobs.getQueryResults(P, j.jobReference.jobId).rows;',
    );
    expect(none).toEqual([]);
  });
});

describe('Connected Sheets objects (runtime model)', () => {
  const CS = `
  function connect(arg) {
    SpreadsheetApp.enableBigQueryExecution();
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    var spec = SpreadsheetApp.newDataSourceSpec().asBigQuery().setProjectId('proj').setTableProjectId('proj').setDatasetId('ds').setTableId(arg).build();
    var dss = ss.insertDataSourceSheet(spec);
    var pivot = dss.getDataSource().createDataSourcePivotTableOnNewSheet();
    pivot.addRowGroup('k');
    pivot.addPivotValue('v', SpreadsheetApp.PivotTableSummarizeFunction.SUM);
    return { state: dss.getStatus().getExecutionState(), error: dss.getStatus().getErrorMessage(), sources: ss.getDataSources().length };
  }
  function noEnable() {
    var spec = SpreadsheetApp.newDataSourceSpec().asBigQuery().setProjectId('proj').setDatasetId('ds').setTableId('t').build();
    try { SpreadsheetApp.getActiveSpreadsheet().insertDataSourceSheet(spec); return 'inserted'; } catch (e) { return e.message; }
  }
  function badColumn() {
    SpreadsheetApp.enableBigQueryExecution();
    var ds = SpreadsheetApp.getActiveSpreadsheet().getDataSources()[0];
    try { ds.createDataSourcePivotTableOnNewSheet().addRowGroup('nope'); return 'added'; } catch (e) { return e.message; }
  }
  function chart(id) {
    var spec = { basicChart: { chartType: 'COLUMN', domains: [{ domain: { columnReference: { name: 'k' } } }], series: [{ series: { columnReference: { name: 'v' } } }] }, dataSourceChartProperties: { dataSourceId: id } };
    try { return Sheets.Spreadsheets.batchUpdate({ requests: [{ addChart: { chart: { spec: spec, position: { newSheet: true } } } }] }, SpreadsheetApp.getActiveSpreadsheet().getId()).replies.length; } catch (e) { return e.message; }
  }
  function sources() { return Sheets.Spreadsheets.get(SpreadsheetApp.getActiveSpreadsheet().getId(), { fields: 'dataSources' }).dataSources; }
  `;

  it('creates a data source sheet, its pivot on a new sheet and a data source chart', () => {
    const rt = fixture(CS, {}, { manifest: MANIFEST });
    rt.bigquery.addProject('proj');
    rt.bigquery.addDataset('proj', 'ds').tables.set('t', {
      tableId: 't',
      schema: [
        { name: 'k', type: 'STRING' },
        { name: 'v', type: 'NUMERIC' },
      ],
      rows: [],
      creationTime: 0,
      loads: [],
    });
    expect(rt.run('noEnable')).toMatch(/enableBigQueryExecution/);
    expect(rt.run('connect', ['t'])).toEqual({ state: 'SUCCEEDED', error: '', sources: 1 });
    expect(rt.spreadsheet.sheetNames()).toEqual(['Sheet1', 't', 'Sheet3']);
    expect(rt.run('badColumn')).toBe('Column nope not found in the data source.');
    const api = rt.run<{ dataSourceId: string; spec: unknown }[]>('sources');
    expect(api).toHaveLength(1);
    expect(api[0].spec).toEqual({
      bigQuery: { projectId: 'proj', tableSpec: { tableProjectId: 'proj', datasetId: 'ds', tableId: 't' } },
    });
    expect(rt.run('chart', ['nope'])).toMatch(/No data source with id: nope/);
    expect(rt.run('chart', [api[0].dataSourceId])).toBe(1);
  });

  it('data execution fails without billing or with a missing table', () => {
    const rt = fixture(CS, {}, { manifest: MANIFEST });
    rt.bigquery.addProject('proj', { billing: false });
    rt.bigquery.addDataset('proj', 'ds');
    expect(rt.run<{ state: string; error: string }>('connect', ['missing']).state).toBe('ERROR');
    rt.bigquery.projects.get('proj')!.billing = true;
    expect(rt.run<{ error: string }>('connect', ['missing2']).error).toBe(
      'Not found: Table proj:ds.missing2',
    );
  });
});
