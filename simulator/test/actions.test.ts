// State that moves through the API: ship (and split), labels, tracking numbers, rFBS statuses, cancellations.
import type { Posting } from '../model';
import { api, type Api } from './support';

function open(a: Api, pred: (p: Posting) => boolean): Posting {
  // new orders arrive awaiting packaging and stay there until the seller ships
  for (let i = 0; i < 20; i++) {
    const p = [...a.sim.state.postings.values()].find((x) => x.status === 'awaiting_packaging' && pred(x));
    if (p) return p;
    a.sim.advance(6);
  }
  throw new Error('no open posting arrived');
}

const fullPackage = (p: Posting) => [
  { products: p.lines.map((l) => ({ product_id: l.sku, quantity: l.quantity })) },
];

describe('/v4/posting/fbs/ship', () => {
  const a = api({ seed: 21, postings: 1500 });

  it('packs a posting into awaiting_deliver and updates last_changed_status_date', () => {
    const p = open(a, (x) => x.scheme === 'fbs');
    const r = a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: fullPackage(p) });
    expect(r.status).toBe(200);
    expect(r.json.result).toEqual([p.postingNumber]);
    const got = a.call('/v3/posting/fbs/get', { posting_number: p.postingNumber }).json.result;
    expect(got.status).toBe('awaiting_deliver');
    expect(got.substatus).toBe('posting_not_in_carriage');
    expect(p.lastChangedStatusDate).toBeGreaterThanOrEqual(p.inProcessAt);
    expect(
      a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: fullPackage(p) }).status,
    ).toBe(400);
  });

  it('splits a posting per package: children awaiting_deliver, the parent cancelled_from_split_pending', () => {
    const p = open(a, (x) => x.scheme !== 'fbo' && x.lines.length >= 2);
    const packages = p.lines.map((l) => ({ products: [{ product_id: l.sku, quantity: l.quantity }] }));
    const r = a.call('/v4/posting/fbs/ship', {
      posting_number: p.postingNumber,
      packages,
      with: { additional_data: true },
    });
    expect(r.status).toBe(200);
    expect(r.json.result).toHaveLength(p.lines.length);
    expect(r.json.additional_data).toHaveLength(p.lines.length);
    expect(p.status).toBe('cancelled_from_split_pending');
    for (const n of r.json.result) {
      const child = a.call('/v3/posting/fbs/get', { posting_number: n }).json.result;
      expect(child.parent_posting_number).toBe(p.postingNumber);
      expect(child.status).toBe('awaiting_deliver');
      expect(child.order_number).toBe(p.orderNumber);
    }
  });

  it('rejects product_id instead of SKU, wrong quantities and empty packages with Ozon-like 400s', () => {
    const p = open(a, (x) => x.scheme === 'fbs');
    const product = a.sim.state.productsBySku.get(p.lines[0].sku)!;
    const asProductId = [{ products: [{ product_id: product.productId, quantity: p.lines[0].quantity }] }];
    const wrongId = a.call('/v4/posting/fbs/ship', {
      posting_number: p.postingNumber,
      packages: asProductId,
    });
    expect(wrongId.status).toBe(400);
    expect(wrongId.json).toEqual({
      code: 3,
      message: expect.stringContaining('must be the SKU'),
      details: [],
    });

    const less = fullPackage(p);
    less[0].products = less[0].products.slice(1);
    if (!less[0].products.length)
      less[0].products = [{ product_id: p.lines[0].sku, quantity: p.lines[0].quantity + 1 }];
    const mismatch = a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: less });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.message).toMatch(/QUANTITY_MISMATCH/);
    expect(a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: [] }).status).toBe(
      400,
    );
    expect(
      a.call('/v4/posting/fbs/ship', { posting_number: '99999999-0001-1', packages: fullPackage(p) }).status,
    ).toBe(404);
    expect(p.status).toBe('awaiting_packaging');
  });
});

