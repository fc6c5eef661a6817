// The Orders and Order lines tabs as the desk reads them (one read of both per call) and the desk's
// writes into the seller's working columns of Orders (only the cells it changes).
import { LANGS, t, type Lang } from '../core/i18n/messages';
import { deadline } from '../core/desk/deadline';
import { allowedActions, checklist, deskState, type PostingFacts } from '../core/desk/rules';
import { statusText, substatusText } from '../core/orders/tables';
import { linesSpec, ordersSpec } from '../core/orders/tables';
import { OPEN_STATUSES } from '../core/orders/posting';
import { keysOf } from '../core/table/guard';
import { landTables, type TableIO } from '../core/table/land';
import { applySetup, prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { Cell, RowValues } from '../core/table/spec';
import { fromSerial } from '../core/time/serial';
import { moneyText } from '../core/format/money';
import { shownIso } from '../core/format/time';
import type { DeskLine, DeskOrder, QueueCounts } from '../shared/desk-schema';
import type { DeskHost } from './host';

export interface OrderRecord {
  /** 0-based sheet row. */
  row: number;
  facts: PostingFacts;
  order: DeskOrder;
}

export interface DeskBook {
  orders: PreparedTab;
  records: Map<string, OrderRecord>;
  /** Posting numbers in sheet order. */
  sequence: string[];
}

/**
 * Only the add-on's own marks (in any of its languages: a team may work in several) verify an order.
 * Anything else a seller types ("pending", "нет", "❌", "TODO"…) leaves it not verified.
 */
const OWN_MARKS: ReadonlySet<string> = new Set(LANGS.map((lang) => verifiedMark(lang).toLowerCase()));

export function isOwnVerifiedMark(cell: unknown): boolean {
  return typeof cell === 'string' && OWN_MARKS.has(cell.trim().toLowerCase());
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

function readLines(snapshot: TabSnapshot, positions: ReadonlyMap<string, number>): Map<string, DeskLine[]> {
  const at = (key: string) => positions.get(key) as number;
  const byPosting = new Map<string, DeskLine[]>();
  for (const row of snapshot.values.slice(1)) {
    const posting = text(row[at('posting_number')]);
    if (!posting) continue;
    const list = byPosting.get(posting) ?? [];
    list.push({
      sku: text(row[at('sku')]),
      offerId: text(row[at('offer_id')]),
      name: text(row[at('name')]),
      quantity: num(row[at('quantity')]),
      price: num(row[at('unit_price')]),
    });
    byPosting.set(posting, list);
  }
  return byPosting;
}

/** Reads Orders and Order lines (creating missing desk columns) into per-posting records. */
export function readDesk(host: DeskHost, lang: Lang): DeskBook {
  const snapshots = host.readTabs([ordersSpec, linesSpec]);
  const orders = prepareTab(snapshots.get(ordersSpec.tab) as TabSnapshot);
  if (orders.snapshot.exists && orders.setup.length) {
    host.write(orders.setup);
    applySetup(orders);
  }
  const linesTab = prepareTab(snapshots.get(linesSpec.tab) as TabSnapshot);
  const lines = linesTab.snapshot.exists ? readLines(linesTab.snapshot, linesTab.positions) : new Map();
  const records = new Map<string, OrderRecord>();
  const sequence: string[] = [];
  if (!orders.snapshot.exists) return { orders, records, sequence };
  const pos = orders.positions;
  const now = host.now();
  const locale = host.locale();
  const shown = (value: string | null) => shownIso(lang, value, host.offset);
  const iso = (v: unknown): string | null =>
    typeof v === 'number' && v > 0 ? new Date(fromSerial(v, host.offset)).toISOString() : null;
  orders.snapshot.values.forEach((row, index) => {
    if (index === 0) return;
    const cell = (key: string) => row[pos.get(key) as number];
    const posting = text(cell('posting_number'));
    if (!posting || records.has(posting)) return;
    const status = text(cell('status_code'));
    const own = lines.get(posting) ?? [];
    const facts: PostingFacts = {
      posting,
      orderNumber: text(cell('order_number')),
      schema: text(cell('schema')),
      status,
      substatus: text(cell('substatus_code')) || text(cell('substatus')),
      lines: own,
      items: num(cell('items')),
      total: num(cell('total')),
      currency: text(cell('currency')),
      buyer: text(cell('buyer')),
      address: text(cell('address')),
      verified: isOwnVerifiedMark(cell('verified')),
      verifiedDigest: text(cell('verified_digest')),
      problem: text(cell('problem')),
      needsData: text(cell('needs_data')),
    };
    const shipByIso = iso(cell('ship_by'));
    // A ship-by deadline applies only while the posting is still to be shipped (not once it is on
    // its way, delivered or cancelled).
    const left = OPEN_STATUSES.has(status) ? deadline(now, shipByIso ? Date.parse(shipByIso) : null) : null;
    const packages = cell('packages');
    const order: DeskOrder = {
      posting,
      orderNumber: facts.orderNumber,
      schema: facts.schema,
      status,
      statusText: status ? statusText(lang, status) : text(cell('status')),
      substatus: facts.substatus,
      substatusText: substatusText(lang, facts.substatus),
      state: deskState(facts),
      orderedAt: iso(cell('ordered_at')),
      shipBy: shipByIso,
      orderedAtText: shown(iso(cell('ordered_at'))),
      shipByText: shown(shipByIso),
      verifiedAtText: shown(iso(cell('verified_at'))),
      msLeft: left ? left.msLeft : null,
      shipByDays: left ? left.days : null,
      lines: own,
      items: facts.items,
      total: facts.total,
      currency: facts.currency,
      totalText: moneyText(facts.total, facts.currency, locale),
      payment: text(cell('payment')),
      warehouse: text(cell('warehouse')),
      deliveryMethod: text(cell('delivery_method')),
      trackingNumber: text(cell('tracking_number')),
      carrier: text(cell('carrier')),
      region: text(cell('region')),
      buyer: facts.buyer,
      buyerPhone: text(cell('buyer_phone')),
      address: facts.address,
      cancelReason: text(cell('cancel_reason')),
      splitFrom: text(cell('split_from')),
      verified: facts.verified,
      verifiedBy: text(cell('verified_by')),
      verifiedAt: iso(cell('verified_at')),
      problem: facts.problem,
      note: text(cell('note')),
      label: text(cell('label')),
      needsData: facts.needsData ?? '',
      act: text(cell('act')),
      packages: typeof packages === 'number' ? packages : null,
      checklist: checklist(facts),
      actions: allowedActions(facts),
    };
    records.set(posting, { row: index, facts, order });
    sequence.push(posting);
  });
  return { orders, records, sequence };
}

export function queueCounts(book: DeskBook): QueueCounts {
  const counts: QueueCounts = { toVerify: 0, ready: 0, problems: 0, toShipToday: 0 };
  for (const { order } of book.records.values()) {
    if (order.state === 'to_verify' || order.state === 'changed') counts.toVerify++;
    if (order.state === 'problem') counts.problems++;
    if (order.state === 'verified' && order.status === 'awaiting_packaging') counts.ready++;
    if (order.status === 'awaiting_packaging' && order.shipByDays !== null && order.shipByDays <= 0)
      counts.toShipToday++;
  }
  return counts;
}

/**
 * Writes the seller's columns of Orders rows (posting → column key → value) on the rows found again
 * by posting number around the write: the seller may sort, insert or delete rows between the desk's
 * read and its write. Only the named cells are written, with their columns' number format. Answers
 * the postings whose row is gone (deleted meanwhile, before the book was read or before the write
 * landed): nothing was written for them.
 */
export function writeSellerCells(
  io: TableIO,
  book: DeskBook,
  changes: ReadonlyMap<string, Record<string, Cell>>,
): Set<string> {
  const { snapshot, positions } = book.orders;
  const rows: RowValues[] = [];
  const columns = new Set<string>();
  // A posting whose row was deleted before the book was read is gone as well.
  const missing = new Set<string>();
  for (const [posting, values] of changes) {
    if (!book.records.has(posting)) {
      missing.add(posting);
      continue;
    }
    const cells: RowValues = { posting_number: posting };
    for (const [key, value] of Object.entries(values)) {
      if (!positions.has(key) || key === 'posting_number') continue;
      cells[key] = value;
      columns.add(key);
    }
    rows.push(cells);
  }
  if (!columns.size) return missing;
  const landing = landTables(
    io,
    [{ spec: ordersSpec, rows, seller: [...columns] }],
    new Map([[ordersSpec.tab, snapshot]]),
  );
  const after = landing.tabs.get(ordersSpec.tab) as PreparedTab;
  const present = new Set(keysOf(after.snapshot.values, after.positions.get('posting_number') as number));
  for (const r of rows) if (!present.has(String(r.posting_number))) missing.add(String(r.posting_number));
  return missing;
}

export function verifiedMark(lang: Lang): string {
  return t(lang, 'desk.verifiedMark');
}
