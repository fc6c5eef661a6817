// Handing the day's parcels over to Ozon: for each delivery method with packed postings on a departure
// date, the shipping flow (create → set postings → approve) or the act flow (create → check status),
// then the act and waybill PDF, the barcode and container labels saved to Drive, a row in Handovers and
// the act number on every Orders row. Ozon's actions are never retried: after an unclear answer the
// shipping or act is read again and the seller is told what really happened.
import { useSheetLanguage } from '../adapters/workbook';
import type { AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { AppError } from '../core/errors';
import { handoverFlow, type HandoverFlow } from '../core/handover/flow';
import { HANDOVER_DOC_CODES, handoverDocText, handoverStatusText } from '../core/handover/status';
import { messageBook, phraseBook } from '../core/i18n/relabel';
import { relabelRows, type Relabel } from '../core/table/relabel';
import { handoversSpec, HANDOVERS_TAB, postingList } from '../core/handover/tables';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import type { TabSnapshot } from '../core/table/snapshot';
import { applySetup, prepareTab } from '../core/table/snapshot';
import type { Cell, RowValues } from '../core/table/spec';
import { localDay, toSerial } from '../core/time/serial';
import { readDesk, writeSellerCells } from '../desk/workbook';
import { isUnclear, type ActListItem, type DeliveryMethod, type HandoverApi } from '../ozon/handover';
import { landRows } from '../core/table/land';
import type { HandoverDay, HandoverMethod, HandoverOutcome, HandoverResult } from '../shared/handover-schema';
import { appsScriptHandoverHost, handoverApi, HANDOVER_BUDGET_MS, type HandoverHost } from './host';

/** An act's documents take seconds: wait this long between status reads. */
const ACT_POLL_MS = 3_000;
/** No new delivery method is started after this share of the budget, so what was done gets written. */
const START_BUDGET_MS = 180_000;
const DAY_MS = 86_400_000;

export interface HandoverEnv {
  ctx: AppContext;
  host: HandoverHost;
  started: number;
  api: () => HandoverApi;
}

export function handoverEnv(ctx: AppContext, host: HandoverHost = appsScriptHandoverHost()): HandoverEnv {
  const started = host.now();
  let api: HandoverApi | undefined;
  return { ctx, host, started, api: () => (api ??= handoverApi(ctx, started + HANDOVER_BUDGET_MS)) };
}

const tr = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);

function errorText(error: unknown, lang: Lang): string {
  const d = describeError(error, lang);
  return d.ok ? '' : d.error.message;
}

export function today(e: HandoverEnv): string {
  return localDay(e.host.now(), e.host.offset);
}

/** A departure date in the past is refused here, in the seller's language, before Ozon is asked. */
function departureDate(e: HandoverEnv, date: string | undefined): string {
  const day = date ?? today(e);
  if (day < today(e)) throw new AppError('handover.pastDate', 'error.handover.pastDate', { date: day });
  if (Date.parse(`${day}T00:00:00Z`) > Date.parse(`${today(e)}T00:00:00Z`) + 7 * DAY_MS)
    throw new AppError('handover.farDate', 'error.handover.farDate', { date: day });
  return day;
}

const readyCount = (m: DeliveryMethod) =>
  m.carriages.filter((c) => c.id === 0).reduce((n, c) => n + (c.postings_count ?? 0), 0);

const openCarriage = (m: DeliveryMethod) => m.carriages.find((c) => c.id > 0 && c.status === 'new');

function methodView(lang: Lang, m: DeliveryMethod): HandoverMethod {
  return {
    id: m.delivery_method_id,
    name: m.delivery_method_name ?? String(m.delivery_method_id),
    warehouse: m.warehouse_name ?? '',
    flow: handoverFlow(m),
    ready: readyCount(m),
    carriages: m.carriages
      .filter((c) => c.id > 0)
      .map((c) => ({
        id: c.id,
        status: c.status ?? '',
        statusText: handoverStatusText(lang, c.status ?? ''),
        postings: c.postings_count ?? 0,
      })),
  };
}

/** The delivery methods with parcels to hand over (or shippings) on a departure date. */
export function handoverDay(ctx: AppContext, input: { date?: string }, host?: HandoverHost): HandoverDay {
  const e = handoverEnv(ctx, host);
  const date = departureDate(e, input.date);
  return {
    date,
    methods: e
      .api()
      .deliveryMethods(date)
      .map((m) => methodView(ctx.lang, m)),
  };
}