describe('labels', () => {
  const a = api({ seed: 22, postings: 1500 });

  it('are refused until 45 s after packing, then come as PDF bytes', () => {
    const p = open(a, (x) => x.scheme === 'fbs');
    a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: fullPackage(p) });
    const early = a.call('/v2/posting/fbs/package-label', { posting_number: [p.postingNumber] });
    expect(early.status).toBe(400);
    expect(early.json.message).toMatch(/POSTING_NOT_READY/);
    a.sim.advance(45 / 3600);
    const r = a.call('/v2/posting/fbs/package-label', { posting_number: [p.postingNumber] });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = Buffer.from(r.bytes!).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain(p.postingNumber);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('refuse more than 20 postings and postings not awaiting_deliver', () => {
    const many = [...a.sim.state.postings.values()].filter((p) => p.scheme === 'fbs').slice(0, 21);
    expect(
      a.call('/v2/posting/fbs/package-label', { posting_number: many.map((p) => p.postingNumber) }).status,
    ).toBe(400);
    const delivered = many.find((p) => p.status === 'delivered')!;
    const r = a.call('/v2/posting/fbs/package-label', { posting_number: [delivered.postingNumber] });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/INVALID_POSTING_STATUS/);
  });

  it('async: a task reports printed and unprinted postings and its file downloads', () => {
    const p = open(a, (x) => x.scheme === 'fbs');
    a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: fullPackage(p) });
    a.sim.advance(60 / 3600);
    const delivered = [...a.sim.state.postings.values()].find((x) => x.status === 'delivered')!;
    const created = a.call('/v2/posting/fbs/package-label/create', {
      posting_number: [p.postingNumber, delivered.postingNumber],
    });
    const taskId = created.json.result.tasks[0].task_id;
    expect(a.call('/v1/posting/fbs/package-label/get', { task_id: taskId }).json.result.status).toMatch(
      /pending|in_progress/,
    );
    a.sim.advance(10 / 3600);
    const done = a.call('/v1/posting/fbs/package-label/get', { task_id: taskId }).json.result;
    expect(done.status).toBe('completed');
    expect(done.printed_postings_count).toBe(1);
    expect(done.unprinted_postings).toEqual([
      { posting_number: delivered.postingNumber, msg: expect.any(String) },
    ]);
    const file = a.sim.handle({ method: 'GET', url: done.file_url, headers: {} });
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body as Uint8Array).toString('latin1')).toContain(p.postingNumber);
  });
});

describe('rFBS delivery: tracking number, delivering → last-mile → delivered', () => {
  const a = api({ seed: 23, postings: 1500 });

  it('moves an rFBS posting through the seller-reported statuses', () => {
    const p = open(a, (x) => x.scheme === 'rfbs');
    expect(
      a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: fullPackage(p) }).status,
    ).toBe(200);
    const n = p.postingNumber;
    const tn = a.call('/v2/fbs/posting/tracking-number/set', {
      tracking_numbers: [{ posting_number: n, tracking_number: 'CDEK-42' }],
    });
    expect(tn.json.result).toEqual([{ posting_number: n, result: true, error: '' }]);
    const early = a.call('/v2/fbs/posting/last-mile', { posting_number: [n] });
    expect(early.json.result[0]).toEqual({
      posting_number: n,
      result: false,
      error: 'INVALID_POSTING_STATUS',
    });
    expect(a.call('/v2/fbs/posting/delivering', { posting_number: [n] }).json.result[0].result).toBe(true);
    expect(a.call('/v3/posting/fbs/get', { posting_number: n }).json.result).toEqual(
      expect.objectContaining({ status: 'delivering', tracking_number: 'CDEK-42' }),
    );
    expect(a.call('/v2/fbs/posting/last-mile', { posting_number: [n] }).json.result[0].result).toBe(true);
    expect(p.substatus).toBe('posting_in_courier_service');
    expect(a.call('/v2/fbs/posting/delivered', { posting_number: [n] }).json.result[0].result).toBe(true);
    expect(p.status).toBe('delivered');
  });

  it('answers per-item errors for FBS postings and unknown numbers, and refuses over 20 tracking numbers', () => {
    const fbs = [...a.sim.state.postings.values()].find((x) => x.scheme === 'fbs')!;
    const r = a.call('/v2/fbs/posting/delivering', { posting_number: [fbs.postingNumber, 'nope-1'] });
    expect(r.status).toBe(200);
    expect(r.json.result.map((x: { error: string }) => x.error)).toEqual([
      'INVALID_DELIVERY_SCHEMA',
      'POSTING_NOT_FOUND',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ posting_number: `x-${i}`, tracking_number: 't' }));
    expect(a.call('/v2/fbs/posting/tracking-number/set', { tracking_numbers: many }).status).toBe(400);
  });
});

