// Pure desk logic: package splits, pick-list aggregation, checklist and desk state, time left in
// Moscow days, slip escaping, and the shared input schemas' messages.
import { deadline, durationParts } from '../../../src/core/desk/deadline';
import { planPackages } from '../../../src/core/desk/packages';
import { naturalCompare, pickRows } from '../../../src/core/desk/picklist';
import {
  allowedActions,
  checklist,
  checklistComplete,
  deskState,
  orderDigest,
  type PostingFacts,
} from '../../../src/core/desk/rules';
import { escapeHtml, slipsHtml } from '../../../src/core/desk/slips';
import { AppError } from '../../../src/core/errors';
import { CancelInput, ShipInput, TrackingInput } from '../../../src/shared/desk-schema';

const lines = [
  { sku: '1001', offerId: 'A-1', quantity: 2 },
  { sku: '1002', offerId: 'B-7', quantity: 1 },
];

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('package splits', () => {
  it('turns a valid split into Ozon packages with SKUs as product ids, dropping empty packages', () => {
    const plan = planPackages('1-1-1', lines, [
      { items: [{ sku: '1001', quantity: 1 }] },
      { items: [{ sku: '1001', quantity: 0 }] },
      {
        items: [
          { sku: '1001', quantity: 1 },
          { sku: '1002', quantity: 1 },
        ],
      },
    ]);
    expect(plan).toEqual([
      { products: [{ product_id: 1001, quantity: 1 }] },
      {
        products: [
          { product_id: 1001, quantity: 1 },
          { product_id: 1002, quantity: 1 },
        ],
      },
    ]);
  });

  it('names the line that does not add up, an unknown SKU and an all-empty split', () => {
    const short = errorOf(() => planPackages('1-1-1', lines, [{ items: [{ sku: '1001', quantity: 2 }] }]));
    expect(short.key).toBe('error.desk.package.mismatch');
    expect(short.params).toEqual({ offerId: 'B-7', packed: 0, ordered: 1 });
    const over = errorOf(() =>
      planPackages('1-1-1', lines, [
        {
          items: [
            { sku: '1001', quantity: 2 },
            { sku: '1002', quantity: 1 },
          ],
        },
        { items: [{ sku: '1001', quantity: 1 }] },
      ]),
    );
    expect(over.params).toEqual({ offerId: 'A-1', packed: 3, ordered: 2 });
    expect(errorOf(() => planPackages('1-1-1', lines, [{ items: [{ sku: '9', quantity: 1 }] }])).key).toBe(
      'error.desk.package.unknownSku',
    );
    expect(errorOf(() => planPackages('1-1-1', lines, [{ items: [{ sku: '1001', quantity: 0 }] }])).key).toBe(
      'error.desk.package.empty',
    );
  });
});

describe('pick list', () => {
  it('sums by warehouse and offer, keeps the postings, and sorts as a picker walks', () => {
    const rows = pickRows([
      { posting: 'p1', warehouse: 'W2', offerId: 'A10', sku: '1', name: 'Ten', quantity: 1 },
      { posting: 'p1', warehouse: 'W1', offerId: 'A10', sku: '1', name: 'Ten', quantity: 2 },
      { posting: 'p2', warehouse: 'W1', offerId: 'A2', sku: '2', name: 'Two', quantity: 3 },
      { posting: 'p3', warehouse: 'W1', offerId: 'A10', sku: '1', name: 'Ten', quantity: 4 },
      { posting: 'p3', warehouse: 'W1', offerId: 'a2', sku: '3', name: 'zero', quantity: 0 },
    ]);
    expect(rows.map((r) => [r.warehouse, r.offerId, r.quantity, r.postings])).toEqual([
      ['W1', 'A2', 3, ['p2']],
      ['W1', 'A10', 6, ['p1', 'p3']],
      ['W2', 'A10', 1, ['p1']],
    ]);
    expect(['B1', 'a10', 'A9', '007', '7'].sort(naturalCompare)).toEqual(['7', '007', 'A9', 'a10', 'B1']);
  });
});

function facts(over: Partial<PostingFacts> = {}): PostingFacts {
  return {
    posting: '123-0001-1',
    orderNumber: '123-0001',
    schema: 'FBS',
    status: 'awaiting_packaging',
    substatus: '',
    lines,
    items: 3,
    total: 1500,
    currency: 'RUB',
    buyer: '',
    address: '',
    verified: false,
    verifiedDigest: '',
    problem: '',
    ...over,
  };
}

