// One execution's share of the finance run: read Ozon's accruals (per posting for postings whose
// money changed or can still change, per day for the days since the last run: job.ts says which), land them in the Finance tab
// (upserted by posting × type × date × SKU, never appended twice), then recompute the profit of
// every Order lines row and the Costs and Exchange rates tabs. Every tab is read once; only
// changed cells are written. The caller holds the document lock.
import { readJson, type KeyValueStore } from '../adapters/properties';
import { typeBook, type AccrualType, type TypeBook } from '../core/finance/fees';
import { minorToNumber, numberToMinor, type Minor } from '../core/finance/minor';
import { lineProfits, rateFor, type Accrual, type LineProfit, type ProfitLine } from '../core/finance/profit';
import {
  aggregate,
  costsSpec,
  financeKey,
  financeOrderMonths,
  financeRow,
  financeSpec,
  linesProfitSpec,
  profitCells,
  rateRow,
  ratesSpec,
  readCosts,
  readFinance,
  readRates,
  relabelFinance,
} from '../core/finance/tables';
import { t, type Lang } from '../core/i18n/messages';
import { ordersSpec } from '../core/orders/tables';
import { isoMonth } from '../core/reports/calendar';
import { landTables, type TableTarget } from '../core/table/land';
import { cellData, type SheetsRequest } from '../core/table/requests';
import { applySetup, prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import { OzonError, OzonRoleError } from '../ozon/errors';
import type { RawAccrual } from '../ozon/finance';
import { reconcile, reconciliationSpec, reconKey, type ReconSource } from './reconcile';
import {
  finishFinanceJob,
  loadFinanceJob,
  loadFinanceMark,
  moscowDay,
  planFinanceJob,
  saveFinanceJob,
  SETTLE_DAYS,
  type FinanceJob,
} from './job';
import { updateArchivedProfit, type ArchivePort } from './archived';

export interface DayPage {
  accruals: RawAccrual[];
  next: string | null;
}

export interface FinanceSource extends ReconSource {
  types(): AccrualType[];
  postings(numbers: readonly string[]): Map<string, RawAccrual[]>;
  /** One page of each day, side by side. */
  days(pages: readonly { date: string; lastId: string }[]): DayPage[];
  /** Ozon's net price per offer (a suggested cost); empty when the key may not read prices. */
  netPrices(offerIds: readonly string[]): Map<string, Minor>;
}

export interface FinanceEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  /** The spreadsheet's zone: Orders' "Last changed" is a serial date-time in it. */
  offset: OffsetMinutes;
  source(): FinanceSource;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): void;
  /** No new Ozon round starts after this instant. */
  fetchUntil: number;
  /** Check the last closed months against Ozon's realization report and cash-flow statement. */
  reconcile: boolean;
  /** The archive spreadsheets: accruals of archived postings update their lines there. */
  archive?: ArchivePort;
}

/**
 * Postings not in Orders whose accruals changed and whose archived lines are still to be brought up
 * to date (noted right after the Finance tab's landing, cleared once the archive holds the profit).
 */
export const FINANCE_LATE_KEY = 'ODESK_FINANCE_LATE';
/** A property holds 9 kB: the postings waiting beyond this many are found again by their next change. */
const LATE_CAP = 400;
/**
 * Set once the Finance rows from before order months were kept have been placed: the archived
 * postings among them are looked for once, then only postings whose accruals change.
 */
const PLACED_KEY = 'ODESK_FINANCE_PLACED';

export interface FinanceOutcome {
  result: 'done' | 'partial';
  job: FinanceJob;
  /** Finance rows added, changed or removed in this execution. */
  rowsChanged: number;
  linesUpdated: number;
  postingsRead: number;
  daysRead: number;
  costsMissing: number;
  ratesMissing: string[];
  message: string;
  /** Set when this execution reconciled with Ozon. */
  reconciliation?: { months: string[]; differences: number; postings: number };
  /** The method of Ozon's totals the key's role refused (the fees and profit were updated all the same). */
  reconRefused?: string;
  /**
   * Why Ozon's totals could not be read this time (Ozon down, 5xx after the retries, out of time): the
   * fees and profit were updated all the same; the reconciliation is tried again at the next update.
   */
  reconFailed?: string;
  /** Ozon requests this execution made, by kind. */
  calls: { postings: number; days: number; prices: number; types: number; reconciliation: number };
}

