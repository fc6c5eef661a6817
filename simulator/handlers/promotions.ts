// Actions (Ozon's promotions), buyers' discount requests, price updates and quantity discounts.
// Activation follows Ozon's rules: only candidates join, at a positive price no higher than the
// maximum action price, stock-discount actions with at least their minimum stock, nothing moves in a
// frozen action; each refused product comes back in `rejected` with a reason inside the HTTP 200.
import { badRequest, notFound } from '../errors';
import type { Product } from '../model';
import { promoOf, type PromoWorld, type SimAction } from '../promotions';
import { iso } from '../render';
import type { Body, Ctx, Handler } from './common';

const HOUR = 3_600_000;

function actionOf(world: PromoWorld, id: unknown): SimAction {
  const action = world.actions.find((a) => a.id === Number(id));
  if (!action) throw notFound(`action ${String(id)} not found`);
  return action;
}

const frozen = (a: SimAction, now: number) => a.freezeAt !== null && now >= a.freezeAt;

const actions: Handler = ({ shop, now }: Ctx) => {
  const world = promoOf(shop);
  return {
    result: world.actions
      .filter((a) => a.end > now)
      .map((a) => ({
        id: a.id,
        title: a.title,
        action_type: a.actionType,
        description: `${a.title}: up to ${a.discountPercent}% off`,
        date_start: iso(a.start),
        date_end: iso(a.end),
        freeze_date: a.freezeAt === null ? '' : iso(a.freezeAt),
        potential_products_count: a.eligible.size,
        participating_products_count: a.joined.size,
        is_participating: a.joined.size > 0,
        is_voucher_action: false,
        banned_products_count: 0,
        with_targeting: false,
        order_amount: 0,
        discount_type: 'PERCENT',
        discount_value: a.discountPercent,
      })),
  };
};

function productRow(world: PromoWorld, a: SimAction, p: Product) {
  const max = world.maxActionPrice(a, p);
  const joined = a.joined.get(p.productId);
  const actionPrice = joined?.actionPrice ?? max;
  return {
    id: p.productId,
    price: p.price,
    action_price: actionPrice,
    alert_max_action_price_failed: actionPrice > Math.floor(max * 0.95),
    alert_max_action_price: Math.floor(max * 0.95),
    max_action_price: max,
    add_mode: joined?.addMode ?? 'NOT_SET',
    min_stock: a.minStock,
    stock: joined?.stock ?? 0,
    current_boost: 0,
    price_min_elastic: 0,
    price_max_elastic: 0,
    min_boost: 0,
    max_boost: 0,
  };
}

function page(world: PromoWorld, a: SimAction, ids: number[], body: Body) {
  const limit = body.limit === undefined ? 100 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw badRequest('limit: value must be inside range [1, 1000]');
  const after = Number(body.last_id ?? 0) || 0;
  const sorted = ids.filter((id) => id > after).sort((x, y) => x - y);
  const slice = sorted.slice(0, limit);
  const products = slice.map((id) => productRow(world, a, world.product(id) as Product));
  return {
    result: {
      products,
      total: ids.length,
      last_id: slice.length === limit && sorted.length > limit ? slice[slice.length - 1] : 0,
    },
  };
}

const actionProducts: Handler = ({ shop, body }: Ctx) => {
  const world = promoOf(shop);
  const a = actionOf(world, body.action_id);
  return page(world, a, [...a.joined.keys()], body);
};

const candidates: Handler = ({ shop, body }: Ctx) => {
  const world = promoOf(shop);
  const a = actionOf(world, body.action_id);
  return page(
    world,
    a,
    [...a.eligible].filter((id) => !a.joined.has(id)),
    body,
  );
};

