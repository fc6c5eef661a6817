// Actions, candidates and Ozon's activation rules; discount requests; price updates; quantity discounts.
// Every answer is checked against Ozon's spec by the support's ajv validator.
import { api, type Api } from './support';

const get = (a: Api, path: string) => a.raw(path, undefined, undefined, 'GET');

describe('/v1/actions (GET) and the products of an action', () => {
  const a = api({ seed: 17, postings: 50 });
  const actions = get(a, '/v1/actions').json.result;
  const sale = actions.find(
    (x: { action_type: string; freeze_date: string }) => x.action_type === 'DISCOUNT' && !x.freeze_date,
  );

  it('lists the actions with dates, type and counts; POST is refused', () => {
    expect(actions.length).toBeGreaterThanOrEqual(3);
    expect(sale).toEqual(expect.objectContaining({ title: expect.any(String), discount_type: 'PERCENT' }));
    expect(Date.parse(sale.date_end)).toBeGreaterThan(Date.parse(sale.date_start));
    expect(a.raw('/v1/actions', '{}').status).toBe(405);
  });

  it('candidates and participants do not overlap; last_id pages through them', () => {
    const inAction = a.call('/v1/actions/products', { action_id: sale.id, limit: 100 }).json.result;
    expect(inAction.products.length).toBe(sale.participating_products_count);
    const first = a.call('/v1/actions/candidates', { action_id: sale.id, limit: 2 }).json.result;
    expect(first.products).toHaveLength(2);
    const rest = a.call('/v1/actions/candidates', { action_id: sale.id, limit: 100, last_id: first.last_id })
      .json.result;
    const ids = [...first.products, ...rest.products].map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length + inAction.products.length).toBe(sale.potential_products_count);
    for (const p of inAction.products) expect(ids).not.toContain(p.id);
    expect(a.call('/v1/actions/products', { action_id: 1 }).status).toBe(404);
  });

  it('activate: a candidate joins at ≤ max action price; others are rejected with a reason', () => {
    const c = a.call('/v1/actions/candidates', { action_id: sale.id, limit: 3 }).json.result.products;
    const r = a.call('/v1/actions/products/activate', {
      action_id: sale.id,
      products: [
        { product_id: c[0].id, action_price: c[0].max_action_price },
        { product_id: c[1].id, action_price: c[1].max_action_price + 1 },
        { product_id: 1, action_price: 10 },
      ],
    }).json.result;
    expect(r.product_ids).toEqual([c[0].id]);
    expect(r.rejected.map((x: { product_id: number }) => x.product_id)).toEqual([c[1].id, 1]);
    expect(r.rejected[0].reason).toMatch(/ACTION_PRICE_TOO_HIGH/);
    const inAction = a.call('/v1/actions/products', { action_id: sale.id }).json.result.products;
    expect(inAction.find((p: { id: number }) => p.id === c[0].id)?.action_price).toBe(c[0].max_action_price);
  });

  it('deactivate: a participant leaves; one not in the action is rejected', () => {
    const inAction = a.call('/v1/actions/products', { action_id: sale.id }).json.result.products;
    const r = a.call('/v1/actions/products/deactivate', {
      action_id: sale.id,
      product_ids: [inAction[0].id, 1],
    }).json.result;
    expect(r.product_ids).toEqual([inAction[0].id]);
    expect(r.rejected[0]).toEqual(expect.objectContaining({ product_id: 1 }));
    const after = a.call('/v1/actions/products', { action_id: sale.id }).json.result.products;
    expect(after.map((p: { id: number }) => p.id)).not.toContain(inAction[0].id);
  });

  it('a frozen action changes nothing; a stock action needs its minimum stock', () => {
    const frozen = actions.find((x: { freeze_date: string }) => x.freeze_date);
    const c = a.call('/v1/actions/candidates', { action_id: frozen.id }).json.result.products[0];
    const r = a.call('/v1/actions/products/activate', {
      action_id: frozen.id,
      products: [{ product_id: c.id, action_price: c.max_action_price }],
    }).json.result;
    expect(r.rejected[0].reason).toMatch(/FROZEN/);
    const stock = actions.find((x: { action_type: string }) => x.action_type === 'STOCK_DISCOUNT');
    const s = a.call('/v1/actions/candidates', { action_id: stock.id }).json.result.products[0];
    const low = a.call('/v1/actions/products/activate', {
      action_id: stock.id,
      products: [{ product_id: s.id, action_price: s.max_action_price, stock: 1 }],
    }).json.result;
    expect(low.rejected[0].reason).toMatch(/STOCK_TOO_LOW/);
  });
});

describe('buyers’ discount requests', () => {
  const a = api({ seed: 17, postings: 50 });
  const open = () => a.call('/v2/actions/discounts-task/list', { status: 'NEW', limit: 50 }).json.tasks;

  it('approve within the original price; decline; a decided request fails the second time', () => {
    const [first, second] = open();
    const ok = a.call('/v1/actions/discounts-task/approve', {
      tasks: [
        {
          id: first.id,
          approved_price: first.requested_price,
          approved_quantity_min: 1,
          approved_quantity_max: first.requested_quantity_max,
        },
        {
          id: second.id,
          approved_price: second.original_price + 1,
          approved_quantity_min: 1,
          approved_quantity_max: 1,
        },
      ],
    }).json.result;
    expect(ok.success_count).toBe(1);
    expect(ok.fail_details).toEqual([expect.objectContaining({ task_id: second.id })]);
    const no = a.call('/v1/actions/discounts-task/decline', { tasks: [{ id: second.id }, { id: first.id }] })
      .json.result;
    expect(no.success_count).toBe(1);
    expect(no.fail_details.map((f: { task_id: number }) => f.task_id)).toEqual([first.id]);
    const all = a.call('/v2/actions/discounts-task/list', { status: 'ALL', limit: 50 }).json.tasks;
    expect(all.find((x: { id: number }) => x.id === first.id).status).toBe('APPROVED');
    expect(all.find((x: { id: number }) => x.id === second.id).status).toBe('DECLINED');
    expect(open().map((x: { id: number }) => x.id)).not.toContain(first.id);
  });

  it('the list pages by last_id and refuses a limit outside Ozon’s set', () => {
    const all = a.call('/v2/actions/discounts-task/list', { status: 'ALL', limit: 5 }).json.tasks;
    const next = a.call('/v2/actions/discounts-task/list', { status: 'ALL', limit: 5, last_id: all[4].id })
      .json.tasks;
    expect(next.every((x: { id: number }) => x.id > all[4].id)).toBe(true);
    expect(a.raw('/v2/actions/discounts-task/list', JSON.stringify({ limit: 7 })).status).toBe(400);
  });
});

