// Stocks (set and read, the 30-second pair rule, limits), products, prices, warehouses: paging and filters.
import { api } from './support';

describe('/v2/products/stocks', () => {
  const a = api({ seed: 61, postings: 300 });
  let t = a.sim.now();
  a.sim.setClock(() => t);
  const p = a.sim.state.products[3];
  const wh = a.sim.state.warehouses[0].id;
  const readFbs = () =>
    a
      .call('/v4/product/info/stocks', {
        filter: { product_id: [String(p.productId)], visibility: 'ALL' },
        limit: 10,
      })
      .json.items[0].stocks.find((s: { type: string }) => s.type === 'fbs');

  it('sets the free stock; reads show present = stock + reserved', () => {
    const before = readFbs();
    const cellBefore = { ...a.sim.state.stocks.get(`${p.productId}:${wh}`)! };
    const reserved = before.reserved;
    const r = a.call('/v2/products/stocks', {
      stocks: [{ offer_id: p.offerId, product_id: p.productId, stock: 17, warehouse_id: wh }],
    });
    expect(r.json.result).toEqual([
      { errors: [], offer_id: p.offerId, product_id: p.productId, updated: true, warehouse_id: wh },
    ]);
    expect(a.sim.state.stocks.get(`${p.productId}:${wh}`)).toEqual(
      expect.objectContaining({ present: 17 + a.sim.state.stocks.get(`${p.productId}:${wh}`)!.reserved }),
    );
    expect(readFbs().reserved).toBe(reserved);
    expect(readFbs().present - before.present).toBe(17 + cellBefore.reserved - cellBefore.present);
  });

  it('the same product–warehouse pair more often than every 30 s is a per-item TOO_MANY_REQUESTS', () => {
    t += 10_000;
    const again = a.call('/v2/products/stocks', {
      stocks: [{ offer_id: p.offerId, product_id: p.productId, stock: 5, warehouse_id: wh }],
    });
    expect(again.status).toBe(200);
    expect(again.json.result[0].updated).toBe(false);
    expect(again.json.result[0].errors[0].code).toBe('TOO_MANY_REQUESTS');
    t += 21_000;
    const later = a.call('/v2/products/stocks', {
      stocks: [{ offer_id: p.offerId, product_id: p.productId, stock: 5, warehouse_id: wh }],
    });
    expect(later.json.result[0].updated).toBe(true);
  });

  it('rejects stock ≥ 1,000,000, unknown products and warehouses per item; more than 100 items is a 400', () => {
    t += 60_000;
    const other = a.sim.state.products[4];
    const r = a.call('/v2/products/stocks', {
      stocks: [
        { offer_id: other.offerId, product_id: other.productId, stock: 1_000_000, warehouse_id: wh },
        { offer_id: 'no-such-offer', product_id: 1, stock: 1, warehouse_id: wh },
        { offer_id: other.offerId, product_id: other.productId, stock: 1, warehouse_id: 42 },
      ],
    });
    expect(r.json.result.map((x: { errors: { code: string }[] }) => x.errors[0].code)).toEqual([
      'STOCK_TOO_BIG',
      'PRODUCT_NOT_FOUND',
      'WAREHOUSE_NOT_FOUND',
    ]);
    const many = Array.from({ length: 101 }, () => ({
      offer_id: other.offerId,
      product_id: other.productId,
      stock: 1,
      warehouse_id: wh,
    }));
    expect(a.call('/v2/products/stocks', { stocks: many }).status).toBe(400);
  });

  it('an offer id with leading zeros identifies its product', () => {
    t += 60_000;
    const zero = a.sim.state.productsByOffer.get('000123')!;
    const r = a.call('/v2/products/stocks', {
      stocks: [{ offer_id: '000123', product_id: zero.productId, stock: 3, warehouse_id: wh }],
    });
    expect(r.json.result[0]).toEqual(expect.objectContaining({ offer_id: '000123', updated: true }));
  });
});

describe('catalogue paging', () => {
  const a = api({ seed: 62, postings: 100, products: 130 });

  it('/v3/product/list pages by last_id and returns every product once', () => {
    const ids: number[] = [];
    let last = '';
    for (let i = 0; i < 10; i++) {
      const r = a.call('/v3/product/list', { filter: { visibility: 'ALL' }, last_id: last, limit: 50 }).json
        .result;
      ids.push(...r.items.map((x: { product_id: number }) => x.product_id));
      expect(r.total).toBe(130);
      last = r.last_id;
      if (!last) break;
    }
    expect(ids.sort()).toEqual(a.sim.state.products.map((p) => p.productId).sort());
  });

  it('/v4/product/info/stocks and /v5/product/info/prices page by cursor and end with an empty cursor', () => {
    for (const path of ['/v4/product/info/stocks', '/v5/product/info/prices']) {
      const seen: string[] = [];
      let cursor = '';
      for (let i = 0; i < 10; i++) {
        const r = a.call(path, { filter: { visibility: 'ALL' }, limit: 60, cursor }).json;
        seen.push(...r.items.map((x: { offer_id: string }) => x.offer_id));
        cursor = r.cursor;
        if (!cursor) break;
      }
      expect(seen.sort()).toEqual(a.sim.state.products.map((p) => p.offerId).sort());
    }
    expect(a.call('/v4/product/info/stocks', { filter: {}, limit: 1001 }).status).toBe(400);
  });

  it('/v3/product/info/list finds by offer_id, product_id and sku; needs at least one', () => {
    const [x, y, z] = a.sim.state.products;
    const r = a.call('/v3/product/info/list', {
      offer_id: [x.offerId],
      product_id: [String(y.productId)],
      sku: [String(z.sku)],
    });
    expect(r.json.items.map((i: { id: number }) => i.id).sort()).toEqual(
      [x.productId, y.productId, z.productId].sort(),
    );
    expect(r.json.items[0].price).toMatch(/^\d+\.\d\d$/);
    expect(a.call('/v3/product/info/list', {}).status).toBe(400);
  });

  it('per-warehouse stocks: by SKU/offer and a whole warehouse by cursor', () => {
    const [x] = a.sim.state.products;
    const r = a.call('/v1/product/info/stocks-by-warehouse/fbs', { sku: [String(x.sku)] });
    expect(r.specErrors).toEqual([]);
    expect(r.json.result).toHaveLength(a.sim.state.warehouses.length);
    const wh = a.sim.state.warehouses[1];
    const cell = a.sim.state.stocks.get(`${x.productId}:${wh.id}`)!;
    expect(r.json.result.find((s: { warehouse_id: number }) => s.warehouse_id === wh.id)).toEqual(
      expect.objectContaining({ present: cell.present, reserved: cell.reserved, offer_id: x.offerId }),
    );
    const seen: number[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = a.call('/v1/product/info/warehouse/stocks', { warehouse_id: wh.id, limit: 100, cursor });
      expect(page.specErrors).toEqual([]);
      seen.push(...page.json.stocks.map((s: { product_id: number }) => s.product_id));
      cursor = page.json.cursor;
      if (!page.json.has_next) break;
    }
    expect(seen).toHaveLength(130);
  });

  it('/v2/warehouse/list lists FBS and rFBS warehouses', () => {
    const r = a.call('/v2/warehouse/list', { limit: 200 }).json;
    expect(r.has_next).toBe(false);
    expect(r.warehouses.map((w: { is_rfbs: boolean }) => w.is_rfbs).sort()).toEqual([false, false, true]);
    expect(a.raw('/v2/warehouse/list', JSON.stringify({ limit: 201 })).status).toBe(400);
  });
});
