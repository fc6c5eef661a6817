// The advanced BigQuery service (BigQuery API v2, serviceId `bigquery`): Datasets.get/insert,
// Tables.get/insert/remove, Jobs.insert (load jobs with media, query jobs), Jobs.get and
// Jobs.getQueryResults. Jobs run when inserted and report RUNNING until polled `pollsToDone` times.
// Errors read as Apps Script gives them: `API call to bigquery.jobs.insert failed with error: …`,
// with `details` {code, message, errors: [{reason}]}. See runtime/README.md, "BigQuery".
import crypto from 'node:crypto';
import { expose } from '../bridge';
import { blobData } from '../blob';
import type { Engine } from '../execution';
import { LIMITS } from '../limits';
import { BigQueryModel, checkSchema, coerce, type Field, type JobRecord, type TableModel } from './model';
import {
  evaluate,
  mergeKeys,
  parseStatement,
  SqlError,
  type MergeStatement,
  type Row,
  type SelectStatement,
} from './sql';

type Json = Record<string, unknown>;

/** Modeled round trip of one BigQuery API call (ms). */
export const BIGQUERY_CALL_MS = 250;

class ApiFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly reason: string,
  ) {
    super(message);
  }
}

const notFound = (what: string) => new ApiFailure(`Not found: ${what}`, 404, 'notFound');
const denied = (what: string, permission: string) =>
  new ApiFailure(`Access Denied: ${what}: User does not have ${permission} permission.`, 403, 'accessDenied');

