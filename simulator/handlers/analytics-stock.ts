// Ozon's stock of the shop: /v1/cluster/list, /v1/analytics/stocks (SKU × cluster, with sales velocity)
// and /v1/analytics/turnover/stocks (per SKU; 1 request a minute per Client-Id, as the spec says).
import { badRequest, ApiError } from '../errors';
import type { ClusterStock } from '../fbo-stock';
import type { Product } from '../model';
import type { Shop } from '../shop';
import type { Ctx, Handler } from './common';

export const TURNOVER_INTERVAL_MS = 60_000;

const round2 = (n: number) => Math.round(n * 100) / 100;

function idsOf(list: unknown, field: string, max = Infinity): number[] | null {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) throw badRequest(`${field}: expected a list`);
  if (list.length > max) throw badRequest(`${field}: value must contain at most ${max} item(s)`);
  return list.map((v) => Number(v));
}

/** The grade Ozon gives a cluster's stock from its days of cover and sales. */
export function turnoverGrade(c: Pick<ClusterStock, 'available' | 'adsCluster'>): string {
  if (c.adsCluster <= 0) return c.available > 0 ? 'NO_SALES' : 'TURNOVER_GRADE_NONE';
  const idc = c.available / c.adsCluster;
  if (idc < 7) return 'DEFICIT';
  if (idc < 28) return 'POPULAR';
  if (idc < 120) return 'ACTUAL';
  return 'SURPLUS';
}

/** Days of cover as Ozon reports them (0 without sales). */
export const idcOf = (available: number, ads: number) => (ads > 0 ? round2(available / ads) : 0);

function productAds(shop: Shop, sku: number): number {
  return round2(shop.fboStock.cellsOf(sku).reduce((n, c) => n + c.adsCluster, 0));
}

const clusterList: Handler = ({ shop, body }: Ctx) => {
  const type = body.cluster_type;
  if (type !== 'CLUSTER_TYPE_OZON' && type !== 'CLUSTER_TYPE_CIS')
    throw badRequest('cluster_type: value must be one of CLUSTER_TYPE_OZON, CLUSTER_TYPE_CIS');
  const ids = idsOf(body.cluster_ids, 'cluster_ids');
  return {
    clusters: shop.fboStock.clusters
      .filter((c) => c.type === type && (!ids || ids.includes(c.id)))
      .map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        logistic_clusters: [
          {
            warehouses: c.warehouses.map((w) => ({
              name: w.name,
              type: 'FULL_FILLMENT',
              warehouse_id: w.id,
            })),
          },
        ],
      })),
  };
};

const analyticsStocks: Handler = ({ shop, body }: Ctx) => {
  const skus = idsOf(body.skus, 'skus', 100);
  if (!skus || !skus.length) throw badRequest('skus: value must contain at least 1 item(s)');
  if (body.cluster_ids && body.macrolocal_cluster_ids)
    throw badRequest('use only one of cluster_ids and macrolocal_cluster_ids');
  const clusters = idsOf(body.cluster_ids ?? body.macrolocal_cluster_ids, 'cluster_ids');
  const grades = Array.isArray(body.turnover_grades) ? new Set<string>(body.turnover_grades) : null;
  const names = new Map(shop.fboStock.clusters.map((c) => [c.id, c]));
  const items = [];
  for (const sku of skus) {
    const product: Product | undefined = shop.state.productsBySku.get(sku);
    if (!product) continue;
    const cells = shop.fboStock.cellsOf(sku);
    const ads = round2(cells.reduce((n, c) => n + c.adsCluster, 0));
    const total = cells.reduce((n, c) => n + c.available, 0);
    const overall = turnoverGrade({ available: total, adsCluster: ads });
    const withoutSales = ads > 0 ? 0 : Math.min(...cells.map((c) => c.daysWithoutSales));
    for (const c of cells) {
      if (clusters && !clusters.includes(c.clusterId)) continue;
      const grade = turnoverGrade(c);
      if (grades && !grades.has(grade)) continue;
      const cluster = names.get(c.clusterId)!;
      const incoming = shop.fboStock.incoming(sku, c.clusterId);
      items.push({
        ads,
        ads_cluster: c.adsCluster,
        available_stock_count: c.available,
        cluster_id: c.clusterId,
        cluster_name: cluster.name,
        days_without_sales: withoutSales,
        days_without_sales_cluster: c.daysWithoutSales,
        excess_stock_count: c.excess,
        expiring_stock_count: c.expiring,
        idc: idcOf(c.available, c.adsCluster),
        item_tags: [],
        macrolocal_cluster_id: c.clusterId,
        name: product.name,
        offer_id: product.offerId,
        other_stock_count: 0,
        requested_stock_count: incoming.requested,
        return_from_customer_stock_count: 0,
        return_to_seller_stock_count: 0,
        sku,
        stock_defect_stock_count: c.defect,
        transit_defect_stock_count: 0,
        transit_stock_count: incoming.transit,
        turnover_grade: overall,
        turnover_grade_cluster: grade,
        valid_stock_count: 0,
        waiting_docs_stock_count: 0,
        warehouse_id: cluster.warehouses[0].id,
        warehouse_name: cluster.warehouses[0].name,
      });
    }
  }
  return { items };
};

function idcGrade(idc: number, ads: number, stock: number): string {
  if (ads <= 0) return stock > 0 ? 'GRADES_NOSALES' : 'GRADES_NONE';
  if (idc < 7) return 'GRADES_CRITICAL';
  if (idc < 28) return 'GRADES_RED';
  if (idc < 60) return 'GRADES_YELLOW';
  return 'GRADES_GREEN';
}

const turnover: Handler = ({ shop, body, now }: Ctx) => {
  if (now - shop.fboStock.turnoverCalledAt < TURNOVER_INTERVAL_MS)
    throw new ApiError(429, 8, 'You have reached request rate limit per minute');
  shop.fboStock.turnoverCalledAt = now;
  const skus = idsOf(body.sku, 'sku', 1000);
  const fbo = shop.state.products.filter((p) => shop.fboStock.cellsOf(p.sku).length);
  let list: Product[];
  if (skus) list = fbo.filter((p) => skus.includes(p.sku));
  else {
    const limit = body.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw badRequest('limit: value must be inside range [1, 1000]');
    const offset = Number(body.offset ?? 0);
    list = fbo.slice(offset, offset + limit);
  }
  return {
    items: list.map((p) => {
      const cells = shop.fboStock.cellsOf(p.sku);
      const stock = cells.reduce((n, c) => n + c.available, 0);
      const ads = productAds(shop, p.sku);
      const idc = idcOf(stock, ads);
      // The Russian edition of the spec also names sku, offer_id, name, turnover and turnover_grade.
      return {
        ads,
        current_stock: stock,
        idc,
        idc_grade: idcGrade(idc, ads, stock),
        name: p.name,
        offer_id: p.offerId,
        sku: p.sku,
        turnover: idc,
        turnover_grade: turnoverGrade({ available: stock, adsCluster: ads }),
      };
    }),
  };
};

export const analyticsStockHandlers: Record<string, Handler> = {
  '/v1/cluster/list': clusterList,
  '/v1/analytics/stocks': analyticsStocks,
  '/v1/analytics/turnover/stocks': turnover,
};
