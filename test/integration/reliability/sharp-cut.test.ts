// Point 3, the second half: a push that would cut stock sharply for many products (half or more, by at
// least five units, on five products or a fifth of a small shop) sends nothing until the seller confirms
// it: the sidebar gets what would be cut and sends back its token; the menu asks YES/NO; the push after
// an hourly sync is skipped and the Sync log says so, in the seller's language. Nothing reaches Ozon
// without the confirmation, whoever calls.
import { headerIn } from '../../../src/core/i18n/headers';
import { t, type Lang } from '../../../src/core/i18n/messages';
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';

jest.setTimeout(180_000);

const STOCKS = '/v2/products/stocks';

interface Push {
  updated: unknown[];
  message: string;
  needsConfirmation?: {
    token: string;
    count: number;
    pairs: number;
    examples: { offerId: string; from: number; to: number }[];
  };
}
type Result<T> = { ok: boolean; data: T; error?: { code: string; message: string; field?: string } };

function stocked(shop: DemoShop, lang: Lang) {
  const { rt } = shop;
  rt.properties.user.set('ODESK_LANGUAGE', lang);
  rt.run('syncOrders');
  expect(rt.run<Result<unknown>>('importProducts').ok).toBe(true);
  expect(rt.run<Result<Push>>('pushStockToOzon').data.needsConfirmation).toBeUndefined();
  rt.clock.advance(31_000);
}

/** The seller counts `n` well-stocked offers as empty (a mistyped count, a wrong sheet): a sharp cut. */
function countEmpty(shop: DemoShop, n: number, lang: Lang = 'en'): string[] {
  const h = (english: string) => headerIn(lang, english);
  const rows = tabRecords(shop.rt, 'Inventory').filter(
    (r) => Number(r[h('Pushed stock')]) >= 10 && Number(r[h('Reserved')]) === 0,
  );
  expect(rows.length).toBeGreaterThanOrEqual(n);
  const offers = rows.slice(0, n).map((r) => String(r[h('Offer ID')]));
  for (const offerId of offers) {
    const done = shop.rt.callFromSidebar<Result<unknown>>('recordStockMove', {
      offerId,
      reason: 'count',
      quantity: 0,
    });
    expect([offerId, done.ok]).toEqual([offerId, true]);
  }
  return offers;
}

/** What Ozon offers for sale: its stock less what its open orders reserve. */
function ozonStock(shop: DemoShop, offerId: string): number {
  const product = shop.sim.state.productsByOffer.get(offerId);
  if (!product) throw new Error(`no product ${offerId}`);
  let free = 0;
  for (const w of shop.sim.state.warehouses) {
    const stock = shop.sim.state.stocks.get(`${product.productId}:${w.id}`);
    free += (stock?.present ?? 0) - (stock?.reserved ?? 0);
  }
  return free;
}

/** The text of a message before its first placeholder: what a filled-in message starts with. */
const opening = (lang: Lang, key: Parameters<typeof t>[1]) => t(lang, key).split('{')[0];

