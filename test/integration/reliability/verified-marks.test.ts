// Point 9: only the add-on's own marks verify an order; whatever else a seller types in Verified
// ("not verified", "pending", "нет", "❌", "TODO"…) leaves it not verified, and it cannot ship.
import { demoShop, type DemoShop } from '../../support/shop';
import { setCell } from '../../support/seller';

jest.setTimeout(60_000);

type Result = {
  ok: boolean;
  data?: { orders?: { posting: string; state: string }[] };
  error?: { code: string };
};

function ready(shop: DemoShop, count: number) {
  return [...shop.sim.state.postings.values()]
    .filter((p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging')
    .slice(0, count);
}

function ship(
  shop: DemoShop,
  posting: { postingNumber: string; lines: { sku: number; quantity: number }[] },
) {
  return shop.rt.callFromSidebar('shipOrder', {
    posting: posting.postingNumber,
    packages: [{ items: posting.lines.map((l) => ({ sku: String(l.sku), quantity: l.quantity })) }],
  }) as Result;
}

describe('"Verified" by accident', () => {
  test("typed words that are not the add-on's marks never let an order ship", () => {
    const shop = demoShop({ postings: 300, products: 30, days: 4 });
    shop.rt.properties.user.set('ODESK_LANGUAGE', 'en');
    expect(shop.rt.run<{ ok: boolean }>('syncOrders').ok).toBe(true);
    const words = ['not verified', 'pending', 'нет', '❌', 'TODO', 'x', 'ok?', 'Yes, but check'];
    const postings = ready(shop, words.length + 3);
    expect(postings.length).toBe(words.length + 3);

    words.forEach((word, i) =>
      setCell(shop.rt, 'Orders', 'Posting number', postings[i].postingNumber, 'Verified', word),
    );
    for (const [i, word] of words.entries()) {
      const answer = ship(shop, postings[i]);
      expect([word, answer.ok, answer.error?.code]).toEqual([word, false, 'desk.notVerified']);
      expect(shop.sim.state.postings.get(postings[i].postingNumber)?.status).toBe('awaiting_packaging');
    }
    const desk = shop.rt.callFromSidebar('getDeskOrders', {
      postings: postings.map((p) => p.postingNumber),
    }) as Result;
    expect(desk.ok).toBe(true);
    const states = new Map((desk.data?.orders ?? []).map((o) => [o.posting, o.state]));
    for (const posting of postings.slice(0, words.length))
      expect(states.get(posting.postingNumber)).toBe('to_verify');

    // The add-on's own mark, in each of its languages, still verifies an order marked by hand.
    const own = ['Yes', 'Да', '是'];
    own.forEach((mark, k) => {
      const posting = postings[words.length + k];
      setCell(shop.rt, 'Orders', 'Posting number', posting.postingNumber, 'Verified', mark);
      const answer = ship(shop, posting);
      expect([mark, answer.ok]).toEqual([mark, true]);
    });
  });
});
