// The Ozon stock, Replenishment and Supply requests tabs: their columns and rows.
import { t, type Lang, type MessageKey } from '../i18n/messages';
import type { RowValues, TableSpec } from '../table/spec';
import { toSerial, type OffsetMinutes } from '../time/serial';
import {
  cellKey,
  daysOfCover,
  incomingUnits,
  REQUESTED_STATES,
  TRANSIT_STATES,
  type ClusterInfo,
  type ReplenishmentLine,
  type StockCell,
  type SupplyRequest,
  supplyCluster,
} from './plan';

export const OZON_STOCK_TAB = 'Ozon stock';
export const REPLENISHMENT_TAB = 'Replenishment';
export const SUPPLY_TAB = 'Supply requests';

export const ozonStockSpec: TableSpec = {
  tab: OZON_STOCK_TAB,
  key: 'key',
  columns: [
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 100 },
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 220 },
    { key: 'cluster', header: 'Cluster', kind: 'text', role: 'sync', width: 160 },
    { key: 'available', header: 'Available', kind: 'int', role: 'sync', width: 80 },
    { key: 'in_transit', header: 'In transit', kind: 'int', role: 'sync', width: 80 },
    { key: 'in_requests', header: 'In supply requests', kind: 'int', role: 'sync', width: 110 },
    { key: 'incoming', header: 'Incoming (counted once)', kind: 'int', role: 'sync', width: 120 },
    { key: 'excess', header: 'Excess', kind: 'int', role: 'sync', width: 70 },
    { key: 'expiring', header: 'Expiring', kind: 'int', role: 'sync', width: 70 },
    { key: 'defective', header: 'Defective', kind: 'int', role: 'sync', width: 70 },
    { key: 'per_day', header: 'Avg daily sales', kind: 'number', role: 'sync', width: 90 },
    { key: 'days_of_cover', header: 'Days of cover', kind: 'number', role: 'sync', width: 90 },
    { key: 'days_without_sales', header: 'Days without sales', kind: 'int', role: 'sync', width: 100 },
    { key: 'grade', header: 'Turnover grade', kind: 'text', role: 'sync', width: 120 },
    { key: 'turnover_days', header: 'Turnover, days (SKU)', kind: 'number', role: 'sync', width: 110 },
    { key: 'stock_grade', header: 'Stock level (SKU)', kind: 'text', role: 'sync', width: 110 },
    { key: 'updated', header: 'Updated', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'cluster_id', header: 'Cluster ID', kind: 'id', role: 'sync', width: 80, hidden: true },
    { key: 'grade_code', header: 'Grade code', kind: 'text', role: 'sync', width: 80, hidden: true },
    { key: 'key', header: 'Row key', kind: 'id', role: 'sync', width: 140, hidden: true },
  ],
};

export const replenishmentSpec: TableSpec = {
  tab: REPLENISHMENT_TAB,
  key: 'key',
  columns: [
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync', width: 110 },
    { key: 'sku', header: 'SKU', kind: 'id', role: 'sync', width: 100 },
    { key: 'name', header: 'Product name', kind: 'text', role: 'sync', width: 220 },
    { key: 'cluster', header: 'Cluster', kind: 'text', role: 'sync', width: 160 },
    { key: 'available', header: 'Available', kind: 'int', role: 'sync', width: 80 },
    { key: 'incoming', header: 'Incoming', kind: 'int', role: 'sync', width: 80 },
    { key: 'per_day', header: 'Avg daily sales', kind: 'number', role: 'sync', width: 90 },
    { key: 'days_left', header: 'Days of cover left', kind: 'number', role: 'sync', width: 110 },
    {
      key: 'days_with_incoming',
      header: 'Days of cover with incoming',
      kind: 'number',
      role: 'sync',
      width: 140,
    },
    // Blank: the default target from Settings. A number typed here is this row's own target.
    { key: 'target_days', header: 'Target cover, days', kind: 'int', role: 'seller', width: 110 },
    { key: 'applied_target', header: 'Target used', kind: 'int', role: 'sync', width: 80 },
    { key: 'to_send', header: 'To send', kind: 'int', role: 'sync', width: 80 },
    { key: 'key', header: 'Row key', kind: 'id', role: 'sync', width: 140, hidden: true },
  ],
};

