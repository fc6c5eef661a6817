// Before old postings leave the live tabs, BigQuery must hold them. The batch's rows (from the live
// read the move made anyway: nothing else is read) are checked first by a query of their keys and
// row hashes; only rows BigQuery lacks or holds otherwise are loaded into staging and MERGEd by key,
// then read back by the same query. A posting may move only when every one of its rows came back
// with the hash sent. A refusal, a failed job or the deadline holds every posting not confirmed.
import { bigQuery } from '../adapters/bigquery';
import { readTabs } from '../adapters/workbook';
import { ARCHIVED_ROWS, heldPostings, keepSellerCells, rowsToHold } from '../core/bigquery/archived';
import { hashRows, planBatches, type HashedRow } from '../core/bigquery/digest';
import { heldSql } from '../core/bigquery/sql';
import { keyOf, type BqTable } from '../core/bigquery/tables';
import { AppError } from '../core/errors';
import { t, type Lang } from '../core/i18n/messages';
import type { RowValues } from '../core/table/spec';
import type { OffsetMinutes } from '../core/time/serial';
import {
  BATCH_BYTES,
  BATCH_ROOM_MS,
  Cut,
  ensureTable,
  explain,
  forgetLostMonths,
  loadBatch,
  waitFor,
} from './load';
import type { BigQueryTarget } from './settings';
import { LoadState, stateSpec } from './state';

/** BigQuery could not confirm the batch: the seller's message; `cut` when only time ran out. */
export class NotHeld extends Error {
  constructor(
    readonly text: string,
    readonly cut: boolean,
  ) {
    super(text);
  }
}

/** Postings per read-back query (GoogleSQL query text stays far below its 1,024 K characters). */
const IN_LIST = 2_000;
/** Time a read-back query needs at least (insert, polls, results). */
const QUERY_ROOM_MS = 10_000;

type Keyed = HashedRow & { key: string };

/** Row key (keyOf) → row_hash, as the table holds them for these postings (`cells`: archived_rows' too). */
function readHeld(
  target: BigQueryTarget,
  table: BqTable,
  postings: readonly string[],
  deadline: number,
  cells?: Map<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const also = cells ? ['cells'] : [];
  const ref = { ...target, tableId: table.id };
  for (let i = 0; i < postings.length; i += IN_LIST) {
    if (Date.now() + QUERY_ROOM_MS > deadline) throw new Cut();
    const job = bigQuery.startQuery(
      target.projectId,
      heldSql(table, ref, postings.slice(i, i + IN_LIST), also),
    );
    if (job.done && job.error)
      throw new AppError('bigquery.jobFailed', 'bigquery.jobFailed', {
        reason: job.error.reason,
        detail: job.error.message,
      });
    waitFor(target.projectId, job.jobId, job.done, deadline);
    for (const row of bigQuery.queryRows(target.projectId, job.jobId)) {
      const key = row.slice(0, table.keys.length).join('\u0001');
      out.set(key, String(row[table.keys.length]));
      if (cells && row[table.keys.length + 1] !== null) cells.set(key, String(row[table.keys.length + 1]));
    }
  }
  return out;
}

/** A history table created here starts empty: the history load must send it whole again. */
function forgetLoaded(target: BigQueryTarget, tables: readonly BqTable[]): void {
  const state = new LoadState(readTabs([stateSpec]).get(stateSpec.tab)!, target);
  for (const table of tables) state.forget(table);
  state.flush();
}

/**
 * The carried postings BigQuery holds exactly (loading what it lacks first). `whole`: BigQuery is
 * the only archive, so every cell of their sheet rows goes to `archived_rows` too. Throws NotHeld.
 */
export function holdInBigQuery(
  target: BigQueryTarget,
  lang: Lang,
  carried: { orderRows: ReadonlyMap<string, RowValues>; lineRows: ReadonlyMap<string, RowValues> },
  offset: OffsetMinutes,
  whole: boolean,
  deadline: number,
): Set<string> {
  const postings = [...carried.orderRows.keys()];
  const readAt = new Date().toISOString();
  try {
    bigQuery.datasetExists(target.projectId, target.datasetId);
    forgetLostMonths(target);
    const sets = rowsToHold(carried, offset, whole).map((set) => ({
      table: set.table,
      rows: hashRows(set.table, set.rows).map((r): Keyed => ({ ...r, key: keyOf(set.table, r.row) })),
    }));
    const created = sets.filter((set) => ensureTable(target, set.table)).map((set) => set.table);
    const history = created.filter((table) => table.id !== 'archived_rows');
    if (history.length) forgetLoaded(target, history);
    const cells = new Map<string, string>();
    const read = () =>
      new Map(
        sets.map((set) => [
          set.table.id,
          readHeld(target, set.table, postings, deadline, set.table === ARCHIVED_ROWS ? cells : undefined),
        ]),
      );
    let held = read();
    // A posting archived before and back in the live tabs keeps the seller's cells BigQuery holds.
    for (const set of sets)
      if (set.table === ARCHIVED_ROWS)
        set.rows = set.rows.map((r) => {
          const before = cells.get(r.key);
          const kept = keepSellerCells(String(r.row.cells), before);
          if (kept === r.row.cells) return r;
          const [again] = hashRows(set.table, [{ ...r.row, cells: kept }]);
          return { ...again, key: r.key };
        });
    let loaded = false;
    for (const set of sets) {
      const got = held.get(set.table.id);
      const lacking = set.rows.filter((r) => got?.get(r.key) !== r.hash);
      if (!lacking.length) continue;
      const buckets = [...new Set(lacking.map((r) => r.bucket))];
      for (const batch of planBatches(lacking, buckets, readAt, BATCH_BYTES).batches) {
        if (Date.now() + BATCH_ROOM_MS > deadline) throw new Cut();
        loadBatch(target, set.table, batch, deadline);
      }
      loaded = true;
    }
    if (loaded) held = read();
    return heldPostings(sets, held, postings);
  } catch (error) {
    if (error instanceof Cut) throw new NotHeld(t(lang, 'bigquery.archiveCut'), true);
    const explained = explain(error, target);
    throw new NotHeld(
      t(lang, 'bigquery.archiveWaits', { reason: t(lang, explained.key, explained.params) }),
      false,
    );
  }
}