export const POSTINGS_PER_ROUND = 20 * 200;
const NET_PRICES_PER_RUN = 1000;
/** Statuses whose postings carry no money yet (or never: a split parent). */
const NO_MONEY = new Set([
  'awaiting_registration',
  'acceptance_in_progress',
  'awaiting_approve',
  'awaiting_verification',
  'awaiting_packaging',
  'awaiting_deliver',
  'cancelled_from_split_pending',
]);

const specs = [ordersSpec, linesProfitSpec, financeSpec, costsSpec, ratesSpec] as const;

interface Tabs {
  orders: PreparedTab;
  lines: PreparedTab;
  finance: PreparedTab;
  costs: PreparedTab;
  rates: PreparedTab;
}

const body = (tab: PreparedTab) => tab.snapshot.values.slice(1);
const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

function prepare(env: FinanceEnv): Tabs {
  const snapshots = env.readTabs(specs);
  const get = (spec: TableSpec) => snapshots.get(spec.tab) as TabSnapshot;
  const tabs: Tabs = {
    orders: prepareTab(get(ordersSpec)),
    lines: prepareTab(get(linesProfitSpec)),
    finance: prepareTab(get(financeSpec)),
    costs: prepareTab(get(costsSpec)),
    rates: prepareTab(get(ratesSpec)),
  };
  // The Orders tab belongs to the orders sync: only read here, never created or repaired.
  if (!tabs.lines.snapshot.exists) tabs.lines.setup = [];
  const setup = [tabs.lines, tabs.finance, tabs.costs, tabs.rates].flatMap((tab) => tab.setup);
  if (setup.length) {
    env.write(setup);
    for (const tab of [tabs.lines, tabs.finance, tabs.costs, tabs.rates]) applySetup(tab);
  }
  return tabs;
}

interface OrderFacts {
  status: string;
  month: string;
  /** Serial date-times in the spreadsheet's zone. */
  orderedAt: number | null;
  lastChanged: number | null;
}

function readOrders(tabs: Tabs): Map<string, OrderFacts> {
  const out = new Map<string, OrderFacts>();
  if (!tabs.orders.snapshot.exists) return out;
  const p = tabs.orders.positions;
  const [numberCol, statusCol, orderedCol, changedCol] = [
    'posting_number',
    'status_code',
    'ordered_at',
    'last_changed',
  ].map((k) => p.get(k) as number);
  for (const row of body(tabs.orders)) {
    const number = cellText(row[numberCol]);
    if (!number) continue;
    const ordered = row[orderedCol];
    const changed = row[changedCol];
    out.set(number, {
      status: cellText(row[statusCol]),
      month: typeof ordered === 'number' ? isoMonth(ordered) : '',
      orderedAt: typeof ordered === 'number' ? ordered : null,
      lastChanged: typeof changed === 'number' ? changed : null,
    });
  }
  return out;
}

export interface LineFacts extends ProfitLine {
  key: string;
  name: string;
}

function readLines(tabs: Tabs, orders: Map<string, OrderFacts>): LineFacts[] {
  const p = tabs.lines.positions;
  const at = (row: readonly unknown[], key: string) => row[p.get(key) as number];
  const out: LineFacts[] = [];
  for (const row of body(tabs.lines)) {
    const key = cellText(at(row, 'line_key'));
    const posting = cellText(at(row, 'posting_number'));
    if (!key || !posting) continue;
    const total = at(row, 'line_total');
    out.push({
      key,
      postingNumber: posting,
      offerId: cellText(at(row, 'offer_id')),
      name: cellText(at(row, 'name')),
      sku: Number(cellText(at(row, 'sku'))) || 0,
      quantity: Number(at(row, 'quantity')) || 0,
      value: typeof total === 'number' ? (numberToMinor(total) ?? 0) : 0,
      currency: cellText(at(row, 'currency')),
      month: orders.get(posting)?.month ?? '',
    });
  }
  return out;
}