// ---- One delivery method ------------------------------------------------------------------------

interface Handed {
  outcome: HandoverOutcome;
  row: RowValues;
  postings: string[];
}

function dateSerial(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS + 25_569;
}

function baseRow(
  e: HandoverEnv,
  id: number,
  flow: HandoverFlow,
  method: string,
  day: string,
  status: string,
  postings: string[],
): RowValues {
  const lang = e.ctx.lang;
  return {
    id: String(id),
    kind: tr(lang, flow === 'carriage' ? 'handover.kind.carriage' : 'handover.kind.act'),
    delivery_method: method,
    departure_date: dateSerial(day),
    postings: postings.length,
    status: handoverStatusText(lang, status),
    status_code: status,
    posting_numbers: postingList(postings),
    updated_at: toSerial(e.host.now(), e.host.offset),
  };
}

/** Creates the shipping, or finds the one Ozon made when its answer was lost. */
function createCarriage(e: HandoverEnv, m: DeliveryMethod, day: string): number {
  const api = e.api();
  const before = new Set(m.carriages.map((c) => c.id));
  try {
    return api.createCarriage(m.delivery_method_id, day);
  } catch (error) {
    const conflict = /ALREADY_EXISTS/i.test(String((error as AppError).params?.detail ?? ''));
    if (!isUnclear(error) && !conflict) throw error;
    const again = api.deliveryMethods(day).find((x) => x.delivery_method_id === m.delivery_method_id);
    const made = again?.carriages.find(
      (c) => c.id > 0 && c.status === 'new' && (conflict || !before.has(c.id)),
    );
    if (made) return made.id;
    throw new AppError('handover.notCreated', 'error.handover.notCreated', {
      method: m.delivery_method_name ?? '',
    });
  }
}

function approve(e: HandoverEnv, id: number, containers?: number): void {
  try {
    e.api().approveCarriage(id, containers);
  } catch (error) {
    if (!isUnclear(error)) throw error;
    const c = e.api().getCarriage(id);
    if (c.status === 'new') throw new AppError('handover.notApproved', 'error.handover.notApproved', { id });
  }
}

function createAct(e: HandoverEnv, m: DeliveryMethod, day: string, containers?: number): number {
  const api = e.api();
  const known = new Set(api.acts(day, day).map((a) => a.id));
  try {
    return api.createAct(m.delivery_method_id, day, containers);
  } catch (error) {
    if (!isUnclear(error)) throw error;
    const made = api
      .acts(day, day)
      .find((a) => !known.has(a.id) && a.delivery_method_id === m.delivery_method_id);
    if (made) return made.id;
    throw new AppError('handover.notCreated', 'error.handover.notCreated', {
      method: m.delivery_method_name ?? '',
    });
  }
}

/** Waits (within the budget) until Ozon has made an act's documents. */
function waitForAct(e: HandoverEnv, id: number) {
  const until = e.started + START_BUDGET_MS;
  for (;;) {
    const status = e.api().actStatus(id);
    if (status.status !== 'in_process' || e.host.now() + ACT_POLL_MS > until) return status;
    e.host.sleep(ACT_POLL_MS);
  }
}

/** Saves the documents of a ready shipping or act; returns the cells with their links. */
function saveDocuments(
  e: HandoverEnv,
  id: number,
  method: string,
  day: string,
  containers: number,
): Record<string, Cell> {
  const api = e.api();
  const lang = e.ctx.lang;
  const name = (key: MessageKey, ext: string) => `${tr(lang, key)} ${id} ${method} ${day}.${ext}`;
  const pdf = api.actPdf(id);
  const cells: Record<string, Cell> = {
    act_pdf: e.host.saveFile(name('handover.file.act', 'pdf'), pdf.bytes, pdf.contentType, pdf.blob),
  };
  if (e.host.savesTypes.has('image/png')) {
    try {
      const png = api.barcode(id);
      cells.barcode = e.host.saveFile(
        name('handover.file.barcode', 'png'),
        png.bytes,
        png.contentType,
        png.blob,
      );
    } catch (error) {
      cells.barcode = errorText(error, lang);
    }
  }
  if (containers > 0) {
    const labels = api.containerLabels(id);
    cells.container_labels = e.host.saveFile(
      name('handover.file.containers', 'pdf'),
      labels.bytes,
      labels.contentType,
      labels.blob,
    );
  }
  return cells;
}

