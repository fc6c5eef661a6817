// Lands keyed rows in one or more tabs so that no cell stays on a row (or in a column) other than the
// one it was planned for, whatever the seller does meanwhile. Every try reads the tabs right before
// writing and again right after: a row whose key changed under a write, or a column that moved, is
// re-planned from the fresh read, and rows the write's cells reached by mistake get back what they held.
// The reads and writes go through the caller's ports (the adapters' one reader and one writer).
import { AppError } from '../errors';
import { checkWrite, guardedRequests, keysOf, rowAsRead } from './guard';
import type { SheetsRequest } from './requests';
import { prepareTab, type PreparedTab, type TabSnapshot } from './snapshot';
import { fitCell, type Cell, type ColumnSpec, type RowValues, type TableSpec } from './spec';
import { planUpsert, sameCell, type UpsertPlan } from './upsert';

export interface TableIO {
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): unknown;
}

export interface TableTarget {
  spec: TableSpec;
  /** The rows the tab should hold (by the spec's key): only cells that differ are written. */
  rows: readonly RowValues[];
  /** Formats and rules a new tab gets (see prepareTab). */
  decorate?: (positions: ReadonlyMap<string, number>, sheetId: number) => SheetsRequest[];
  /** Rows that vanished during the landing are put back from the read before (Orders-like tabs). */
  restoreMissing?: boolean;
  /** Create the tab even with no rows to write. */
  create?: boolean;
  /**
   * Keys of rows to delete, each found by its key in the read right before the write. When a write
   * that deleted rows loses others (the seller sorted or deleted meanwhile, so a delete reached
   * another row), those rows are put back whole, the seller's cells included; a key still there is
   * deleted by the next try.
   */
  remove?: ReadonlySet<string>;
  /**
   * Seller columns the rows carry (the seller's own action from the sidebar; also a column set only on
   * new rows, such as Orders' New): written only on rows found by key, never appended, with their
   * columns' number format; no other seller column is touched. A row they reached by mistake gets
   * back what it held in them, and a row without a key is cleared of what they wrote.
   */
  seller?: readonly string[];
  /**
   * The rows only update rows found by key (results of an action on rows the tab holds): a key the
   * seller deleted meanwhile is not appended as a partial row. Implied by `seller`.
   */
  updateOnly?: boolean;
}

export interface TablesLanding {
  /** The tabs as read after the last write (or before, when nothing was written). */
  tabs: Map<string, PreparedTab>;
  plans: Map<string, UpsertPlan>;
  /** Rows that took cells meant for another row or column, rewritten. */
  repaired: number;
  /** Rows that vanished during the landing and were put back. */
  restored: number;
  /** Their keys, by tab. */
  restoredKeys: Map<string, Set<string>>;
  /** Writes sent (each a chunked batchUpdate). */
  writes: number;
}

/** Writes before giving up on re-identifying rows (each try reads the tabs again). */
const MAX_TRIES = 5;

const NONE: ReadonlySet<string> = new Set();

/**
 * The keys read after a write, placed where each row of the read before should now be: the
 * write's own deletions (0-based sheet rows of the read before) moved the rows below them up.
 */
function alignAfter(after: readonly string[], length: number, deleted: readonly number[]): string[] {
  const gone = [...deleted].sort((a, b) => a - b);
  const out: string[] = [];
  let k = 0;
  for (let row = 0; row < length; row++) {
    while (k < gone.length && gone[k] < row) k++;
    out.push(gone[k] === row ? '' : (after[row - k] ?? ''));
  }
  return out;
}

/** Which column each index holds: the add-on's columns by key, others by their header text. */
function identities(tab: PreparedTab): string[] {
  const header = tab.snapshot.values[0] ?? [];
  const ids = Array.from({ length: Math.max(header.length, tab.snapshot.columnCount) }, (_v, i) =>
    header[i] === undefined || header[i] === '' ? `#${i}` : `h:${String(header[i])}`,
  );
  for (const [key, index] of tab.positions) ids[index] = `k:${key}`;
  return ids;
}