/** Lands a set of accruals in the Finance tab; `complete` keys' scopes lose rows no longer there. */
function landAccruals(
  env: FinanceEnv,
  tabs: Tabs,
  known: Map<string, Accrual>,
  incoming: Map<string, Accrual>,
  stale: (a: Accrual) => boolean,
  offers: ReadonlyMap<string, string>,
  months: ReadonlyMap<string, string>,
  changed: Set<string>,
): number {
  const remove = new Set<string>();
  for (const [key, a] of known) if (!incoming.has(key) && stale(a)) remove.add(key);
  const rows: RowValues[] = [];
  for (const a of incoming.values())
    rows.push(
      financeRow(
        a,
        offers.get(`${a.postingNumber}|${a.sku}`) ?? offers.get(a.postingNumber) ?? '',
        env.lang,
        months.get(a.postingNumber),
      ),
    );
  // Ozon was read since the tab was: rows are found again by key around the write, stale ones too.
  const landing = landTables(env, [{ spec: financeSpec, rows, remove }]);
  tabs.finance = landing.tabs.get(financeSpec.tab) as PreparedTab;
  const plan = landing.plans.get(financeSpec.tab);
  for (const key of [...(plan?.added ?? []), ...(plan?.updated ?? [])]) {
    const a = incoming.get(key);
    if (a) changed.add(a.postingNumber);
  }
  for (const key of remove) {
    const a = known.get(key);
    if (a) changed.add(a.postingNumber);
    known.delete(key);
  }
  for (const [key, a] of incoming) known.set(key, a);
  return (plan?.added.length ?? 0) + (plan?.updated.length ?? 0) + remove.size;
}

/**
 * Every Finance row's group in the seller's words with its code beside it: after a language change, and
 * in a tab from before the code column (whose visible cells held the codes). Rows are found by key.
 */
function relabelGroups(env: FinanceEnv, tabs: Tabs): void {
  const rows = relabelFinance(body(tabs.finance), tabs.finance.positions, env.lang);
  if (!rows.length) return;
  const landing = landTables(env, [{ spec: financeSpec, rows, updateOnly: true }]);
  tabs.finance = landing.tabs.get(financeSpec.tab) as PreparedTab;
}

function typed(raw: readonly RawAccrual[], book: TypeBook): Accrual[] {
  return raw.map((a) => {
    const type = book.type(a.typeId, a.typeName);
    return { ...a, typeName: type.name || a.typeName || `#${a.typeId}`, group: type.group };
  });
}

/**
 * Postings whose accruals can still change: they carry money and their last accrual, last status
 * change or order is within `SETTLE_DAYS`. A posting cancelled before any money moved never will.
 */
function openPostings(
  orders: ReadonlyMap<string, OrderFacts>,
  known: ReadonlyMap<string, Accrual>,
  now: number,
  offset: OffsetMinutes,
): Set<string> {
  const lastAccrual = new Map<string, string>();
  for (const a of known.values())
    if ((lastAccrual.get(a.postingNumber) ?? '') < a.date) lastAccrual.set(a.postingNumber, a.date);
  const since = now - SETTLE_DAYS * 86_400_000;
  const sinceDay = moscowDay(since);
  const sinceSerial = toSerial(since, offset);
  const open = new Set<string>();
  for (const [number, o] of orders) {
    if (NO_MONEY.has(o.status)) continue;
    const last = lastAccrual.get(number);
    if (!last && o.status === 'cancelled') continue;
    if (
      (last !== undefined && last >= sinceDay) ||
      (o.lastChanged !== null && o.lastChanged >= sinceSerial) ||
      (o.orderedAt !== null && o.orderedAt >= sinceSerial)
    )
      open.add(number);
  }
  return open;
}

