// Ozon's promotions in the simulated shop: actions with their candidates and participants, buyers'
// discount requests, the seller's minimum prices and quantity discounts. Made once per shop from its
// seed (the same seed gives the same actions); the handlers in handlers/promotions.ts change it.
import type { Product } from './model';
import { mix, Rng } from './random';
import type { Shop } from './shop';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SimAction {
  id: number;
  title: string;
  actionType: 'DISCOUNT' | 'STOCK_DISCOUNT';
  /** Percent off the current price that the action asks at most (max action price = price × (1 − it)). */
  discountPercent: number;
  start: number;
  end: number;
  /** Set: the product list and prices are frozen (Ozon's freeze_date). */
  freezeAt: number | null;
  /** Stock-discount actions: the least stock a product may join with. */
  minStock: number;
  /** Products that may take part (product ids). */
  eligible: Set<number>;
  /** Participants: product id → what they joined with. */
  joined: Map<number, { actionPrice: number; stock: number; addMode: 'MANUAL' | 'AUTO' }>;
}

export type TaskStatus = 'NEW' | 'APPROVED' | 'DECLINED';

export interface SimDiscountTask {
  id: number;
  sku: number;
  name: string;
  originalPrice: number;
  requestedPrice: number;
  requestedQuantityMax: number;
  createdAt: number;
  endAt: number;
  status: TaskStatus;
  approvedPrice: number;
  approvedQuantityMin: number;
  approvedQuantityMax: number;
  moderatedAt: number | null;
  comment: string;
}

export interface SimStairway {
  enabled: boolean;
  steps: { step: number; quantity: number; discount: number }[];
}

export class PromoWorld {
  readonly actions: SimAction[] = [];
  readonly tasks: SimDiscountTask[] = [];
  /** product id → the seller's minimum price (set through /v1/product/import/prices). */
  readonly minPrices = new Map<number, number>();
  /** product id → times its price changed, for the "10 changes an hour" rule. */
  readonly priceChanges = new Map<number, number[]>();
  readonly stairways = new Map<number, SimStairway>();
  private nextTaskId = 9_100_001;

  constructor(private readonly shop: Shop) {
    const rng = new Rng(mix(shop.seed, 7117));
    const live = shop.state.products.filter((p) => !p.archived);
    const t0 = shop.startedAt;
    const make = (
      id: number,
      title: string,
      actionType: SimAction['actionType'],
      discountPercent: number,
      start: number,
      end: number,
      share: number,
      freezeAt: number | null = null,
    ): SimAction => {
      const eligible = new Set(live.filter(() => rng.chance(share)).map((p) => p.productId));
      return {
        id,
        title,
        actionType,
        discountPercent,
        start,
        end,
        freezeAt,
        minStock: 0,
        eligible,
        joined: new Map(),
      };
    };
    const sale = make(71_001, 'Black Friday: up to −25%', 'DISCOUNT', 25, t0 - 2 * DAY, t0 + 12 * DAY, 0.7);
    const clearance = make(71_002, 'Stock clearance', 'STOCK_DISCOUNT', 15, t0 - DAY, t0 + 20 * DAY, 0.5);
    clearance.minStock = 3;
    const frozen = make(71_003, 'Autumn week', 'DISCOUNT', 10, t0 - 6 * DAY, t0 + 2 * DAY, 0.4, t0 - DAY);
    this.actions.push(sale, clearance, frozen);
    // A few products already take part (Ozon added them automatically, or the seller did earlier).
    for (const action of this.actions) {
      let n = 0;
      for (const id of action.eligible) {
        if (n >= 2) break;
        const p = shop.state.productsById.get(id) as Product;
        action.joined.set(id, {
          actionPrice: this.maxActionPrice(action, p),
          stock: action.minStock,
          addMode: n === 0 ? 'AUTO' : 'MANUAL',
        });
        n++;
      }
    }
    // Buyers asking for a discount: most still open, one approved and one declined earlier.
    const asked = live.filter(() => rng.chance(0.3)).slice(0, 8);
    asked.forEach((p, k) => {
      const requested = Math.round(p.price * (0.7 + rng.next() * 0.25));
      this.addTask(p, requested, t0 - (k + 1) * HOUR, 1 + rng.int(0, 4));
      const task = this.tasks[this.tasks.length - 1];
      if (k === asked.length - 1 && k > 1) {
        task.status = 'DECLINED';
        task.moderatedAt = t0 - HOUR / 2;
      } else if (k === asked.length - 2 && k > 1) {
        task.status = 'APPROVED';
        task.approvedPrice = requested;
        task.approvedQuantityMin = 1;
        task.approvedQuantityMax = task.requestedQuantityMax;
        task.moderatedAt = t0 - HOUR / 2;
      }
    });
  }

  product(id: number): Product | undefined {
    return this.shop.state.productsById.get(id);
  }

  maxActionPrice(action: SimAction, p: Product): number {
    return Math.max(1, Math.floor(p.price * (1 - action.discountPercent / 100)));
  }

  /** A buyer's new request (tests add more). */
  addTask(p: Product, requestedPrice: number, createdAt: number, quantity = 1): SimDiscountTask {
    const task: SimDiscountTask = {
      id: this.nextTaskId++,
      sku: p.sku,
      name: p.name,
      originalPrice: p.price,
      requestedPrice,
      requestedQuantityMax: quantity,
      createdAt,
      endAt: createdAt + 3 * DAY,
      status: 'NEW',
      approvedPrice: 0,
      approvedQuantityMin: 0,
      approvedQuantityMax: 0,
      moderatedAt: null,
      comment: '',
    };
    this.tasks.push(task);
    return task;
  }

  minPrice(p: Product): number {
    return this.minPrices.get(p.productId) ?? Math.round(p.price * 0.9 * 100) / 100;
  }
}

const worlds = new WeakMap<Shop, PromoWorld>();

export function promoOf(shop: Shop): PromoWorld {
  let world = worlds.get(shop);
  if (!world) worlds.set(shop, (world = new PromoWorld(shop)));
  return world;
}