/** A cell to put back as it was before a write reached it by mistake: found again by row key and column. */
interface CellFix {
  key: string;
  column: string;
  value: Cell;
}

function asCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function fixRequests(tab: PreparedTab, fixes: readonly CellFix[]): SheetsRequest[] {
  if (!fixes.length) return [];
  const keyCol = tab.positions.get(tab.snapshot.spec.key) as number;
  const rows = new Map<string, number>();
  keysOf(tab.snapshot.values, keyCol).forEach((key, i) => key && !rows.has(key) && rows.set(key, i));
  const ids = identities(tab);
  const requests: SheetsRequest[] = [];
  for (const fix of fixes) {
    const row = rows.get(fix.key);
    const col = ids.indexOf(fix.column);
    if (row === undefined || col < 0 || fix.column.startsWith('k:')) continue;
    const value =
      typeof fix.value === 'string' && fix.value !== ''
        ? { stringValue: fix.value }
        : typeof fix.value === 'number'
          ? { numberValue: fix.value }
          : typeof fix.value === 'boolean'
            ? { boolValue: fix.value }
            : undefined;
    requests.push({
      updateCells: {
        start: { sheetId: tab.snapshot.sheetId, rowIndex: row, columnIndex: col },
        rows: [{ values: [value ? { userEnteredValue: value } : {}] }],
        fields: 'userEnteredValue',
      },
    });
  }
  return requests;
}

/**
 * Clears the add-on's cells on rows without a key (a write that landed on a row the seller inserted);
 * in the seller columns the target wrote, only cells holding what it wrote.
 */
function sweepRequests(tab: PreparedTab, target: TableTarget): SheetsRequest[] {
  const spec = tab.snapshot.spec;
  const keyCol = tab.positions.get(spec.key) as number;
  const named = new Set(target.seller ?? []);
  const own = spec.columns
    .filter((c) => c.role !== 'seller' || named.has(c.key))
    .map((c) => ({ column: c, col: tab.positions.get(c.key) as number }));
  const wrote = (column: ColumnSpec, cell: unknown) =>
    column.role !== 'seller' ||
    target.rows.some((r) => column.key in r && sameCell(cell, fitCell(r[column.key] ?? null), column));
  const requests: SheetsRequest[] = [];
  tab.snapshot.values.forEach((row, i) => {
    if (i === 0 || !row || (row[keyCol] !== undefined && row[keyCol] !== null && row[keyCol] !== '')) return;
    for (const { column, col } of own) {
      if (row[col] === undefined || row[col] === null || row[col] === '' || !wrote(column, row[col]))
        continue;
      requests.push({
        updateCells: {
          start: { sheetId: tab.snapshot.sheetId, rowIndex: i, columnIndex: col },
          rows: [{ values: [{}] }],
          fields: 'userEnteredValue',
        },
      });
    }
  });
  return requests;
}

function prepareAll(
  io: TableIO,
  targets: readonly TableTarget[],
  read?: ReadonlyMap<string, TabSnapshot>,
): Map<string, PreparedTab> {
  const snapshots = read ?? io.readTabs(targets.map((t) => t.spec));
  return new Map(
    targets.map((t) => [t.spec.tab, prepareTab(snapshots.get(t.spec.tab) as TabSnapshot, t.decorate)]),
  );
}

/**
 * `read`: the tabs as just read, when nothing else happened since (no Ozon call): a read right
 * before the write is only worth its calls after time spent elsewhere.
 */