export const supplySpec: TableSpec = {
  tab: SUPPLY_TAB,
  key: 'order_id',
  columns: [
    { key: 'order_number', header: 'Supply request', kind: 'id', role: 'sync', width: 120 },
    { key: 'state', header: 'Status', kind: 'text', role: 'sync', width: 160 },
    { key: 'counted_as', header: 'Counted as', kind: 'text', role: 'sync', width: 130 },
    { key: 'created', header: 'Created', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'state_updated', header: 'Status changed', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'timeslot', header: 'Time slot', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'clusters', header: 'Cluster', kind: 'text', role: 'sync', width: 160 },
    { key: 'warehouses', header: 'Warehouse', kind: 'text', role: 'sync', width: 160 },
    { key: 'skus', header: 'SKUs', kind: 'int', role: 'sync', width: 60 },
    { key: 'units', header: 'Units', kind: 'int', role: 'sync', width: 70 },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller', width: 160 },
    { key: 'state_code', header: 'Status code', kind: 'text', role: 'sync', width: 80, hidden: true },
    { key: 'order_id', header: 'Supply request ID', kind: 'id', role: 'sync', width: 110, hidden: true },
  ],
};

const known = (lang: Lang, prefix: string, code: string) => {
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(lang, key);
  return text === key ? code : text;
};
export const gradeText = (lang: Lang, code: string) => (code ? known(lang, 'ozonStock.grade', code) : '');
export const levelText = (lang: Lang, code: string) => (code ? known(lang, 'ozonStock.level', code) : '');
export const supplyStateText = (lang: Lang, code: string) =>
  code ? known(lang, 'ozonStock.supply', code) : '';

const serial = (iso: string | null, offset: OffsetMinutes) => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? toSerial(ms, offset) : null;
};

export function stockRow(
  c: StockCell,
  fromSupplies: number | undefined,
  ctx: { lang: Lang; offset: OffsetMinutes; now: number },
): RowValues {
  return {
    key: cellKey(c.sku, c.clusterId),
    sku: c.sku,
    offer_id: c.offerId,
    name: c.name,
    cluster: c.clusterName,
    cluster_id: String(c.clusterId),
    available: c.available,
    in_transit: c.transit,
    in_requests: c.requested,
    incoming: incomingUnits(c, fromSupplies),
    excess: c.excess,
    expiring: c.expiring,
    defective: c.defective,
    per_day: c.adsCluster,
    days_of_cover: daysOfCover(c.available, c.adsCluster),
    days_without_sales: c.daysWithoutSales,
    grade: gradeText(ctx.lang, c.grade),
    grade_code: c.grade,
    updated: toSerial(ctx.now, ctx.offset),
  };
}

export function replenishmentRow(line: ReplenishmentLine): RowValues {
  return {
    key: line.key,
    offer_id: line.offerId,
    sku: line.sku,
    name: line.name,
    cluster: line.cluster,
    available: line.available,
    incoming: line.incoming,
    per_day: line.perDay,
    days_left: line.daysLeft,
    days_with_incoming: line.daysWithIncoming,
    applied_target: line.targetDays,
    to_send: line.toSend,
  };
}

export function supplyRow(
  r: SupplyRequest,
  clusters: readonly ClusterInfo[],
  ctx: { lang: Lang; offset: OffsetMinutes },
): RowValues {
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const clusterNames = new Set<string>();
  const warehouses = new Set<string>();
  const skus = new Set<string>();
  let units = 0;
  for (const s of r.supplies) {
    const id = supplyCluster(s, clusters);
    if (id !== null) clusterNames.add(names.get(id) ?? String(id));
    if (s.warehouseName) warehouses.add(s.warehouseName);
    for (const i of s.items) {
      skus.add(i.sku);
      units += i.quantity;
    }
  }
  const counted = REQUESTED_STATES.has(r.state)
    ? t(ctx.lang, 'ozonStock.counted.requested')
    : TRANSIT_STATES.has(r.state)
      ? t(ctx.lang, 'ozonStock.counted.transit')
      : t(ctx.lang, 'ozonStock.counted.none');
  return {
    order_id: r.orderId,
    order_number: r.orderNumber,
    state: supplyStateText(ctx.lang, r.state),
    state_code: r.state,
    counted_as: counted,
    created: serial(r.createdAt, ctx.offset),
    state_updated: serial(r.stateUpdatedAt, ctx.offset),
    timeslot: serial(r.timeslotFrom, ctx.offset),
    clusters: [...clusterNames].join(', '),
    warehouses: [...warehouses].join(', '),
    skus: skus.size,
    units,
  };
}
