// Loads the live tabs' postings, lines, finance accruals and stock moves into the seller's BigQuery
// dataset: only the rows in buckets that changed since the last load (core/bigquery/digest.ts), in
// batches under the request size limit, each loaded into a staging table and MERGEd into its target
// by key. A batch's digests are saved only once its MERGE is done, so a run cut by the deadline, a
// failed job or a revoked permission leaves nothing marked that BigQuery does not hold. Nothing here
// writes a live tab.
import { bigQuery, BigQueryFailure, type Field } from '../adapters/bigquery';
import { readTabs, spreadsheetOffset } from '../adapters/workbook';
import { changedBuckets, digests, hashRows, planBatches, type Batch } from '../core/bigquery/digest';
import { mergeSql, stagingId } from '../core/bigquery/sql';
import { BQ_TABLES, schemaOf, tableRows, type BqTable } from '../core/bigquery/tables';
import { AppError } from '../core/errors';
import { locateColumns } from '../core/table/locate';
import { cachedOffset } from '../core/time/serial';
import type { BigQueryRunSummary } from '../shared/bigquery-schema';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import { LoadState, stateSpec } from './state';
import { documentStore } from '../adapters/properties';
import { bigQueryArchivedMonths, forgetBigQueryArchivedMonths, type BigQueryTarget } from './settings';

/**
 * NDJSON bytes per load request. Google's API front end refuses bodies over 10,485,760 bytes
 * (runtime/limits.ts, apiRequestBodyBytes); the job resource and multipart framing fit in the rest.
 */
export const BATCH_BYTES = 8_000_000;
/** Time a batch needs at least (a load, a MERGE, their polls and the state write). */
export const BATCH_ROOM_MS = 25_000;
const POLL_MS = [500, 1_000, 2_000, 3_000, 5_000];

/** The deadline came before the work was done: nothing unfinished is marked done. */
export class Cut extends Error {}

export function waitFor(projectId: string, jobId: string, done: boolean, deadline: number) {
  let state = { done, error: null as { reason: string; message: string } | null, inserted: 0, updated: 0 };
  for (let i = 0; !state.done; i++) {
    const pause = POLL_MS[Math.min(i, POLL_MS.length - 1)];
    if (Date.now() + pause > deadline) throw new Cut();
    bigQuery.sleep(pause);
    const next = bigQuery.job(projectId, jobId);
    state = { done: next.done, error: next.error, inserted: next.inserted ?? 0, updated: next.updated ?? 0 };
  }
  if (state.error)
    throw new AppError('bigquery.jobFailed', 'bigquery.jobFailed', {
      reason: state.error.reason,
      detail: state.error.message,
    });
  return state;
}

/** Creates the target table when it is missing; true when it was (its saved position no longer holds). */
export function ensureTable(target: BigQueryTarget, table: BqTable): boolean {
  const columns = bigQuery.tableColumns(target.projectId, target.datasetId, table.id);
  if (columns) return false;
  bigQuery.createTable(target.projectId, target.datasetId, table.id, schemaOf(table) as Field[]);
  return true;
}

/** The seller's message for a failure, and what it means for the saved position. */
export function explain(error: unknown, target: BigQueryTarget): AppError {
  if (error instanceof AppError) return error;
  const params = { project: target.projectId, dataset: target.datasetId };
  if (!(error instanceof BigQueryFailure))
    return new AppError('bigquery.failed', 'bigquery.failed', {
      detail: error instanceof Error ? error.message : String(error),
    });
  const key: MessageKey =
    error.reason === 'notFound'
      ? /Dataset/.test(error.message)
        ? 'bigquery.datasetMissing'
        : /Project/.test(error.message)
          ? 'bigquery.projectMissing'
          : 'bigquery.failed'
      : error.reason === 'accessDenied' || error.reason === 'forbidden'
        ? 'bigquery.permission'
        : error.reason === 'quotaExceeded' || error.reason === 'rateLimitExceeded'
          ? 'bigquery.quota'
          : error.reason === 'billingNotEnabled'
            ? 'bigquery.billing'
            : 'bigquery.failed';
  // BigQuery was the only archive of some months: they went with the dataset, and the message says so.
  const lost = key === 'bigquery.datasetMissing' ? bigQueryArchivedMonths(documentStore()) : [];
  if (lost.length)
    return new AppError('bigquery.datasetLost', 'bigquery.datasetLost', {
      ...params,
      months: lost.join(', '),
      detail: error.message,
    });
  return new AppError(key, key, { ...params, detail: error.message });
}

/** The dataset is there again without archived_rows: the months it held are no longer to be named. */
export function forgetLostMonths(target: BigQueryTarget): void {
  const doc = documentStore();
  if (!bigQueryArchivedMonths(doc).length) return;
  if (!bigQuery.tableColumns(target.projectId, target.datasetId, 'archived_rows'))
    forgetBigQueryArchivedMonths(doc);
}

/** One batch loaded into the table's staging table, then MERGEd into the table by key. */
export function loadBatch(target: BigQueryTarget, table: BqTable, batch: Batch, deadline: number): void {
  const fields = schemaOf(table) as Field[];
  const targetRef = { ...target, tableId: table.id };
  const stagingRef = { ...target, tableId: stagingId(table) };
  const load = bigQuery.startLoad(
    target.projectId,
    target.datasetId,
    stagingRef.tableId,
    fields,
    batch.ndjson,
  );
  waitFor(target.projectId, load.jobId, load.done && !load.error, deadline);
  if (load.done && load.error)
    throw new AppError('bigquery.jobFailed', 'bigquery.jobFailed', {
      reason: load.error.reason,
      detail: load.error.message,
    });
  const merge = bigQuery.startQuery(target.projectId, mergeSql(table, targetRef, stagingRef));
  if (merge.done && merge.error)
    throw new AppError('bigquery.jobFailed', 'bigquery.jobFailed', {
      reason: merge.error.reason,
      detail: merge.error.message,
    });
  waitFor(target.projectId, merge.jobId, merge.done, deadline);
}

