// The Finance rows of archived postings follow them to the archive: a row whose posting left Orders
// and whose date is before the finance horizon (the oldest month the Reconciliation still checks:
// the Dashboard's P&L and the Reconciliation read only the live Finance tab) moves to its posting's
// archive month ("2026-07 Finance", beside "2026-07 Order lines"), by key: upserted there, read back
// and only then removed from the live tab (a cut in between leaves the row in both places; the next
// run upserts it again, the key stays one row, and the profit counts it once: see finance/archived).
// A row's archive month is its Order month, which the finance run keeps on every row.
import { volumeOfMonth, type ArchiveCatalog } from '../core/archive/catalog';
import { archiveFinanceSpecs } from '../core/archive/plan';
import { financeHorizon, financeSpec } from '../core/finance/tables';
import { isoDay } from '../core/reports/calendar';
import { keysOf } from '../core/table/guard';
import { landTables, type TableIO } from '../core/table/land';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { Cell, RowValues } from '../core/table/spec';
import { moscowDay } from '../finance/job';
import type { ArchiveEnv } from './move';

/** Rows moved per run at most (a large shop's first move catches up over a few days). */
export const FINANCE_ROWS_PER_RUN = 20_000;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

function asCell(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function dayOf(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return isoDay(value);
  const t = text(value);
  return /^\d{4}-\d\d-\d\d/.test(t) ? t.slice(0, 10) : '';
}

/** Moves what is due; answers how many rows moved. `live`: the postings Orders holds now. */
export function moveArchivedFinance(
  env: ArchiveEnv,
  catalog: ArchiveCatalog,
  live: ReadonlySet<string>,
  moveId: string,
): number {
  const liveIo: TableIO = { readTabs: (specs) => env.readTabs(specs), write: (r) => env.write(r) };
  const snap = env.readTabs([financeSpec]).get(financeSpec.tab) as TabSnapshot;
  if (!snap.exists) return 0;
  const finance = prepareTab(snap);
  // A tab without its Order month column yet: the finance run adds and fills it first.
  if (finance.setup.length) return 0;
  const horizon = financeHorizon(moscowDay(env.now()));
  const at = (row: readonly unknown[], key: string) => row[finance.positions.get(key) as number];
  const byMonth = new Map<string, Map<string, RowValues>>();
  let due = 0;
  for (const row of snap.values.slice(1)) {
    if (due >= FINANCE_ROWS_PER_RUN) break;
    const key = text(at(row, 'finance_key'));
    const posting = text(at(row, 'posting_number'));
    const month = text(at(row, 'order_month'));
    if (!key || !posting || live.has(posting) || !month || !volumeOfMonth(catalog, month)) continue;
    const day = dayOf(at(row, 'date'));
    if (!day || day >= horizon) continue;
    const values: RowValues = {};
    for (const column of financeSpec.columns) values[column.key] = asCell(at(row, column.key));
    values.move_id = moveId;
    const rows = byMonth.get(month) ?? new Map<string, RowValues>();
    if (!rows.has(key)) due++;
    rows.set(key, values);
    byMonth.set(month, rows);
  }
  let moved = 0;
  for (const [month, rows] of [...byMonth].sort((a, b) => a[0].localeCompare(b[0]))) {
    const volume = volumeOfMonth(catalog, month);
    if (!volume) continue;
    const spec = archiveFinanceSpecs(month).finance;
    const io: TableIO = {
      readTabs: (specs) => env.readTabs(specs, volume.spreadsheetId),
      write: (r) => env.write(r, volume.spreadsheetId),
    };
    const landing = landTables(io, [{ spec, rows: [...rows.values()], create: true }]);
    const after = landing.tabs.get(spec.tab);
    if (!after?.snapshot.exists) continue;
    // Removed from the live tab only what the archive tab holds now, by key.
    const held = new Set(keysOf(after.snapshot.values, after.positions.get(spec.key) as number));
    const remove = new Set([...rows.keys()].filter((key) => held.has(key)));
    if (!remove.size) continue;
    landTables(liveIo, [{ spec: financeSpec, rows: [], remove }]);
    moved += remove.size;
  }
  return moved;
}
