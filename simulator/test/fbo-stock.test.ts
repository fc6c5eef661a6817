// Ozon's stock of the shop: clusters, stock by SKU × cluster with sales velocity, turnover (1 a minute),
// supply requests and their contents — every answer checked against the spec by the support helper.
import { api } from './support';

describe('Ozon stock and supply requests', () => {
  const a = api({ seed: 3, postings: 50, products: 40, clusters: 6 });
  const fbo = a.sim.state.products.filter((p) => a.sim.fboStock.cellsOf(p.sku).length);

  it('lists clusters with their warehouses', () => {
    const r = a.call('/v1/cluster/list', { cluster_type: 'CLUSTER_TYPE_OZON' });
    expect(r.json.clusters.length).toBe(6);
    expect(r.json.clusters[0].logistic_clusters[0].warehouses[0].warehouse_id).toEqual(expect.any(Number));
    expect(
      a.call('/v1/cluster/list', { cluster_type: 'CLUSTER_TYPE_OZON', cluster_ids: ['4007'] }).json.clusters,
    ).toHaveLength(1);
  });

  it('reports every SKU × cluster cell with the ground truth, transit from the open supplies', () => {
    expect(fbo.length).toBeGreaterThan(10);
    const skus = fbo.slice(0, 100).map((p) => String(p.sku));
    const items = a.call('/v1/analytics/stocks', { skus }).json.items;
    const cells = fbo.slice(0, 100).flatMap((p) => a.sim.fboStock.cellsOf(p.sku));
    expect(items).toHaveLength(cells.length);
    for (const c of cells) {
      const item = items.find(
        (i: { sku: number; cluster_id: number }) => i.sku === c.sku && i.cluster_id === c.clusterId,
      );
      const incoming = a.sim.fboStock.incoming(c.sku, c.clusterId);
      expect(item).toMatchObject({
        available_stock_count: c.available,
        ads_cluster: c.adsCluster,
        transit_stock_count: incoming.transit,
        requested_stock_count: incoming.requested,
        excess_stock_count: c.excess,
      });
    }
    const moving = items.filter(
      (i: { transit_stock_count: number; requested_stock_count: number }) =>
        i.transit_stock_count + i.requested_stock_count > 0,
    );
    expect(moving.length).toBeGreaterThan(0);
    expect(
      a.raw(
        '/v1/analytics/stocks',
        JSON.stringify({ skus: Array.from({ length: 101 }, (_, k) => String(k)) }),
      ).status,
    ).toBe(400);
  });

  it('answers turnover once a minute', () => {
    const first = a.call('/v1/analytics/turnover/stocks', { limit: 1000, offset: 0 });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(fbo.length);
    expect(a.call('/v1/analytics/turnover/stocks', { limit: 10 }).status).toBe(429);
  });

  it('lists supply requests by state, with their supplies and contents', () => {
    const states = [
      'DATA_FILLING',
      'READY_TO_SUPPLY',
      'ACCEPTED_AT_SUPPLY_WAREHOUSE',
      'IN_TRANSIT',
      'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
      'COMPLETED',
      'CANCELLED',
    ];
    const ids: string[] = [];
    let lastId = '';
    for (let guard = 0; guard < 100; guard++) {
      const r = a.call('/v3/supply-order/list', {
        filter: { states },
        limit: 4,
        sort_by: 'ORDER_CREATION',
        ...(lastId ? { last_id: lastId } : {}),
      });
      ids.push(...r.json.order_ids);
      lastId = r.json.last_id;
      if (!lastId) break;
    }
    expect(ids).toHaveLength(a.sim.fboStock.orders.length);
    const orders = a.call('/v3/supply-order/get', { order_ids: ids.slice(0, 50) }).json.orders;
    expect(orders).toHaveLength(Math.min(50, ids.length));
    const bundleId = orders[0].supplies[0].bundle_id;
    const contents = a.call('/v1/supply-order/bundle', { bundle_ids: [bundleId], limit: 100 }).json;
    expect(contents.items.map((i: { sku: number; quantity: number }) => [i.sku, i.quantity])).toEqual(
      a.sim.fboStock.bundles.get(bundleId)!.map((i) => [i.sku, i.quantity]),
    );
  });
});