const activate: Handler = ({ shop, body, now }: Ctx) => {
  const world = promoOf(shop);
  const a = actionOf(world, body.action_id);
  const productIds: number[] = [];
  const rejected: { product_id: number; reason: string }[] = [];
  for (const item of body.products as { product_id: number; action_price: number; stock?: number }[]) {
    const id = Number(item.product_id);
    const p = world.product(id);
    const refuse = (reason: string) => rejected.push({ product_id: id, reason });
    if (!p || !a.eligible.has(id))
      refuse('PRODUCT_IS_NOT_CANDIDATE: the product cannot take part in this action');
    else if (frozen(a, now)) refuse('ACTION_IS_FROZEN: the product list of a frozen action cannot change');
    else if (!(item.action_price > 0))
      refuse('ACTION_PRICE_IS_NOT_POSITIVE: the action price must be above zero');
    else if (item.action_price > world.maxActionPrice(a, p))
      refuse(
        `ACTION_PRICE_TOO_HIGH: the action price is above the maximum action price ${world.maxActionPrice(a, p)}`,
      );
    else if (item.action_price >= p.price)
      refuse('ACTION_PRICE_NOT_BELOW_PRICE: the action price must be below the current price');
    else if (a.actionType === 'STOCK_DISCOUNT' && (item.stock ?? 0) < a.minStock)
      refuse(`STOCK_TOO_LOW: at least ${a.minStock} units are needed for this action`);
    else {
      const before = a.joined.get(id);
      a.joined.set(id, {
        actionPrice: item.action_price,
        stock: item.stock ?? 0,
        addMode: before?.addMode ?? 'MANUAL',
      });
      productIds.push(id);
    }
  }
  return { result: { product_ids: productIds, rejected } };
};

const deactivate: Handler = ({ shop, body, now }: Ctx) => {
  const world = promoOf(shop);
  const a = actionOf(world, body.action_id);
  const productIds: number[] = [];
  const rejected: { product_id: number; reason: string }[] = [];
  for (const raw of body.product_ids as number[]) {
    const id = Number(raw);
    if (!a.joined.has(id))
      rejected.push({
        product_id: id,
        reason: 'PRODUCT_NOT_IN_ACTION: the product does not take part in this action',
      });
    else if (frozen(a, now))
      rejected.push({
        product_id: id,
        reason: 'ACTION_IS_FROZEN: the product list of a frozen action cannot change',
      });
    else {
      a.joined.delete(id);
      productIds.push(id);
    }
  }
  return { result: { product_ids: productIds, rejected } };
};

const taskList: Handler = ({ shop, body, now }: Ctx) => {
  const world = promoOf(shop);
  const status = String(body.status ?? 'ALL');
  const limit = Number(body.limit ?? 50);
  const after = Number(body.last_id ?? 0) || 0;
  const tasks = world.tasks
    .filter((x) => (status === 'ALL' || x.status === status) && x.id > after)
    .sort((x, y) => x.id - y.id)
    .slice(0, limit);
  return {
    tasks: tasks.map((x) => {
      const editable = x.moderatedAt === null ? x.endAt : x.moderatedAt + 2 * HOUR;
      return {
        approved_discount:
          x.status === 'APPROVED' ? Math.round((x.originalPrice - x.approvedPrice) * 100) / 100 : 0,
        approved_price: x.approvedPrice,
        approved_quantity_max: x.approvedQuantityMax,
        auto_moderated_info: { max_percent: 0, max_price: 0, min_percent: 0, min_price: 0 },
        created_at: iso(x.createdAt),
        edited_till: iso(editable),
        edited_till_duration: Math.max(0, Math.round((editable - now) / 1000)),
        email: x.moderatedAt === null ? '' : 'seller@example.com',
        end_at: iso(x.endAt),
        end_at_duration: Math.max(0, Math.round((x.endAt - now) / 1000)),
        first_name: '',
        id: x.id,
        is_auto_moderated: false,
        last_name: '',
        min_auto_price: 0,
        ...(x.moderatedAt === null ? {} : { moderated_at: iso(x.moderatedAt) }),
        name: x.name,
        original_price: x.originalPrice,
        patronymic: '',
        reduction_factor: 0,
        requested_discount: Math.round((1 - x.requestedPrice / x.originalPrice) * 10_000) / 100,
        requested_price: x.requestedPrice,
        requested_quantity_max: x.requestedQuantityMax,
        sku: x.sku,
        status: x.status,
      };
    }),
  };
};

