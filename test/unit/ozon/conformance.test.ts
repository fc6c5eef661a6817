// Every request the client builds validates against Ozon's official OpenAPI request schema, and the
// client parses every official example answer (examples/, not retired/) of the methods it uses.
import { validateRequest } from '../../../simulator/openapi';
import { createOzonClient, type OzonClient } from '../../../src/ozon/client';
import { EP, RETIRED } from '../../../src/ozon/endpoints';
import { ANSWER_SCHEMAS } from '../../../src/ozon/schemas';
import { parseAnswer } from '../../../src/ozon/schemas/common';
import { fbpListRound, fbpPostings, ozonShippedRound } from '../../../src/ozon/fbp';
import { splitWindows } from '../../../src/ozon/paging';
import { stocksByWarehouse } from '../../../src/ozon/warehouse-stock';
import { analyticsStocks, clusters, turnoverPage } from '../../../src/ozon/analytics-stock';
import { supplyContents, supplyOrderIds, supplyOrders, SUPPLY_STATES } from '../../../src/ozon/supply';
import { CREDENTIALS, examples, FakeClock, json, ScriptedHttp } from './support';

const byPath = examples();

const change = { result: { product_ids: [1389], rejected: [] } };
const decided = { result: { fail_details: [], success_count: 1, fail_count: 0 } };
const ENVELOPES: Record<string, unknown> = {
  [EP.actions]: { result: [] },
  [EP.actionProducts]: { result: { products: [], total: 0, last_id: 0 } },
  [EP.actionCandidates]: { result: { products: [], total: 0, last_id: 0 } },
  [EP.actionActivate]: change,
  [EP.actionDeactivate]: change,
  [EP.discountTasks]: { tasks: [] },
  [EP.discountApprove]: decided,
  [EP.discountDecline]: decided,
  [EP.importPrices]: { result: [] },
  [EP.stairwaySet]: { accepted: true, errors: [], warnings: [] },
  [EP.stairwayGet]: { stairways: [] },
};

function clientAnsweringExamples(): { client: OzonClient; http: ScriptedHttp } {
  const clock = new FakeClock();
  const http = new ScriptedHttp(clock, (p) => {
    if (p === EP.label) {
      return { status: 200, body: '%PDF-1.4 fake', headers: { 'Content-Type': 'application/pdf' } };
    }
    // Methods without an official example (rFBS return action) answer an empty object, as Ozon does;
    // the promotion methods (no official example either) answer their documented envelope.
    const ex = byPath.get(p)?.[0];
    return json(200, ex?.response_200_example ?? ENVELOPES[p] ?? {});
  });
  return { client: createOzonClient({ credentials: CREDENTIALS, http, clock }), http };
}

