// Profit of archived postings: an accrual booked after its posting moved to the archive (a late
// correction, a return's reversal) lands in the live Finance tab like any other — it is dated within
// the months the Dashboard's P&L and the Reconciliation read — and this module recomputes the
// posting's archived Order lines where they live: it finds the posting's archive month (the Finance
// rows' Order month, else the month tab whose Orders holds it), takes every accrual of the posting
// (the archive month's Finance tab and the live one, by key), and lands the profit columns by key
// in that month's Order lines (update only; the sync's and the seller's columns are left alone).
import { volumeOfMonth, type ArchiveCatalog } from '../core/archive/catalog';
import { archiveFinanceSpecs, archiveSpecs } from '../core/archive/plan';
import { numberToMinor } from '../core/finance/minor';
import {
  lineProfits,
  type Accrual,
  type LineProfit,
  type OfferCost,
  type RateTable,
} from '../core/finance/profit';
import { profitCells, readFinance, type NoteText } from '../core/finance/tables';
import { landTables, type TableIO } from '../core/table/land';
import type { SheetsRequest } from '../core/table/requests';
import { prepareTab, type TabPart, type TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import type { LineFacts } from './step';

/** The archive spreadsheets, as the finance run reaches them. */
export interface ArchivePort {
  catalog(): ArchiveCatalog;
  readTabs(
    specs: readonly TableSpec[],
    spreadsheetId: string,
    parts?: ReadonlyMap<string, TabPart>,
  ): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[], spreadsheetId: string): void;
  /** The seller's words for a failure (no key, no secret). */
  describe(error: unknown): string;
}

export interface ArchivedProfit {
  /** Postings found in the archive and brought up to date (their archive month). */
  placed: Map<string, string>;
  /** Postings no archive month holds (accruals of postings the add-on never had). */
  unplaced: Set<string>;
  linesUpdated: number;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export const ioOf = (port: ArchivePort, id: string): TableIO => ({
  readTabs: (specs) => port.readTabs(specs, id),
  write: (requests) => port.write(requests, id),
});

/**
 * The archive month of each posting not placed yet: the Orders month tabs' key column alone, newest
 * month first, a volume at a time, until every posting is found.
 */
function locate(
  port: ArchivePort,
  catalog: ArchiveCatalog,
  postings: ReadonlySet<string>,
): Map<string, string> {
  const found = new Map<string, string>();
  if (!postings.size) return found;
  const volumes = catalog.volumes
    .filter((v) => !v.lost)
    .map((v) => ({
      v,
      newest:
        v.months
          .map((m) => m.month)
          .sort()
          .pop() ?? '',
    }))
    .sort((a, b) => b.newest.localeCompare(a.newest));
  for (const { v } of volumes) {
    if (found.size === postings.size) break;
    const months = v.months.map((m) => m.month);
    const specs = months.map((m) => archiveSpecs(m, undefined, 'update').orders);
    const parts = new Map<string, TabPart>(specs.map((s) => [s.tab, { columns: ['posting_number'] }]));
    const snaps = port.readTabs(specs, v.spreadsheetId, parts);
    months.forEach((month, i) => {
      const snap = snaps.get(specs[i].tab);
      if (!snap?.exists) return;
      const col = prepareTab(snap).positions.get('posting_number');
      if (col === undefined) return;
      for (const row of snap.values.slice(1)) {
        const key = text(row?.[col]);
        if (key && postings.has(key) && !found.has(key)) found.set(key, month);
      }
    });
  }
  return found;
}

/**
 * Recomputes the archived Order lines of `postings` (accruals changed since they were archived).
 * `months`: the archive month each is known to be in (the Finance tab's Order month); the others
 * are looked for. `live`: the live Finance tab's accruals.
 */
export function updateArchivedProfit(
  port: ArchivePort,
  postings: ReadonlySet<string>,
  months: ReadonlyMap<string, string>,
  live: ReadonlyMap<string, Accrual>,
  costs: ReadonlyMap<string, OfferCost>,
  rates: RateTable,
  note: NoteText,
): ArchivedProfit {
  const out: ArchivedProfit = { placed: new Map(), unplaced: new Set(), linesUpdated: 0 };
  const catalog = port.catalog();
  if (!postings.size || !catalog.volumes.length) {
    for (const p of postings) out.unplaced.add(p);
    return out;
  }
  const byMonth = new Map<string, Set<string>>();
  const unknown = new Set<string>();
  for (const p of postings) {
    const month = months.get(p);
    if (month && volumeOfMonth(catalog, month)) byMonth.set(month, (byMonth.get(month) ?? new Set()).add(p));
    else unknown.add(p);
  }
  for (const [p, month] of locate(port, catalog, unknown)) {
    unknown.delete(p);
    byMonth.set(month, (byMonth.get(month) ?? new Set()).add(p));
  }
  for (const p of unknown) out.unplaced.add(p);
  for (const [month, here] of byMonth) {
    const volume = volumeOfMonth(catalog, month);
    if (!volume) continue;
    const specs = archiveFinanceSpecs(month);
    const io = ioOf(port, volume.spreadsheetId);
    const snaps = io.readTabs([specs.lines, specs.finance]);
    const linesSnap = snaps.get(specs.lines.tab) as TabSnapshot;
    if (!linesSnap.exists) {
      for (const p of here) out.unplaced.add(p);
      continue;
    }
    const lines = prepareTab(linesSnap);
    const at = (row: readonly unknown[], key: string) => row[lines.positions.get(key) as number];
    const facts: LineFacts[] = [];
    for (const row of linesSnap.values.slice(1)) {
      const posting = text(at(row, 'posting_number'));
      const key = text(at(row, 'line_key'));
      if (!key || !here.has(posting)) continue;
      const total = at(row, 'line_total');
      facts.push({
        key,
        postingNumber: posting,
        offerId: text(at(row, 'offer_id')),
        name: text(at(row, 'name')),
        sku: Number(text(at(row, 'sku'))) || 0,
        quantity: Number(at(row, 'quantity')) || 0,
        value: typeof total === 'number' ? (numberToMinor(total) ?? 0) : 0,
        currency: text(at(row, 'currency')),
        month,
      });
    }
    // Every accrual of the posting, by key: the archive month's Finance rows, the live ones over them.
    const all = new Map<string, Accrual>();
    const financeSnap = snaps.get(specs.finance.tab) as TabSnapshot;
    if (financeSnap.exists) {
      const finance = prepareTab(financeSnap);
      for (const [key, a] of readFinance(financeSnap.values.slice(1), finance.positions).accruals)
        if (here.has(a.postingNumber)) all.set(key, a);
    }
    for (const [key, a] of live) if (here.has(a.postingNumber)) all.set(key, a);
    const byPosting = new Map<string, Accrual[]>();
    for (const a of all.values())
      byPosting.set(a.postingNumber, [...(byPosting.get(a.postingNumber) ?? []), a]);
    // By key, as for live lines: a kopeck's remainder goes to the same line however the tab is sorted.
    const ordered = [...facts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const results: LineProfit[] = lineProfits(ordered, byPosting, costs, rates);
    const rows = results.map((r) => profitCells(r, note, (r.line as LineFacts).key));
    const landing = landTables(io, [{ spec: specs.lines, rows, updateOnly: true }], snaps);
    out.linesUpdated += landing.plans.get(specs.lines.tab)?.updated.length ?? 0;
    for (const p of here) out.placed.set(p, month);
  }
  return out;
}