/** The key a Reconciliation row's own cells name ('' for a row without a section). */
function keyFromCells(tab: PreparedTab, row: readonly unknown[] | undefined): string {
  const [section, period, currency, posting, item] = [
    'section',
    'period',
    'currency',
    'posting_number',
    'item',
  ].map((key) => cellText(row?.[tab.positions.get(key) as number]));
  return section ? reconKey(section, period, currency, posting, item) : '';
}

/**
 * A Reconciliation tab from before its rows were keyed: the key column is created and each row gets
 * the key its own cells name (all its cells are the add-on's, so a row keyed amiss is rewritten whole
 * from its key by the landing). Answers whether it wrote.
 */
function keyLegacyRows(env: FinanceEnv, tab: PreparedTab): boolean {
  const keyCol = tab.positions.get(reconciliationSpec.key) as number;
  if (!tab.recreated.includes(reconciliationSpec.key)) return false;
  const column = reconciliationSpec.columns.find((c) => c.key === reconciliationSpec.key);
  env.write([
    ...tab.setup,
    {
      updateCells: {
        start: { sheetId: tab.snapshot.sheetId, rowIndex: 1, columnIndex: keyCol },
        rows: body(tab).map((row) => ({ values: [cellData(keyFromCells(tab, row) || null, column)] })),
        fields: 'userEnteredValue',
      },
    },
  ]);
  return true;
}

/**
 * Lands the Reconciliation rows by key, found again around the write wherever the seller sorted them;
 * the tab's rows no longer due (a month that left the window, a difference settled) are removed by key.
 */
function landReconciliation(env: FinanceEnv, cells: readonly RowValues[]): void {
  const read = env.readTabs([reconciliationSpec]);
  const tab = prepareTab(read.get(reconciliationSpec.tab) as TabSnapshot);
  const legacy = keyLegacyRows(env, tab);
  const wanted = new Set(cells.map((c) => String(c[reconciliationSpec.key])));
  const remove = new Set<string>();
  if (tab.snapshot.exists) {
    const keyCol = tab.positions.get(reconciliationSpec.key) as number;
    for (const row of body(tab)) {
      const key = legacy ? keyFromCells(tab, row) : cellText(row?.[keyCol]);
      if (key && !wanted.has(key)) remove.add(key);
    }
  }
  // Nothing was asked of Ozon or written since the read (unless legacy keys were): it is reused.
  landTables(env, [{ spec: reconciliationSpec, rows: cells, remove }], legacy ? undefined : read);
}

