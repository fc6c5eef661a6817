// A posting that changes at Ozon after it was archived (a late return, a late cancellation) is
// updated where it lives: the orders sync hands the postings it did not find in Orders to this
// module, which looks for each in the archive month its order date names, rewrites what the sync
// owns there (the seller's columns stay as they were), and tells the sync which it handled, so
// none is added to Orders a second time.
import type { KeyValueStore } from '../adapters/properties';
import { volumeOfMonth } from '../core/archive/catalog';
import { archiveSpecs } from '../core/archive/plan';
import { monthOfSerial } from '../core/archive/window';
import type { Lang } from '../core/i18n/messages';
import type { OrderPosting } from '../core/orders/posting';
import { lineRows, orderRow } from '../core/orders/tables';
import { planRequests, type SheetsRequest } from '../core/table/requests';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { TableSpec } from '../core/table/spec';
import { planUpsert } from '../core/table/upsert';
import { isoToSerial, toSerial, type OffsetMinutes } from '../core/time/serial';
import { loadCatalog } from './settings';

export interface LateEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  readTabs(specs: readonly TableSpec[], spreadsheetId?: string): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[], spreadsheetId?: string): void;
}

export interface LateOutcome {
  /** Postings the archive holds (updated there when they changed): not for Orders. */
  handled: Set<string>;
  updated: number;
}

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
    byMonth.set(month, [...(byMonth.get(month) ?? []), p]);
  }
  const ctx = { lang: env.lang, offset: env.offset };
  const seenAt = toSerial(env.now(), env.offset);
  for (const [month, list] of byMonth) {
    const volume = volumeOfMonth(catalog, month)!;
    const specs = archiveSpecs(month, undefined, 'update');
    const snaps = env.readTabs([specs.orders, specs.lines], volume.spreadsheetId);
    const orders = snaps.get(specs.orders.tab) as TabSnapshot;
    const lines = snaps.get(specs.lines.tab) as TabSnapshot;
    if (!orders.exists) continue;
    const o = prepareTab(orders);
    const l = prepareTab(lines);
    const keyCol = o.positions.get('posting_number') as number;
    const statusCol = o.positions.get('status_code') as number;
    const status = new Map<string, unknown>();
    for (const row of orders.values.slice(1)) {
      const key = row?.[keyCol];
      if (key !== undefined && key !== null && key !== '') status.set(String(key), row[statusCol]);
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
    const ordersPlan = planUpsert(
      specs.orders,
      o.positions,
      { firstRow: 1, rows: orders.values.slice(1) },
      rows,
    );
    const requests: SheetsRequest[] = [];
    requests.push(
      ...planRequests(specs.orders, orders.sheetId, orders.rowCount, o.positions, ordersPlan, orders.zone),
    );
    if (lines.exists) {
      const incoming = here.flatMap((p) => lineRows(p));
      const keep = new Set(incoming.map((r) => String(r.line_key)));
      const postingCol = l.positions.get('posting_number') as number;
      const lineCol = l.positions.get('line_key') as number;
      const handled = new Set(here.map((p) => p.postingNumber));
      const remove = new Set<string>();
      for (const row of lines.values.slice(1)) {
        const p = row?.[postingCol];
        const k = row?.[lineCol];
        if (p !== undefined && p !== null && handled.has(String(p)) && k && !keep.has(String(k)))
          remove.add(String(k));
      }
      const linesPlan = planUpsert(
        specs.lines,
        l.positions,
        { firstRow: 1, rows: lines.values.slice(1) },
        incoming,
        remove,
      );
      requests.push(
        ...planRequests(specs.lines, lines.sheetId, lines.rowCount, l.positions, linesPlan, lines.zone),
      );
    }
    out.updated += ordersPlan.updated.length;
    if (requests.length) env.write(requests, volume.spreadsheetId);
  }
  return out;
}