export function landTables(
  io: TableIO,
  targets: readonly TableTarget[],
  read?: ReadonlyMap<string, TabSnapshot>,
): TablesLanding {
  const landing: TablesLanding = {
    tabs: new Map(),
    plans: new Map(),
    repaired: 0,
    restored: 0,
    restoredKeys: new Map(targets.map((t) => [t.spec.tab, new Set<string>()])),
    writes: 0,
  };
  const restore = new Map(targets.map((t) => [t.spec.tab, new Map<string, RowValues>()]));
  // Rows a delete reached by mistake, put back first so their seller's cells come along.
  const revive = new Map(targets.map((t) => [t.spec.tab, new Map<string, RowValues>()]));
  let fixes = new Map<string, CellFix[]>();
  let sweep = new Set<string>();
  let tabs = prepareAll(io, targets, read);
  landing.tabs = tabs;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const requests: SheetsRequest[] = [];
    const plans = new Map<string, UpsertPlan>();
    for (const target of targets) {
      const tab = tabs.get(target.spec.tab) as PreparedTab;
      const snapshot = tab.snapshot;
      const revived = revive.get(target.spec.tab) as Map<string, RowValues>;
      const incoming = [
        ...revived.values(),
        ...target.rows,
        ...(restore.get(target.spec.tab) as Map<string, RowValues>).values(),
      ];
      if (!snapshot.exists && !incoming.length && !target.create) continue;
      const plan = planUpsert(
        target.spec,
        tab.positions,
        { firstRow: 1, rows: snapshot.values.slice(1) },
        incoming,
        snapshot.exists ? (target.remove ?? NONE) : NONE,
        new Set(revived.keys()),
        new Set(target.seller ?? []),
        Boolean(target.updateOnly || target.seller?.length),
      );
      plans.set(target.spec.tab, plan);
      requests.push(
        ...tab.setup,
        ...guardedRequests(
          target.spec,
          snapshot.sheetId,
          tab.positions,
          plan,
          snapshot.zone,
          Boolean(target.seller?.length),
        ),
        ...fixRequests(tab, fixes.get(target.spec.tab) ?? []),
        ...(sweep.has(target.spec.tab) ? sweepRequests(tab, target) : []),
      );
    }
    if (attempt === 0) landing.plans = plans;
    if (!requests.length) break;
    // A write refused as a whole or in part (a row it reached was deleted meanwhile, so the range
    // left the grid) is checked like any other and planned again from a fresh read.
    let refused: unknown;
    try {
      io.write(requests);
    } catch (error) {
      // The add-on's own refusals (out of Sheets quota, out of time) are not the seller's edits.
      if (attempt === MAX_TRIES - 1 || error instanceof AppError) throw error;
      refused = error;
    }
    landing.writes++;

    const after = prepareAll(io, targets);
    const before = tabs;
    tabs = after;
    landing.tabs = after;
    fixes = new Map();
    sweep = new Set();
    let bad = 0;
    for (const target of targets) {
      const plan = plans.get(target.spec.tab);
      if (!plan) continue;
      const was = before.get(target.spec.tab) as PreparedTab;
      const now = after.get(target.spec.tab) as PreparedTab;
      const keyOf = (tab: PreparedTab) =>
        keysOf(tab.snapshot.values, tab.positions.get(target.spec.key) as number);
      const beforeKeys = keyOf(was);
      const readAfter = keyOf(now);
      const afterKeys = alignAfter(readAfter, beforeKeys.length, plan.deleteRows);
      const removing = target.remove ?? NONE;
      const check = checkWrite(beforeKeys, afterKeys, plan.runs);
      const gone = checkWrite(beforeKeys, readAfter, [], removing).missing;
      // A write that deleted rows and lost others: a delete may have reached them; they come back whole.
      const misdeleted = plan.deleteRows.length ? gone : new Set<string>();
      const missing = target.restoreMissing ? gone : new Set<string>();
      const present = new Set(readAfter);
      const left = [...removing].some((key) => present.has(key));
      // Cells that went to a row without a key (inserted by the seller meanwhile) are taken off it.
      if (plan.runs.some((run) => !run.fresh && beforeKeys[run.row] && !afterKeys[run.row]))
        sweep.add(target.spec.tab);
      // A column moved or inserted between the read and the write: cells went to the wrong columns.
      const wasIds = identities(was);
      const nowIds = identities(now);
      const wrongColumns = plan.runs.some(
        (run) => !run.fresh && run.values.some((_v, k) => wasIds[run.col + k] !== nowIds[run.col + k]),
      );
      if (wrongColumns) {
        const list: CellFix[] = [];
        for (const run of plan.runs) {
          if (run.fresh) continue;
          const key = beforeKeys[run.row];
          if (!key || afterKeys[run.row] !== key) continue;
          check.dirty.add(key);
          const old = was.snapshot.values[run.row] ?? [];
          run.values.forEach((_v, k) => {
            const column = nowIds[run.col + k];
            if (!column || column === wasIds[run.col + k]) return;
            const from = wasIds.indexOf(column);
            list.push({ key, column, value: from < 0 ? null : asCell(old[from]) });
          });
        }
        fixes.set(target.spec.tab, list);
      }
      if (!check.dirty.size && !missing.size && !misdeleted.size && !left) continue;
      bad++;
      landing.repaired += check.dirty.size;
      const revived = revive.get(target.spec.tab) as Map<string, RowValues>;
      const back = new Set([...missing, ...misdeleted].filter((k) => !revived.has(k)));
      landing.restored += back.size;
      for (const key of back) landing.restoredKeys.get(target.spec.tab)?.add(key);
      // Rows the write reached by mistake, or that vanished, get back what they held before it.
      const own = new Map(target.rows.map((r) => [String(r[target.spec.key]), r]));
      const keep = restore.get(target.spec.tab) as Map<string, RowValues>;
      // A row of the target's own is rewritten from it; the cells it does not carry, from the read.
      const wanted = new Set([...check.dirty, ...missing].filter((k) => !keep.has(k) && !misdeleted.has(k)));
      const keyCol = was.positions.get(target.spec.key) as number;
      for (const row of was.snapshot.values.slice(1)) {
        const key = row?.[keyCol];
        if (key === undefined || key === null) continue;
        const text = String(key);
        if (misdeleted.has(text) && !revived.has(text)) {
          const whole = rowAsRead(target.spec, was.positions, row, true);
          // A row the target still has takes its fresh cells from it, the others from the read.
          revived.set(text, { ...whole, ...own.get(text) });
          keep.delete(text);
        } else if (wanted.has(text)) {
          const read = rowAsRead(target.spec, was.positions, row, new Set(target.seller ?? []));
          const fresh = own.get(text);
          if (fresh)
            for (const column of Object.keys(fresh)) if (column !== target.spec.key) delete read[column];
          keep.set(text, read);
          wanted.delete(text);
        }
      }
    }
    if (!refused && !bad && !sweep.size && ![...fixes.values()].some((f) => f.length)) break;
  }
  return landing;
}

