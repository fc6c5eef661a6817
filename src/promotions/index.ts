// The Promotions tab: "Refresh promotions" lists Ozon's actions with the products in them and the
// candidates, each with the profit and margin at its action price; "Apply promotion choices" joins
// and leaves as the seller marked, re-checked against Ozon and the Costs tab on the server. Joining
// and leaving are not idempotent at Ozon: a lost answer is never re-sent — the action's products
// are read again and each row says what really happened. Re-applying changes nothing.
import { describeError } from '../app/handler';
import { appContext, type AppContext } from '../app/context';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { ozonClientFor } from '../app/ozon';
import { tryDocumentLock } from '../adapters/lock';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { minorToNumber, parseMinor } from '../core/finance/minor';
import type { OfferProfit } from '../core/finance/profit';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import {
  actionItem,
  decide,
  isConfirmed,
  readChoice,
  type ActionItem,
  type Marked,
  type Verdict,
} from '../core/promotions/plan';
import { promoKey, promotionsSpec } from '../core/promotions/tables';
import { landTables } from '../core/table/land';
import { applySetup, prepareTab, type PreparedTab } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { cachedOffset, toSerial } from '../core/time/serial';
import type { OzonClient } from '../ozon/client';
import { OzonUnclearError } from '../ozon/errors';
import { applyDiscountDecisions, refreshDiscountRequests } from './requests';
import { marginBook, productPrices, type FeeBasis, type MarginBook, type ProductPrice } from './margin';

const LOCK_WAIT_MS = 2_000;

export interface PromotionsSummary {
  result: 'done' | 'failed' | 'locked';
  message: string;
  rows: number;
  joined?: number;
  left?: number;
  unchanged?: number;
  refused?: number;
  failed?: number;
  requests?: { approved: number; declined: number; refused: number; failed: number };
}

const body = (tab: PreparedTab) => tab.snapshot.values.slice(1);
const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const money = (minor: number | null | undefined) =>
  minor === null || minor === undefined ? null : minorToNumber(minor);

/** "YYYY-MM" of now in Moscow (the month whose exchange rate prices a cost). */
function moscowMonth(now: number): string {
  return new Date(now + 3 * 3_600_000).toISOString().slice(0, 7);
}

function openTab(): PreparedTab {
  const snapshot = readTabs([promotionsSpec]).get(promotionsSpec.tab)!;
  const tab = prepareTab(snapshot);
  if (tab.setup.length) {
    writeRequests(tab.setup);
    applySetup(tab);
  }
  return tab;
}

/** The one reader and writer the tab's rows land through (found again by key around each write). */
const sheets = { readTabs: (specs: readonly TableSpec[]) => readTabs(specs), write: writeRequests };

/**
 * Lands rows by promotion key. `read`: the tab as read with nothing asked of Ozon since; without it
 * the tab is read again right before the write (the seller may have sorted, inserted or deleted).
 * `updateOnly`: results for rows the tab holds; a row the seller deleted meanwhile is not re-added.
 */
function write(
  rows: RowValues[],
  how: { remove?: Set<string>; read?: PreparedTab; updateOnly?: boolean },
): number {
  const { remove, read, updateOnly } = how;
  const landing = landTables(
    sheets,
    [{ spec: promotionsSpec, rows, ...(remove ? { remove } : {}), ...(updateOnly ? { updateOnly } : {}) }],
    read ? new Map([[promotionsSpec.tab, read.snapshot]]) : undefined,
  );
  const plan = landing.plans.get(promotionsSpec.tab);
  return plan ? plan.added.length + plan.updated.length + plan.deleteRows.length : 0;
}

function profitCells(
  found: { profit: OfferProfit | null; basis: FeeBasis },
  L: (k: MessageKey) => string,
): RowValues {
  const p = found.profit;
  return {
    unit_cost: money(p?.cost),
    profit: money(p?.profit),
    margin: p?.margin ?? null,
    fee_basis:
      found.basis === 'sales'
        ? L('promotions.basis.sales')
        : found.basis === 'listed'
          ? L('promotions.basis.listed')
          : L('promotions.basis.none'),
  };
}

function withLock(ctx: AppContext, fn: () => PromotionsSummary): PromotionsSummary {
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) return { result: 'locked', message: t(ctx.lang, 'promotions.locked'), rows: 0 };
  try {
    return fn();
  } catch (error) {
    const described = describeError(error, ctx.lang);
    return {
      result: 'failed',
      message: t(ctx.lang, 'promotions.failed', { reason: described.ok ? '' : described.error.message }),
      rows: 0,
    };
  } finally {
    lock.release();
  }
}

