import { lineRows, orderRow, NEW_MARK, relabelOrderRows, statusText } from '../../../src/core/orders/tables';
import type { OrderPosting } from '../../../src/core/orders/posting';
import { fixedOffset, isoToSerial, localDay, toSerial, fromSerial } from '../../../src/core/time/serial';

const moscow = fixedOffset(180);

function posting(overrides: Partial<OrderPosting> = {}): OrderPosting {
  return {
    postingNumber: '0012345678-0001-1',
    orderNumber: '0012345678-0001',
    orderId: '123',
    schema: 'rFBS',
    status: 'awaiting_packaging',
    substatus: 'posting_created',
    orderedAt: '2026-11-19T21:30:00Z',
    shipBy: '2026-11-21T12:00:00Z',
    deliveringDate: null,
    lastChanged: '2026-11-19T21:31:00Z',
    warehouse: 'Main',
    deliveryMethod: 'Courier',
    trackingNumber: '',
    region: 'Москва',
    city: 'Москва',
    cluster: '',
    buyerId: '77',
    buyerName: '=cmd|calc',
    buyerPhone: '+79031234567',
    address: 'ул. Ленина, 1',
    paymentType: 'Card',
    cancelReason: '',
    parentPostingNumber: '',
    lines: [
      {
        sku: '1001',
        offerId: '000123',
        name: 'Чехол',
        quantity: 2,
        price: 0.1,
        currency: 'RUB',
        oldPrice: null,
        discount: null,
        commission: 0.02,
        payout: 0.08,
      },
      {
        sku: '1002',
        offerId: '0451-B',
        name: '无线耳机',
        quantity: 1,
        price: 0.2,
        currency: 'RUB',
        oldPrice: null,
        discount: null,
        commission: null,
        payout: null,
      },
    ],
    ...overrides,
  };
}

describe('serial dates', () => {
  it('reads a whole minute back as that minute (Ship by 14:00 is never 13:59 in the sidebar)', () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const ms = Date.parse('2026-11-20T00:00:00Z') + minute * 60_000;
      expect(new Date(fromSerial(toSerial(ms, moscow), moscow)).toISOString()).toBe(
        new Date(ms).toISOString(),
      );
    }
  });

  it('puts an order placed at 21:30 UTC on the next Moscow day', () => {
    const ms = Date.parse('2026-11-19T21:30:00Z');
    expect(localDay(ms, moscow)).toBe('2026-11-20');
    expect(Math.floor(toSerial(ms, moscow))).toBe(46346); // 2026-11-20
    expect(fromSerial(toSerial(ms, moscow), moscow)).toBeCloseTo(ms, -1);
    expect(isoToSerial('', moscow)).toBeNull();
    expect(isoToSerial('not a date', moscow)).toBeNull();
  });
});

describe('orderRow', () => {
  it('keeps ids as text, sums money exactly, localises the status and marks open orders new', () => {
    const row = orderRow(posting(), { lang: 'ru', offset: moscow });
    expect(row.posting_number).toBe('0012345678-0001-1');
    expect(row.total).toBe(0.4);
    expect(row.items).toBe(3);
    expect(row.status).toBe('Ожидает сборки');
    expect(row.status_code).toBe('awaiting_packaging');
    expect(row.buyer_id).toBe('77');
    expect(row.new).toBe(NEW_MARK);
    expect(row.buyer).toBe('=cmd|calc');
    expect(row.region).toBe('Москва, Москва');
    expect(row.delivering_date).toBeNull();
  });

  it('marks a split parent as split, not as a cancellation, and not as new', () => {
    const row = orderRow(posting({ status: 'cancelled_from_split_pending', cancelReason: 'split' }), {
      lang: 'en',
      offset: moscow,
    });
    expect(row.status).toBe('Split into new postings');
    expect(row.cancel_reason).toBe('');
    expect(row.new).toBe('');
  });

  it("writes Ozon's cancellation reason in the seller's language by its id, Ozon's title when unknown", () => {
    const cancelled = (id: number, lang: 'en' | 'ru' | 'zh') =>
      orderRow(
        posting({
          status: 'cancelled',
          cancelReason: 'Товар закончился на складе продавца',
          cancelReasonId: id,
        }),
        { lang, offset: moscow },
      ).cancel_reason;
    expect(cancelled(352, 'en')).toBe('Out of stock at the seller’s warehouse');
    expect(cancelled(352, 'ru')).toBe('Товар закончился на складе продавца');
    expect(cancelled(352, 'zh')).toBe('卖家仓库缺货');
    expect(cancelled(9999, 'en')).toBe('Товар закончился на складе продавца');
  });

  it('falls back to the cluster when Ozon gives no region, and names unknown statuses', () => {
    const row = orderRow(posting({ region: '', city: '', cluster: 'Казань' }), {
      lang: 'zh',
      offset: moscow,
    });
    expect(row.region).toBe('Казань');
    expect(statusText('en', 'teleported')).toBe('Unknown status (teleported)');
  });
});

describe('lineRows', () => {
  it('gives one row per product with leading-zero offer ids and exact line totals', () => {
    const rows = lineRows(posting());
    expect(rows.map((r) => r.offer_id)).toEqual(['000123', '0451-B']);
    expect(rows[0].line_total).toBe(0.2);
    expect(rows[0].line_key).toBe('0012345678-0001-1/1001');
  });
});

describe('relabelOrderRows', () => {
  const positions = new Map([
    ['posting_number', 0],
    ['status', 1],
    ['substatus', 2],
    ['status_code', 3],
    ['substatus_code', 4],
  ]);
  it('rewrites statuses and substatuses in the language from their codes, and moves a raw code to its column', () => {
    const values = [
      ['Posting number', 'Status', 'Substatus', 'Status code', 'Substatus code'],
      ['1-1-1', 'Delivered', 'Received at the pick-up point', 'delivered', 'posting_received'],
      ['1-1-2', 'Доставлено', 'Получено в пункте выдачи', 'delivered', 'posting_received'],
      ['1-1-3', 'Delivered', 'posting_received', 'delivered', ''], // a row from before the code column
      ['1-1-4', 'Delivered', 'posting_received', 'delivered', ''], // fetched this run: left to the sync
    ];
    expect(relabelOrderRows(values, positions, 'ru', new Set(['1-1-4']))).toEqual([
      { posting_number: '1-1-1', status: 'Доставлено', substatus: 'Получено в пункте выдачи' },
      {
        posting_number: '1-1-3',
        status: 'Доставлено',
        substatus: 'Получено в пункте выдачи',
        substatus_code: 'posting_received',
      },
    ]);
    expect(relabelOrderRows(values.slice(0, 3), positions, 'en')).toEqual([
      { posting_number: '1-1-2', status: 'Delivered', substatus: 'Received at the pick-up point' },
    ]);
  });
});
