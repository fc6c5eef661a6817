// Ozon's own stock of the shop: clusters and their warehouses, each SKU's units per cluster with its sales
// velocity, and the seller's supply requests (what is on its way to which cluster). Generated from its own
// random stream, so shops without it are generated exactly as before. The ground truth the analytics
// answers come from: transit and requested units per SKU × cluster are the sums of the open supplies.
import { mix, Rng } from './random';
import type { Product } from './model';

export const DAY_MS = 86_400_000;

export interface Cluster {
  id: number;
  name: string;
  type: 'CLUSTER_TYPE_OZON' | 'CLUSTER_TYPE_CIS';
  warehouses: { id: number; name: string }[];
}

export interface ClusterStock {
  sku: number;
  clusterId: number;
  available: number;
  excess: number;
  expiring: number;
  defect: number;
  /** Average daily units sold in this cluster over the last 28 days. */
  adsCluster: number;
  daysWithoutSales: number;
}

export type SupplyState =
  | 'DATA_FILLING'
  | 'READY_TO_SUPPLY'
  | 'ACCEPTED_AT_SUPPLY_WAREHOUSE'
  | 'IN_TRANSIT'
  | 'ACCEPTANCE_AT_STORAGE_WAREHOUSE'
  | 'COMPLETED'
  | 'CANCELLED';

/** Supplies still on their way: their units are "in supply requests" or "in transit". */
export const REQUESTED_STATES = new Set<SupplyState>(['DATA_FILLING', 'READY_TO_SUPPLY']);
export const TRANSIT_STATES = new Set<SupplyState>([
  'ACCEPTED_AT_SUPPLY_WAREHOUSE',
  'IN_TRANSIT',
  'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
]);

export interface SupplyOrder {
  orderId: number;
  orderNumber: string;
  state: SupplyState;
  createdAt: number;
  stateUpdatedAt: number;
  dropoff: { id: number; name: string };
  supplies: {
    supplyId: number;
    bundleId: string;
    clusterId: number;
    warehouse: { id: number; name: string };
    arrivalAt: number;
    items: { sku: number; quantity: number }[];
  }[];
  timeslot: { from: number; to: number };
}

const CLUSTER_NAMES = [
  'Москва, МО и Дальние регионы',
  'Санкт-Петербург и СЗО',
  'Казань',
  'Екатеринбург',
  'Краснодар',
  'Новосибирск',
  'Ростов',
  'Самара',
  'Воронеж',
  'Уфа',
  'Красноярск',
  'Омск',
  'Тюмень',
  'Пермь',
  'Саратов',
  'Калининград',
  'Дальний Восток',
  'Ярославль',
  'Невинномысск',
  'Казахстан',
];

export class FboStock {
  readonly clusters: Cluster[] = [];
  /** By `${sku}:${clusterId}`. */
  readonly cells = new Map<string, ClusterStock>();
  readonly orders: SupplyOrder[] = [];
  readonly bundles = new Map<string, { sku: number; quantity: number }[]>();
  /** When /v1/analytics/turnover/stocks last answered (it allows one request a minute). */
  turnoverCalledAt = -Infinity;

