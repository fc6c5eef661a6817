// The Customers table: one row per rFBS buyer (Ozon's customer id) and currency. Phones, names
// and addresses never reach it. A shop with no identifiable buyers (FBS/FBO only) gets the same
// table keyed by region / city / cluster instead; the key type column says which.
import { serialDay } from './calendar';
import { money, type SaleLine } from './sales';
import { earns } from './status';
import { t, type Lang } from '../i18n/messages';

export type CustomerKeyType = 'buyer' | 'region';

export interface CustomerRow {
  keyType: CustomerKeyType;
  key: string;
  region: string;
  currency: string;
  firstOrder: number | null;
  lastOrder: number | null;
  orders: number;
  units: number;
  /** kopecks */
  revenue: number;
  payout: number;
  averageOrder: number | null;
  daysSinceLast: number | null;
  repeat: boolean;
}

interface Acc {
  row: CustomerRow;
  orders: Set<string>;
  lastAt: number;
}

export function customerKeyType(lines: readonly SaleLine[]): CustomerKeyType {
  return lines.some((l) => l.info.schema === 'rFBS' && l.info.buyerId) ? 'buyer' : 'region';
}

/**
 * Orders, units, revenue and payout count only lines that earn (not cancelled or returned);
 * first and last order dates span every order the customer placed.
 */
export function buildCustomers(lines: readonly SaleLine[], today: number): CustomerRow[] {
  const keyType = customerKeyType(lines);
  const byKey = new Map<string, Acc>();
  for (const line of lines) {
    const { info } = line;
    const key = keyType === 'buyer' ? (info.schema === 'rFBS' ? info.buyerId : '') : info.region || '—';
    if (!key) continue;
    const id = `${key}\u0000${line.currency}`;
    let acc = byKey.get(id);
    if (!acc) {
      acc = {
        row: {
          keyType,
          key,
          region: info.region,
          currency: line.currency,
          firstOrder: null,
          lastOrder: null,
          orders: 0,
          units: 0,
          revenue: 0,
          payout: 0,
          averageOrder: null,
          daysSinceLast: null,
          repeat: false,
        },
        orders: new Set(),
        lastAt: -Infinity,
      };
      byKey.set(id, acc);
    }
    const { row } = acc;
    if (info.orderedAt !== null) {
      const day = serialDay(info.orderedAt);
      row.firstOrder = row.firstOrder === null ? day : Math.min(row.firstOrder, day);
      row.lastOrder = row.lastOrder === null ? day : Math.max(row.lastOrder, day);
      if (keyType === 'buyer' && info.orderedAt > acc.lastAt && info.region) {
        acc.lastAt = info.orderedAt;
        row.region = info.region;
      }
    }
    if (earns(info.group)) {
      acc.orders.add(info.order || info.posting);
      row.units += line.quantity;
      row.revenue += line.revenue;
      row.payout += line.payout ?? 0;
    }
  }
  const rows = [...byKey.values()].map(({ row, orders }) => {
    row.orders = orders.size;
    row.averageOrder = orders.size ? Math.round(row.revenue / orders.size) : null;
    row.daysSinceLast = row.lastOrder === null ? null : Math.max(0, today - row.lastOrder);
    row.repeat = orders.size > 1;
    return row;
  });
  return rows.sort((a, b) => b.revenue - a.revenue || a.key.localeCompare(b.key));
}

/** A Customers row in the seller's language: the key type and the repeat flag in words, not codes. */
export function customersRow(
  row: CustomerRow,
  lang: Lang = 'en',
): Record<string, string | number | boolean | null> {
  return {
    key_type: t(lang, row.keyType === 'buyer' ? 'report.keyType.buyer' : 'report.keyType.region'),
    customer_key: row.key,
    region: row.region,
    currency: row.currency,
    first_order: row.firstOrder,
    last_order: row.lastOrder,
    orders: row.orders,
    units: row.units,
    revenue: money(row.revenue),
    payout: money(row.payout),
    average_order: money(row.averageOrder),
    days_since_last: row.daysSinceLast,
    repeat: t(lang, row.repeat ? 'report.repeat.yes' : 'report.repeat.no'),
  };
}
