// A posting that changes at Ozon after it was archived (a late return, a late cancellation) is
// updated where it lives: the orders sync hands the postings it did not find in Orders to this
// module, which looks for each in the archive month its order date names, rewrites what the sync
// owns there (the seller's columns stay as they were), and tells the sync which it handled, so
// none is added to Orders a second time. The rows land by key (landTables, through a reader and
// writer bound to the archive spreadsheet): a seller sorting or editing a month tab meanwhile cannot
// make an update land on another posting's row.
import type { KeyValueStore } from '../adapters/properties';
import { volumeOfMonth } from '../core/archive/catalog';
import { archiveSpecs } from '../core/archive/plan';
import { monthOfSerial } from '../core/archive/window';
import type { Lang } from '../core/i18n/messages';
import type { OrderPosting } from '../core/orders/posting';
import { lineRows, orderRow } from '../core/orders/tables';
import { landTables, type TableIO } from '../core/table/land';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues } from '../core/table/spec';
import { isoToSerial, toSerial, type OffsetMinutes } from '../core/time/serial';
import { loadCatalog } from './settings';

export interface LateEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  /** The reader and writer of one archive spreadsheet. */
  io(spreadsheetId: string): TableIO;
}

export interface LateOutcome {
  /** Postings the archive holds (updated there when they changed): not for Orders. */
  handled: Set<string>;
  updated: number;
}

const filled = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Postings the sync read that Orders does not hold: those in the archive are updated there. */
export function updateArchived(env: LateEnv, postings: readonly OrderPosting[]): LateOutcome {
  const out: LateOutcome = { handled: new Set(), updated: 0 };
  const catalog = loadCatalog(env.store);
  if (!catalog.volumes.length || !postings.length) return out;
  const byMonth = new Map<string, OrderPosting[]>();
  for (const p of postings) {
    const serial = isoToSerial(p.orderedAt, env.offset);
    if (typeof serial !== 'number') continue;
    const month = monthOfSerial(serial);
    if (!volumeOfMonth(catalog, month)) continue;
    const list = byMonth.get(month);
    if (list) list.push(p);
    else byMonth.set(month, [p]);
  }
  const ctx = { lang: env.lang, offset: env.offset };
  const seenAt = toSerial(env.now(), env.offset);
  for (const [month, list] of byMonth) {
    const volume = volumeOfMonth(catalog, month)!;
    const specs = archiveSpecs(month, undefined, 'update');
    const io = env.io(volume.spreadsheetId);
    const snaps = io.readTabs([specs.orders, specs.lines]);
    const orders = snaps.get(specs.orders.tab) as TabSnapshot;
    const lines = snaps.get(specs.lines.tab) as TabSnapshot;
    if (!orders.exists) continue;
    const positions = { orders: prepareTab(orders).positions, lines: prepareTab(lines).positions };
    const column = (snap: TabSnapshot, key: string) =>
      (snap === orders ? positions.orders : positions.lines).get(key) as number;
    const keyCol = column(orders, 'posting_number');
    const statusCol = column(orders, 'status_code');
    const status = new Map<string, unknown>();
    for (const row of orders.values.slice(1)) {
      const key = row?.[keyCol];
      if (filled(key)) status.set(String(key), row[statusCol]);
    }
    const here = list.filter((p) => status.has(p.postingNumber));
    if (!here.length) continue;
    for (const p of here) out.handled.add(p.postingNumber);
    const rows = here.map((p) => {
      const row = orderRow(p, ctx);
      // As in Orders: "Last changed" is when a sync first saw the current status.
      if (row.last_changed === null) {
        if (status.get(p.postingNumber) === p.status) delete row.last_changed;
        else row.last_changed = seenAt;
      }
      delete row.new;
      return row;
    });
    const targets = [{ spec: specs.orders, rows, updateOnly: true }];
    let lineTarget: { spec: typeof specs.lines; rows: RowValues[]; remove: Set<string> } | undefined;
    if (lines.exists) {
      const incoming = here.flatMap((p) => lineRows(p));
      const keep = new Set(incoming.map((r) => String(r.line_key)));
      const postingCol = column(lines, 'posting_number');
      const lineCol = column(lines, 'line_key');
      const handled = new Set(here.map((p) => p.postingNumber));
      const remove = new Set<string>();
      for (const row of lines.values.slice(1)) {
        const p = row?.[postingCol];
        const k = row?.[lineCol];
        if (filled(p) && handled.has(String(p)) && filled(k) && !keep.has(String(k))) remove.add(String(k));
      }
      lineTarget = { spec: specs.lines, rows: incoming, remove };
    }
    // Nothing happened since the read (no Ozon call): the landing starts from it.
    const landing = landTables(io, lineTarget ? [...targets, lineTarget] : targets, snaps);
    out.updated += landing.plans.get(specs.orders.tab)?.updated.length ?? 0;
  }
  return out;
}