function decide(
  ctx: Ctx,
  act: (task: PromoWorld['tasks'][number], item: Body) => string | null,
): {
  result: {
    fail_details: { task_id: number; error_for_user: string }[];
    success_count: number;
    fail_count: number;
  };
} {
  const world = promoOf(ctx.shop);
  const failDetails: { task_id: number; error_for_user: string }[] = [];
  let success = 0;
  for (const item of ctx.body.tasks as Body[]) {
    const task = world.tasks.find((x) => x.id === Number(item.id));
    let error: string | null;
    if (!task) error = 'Заявка не найдена';
    else if (task.status !== 'NEW') error = 'Заявка уже обработана';
    else if (task.endAt <= ctx.now) error = 'Срок заявки истёк';
    else error = act(task, item);
    if (error) failDetails.push({ task_id: Number(item.id), error_for_user: error });
    else success++;
  }
  return { result: { fail_details: failDetails, success_count: success, fail_count: failDetails.length } };
}

const approve: Handler = (ctx: Ctx) =>
  decide(ctx, (task, item) => {
    const price = Number(item.approved_price);
    const min = Number(item.approved_quantity_min);
    const max = Number(item.approved_quantity_max);
    if (!(price > 0)) return 'Цена должна быть больше нуля';
    if (price > task.originalPrice) return 'Цена не может быть выше исходной цены товара';
    if (!(min >= 1) || max < min) return 'Неверное количество товара';
    task.status = 'APPROVED';
    task.approvedPrice = price;
    task.approvedQuantityMin = min;
    task.approvedQuantityMax = max;
    task.moderatedAt = ctx.now;
    task.comment = String(item.seller_comment ?? '');
    return null;
  });

const decline: Handler = (ctx: Ctx) =>
  decide(ctx, (task, item) => {
    task.status = 'DECLINED';
    task.moderatedAt = ctx.now;
    task.comment = String(item.seller_comment ?? '');
    return null;
  });

const PRICE = /^\d+(\.\d{1,2})?$/;

/**
 * The least gap between old_price and price (Ozon's table in the method's description): 20 rubles
 * under 400, 5% from 400 to 10,000, 500 rubles above. A price without old_price keeps the old one,
 * so a price raised close to it is refused (the seller passes old_price 0 to drop the strikethrough).
 */
function oldPriceGap(price: number): number {
  if (price < 400) return 20;
  if (price <= 10_000) return Math.round(price * 5) / 100;
  return 500;
}

const importPrices: Handler = ({ shop, body, now }: Ctx) => {
  const world = promoOf(shop);
  const items = body.prices as Body[];
  if (!items.length || items.length > 1000)
    throw badRequest('prices: value must contain from 1 to 1000 items');
  return {
    result: items.map((item) => {
      const p =
        item.offer_id !== undefined && item.offer_id !== ''
          ? shop.state.productsByOffer.get(String(item.offer_id))
          : shop.state.productsById.get(Number(item.product_id));
      const errors: { code: string; message: string }[] = [];
      const out = () => ({
        errors,
        offer_id: p?.offerId ?? String(item.offer_id ?? ''),
        product_id: p?.productId ?? Number(item.product_id ?? 0),
        updated: errors.length === 0,
      });
      if (!p) {
        errors.push({ code: 'PRODUCT_NOT_FOUND', message: 'Product not found' });
        return out();
      }
      const price = item.price === undefined ? p.price : Number(item.price);
      const oldPrice = item.old_price === undefined ? p.oldPrice : Number(item.old_price);
      const minPrice = item.min_price === undefined ? world.minPrice(p) : Number(item.min_price);
      if (item.price !== undefined && (!PRICE.test(String(item.price)) || !(price > 0)))
        errors.push({
          code: 'INVALID_PRICE',
          message: 'price must be a positive number with at most 2 decimals',
        });
      else if (item.currency_code && item.currency_code !== p.currency)
        errors.push({ code: 'CURRENCY_MISMATCH', message: `the product is sold in ${p.currency}` });
      else if (oldPrice > 0 && oldPrice - price < oldPriceGap(price))
        errors.push({
          code: 'OLD_PRICE_NOT_ABOVE_PRICE',
          message: `old_price must be 0 or at least ${oldPriceGap(price)} above price`,
        });
      else if (minPrice > price)
        errors.push({ code: 'MIN_PRICE_ABOVE_PRICE', message: 'min_price must not be above price' });
      const recent = (world.priceChanges.get(p.productId) ?? []).filter((t) => t > now - HOUR);
      if (!errors.length && item.price !== undefined && recent.length >= 10)
        errors.push({
          code: 'TOO_MANY_REQUESTS',
          message: 'the price of a product changes at most 10 times an hour',
        });
      if (errors.length) return out();
      if (item.price !== undefined && price !== p.price) {
        p.price = price;
        world.priceChanges.set(p.productId, [...recent, now]);
      }
      p.oldPrice = oldPrice;
      world.minPrices.set(p.productId, minPrice);
      return out();
    }),
  };
};

