// Late changes to postings archived only in BigQuery: the orders sync hands the postings it read that
// neither Orders nor an archive spreadsheet holds. One query of archived_rows' keys tells which of
// them BigQuery holds (archived_rows, not postings: the history load also holds live rows); for
// those, their stored row hashes say which changed, and only those are loaded (staging, then MERGE
// by key) into postings, lines and archived_rows, the seller's cells kept from what BigQuery holds.
// None of them goes back to Orders. Throws on any BigQuery failure (the caller keeps them waiting).
import { bigQuery } from '../adapters/bigquery';
import { ARCHIVED_ROWS, keepSellerCells, ORDER_ROW_KEY, rowsToHold } from '../core/bigquery/archived';
import { hashRows, planBatches } from '../core/bigquery/digest';
import { heldSql } from '../core/bigquery/sql';
import { BQ_TABLES, keyOf, type BqTable } from '../core/bigquery/tables';
import { AppError } from '../core/errors';
import type { Lang } from '../core/i18n/messages';
import type { OrderPosting } from '../core/orders/posting';
import { lineRows, orderRow } from '../core/orders/tables';
import type { RowValues } from '../core/table/spec';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import { BATCH_BYTES, BATCH_ROOM_MS, Cut, waitFor, loadBatch } from './load';
import type { BigQueryTarget } from './settings';

const IN_LIST = 2_000;
const QUERY_ROOM_MS = 10_000;
const SEP = '\u0001';
const table = (id: BqTable['id']) => BQ_TABLES.find((t) => t.id === id) as BqTable;

function query(target: BigQueryTarget, sql: (list: string[]) => string, keys: string[], deadline: number) {
  const out: (string | null)[][] = [];
  for (let i = 0; i < keys.length; i += IN_LIST) {
    if (Date.now() + QUERY_ROOM_MS > deadline) throw new Cut();
    const job = bigQuery.startQuery(target.projectId, sql(keys.slice(i, i + IN_LIST)));
    if (job.done && job.error)
      throw new AppError('bigquery.jobFailed', 'bigquery.jobFailed', {
        reason: job.error.reason,
        detail: job.error.message,
      });
    waitFor(target.projectId, job.jobId, job.done, deadline);
    out.push(...bigQuery.queryRows(target.projectId, job.jobId));
  }
  return out;
}

/** A TIMESTAMP as a query answers it (epoch seconds, as BigQuery's REST API sends; or ISO text). */
function epochMs(value: string | null): number | null {
  if (value === null || value === '') return null;
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) return Math.round(Number(value) * 1000);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** The status unchanged: "Last changed" stays exactly as kept (not a serial read back through a timestamp). */
function sameLastChanged(now: string, before: string | undefined): string {
  if (!before) return now;
  try {
    const old = JSON.parse(before) as Record<string, unknown>;
    const row = JSON.parse(now) as Record<string, unknown>;
    if (
      row.status_code === undefined ||
      old.status_code !== row.status_code ||
      old.last_changed === undefined
    )
      return now;
    return JSON.stringify({ ...row, last_changed: old.last_changed });
  } catch {
    return now;
  }
}

export interface LateInBigQuery {
  /** Postings BigQuery holds as archived: updated there when they changed, never added to Orders. */
  held: Set<string>;
  updated: number;
}