export function runFinanceStep(env: FinanceEnv): FinanceOutcome {
  const started = env.now();
  const job = loadFinanceJob(env.store) ?? planFinanceJob(started, loadFinanceMark(env.store));
  job.executions++;
  const calls = { postings: 0, days: 0, prices: 0, types: 0, reconciliation: 0 };
  const tabs = prepare(env);
  const orders = readOrders(tabs);
  if (job.executions === 1) {
    let seen: number | null = null;
    for (const o of orders.values())
      if (o.lastChanged !== null && (seen === null || o.lastChanged > seen)) seen = o.lastChanged;
    job.ordersSeen = seen;
  }
  const lines = readLines(tabs, orders);
  const offers = new Map<string, string>();
  for (const line of lines) {
    offers.set(`${line.postingNumber}|${line.sku}`, line.offerId);
    if (!offers.has(line.postingNumber)) offers.set(line.postingNumber, line.offerId);
  }
  const known = readFinance(body(tabs.finance), tabs.finance.positions).accruals;
  // Each posting's order month (its archive month once archived): from Orders, else its Finance rows.
  const months = financeOrderMonths(body(tabs.finance), tabs.finance.positions);
  for (const [number, o] of orders) if (o.month) months.set(number, o.month);
  const changed = new Set<string>();
  relabelGroups(env, tabs);
  let rowsChanged = 0;
  let postingsRead = 0;
  let daysRead = 0;
  let source: FinanceSource | undefined;
  const ozon = () => (source ??= env.source());
  let book: TypeBook | undefined;
  const types = () => {
    if (!book) {
      book = typeBook(ozon().types());
      calls.types++;
    }
    return book;
  };

  // 1. By posting: every posting with money the first time; then those whose Orders row the sync
  // stamped since the last run began ("Last changed": a new row or a new status, FBO included), and
  // once a day those whose accruals can still change.
  const changedSince = job.changedSince === null ? null : toSerial(job.changedSince, env.offset);
  const open =
    job.mode === 'incremental' && job.sweep ? openPostings(orders, known, started, env.offset) : null;
  const due = [...orders.entries()]
    .filter(([number, o]) => {
      if (NO_MONEY.has(o.status) || number <= job.after) return false;
      if (job.mode === 'initial' || changedSince === null) return true;
      if (o.lastChanged !== null) {
        if (typeof job.seenAfter === 'number' ? o.lastChanged > job.seenAfter : o.lastChanged >= changedSince)
          return true;
      }
      return open?.has(number) ?? false;
    })
    .map(([number]) => number)
    .sort();
  let next = 0;
  while (next < due.length && env.now() < env.fetchUntil) {
    const chunk = due.slice(next, next + POSTINGS_PER_ROUND);
    const answer = ozon().postings(chunk);
    calls.postings += Math.ceil(chunk.length / 200);
    const incoming = aggregate(typed([...answer.values()].flat(), types()));
    const read = new Set(chunk);
    const count = landAccruals(
      env,
      tabs,
      known,
      incoming,
      (a) => read.has(a.postingNumber),
      offers,
      months,
      changed,
    );
    noteLate(env, orders, changed);
    rowsChanged += count;
    next += chunk.length;
    postingsRead += chunk.length;
    job.after = chunk[chunk.length - 1];
    job.postingsRead += chunk.length;
    job.rowsChanged += count;
    saveFinanceJob(env.store, job);
  }
  const postingsDone = next >= due.length;

  // 2. Incremental: every accrual dated on the days since the last run, corrections of old, settled
  // postings included (they are landed from the day's list; no posting read is needed).
  if (postingsDone && job.days.length && env.now() < env.fetchUntil) {
    const open = job.days.map((date) => ({ date, lastId: '', raw: [] as RawAccrual[], done: false }));
    while (open.some((d) => !d.done) && env.now() < env.fetchUntil) {
      const active = open.filter((d) => !d.done);
      const pages = ozon().days(active.map((d) => ({ date: d.date, lastId: d.lastId })));
      calls.days += active.length;
      pages.forEach((page, i) => {
        const day = active[i];
        for (const a of page.accruals) day.raw.push(a);
        if (page.next === null) day.done = true;
        else day.lastId = page.next;
      });
      // A day is landed only once read to its end, so a stale row is never removed on half a day.
      for (const day of active.filter((d) => d.done)) {
        const incoming = aggregate(typed(day.raw, types()));
        const count = landAccruals(
          env,
          tabs,
          known,
          incoming,
          (a) => a.date === day.date,
          offers,
          months,
          changed,
        );
        noteLate(env, orders, changed);
        rowsChanged += count;
        job.rowsChanged += count;
        job.days = job.days.filter((d) => d !== day.date);
        daysRead++;
        saveFinanceJob(env.store, job);
      }
    }
  }
  const done = postingsDone && job.days.length === 0;

  // 3. Profit of every Order lines row, and the Costs and Exchange rates tabs.
  const profit = updateProfit(env, tabs, lines, known, ozon, calls);
  // 4. Archived postings whose accruals changed: their lines where they live, by key.
  const archived = updateArchived(env, tabs, orders, known, months);
  profit.linesUpdated += archived.linesUpdated;

  if (done) finishFinanceJob(env.store, job);
  else saveFinanceJob(env.store, job);
  const L = (key: Parameters<typeof t>[1], params = {}) => t(env.lang, key, params);
  let reconciliation: FinanceOutcome['reconciliation'];
  let reconRefused: string | undefined;
  let reconFailed: string | undefined;
  if (done && env.reconcile && env.now() < env.fetchUntil) {
    try {
      const recon = reconcile(ozon(), [...known.values()], job.today);
      calls.reconciliation += recon.months.length * 2;
      if (recon.months.length) {
        landReconciliation(env, recon.cells);
        reconciliation = { months: recon.months, differences: recon.differences, postings: recon.postings };
      }
    } catch (error) {
      // A key whose role reads the accruals but not Ozon's monthly totals: the fees and profit
      // written above stand, the Reconciliation tab keeps what it showed, the seller is told why.
      // Ozon failing to answer (after the client's retries) leaves them standing as well.
      if (error instanceof OzonRoleError) reconRefused = error.endpoint;
      else if (error instanceof OzonError) reconFailed = t(env.lang, error.key, error.params);
      else throw error;
    }
  }
  const parts = [
    done
      ? rowsChanged || profit.linesUpdated
        ? L('finance.done', { rows: rowsChanged, lines: profit.linesUpdated })
        : L('finance.doneNone')
      : L('finance.partial', { postings: job.postingsRead }),
  ];
  if (reconciliation)
    parts.push(
      reconciliation.differences
        ? L('finance.reconDiff', {
            months: reconciliation.months.join(', '),
            count: reconciliation.differences,
            postings: reconciliation.postings,
          })
        : L('finance.reconciled', { months: reconciliation.months.join(', ') }),
    );
  if (reconRefused !== undefined) parts.push(L('finance.reconRole', { method: reconRefused }));
  if (reconFailed !== undefined) parts.push(L('finance.reconFailed', { reason: reconFailed }));
  if (archived.waits) parts.push(L('finance.archivedWaits', { reason: archived.waits }));
  if (profit.costsMissing) parts.push(L('finance.costsNeeded', { count: profit.costsMissing }));
  if (profit.ratesMissing.length)
    parts.push(L('finance.ratesNeeded', { list: profit.ratesMissing.slice(0, 5).join(', ') }));
  return {
    result: done ? 'done' : 'partial',
    job,
    rowsChanged,
    linesUpdated: profit.linesUpdated,
    postingsRead,
    daysRead,
    costsMissing: profit.costsMissing,
    ratesMissing: profit.ratesMissing,
    message: parts.join(' '),
    ...(reconciliation ? { reconciliation } : {}),
    ...(reconRefused !== undefined ? { reconRefused } : {}),
    ...(reconFailed !== undefined ? { reconFailed } : {}),
    calls,
  };
}

