// The Discount requests sidebar: buyers' open requests with the profit and margin at the price asked,
// and Approve / Decline one at a time. The server decides whether an approval is at a loss (fresh
// prices and Costs), and refuses it without confirmBelowCost. A decision is not idempotent at Ozon:
// after a lost answer the requests are read again and the seller is told what really happened.
import type { AppContext } from '../app/context';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { ozonClientFor } from '../app/ozon';
import { tryDocumentLock } from '../adapters/lock';
import { spreadsheetOffset } from '../adapters/workbook';
import { AppError } from '../core/errors';
import { minorToNumber, numberToMinor, parseMinor } from '../core/finance/minor';
import { t, type MessageKey, type MessageParams } from '../core/i18n/messages';
import { cachedOffset, toSerial } from '../core/time/serial';
import type { OzonClient } from '../ozon/client';
import { actOrVerify } from '../ozon/outcome';
import type {
  DecideDiscountResult,
  DecideDiscountValue,
  DiscountRequestView,
  DiscountRequestsView,
} from '../shared/promotions-schema';
import { marginBook, type MarginBook, type ProductPrice } from './margin';
import { bySku, recordDecision, statusText } from './requests';

type Task = ReturnType<OzonClient['discountTasks']>['items'][number];
type L = (k: MessageKey, p?: MessageParams) => string;

const LOCK_WAIT_MS = 2_000;
const toMinor = (v: number | null | undefined) => (typeof v === 'number' ? numberToMinor(v) : null);
const money = (minor: number | null | undefined) =>
  minor === null || minor === undefined ? null : minorToNumber(minor);
const moscowMonth = (now: number) => new Date(now + 3 * 3_600_000).toISOString().slice(0, 7);
const iso = (s: string | null | undefined) =>
  s && Date.parse(s) > 0 ? new Date(Date.parse(s)).toISOString() : null;

function client(ctx: AppContext): OzonClient {
  return ozonClientFor(ctx.user, deadlineFrom(Date.now(), BUDGET.serviceAction));
}

function view(x: Task, p: ProductPrice | undefined, book: MarginBook, L: L): DiscountRequestView {
  const asked = toMinor(x.requested_price);
  const found =
    p && asked !== null
      ? book.at(p.offerId, p.listed, asked, p.currency)
      : { profit: null, basis: 'none' as const };
  const profit = found.profit?.profit ?? null;
  return {
    id: x.id,
    sku: String(x.sku),
    offerId: p?.offerId ?? '',
    name: x.name ?? '',
    currency: p?.currency ?? '',
    price: money(toMinor(x.original_price)),
    asked: money(asked),
    quantity: x.requested_quantity_max ?? null,
    endAt: iso(x.end_at),
    unitCost: money(found.profit?.cost),
    profit: money(profit),
    margin: found.profit?.margin ?? null,
    basis: L(`promotions.basis.${found.basis}` as MessageKey),
    needsConfirm: profit === null || profit < 0,
  };
}

/** The open requests, oldest deadline first, each with the margin at the price asked. */
export function discountRequestsView(ctx: AppContext): DiscountRequestsView {
  const L: L = (k, p) => t(ctx.lang, k, p);
  const ozon = client(ctx);
  const tasks = ozon.discountTasks('NEW').items.filter((x) => x.status === 'NEW' || !x.status);
  const products = bySku(
    ozon,
    tasks.map((x) => x.sku),
  );
  const book = marginBook(moscowMonth(Date.now()));
  const requests = tasks
    .map((x) => view(x, products.get(x.sku), book, L))
    .sort((a, b) => (a.endAt ?? '').localeCompare(b.endAt ?? ''));
  return {
    requests,
    message: requests.length ? L('discounts.count', { count: requests.length }) : L('discounts.none'),
  };
}

/** Approves or declines one request; refused here at a loss without confirmBelowCost. */
export function decideDiscountRequest(ctx: AppContext, input: DecideDiscountValue): DecideDiscountResult {
  const L: L = (k, p) => t(ctx.lang, k, p);
  // The lock first: a busy spreadsheet refuses before the decision reaches Ozon, never after.
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) throw new AppError('promotions.locked', 'promotions.locked');
  try {
    const ozon = client(ctx);
    const find = () => ozon.discountTasks('ALL').items.find((x) => x.id === input.taskId);
    const task = find();
    if (!task || task.status !== 'NEW')
      throw new AppError('discounts.gone', 'error.discounts.gone', {
        id: input.taskId,
        status: task ? statusText(task.status, L) : '—',
      });
    const id = task.id;
    let price = 0;
    let currency = '';
    if (input.decision === 'approve') {
      const typed = input.price ? parseMinor(input.price) : null;
      const at = typed ?? toMinor(task.requested_price);
      if (at === null || at <= 0) throw new AppError('discounts.price', 'error.discounts.price', {}, 'price');
      price = at;
      const p = bySku(ozon, [task.sku]).get(task.sku);
      currency = p?.currency ?? '';
      const profit = p
        ? marginBook(moscowMonth(Date.now())).at(p.offerId, p.listed, at, p.currency).profit
        : null;
      if (!input.confirmBelowCost) {
        if (!profit || profit.profit === null)
          throw new AppError('discounts.costUnknown', 'error.discounts.costUnknown', {}, 'confirmBelowCost');
        if (profit.profit < 0)
          throw new AppError(
            'discounts.belowCost',
            'error.discounts.belowCost',
            { price: minorToNumber(at).toFixed(2), loss: minorToNumber(-profit.profit).toFixed(2), currency },
            'confirmBelowCost',
          );
      }
    }
    const want = input.decision === 'approve' ? 'APPROVED' : 'DECLINED';
    const outcome = actOrVerify(
      () =>
        input.decision === 'approve'
          ? ozon.approveDiscountTasks([
              {
                id,
                approved_price: minorToNumber(price),
                approved_quantity_min: 1,
                approved_quantity_max: Math.max(1, task.requested_quantity_max ?? 1),
              },
            ]).failed
          : ozon.declineDiscountTasks([{ id }]).failed,
      () => {
        const now = find()?.status;
        return now === want ? 'done' : now === 'NEW' ? 'not_done' : 'unknown';
      },
      { object: L('ozon.outcome.discountRequest', { id }), check: L('ozon.check.discountRequest') },
    );
    const why = outcome.value?.get(id);
    if (why !== undefined)
      throw new AppError('discounts.rejected', 'error.discounts.rejected', { reason: why || '?' });
    const done =
      input.decision === 'approve'
        ? L('discounts.approved', { id, price: minorToNumber(price).toFixed(2), currency })
        : L('discounts.declined', { id });
    const message = outcome.unclear ? `${done} ${L('discounts.afterLoss')}` : done;
    try {
      const status = statusText(want, L);
      recordDecision(
        id,
        status,
        input.decision === 'approve' ? L('requests.result.approved') : L('requests.result.declined'),
        toSerial(Date.now(), cachedOffset(spreadsheetOffset())),
      );
    } catch {
      // Decided at Ozon; the tab catches up at the next Refresh promotions.
    }
    return { id, status: input.decision === 'approve' ? 'approved' : 'declined', message };
  } finally {
    lock.release();
  }
}