const stairwaySet: Handler = ({ shop, body }: Ctx) => {
  const world = promoOf(shop);
  type Issue = { code: string; field: string; message: string; step: number; value: string };
  const errors: { sku: number; data: Issue[] }[] = [];
  for (const s of body.stairways as Body[]) {
    const sku = Number(s.sku);
    const data: Issue[] = [];
    const steps = (s.stairway?.steps ?? []) as { step: number; quantity: number; discount: number }[];
    if (!shop.state.productsBySku.get(sku))
      data.push({
        code: 'SKU_NOT_FOUND',
        field: 'sku',
        message: 'SKU not found',
        step: 0,
        value: String(s.sku),
      });
    steps.forEach((x, k) => {
      const prev = steps[k - 1];
      const issue = (field: string, message: string, value: number) =>
        data.push({ code: 'INVALID_STEP', field, message, step: x.step, value: String(value) });
      if (x.step !== k + 1) issue('step', 'steps are numbered 1, 2, 3…', x.step);
      if (x.quantity < 2 || (prev && x.quantity <= prev.quantity))
        issue('quantity', 'each step needs at least 2 units and more than the step before', x.quantity);
      if (x.discount < 1 || x.discount > 50 || (prev && x.discount <= prev.discount))
        issue('discount', 'each discount is 1–50% and larger than the step before', x.discount);
    });
    if (steps.length > 4)
      data.push({
        code: 'TOO_MANY_STEPS',
        field: 'steps',
        message: 'a quantity discount has 1 to 4 steps',
        step: 0,
        value: String(steps.length),
      });
    if (s.enabled && !steps.length)
      data.push({
        code: 'NO_STEPS',
        field: 'steps',
        message: 'at least one step is needed',
        step: 0,
        value: '',
      });
    if (data.length) errors.push({ sku, data });
    else world.stairways.set(sku, { enabled: Boolean(s.enabled), steps: steps.map((x) => ({ ...x })) });
  }
  return { accepted: errors.length === 0, errors, warnings: [] };
};

/**
 * Assumed (the spec describes set as asynchronous, "use get to see the result", without saying how
 * long it takes): the simulator applies an accepted change at once, so get answers SUCCESS. SKUs that
 * are not the seller's are left out of the answer; a product without a discount is enabled: false.
 */
const stairwayGet: Handler = ({ shop, body }: Ctx) => {
  const world = promoOf(shop);
  const skus = (body.skus ?? []) as unknown[];
  if (!skus.length || skus.length > 5000) throw badRequest('skus: value must contain from 1 to 5000 items');
  const out = [];
  for (const raw of skus) {
    const sku = Number(raw);
    if (!shop.state.productsBySku.get(sku)) continue;
    const s = world.stairways.get(sku);
    out.push({
      sku,
      enabled: Boolean(s?.enabled),
      status: 'SUCCESS',
      stairway: { steps: (s?.steps ?? []).map((x) => ({ ...x })) },
    });
  }
  return { stairways: out };
};

export const promotionsHandlers: Record<string, Handler> = {
  '/v1/actions': actions,
  '/v1/actions/products': actionProducts,
  '/v1/actions/candidates': candidates,
  '/v1/actions/products/activate': activate,
  '/v1/actions/products/deactivate': deactivate,
  '/v2/actions/discounts-task/list': taskList,
  '/v1/actions/discounts-task/approve': approve,
  '/v1/actions/discounts-task/decline': decline,
  '/v1/product/import/prices': importPrices,
  '/v1/product/stairway-discount/by-quantity/set': stairwaySet,
  '/v1/product/stairway-discount/by-quantity/get': stairwayGet,
};

/** Ozon documents these reads as GET. */
export const GET_PATHS = new Set(['/v1/actions']);