function updateProfit(
  env: FinanceEnv,
  tabs: Tabs,
  lines: readonly LineFacts[],
  known: ReadonlyMap<string, Accrual>,
  ozon: () => FinanceSource,
  calls: FinanceOutcome['calls'],
) {
  const L = (key: Parameters<typeof t>[1], params = {}) => t(env.lang, key, params);
  const costRead = readCosts(body(tabs.costs), tabs.costs.positions);
  const rateRead = readRates(body(tabs.rates), tabs.rates.positions);
  const byPosting = new Map<string, Accrual[]>();
  for (const a of known.values()) {
    const list = byPosting.get(a.postingNumber);
    if (list) list.push(a);
    else byPosting.set(a.postingNumber, [a]);
  }
  // By key, not sheet order: a kopeck's remainder goes to the same line however the seller sorts.
  const ordered = [...lines].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const results = lineProfits(ordered, byPosting, costRead.costs, rateRead.rates);
  const keyOf = new Map(lines.map((l) => [l, l.key]));
  const note = profitNote(env.lang);
  const targets: TableTarget[] = [];
  if (tabs.lines.snapshot.exists) {
    const rows = results.map((r) => profitCells(r, note, keyOf.get(r.line as LineFacts) as string));
    // Only rows the orders sync made are written: a line gone meanwhile is not appended.
    targets.push({ spec: linesProfitSpec, rows, updateOnly: true });
  }

  // Costs: one row per offer sold; Ozon's net price is offered where the seller has no cost yet.
  // In the tab's order (new Costs rows come in the order offers first appear in Order lines); a new
  // row's currencies are those most of the offer's lines were sold in, however the lines are sorted.
  const resultOf = new Map(results.map((r) => [r.line as LineFacts, r]));
  const offers = new Map<
    string,
    { name: string; sold: Map<string, number>; missing: boolean; rate: boolean }
  >();
  for (const line of lines) {
    const r = resultOf.get(line) as LineProfit;
    const o = offers.get(line.offerId) ?? { name: line.name, sold: new Map(), missing: false, rate: false };
    o.sold.set(line.currency, (o.sold.get(line.currency) ?? 0) + 1);
    if (r.status === 'cost missing') o.missing = true;
    if (r.status === 'rate missing') o.rate = true;
    offers.set(line.offerId, o);
  }
  const mostSold = (sold: ReadonlyMap<string, number>) => {
    let best = '';
    let most = 0;
    for (const [currency, count] of sold)
      if (count > most || (count === most && currency === 'RUB')) [best, most] = [currency, count];
    return best;
  };
  const needPrice = [...offers.keys()].filter(
    (id) => id && !costRead.costs.get(id)?.cost && !costRead.rows.get(id)?.netPrice,
  );
  let prices = new Map<string, Minor>();
  if (needPrice.length && env.now() < env.fetchUntil) {
    prices = ozon().netPrices(needPrice.slice(0, NET_PRICES_PER_RUN));
    calls.prices += Math.ceil(Math.min(needPrice.length, NET_PRICES_PER_RUN) / 1000);
  }
  const unreadable = new Set(costRead.unreadable);
  const costRows: RowValues[] = [];
  let costsMissing = 0;
  for (const [offerId, o] of offers) {
    if (!offerId) continue;
    const hasCost = Boolean(costRead.costs.get(offerId)?.cost);
    const price = prices.get(offerId);
    const row: RowValues = {
      offer_id: offerId,
      name: o.name,
      cost_currency: '',
      freight_currency: '',
      packaging_currency: '',
    };
    // New rows start with the currency of the sales; the seller changes it (e.g. to CNY).
    const currency = mostSold(o.sold) || 'RUB';
    row.cost_currency = currency;
    row.freight_currency = currency;
    row.packaging_currency = currency;
    if (price) {
      row.net_price = minorToNumber(price.minor);
      row.net_price_currency = price.currency;
    }
    if (unreadable.has(offerId)) row.status = L('finance.costUnreadable', { offers: offerId });
    else if (!hasCost) {
      costsMissing++;
      const suggestion = price ?? null;
      row.status = suggestion
        ? L('finance.costMissingSuggest', {
            price: minorToNumber(suggestion.minor).toFixed(2),
            currency: suggestion.currency,
          })
        : L('finance.costMissing');
    } else row.status = o.rate ? L('finance.rateMissing') : L('finance.costOk');
    costRows.push(row);
  }
  targets.push({ spec: costsSpec, rows: costRows });

  // Exchange rates: a row (rate left to the seller) for every month and currency a cost needs.
  const needed = new Set<string>();
  for (const line of lines) {
    const cost = costRead.costs.get(line.offerId);
    if (!cost || !line.month) continue;
    for (const part of [cost.cost, cost.freight, cost.packaging]) {
      if (!part || part.currency === line.currency) continue;
      for (const currency of [part.currency, line.currency])
        if (currency !== 'RUB' && rateFor(rateRead.rates, line.month, currency) === null)
          needed.add(`${line.month}|${currency}`);
    }
  }
  const missingRates = [...needed].sort();
  const rateRows = missingRates
    .filter((k) => !rateRead.keys.has(k))
    .map((k) => rateRow(...(k.split('|') as [string, string])));
  targets.push({ spec: ratesSpec, rows: rateRows });
  // Ozon was read since the tabs were: rows are found again by key around the write.
  const landing = landTables(env, targets);
  tabs.lines = landing.tabs.get(linesProfitSpec.tab) ?? tabs.lines;
  tabs.costs = landing.tabs.get(costsSpec.tab) as PreparedTab;
  tabs.rates = landing.tabs.get(ratesSpec.tab) as PreparedTab;
  const linesUpdated = landing.plans.get(linesProfitSpec.tab)?.updated.length ?? 0;
  return { linesUpdated, costsMissing, ratesMissing: missingRates.map((k) => k.replace('|', ' ')) };
}

