// The simulated shop's money: the accruals Ozon books for each posting, derived from the posting
// itself (so they always agree with what the posting lists say) and visible once their time has come.
// - delivered: the sale per line, commission at the product's category rate, logistics by volume and
//   distance (cluster to cluster), last mile, acquiring %, for FBO lines the storage of their units at
//   Ozon's warehouse (volume × days stored), and for some postings a promotion charge;
// - returned (client returns): the sale and the commission reversed, return logistics charged;
// - not picked up (cancelled after shipping): the reverse trip and its processing charged;
// - corrections: some logistics charges are re-priced days later (a new, signed accrual), and any
//   booked later in `state.accrualCorrections` (on old, settled postings too);
// - now and then a type the dictionary does not list yet (Ozon adds types before documenting them).
// Amounts are integer minor units; the wire gives them as strings ("-316", "1290.50").
import type { Posting, ShopState } from './model';
import { mix } from './random';

export interface AccrualTypeDef {
  id: number;
  name: string;
  description: string;
  /** The fee group a seller reads it under (the simulator's ground truth). */
  group: string;
}

export const ACCRUAL_TYPES: readonly AccrualTypeDef[] = [
  { id: 100, name: 'Выручка от продажи товара', description: 'Sale of goods to the buyer', group: 'sale' },
  { id: 101, name: 'Возврат выручки', description: 'Sale reversed after a return', group: 'sale' },
  {
    id: 110,
    name: 'Вознаграждение за продажу',
    description: 'Sales commission by category',
    group: 'commission',
  },
  {
    id: 111,
    name: 'Возврат вознаграждения',
    description: 'Commission refunded on a return',
    group: 'commission',
  },
  {
    id: 120,
    name: 'Логистика',
    description: 'Delivery from the seller cluster to the buyer cluster',
    group: 'logistics',
  },
  {
    id: 121,
    name: 'Корректировка стоимости логистики',
    description: 'Logistics re-priced after weighing',
    group: 'logistics',
  },
  { id: 130, name: 'Последняя миля', description: 'Last mile delivery to the buyer', group: 'last_mile' },
  { id: 140, name: 'Оплата эквайринга', description: 'Acquiring: payment processing', group: 'acquiring' },
  { id: 150, name: 'Обратная логистика', description: 'Return shipment to the seller', group: 'returns' },
  {
    id: 151,
    name: 'Обработка невыкупа',
    description: 'Processing of an order the buyer did not pick up',
    group: 'returns',
  },
  {
    id: 160,
    name: 'Размещение товаров на складах Ozon',
    description: 'Storage at Ozon warehouses',
    group: 'storage',
  },
  { id: 170, name: 'Оплата за заказ (продвижение)', description: 'Promotion: pay per order', group: 'ads' },
  { id: 180, name: 'Подписка Premium', description: 'Seller subscription', group: 'services' },
  {
    id: 190,
    name: 'Штраф за нарушение сроков отгрузки',
    description: 'Late shipping fine',
    group: 'services',
  },
];

/** A type Ozon books before its dictionary lists it: the add-on keeps it raw, under "other". */
export const UNLISTED_TYPE = { id: 999, group: 'other' };

export interface SimAccrual {
  /** Stable order key: (posting seq, index within the posting). */
  key: number;
  postingNumber: string;
  typeId: number;
  group: string;
  /** Moscow date of the accrual, YYYY-MM-DD. */
  date: string;
  /** When it becomes visible (epoch ms). */
  at: number;
  minor: number;
  currency: string;
  sku: number;
  quantity: number;
  scheme: string;
}

const MSK_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

export function mskDate(at: number): string {
  return new Date(at + MSK_MS).toISOString().slice(0, 10);
}

/** Integer part of a percentage of minor units, half away from zero. */
function pct(minor: number, percentTimes100: number): number {
  const v = (minor * percentTimes100) / 10_000;
  return Math.sign(v) * Math.round(Math.abs(v));
}

/** Logistics of one line: a base fare plus a rate per litre, dearer between clusters. */
function logistics(state: ShopState, p: Posting, sku: number, quantity: number): number {
  const product = state.productsBySku.get(sku);
  const litres = Math.max(0.2, (product?.weightKg ?? 1) * 2.5);
  const far = p.clusterFrom && p.clusterTo && !p.clusterTo.startsWith(p.clusterFrom.split(',')[0]);
  const perUnit = Math.round((4_600 + litres * 1_150) * (far ? 1.45 : 1));
  return perUnit * quantity;
}

/** Days an FBO line's units lay at Ozon's warehouse before the order (3–62, seeded by the posting). */
export function storedDays(p: Posting, sku: number): number {
  return 3 + (mix(p.seq, sku % 100_000) % 60);
}

/** Placement at Ozon's warehouses: 0.45 RUB (or the posting's currency unit) per litre and day. */
function storage(state: ShopState, p: Posting, sku: number, quantity: number): number {
  const product = state.productsBySku.get(sku);
  const litres = Math.max(0.2, (product?.weightKg ?? 1) * 2.5);
  return Math.round(litres * storedDays(p, sku) * 45) * quantity;
}