function notify(summary: PromotionsSummary): PromotionsSummary {
  try {
    toast(summary.message, 'Ozon', 8);
  } catch {
    // No UI in this context.
  }
  return summary;
}

interface ActionView {
  id: number;
  title: string;
  type: string;
  start: number | null;
  end: number | null;
  freeze: number | null;
  stockAction: boolean;
  inAction: Map<number, ActionItem>;
  candidates: Map<number, ActionItem>;
}

const when = (iso: string | null | undefined) => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : null;
};

function readAction(client: OzonClient, a: ReturnType<OzonClient['actions']>[number]): ActionView {
  const inAction = new Map(client.actionProducts(a.id).items.map((p) => [p.id, actionItem(p)] as const));
  const candidates = new Map(client.actionCandidates(a.id).items.map((p) => [p.id, actionItem(p)] as const));
  return {
    id: a.id,
    title: a.title ?? '',
    type: a.action_type ?? '',
    start: when(a.date_start),
    end: when(a.date_end),
    freeze: when(a.freeze_date),
    stockAction: /STOCK/i.test(a.action_type ?? ''),
    inAction,
    candidates,
  };
}

/** Menu "Refresh promotions": every action, its products and candidates, with the margin at the action price. */
export function refreshPromotionsNow(startedAt = Date.now()): PromotionsSummary {
  const ctx = appContext();
  const L = (k: MessageKey, p = {}) => t(ctx.lang, k, p);
  return notify(
    withLock(ctx, () => {
      const client = ozonClientFor(ctx.user, deadlineFrom(startedAt, BUDGET.inventoryOzon));
      const views = client.actions().map((a) => readAction(client, a));
      const ids = views.flatMap((v) => [...v.inAction.keys(), ...v.candidates.keys()]);
      const prices = productPrices(client, ids);
      const book = marginBook(moscowMonth(Date.now()));
      const offset = cachedOffset(spreadsheetOffset());
      const serial = (ms: number | null) => (ms === null ? null : toSerial(ms, offset));
      const tab = openTab();
      const joinPrices = new Map<string, number>();
      const keyCol = tab.positions.get('promo_key') as number;
      const joinCol = tab.positions.get('join_price') as number;
      for (const row of body(tab)) {
        const typed = parseMinor(row[joinCol]);
        if (typed !== null && cellText(row[joinCol])) joinPrices.set(cellText(row[keyCol]), typed);
      }
      const rows: RowValues[] = [];
      for (const v of views) {
        for (const [state, items] of [
          ['in', v.inAction],
          ['candidate', v.candidates],
        ] as const) {
          for (const item of items.values()) {
            const key = promoKey(v.id, item.productId);
            const price = prices.get(item.productId);
            const at = joinPrices.get(key) ?? (state === 'in' ? item.actionPrice : item.maxActionPrice);
            const found =
              price && at !== null
                ? book.at(price.offerId, price.listed, at, price.currency)
                : { profit: null, basis: 'none' as const };
            rows.push({
              promo_key: key,
              action_id: String(v.id),
              action: v.title,
              action_type: v.type,
              date_start: serial(v.start),
              date_end: serial(v.end),
              freeze_date: serial(v.freeze),
              offer_id: price?.offerId ?? '',
              product_id: String(item.productId),
              state: state === 'in' ? L('promotions.state.in') : L('promotions.state.candidate'),
              price: money(item.price ?? price?.price),
              action_price: money(state === 'in' ? item.actionPrice : null),
              max_action_price: money(item.maxActionPrice),
              currency: price?.currency ?? '',
              ...profitCells(found, L),
              checked_at: serial(Date.now()),
            });
          }
        }
      }
      const fresh = new Set(rows.map((r) => r.promo_key as string));
      const gone = new Set<string>();
      for (const row of body(tab)) {
        const key = cellText(row[keyCol]);
        if (key && !fresh.has(key)) gone.add(key);
      }
      const changed = write(rows, { remove: gone, read: tab });
      const open = refreshDiscountRequests(client, book, L, serial);
      const inCount = views.reduce((s, v) => s + v.inAction.size, 0);
      const candidates = views.reduce((s, v) => s + v.candidates.size, 0);
      return {
        result: 'done',
        rows: changed,
        message: `${L('promotions.refreshed', { actions: views.length, inAction: inCount, candidates })} ${L('requests.open', { count: open })}`,
      };
    }),
  );
}