describe('checklist and desk state', () => {
  it('needs buyer and address for rFBS only, and every needed item ticked', () => {
    const fbs = checklist(facts());
    expect(fbs).toEqual({ order: 'ok', items: 'ok', buyer: 'na', amount: 'ok' });
    expect(checklistComplete(fbs, ['order', 'items', 'amount'])).toBe(true);
    expect(checklistComplete(fbs, ['order', 'items'])).toBe(false);
    const rfbs = checklist(facts({ schema: 'rFBS', buyer: 'Ivan', address: '' }));
    expect(rfbs.buyer).toBe('missing');
    expect(checklistComplete(rfbs, ['order', 'items', 'amount'])).toBe(false);
    expect(checklistComplete(rfbs, ['order', 'items', 'amount', 'buyer'])).toBe(true);
    expect(checklist(facts({ items: 4 })).items).toBe('missing');
    expect(checklist(facts({ total: 0 })).amount).toBe('missing');
  });

  it('tells verified from changed-since-verified, problems, cancellations and splits', () => {
    const digest = orderDigest(facts());
    expect(deskState(facts())).toBe('to_verify');
    expect(deskState(facts({ verified: true, verifiedDigest: digest }))).toBe('verified');
    const fewer = facts({ verified: true, verifiedDigest: digest, lines: [lines[0]], items: 2 });
    expect(deskState(fewer)).toBe('changed');
    expect(deskState(facts({ verified: true, verifiedDigest: digest, problem: 'Out of stock' }))).toBe(
      'problem',
    );
    expect(deskState(facts({ status: 'cancelled', verified: true }))).toBe('cancelled');
    expect(deskState(facts({ status: 'cancelled_from_split_pending' }))).toBe('split');
    expect(allowedActions(facts({ verified: true, verifiedDigest: digest }))).toContain('ship');
    expect(allowedActions(fewer)).toEqual(expect.arrayContaining(['verify']));
    expect(allowedActions(fewer)).not.toContain('ship');
    expect(allowedActions(facts({ status: 'cancelled' }))).toEqual([]);
    expect(allowedActions(facts({ schema: 'rFBS', status: 'delivering' }))).toEqual([
      'tracking',
      'last_mile',
      'delivered',
      'cancel',
    ]);
  });
});

describe('time left in Moscow days', () => {
  const at = (iso: string) => Date.parse(iso);
  it('counts calendar days in Moscow, whatever the UTC date', () => {
    // 20:30 UTC is 23:30 in Moscow; 21:30 UTC is already the next Moscow day.
    expect(deadline(at('2026-11-20T20:30:00Z'), at('2026-11-20T21:30:00Z'))).toEqual({
      msLeft: 3_600_000,
      days: 1,
    });
    expect(deadline(at('2026-11-20T21:30:00Z'), at('2026-11-21T20:00:00Z'))?.days).toBe(0);
    expect(deadline(at('2026-11-22T09:00:00Z'), at('2026-11-20T10:00:00Z'))).toEqual({
      msLeft: -(47 * 3_600_000),
      days: -2,
    });
    expect(deadline(0, null)).toBeNull();
    expect(durationParts(-(26 * 3_600_000 + 5 * 60_000))).toEqual({ days: 1, hours: 2, minutes: 5 });
  });
});

describe('packing slips and inputs', () => {
  it('escapes every value of the slip', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = slipsHtml('zh', [
      {
        posting: '1-1-1',
        orderNumber: '<script>x</script>',
        orderedAt: '',
        shipBy: '',
        deliveryMethod: '',
        buyer: '"Ivan"',
        address: '',
        note: '',
        lines: [{ offerId: 'A<1>', name: '<b>bold</b>', quantity: 2 }],
      },
    ]);
    expect(html).not.toMatch(/<script>|<b>/);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('装箱单');
  });

  it('rejects bad tracking numbers, package quantities and a missing cancel message with their keys', () => {
    const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
      r.success ? null : r.error!.issues[0].message;
    const track = (n: string) =>
      issue(TrackingInput.safeParse({ items: [{ posting: '1-1-1', trackingNumber: n }] }));
    expect(track('  ')).toBe('error.desk.tracking.empty');
    expect(track('AB 12')).toBe('error.desk.tracking.spaces');
    expect(track('AB#123')).toBe('error.desk.tracking.chars');
    expect(track('x'.repeat(41))).toBe('error.desk.tracking.length');
    expect(track('RA123456789RU')).toBeNull();
    expect(
      issue(
        ShipInput.safeParse({ posting: '1-1-1', packages: [{ items: [{ sku: '1', quantity: '1.5' }] }] }),
      ),
    ).toBe('error.desk.package.quantity');
    expect(issue(ShipInput.safeParse({ posting: '1-1-1', packages: [] }))).toBe('error.desk.package.none');
    expect(issue(CancelInput.safeParse({ posting: '1-1-1', reasonId: 352 }))).toBe('error.confirm.required');
    expect(issue(CancelInput.safeParse({ posting: '1-1-1', reasonId: 402, confirmed: true }))).toBe(
      'error.desk.cancel.message',
    );
    expect(issue(CancelInput.safeParse({ posting: '1-1-1', reasonId: 352, confirmed: true }))).toBeNull();
  });
});
