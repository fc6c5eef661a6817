import {
  acceptMoves,
  deriveOrderMoves,
  indexLedger,
  moveToRow,
  returnReceivedMove,
  shipmentKey,
  type LedgerRow,
  type PostingFacts,
  type StockMove,
} from '../../../src/core/inventory/ledger';
import { SHIPPED_STATUSES } from '../../../src/core/orders/statuses';
import { planInventory } from '../../../src/core/inventory/plan';
import { fixedOffset } from '../../../src/core/time/serial';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;

/** Small seeded generator (mulberry32): the same seed replays the same case. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

function posting(n: string, status: string, lines: [string, number][], schema = 'FBS', shipAt = NOW - DAY) {
  return {
    postingNumber: n,
    schema,
    status,
    shipAt,
    lines: lines.map(([offerId, quantity]) => ({ offerId, sku: `sku-${offerId}`, name: offerId, quantity })),
  } satisfies PostingFacts;
}

const sum = (moves: readonly { offerId: string; quantity: number }[], offerId: string) =>
  moves.filter((m) => m.offerId === offerId).reduce((s, m) => s + m.quantity, 0);

describe('deriving moves from orders', () => {
  it('ships a packed FBS/rFBS posting once per posting × offer, adding up lines of the same offer', () => {
    const postings = [
      posting('1-1', 'awaiting_deliver', [
        ['A', 2],
        ['A', 1],
        ['B', 1],
      ]),
      posting('2-1', 'delivered', [['A', 4]], 'rFBS'),
    ];
    const moves = deriveOrderMoves(postings, indexLedger([]), NOW, 'sync');
    expect(moves.map((m) => [m.key, m.quantity, m.reason])).toEqual([
      ['shipment:1-1:A', -3, 'shipment'],
      ['shipment:1-1:B', -1, 'shipment'],
      ['shipment:2-1:A', -4, 'shipment'],
    ]);
    const again = deriveOrderMoves(postings, indexLedger(moves.map(moveToRow)), NOW, 'sync');
    expect(again).toEqual([]);
  });

  it('leaves FBO postings, open postings and split parents alone', () => {
    const postings = [
      posting('1-1', 'delivered', [['A', 2]], 'FBO'),
      posting('2-1', 'awaiting_packaging', [['A', 1]]),
      posting('3-1', 'cancelled_from_split_pending', [['A', 1]]),
      posting('4-1', 'cancelled', [['A', 1]]),
    ];
    expect(deriveOrderMoves(postings, indexLedger([]), NOW, 'sync')).toEqual([]);
  });

  it('puts the stock of a cancelled shipped posting back once', () => {
    const shipped = deriveOrderMoves(
      [posting('1-1', 'awaiting_deliver', [['A', 2]])],
      indexLedger([]),
      NOW,
      's',
    );
    const index = indexLedger(shipped.map(moveToRow));
    const back = deriveOrderMoves([posting('1-1', 'cancelled', [['A', 2]])], index, NOW, 's');
    expect(back.map((m) => [m.key, m.quantity, m.reason])).toEqual([['cancel:1-1:A', 2, 'cancellation']]);
    acceptMoves(index, back);
    expect(deriveOrderMoves([posting('1-1', 'cancelled', [['A', 2]])], index, NOW, 's')).toEqual([]);
    expect(index.onHand.get('A')).toBe(0);
  });

  it('books only what moved after the opening count (Ozon’s figure then), dated when it happened', () => {
    const opened = NOW - DAY;
    const H = 3_600_000;
    const index = indexLedger([{ offerId: 'A', quantity: 10, when: opened, key: 'opening:A' }]);
    const at = (p: PostingFacts, patch: Partial<PostingFacts>) => ({ ...p, ...patch });
    const moves = deriveOrderMoves(
      [
        posting('old', 'delivered', [['A', 1]], 'FBS', opened - 5 * DAY),
        // Packed before the count: Ozon still counted its goods, so nothing is booked yet…
        at(posting('packed-before', 'awaiting_deliver', [['A', 2]], 'FBS', opened + DAY), {
          changedAt: opened - H,
        }),
        // …and once Ozon takes it into delivery after the count, it is booked then.
        at(posting('handed-after', 'delivering', [['A', 3]], 'FBS', opened + 2 * DAY), {
          changedAt: opened + 5 * H,
          handedAt: opened + 4 * H,
        }),
        // Handed over before the count although its ship-by deadline is days ahead: not booked.
        at(posting('early', 'delivering', [['A', 4]], 'FBS', opened + 2 * DAY), { handedAt: opened - 2 * H }),
        // Packed after the count: booked when the sync saw it packed, not at the ship-by deadline.
        at(posting('packed-after', 'awaiting_deliver', [['A', 5]], 'FBS', NOW + DAY), {
          changedAt: opened + 6 * H,
        }),
      ],
      index,
      NOW,
      's',
    );
    expect(moves.map((m) => [m.key, m.when])).toEqual([
      ['shipment:handed-after:A', opened + 4 * H],
      ['shipment:packed-after:A', opened + 6 * H],
    ]);
  });

  it('without an opening count books every shipment, never dated in the future', () => {
    const moves = deriveOrderMoves(
      [posting('p', 'awaiting_deliver', [['A', 1]], 'FBS', NOW + 2 * DAY)],
      indexLedger([]),
      NOW,
      's',
    );
    expect(moves.map((m) => m.when)).toEqual([NOW]);
  });
});

describe('returns received (the customer-service API)', () => {
  const base = { returnId: 'R1', postingNumber: '1-1', offerId: 'A', when: NOW, who: 'cs' };

  it('records a return once and never brings back more than the posting shipped', () => {
    const index = indexLedger([
      { offerId: 'A', quantity: -2, when: NOW - DAY, key: shipmentKey('1-1', 'A') },
    ]);
    const first = returnReceivedMove({ ...base, quantity: 1 }, index);
    expect(first).toMatchObject({ quantity: 1, reason: 'return', key: 'return:R1:1-1:A' });
    acceptMoves(index, [first as StockMove]);
    expect(returnReceivedMove({ ...base, quantity: 1 }, index)).toBeNull();
    expect(returnReceivedMove({ ...base, returnId: 'R2', quantity: 5 }, index)).toMatchObject({
      quantity: 1,
    });
  });

  it('gives nothing back for a posting whose cancellation already returned the goods', () => {
    const rows: LedgerRow[] = [
      { offerId: 'A', quantity: -2, when: NOW - DAY, key: 'shipment:1-1:A' },
      { offerId: 'A', quantity: 2, when: NOW, key: 'cancel:1-1:A' },
    ];
    expect(returnReceivedMove({ ...base, quantity: 2 }, indexLedger(rows))).toBeNull();
    // …and a cancellation after a full return puts nothing back either.
    const returned = indexLedger([rows[0], { offerId: 'A', quantity: 2, when: NOW, key: 'return:R1:1-1:A' }]);
    expect(deriveOrderMoves([posting('1-1', 'cancelled', [['A', 2]])], returned, NOW, 's')).toEqual([]);
  });

  it('refuses fractions and non-positive quantities', () => {
    expect(returnReceivedMove({ ...base, quantity: 0 }, indexLedger([]))).toBeNull();
    expect(returnReceivedMove({ ...base, quantity: 1.5 }, indexLedger([]))).toBeNull();
  });
});

describe('ledger properties (seeded random sync histories)', () => {
  const STATUSES_PATH = [
    ['awaiting_packaging', 'awaiting_deliver', 'delivering', 'delivered'],
    ['awaiting_packaging', 'cancelled'],
    ['awaiting_packaging', 'awaiting_deliver', 'cancelled'],
    ['awaiting_packaging', 'awaiting_deliver', 'delivering', 'cancelled'],
    ['awaiting_packaging', 'awaiting_deliver', 'not_accepted'],
    ['awaiting_registration', 'cancelled_from_split_pending'],
  ];
  const OFFERS = ['A', '007', 'B-1', 'C:1'];

  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}: on hand equals the sum of moves and replays never double-count`, () => {
      const r = rng(seed);
      const count = r.int(5, 40);
      const plans = Array.from({ length: count }, (_, i) => ({
        number: `${10000 + i}-000${r.int(1, 3)}-1`,
        schema: r.pick(['FBS', 'rFBS', 'FBO'] as const),
        path: r.pick(STATUSES_PATH),
        step: 0,
        lines: Array.from({ length: r.int(1, 3) }, () => [r.pick(OFFERS), r.int(1, 4)] as [string, number]),
      }));
      const opening: StockMove[] = OFFERS.map((offerId) => ({
        when: NOW - 10 * DAY,
        offerId,
        quantity: r.int(0, 50),
        reason: 'opening',
        reference: '',
        who: 't',
        key: `opening:${offerId}`,
      }));
      const manual: LedgerRow[] = [{ offerId: 'A', quantity: 5, when: null, key: '' }];
      const ledger: LedgerRow[] = [...opening.map(moveToRow), ...manual];
      const allMoves: StockMove[] = [...opening];
      // What the Orders tab shows: the last status a sync saw for each posting.
      const seen = new Map<string, PostingFacts>();

      for (let round = 0; round < 30; round++) {
        // Statuses advance on Ozon's side; a sync (possibly partial, possibly resumed) sees some of them.
        for (const p of plans) if (r.chance(0.3) && p.step < p.path.length - 1) p.step++;
        for (const p of plans) {
          if (r.chance(0.6)) {
            seen.set(p.number, posting(p.number, p.path[p.step], p.lines, p.schema, NOW - 9 * DAY));
          }
        }
        // A refresh may run twice (duplicate trigger), or die after writing only part of its moves.
        const repeats = r.chance(0.2) ? 2 : 1;
        for (let k = 0; k < repeats; k++) {
          const plan = planInventory({
            now: NOW,
            lang: 'en',
            offset: fixedOffset(180),
            who: 'sync',
            ledger,
            postings: [...seen.values()],
            inventory: new Map(),
          });
          const written = r.chance(0.25) ? plan.moves.slice(0, r.int(0, plan.moves.length)) : plan.moves;
          ledger.push(...written.map(moveToRow));
          allMoves.push(...written);
        }
      }
      // Final quiet refresh: the state settles.
      const final = planInventory({
        now: NOW,
        lang: 'en',
        offset: fixedOffset(180),
        who: 'sync',
        ledger,
        postings: [...seen.values()],
        inventory: new Map(),
      });
      ledger.push(...final.moves.map(moveToRow));
      allMoves.push(...final.moves);
      const settled = planInventory({
        now: NOW,
        lang: 'en',
        offset: fixedOffset(180),
        who: 'sync',
        ledger,
        postings: [...seen.values()],
        inventory: new Map(),
      });
      expect(settled.moves).toEqual([]);

      // No key is ever written twice.
      const keys = allMoves.map((m) => m.key);
      expect(new Set(keys).size).toBe(keys.length);

      for (const offerId of OFFERS) {
        const row = settled.rows.find((x) => x.offer_id === offerId);
        // On hand is exactly the sum of the ledger's moves (hand-typed rows included).
        expect(row?.on_hand).toBe(sum(ledger, offerId));
        // …and what the last seen statuses call for: the opening, minus each own-stock posting last
        // seen shipped (a cancelled one nets to zero), plus hand-typed rows.
        let expected = sum(opening, offerId) + sum(manual, offerId);
        for (const p of seen.values()) {
          if (p.schema === 'FBO' || !SHIPPED_STATUSES.has(p.status)) continue;
          for (const line of p.lines) if (line.offerId === offerId) expected -= line.quantity;
        }
        expect(row?.on_hand).toBe(expected);
      }
    });
  }
});