export function accrualsOf(
  state: ShopState,
  p: Posting,
  returnsByPosting: Map<string, ShopState['returns']>,
  corrections: readonly ShopState['accrualCorrections'][number][] = [],
) {
  const out: SimAccrual[] = [];
  const seq = p.seq;
  let i = 0;
  const add = (typeId: number, group: string, at: number, minor: number, sku = 0, quantity = 0) => {
    if (minor === 0) return;
    out.push({
      key: seq * 64 + i++,
      postingNumber: p.postingNumber,
      typeId,
      group,
      date: mskDate(at),
      at,
      minor,
      currency: p.currency,
      sku,
      quantity,
      scheme: p.scheme,
    });
  };
  const h = mix(seq, 7331);
  const afterShip = p.status === 'cancelled' && p.cancellation?.afterShip;
  if (p.status === 'delivered' && p.deliveredAt !== null) {
    const at = p.deliveredAt;
    let value = 0;
    for (const line of p.lines) {
      const sale = Math.round(line.price * 100) * line.quantity;
      value += sale;
      add(100, 'sale', at, sale, line.sku, line.quantity);
      add(110, 'commission', at, -pct(sale, line.commissionPercent * 100), line.sku, line.quantity);
      add(120, 'logistics', at, -logistics(state, p, line.sku, line.quantity), line.sku, line.quantity);
    }
    if (p.scheme !== 'rfbs') add(130, 'last_mile', at, -Math.min(50_000, pct(value, 550)));
    // FBO goods lay at Ozon's warehouse until ordered: the placement of each line's units is booked
    // with the sale, by volume and the days they were stored.
    if (p.scheme === 'fbo')
      for (const line of p.lines)
        add(160, 'storage', at, -storage(state, p, line.sku, line.quantity), line.sku, line.quantity);
    add(140, 'acquiring', at, -pct(value, 150));
    if (h % 11 === 0) add(170, 'ads', at + 60_000, -pct(value, 300));
    if (h % 53 === 0) add(190, 'services', at + DAY_MS, -10_000);
    if (h % 97 === 0) add(UNLISTED_TYPE.id, UNLISTED_TYPE.group, at + 2 * DAY_MS, -(1_000 + (h % 5_000)));
    // A logistics correction, days later (the charge re-priced after weighing): either sign.
    if (h % 7 === 0) {
      const line = p.lines[0];
      const delta = ((h >>> 8) % 2 ? 1 : -1) * (500 + ((h >>> 4) % 3_000));
      add(121, 'logistics', at + (3 + (h % 10)) * DAY_MS, delta, line.sku, 0);
    }
    for (const r of returnsByPosting.get(p.postingNumber) ?? []) {
      if (r.type !== 'ClientReturn') continue;
      const line = p.lines.find((l) => l.sku === r.sku);
      if (!line) continue;
      const qty = Math.min(r.quantity, line.quantity);
      const sale = Math.round(line.price * 100) * qty;
      add(101, 'sale', r.createdAt, -sale, r.sku, qty);
      add(111, 'commission', r.createdAt, pct(sale, line.commissionPercent * 100), r.sku, qty);
      add(150, 'returns', r.createdAt, -logistics(state, p, r.sku, qty), r.sku, qty);
    }
  } else if (afterShip) {
    const at = p.lastChangedStatusDate;
    for (const line of p.lines)
      add(150, 'returns', at, -logistics(state, p, line.sku, line.quantity), line.sku, line.quantity);
    add(151, 'returns', at, -(2_500 + (h % 2_000)));
  }
  for (const c of corrections) {
    // A re-priced charge moves money, not units.
    const type = ACCRUAL_TYPES.find((t) => t.id === c.typeId);
    add(c.typeId, type?.group ?? UNLISTED_TYPE.group, c.at, c.minor, c.sku, 0);
  }
  return out;
}

export interface FinanceBook {
  /** Every accrual visible now, in key order. */
  all: SimAccrual[];
  byPosting: Map<string, SimAccrual[]>;
  byDate: Map<string, SimAccrual[]>;
}

/** The accruals visible at `now`, rebuilt when the shop changed (cached per state and minute). */
export class FinanceModel {
  private cached: { stamp: string; book: FinanceBook } | null = null;

  constructor(private readonly state: ShopState) {}

  book(now: number): FinanceBook {
    const stamp = `${Math.floor(now / 60_000)}:${this.state.postings.size}:${this.state.returns.length}:${this.state.accrualCorrections.length}:${this.changes()}`;
    if (this.cached && this.cached.stamp === stamp) return this.cached.book;
    const returns = new Map<string, ShopState['returns']>();
    for (const r of this.state.returns) {
      const list = returns.get(r.postingNumber);
      if (list) list.push(r);
      else returns.set(r.postingNumber, [r]);
    }
    const corrections = new Map<string, ShopState['accrualCorrections']>();
    for (const c of this.state.accrualCorrections) {
      const list = corrections.get(c.postingNumber);
      if (list) list.push(c);
      else corrections.set(c.postingNumber, [c]);
    }
    const all: SimAccrual[] = [];
    for (const p of this.state.postings.values())
      for (const a of accrualsOf(this.state, p, returns, corrections.get(p.postingNumber)))
        if (a.at <= now) all.push(a);
    all.sort((a, b) => a.key - b.key);
    const byPosting = new Map<string, SimAccrual[]>();
    const byDate = new Map<string, SimAccrual[]>();
    for (const a of all) {
      (byPosting.get(a.postingNumber) ?? byPosting.set(a.postingNumber, []).get(a.postingNumber)!).push(a);
      (byDate.get(a.date) ?? byDate.set(a.date, []).get(a.date)!).push(a);
    }
    const book = { all, byPosting, byDate };
    this.cached = { stamp, book };
    return book;
  }

  /** A cheap fingerprint of status changes (the latest change time across postings). */
  private changes(): number {
    let latest = 0;
    for (const p of this.state.postings.values())
      if (p.lastChangedStatusDate > latest) latest = p.lastChangedStatusDate;
    return latest;
  }
}

/** "-316" for whole amounts, "1290.50" otherwise: the strings Ozon's beta methods send. */
export function amountText(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return frac ? `${sign}${whole}.${String(frac).padStart(2, '0')}` : `${sign}${whole}`;
}

export { DAY_MS, MSK_MS };