/** Notes the changed postings Orders does not hold, for their archived lines (kept across runs). */
function noteLate(
  env: FinanceEnv,
  orders: ReadonlyMap<string, OrderFacts>,
  changed: ReadonlySet<string>,
): void {
  if (!env.archive) return;
  const late = new Set(readJson<string[]>(env.store, FINANCE_LATE_KEY) ?? []);
  const before = late.size;
  for (const p of changed) if (p && !orders.has(p) && late.size < LATE_CAP) late.add(p);
  if (late.size !== before) env.store.set(FINANCE_LATE_KEY, JSON.stringify([...late]));
}

/**
 * The archived side of step 3: the postings noted as late get their archived lines' profit from
 * every accrual they have, and their live Finance rows the order month they were found in (so the
 * archive run can move them and the next change needs no search). Postings of live Orders whose
 * rows lack their order month get it too (rows written before it was kept).
 */
function updateArchived(
  env: FinanceEnv,
  tabs: Tabs,
  orders: ReadonlyMap<string, OrderFacts>,
  known: ReadonlyMap<string, Accrual>,
  months: Map<string, string>,
): { linesUpdated: number; waits?: string } {
  const rows: RowValues[] = [];
  let linesUpdated = 0;
  const late = new Set(readJson<string[]>(env.store, FINANCE_LATE_KEY) ?? []);
  const firstPlacing = Boolean(env.archive) && !env.store.get(PLACED_KEY);
  if (firstPlacing)
    for (const a of known.values())
      if (a.postingNumber && !months.has(a.postingNumber)) late.add(a.postingNumber);
  for (const p of late) if (orders.has(p)) late.delete(p);
  if (env.archive && late.size) {
    const note = profitNote(env.lang);
    try {
      const done = updateArchivedProfit(
        env.archive,
        late,
        months,
        known,
        readCosts(body(tabs.costs), tabs.costs.positions).costs,
        readRates(body(tabs.rates), tabs.rates.positions).rates,
        note,
      );
      linesUpdated = done.linesUpdated;
      for (const [p, month] of done.placed) months.set(p, month);
    } catch (error) {
      // An archive spreadsheet that cannot be read now (deleted, quota): the postings wait, the live
      // tabs are updated, and the seller is told why.
      return { linesUpdated, waits: env.archive.describe(error) };
    }
  }
  env.store.delete(FINANCE_LATE_KEY);
  if (firstPlacing) env.store.set(PLACED_KEY, '1');
  // The order month on every live Finance row whose posting's month is known and not yet written.
  const written = financeOrderMonthCells(tabs.finance);
  for (const [key, a] of known) {
    const month = months.get(a.postingNumber);
    if (month && written.get(key) !== month) rows.push({ finance_key: key, order_month: month });
  }
  if (rows.length) {
    const landing = landTables(env, [{ spec: financeSpec, rows, updateOnly: true }]);
    tabs.finance = landing.tabs.get(financeSpec.tab) ?? tabs.finance;
  }
  return { linesUpdated };
}

function financeOrderMonthCells(tab: PreparedTab): Map<string, string> {
  const out = new Map<string, string>();
  const keyCol = tab.positions.get('finance_key');
  const monthCol = tab.positions.get('order_month');
  if (keyCol === undefined || monthCol === undefined) return out;
  for (const row of body(tab)) {
    const key = cellText(row?.[keyCol]);
    if (key) out.set(key, cellText(row?.[monthCol]));
  }
  return out;
}

export { financeKey };

/** The Order lines note for a line whose profit could not be worked out, in the seller's language. */
function profitNote(lang: Lang): (status: LineProfit['status']) => string {
  return (status) =>
    status === 'cost missing'
      ? t(lang, 'finance.costMissing')
      : status === 'rate missing'
        ? t(lang, 'finance.rateMissing')
        : status === 'no accruals'
          ? t(lang, 'finance.noAccruals')
          : '';
}
