// What the returns & messages sidebar does: the selected order's returns, chat and cancellation
// requests; the seller's return workflow (with the stock ledger for resellable items); rFBS return
// actions and cancellation answers confirmed by re-reading Ozon; chat history and replies.
import { isOwnHeader } from '../core/i18n/headers';
import { withDocumentLock } from '../adapters/lock';
import { activeSelection, columnWithIdentity, readHeaderAndRows } from '../adapters/selection';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import type { AppContext } from '../app/context';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { ozonClientFor } from '../app/ozon';
import { AppError } from '../core/errors';
import { t, type Lang } from '../core/i18n/messages';
import { returnCodeText, rfbsStateText } from '../core/service/status';
import {
  fromCancellation,
  fromRfbsDetail,
  fromRfbsListItem,
  lastMessage,
  messageText,
  type CancellationRecord,
  type RfbsDetail,
} from '../core/service/records';
import {
  cancellationRow,
  cancellationsSpec,
  chatRow,
  clip,
  messagesSpec,
  orderOfPosting,
  returnsSpec,
  rfbsRow,
  rfbsRowKey,
  returnTypeIn,
} from '../core/service/tables';
import {
  choiceText,
  dateToSerial,
  OUTCOMES,
  parseChoice,
  QUALITIES,
  serialToDate,
  VERDICTS,
} from '../core/service/workflow';
import { prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { Cell, RowValues, TableSpec } from '../core/table/spec';
import { cachedOffset, fromSerial } from '../core/time/serial';
import * as inventory from '../inventory';
import type { OzonClient } from '../ozon/client';
import { OzonSubscriptionError } from '../ozon/errors';
import { actOrVerify, isUnclearAction, stillUnclear } from '../ozon/outcome';
import { chatGuard, landedIn } from './chat-guard';
import type {
  CancellationView,
  ChatHistoryValue,
  ChatHistoryView,
  ChatView,
  DecideCancellationValue,
  DecideCancellationResult,
  RfbsActionValue,
  RfbsReturnValue,
  RfbsView,
  ReturnView,
  SaveReturnValue,
  SaveReturnResult,
  SendMessageValue,
  ServiceContextView,
  ServiceSelection,
} from '../shared/service-schema';
import { refreshPostings } from '../sync/refresh';
import { landRows, landTables } from '../core/table/land';

const LOCK_WAIT_MS = 10_000;
const HISTORY_PAGE = 30;

function client(ctx: AppContext): OzonClient {
  return ozonClientFor(ctx.user, deadlineFrom(Date.now(), BUDGET.serviceAction));
}

function withLock<T>(fn: () => T): T {
  return withDocumentLock(LOCK_WAIT_MS, () => new AppError('service.locked', 'service.sync.locked'), fn);
}

/** The one reader and writer rows land through (found again by key around each write). */
const sheets = { readTabs: (specs: readonly TableSpec[]) => readTabs(specs), write: writeRequests };

function prepared(specs: readonly TableSpec[]): Map<string, PreparedTab> {
  const snapshots = readTabs(specs);
  const out = new Map<string, PreparedTab>();
  for (const spec of specs) out.set(spec.tab, prepareTab(snapshots.get(spec.tab) as TabSnapshot));
  return out;
}

/** Data rows as key → cell, for the columns the tab has (header excluded); absent tabs have none. */
function records(tab: PreparedTab): { row: number; get(key: string): unknown }[] {
  if (!tab.snapshot.exists) return [];
  return tab.snapshot.values.slice(1).map((values, i) => ({
    row: i + 1,
    get: (key: string) => {
      const col = tab.positions.get(key);
      return col === undefined ? undefined : values[col];
    },
  }));
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function returnView(r: { get(key: string): unknown }, lang: Lang): ReturnView {
  const key = text(r.get('row_key'));
  const received = r.get('received');
  return {
    rowKey: key,
    returnId: text(r.get('return_id')),
    kind: key.startsWith('RFBS') ? 'rfbs' : 'return',
    type: returnTypeIn(lang, text(r.get('type'))),
    // The words of the seller's language now, not those of the sync that wrote the row.
    status: returnCodeText(lang, text(r.get('status_code'))) ?? text(r.get('status')),
    statusCode: text(r.get('status_code')),
    offerId: text(r.get('offer_id')),
    name: text(r.get('name')),
    quantity: Number(r.get('quantity')) || 1,
    verdict: parseChoice('verdict', VERDICTS, r.get('verdict')) ?? '',
    received: typeof received === 'number' ? serialToDate(received) : '',
    quality: parseChoice('quality', QUALITIES, r.get('quality')) ?? '',
    outcome: parseChoice('outcome', OUTCOMES, r.get('outcome')) ?? '',
    note: text(r.get('note')),
  };
}

function cancellationView(
  r: { get(key: string): unknown },
  offsetMs: (serial: number) => number,
): CancellationView {
  const deadline = r.get('deadline');
  return {
    id: text(r.get('cancellation_id')),
    postingNumber: text(r.get('posting_number')),
    state: text(r.get('state')),
    stateCode: text(r.get('state_code')),
    reason: text(r.get('reason')),
    message: text(r.get('message')),
    deadline:
      typeof deadline === 'number' && text(r.get('state_code')) === 'ON_APPROVAL'
        ? new Date(offsetMs(deadline)).toISOString()
        : null,
  };
}

/**
 * The posting number on the active row, when the active tab has the add-on's posting column: found by
 * its column identity (developer metadata), so a renamed or moved header still works; by its header
 * text (in any of the three languages) only on a tab without the identity.
 */
function selectedPosting(): { key: string; posting: string | null } {
  const sel = activeSelection();
  if (!sel) return { key: 'none', posting: null };
  const key = `${sel.sheetId}:${sel.startRow}`;
  if (sel.startRow < 1 || sel.endRow <= sel.startRow) return { key, posting: null };
  const { header, rows } = readHeaderAndRows(sel.sheetId, sel.startRow, sel.startRow + 1);
  const values = rows[0] ?? [];
  let col = columnWithIdentity(sel.sheetId, 'posting_number');
  if (col < 0 || col >= header.length) col = header.findIndex((h) => isOwnHeader(h, 'Posting number'));
  if (col < 0) return { key, posting: null };
  const posting = String(values[col] ?? '').trim();
  return { key, posting: posting || null };
}

/**
 * What the returns & messages sidebar polls: the posting on the active row. No read at all while the
 * active row stays put, and no Sheets API quota when it moves (SpreadsheetApp reads only).
 */
export function pollServiceSelection(known: string): ServiceSelection {
  const sel = activeSelection();
  const key = sel ? `${sel.sheetId}:${sel.startRow}` : 'none';
  if (key === known) return { key, changed: false, posting: null };
  const { posting } = selectedPosting();
  return { key, changed: true, posting };
}

export function serviceContext(ctx: AppContext): ServiceContextView {
  const { posting } = selectedPosting();
  const tabs = prepared([returnsSpec, messagesSpec, cancellationsSpec]);
  const offset = cachedOffset(spreadsheetOffset());
  const toMs = (serial: number) => fromSerial(serial, offset);
  const cancellations = records(tabs.get(cancellationsSpec.tab) as PreparedTab);
  const pending = cancellations
    .filter((r) => r.get('state_code') === 'ON_APPROVAL')
    .map((r) => cancellationView(r, toMs))
    .sort((a, b) => String(a.deadline).localeCompare(String(b.deadline)));
  if (!posting) return { posting: null, order: null, returns: [], chats: [], cancellations: [], pending };
  const order = orderOfPosting(posting);
  const returns = records(tabs.get(returnsSpec.tab) as PreparedTab)
    .filter((r) => text(r.get('posting_number')) === posting)
    .map((r) => returnView(r, ctx.lang));
  const chats: ChatView[] = records(tabs.get(messagesSpec.tab) as PreparedTab)
    .filter((r) => text(r.get('posting_number')) === posting || text(r.get('order_number')) === order)
    .map((r) => ({
      chatId: text(r.get('chat_id')),
      status: text(r.get('status_code')),
      unread: Number(r.get('unread')) || 0,
      lastText: text(r.get('last_text')),
    }));
  const mine = cancellations
    .filter((r) => text(r.get('posting_number')) === posting)
    .map((r) => cancellationView(r, toMs));
  void ctx;
  return { posting, order, returns, chats, cancellations: mine, pending };
}

// ---- The seller's workflow on a return ------------------------------------------------------

export function saveReturnWork(ctx: AppContext, input: SaveReturnValue): SaveReturnResult {
  return withLock(() => {
    const tab = prepared([returnsSpec]).get(returnsSpec.tab) as PreparedTab;
    const found = records(tab).filter((r) => r.get('row_key') === input.rowKey);
    const idText = input.rowKey.replace(/^(RFBS|R)/, '');
    if (!found.length || tab.setup.length)
      throw new AppError('service.row', 'error.service.row', { id: idText });
    const cells: Record<string, Cell> = {};
    if (input.verdict !== undefined)
      cells.verdict = input.verdict ? choiceText(ctx.lang, 'verdict', input.verdict) : null;
    if (input.received !== undefined) cells.received = input.received ? dateToSerial(input.received) : null;
    if (input.quality !== undefined)
      cells.quality = input.quality ? choiceText(ctx.lang, 'quality', input.quality) : null;
    if (input.outcome !== undefined)
      cells.outcome = input.outcome ? choiceText(ctx.lang, 'outcome', input.outcome) : null;
    if (input.note !== undefined) cells.note = input.note.trim() ? clip(input.note.trim(), 500) : null;
    if (Object.keys(cells).length) {
      // Found again by its key when written: the seller may sort, insert or delete rows meanwhile.
      const landing = landTables(
        sheets,
        [{ spec: returnsSpec, rows: [{ row_key: input.rowKey, ...cells }], seller: Object.keys(cells) }],
        new Map([[returnsSpec.tab, tab.snapshot]]),
      );
      const after = landing.tabs.get(returnsSpec.tab) as PreparedTab;
      if (!records(after).some((r) => r.get('row_key') === input.rowKey))
        throw new AppError('service.row', 'error.service.row', { id: idText });
    }

    const first = found[0];
    const view = returnView({ get: (key) => (key in cells ? cells[key] : first.get(key)) }, ctx.lang);
    let restocked = 0;
    let message = t(ctx.lang, 'service.saved', { id: view.returnId });
    const quality = input.quality ?? view.quality;
    if (quality === 'resellable') {
      const moves = inventory.returnReceivedMove(ctx, [
        {
          returnId: view.rowKey,
          postingNumber: text(first.get('posting_number')),
          offerId: view.offerId,
          quantity: view.quantity,
        },
      ]);
      restocked = moves.reduce((sum, m) => sum + m.quantity, 0);
      message = restocked
        ? t(ctx.lang, 'service.savedStock', { id: view.returnId, quantity: restocked, offerId: view.offerId })
        : t(ctx.lang, 'service.savedStockAlready', { id: view.returnId });
    }
    return { message, returnView: view, restocked };
  });
}

// ---- rFBS return requests ------------------------------------------------------------------

function rfbsView(lang: Lang, detail: RfbsDetail, message?: string): RfbsView {
  return {
    returnId: detail.returnId,
    state: detail.state,
    stateName: rfbsStateText(lang, detail.state, '', detail.stateName),
    reason: detail.reason,
    comment: detail.comment,
    actions: detail.actions,
    rejectionReasons: detail.rejectionReasons,
    ...(message ? { message } : {}),
  };
}

/** Re-reads a request (its page and its list entry) and updates its Returns row. */
function refreshRfbs(ctx: AppContext, ozon: OzonClient, returnId: number): RfbsDetail {
  const detail = fromRfbsDetail(returnId, ozon.getRfbsReturn(returnId));
  withLock(() => {
    const tab = prepared([returnsSpec]).get(returnsSpec.tab) as PreparedTab;
    const row = records(tab).find((r) => r.get('row_key') === rfbsRowKey(returnId));
    const offset = cachedOffset(spreadsheetOffset());
    let values: RowValues;
    const posting = row ? text(row.get('posting_number')) : '';
    const listed = posting
      ? ozon.rfbsReturnsPage({ posting_number: posting }).items.find((i) => i.return_id === returnId)
      : undefined;
    if (listed)
      values = rfbsRow({ ...fromRfbsListItem(listed), reason: detail.reason }, { lang: ctx.lang, offset });
    else
      values = {
        row_key: rfbsRowKey(returnId),
        status: rfbsStateText(ctx.lang, detail.state, '', detail.stateName),
        status_code: detail.state,
        reason: detail.reason,
      };
    if (!row && !listed) return;
    // Ozon was read since the tab was: the row is found again by its key when it is written.
    landRows(sheets, returnsSpec, [values]);
  });
  return detail;
}

export function getRfbsReturn(ctx: AppContext, input: RfbsReturnValue): RfbsView {
  return rfbsView(ctx.lang, refreshRfbs(ctx, client(ctx), input.returnId));
}

export function rfbsReturnAction(ctx: AppContext, input: RfbsActionValue): RfbsView {
  // The lock first: a busy spreadsheet refuses before anything is done at Ozon, never after.
  return withLock(() => {
    const ozon = client(ctx);
    const before = fromRfbsDetail(input.returnId, ozon.getRfbsReturn(input.returnId));
    if (!before.actions.some((a) => a.id === input.actionId)) {
      throw new AppError('service.action', 'error.service.action', { id: input.returnId }, 'actionId');
    }
    actOrVerify(
      () =>
        ozon.setRfbsReturnAction({
          return_id: input.returnId,
          id: input.actionId,
          ...(input.comment ? { comment: input.comment } : {}),
          ...(input.rejectionReasonId !== undefined ? { rejection_reason_id: input.rejectionReasonId } : {}),
          ...(input.compensationAmount !== undefined
            ? { compensation_amount: input.compensationAmount }
            : {}),
        }),
      () => {
        const now = fromRfbsDetail(input.returnId, ozon.getRfbsReturn(input.returnId));
        if (now.state !== before.state) return 'done';
        return now.actions.some((a) => a.id === input.actionId) ? 'not_done' : 'unknown';
      },
      {
        object: t(ctx.lang, 'ozon.outcome.return', { id: input.returnId }),
        check: t(ctx.lang, 'ozon.check.return'),
      },
    );
    const after = refreshRfbs(ctx, ozon, input.returnId);
    const changed = after.state !== before.state;
    return rfbsView(
      ctx.lang,
      after,
      changed
        ? t(ctx.lang, 'service.rfbs.done', {
            state: rfbsStateText(ctx.lang, after.state, '', after.stateName),
          })
        : t(ctx.lang, 'error.service.notConfirmed'),
    );
  });
}

// ---- Chats ---------------------------------------------------------------------------------

function fromText(ctx: AppContext, type: string): string {
  const key = `service.chat.from.${type}` as Parameters<typeof t>[1];
  const value = t(ctx.lang, key);
  return value === key ? type : value;
}

export function chatHistory(ctx: AppContext, input: ChatHistoryValue, ozon = client(ctx)): ChatHistoryView {
  const answer = ozon.chatHistory(input.chatId, {
    direction: 'Backward',
    limit: HISTORY_PAGE + (input.before ? 1 : 0),
    ...(input.before ? { from_message_id: input.before } : {}),
  });
  const messages = answer.messages
    .filter((m) => m.message_id !== input.before)
    .reverse()
    .map((m) => ({
      id: m.message_id,
      at: m.created_at ?? '',
      from: m.user?.type ?? '',
      fromText: fromText(ctx, m.user?.type ?? ''),
      text: messageText(m),
      isImage: m.is_image === true,
      mine: m.user?.type === 'Seller',
    }));
  return { chatId: input.chatId, messages, hasOlder: answer.has_next === true };
}

export function sendChatReply(ctx: AppContext, input: SendMessageValue): ChatHistoryView {
  // The lock first: a busy spreadsheet refuses before the message goes out, never after.
  return withLock(() => {
    const ozon = client(ctx);
    const guard = chatGuard(ctx.doc, () => Date.now());
    const landed = (since: number) =>
      landedIn(
        chatHistory(ctx, { chatId: input.chatId }, ozon).messages.map((m) => ({
          text: m.text,
          mine: m.mine,
          at: Date.parse(m.at),
        })),
        input.text,
        since,
      );
    // An earlier try of this very reply lost its answer: the chat says whether it landed.
    const earlier = guard.pendingSince(input.chatId, input.text);
    if (earlier !== undefined && landed(earlier)) {
      guard.settle(input.chatId, input.text);
      return showSent(ctx, ozon, input.chatId, t(ctx.lang, 'service.chat.alreadySent'));
    }
    const since = guard.begin(input.chatId, input.text);
    try {
      ozon.sendChatMessage(input.chatId, input.text);
    } catch (error) {
      if (!isUnclearAction(error)) {
        guard.settle(input.chatId, input.text);
        if (error instanceof OzonSubscriptionError)
          throw new AppError('service.subscription', 'service.chat.noSubscription', {}, 'text');
        throw error;
      }
      let there = false;
      try {
        there = landed(since);
      } catch {
        // The re-read failed too: the record stays, so a second try looks before it sends.
      }
      if (!there) throw stillUnclear(error, t(ctx.lang, 'ozon.outcome.chat'), t(ctx.lang, 'ozon.check.chat'));
    }
    guard.settle(input.chatId, input.text);
    return showSent(ctx, ozon, input.chatId, t(ctx.lang, 'service.chat.sent'));
  });
}

/** The chat's history for the sidebar, and its Messages row updated to the newest message. */
function showSent(ctx: AppContext, ozon: OzonClient, chatId: string, message: string): ChatHistoryView {
  const history = chatHistory(ctx, { chatId }, ozon);
  const newest = ozon.chatHistories([chatId], 1)[0]?.messages[0];
  if (newest) {
    withLock(() => {
      const tab = prepared([messagesSpec]).get(messagesSpec.tab) as PreparedTab;
      if (!records(tab).some((r) => r.get('chat_id') === chatId)) return;
      const row = chatRow(
        {
          chatId,
          status: 'OPENED',
          type: '',
          unread: 0,
          lastMessageId: newest.message_id,
          last: lastMessage(newest),
        },
        { lang: ctx.lang, offset: cachedOffset(spreadsheetOffset()) },
        () => '',
      );
      delete row.chat_type;
      delete row.posting_number;
      delete row.order_number;
      landRows(sheets, messagesSpec, [row], new Map([[messagesSpec.tab, tab.snapshot]]));
    });
  }
  return { ...history, message };
}

// ---- Cancellation requests -----------------------------------------------------------------

function findCancellation(ozon: OzonClient, id: number, posting: string): CancellationRecord | undefined {
  const filters = posting ? { posting_number: [posting] } : { state: 'ON_APPROVAL' as const };
  return ozon
    .listConditionalCancellations(filters)
    .items.map(fromCancellation)
    .find((c) => c.id === id);
}

function landCancellation(ctx: AppContext, record: CancellationRecord): CancellationView {
  return withLock(() => {
    const offset = cachedOffset(spreadsheetOffset());
    const row = cancellationRow(record, { lang: ctx.lang, offset });
    landRows(sheets, cancellationsSpec, [row]);
    return cancellationView({ get: (key) => row[key] }, (serial) => fromSerial(serial, offset));
  });
}

export function decideCancellation(
  ctx: AppContext,
  input: DecideCancellationValue,
): DecideCancellationResult {
  // The lock first: a busy spreadsheet refuses before the decision reaches Ozon, never after.
  return withLock(() => decide(ctx, input));
}

function decide(ctx: AppContext, input: DecideCancellationValue): DecideCancellationResult {
  const ozon = client(ctx);
  const tab = prepared([cancellationsSpec]).get(cancellationsSpec.tab) as PreparedTab;
  const known = records(tab).find((r) => r.get('cancellation_id') === String(input.cancellationId));
  const posting = known ? text(known.get('posting_number')) : '';
  const current = findCancellation(ozon, input.cancellationId, posting);
  if (!current)
    throw new AppError('service.cancelGone', 'error.service.cancelGone', {
      id: input.cancellationId,
      state: '?',
    });
  if (current.state !== 'ON_APPROVAL') {
    landCancellation(ctx, current);
    throw new AppError('service.cancelGone', 'error.service.cancelGone', {
      id: input.cancellationId,
      state: current.state,
    });
  }
  const expected = input.decision === 'approve' ? 'APPROVED' : 'REJECTED';
  actOrVerify(
    () =>
      input.decision === 'approve'
        ? ozon.approveConditionalCancellation(input.cancellationId, input.comment)
        : ozon.rejectConditionalCancellation(input.cancellationId, input.comment),
    () => {
      const state = findCancellation(ozon, input.cancellationId, current.postingNumber)?.state;
      return state === expected ? 'done' : state === 'ON_APPROVAL' ? 'not_done' : 'unknown';
    },
    {
      object: t(ctx.lang, 'ozon.outcome.cancellation', { id: input.cancellationId }),
      check: t(ctx.lang, 'ozon.check.cancellation'),
    },
  );
  const after = findCancellation(ozon, input.cancellationId, current.postingNumber) ?? current;
  const view = landCancellation(ctx, after);
  if (after.state === 'APPROVED') {
    try {
      // The posting is cancelled now: show it on Orders at once.
      refreshPostings(ctx, [after.postingNumber], ozon);
    } catch {
      // The next orders sync brings it.
    }
  }
  const message =
    after.state === expected
      ? t(ctx.lang, input.decision === 'approve' ? 'service.cancel.approved' : 'service.cancel.rejected', {
          posting: after.postingNumber,
        })
      : t(ctx.lang, 'error.service.notConfirmed');
  return { message, cancellation: view };
}