/** One tab's rows landed as landTables lands them: the plan as first made, the tab as read after. */
export function landRows(
  io: TableIO,
  spec: TableSpec,
  rows: readonly RowValues[],
  read?: ReadonlyMap<string, TabSnapshot>,
): { plan: UpsertPlan | undefined; tab: PreparedTab } {
  const landing = landTables(io, [{ spec, rows }], read);
  return { plan: landing.plans.get(spec.tab), tab: landing.tabs.get(spec.tab) as PreparedTab };
}

/**
 * Lands the rows waiting for each named tab (found again by key, since Ozon was read after the tabs
 * were), puts the tab as read after the write in `tabs`, and answers each tab's plan.
 */
export function landPending<N extends string>(
  io: TableIO,
  tabs: Record<N, PreparedTab>,
  pending: Record<N, ReadonlyMap<string, RowValues>>,
  names: readonly N[],
): Map<N, UpsertPlan | undefined> {
  const waiting = names.filter((name) => pending[name].size);
  const landing = landTables(
    io,
    waiting.map((name) => ({ spec: tabs[name].snapshot.spec, rows: [...pending[name].values()] })),
  );
  const plans = new Map<N, UpsertPlan | undefined>();
  for (const name of waiting) {
    const tab = tabs[name].snapshot.spec.tab;
    tabs[name] = landing.tabs.get(tab) as PreparedTab;
    plans.set(name, landing.plans.get(tab));
  }
  return plans;
}
