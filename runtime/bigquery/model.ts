// The BigQuery projects the advanced BigQuery service reaches: datasets, tables and their rows, jobs,
// and the faults a test can switch on (permission revoked, dataset deleted, quota, a failing job).
// Values are stored as BigQuery returns them in JSON: INT64 and NUMERIC as canonical strings,
// FLOAT64 as numbers, TIMESTAMP as ISO text, DATE as YYYY-MM-DD, BOOL as booleans.
import { LIMITS } from '../limits';
import type { Row } from './sql';

export interface Field {
  name: string;
  type: string;
  mode?: string;
}

export interface TableModel {
  tableId: string;
  schema: Field[];
  rows: Row[];
  creationTime: number;
  /** Times of load jobs into this table (the per-table daily quota counts them, failures included). */
  loads: number[];
}

export interface DatasetModel {
  datasetId: string;
  location: string;
  tables: Map<string, TableModel>;
}

export interface ProjectModel {
  projectId: string;
  /** Without billing the project is a sandbox: DML (MERGE) is refused, Connected Sheets cannot run. */
  billing: boolean;
  /** false: the user has lost access (IAM role removed). */
  access: boolean;
  datasets: Map<string, DatasetModel>;
}

export interface JobRecord {
  projectId: string;
  jobId: string;
  location: string;
  configuration: Record<string, unknown>;
  /** Jobs.get calls left before the job reports DONE. */
  pollsLeft: number;
  errorResult: { reason: string; message: string; location?: string } | null;
  errors: { reason: string; message: string; location?: string }[];
  statistics: Record<string, unknown>;
  creationTime: number;
  /** Rows a query job returns (SELECT). */
  result?: { schema: Field[]; rows: Row[] };
}

export interface BigQueryStats {
  calls: number;
  loadRequests: number;
  loadBytes: number;
  queryJobs: number;
  failedJobs: number;
  largestRequestBytes: number;
}

export class BigQueryModel {
  projects = new Map<string, ProjectModel>();
  jobs = new Map<string, JobRecord>();
  stats: BigQueryStats = zeroStats();
  /** Jobs.get calls a new job needs before it reports DONE (1: the first get still says RUNNING). */
  pollsToDone = 1;
  /** The next n jobs.insert calls are refused with quotaExceeded. */
  quotaExceededCalls = 0;
  /** The next job to run fails with this error (status.errorResult), its effects not applied. */
  failNextJob: { reason: string; message: string } | null = null;

  constructor(readonly now: () => number) {}

  addProject(projectId: string, opts: { billing?: boolean } = {}): ProjectModel {
    const p: ProjectModel = { projectId, billing: opts.billing ?? true, access: true, datasets: new Map() };
    this.projects.set(projectId, p);
    return p;
  }

  addDataset(projectId: string, datasetId: string, location = 'EU'): DatasetModel {
    const p = this.projects.get(projectId) ?? this.addProject(projectId);
    const d: DatasetModel = { datasetId, location, tables: new Map() };
    p.datasets.set(datasetId, d);
    return d;
  }

  deleteDataset(projectId: string, datasetId: string): void {
    this.projects.get(projectId)?.datasets.delete(datasetId);
  }

  revokeAccess(projectId: string): void {
    const p = this.projects.get(projectId);
    if (p) p.access = false;
  }

  grantAccess(projectId: string): void {
    const p = this.projects.get(projectId);
    if (p) p.access = true;
  }

  table(projectId: string, datasetId: string, tableId: string): TableModel | undefined {
    return this.projects.get(projectId)?.datasets.get(datasetId)?.tables.get(tableId);
  }

  /** Rows of a table, for tests (throws when it does not exist). */
  rows(projectId: string, datasetId: string, tableId: string): Row[] {
    const t = this.table(projectId, datasetId, tableId);
    if (!t) throw new Error(`runtime: no BigQuery table ${projectId}:${datasetId}.${tableId}`);
    return t.rows.map((r) => ({ ...r }));
  }

  resetStats(): void {
    this.stats = zeroStats();
  }

  /** Load jobs into `table` within the last 24 h (the quota page's per-table daily limit). */
  loadsToday(table: TableModel): number {
    const since = this.now() - 86_400_000;
    table.loads = table.loads.filter((t) => t > since);
    return table.loads.length;
  }

  get loadJobsPerTableLimit(): number {
    return LIMITS.bigqueryLoadJobsPerTablePerDay.value;
  }
}

function zeroStats(): BigQueryStats {
  return { calls: 0, loadRequests: 0, loadBytes: 0, queryJobs: 0, failedJobs: 0, largestRequestBytes: 0 };
}

const INT = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/;

/** A JSON value as BigQuery stores it in a column of `field`'s type; throws the load error's text. */
export function coerce(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (field.mode === 'REQUIRED') throw new Error(`Missing required field: ${field.name}.`);
    return null;
  }
  const bad = () =>
    new Error(`Could not convert value '${String(value)}' to ${field.type} for field ${field.name}.`);
  switch (field.type.toUpperCase()) {
    case 'STRING':
      if (typeof value !== 'string') throw bad();
      return value;
    case 'INT64':
    case 'INTEGER': {
      const s = typeof value === 'number' && Number.isInteger(value) ? String(value) : String(value);
      if (!INT.test(s)) throw bad();
      return String(BigInt(s));
    }
    case 'NUMERIC': {
      const s = typeof value === 'number' ? String(value) : value;
      const m = typeof s === 'string' ? DECIMAL.exec(s) : null;
      if (!m) throw bad();
      // NUMERIC keeps 9 fractional digits; more is an error for a load.
      if ((m[2] ?? '').length > 9) throw bad();
      const frac = (m[2] ?? '').replace(/0+$/, '');
      const int = m[1].replace(/^0+(?=\d)/, '');
      const sign = String(s).startsWith('-') && (int !== '0' || frac) ? '-' : '';
      return `${sign}${int}${frac ? '.' + frac : ''}`;
    }
    case 'FLOAT64':
    case 'FLOAT':
      if (
        typeof value !== 'number' &&
        !(typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)))
      )
        throw bad();
      return Number(value);
    case 'BOOL':
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw bad();
    case 'TIMESTAMP': {
      const ms = typeof value === 'number' ? value * 1000 : Date.parse(String(value));
      if (!Number.isFinite(ms)) throw bad();
      return new Date(ms).toISOString();
    }
    case 'DATE':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad();
      return value;
    default:
      throw new Error(`runtime: BigQuery type ${field.type} is not modeled`);
  }
}

const TYPES = new Set([
  'STRING',
  'INT64',
  'INTEGER',
  'NUMERIC',
  'FLOAT64',
  'FLOAT',
  'BOOL',
  'BOOLEAN',
  'TIMESTAMP',
  'DATE',
]);

/** Checks a table schema as tables.insert and load jobs do. */
export function checkSchema(fields: unknown): Field[] {
  if (!Array.isArray(fields) || !fields.length) throw new Error('Schema has no fields.');
  const seen = new Set<string>();
  return fields.map((f: Field) => {
    if (!f || typeof f.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,299}$/.test(f.name))
      throw new Error(`Invalid field name "${String(f?.name)}".`);
    const key = f.name.toLowerCase();
    if (seen.has(key)) throw new Error(`Field ${f.name} already exists in schema`);
    seen.add(key);
    const type = String(f.type ?? '').toUpperCase();
    if (!TYPES.has(type)) throw new Error(`Invalid value for type: ${String(f.type)} is not a valid value`);
    return { name: f.name, type, mode: (f.mode ?? 'NULLABLE').toUpperCase() };
  });
}