export function advancedBigQuery(engine: Engine, model: BigQueryModel) {
  const call = <T>(method: string, member: string, body: number, fn: () => T): T => {
    engine.requireAuth(member, { limitedOk: false, simpleOk: false });
    engine.call('other', 0, 'none', BIGQUERY_CALL_MS);
    if (engine.counting) {
      model.stats.calls++;
      model.stats.largestRequestBytes = Math.max(model.stats.largestRequestBytes, body);
    }
    try {
      if (body > LIMITS.apiRequestBodyBytes.value)
        throw new ApiFailure(
          `Request payload size exceeds the limit: ${LIMITS.apiRequestBodyBytes.value} bytes.`,
          400,
          'badRequest',
        );
      return engine.realm().toScript(fn()) as T;
    } catch (e) {
      const failure =
        e instanceof ApiFailure
          ? e
          : new ApiFailure(e instanceof Error ? e.message : String(e), 400, 'invalid');
      const error = engine.error(
        `API call to bigquery.${method} failed with error: ${failure.message}`,
        'GoogleJsonResponseException',
      );
      (error as unknown as { details: unknown }).details = engine.realm().toScript({
        code: failure.code,
        message: failure.message,
        errors: [{ reason: failure.reason, message: failure.message, domain: 'global' }],
      });
      throw error;
    }
  };

  const project = (projectId: string, permission: string) => {
    const p = model.projects.get(String(projectId));
    if (!p) throw notFound(`Project ${projectId}`);
    if (!p.access) throw denied(`Project ${projectId}`, permission);
    return p;
  };
  const dataset = (projectId: string, datasetId: string, permission: string) => {
    const d = project(projectId, permission).datasets.get(String(datasetId));
    if (!d) throw notFound(`Dataset ${projectId}:${datasetId}`);
    return d;
  };
  const tableResource = (projectId: string, datasetId: string, t: TableModel) => ({
    kind: 'bigquery#table',
    id: `${projectId}:${datasetId}.${t.tableId}`,
    tableReference: { projectId, datasetId, tableId: t.tableId },
    schema: { fields: t.schema.map((f) => ({ ...f })) },
    numRows: String(t.rows.length),
    creationTime: String(t.creationTime),
    type: 'TABLE',
  });

  /** `project.dataset.table` or `dataset.table` (default project) → the table, or the error BigQuery gives. */
  const resolve = (name: string, defaultProject: string, permission: string) => {
    const parts = name.split('.');
    const [p, d, t] = parts.length === 3 ? parts : [defaultProject, ...parts];
    if (!d || !t)
      throw new ApiFailure(
        `Table "${name}" must be qualified with a dataset (e.g. dataset.table).`,
        400,
        'invalid',
      );
    const ds = dataset(p, d, permission);
    const table = ds.tables.get(t);
    if (!table) throw notFound(`Table ${p}:${d}.${t}`);
    return { projectId: p, datasetId: d, table, location: ds.location };
  };

  const runLoad = (projectId: string, config: Json, media: Uint8Array | null, job: JobRecord) => {
    const dest = (config.destinationTable ?? {}) as Json;
    const p = String(dest.projectId ?? projectId);
    const ds = dataset(p, String(dest.datasetId), 'bigquery.tables.updateData');
    const format = String(config.sourceFormat ?? 'CSV');
    if (format !== 'NEWLINE_DELIMITED_JSON')
      throw new ApiFailure(
        `The runtime models NEWLINE_DELIMITED_JSON loads only (got ${format}).`,
        400,
        'invalid',
      );
    if (!media)
      throw new ApiFailure(
        'Load configuration must specify at least one source URI or media data.',
        400,
        'invalid',
      );
    let table = ds.tables.get(String(dest.tableId));
    const schema = config.schema ? checkSchema((config.schema as Json).fields) : table?.schema;
    if (!table && config.createDisposition === 'CREATE_NEVER')
      throw notFound(`Table ${p}:${ds.datasetId}.${String(dest.tableId)}`);
    if (!schema) throw new ApiFailure('No schema specified on job or table.', 400, 'invalid');
    if (table && model.loadsToday(table) >= model.loadJobsPerTableLimit)
      throw new ApiFailure(
        'Quota exceeded: Your table exceeded quota for imports or query appends per table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas',
        403,
        'quotaExceeded',
      );
    const rows: Row[] = [];
    const errors: { reason: string; message: string; location?: string }[] = [];
    const text = Buffer.from(media).toString('utf8');
    const lines = text.split('\n');
    const byName = new Map(schema.map((f) => [f.name.toLowerCase(), f]));
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const obj = JSON.parse(line) as unknown;
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('JSON object expected');
        const row: Row = {};
        for (const [k, v] of Object.entries(obj as Json)) {
          const f = byName.get(k.toLowerCase());
          if (!f) {
            if (config.ignoreUnknownValues) continue;
            throw new Error(`No such field: ${k}.`);
          }
          row[f.name] = coerce(f, v);
        }
        for (const f of schema) if (!(f.name in row)) row[f.name] = coerce(f, null);
        rows.push(row);
      } catch (e) {
        errors.push({
          reason: 'invalid',
          message: `Error while reading data, error message: ${(e as Error).message}`,
          location: `line ${i + 1}`,
        });
      }
    });
    job.statistics.load = {
      inputFileBytes: String(media.length),
      outputRows: String(rows.length),
      badRecords: String(errors.length),
    };
    if (errors.length > Number(config.maxBadRecords ?? 0)) {
      job.errors = errors;
      job.errorResult = {
        reason: 'invalid',
        message: `Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: ${errors.length}; errors: ${errors.length}. Please look into the errors[] collection for more details.`,
      };
      if (table) table.loads.push(model.now());
      return;
    }
    if (!table) {
      table = { tableId: String(dest.tableId), schema, rows: [], creationTime: model.now(), loads: [] };
      ds.tables.set(table.tableId, table);
    } else if (config.writeDisposition === 'WRITE_EMPTY' && table.rows.length) {
      job.errorResult = {
        reason: 'duplicate',
        message: `Already Exists: Table ${p}:${ds.datasetId}.${table.tableId}`,
      };
      return;
    }
    table.loads.push(model.now());
    if (config.writeDisposition === 'WRITE_TRUNCATE') {
      table.schema = schema;
      table.rows = rows;
    } else for (const r of rows) table.rows.push(r);
  };

  const runMerge = (projectId: string, stmt: MergeStatement, job: JobRecord) => {
    const target = resolve(stmt.target.name, projectId, 'bigquery.tables.updateData');
    const source = resolve(stmt.source.name, projectId, 'bigquery.tables.getData');
    if (!model.projects.get(projectId)?.billing)
      throw new ApiFailure(
        'Billing has not been enabled for this project. Enable billing at https://console.cloud.google.com/billing. DML queries are not allowed in the free tier. Set up a billing account to remove this restriction.',
        403,
        'billingNotEnabled',
      );
    const keys = mergeKeys(stmt);
    const targetCols = new Set(target.table.schema.map((f) => f.name));
    const fieldOf = new Map(target.table.schema.map((f) => [f.name, f]));
    for (const k of keys)
      if (!targetCols.has(k.target))
        throw new SqlError(`Name ${k.target} not found inside ${stmt.target.alias}`);
    const keyOf = (row: Row, side: 'target' | 'source') =>
      JSON.stringify(keys.map((k) => row[side === 'target' ? k.target : k.source] ?? null));
    const index = new Map<string, number>();
    target.table.rows.forEach((r, i) => index.set(keyOf(r, 'target'), i));
    const matchedBy = new Set<number>();
    const rows = target.table.rows.map((r) => ({ ...r }));
    const scope = (t: Row | null, s: Row) => ({ [stmt.target.alias]: t, [stmt.source.alias]: s });
    let inserted = 0;
    let updated = 0;
    for (const s of source.table.rows) {
      const key = keyOf(s, 'source');
      const at = JSON.parse(key).some((v: unknown) => v === null) ? undefined : index.get(key);
      if (at !== undefined) {
        if (matchedBy.has(at))
          throw new SqlError('UPDATE/MERGE must match at most one source row for each target row');
        matchedBy.add(at);
        if (!stmt.matched) continue;
        if (stmt.matched.when && evaluate(stmt.matched.when, scope(rows[at], s)) !== true) continue;
        const next = { ...rows[at] };
        for (const { column, value } of stmt.matched.set) {
          const f = fieldOf.get(column);
          if (!f) throw new SqlError(`Name ${column} not found inside ${stmt.target.alias}`);
          next[column] = coerce(f, evaluate(value, scope(rows[at], s)));
        }
        rows[at] = next;
        updated++;
      } else if (stmt.notMatched) {
        const row: Row = {};
        for (const f of target.table.schema) row[f.name] = null;
        stmt.notMatched.columns.forEach((column, i) => {
          const f = fieldOf.get(column);
          if (!f) throw new SqlError(`Name ${column} not found inside ${stmt.target.alias}`);
          row[column] = coerce(f, evaluate(stmt.notMatched!.values[i], scope(null, s)));
        });
        for (const f of target.table.schema)
          if (f.mode === 'REQUIRED' && row[f.name] === null)
            throw new SqlError(`Required field ${f.name} cannot be null`);
        rows.push(row);
        // A second source row with the same new key would also insert: BigQuery does too.
        inserted++;
      }
    }
    target.table.rows = rows;
    const bytes = (source.table.rows.length + target.table.rows.length) * 100;
    job.statistics.query = {
      statementType: 'MERGE',
      totalBytesProcessed: String(bytes),
      numDmlAffectedRows: String(inserted + updated),
      dmlStats: {
        insertedRowCount: String(inserted),
        updatedRowCount: String(updated),
        deletedRowCount: '0',
      },
    };
  };

  const runSelect = (projectId: string, stmt: SelectStatement, job: JobRecord) => {
    const { table } = resolve(stmt.table.name, projectId, 'bigquery.tables.getData');
    const hits = table.rows.filter(
      (r) => !stmt.where || evaluate(stmt.where, { [stmt.table.alias]: r }) === true,
    );
    if (stmt.count !== null) {
      job.result = {
        schema: [{ name: stmt.count, type: 'INTEGER' }],
        rows: [{ [stmt.count]: String(hits.length) }],
      };
    } else {
      const fields = stmt.columns.map((c) => {
        const f = table.schema.find((x) => x.name === c);
        if (!f) throw new SqlError(`Unrecognized name: ${c}`);
        return f;
      });
      job.result = {
        schema: fields,
        rows: hits.map((r) => Object.fromEntries(stmt.columns.map((c) => [c, r[c]]))),
      };
    }
    job.statistics.query = { statementType: 'SELECT', totalBytesProcessed: String(table.rows.length * 100) };
  };

  const runQuery = (projectId: string, config: Json, job: JobRecord) => {
    const sql = String(config.query ?? '');
    if (sql.length > LIMITS.bigqueryQueryCharacters.value)
      throw new ApiFailure(
        `The query is too large. The maximum standard SQL query length is ${LIMITS.bigqueryQueryCharacters.value / 1000}.00K characters, including comments and white space characters.`,
        400,
        'invalid',
      );
    if (config.useLegacySql !== false)
      throw new ApiFailure(
        'The runtime models GoogleSQL only: set configuration.query.useLegacySql to false.',
        400,
        'invalid',
      );
    try {
      const stmt = parseStatement(sql);
      if (stmt.kind === 'merge') runMerge(projectId, stmt, job);
      else runSelect(projectId, stmt, job);
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      job.errorResult = { reason: 'invalidQuery', message: e.message, location: 'query' };
      job.errors = [job.errorResult];
    }
  };

  const jobResource = (job: JobRecord): Json => {
    const done = job.pollsLeft <= 0;
    return {
      kind: 'bigquery#job',
      id: `${job.projectId}:${job.location}.${job.jobId}`,
      jobReference: { projectId: job.projectId, jobId: job.jobId, location: job.location },
      configuration: structuredClone(job.configuration),
      status: done
        ? {
            state: 'DONE',
            ...(job.errorResult
              ? { errorResult: { ...job.errorResult }, errors: job.errors.map((e) => ({ ...e })) }
              : {}),
          }
        : { state: 'RUNNING' },
      statistics: {
        creationTime: String(job.creationTime),
        ...(done ? structuredClone(job.statistics) : {}),
      },
    };
  };

  const Jobs = {
    insert(resource: Json, projectId: string, mediaData?: unknown) {
      const media = mediaData ? blobData(mediaData).bytes : null;
      const body = JSON.stringify(resource ?? {}).length + (media?.length ?? 0);
      return call('jobs.insert', 'BigQuery.Jobs.insert', body, () => {
        const p = project(projectId, 'bigquery.jobs.create');
        const config = ((resource ?? {}).configuration ?? {}) as Json;
        const ref = ((resource ?? {}).jobReference ?? {}) as Json;
        const jobId = String(ref.jobId ?? `job_${crypto.randomBytes(12).toString('base64url')}`);
        if (!/^[A-Za-z0-9_-]{1,1024}$/.test(jobId))
          throw new ApiFailure(`Invalid job ID "${jobId}".`, 400, 'invalid');
        if (model.jobs.has(`${p.projectId}/${jobId}`))
          throw new ApiFailure(`Already Exists: Job ${p.projectId}:EU.${jobId}`, 409, 'duplicate');
        if (model.quotaExceededCalls > 0) {
          model.quotaExceededCalls--;
          throw new ApiFailure(
            'Quota exceeded: Your project exceeded quota for concurrent queries. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas',
            403,
            'quotaExceeded',
          );
        }
        const load = config.load as Json | undefined;
        const query = config.query as Json | undefined;
        if (Boolean(load) === Boolean(query))
          throw new ApiFailure(
            'Job configuration must set exactly one of load or query (the runtime models those two).',
            400,
            'invalid',
          );
        const job: JobRecord = {
          projectId: p.projectId,
          jobId,
          location: String(ref.location ?? 'EU'),
          configuration: structuredClone(config),
          pollsLeft: model.pollsToDone,
          errorResult: null,
          errors: [],
          statistics: {},
          creationTime: model.now(),
        };
        if (load) {
          model.stats.loadRequests++;
          model.stats.loadBytes += media?.length ?? 0;
        } else model.stats.queryJobs++;
        const failure = model.failNextJob;
        if (failure) {
          model.failNextJob = null;
          job.errorResult = { ...failure };
          job.errors = [{ ...failure }];
        } else if (load) runLoad(p.projectId, load, media, job);
        else runQuery(p.projectId, query!, job);
        if (job.errorResult) model.stats.failedJobs++;
        model.jobs.set(`${p.projectId}/${jobId}`, job);
        return jobResource(job);
      });
    },
    get(projectId: string, jobId: string) {
      return call('jobs.get', 'BigQuery.Jobs.get', 0, () => {
        project(projectId, 'bigquery.jobs.get');
        const job = model.jobs.get(`${projectId}/${jobId}`);
        if (!job) throw notFound(`Job ${projectId}:EU.${jobId}`);
        job.pollsLeft--;
        return jobResource(job);
      });
    },
    getQueryResults(projectId: string, jobId: string) {
      return call('jobs.getQueryResults', 'BigQuery.Jobs.getQueryResults', 0, () => {
        project(projectId, 'bigquery.jobs.get');
        const job = model.jobs.get(`${projectId}/${jobId}`);
        if (!job || !job.configuration.query) throw notFound(`Job ${projectId}:EU.${jobId}`);
        job.pollsLeft--;
        const done = job.pollsLeft <= 0;
        if (done && job.errorResult)
          throw new ApiFailure(job.errorResult.message, 400, job.errorResult.reason);
        const result = job.result ?? { schema: [], rows: [] };
        return {
          kind: 'bigquery#getQueryResultsResponse',
          jobReference: { projectId, jobId, location: job.location },
          jobComplete: done,
          ...(done
            ? {
                schema: { fields: result.schema },
                totalRows: String(result.rows.length),
                rows: result.rows.map((r) => ({ f: result.schema.map((f) => ({ v: r[f.name] ?? null })) })),
              }
            : {}),
        };
      });
    },
  };

  const Datasets = {
    get(projectId: string, datasetId: string) {
      return call('datasets.get', 'BigQuery.Datasets.get', 0, () => {
        const d = dataset(projectId, datasetId, 'bigquery.datasets.get');
        return {
          kind: 'bigquery#dataset',
          id: `${projectId}:${datasetId}`,
          datasetReference: { projectId, datasetId },
          location: d.location,
        };
      });
    },
    insert(resource: Json, projectId: string) {
      return call(
        'datasets.insert',
        'BigQuery.Datasets.insert',
        JSON.stringify(resource ?? {}).length,
        () => {
          const p = project(projectId, 'bigquery.datasets.create');
          const datasetId = String(((resource ?? {}).datasetReference as Json | undefined)?.datasetId ?? '');
          if (!/^[A-Za-z0-9_]{1,1024}$/.test(datasetId))
            throw new ApiFailure(`Invalid dataset ID "${datasetId}".`, 400, 'invalid');
          if (p.datasets.has(datasetId))
            throw new ApiFailure(`Already Exists: Dataset ${projectId}:${datasetId}`, 409, 'duplicate');
          const d = model.addDataset(projectId, datasetId, String((resource as Json).location ?? 'US'));
          return {
            kind: 'bigquery#dataset',
            id: `${projectId}:${datasetId}`,
            datasetReference: { projectId, datasetId },
            location: d.location,
          };
        },
      );
    },
  };

  const Tables = {
    get(projectId: string, datasetId: string, tableId: string) {
      return call('tables.get', 'BigQuery.Tables.get', 0, () => {
        const t = dataset(projectId, datasetId, 'bigquery.tables.get').tables.get(String(tableId));
        if (!t) throw notFound(`Table ${projectId}:${datasetId}.${tableId}`);
        return tableResource(projectId, datasetId, t);
      });
    },
    insert(resource: Json, projectId: string, datasetId: string) {
      return call('tables.insert', 'BigQuery.Tables.insert', JSON.stringify(resource ?? {}).length, () => {
        const ds = dataset(projectId, datasetId, 'bigquery.tables.create');
        const tableId = String(((resource ?? {}).tableReference as Json | undefined)?.tableId ?? '');
        if (!/^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u.test(tableId))
          throw new ApiFailure(`Invalid table ID "${tableId}".`, 400, 'invalid');
        if (ds.tables.has(tableId))
          throw new ApiFailure(
            `Already Exists: Table ${projectId}:${datasetId}.${tableId}`,
            409,
            'duplicate',
          );
        const schema: Field[] = checkSchema(((resource as Json).schema as Json | undefined)?.fields);
        const t: TableModel = { tableId, schema, rows: [], creationTime: model.now(), loads: [] };
        ds.tables.set(tableId, t);
        return tableResource(projectId, datasetId, t);
      });
    },
    remove(projectId: string, datasetId: string, tableId: string) {
      return call('tables.delete', 'BigQuery.Tables.remove', 0, () => {
        const ds = dataset(projectId, datasetId, 'bigquery.tables.delete');
        if (!ds.tables.delete(String(tableId))) throw notFound(`Table ${projectId}:${datasetId}.${tableId}`);
        return null;
      });
    },
  };

  return expose(engine, {
    Jobs: expose(engine, Jobs),
    Datasets: expose(engine, Datasets),
    Tables: expose(engine, Tables),
  });
}