function handOne(
  e: HandoverEnv,
  m: DeliveryMethod,
  day: string,
  input: { postings?: string[]; containers?: number },
): Handed {
  const api = e.api();
  const lang = e.ctx.lang;
  const method = m.delivery_method_name ?? String(m.delivery_method_id);
  const flow = handoverFlow(m);
  if (flow === 'carriage') {
    const id = openCarriage(m)?.id ?? createCarriage(e, m, day);
    let postings = api.carriagePostings(id);
    const left: string[] = [];
    if (input.postings) {
      const wanted = postings.filter((p) => input.postings!.includes(p));
      if (!wanted.length) throw new AppError('handover.noneChosen', 'error.handover.noneChosen', { method });
      if (wanted.length < postings.length) {
        const outcomes = api.setCarriagePostings(id, wanted);
        left.push(...outcomes.filter((o) => !o.result).map((o) => `${o.posting_number}: ${o.error ?? ''}`));
        postings = api.carriagePostings(id);
      }
    }
    approve(e, id, input.containers);
    const info = api.getCarriage(id);
    const row = baseRow(e, id, flow, method, day, info.status, postings);
    const ready = info.status !== 'new' && info.status !== 'cancelled';
    if (ready) Object.assign(row, saveDocuments(e, id, method, day, info.containers_count ?? 0));
    const message = tr(lang, ready ? 'handover.done.carriage' : 'handover.pending', {
      id,
      method,
      count: postings.length,
    });
    return {
      outcome: {
        method,
        id,
        ok: !left.length,
        message: left.length
          ? `${message} ${tr(lang, 'handover.leftOut', { list: left.join('; ') })}`
          : message,
        ...(typeof row.act_pdf === 'string' ? { actUrl: row.act_pdf } : {}),
      },
      row,
      postings,
    };
  }
  const id = createAct(e, m, day, input.containers);
  const status = waitForAct(e, id);
  const ready = status.status === 'ready';
  const postings = status.added_to_act;
  const row = baseRow(e, id, flow, method, day, ready ? 'formed' : 'in_process', postings);
  if (ready) Object.assign(row, saveDocuments(e, id, method, day, input.containers ?? 0));
  const removed = status.removed_from_act;
  const message = tr(lang, ready ? 'handover.done.act' : 'handover.actPending', {
    id,
    method,
    count: postings.length,
  });
  return {
    outcome: {
      method,
      id,
      ok: status.status !== 'error',
      message: removed.length
        ? `${message} ${tr(lang, 'handover.removed', { list: removed.join(', ') })}`
        : message,
      ...(typeof row.act_pdf === 'string' ? { actUrl: row.act_pdf } : {}),
    },
    row,
    postings,
  };
}

// ---- Writing ----------------------------------------------------------------------------------------

function handoversTab(e: HandoverEnv) {
  const snapshot = e.host.readTabs([handoversSpec]).get(HANDOVERS_TAB) as TabSnapshot;
  const tab = prepareTab(snapshot);
  if (tab.setup.length) {
    e.host.write(tab.setup);
    applySetup(tab);
  }
  return tab;
}

const kindBook = messageBook(['handover.kind.carriage', 'handover.kind.act', 'handover.kind.any']);
const docBook = phraseBook((lang) => HANDOVER_DOC_CODES.map((code) => handoverDocText(lang, code)));
const docNoteBook = phraseBook((lang) =>
  HANDOVER_DOC_CODES.map((code) => `${handoverDocText(lang, code)} — ${tr(lang, 'handover.doc.inAccount')}`),
);
/** The Handovers words rewritten in the seller's language on every write (after a language change). */
const RELABELS: Relabel[] = [
  { column: 'status', code: 'status_code', words: handoverStatusText },
  { column: 'kind', book: kindBook },
  { column: 'acceptance', book: docBook },
  { column: 'mismatch', book: docNoteBook },
  { column: 'excess', book: docNoteBook },
];

/**
 * Upserts Handovers rows and puts the act number on the Orders rows of its postings. Rows written
 * earlier in another language (and the add-on's headers) are relabelled in the same write.
 */
