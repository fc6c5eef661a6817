// Ozon's own stock of the seller's goods: clusters, stock by SKU × cluster and turnover. Requests go out
// side by side (fetchAll); turnover allows one request a minute per Client-Id, which the transport paces
// (DEFAULT_LIMITS), and which the caller plans around (one page a minute, the rest next time).
import type { OzonClient } from './client';
import { EP } from './endpoints';
import { parseAnswer } from './schemas/common';
import {
  analyticsStocksAnswer,
  clusterListAnswer,
  turnoverAnswer,
  type AnalyticsStockItem,
  type TurnoverItem,
} from './schemas/analytics-stock';
import type { z } from 'zod';

export const ANALYTICS_SKUS_PER_REQUEST = 100;
export const TURNOVER_PAGE = 1000;
/** Ozon: "no more than 1 request per minute per Client-Id" for /v1/analytics/turnover/stocks. */
export const TURNOVER_INTERVAL_MS = 60_000;

function many<S extends z.ZodType>(client: OzonClient, path: string, bodies: readonly unknown[], schema: S) {
  return client.transport
    .many(bodies.map((body) => ({ path, body })))
    .map((a) => parseAnswer(path, schema, a.json) as z.output<S>);
}

export interface OzonCluster {
  id: number;
  name: string;
  type: string;
  warehouseIds: number[];
}

/** Ozon's clusters in Russia and the CIS, with their warehouses. */
export function clusters(client: OzonClient): OzonCluster[] {
  const answers = many(
    client,
    EP.clusterList,
    [{ cluster_type: 'CLUSTER_TYPE_OZON' }, { cluster_type: 'CLUSTER_TYPE_CIS' }],
    clusterListAnswer,
  );
  return answers.flatMap((a) =>
    a.clusters.map((c) => ({
      id: c.id,
      name: c.name ?? String(c.id),
      type: c.type ?? '',
      warehouseIds: c.logistic_clusters.flatMap((l) => l.warehouses.map((w) => w.warehouse_id)),
    })),
  );
}

/** Stock by SKU × cluster for these SKUs (≤100 a request, all requests in one fetchAll). */
export function analyticsStocks(client: OzonClient, skus: readonly string[]): AnalyticsStockItem[] {
  const unique = [...new Set(skus.filter(Boolean))];
  const bodies: unknown[] = [];
  for (let k = 0; k < unique.length; k += ANALYTICS_SKUS_PER_REQUEST)
    bodies.push({ skus: unique.slice(k, k + ANALYTICS_SKUS_PER_REQUEST) });
  return bodies.length
    ? many(client, EP.analyticsStocks, bodies, analyticsStocksAnswer).flatMap((a) => a.items)
    : [];
}

/** One page of turnover by offset; `next` is null after the last page. */
export function turnoverPage(
  client: OzonClient,
  offset: number,
  limit = TURNOVER_PAGE,
): { items: TurnoverItem[]; next: number | null } {
  const [a] = many(client, EP.turnover, [{ limit, offset }], turnoverAnswer);
  return { items: a.items, next: a.items.length < limit ? null : offset + a.items.length };
}
