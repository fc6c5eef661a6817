// Point 8: one bad record never stops a sync. A posting Ozon sends in a shape the add-on cannot read
// (a field that fails validation, an odd value) is set aside: every other posting lands, the Sync log
// names the bad one by its posting number, and the next sync reads it again; once Ozon sends it right,
// it lands too. (Giant texts are cut at the cell limit: see giant-texts.test.ts.)
import { expectEachEqual } from '../../support/expect-each';
import { demoShop, tabRecords } from '../../support/shop';

jest.setTimeout(120_000);

type Sync = { ok: boolean; data: { result: string; added: number; updated: number } };

const numbers = (rows: Record<string, unknown>[]) => new Set(rows.map((r) => String(r['Posting number'])));

describe('one bad record', () => {
  test('an FBS and an FBO posting that fail validation are set aside, logged, and retried next run', () => {
    const { rt, sim } = demoShop({ postings: 200, days: 10 });
    rt.properties.user.set('ODESK_LANGUAGE', 'en');
    const all = [...sim.state.postings.values()];
    const fbs = all.find((p) => p.scheme === 'fbs');
    const fbo = all.find((p) => p.scheme === 'fbo');
    if (!fbs || !fbo) throw new Error('the demo shop lacks an FBS or an FBO posting');
    // A product list that is not a list, and a quantity that is not a number.
    sim.garblePosting(fbs.postingNumber, (item) => void (item.products = 'n/a'));
    sim.garblePosting(fbo.postingNumber, (item) => {
      const products = item.products as Record<string, unknown>[];
      products[0].quantity = 'a few';
    });

    const first = rt.run<Sync>('syncOrders');
    expect(first.ok).toBe(true);
    expect(first.data.result).toBe('done');
    const landed = numbers(tabRecords(rt, 'Orders'));
    expect(landed.has(fbs.postingNumber)).toBe(false);
    expect(landed.has(fbo.postingNumber)).toBe(false);
    expect(landed.size).toBe(sim.state.postings.size - 2);
    let log = tabRecords(rt, 'Sync log');
    let last = log[log.length - 1];
    expect(last['Result']).toBe('ok');
    expect(String(last['Error'])).toContain('Set aside 2 postings');
    expect(String(last['Error'])).toContain(`${fbs.postingNumber} (products:`);
    expect(String(last['Error'])).toContain(`${fbo.postingNumber} (products[0].quantity:`);

    // Still bad: read again by number, still named, still nothing else lost.
    rt.clock.advance(3_600_000);
    const second = rt.run<Sync>('syncOrders');
    expect(second.data.result).toBe('done');
    log = tabRecords(rt, 'Sync log');
    last = log[log.length - 1];
    expect(String(last['Error'])).toContain('Set aside 2 postings');
    expect(sim.stats.byPath['/v3/posting/fbs/get']).toBeGreaterThan(0);
    expect(sim.stats.byPath['/v2/posting/fbo/get']).toBeGreaterThan(0);

    // Ozon sends them right again: the next sync lands both, though neither changed status.
    sim.garblePosting(fbs.postingNumber, undefined);
    sim.garblePosting(fbo.postingNumber, undefined);
    rt.clock.advance(3_600_000);
    const third = rt.run<Sync>('syncOrders');
    expect(third.data.result).toBe('done');
    const after = numbers(tabRecords(rt, 'Orders'));
    expect(after.has(fbs.postingNumber)).toBe(true);
    expect(after.has(fbo.postingNumber)).toBe(true);
    expectEachEqual(landed, (n) => [
      [n, after.has(n)],
      [n, true],
    ]);
    log = tabRecords(rt, 'Sync log');
    expect(String(log[log.length - 1]['Error'])).not.toContain('Set aside');
    expect(rt.properties.document.get('ODESK_SYNC_SET_ASIDE')).toBeUndefined();
  });

  test('a page whose every posting is bad still pages on', () => {
    const { rt, sim } = demoShop({ postings: 300, days: 3 });
    rt.properties.user.set('ODESK_LANGUAGE', 'en');
    const fbs = [...sim.state.postings.values()].filter((p) => p.scheme !== 'fbo' && p.scheme !== 'fbp');
    // The first 100 by processing time fill a first page of the list (the add-on pages by 100).
    const firstPage = fbs.sort((a, b) => a.inProcessAt - b.inProcessAt).slice(0, 100);
    for (const p of firstPage)
      sim.garblePosting(p.postingNumber, (item) => void (item.status = { code: 'odd' }));
    const sync = rt.run<Sync>('syncOrders');
    expect(sync.data.result).toBe('done');
    const landed = numbers(tabRecords(rt, 'Orders'));
    expectEachEqual(fbs.slice(100), (p) => [
      [p.postingNumber, landed.has(p.postingNumber)],
      [p.postingNumber, true],
    ]);
    expectEachEqual(firstPage, (p) => [
      [p.postingNumber, landed.has(p.postingNumber)],
      [p.postingNumber, false],
    ]);
    const log = tabRecords(rt, 'Sync log');
    expect(String(log[log.length - 1]['Error'])).toMatch(/Set aside 100 postings/);
  });
});