function writeBook(e: HandoverEnv, rows: RowValues[], actOf: ReadonlyMap<string, string>): Set<string> {
  return e.host.withLock(() => {
    const read = e.host.readTabs([handoversSpec]);
    const snapshot = read.get(HANDOVERS_TAB) as TabSnapshot;
    if (snapshot.exists || rows.length) {
      const fresh = new Map<string, RowValues>();
      for (const r of rows) fresh.set(String(r.id), { ...fresh.get(String(r.id)), ...r });
      const { positions } = prepareTab(snapshot);
      const relabelled = relabelRows(snapshot.values, positions, 'id', RELABELS, e.ctx.lang, fresh);
      landRows(e.host, handoversSpec, [...rows, ...relabelled], read);
    }
    if (actOf.size) {
      // Rows are found again by posting number now: the seller may have sorted Orders meanwhile.
      const book = readDesk(e.host, e.ctx.lang);
      const changes = new Map<string, Record<string, Cell>>();
      for (const [posting, act] of actOf) changes.set(posting, { act });
      // Postings whose row the seller deleted meanwhile: handed over at Ozon, told in the outcome.
      return writeSellerCells(e.host, book, changes);
    }
    return new Set<string>();
  });
}

// ---- Entry points -----------------------------------------------------------------------------------

/**
 * After a language change: the Handovers tab's headers and words in the new language (no scheduled
 * job writes Handovers, so it would keep the old words until the next handover). Reads no Ozon.
 */
export function relabelHandovers(ctx: AppContext, lang: Lang, host?: HandoverHost): void {
  // The context read the old language before the save: this write uses the new one.
  useSheetLanguage(() => lang);
  try {
    writeBook(handoverEnv({ user: ctx.user, doc: ctx.doc, locale: ctx.locale, lang }, host), [], new Map());
  } catch {
    // The settings are saved; a busy document relabels Handovers at its next write instead.
  }
}

/** Hands over the parcels of one delivery method (or of every method) on a departure date. */
export function handOver(
  ctx: AppContext,
  input: { date?: string; deliveryMethodId?: number; postings?: string[]; containers?: number },
  host?: HandoverHost,
): HandoverResult {
  const e = handoverEnv(ctx, host);
  const lang = ctx.lang;
  const day = departureDate(e, input.date);
  if (input.postings && !input.deliveryMethodId)
    throw new AppError('handover.methodRequired', 'error.handover.methodRequired');
  const methods = e
    .api()
    .deliveryMethods(day)
    .filter((m) => !input.deliveryMethodId || m.delivery_method_id === input.deliveryMethodId)
    .filter((m) => readyCount(m) > 0 || openCarriage(m));
  if (!methods.length) return { message: tr(lang, 'handover.nothing', { date: day }), results: [] };
  const results: HandoverOutcome[] = [];
  const rows: RowValues[] = [];
  const actOf = new Map<string, string>();
  const postingsOf = new Map<HandoverOutcome, string[]>();
  for (const m of methods) {
    const method = m.delivery_method_name ?? String(m.delivery_method_id);
    if (e.host.now() > e.started + START_BUDGET_MS) {
      results.push({ method, id: null, ok: false, message: tr(lang, 'handover.notStarted', { method }) });
      continue;
    }
    try {
      const handed = handOne(e, m, day, input);
      results.push(handed.outcome);
      postingsOf.set(handed.outcome, handed.postings);
      rows.push(handed.row);
      for (const p of handed.postings) actOf.set(p, String(handed.outcome.id));
    } catch (error) {
      results.push({ method, id: null, ok: false, message: `${method}: ${errorText(error, lang)}` });
    }
  }
  const gone = writeBook(e, rows, actOf);
  for (const [outcome, postings] of postingsOf) {
    const list = postings.filter((p) => gone.has(p));
    if (list.length)
      outcome.message = `${outcome.message} ${tr(lang, 'handover.rowsGone', { list: list.join(', ') })}`;
  }
  const ok = results.filter((r) => r.ok).length;
  const message =
    results.length === 1
      ? results[0].message
      : tr(lang, 'handover.many', { ok, total: results.length, failed: results.length - ok });
  const actUrl = results.find((r) => r.actUrl)?.actUrl;
  return { message, results, ...(actUrl ? { actUrl } : {}) };
}

function listRow(e: HandoverEnv, a: ActListItem): RowValues {
  const lang = e.ctx.lang;
  const docs = a.related_docs ?? {};
  const mismatch = docs.act_of_mismatch?.document_status;
  const excess = docs.act_of_excess?.document_status;
  const status = a.status ?? '';
  return {
    id: String(a.id),
    delivery_method: a.delivery_method_name ?? '',
    ...(a.departure_date && /^\d{4}-\d\d-\d\d/.test(a.departure_date)
      ? { departure_date: dateSerial(a.departure_date.slice(0, 10)) }
      : {}),
    status: handoverStatusText(lang, status),
    status_code: status,
    acceptance: handoverDocText(lang, docs.act_of_acceptance?.document_status),
    mismatch: mismatch ? `${handoverDocText(lang, mismatch)} — ${tr(lang, 'handover.doc.inAccount')}` : '',
    excess: excess ? `${handoverDocText(lang, excess)} — ${tr(lang, 'handover.doc.inAccount')}` : '',
  };
}