describe('cancellation', () => {
  const a = api({ seed: 24, postings: 1500 });

  it('cancels with a reason from the list; 402 needs a message; unavailable reasons are refused', () => {
    const reasons = a.call('/v2/posting/fbs/cancel-reason/list').json.result;
    expect(reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 402, is_available_for_cancellation: true })]),
    );
    const p = open(a, (x) => x.scheme !== 'fbo');
    const no402 = a.call('/v2/posting/fbs/cancel', {
      posting_number: p.postingNumber,
      cancel_reason_id: 402,
    });
    expect(no402.status).toBe(400);
    expect(no402.json.message).toMatch(/cancel_reason_message/);
    expect(
      a.call('/v2/posting/fbs/cancel', { posting_number: p.postingNumber, cancel_reason_id: 401 }).status,
    ).toBe(400);
    const ok = a.call('/v2/posting/fbs/cancel', {
      posting_number: p.postingNumber,
      cancel_reason_id: 402,
      cancel_reason_message: 'Товар повреждён при упаковке',
    });
    expect(ok.json).toEqual({ result: true });
    const got = a.call('/v3/posting/fbs/get', { posting_number: p.postingNumber }).json.result;
    expect(got.status).toBe('cancelled');
    expect(got.cancellation).toEqual(
      expect.objectContaining({
        cancel_reason_id: 402,
        cancellation_initiator: 'Seller',
        cancelled_after_ship: false,
      }),
    );
    expect(
      a.call('/v2/posting/fbs/cancel', { posting_number: p.postingNumber, cancel_reason_id: 352 }).status,
    ).toBe(400);
  });

  it('cancels part of a posting by SKU and quantity, and all of it when nothing is left', () => {
    const p = open(a, (x) => x.scheme !== 'fbo' && x.lines.reduce((n, l) => n + l.quantity, 0) > 1);
    const before = p.lines.reduce((n, l) => n + l.quantity, 0);
    const first = p.lines[0];
    const r = a.call('/v2/posting/fbs/product/cancel', {
      posting_number: p.postingNumber,
      cancel_reason_id: 352,
      cancel_reason_message: 'Нет на складе',
      items: [{ sku: first.sku, quantity: 1 }],
    });
    expect(r.json).toEqual({ result: p.postingNumber });
    expect(p.lines.reduce((n, l) => n + l.quantity, 0)).toBe(before - 1);
    expect(p.status).toBe('awaiting_packaging');
    const tooMany = a.call('/v2/posting/fbs/product/cancel', {
      posting_number: p.postingNumber,
      cancel_reason_id: 352,
      cancel_reason_message: 'Нет на складе',
      items: [{ sku: p.lines[0].sku, quantity: 99 }],
    });
    expect(tooMany.status).toBe(400);
    const rest = a.call('/v2/posting/fbs/product/cancel', {
      posting_number: p.postingNumber,
      cancel_reason_id: 352,
      cancel_reason_message: 'Нет на складе',
      items: p.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    });
    expect(rest.status).toBe(200);
    expect(p.status).toBe('cancelled');
  });

  it('approving a buyer cancellation request cancels the posting; a decided request cannot be decided again', () => {
    const c = a.sim.state.conditionalCancellations.find((x) => x.state === 'ON_APPROVAL')!;
    expect(c).toBeDefined();
    const p = a.sim.state.postings.get(c.postingNumber)!;
    expect(a.call('/v2/conditional-cancellation/approve', { cancellation_id: c.id }).status).toBe(200);
    expect(p.status).toBe('cancelled');
    expect(p.cancellation?.initiator).toBe('Client');
    expect(a.call('/v2/conditional-cancellation/reject', { cancellation_id: c.id }).status).toBe(400);
    const list = a.call('/v2/conditional-cancellation/list', { limit: 500, filters: { state: 'APPROVED' } })
      .json.result;
    expect(list.map((x: { cancellation_id: number }) => x.cancellation_id)).toContain(c.id);
  });
});