describe('a push that would cut stock sharply for many products', () => {
  test('the sidebar confirms the cut it was shown; the menu asks YES/NO', () => {
    const shop = demoShop({ postings: 120, products: 30, days: 7, warehouses: 1 });
    const { rt, sim } = shop;
    stocked(shop, 'en');
    const cut = countEmpty(shop, 6);
    const before = new Map(cut.map((o) => [o, ozonStock(shop, o)]));
    sim.resetStats();

    // The sidebar: nothing sent, the cut shown.
    const asked = rt.callFromSidebar<Result<Push>>('pushStockToOzon', { source: 'sidebar' });
    expect(asked.ok).toBe(true);
    const preview = asked.data.needsConfirmation;
    // Of the offers a full push covers (those with a product at Ozon and a warehouse).
    const pairs = preview?.pairs ?? 0;
    expect(preview?.count).toBe(6);
    expect(pairs).toBeGreaterThanOrEqual(10);
    expect(pairs).toBeLessThanOrEqual(30);
    expect(preview?.examples).toHaveLength(5);
    for (const e of preview?.examples ?? []) {
      expect(cut).toContain(e.offerId);
      expect(e.to).toBe(0);
      expect(e.from).toBeGreaterThanOrEqual(10);
    }
    expect(asked.data.message).toContain('Nothing was sent to Ozon');
    expect(asked.data.message).toContain(`6 of ${pairs} products`);
    expect(asked.data.updated).toEqual([]);
    expect(sim.stats.byPath[STOCKS] ?? 0).toBe(0);

    // Another token (an old or a made-up one) confirms nothing; a malformed one is refused by zod.
    const other = rt.callFromSidebar<Result<Push>>('pushStockToOzon', {
      source: 'sidebar',
      confirmCut: '6-abc',
    });
    expect(other.data.needsConfirmation?.token).toBe(preview?.token);
    expect(other.data.message).toContain('the figures changed since you confirmed');
    const bad = rt.callFromSidebar<Result<Push>>('pushStockToOzon', { source: 'sidebar', confirmCut: 42 });
    expect(bad.error).toEqual({
      code: 'input',
      field: 'confirmCut',
      message: t('en', 'error.inventory.confirmCut'),
    });
    expect(sim.stats.byPath[STOCKS] ?? 0).toBe(0);
    for (const o of cut) expect(ozonStock(shop, o)).toBe(before.get(o));

    // The menu: NO sends nothing; YES sends the cut.
    rt.ui.alertResponder = () => 'NO';
    const declined = rt.run<Result<Push>>('pushStockToOzon');
    expect(rt.ui.alerts.at(-1)).toMatchObject({
      title: t('en', 'inventory.sharpCut.title'),
      buttons: 'YES_NO',
    });
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(`6 of ${pairs} products`);
    expect(declined.data.message).toBe(t('en', 'inventory.sharpCut.declined', { count: 6 }));
    expect(sim.stats.byPath[STOCKS] ?? 0).toBe(0);
    rt.ui.alertResponder = () => 'YES';
    const pushed = rt.run<Result<Push>>('pushStockToOzon');
    expect(pushed.data.needsConfirmation).toBeUndefined();
    expect(sim.stats.byPath[STOCKS] ?? 0).toBeGreaterThan(0);
    for (const o of cut) expect(ozonStock(shop, o)).toBe(0);

    // Confirmed from the sidebar with the token it was shown: the cut goes out.
    rt.clock.advance(31_000);
    const next = countEmpty(shop, 6);
    sim.resetStats();
    const shown = rt.callFromSidebar<Result<Push>>('pushStockToOzon', { source: 'sidebar' });
    const token = shown.data.needsConfirmation?.token;
    expect(token).toBeDefined();
    const confirmed = rt.callFromSidebar<Result<Push>>('pushStockToOzon', {
      source: 'sidebar',
      confirmCut: token,
    });
    expect(confirmed.data.needsConfirmation).toBeUndefined();
    expect(confirmed.data.updated.length).toBeGreaterThan(0);
    for (const o of next) expect(ozonStock(shop, o)).toBe(0);
  });

  test.each<Lang>(['en', 'ru', 'zh'])('the push after an hourly sync is skipped and logged (%s)', (lang) => {
    const shop = demoShop({ postings: 80, products: 20, days: 5, warehouses: 1 });
    const { rt, sim } = shop;
    stocked(shop, lang);
    expect(rt.callFromSidebar<Result<unknown>>('saveInventorySettings', { pushAfterSync: true }).ok).toBe(
      true,
    );
    const cut = countEmpty(shop, 5, lang);
    const before = new Map(cut.map((o) => [o, ozonStock(shop, o)]));
    sim.resetStats();
    rt.clock.advance(3_600_000);
    rt.run('syncOrders', [], { trigger: 'time' });
    expect(sim.stats.byPath[STOCKS] ?? 0).toBe(0);
    for (const o of cut) expect(ozonStock(shop, o)).toBe(before.get(o));
    const log = tabRecords(rt, 'Sync log').at(-1) ?? {};
    const error = Object.values(log)
      .map(String)
      .find((v) => v.startsWith(opening(lang, 'inventory.sharpCut.skipped')));
    expect(error).toBeDefined();
    expect(error).toContain(cut[0]);
  });
});