interface Outcome {
  key: string;
  text: string;
  state?: 'in' | 'candidate';
  actionPrice?: number | null;
  kind: 'joined' | 'left' | 'unchanged' | 'refused' | 'failed';
}

const SKIP_TEXT: Record<string, MessageKey> = {
  already: 'promotions.result.already',
  notIn: 'promotions.result.notIn',
  notCandidate: 'promotions.result.notCandidate',
  belowCost: 'promotions.result.belowCost',
  costUnknown: 'promotions.result.costUnknown',
  badPrice: 'promotions.result.badPrice',
};

/** Menu "Apply promotion choices": joins and leaves as marked, one result per row. */
export function applyPromotionChoicesNow(startedAt = Date.now()): PromotionsSummary {
  const ctx = appContext();
  const L = (k: MessageKey, p = {}) => t(ctx.lang, k, p);
  return notify(
    withLock(ctx, () => {
      const tab = openTab();
      const pos = (k: string) => tab.positions.get(k) as number;
      const byAction = new Map<number, Marked[]>();
      const outcomes: Outcome[] = [];
      for (const row of body(tab)) {
        const key = cellText(row[pos('promo_key')]);
        if (!key) continue;
        const choice = readChoice(row[pos('choice')]);
        if (choice === null) continue;
        if (choice === 'unknown') {
          outcomes.push({
            key,
            kind: 'refused',
            text: L('promotions.result.unknownChoice', { value: cellText(row[pos('choice')]) }),
          });
          continue;
        }
        const [actionId, productId] = key.split('|').map(Number);
        const typed = cellText(row[pos('join_price')]);
        const joinPrice = typed ? parseMinor(row[pos('join_price')]) : null;
        if (typed && joinPrice === null) {
          outcomes.push({ key, kind: 'refused', text: L('promotions.result.badPrice') });
          continue;
        }
        const list = byAction.get(actionId) ?? [];
        list.push({ key, productId, choice, joinPrice, confirmed: isConfirmed(row[pos('confirm')]) });
        byAction.set(actionId, list);
      }
      let ozon: OzonClient | undefined;
      const lazyClient = () =>
        (ozon ??= ozonClientFor(ctx.user, deadlineFrom(startedAt, BUDGET.inventoryOzon)));
      let margins: MarginBook | undefined;
      const lazyBook = () => (margins ??= marginBook(moscowMonth(Date.now())));
      if (byAction.size) {
        const client = lazyClient();
        const actions = new Map(client.actions().map((a) => [a.id, a] as const));
        const ids = [...byAction.values()].flat().map((m) => m.productId);
        const prices = productPrices(client, ids);
        const book = lazyBook();
        for (const [actionId, marked] of byAction) {
          const a = actions.get(actionId);
          if (!a) {
            for (const m of marked)
              outcomes.push({ key: m.key, kind: 'refused', text: L('promotions.result.actionGone') });
            continue;
          }
          outcomes.push(...applyAction(client, readAction(client, a), marked, prices, book, L, ctx.lang));
        }
      }
      const offset = cachedOffset(spreadsheetOffset());
      const serial = (ms: number | null) => (ms === null ? null : toSerial(ms, offset));
      const decisions = applyDiscountDecisions(lazyClient, lazyBook, L, ctx.lang, serial);
      const checked = toSerial(Date.now(), offset);
      const rows: RowValues[] = outcomes.map((o) => ({
        promo_key: o.key,
        result: o.text,
        checked_at: checked,
        ...(o.state
          ? { state: o.state === 'in' ? L('promotions.state.in') : L('promotions.state.candidate') }
          : {}),
        ...(o.actionPrice !== undefined ? { action_price: money(o.actionPrice) } : {}),
      }));
      const changed = write(rows, { updateOnly: true });
      const count = (k: Outcome['kind']) => outcomes.filter((o) => o.kind === k).length;
      const summary = {
        joined: count('joined'),
        left: count('left'),
        unchanged: count('unchanged'),
        refused: count('refused'),
        failed: count('failed'),
      };
      return {
        result: 'done',
        rows: changed,
        ...summary,
        requests: decisions,
        message:
          [
            outcomes.length ? L('promotions.applied', summary) : '',
            Object.values(decisions).some((n) => n > 0) ? L('requests.summary', { ...decisions }) : '',
          ]
            .filter(Boolean)
            .join(' ') || L('promotions.nothingMarked'),
      };
    }),
  );
}

