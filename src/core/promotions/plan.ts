// What "Apply promotion choices" does with each marked row, decided against what Ozon says now:
// join, leave, or nothing (already so, or refused here with the reason). Pure: the use-case reads
// Ozon and the sheet, this decides, Ozon's answer is then reported per row.
import type { FeeRates, OfferProfit } from '../finance/profit';
import { numberToMinor } from '../finance/minor';

export type Choice = 'join' | 'leave';

const JOIN = new Set(['join', 'участвовать', 'вступить', 'добавить', '参加', '加入', 'yes', 'да', '是']);
const LEAVE = new Set(['leave', 'выйти', 'убрать', '退出', '移除', 'no', 'нет', '否']);
const YES = new Set([
  'true',
  'yes',
  'y',
  'x',
  '✓',
  '✔',
  'да',
  'д',
  '是',
  '确认',
  'ok',
  'confirm',
  'подтверждаю',
]);

const text = (cell: unknown) =>
  cell === null || cell === undefined ? '' : String(cell).trim().toLowerCase();

/** The seller's Join / Leave cell in any of the three languages; null when blank or unknown. */
export function readChoice(cell: unknown): Choice | null | 'unknown' {
  const v = text(cell);
  if (!v) return null;
  if (JOIN.has(v)) return 'join';
  if (LEAVE.has(v)) return 'leave';
  return 'unknown';
}

/** The "Confirm below cost" cell: a ticked checkbox or a yes in any of the three languages. */
export function isConfirmed(cell: unknown): boolean {
  return cell === true || YES.has(text(cell));
}

/** A product as Ozon reports it in an action or among its candidates; money in minor units. */
export interface ActionItem {
  productId: number;
  price: number | null;
  actionPrice: number | null;
  maxActionPrice: number | null;
  minStock: number;
  stock: number;
}

export function actionItem(p: {
  id: number;
  price?: number | null;
  action_price?: number | null;
  max_action_price?: number | null;
  min_stock?: number;
  stock?: number;
}): ActionItem {
  const m = (v: number | null | undefined) => (typeof v === 'number' ? numberToMinor(v) : null);
  return {
    productId: p.id,
    price: m(p.price),
    actionPrice: m(p.action_price),
    maxActionPrice: m(p.max_action_price),
    minStock: Math.max(0, Math.ceil(p.min_stock ?? 0)),
    stock: Math.max(0, Math.floor(p.stock ?? 0)),
  };
}

export interface Marked {
  key: string;
  productId: number;
  choice: Choice;
  /** The seller's join price (minor units), when typed; else the maximum action price. */
  joinPrice: number | null;
  confirmed: boolean;
}

export type Skip = 'already' | 'notIn' | 'notCandidate' | 'belowCost' | 'costUnknown' | 'badPrice';

export type Verdict =
  | { kind: 'join'; price: number; stock?: number; profit: OfferProfit | null }
  | { kind: 'leave' }
  | { kind: 'skip'; reason: Skip; profit?: OfferProfit | null };

/**
 * Decides one marked row. Joining is refused without the row's confirmation when the profit at the
 * price is negative or cannot be known (no cost on the Costs tab); a row already as marked is left.
 */
export function decide(
  m: Marked,
  now: { inAction?: ActionItem; candidate?: ActionItem; stockAction: boolean },
  profitAt: (price: number) => OfferProfit | null,
): Verdict {
  const { inAction, candidate } = now;
  if (m.choice === 'leave') return inAction ? { kind: 'leave' } : { kind: 'skip', reason: 'notIn' };
  const known = inAction ?? candidate;
  if (!known) return { kind: 'skip', reason: 'notCandidate' };
  const price = m.joinPrice ?? known.maxActionPrice;
  if (price === null || price <= 0) return { kind: 'skip', reason: 'badPrice' };
  if (inAction && inAction.actionPrice === price) return { kind: 'skip', reason: 'already' };
  const profit = profitAt(price);
  if (!m.confirmed) {
    if (!profit || profit.profit === null) return { kind: 'skip', reason: 'costUnknown', profit };
    if (profit.profit < 0) return { kind: 'skip', reason: 'belowCost', profit };
  }
  const stock = now.stockAction ? Math.max(known.minStock, known.stock) : undefined;
  return { kind: 'join', price, ...(stock !== undefined ? { stock } : {}), profit };
}

/**
 * Ozon's own fee rates for an offer not sold yet, from /v5/product/info/prices: the FBS sales
 * commission and acquiring as shares of the price, the FBS logistics and last mile per unit.
 */
export function listedRates(
  item: { price?: { price?: number | null; currency_code?: string | null } | null; acquiring?: number },
  commissions: unknown,
): FeeRates | null {
  const price = item.price?.price;
  const c = (commissions ?? {}) as Record<string, unknown>;
  const n = (k: string) => (typeof c[k] === 'number' && Number.isFinite(c[k]) ? (c[k] as number) : null);
  const percent = n('sales_percent_fbs');
  if (!price || price <= 0 || percent === null) return null;
  const rates: FeeRates = { shareBp: {}, perUnit: {}, currency: item.price?.currency_code || 'RUB' };
  rates.shareBp.commission = -Math.round(percent * 100);
  if (item.acquiring && item.acquiring > 0)
    rates.shareBp.acquiring = -Math.round((item.acquiring / price) * 10_000);
  const logistics = n('fbs_direct_flow_trans_max_amount');
  const lastMile = n('fbs_deliv_to_customer_amount');
  if (logistics) rates.perUnit.logistics = -(numberToMinor(logistics) ?? 0);
  if (lastMile) rates.perUnit.last_mile = -(numberToMinor(lastMile) ?? 0);
  return rates;
}