  constructor(seed: number, products: readonly Product[], clusterCount: number, now: number) {
    const rng = new Rng(mix(seed, 1901));
    for (let k = 0; k < clusterCount; k++) {
      const id = 4000 + k * 7;
      const name = k < CLUSTER_NAMES.length ? CLUSTER_NAMES[k] : `Кластер ${k + 1}`;
      this.clusters.push({
        id,
        name,
        type: name === 'Казахстан' ? 'CLUSTER_TYPE_CIS' : 'CLUSTER_TYPE_OZON',
        warehouses: [
          { id: 20_000_000_000_000 + id * 1000 + 1, name: `${name.split(',')[0].toUpperCase()}_РФЦ` },
          { id: 20_000_000_000_000 + id * 1000 + 2, name: `${name.split(',')[0].toUpperCase()}_СЦ` },
        ],
      });
    }
    let orderSeq = 0;
    for (const p of products) {
      if (p.archived || rng.chance(0.25)) continue; // not sold through FBO
      for (const c of this.clusters) {
        if (!rng.chance(0.7)) continue;
        const ads = rng.chance(0.15) ? 0 : Math.round(rng.next() * 6 * 100) / 100;
        this.cells.set(`${p.sku}:${c.id}`, {
          sku: p.sku,
          clusterId: c.id,
          available: rng.chance(0.1) ? 0 : rng.int(0, 300),
          excess: rng.chance(0.1) ? rng.int(1, 40) : 0,
          expiring: rng.chance(0.05) ? rng.int(1, 20) : 0,
          defect: rng.chance(0.03) ? rng.int(1, 5) : 0,
          adsCluster: ads,
          daysWithoutSales: ads > 0 ? 0 : rng.int(3, 120),
        });
      }
    }
    // Supply requests: a few per cluster, in every state.
    const states: SupplyState[] = [
      'DATA_FILLING',
      'READY_TO_SUPPLY',
      'ACCEPTED_AT_SUPPLY_WAREHOUSE',
      'IN_TRANSIT',
      'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
      'COMPLETED',
      'CANCELLED',
    ];
    const skus = [...new Set([...this.cells.values()].map((c) => c.sku))];
    const count = skus.length ? Math.min(200, Math.max(3, Math.round(this.clusters.length * 1.5))) : 0;
    for (let k = 0; k < count; k++) {
      const cluster = this.clusters[k % this.clusters.length];
      const state = states[rng.int(0, states.length - 1)];
      const created = now - rng.int(1, 20) * DAY_MS - rng.int(0, 23) * 3_600_000;
      const bundleId = `b${(mix(seed, k, 77) >>> 0).toString(16)}-${k}`;
      const items: { sku: number; quantity: number }[] = [];
      const used = new Set<number>();
      for (let n = rng.int(1, 6); n > 0; n--) {
        const sku = skus[rng.int(0, skus.length - 1)];
        if (used.has(sku)) continue;
        used.add(sku);
        items.push({ sku, quantity: rng.int(5, 120) });
      }
      this.bundles.set(bundleId, items);
      orderSeq++;
      const wh = cluster.warehouses[0];
      this.orders.push({
        orderId: 12_000_000 + orderSeq * 31,
        orderNumber: `2000${String(orderSeq).padStart(6, '0')}`,
        state,
        createdAt: created,
        stateUpdatedAt: created + rng.int(1, 48) * 3_600_000,
        dropoff: { id: 19_000_000_000_000 + k, name: 'Пункт приёма Москва, Хорошёвское ш.' },
        supplies: [
          {
            supplyId: 80_000_000 + orderSeq * 17,
            bundleId,
            clusterId: cluster.id,
            warehouse: wh,
            arrivalAt: created + rng.int(3, 10) * DAY_MS,
            items,
          },
        ],
        timeslot: { from: created + 2 * DAY_MS, to: created + 2 * DAY_MS + 3_600_000 },
      });
    }
  }

  /** Units of a SKU on their way to a cluster, by supply state group (from the supplies as they are now). */
  incoming(sku: number, clusterId: number): { requested: number; transit: number } {
    const index = new Map<string, { requested: number; transit: number }>();
    for (const o of this.orders) {
      const requested = REQUESTED_STATES.has(o.state);
      if (!requested && !TRANSIT_STATES.has(o.state)) continue;
      for (const s of o.supplies) {
        for (const i of s.items) {
          const key = `${i.sku}:${s.clusterId}`;
          const cell = index.get(key) ?? { requested: 0, transit: 0 };
          if (requested) cell.requested += i.quantity;
          else cell.transit += i.quantity;
          index.set(key, cell);
        }
      }
    }
    this.incoming = (k, c) => index.get(`${k}:${c}`) ?? { requested: 0, transit: 0 };
    return this.incoming(sku, clusterId);
  }

  cellsOf(sku: number): ClusterStock[] {
    return this.clusters
      .map((c) => this.cells.get(`${sku}:${c.id}`))
      .filter((c): c is ClusterStock => c !== undefined);
  }
}