function applyAction(
  client: OzonClient,
  view: ActionView,
  marked: readonly Marked[],
  prices: ReadonlyMap<number, ProductPrice>,
  book: MarginBook,
  L: (k: MessageKey, p?: Record<string, string | number>) => string,
  lang: Lang,
): Outcome[] {
  const out: Outcome[] = [];
  const joins: { m: Marked; v: Extract<Verdict, { kind: 'join' }> }[] = [];
  const leaves: Marked[] = [];
  for (const m of marked) {
    const price = prices.get(m.productId);
    const v = decide(
      m,
      {
        inAction: view.inAction.get(m.productId),
        candidate: view.candidates.get(m.productId),
        stockAction: view.stockAction,
      },
      (at) => (price ? book.at(price.offerId, price.listed, at, price.currency).profit : null),
    );
    if (v.kind === 'join') joins.push({ m, v });
    else if (v.kind === 'leave') leaves.push(m);
    else {
      const profit = v.profit?.profit;
      out.push({
        key: m.key,
        kind: v.reason === 'already' || v.reason === 'notIn' ? 'unchanged' : 'refused',
        text: L(SKIP_TEXT[v.reason], {
          profit: profit === null || profit === undefined ? '' : minorToNumber(Math.abs(profit)).toFixed(2),
        }),
      });
    }
  }
  if (joins.length) {
    const sent = joins.map(({ m, v }) => ({
      product_id: m.productId,
      action_price: minorToNumber(v.price),
      ...(v.stock !== undefined ? { stock: v.stock } : {}),
    }));
    out.push(
      ...act(
        client,
        view.id,
        'join',
        joins.map((j) => ({ m: j.m, price: j.v.price })),
        () => client.activateActionProducts(view.id, sent),
        L,
        lang,
      ),
    );
  }
  if (leaves.length) {
    out.push(
      ...act(
        client,
        view.id,
        'leave',
        leaves.map((m) => ({ m, price: null })),
        () =>
          client.deactivateActionProducts(
            view.id,
            leaves.map((m) => m.productId),
          ),
        L,
        lang,
      ),
    );
  }
  return out;
}

/** One activate or deactivate call; a lost answer is settled by reading the action's products again. */
function act(
  client: OzonClient,
  actionId: number,
  kind: 'join' | 'leave',
  items: readonly { m: Marked; price: number | null }[],
  call: () => { done: number[]; rejected: { product_id: number; reason: string }[] },
  L: (k: MessageKey, p?: Record<string, string | number>) => string,
  lang: Lang,
): Outcome[] {
  const okText = (price: number | null) =>
    kind === 'join'
      ? L('promotions.result.joined', { price: minorToNumber(price ?? 0).toFixed(2) })
      : L('promotions.result.left');
  const doneOutcome = (m: Marked, price: number | null, text: string): Outcome =>
    kind === 'join'
      ? { key: m.key, kind: 'joined', text, state: 'in', actionPrice: price }
      : { key: m.key, kind: 'left', text, state: 'candidate', actionPrice: null };
  try {
    const answer = call();
    const done = new Set(answer.done);
    const reasons = new Map(answer.rejected.map((r) => [r.product_id, r.reason] as const));
    return items.map(({ m, price }) => {
      if (done.has(m.productId)) return doneOutcome(m, price, okText(price));
      const reason = reasons.get(m.productId);
      return {
        key: m.key,
        kind: 'failed',
        text:
          reason === undefined
            ? L('promotions.result.noAnswer')
            : L('promotions.result.rejected', { reason }),
      };
    });
  } catch (error) {
    if (!(error instanceof OzonUnclearError)) {
      const described = describeError(error, lang);
      const reason = described.ok ? '' : described.error.message;
      return items.map(({ m }) => ({
        key: m.key,
        kind: 'failed',
        text: L('promotions.result.failed', { reason }),
      }));
    }
    // The answer was lost: what is in the action now is what happened.
    let now: Map<number, ActionItem>;
    try {
      now = new Map(client.actionProducts(actionId).items.map((p) => [p.id, actionItem(p)] as const));
    } catch {
      return items.map(({ m }) => ({ key: m.key, kind: 'failed', text: L('promotions.result.unknown') }));
    }
    return items.map(({ m, price }) => {
      const after = now.get(m.productId);
      const happened =
        kind === 'join' ? after !== undefined && after.actionPrice === price : after === undefined;
      return happened
        ? doneOutcome(m, price, L('promotions.result.confirmedAfterLoss', { what: okText(price) }))
        : { key: m.key, kind: 'failed', text: L('promotions.result.notDoneAfterLoss') };
    });
  }
}
