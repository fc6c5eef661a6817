// What Ozon holds of the seller's goods, as rows: stock by SKU × cluster, what is on its way in supply
// requests, days of cover, and how much to send to reach the seller's target cover. Pure: the use-case
// (src/ozon-stock) reads Ozon and the tabs and hands the answers in.

export interface ClusterInfo {
  id: number;
  name: string;
  warehouseIds: number[];
}

export interface StockCell {
  sku: string;
  offerId: string;
  name: string;
  clusterId: number;
  clusterName: string;
  available: number;
  transit: number;
  requested: number;
  excess: number;
  expiring: number;
  defective: number;
  /** Average daily units sold in the cluster (last 28 days). */
  adsCluster: number;
  daysWithoutSales: number;
  grade: string;
}

export interface SupplyRequest {
  orderId: string;
  orderNumber: string;
  state: string;
  createdAt: string | null;
  stateUpdatedAt: string | null;
  timeslotFrom: string | null;
  supplies: {
    clusterId: number | null;
    warehouseId: number | null;
    warehouseName: string;
    items: { sku: string; quantity: number }[];
  }[];
}

/** Supply states whose units are still on their way to Ozon (neither arrived nor called off). */
export const REQUESTED_STATES = new Set(['DATA_FILLING', 'READY_TO_SUPPLY']);
export const TRANSIT_STATES = new Set([
  'ACCEPTED_AT_SUPPLY_WAREHOUSE',
  'IN_TRANSIT',
  'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
]);
export const isOpenSupply = (state: string) => REQUESTED_STATES.has(state) || TRANSIT_STATES.has(state);

export const cellKey = (sku: string, clusterId: number) => `${sku}/${clusterId}`;

/** Which cluster a supply goes to: its storage warehouse's cluster, else the cluster Ozon names on it. */
export function supplyCluster(
  supply: SupplyRequest['supplies'][number],
  clusters: readonly ClusterInfo[],
): number | null {
  if (supply.warehouseId !== null) {
    const byWarehouse = clusters.find((c) => c.warehouseIds.includes(supply.warehouseId as number));
    if (byWarehouse) return byWarehouse.id;
  }
  return supply.clusterId;
}

/** Units of open supply requests per SKU × cluster. */
export function supplyIncoming(
  requests: readonly SupplyRequest[],
  clusters: readonly ClusterInfo[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requests) {
    if (!isOpenSupply(r.state)) continue;
    for (const s of r.supplies) {
      const cluster = supplyCluster(s, clusters);
      if (cluster === null) continue;
      for (const i of s.items) {
        const key = cellKey(i.sku, cluster);
        out.set(key, (out.get(key) ?? 0) + i.quantity);
      }
    }
  }
  return out;
}

/**
 * Units on their way to a cluster, counted once. Ozon's analytics already count supply-request units as
 * "in transit" and "in supply requests", but refresh only twice a day, while the supply requests are live:
 * the same units are in both. So the larger of the two figures is taken, never their sum. Without readable
 * supply requests, the analytics figure stands alone.
 */
export function incomingUnits(cell: Pick<StockCell, 'transit' | 'requested'>, fromSupplies?: number): number {
  const analytics = cell.transit + cell.requested;
  return fromSupplies === undefined ? analytics : Math.max(analytics, fromSupplies);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Days the stock lasts at the current pace; null without sales. */
export function daysOfCover(units: number, perDay: number): number | null {
  return perDay > 0 ? round1(Math.max(0, units) / perDay) : null;
}

/** Units to send so that stock plus what is coming lasts `targetDays`; 0 when enough is there or coming. */
export function quantityToSend(
  available: number,
  incoming: number,
  perDay: number,
  targetDays: number,
): number {
  if (!(perDay > 0) || !(targetDays > 0)) return 0;
  return Math.max(0, Math.ceil(targetDays * perDay - Math.max(0, available) - Math.max(0, incoming)));
}

export interface OfferFbo {
  offerId: string;
  sku: string;
  available: number;
  incoming: number;
  perDay: number;
  daysOfCover: number | null;
}

/** Per offer, over all clusters: FBO units available, on their way, daily sales and days of cover. */
export function offerTotals(
  cells: readonly StockCell[],
  incoming: ReadonlyMap<string, number>,
): Map<string, OfferFbo> {
  const out = new Map<string, OfferFbo>();
  for (const c of cells) {
    const key = c.offerId || c.sku;
    const o = out.get(key) ?? {
      offerId: c.offerId,
      sku: c.sku,
      available: 0,
      incoming: 0,
      perDay: 0,
      daysOfCover: null,
    };
    o.available += c.available;
    o.incoming += incomingUnits(c, incoming.get(cellKey(c.sku, c.clusterId)));
    o.perDay = round2(o.perDay + c.adsCluster);
    out.set(key, o);
  }
  for (const o of out.values()) o.daysOfCover = daysOfCover(o.available, o.perDay);
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export interface ReplenishmentLine {
  key: string;
  offerId: string;
  sku: string;
  name: string;
  cluster: string;
  available: number;
  incoming: number;
  perDay: number;
  daysLeft: number | null;
  daysWithIncoming: number | null;
  targetDays: number;
  toSend: number;
}

/**
 * For each offer and cluster Ozon sells it in: days of cover left, and the quantity to send to reach the
 * target cover (the row's own target if the seller typed one, else the default).
 */
export function replenishment(
  cells: readonly StockCell[],
  incoming: ReadonlyMap<string, number>,
  defaultTarget: number,
  targets: ReadonlyMap<string, number>,
): ReplenishmentLine[] {
  return cells
    .map((c) => {
      const key = cellKey(c.offerId || c.sku, c.clusterId);
      const coming = incomingUnits(c, incoming.get(cellKey(c.sku, c.clusterId)));
      const target = targets.get(key) ?? defaultTarget;
      return {
        key,
        offerId: c.offerId,
        sku: c.sku,
        name: c.name,
        cluster: c.clusterName,
        available: c.available,
        incoming: coming,
        perDay: c.adsCluster,
        daysLeft: daysOfCover(c.available, c.adsCluster),
        daysWithIncoming: daysOfCover(c.available + coming, c.adsCluster),
        targetDays: target,
        toSend: quantityToSend(c.available, coming, c.adsCluster, target),
      };
    })
    .sort(
      (a, b) =>
        b.toSend - a.toSend || a.offerId.localeCompare(b.offerId) || a.cluster.localeCompare(b.cluster),
    );
}