export function applyLateInBigQuery(
  target: BigQueryTarget,
  lang: Lang,
  postings: readonly OrderPosting[],
  offset: OffsetMinutes,
  deadline: number,
): LateInBigQuery {
  const out: LateInBigQuery = { held: new Set(), updated: 0 };
  if (!postings.length) return out;
  const ref = (t: BqTable) => ({ ...target, tableId: t.id });
  bigQuery.datasetExists(target.projectId, target.datasetId);
  // No archived_rows table: nothing was ever archived to BigQuery so far.
  if (!bigQuery.tableColumns(target.projectId, target.datasetId, ARCHIVED_ROWS.id)) return out;
  const numbers = [...new Set(postings.map((p) => p.postingNumber))];
  const archived = query(
    target,
    (list) => heldSql(ARCHIVED_ROWS, ref(ARCHIVED_ROWS), list),
    numbers,
    deadline,
  );
  for (const row of archived) if (row[1] === ORDER_ROW_KEY && row[0] !== null) out.held.add(row[0]);
  if (!out.held.size) return out;
  const held = postings.filter((p) => out.held.has(p.postingNumber));
  const heldNumbers = [...out.held];
  const postingsTable = table('postings');
  const linesTable = table('lines');
  const before = new Map<string, { hash: string; status: string | null; lastChanged: number | null }>();
  for (const row of query(
    target,
    (list) => heldSql(postingsTable, ref(postingsTable), list, ['status', 'last_changed']),
    heldNumbers,
    deadline,
  ))
    before.set(String(row[0]), { hash: String(row[1]), status: row[2], lastChanged: epochMs(row[3]) });
  const lineHashes = new Map<string, string>();
  for (const row of query(
    target,
    (list) => heldSql(linesTable, ref(linesTable), list),
    heldNumbers,
    deadline,
  ))
    lineHashes.set(row.slice(0, linesTable.keys.length).join(SEP), String(row[linesTable.keys.length]));

  // The rows as the sync writes them; "Last changed" as in Orders: when a sync first saw the status.
  const ctx = { lang, offset };
  const seenAt = toSerial(Date.now(), offset);
  const orderRows = new Map<string, RowValues>();
  const lines = new Map<string, RowValues>();
  for (const p of held) {
    const row = orderRow(p, ctx);
    delete row.new;
    if (row.last_changed === null) {
      const was = before.get(p.postingNumber);
      row.last_changed =
        was && was.status === p.status && was.lastChanged !== null
          ? toSerial(was.lastChanged, offset)
          : seenAt;
    }
    orderRows.set(p.postingNumber, row);
    for (const line of lineRows(p)) lines.set(String(line.line_key), line);
  }
  const sets = rowsToHold({ orderRows, lineRows: lines }, offset, true);
  const changed = new Set<string>();
  for (const set of sets) {
    if (set.table === ARCHIVED_ROWS) continue;
    for (const r of hashRows(set.table, set.rows)) {
      const stored =
        set.table === postingsTable
          ? before.get(String(r.row.posting_number))?.hash
          : lineHashes.get(keyOf(set.table, r.row));
      if (stored !== r.hash) changed.add(String(r.row.posting_number));
    }
  }
  if (!changed.size) return out;
  // The seller's cells stay as BigQuery holds them (the sync never writes them).
  const cells = new Map<string, string>();
  for (const row of query(
    target,
    (list) => heldSql(ARCHIVED_ROWS, ref(ARCHIVED_ROWS), list, ['cells']),
    [...changed],
    deadline,
  ))
    if (row[3] !== null) cells.set(`${String(row[0])}${SEP}${String(row[1])}`, String(row[3]));
  const readAt = new Date().toISOString();
  for (const set of sets) {
    let rows = set.rows.filter((r) => changed.has(String(r.posting_number)));
    if (set.table === ARCHIVED_ROWS)
      rows = rows.map((r) => ({
        ...r,
        cells: sameLastChanged(
          keepSellerCells(String(r.cells), cells.get(keyOf(ARCHIVED_ROWS, r))),
          cells.get(keyOf(ARCHIVED_ROWS, r)),
        ),
      }));
    if (!rows.length) continue;
    const hashed = hashRows(set.table, rows);
    const buckets = [...new Set(hashed.map((r) => r.bucket))];
    for (const batch of planBatches(hashed, buckets, readAt, BATCH_BYTES).batches) {
      if (Date.now() + BATCH_ROOM_MS > deadline) throw new Cut();
      loadBatch(target, set.table, batch, deadline);
    }
  }
  out.updated = changed.size;
  return out;
}
