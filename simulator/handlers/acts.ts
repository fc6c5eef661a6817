// Handover acts (carriages): create for a delivery method, poll until ready, download the PDF, list.
import { badRequest, notFound } from '../errors';
import type { Carriage } from '../model';
import { labelPdf } from '../pdf';
import { iso } from '../render';
import type { Shop } from '../shop';
import { checkLimit, RawBody, type Ctx, type Handler } from './common';

const ACT_READY_MS = 5_000;

function findCarriage(shop: Shop, id: unknown): Carriage {
  const c = shop.state.carriages.get(Number(id));
  if (!c) throw notFound('carriage not found');
  return c;
}

const create: Handler = ({ shop, body, now }: Ctx) => {
  const wh = shop.state.warehouses.find((w) => w.deliveryMethodId === Number(body.delivery_method_id));
  if (!wh) throw badRequest(`delivery_method_id: delivery method ${body.delivery_method_id} not found`);
  const postings = [...shop.unfulfilledIndex.items].filter(
    (p) =>
      p.warehouseId === wh.id && p.status === 'awaiting_deliver' && p.substatus === 'posting_not_in_carriage',
  );
  if (!postings.length)
    throw badRequest('NO_POSTINGS_FOR_CARRIAGE: there are no packed postings to hand over');
  const departure = body.departure_date ? Date.parse(body.departure_date) : now;
  const carriage: Carriage = {
    id: shop.nextCarriageId++,
    deliveryMethodId: wh.deliveryMethodId,
    deliveryMethodName: wh.deliveryMethodName,
    warehouseId: wh.id,
    postingNumbers: postings.map((p) => p.postingNumber),
    createdAt: now,
    departureDate: Number.isFinite(departure) ? departure : now,
  };
  for (const p of postings) shop.setStatus(p, p.status, 'posting_in_carriage', now);
  shop.state.carriages.set(carriage.id, carriage);
  return { result: { id: carriage.id } };
};

const ready = (c: Carriage, now: number) => now >= c.createdAt + ACT_READY_MS;

const checkStatus: Handler = ({ shop, body, now }: Ctx) => {
  const c = findCarriage(shop, body.id);
  return {
    result: {
      act_type: 'ozon_digital',
      added_to_act: ready(c, now) ? c.postingNumbers : [],
      removed_from_act: [],
      status: ready(c, now) ? 'ready' : 'in_process',
      is_partial: false,
      has_postings_for_next_carriage: false,
      partial_num: 0,
    },
  };
};

const getPdf: Handler = ({ shop, body, now }: Ctx) => {
  const c = findCarriage(shop, body.id);
  if (!ready(c, now)) throw badRequest('DOCUMENTS_NOT_READY: the act is being generated, try again later');
  return new RawBody(
    labelPdf(c.postingNumbers.map((n) => ({ postingNumber: n, barcode: `ACT ${c.id}` }))),
    'application/pdf',
  );
};

const list: Handler = ({ shop, body, now }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 50);
  const from = Date.parse(body.filter.date_from);
  const to = Date.parse(body.filter.date_to);
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw badRequest('filter.date_from, filter.date_to: invalid date');
  const toEnd = /^\d{4}-\d\d-\d\d$/.test(body.filter.date_to) ? to + 86_400_000 - 1 : to;
  const result = [...shop.state.carriages.values()]
    .filter((c) => c.createdAt >= from && c.createdAt <= toEnd)
    .slice(0, limit)
    .map((c) => ({
      id: c.id,
      delivery_method_id: c.deliveryMethodId,
      delivery_method_name: c.deliveryMethodName,
      integration_type: 'ozon',
      containers_count: 0,
      status: ready(c, now) ? 'formed' : 'in_process',
      departure_date: iso(c.departureDate),
      created_at: iso(c.createdAt),
      updated_at: iso(c.createdAt),
      act_type: 'ozon_digital',
      is_partial: false,
      has_postings_for_next_carriage: false,
      partial_num: 0,
      related_docs: {
        act_of_acceptance: {
          created_at: iso(c.createdAt),
          document_status: ready(c, now) ? 'FORMED' : 'FORMING',
        },
        act_of_mismatch: null,
        act_of_excess: null,
      },
    }));
  return { result };
};

export const actHandlers: Record<string, Handler> = {
  '/v2/posting/fbs/act/create': create,
  '/v2/posting/fbs/act/check-status': checkStatus,
  '/v2/posting/fbs/act/get-pdf': getPdf,
  '/v2/posting/fbs/act/list': list,
};
