// Point 8: a product or buyer name over the Sheets cell limit (50,000 characters) is cut with a
// visible marker; the sync lands every posting, and the next sync does not rewrite the cut cells.
import { demoShop, tabRecords } from '../../support/shop';

const MARKER = ' …[✂]';

describe('one giant text', () => {
  test('a 80,000-character product name and a 120,000-character buyer name never stop a sync', () => {
    const { rt, sim } = demoShop({ postings: 60 });
    const postings = [...sim.state.postings.values()];
    const withLine = postings[0];
    withLine.lines[0].name = 'Кружка '.repeat(12_000).slice(0, 80_000);
    const withBuyer = postings.find((p) => p.buyer);
    if (!withBuyer?.buyer) throw new Error('the demo shop has no rFBS posting with a buyer');
    withBuyer.buyer = { ...withBuyer.buyer, name: 'Анна '.repeat(30_000) };

    const first = rt.run<{ ok: boolean; data: { result: string; added: number } }>('syncOrders');
    expect(first.ok).toBe(true);
    expect(first.data.result).toBe('done');
    const orders = tabRecords(rt, 'Orders');
    expect(new Set(orders.map((o) => o['Posting number'])).size).toBe(sim.state.postings.size);
    const line = tabRecords(rt, 'Order lines').find(
      (l) => l['Line key'] === `${withLine.postingNumber}/${withLine.lines[0].sku}`,
    );
    const name = String(line?.['Product name']);
    expect(name.length).toBe(50_000);
    expect(name.endsWith(MARKER)).toBe(true);
    expect(name.startsWith('Кружка Кружка')).toBe(true);
    const buyer = String(orders.find((o) => o['Posting number'] === withBuyer.postingNumber)?.['Buyer']);
    expect(buyer.length).toBe(50_000);
    expect(buyer.endsWith(MARKER)).toBe(true);

    rt.clock.advance(60_000);
    const again = rt.run<{ ok: boolean; data: { result: string; updated: number } }>('syncOrders');
    expect(again.data).toMatchObject({ result: 'done', updated: 0 });
    expect(tabRecords(rt, 'Sync log').every((row) => row['Result'] === 'ok')).toBe(true);
  });
});