/**
 * Reads Ozon's list of acts and shippings of the last week into Handovers (statuses, the acceptance,
 * mismatch and excess certificates) and saves the documents of those that became ready since.
 */
export function refreshHandovers(
  ctx: AppContext,
  input: { date?: string },
  host?: HandoverHost,
): HandoverResult {
  const e = handoverEnv(ctx, host);
  const lang = ctx.lang;
  const to = input.date ?? today(e);
  const from = localDay(Date.parse(`${to}T12:00:00Z`) - 7 * DAY_MS, () => 0);
  const acts = e.api().acts(from, to);
  const tab = handoversTab(e);
  const pos = tab.positions;
  const known = new Map<string, unknown[]>();
  for (const row of tab.snapshot.values.slice(1)) known.set(String(row[pos.get('id') as number] ?? ''), row);
  const rows: RowValues[] = [];
  const results: HandoverOutcome[] = [];
  for (const a of acts) {
    const row = listRow(e, a);
    const have = known.get(String(a.id));
    const ready = a.status === 'formed' || a.status === 'received' || a.status === 'sent';
    const method = a.delivery_method_name ?? '';
    if (ready && (!have || !String(have[pos.get('act_pdf') as number] ?? '').startsWith('https://'))) {
      try {
        const day = (a.departure_date ?? to).slice(0, 10);
        Object.assign(row, saveDocuments(e, a.id, method, day, a.containers_count ?? 0));
        results.push({ method, id: a.id, ok: true, message: tr(lang, 'handover.saved', { id: a.id }) });
      } catch (error) {
        results.push({ method, id: a.id, ok: false, message: errorText(error, lang) });
      }
    }
    if (!have) {
      row.kind = tr(lang, 'handover.kind.any');
      row.updated_at = toSerial(e.host.now(), e.host.offset);
    } else if (String(have[pos.get('status_code') as number] ?? '') !== (a.status ?? ''))
      row.updated_at = toSerial(e.host.now(), e.host.offset);
    rows.push(row);
  }
  writeBook(e, rows, new Map());
  const mismatches = acts.filter((a) => a.related_docs?.act_of_mismatch?.document_status).length;
  const message = tr(lang, mismatches ? 'handover.refreshed.mismatch' : 'handover.refreshed', {
    count: acts.length,
    mismatches,
  });
  return { message, results };
}

/** Deletes a shipping (the call carries the seller's confirmation); re-reads it after an unclear answer. */
export function cancelCarriage(ctx: AppContext, input: { id: number }, host?: HandoverHost): HandoverResult {
  const e = handoverEnv(ctx, host);
  const lang = ctx.lang;
  const api = e.api();
  let status = '';
  try {
    const answer = api.cancelCarriage(input.id);
    if (answer.error)
      throw new AppError('handover.cancelRefused', 'error.handover.cancelRefused', {
        id: input.id,
        detail: answer.error,
      });
    status = answer.carriage_status ?? 'cancelled';
  } catch (error) {
    if (!isUnclear(error)) throw error;
    status = api.getCarriage(input.id).status;
    if (status !== 'cancelled')
      throw new AppError('handover.notCancelled', 'error.handover.notCancelled', {
        id: input.id,
        status: handoverStatusText(lang, status),
      });
  }
  const postings = new Map<string, string>();
  const tab = handoversTab(e);
  const pos = tab.positions;
  for (const row of tab.snapshot.values.slice(1)) {
    if (String(row[pos.get('id') as number] ?? '') !== String(input.id)) continue;
    for (const p of String(row[pos.get('posting_numbers') as number] ?? '').split(/,\s*/))
      if (/^\d+(-\d+)+$/.test(p)) postings.set(p, '');
  }
  writeBook(
    e,
    [{ id: String(input.id), status: handoverStatusText(lang, status), status_code: status }],
    postings,
  );
  const message = tr(lang, 'handover.cancelled', { id: input.id });
  return { message, results: [{ method: '', id: input.id, ok: true, message }] };
}