/** Rows of an archive month tab (header first) and where its columns are. */
export interface ArchivedRows {
  table: BqTable['id'];
  values: readonly (readonly unknown[])[];
  positions: ReadonlyMap<string, number>;
}

/**
 * Loads rows the live tabs no longer hold (archived postings changed late) into their BigQuery
 * tables, staging then MERGE by key, so loading them again changes nothing. null when all are
 * loaded; otherwise the seller's message (nothing is marked loaded: the caller keeps them waiting).
 */
export function loadArchivedRows(
  target: BigQueryTarget,
  lang: Lang,
  sets: readonly ArchivedRows[],
  deadline: number,
): string | null {
  const offset = cachedOffset(spreadsheetOffset());
  const readAt = new Date().toISOString();
  try {
    bigQuery.datasetExists(target.projectId, target.datasetId);
    for (const table of BQ_TABLES) {
      const rows = sets
        .filter((set) => set.table === table.id)
        .flatMap((set) => tableRows(table, set.values, set.positions, offset));
      if (!rows.length) continue;
      // A missing table is the history load's to create (it then sends every row again): wait.
      if (!bigQuery.tableColumns(target.projectId, target.datasetId, table.id))
        return t(lang, 'bigquery.failed', { detail: `${table.id}: not found` });
      const hashed = hashRows(table, rows);
      const buckets = [...new Set(hashed.map((r) => r.bucket))];
      for (const batch of planBatches(hashed, buckets, readAt, BATCH_BYTES).batches) {
        if (Date.now() + BATCH_ROOM_MS > deadline) throw new Cut();
        loadBatch(target, table, batch, deadline);
      }
    }
    return null;
  } catch (error) {
    if (error instanceof Cut) return t(lang, 'bigquery.partial', { rows: 0, batches: 0 });
    const explained = explain(error, target);
    return t(lang, explained.key, explained.params);
  }
}

export interface LoadOutcome {
  summary: BigQueryRunSummary;
  error: AppError | null;
}

export function loadHistory(target: BigQueryTarget, lang: Lang, deadline: number): LoadOutcome {
  const specs = [...BQ_TABLES.map((table) => table.spec), stateSpec];
  const tabs = readTabs(specs);
  const state = new LoadState(tabs.get(stateSpec.tab)!, target);
  const offset = cachedOffset(spreadsheetOffset());
  const readAt = new Date().toISOString();
  let rowsLoaded = 0;
  let batchesDone = 0;
  let bytes = 0;
  const tablesDone: string[] = [];
  const summary = (result: BigQueryRunSummary['result'], message: string): BigQueryRunSummary => ({
    result,
    message,
    rows: rowsLoaded,
    batches: batchesDone,
    bytes,
  });
  try {
    bigQuery.datasetExists(target.projectId, target.datasetId);
    forgetLostMonths(target);
    for (const table of BQ_TABLES) {
      const snap = tabs.get(table.spec.tab)!;
      if (ensureTable(target, table)) state.forget(table);
      const positions = snap.exists
        ? locateColumns(table.spec, snap.values[0] ?? [], snap.metadata).positions
        : new Map<string, number>();
      const hashed = hashRows(table, snap.exists ? tableRows(table, snap.values, positions, offset) : []);
      const now = digests(hashed);
      const saved = state.digests(table) ?? new Uint32Array(now.length);
      const changed = changedBuckets(now, saved);
      if (!changed.length) continue;
      const { batches, emptied } = planBatches(hashed, changed, readAt, BATCH_BYTES);
      for (const b of emptied) saved[b] = now[b];
      for (const batch of batches) {
        if (Date.now() + BATCH_ROOM_MS > deadline) throw new Cut();
        loadBatch(target, table, batch, deadline);
        for (const bucket of batch.buckets) saved[bucket] = now[bucket];
        state.saveDigests(table, saved);
        state.flush();
        rowsLoaded += batch.rows.length;
        bytes += batch.bytes;
        batchesDone++;
      }
      state.saveDigests(table, saved);
      tablesDone.push(table.id);
    }
    state.flush();
    if (!batchesDone) return { summary: summary('nothing', t(lang, 'bigquery.nothing')), error: null };
    return {
      summary: summary(
        'done',
        t(lang, 'bigquery.done', { rows: rowsLoaded, batches: batchesDone, tables: tablesDone.join(', ') }),
      ),
      error: null,
    };
  } catch (error) {
    if (error instanceof Cut) {
      state.flush();
      return {
        summary: summary('partial', t(lang, 'bigquery.partial', { rows: rowsLoaded, batches: batchesDone })),
        error: null,
      };
    }
    const explained = explain(error, target);
    // A deleted dataset takes every table with it: a recreated one gets the whole history again.
    if (explained.key === 'bigquery.datasetMissing') for (const table of BQ_TABLES) state.forget(table);
    try {
      state.flush();
    } catch {
      // The position stays as it was: the next run repeats work, never skips it.
    }
    return { summary: summary('failed', t(lang, explained.key, explained.params)), error: explained };
  }
}