describe('/v1/product/import/prices and quantity discounts', () => {
  const a = api({ seed: 17, postings: 50 });
  const p = a.sim.state.products.find((x) => !x.archived && x.oldPrice > x.price + 100)!;

  it('sets price and min price, read back by /v5/product/info/prices; per-item errors', () => {
    const price = Math.round(p.price - 50);
    const r = a.call('/v1/product/import/prices', {
      prices: [
        { offer_id: p.offerId, price: String(price), min_price: String(price - 10) },
        { offer_id: p.offerId + '-none', price: '100' },
        { offer_id: p.offerId, price: String(price), min_price: String(price + 1) },
      ],
    }).json.result;
    expect(r.map((x: { updated: boolean }) => x.updated)).toEqual([true, false, false]);
    expect(r[1].errors[0].code).toBe('PRODUCT_NOT_FOUND');
    expect(r[2].errors[0].code).toBe('MIN_PRICE_ABOVE_PRICE');
    const read = a.call('/v5/product/info/prices', {
      filter: { offer_id: [p.offerId], visibility: 'ALL' },
      limit: 1,
    }).json.items[0].price;
    expect(read).toEqual(expect.objectContaining({ price, min_price: price - 10 }));
  });

  it('a product’s price changes at most 10 times an hour', () => {
    const codes: string[] = [];
    for (let k = 0; k < 11; k++) {
      const r = a.call('/v1/product/import/prices', {
        prices: [{ offer_id: p.offerId, price: String(p.price - 1) }],
      });
      codes.push(r.json.result[0].errors[0]?.code ?? 'ok');
    }
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThan(0);
  });

  it('quantity discount steps must grow; a valid stairway is accepted', () => {
    const good = a.call('/v1/product/stairway-discount/by-quantity/set', {
      stairways: [
        {
          sku: p.sku,
          enabled: true,
          stairway: {
            steps: [
              { step: 1, quantity: 3, discount: 5 },
              { step: 2, quantity: 10, discount: 10 },
            ],
          },
        },
      ],
    }).json;
    expect(good).toEqual(expect.objectContaining({ accepted: true, errors: [] }));
    const bad = a.call('/v1/product/stairway-discount/by-quantity/set', {
      stairways: [
        {
          sku: p.sku,
          enabled: true,
          stairway: {
            steps: [
              { step: 1, quantity: 5, discount: 10 },
              { step: 2, quantity: 3, discount: 5 },
            ],
          },
        },
      ],
    }).json;
    expect(bad.accepted).toBe(false);
    expect(bad.errors[0].data.map((d: { field: string }) => d.field)).toEqual(['quantity', 'discount']);
  });

  it('old_price must stay far enough above price (Ozon’s table), or be 0', () => {
    const q = a.sim.state.products.find(
      (x) => x !== p && !x.archived && x.oldPrice > 0 && x.price >= 400 && x.price <= 9000,
    )!;
    const close = Math.round(q.oldPrice - q.oldPrice * 0.02);
    const r = a.call('/v1/product/import/prices', {
      prices: [
        { offer_id: q.offerId, price: String(close) },
        { offer_id: q.offerId, price: String(close), old_price: '0' },
      ],
    }).json.result;
    expect(r[0].errors[0].code).toBe('OLD_PRICE_NOT_ABOVE_PRICE');
    expect(r[1].errors).toEqual([]);
    expect(r[1].updated).toBe(true);
  });

  it('get reads back each SKU’s steps; removing one and more than 4 steps', () => {
    const steps = [1, 2, 3, 4, 5].map((k) => ({ step: k, quantity: k * 2, discount: k * 3 }));
    const five = a.call('/v1/product/stairway-discount/by-quantity/set', {
      stairways: [{ sku: p.sku, enabled: true, stairway: { steps } }],
    }).json;
    expect(five.errors[0].data.map((d: { code: string }) => d.code)).toEqual(['TOO_MANY_STEPS']);
    const read = () =>
      a.call('/v1/product/stairway-discount/by-quantity/get', { skus: [String(p.sku), '1'] }).json.stairways;
    expect(read()).toEqual([
      {
        sku: p.sku,
        enabled: true,
        status: 'SUCCESS',
        stairway: {
          steps: [
            { step: 1, quantity: 3, discount: 5 },
            { step: 2, quantity: 10, discount: 10 },
          ],
        },
      },
    ]);
    a.call('/v1/product/stairway-discount/by-quantity/set', {
      stairways: [{ sku: p.sku, enabled: false, stairway: { steps: [] } }],
    });
    expect(read()[0]).toMatchObject({ enabled: false, stairway: { steps: [] } });
    expect(a.call('/v1/product/stairway-discount/by-quantity/get', { skus: [] }).status).toBe(400);
  });
});
