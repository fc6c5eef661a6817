// One recomputation of the inventory from what the tabs hold: the moves the orders (and an import's
// opening counts) call for, and every Inventory row's figures. Pure: the use-cases read the tabs,
// call this, and write the result in a few block writes.
import type { Lang } from '../i18n/messages';
import type { RowValues } from '../table/spec';
import type { OffsetMinutes } from '../time/serial';
import { t } from '../i18n/messages';
import {
  acceptMoves,
  deriveOrderMoves,
  indexLedger,
  openingKey,
  type LedgerIndex,
  type LedgerRow,
  type PostingFacts,
  type StockMove,
} from './ledger';
import type { ImportedProduct } from './ozon';
import { orderDemand, stockFigures, type StockStatus } from './stock';
import { inventoryCells, type InventoryRowRead } from './tables';

export interface PlanInput {
  now: number;
  lang: Lang;
  offset: OffsetMinutes;
  /** Who derived moves are attributed to. */
  who: string;
  ledger: readonly LedgerRow[];
  postings: readonly PostingFacts[];
  inventory: ReadonlyMap<string, InventoryRowRead>;
  /** From "Import products": Ozon's current list and stock. */
  imported?: readonly ImportedProduct[];
  /** Moves to add besides the derived ones (entries, returns); duplicates by key are dropped. */
  extra?: readonly StockMove[];
}

export interface AlertItem {
  offerId: string;
  status: StockStatus;
  available: number;
}

export interface InventoryPlan {
  /** New ledger moves, in the order they are appended. */
  moves: StockMove[];
  /** Every Inventory row's values (seller columns never included). */
  rows: RowValues[];
  index: LedgerIndex;
  counts: { openings: number; shipments: number; cancellations: number; other: number };
  /** Offers that are low, out or oversold, worst first. */
  alerts: AlertItem[];
}

const SEVERITY: Record<StockStatus, number> = { oversold: 0, out: 1, low: 2, ok: 3 };

export function planInventory(input: PlanInput): InventoryPlan {
  const index = indexLedger(input.ledger);
  const imported = new Map((input.imported ?? []).map((p) => [p.offerId, p]));

  const openings: StockMove[] = [];
  for (const p of imported.values()) {
    if (index.offers.has(p.offerId)) continue;
    openings.push({
      when: input.now,
      offerId: p.offerId,
      quantity: p.ozonStock,
      reason: 'opening',
      reference: t(input.lang, 'inventory.ref.opening'),
      who: input.who,
      key: openingKey(p.offerId),
    });
  }
  const moves = acceptMoves(index, openings);
  const derived = acceptMoves(index, deriveOrderMoves(input.postings, index, input.now, input.who));
  const extra = acceptMoves(index, input.extra ?? []);
  for (const m of derived) moves.push(m);
  for (const m of extra) moves.push(m);

  const demand = orderDemand(input.postings, input.now);
  const lineInfo = new Map<string, { sku: string; name: string }>();
  for (const p of input.postings) {
    for (const line of p.lines) {
      if (line.offerId && !lineInfo.has(line.offerId)) lineInfo.set(line.offerId, line);
    }
  }
  const offers = new Set<string>([
    ...input.inventory.keys(),
    ...imported.keys(),
    ...index.offers,
    ...demand.reserved.keys(),
  ]);

  const rows: RowValues[] = [];
  const alerts: AlertItem[] = [];
  for (const offerId of offers) {
    const existing = input.inventory.get(offerId);
    const product = imported.get(offerId);
    const ozonStock = product ? product.ozonStock : (existing?.ozonStock ?? null);
    const figures = stockFigures({
      onHand: index.onHand.get(offerId) ?? 0,
      reserved: demand.reserved.get(offerId) ?? 0,
      shipped30: demand.shipped30.get(offerId) ?? 0,
      reorderPoint: existing?.reorderPoint ?? null,
      ozonStock,
    });
    const info = lineInfo.get(offerId);
    const row: RowValues = {
      offer_id: offerId,
      ...inventoryCells(figures, index.lastMove.get(offerId) ?? null, input.lang, input.offset),
    };
    if (product) {
      row.sku = product.sku;
      row.name = product.name;
      row.product_id = product.productId;
      row.ozon_stock = product.ozonStock;
      row.warehouse = product.warehouse;
    } else if (!existing && info) {
      row.sku = info.sku;
      row.name = info.name;
    }
    rows.push(row);
    if (figures.status !== 'ok')
      alerts.push({ offerId, status: figures.status, available: figures.available });
  }
  alerts.sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || a.available - b.available);

  const counts = { openings: 0, shipments: 0, cancellations: 0, other: 0 };
  for (const move of moves) {
    if (move.reason === 'opening') counts.openings++;
    else if (move.reason === 'shipment') counts.shipments++;
    else if (move.reason === 'cancellation') counts.cancellations++;
    else counts.other++;
  }
  return { moves, rows, index, counts, alerts };
}