/** One call of every client method, with the inputs a seller's day produces. */
function exerciseEveryMethod(client: OzonClient): void {
  const windows = splitWindows('2025-09-01T00:00:00Z', '2026-09-01T00:00:00Z', 3);
  client.fbsListRound(windows, { by: 'created', statuses: ['awaiting_packaging'] });
  client.fbsListRound(windows, { by: 'changed', limit: 50, parallel: 2 });
  client.fboListRound(windows, {});
  fbpListRound(client, windows);
  ozonShippedRound(client, windows, windows);
  fbpPostings(client, ['0104582951-0001-1']);
  client.unfulfilledPage({ cutoff_from: '2026-09-01T00:00:00Z', cutoff_to: '2026-09-03T00:00:00Z' });
  client.unfulfilledPage(
    { delivering_date_from: '2026-09-01T00:00:00Z', delivering_date_to: '2026-09-03T00:00:00Z' },
    'abc',
    20,
  );
  client.getFbsPosting('0208245774-0029-1');
  client.getFboPosting('50520644-0012-7');
  client.shipPosting('89491381-0072-1', [{ products: [{ product_id: 185479045, quantity: 1 }] }], true);
  client.getLabels(['89491381-0072-1']);
  client.createLabelTask(['89491381-0072-1']);
  client.getLabelTask(5819327210248);
  client.setTrackingNumbers([{ posting_number: '48173252-0033-2', tracking_number: 'RA123456789RU' }]);
  client.setDelivering(['48173252-0033-2']);
  client.setLastMile(['48173252-0033-2']);
  client.setDelivered(['48173252-0033-2']);
  client.cancelPosting({
    posting_number: '33920113-1231-1',
    cancel_reason_id: 402,
    cancel_reason_message: 'Out of stock',
  });
  client.cancelReasons();
  client.cancelProducts({
    posting_number: '33920113-1231-1',
    cancel_reason_id: 352,
    cancel_reason_message: 'Out of stock',
    items: [{ sku: 150587396, quantity: 1 }],
  });
  client.conditionalCancellationsPage({ state: 'ON_APPROVAL' });
  client.approveConditionalCancellation(90000001);
  client.rejectConditionalCancellation(90000001, 'Already shipped');
  client.setStocks([{ offer_id: '000123', product_id: 313455276, stock: 7, warehouse_id: 22142605386000 }]);
  client.stocksPage({ offer_id: ['000123'] });
  client.warehousesPage();
  client.productsPage({ visibility: 'ALL' });
  client.productInfo({ offer_id: ['000123', '0451-B'] });
  client.productInfo({ sku: [827098843] });
  client.pricesPage({ product_id: ['243686911'] });
  client.returnsPage({
    logistic_return_date: { time_from: '2026-08-01T00:00:00Z', time_to: '2026-09-01T00:00:00Z' },
  });
  client.rfbsReturnsPage({ group_state: ['All'] });
  client.getRfbsReturn(123);
  client.setRfbsReturnAction({ return_id: 123, id: 1, comment: 'ok' });
  client.chatsPage({ chat_status: 'OPENED' });
  client.chatHistory('18b8e1f9-4ae7-461c-84ea-8e1f54d1a45e', {
    from_message_id: '3000000000118032000',
    limit: 50,
  });
  client.chatHistory('18b8e1f9-4ae7-461c-84ea-8e1f54d1a45e');
  client.chatHistories(['18b8e1f9-4ae7-461c-84ea-8e1f54d1a45e', '99feb3fc-a474-469f-95d5-268b470cc607']);
  client.sendChatMessage('99feb3fc-a474-469f-95d5-268b470cc607', 'Здравствуйте!');
  client.roles();
  clusters(client);
  stocksByWarehouse(client, ['1500000001']);
  analyticsStocks(client, ['1500000001', '1500000002']);
  turnoverPage(client, 0);
  supplyOrderIds(client, [...SUPPLY_STATES], { clock: client.transport.clock });
  supplyOrders(client, ['12000031']);
  supplyContents(client, ['b1-0']);
  client.actions();
  client.actionProducts(63337);
  client.actionCandidates(63337);
  client.activateActionProducts(63337, [{ product_id: 1389, action_price: 356 }]);
  client.deactivateActionProducts(63337, [1389]);
  client.discountTasks('NEW');
  client.approveDiscountTasks([
    { id: 5, approved_price: 900, approved_quantity_min: 1, approved_quantity_max: 2, seller_comment: 'ok' },
  ]);
  client.declineDiscountTasks([{ id: 6, seller_comment: 'too low' }]);
  client.importPrices([{ offer_id: '000123', price: '1290', min_price: '990', currency_code: 'RUB' }]);
  client.setStairwayDiscounts([
    { sku: 827098843, enabled: true, steps: [{ step: 1, quantity: 3, discount: 5 }] },
  ]);
  client.stairwayDiscounts([827098843]);
}

describe('conformance with the official spec', () => {
  const { client, http } = clientAnsweringExamples();
  exerciseEveryMethod(client);

  it('calls only current methods, each of them', () => {
    const called = new Set(http.sent.map((s) => s.path));
    for (const p of called) expect(RETIRED.has(p)).toBe(false);
    expect([...Object.values(EP)].filter((p) => !called.has(p))).toEqual([]);
  });

  it.each(http.sent.map((s, k) => [k, s.path, s.request.payload ?? ''] as const))(
    'request %i to %s validates against the official request schema',
    (_k, p, payload) => {
      // GET /v1/actions has no body
      expect(validateRequest(p, payload ? JSON.parse(payload) : {})).toEqual([]);
    },
  );

  it('sends the headers Ozon expects', () => {
    for (const s of http.sent) {
      expect(s.request.method).toBe(s.path === EP.actions ? 'get' : 'post');
      expect(s.request.url).toBe(`https://api-seller.ozon.ru${s.path}`);
      expect(s.request.headers).toEqual({
        'Client-Id': CREDENTIALS.clientId,
        'Api-Key': CREDENTIALS.apiKey,
        'Content-Type': 'application/json',
      });
    }
  });

  it('writes 64-bit message ids as bare integers', () => {
    const history = http.sent.find(
      (s) => s.path === EP.chatHistory && s.request.payload?.includes('from_message_id'),
    );
    expect(history?.request.payload).toContain('"from_message_id":3000000000118032000');
  });
});

describe('official examples', () => {
  const used = [...byPath.entries()].filter(([p]) => ANSWER_SCHEMAS[p]);
  const cases = used.flatMap(([p, list]) => list.map((e) => [e.file, p, e.response_200_example] as const));

  it('cover most methods the client uses', () => {
    expect(new Set(cases.map((c) => c[1])).size).toBeGreaterThanOrEqual(28);
  });

  it.each(cases)('%s parses as %s', (_file, p, body) => {
    expect(() => parseAnswer(p, ANSWER_SCHEMAS[p], body ?? {})).not.toThrow();
  });
});
