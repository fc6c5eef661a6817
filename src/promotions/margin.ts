// Profit of one unit of an offer at a price, for the promotion and price decisions: Ozon's fees as
// the seller's own sales show them (Order lines, filled by the finance run), else Ozon's listed
// rates for the product; the cost from the Costs tab at this month's exchange rate.
import { readTabs } from '../adapters/workbook';
import {
  offerProfitAt,
  type FeeRates,
  type OfferCost,
  type OfferProfit,
  type RateTable,
} from '../core/finance/profit';
import { costsSpec, linesProfitSpec, ratesSpec, readCosts, readRates } from '../core/finance/tables';
import { numberToMinor } from '../core/finance/minor';
import { listedRates } from '../core/promotions/plan';
import { soldRates } from '../core/promotions/rates';
import { prepareTab } from '../core/table/snapshot';
import type { OzonClient } from '../ozon/client';

export interface ProductPrice {
  productId: number;
  offerId: string;
  currency: string;
  /** Current price, minor units. */
  price: number | null;
  minPrice: number | null;
  listed: FeeRates | null;
}

export type FeeBasis = 'sales' | 'listed' | 'none';

export interface MarginBook {
  at(
    offerId: string,
    listed: FeeRates | null,
    price: number,
    currency: string,
  ): { profit: OfferProfit | null; basis: FeeBasis };
}

const PRICES_PER_CALL = 1000;

/** Current prices and Ozon's listed fee rates of the given products, by product id. */
export function productPrices(client: OzonClient, productIds: readonly number[]): Map<number, ProductPrice> {
  const out = new Map<number, ProductPrice>();
  const ids = [...new Set(productIds)];
  for (let k = 0; k < ids.length; k += PRICES_PER_CALL) {
    const page = client.pricesPage({ product_id: ids.slice(k, k + PRICES_PER_CALL).map(String) });
    for (const item of page.items) {
      const toMinor = (v: number | null | undefined) => (typeof v === 'number' ? numberToMinor(v) : null);
      out.set(item.product_id, {
        productId: item.product_id,
        offerId: item.offer_id,
        currency: item.price?.currency_code || 'RUB',
        price: toMinor(item.price?.price),
        minPrice: toMinor(item.price?.min_price),
        listed: listedRates(item, (item as { commissions?: unknown }).commissions),
      });
    }
  }
  return out;
}

/** Reads Costs, Exchange rates and Order lines once. */
export function marginBook(month: string): MarginBook {
  const tabs = readTabs([costsSpec, ratesSpec, linesProfitSpec]);
  const rows = (spec: { tab: string }) => {
    const snap = tabs.get(spec.tab);
    if (!snap || !snap.exists) return { rows: [] as unknown[][], col: new Map<string, number>() };
    return { rows: snap.values.slice(1), col: prepareTab(snap).positions };
  };
  const c = rows(costsSpec);
  const r = rows(ratesSpec);
  const l = rows(linesProfitSpec);
  const costs: Map<string, OfferCost> = readCosts(c.rows, c.col).costs;
  const table: RateTable = readRates(r.rows, r.col).rates;
  const sold = soldRates(l.rows, l.col);
  return {
    at(offerId, listed, price, currency) {
      // Sales in another currency (a KZT storefront) say nothing about fees on this price.
      const seen = sold.get(offerId);
      const own = seen && seen.currency === currency ? seen : undefined;
      const rates = own ?? listed;
      if (!rates) return { profit: null, basis: 'none' };
      return {
        profit: offerProfitAt(price, rates, costs.get(offerId), month, table),
        basis: own ? 'sales' : 'listed',
      };
    },
  };
}
