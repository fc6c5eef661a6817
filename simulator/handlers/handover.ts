// Handing parcels over and the data Ozon needs before packing.
// Shippings (carriages): /v2/carriage/delivery/list, /v1/carriage/create → set-postings → approve, get, cancel,
// /v1/assembly/carriage/posting/list. Acts: /v2/posting/fbs/act/create → check-status. Documents of both:
// act/get-pdf, get-barcode, get-container-labels, get-postings, act/list (with mismatch and excess certificates).
// Pre-pack data: /v1/posting/cutoff/set, product country list/set, Chestny ZNAK exemplars (create-or-get,
// validate, set, status).
import { ApiError, badRequest, notFound } from '../errors';
import type { Carriage, Compliance, Posting, Warehouse } from '../model';
import { labelPdf } from '../pdf';
import { iso, pendingNeeds } from '../render';
import type { Shop } from '../shop';
import { checkLimit, decodeOffset, EMPTY, encodeOffset, RawBody, type Ctx, type Handler } from './common';
import { findFbs } from './postings';

/** An act's documents are generated this long after act/create (clock ms). */
export const ACT_READY_MS = 5_000;
/** The Chestny ZNAK check of saved marking codes takes this long. */
export const MARK_CHECK_MS = 3_000;
/** Ozon accepts a shipping at the drop-off point at 18:00 Moscow time of its departure date… */
export const ACCEPTANCE_MS = 15 * 3_600_000;
/** …and never sooner than this after it was approved. */
const HANDOVER_MS = 2 * 3_600_000;
const MOSCOW_MS = 3 * 3_600_000;
const DAY = 86_400_000;

const conflict = (message: string) => new ApiError(409, 9, message);

// ---------- dates ----------

/** Start of the Moscow day of `t` (Ozon counts departure dates in Moscow time). */
function moscowDay(t: number): number {
  return Math.floor((t + MOSCOW_MS) / DAY) * DAY - MOSCOW_MS;
}

function departureOf(value: unknown, now: number, field = 'departure_date'): number {
  if (value === undefined || value === null || value === '') return moscowDay(now);
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) throw badRequest(`${field}: invalid value "${String(value)}"`);
  const day = moscowDay(t);
  if (day < moscowDay(now))
    throw badRequest(`INVALID_DEPARTURE_DATE: ${field} ${String(value)} is in the past`);
  if (day > moscowDay(now) + 7 * DAY)
    throw badRequest(`INVALID_DEPARTURE_DATE: ${field} must be within 7 days from today`);
  return day;
}

// ---------- lookups ----------

function methodOf(shop: Shop, id: unknown): Warehouse {
  const wh = shop.state.warehouses.find(
    (w) => w.deliveryMethodId === Number(id) || (!w.isRfbs && w.id === Number(id)),
  );
  if (!wh) throw badRequest(`delivery_method_id: delivery method ${String(id)} not found`);
  return wh;
}

function findCarriage(shop: Shop, id: unknown): Carriage {
  const c = shop.state.carriages.get(Number(id));
  if (!c) throw notFound(`carriage ${String(id)} not found`);
  return c;
}

/** Packed postings of a warehouse not yet in a shipping. */
function packedFree(shop: Shop, wh: Warehouse): Posting[] {
  return [...shop.unfulfilledIndex.items].filter(
    (p) =>
      p.warehouseId === wh.id && p.status === 'awaiting_deliver' && p.substatus === 'posting_not_in_carriage',
  );
}

function openCarriage(shop: Shop, wh: Warehouse, day: number, kind: Carriage['kind']): Carriage | undefined {
  return [...shop.state.carriages.values()].find(
    (c) =>
      c.warehouseId === wh.id &&
      c.kind === kind &&
      c.departureDate === day &&
      (c.status === 'new' || c.status === 'in_process'),
  );
}

function newCarriage(shop: Shop, wh: Warehouse, kind: Carriage['kind'], day: number, now: number): Carriage {
  const postings = packedFree(shop, wh);
  if (!postings.length)
    throw badRequest('NO_POSTINGS_FOR_CARRIAGE: there are no packed postings to hand over');
  const c: Carriage = {
    id: shop.nextCarriageId++,
    kind,
    deliveryMethodId: wh.deliveryMethodId,
    deliveryMethodName: wh.deliveryMethodName,
    warehouseId: wh.id,
    postingNumbers: postings.map((p) => p.postingNumber),
    createdAt: now,
    departureDate: day,
    status: kind === 'act' ? 'in_process' : 'new',
    approvedAt: null,
    containersCount: 0,
    updatedAt: now,
    missing: [],
    excess: 0,
  };
  for (const p of postings) shop.setStatus(p, p.status, 'posting_in_carriage', now);
  shop.state.carriages.set(c.id, c);
  return c;
}

/** Acts turn formed once their documents are made; formed shippings are accepted after departure. */
export function settleCarriages(shop: Shop, now: number): void {
  for (const c of shop.state.carriages.values()) {
    if (c.status === 'in_process' && now >= c.createdAt + ACT_READY_MS) {
      c.status = 'formed';
      c.approvedAt = c.createdAt + ACT_READY_MS;
      c.updatedAt = c.approvedAt;
    }
    const at = Math.max(c.departureDate + ACCEPTANCE_MS, (c.approvedAt ?? c.createdAt) + HANDOVER_MS);
    if (c.status === 'formed' && now >= at) {
      c.status = 'received';
      c.updatedAt = at;
      for (const n of c.postingNumbers) {
        const p = shop.state.postings.get(n);
        if (!p || p.status !== 'awaiting_deliver') continue;
        if (c.missing.includes(n)) shop.setStatus(p, 'not_accepted', 'posting_not_in_sort_center', at);
        else {
          p.deliveringDate = at;
          shop.setStatus(p, 'delivering', 'posting_on_way_to_city', at);
        }
      }
    }
  }
}

function documentsReady(c: Carriage): boolean {
  return c.status === 'formed' || c.status === 'received';
}

function carriageActions(c: Carriage): string[] {
  if (!documentsReady(c)) return [];
  return ['get_shipping_list', 'get_act_of_acceptance', 'get_waybill'];
}

// ---------- shippings ----------

const deliveryList: Handler = ({ shop, body, now }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 1000);
  const day = departureOf(body.filter?.departure_date, now, 'filter.departure_date');
  const wanted = body.filter?.delivery_method_id;
  const all = shop.state.warehouses
    .filter((w) => wanted === undefined || w.deliveryMethodId === Number(wanted) || w.id === Number(wanted))
    .map((w) => ({ w, carriages: [...shop.state.carriages.values()].filter((c) => c.warehouseId === w.id) }))
    .map(({ w, carriages }) => ({
      w,
      free: packedFree(shop, w),
      ofDay: carriages.filter((c) => c.departureDate === day && c.status !== 'cancelled'),
    }))
    // Ozon lists only methods that have something to hand over
    .filter(({ free, ofDay }) => free.length || ofDay.length);
  const offset = decodeOffset(body.cursor);
  const page = all.slice(offset, offset + limit);
  const packing = (w: Warehouse) =>
    [...shop.unfulfilledIndex.items].filter((p) => p.warehouseId === w.id && p.shipmentDate <= day + DAY);
  return {
    cursor: offset + limit < all.length ? encodeOffset(offset + limit) : '',
    has_next: offset + limit < all.length,
    methods: page.map(({ w, free, ofDay }) => {
      const due = packing(w);
      const carriages: {
        all_blr_traceable: boolean;
        available_actions: string[];
        carriage_volume: number;
        id: number;
        pickup_fee: { currency_code: string; value: number };
        postings_count: number;
        quantum_count: number;
        status: string;
      }[] = ofDay.map((c) => ({
        all_blr_traceable: false,
        available_actions: carriageActions(c),
        carriage_volume: 0,
        id: c.id,
        pickup_fee: { currency_code: 'RUB', value: 0 },
        postings_count: c.postingNumbers.length,
        quantum_count: c.postingNumbers.length,
        status: c.status,
      }));
      if (free.length)
        carriages.push({
          all_blr_traceable: false,
          available_actions: [],
          carriage_volume: 0,
          id: 0, // 0: a shipping can be created
          pickup_fee: { currency_code: 'RUB', value: 0 },
          postings_count: free.length,
          quantum_count: free.length,
          status: '',
        });
      return {
        carriage_postings_count: ofDay.reduce((n, c) => n + c.postingNumbers.length, 0),
        carriages,
        cut_in: iso(day),
        cutoff_at: iso(day + 11 * 3_600_000),
        delivery_method_id: w.deliveryMethodId,
        delivery_method_name: w.deliveryMethodName,
        delivery_method_status: 'ACTIVE',
        departure_date: iso(day),
        dropoff_address: w.address,
        dropoff_change_availability: '',
        dropoff_point_id: 0,
        dropoff_point_type: w.isRfbs ? '' : 'PVZ',
        errors: [],
        first_mile_changing: false,
        first_mile_type: w.isRfbs ? '' : 'DropOff',
        has_entrusted_acceptance: false,
        integration_type: w.isRfbs ? 'non_integrated' : 'ozon',
        is_optional_carriage: false,
        is_presort: false,
        is_rfbs: w.isRfbs,
        mandatory_packaged_count: due.filter((p) => p.status === 'awaiting_deliver').length,
        mandatory_postings_count: due.length,
        optional_packaged_count: 0,
        recommended_time_local: w.recommendedTime,
        recommended_time_utc_offset_in_minutes: w.recommendedTime ? 180 : 0,
        timeslot_from: '',
        timeslot_to: '',
        tpl_provider_icon_url: '',
        tpl_provider_name: w.tplProvider,
        warehouse_city: w.city,
        warehouse_id: w.id,
        warehouse_name: w.name,
      };
    }),
  };
};

const carriageCreate: Handler = ({ shop, body, now }: Ctx) => {
  const wh = methodOf(shop, body.delivery_method_id);
  if (wh.isRfbs || !wh.recommendedTime)
    throw badRequest(
      `CARRIAGE_CREATE_NOT_AVAILABLE: delivery method ${wh.deliveryMethodId} hands over with /v2/posting/fbs/act/create`,
    );
  const day = departureOf(body.departure_date, now);
  const open = openCarriage(shop, wh, day, 'carriage');
  if (open)
    throw conflict(
      `CARRIAGE_ALREADY_EXISTS: shipping ${open.id} for this method and date is not approved yet`,
    );
  return { carriage_id: newCarriage(shop, wh, 'carriage', day, now).id };
};

const setPostings: Handler = ({ shop, body, now }: Ctx) => {
  const c = findCarriage(shop, body.carriage_id);
  if (c.kind !== 'carriage' || c.status !== 'new')
    throw badRequest(
      `CARRIAGE_STATUS_INVALID: shipping ${c.id} is ${c.status}; only a new shipping can change`,
    );
  const numbers = body.posting_numbers as string[];
  if (!Array.isArray(numbers) || !numbers.length)
    throw badRequest('posting_numbers: value must contain at least 1 item(s)');
  const wanted = new Set(numbers);
  const result = numbers.map((n) => {
    const p = shop.state.postings.get(n);
    let error = '';
    if (!p || p.scheme === 'fbo' || p.warehouseId !== c.warehouseId) error = 'POSTING_NOT_FOUND';
    else if (p.status !== 'awaiting_deliver') error = 'POSTING_IS_NOT_AWAITING_DELIVER';
    else if (p.substatus === 'posting_in_carriage' && !c.postingNumbers.includes(n))
      error = 'POSTING_IN_ANOTHER_CARRIAGE';
    return { posting_number: n, result: !error, error };
  });
  const kept = result.filter((r) => r.result).map((r) => r.posting_number);
  for (const n of c.postingNumbers) {
    const p = shop.state.postings.get(n);
    if (p && !wanted.has(n) && p.status === 'awaiting_deliver')
      shop.setStatus(p, p.status, 'posting_not_in_carriage', now);
  }
  for (const n of kept) {
    const p = shop.state.postings.get(n)!;
    shop.setStatus(p, p.status, 'posting_in_carriage', now);
  }
  c.postingNumbers = kept;
  c.updatedAt = now;
  return { result };
};

const approve: Handler = ({ shop, body, now }: Ctx) => {
  const c = findCarriage(shop, body.carriage_id);
  if (c.kind !== 'carriage' || c.status !== 'new')
    throw badRequest(`CARRIAGE_STATUS_INVALID: shipping ${c.id} is ${c.status}, expected new`);
  if (!c.postingNumbers.length) throw badRequest(`CARRIAGE_IS_EMPTY: shipping ${c.id} has no postings`);
  if (body.containers_count !== undefined) {
    const n = Number(body.containers_count);
    if (!Number.isInteger(n) || n < 1) throw badRequest('containers_count: value must be at least 1');
    c.containersCount = n;
  }
  c.status = 'formed';
  c.approvedAt = now;
  c.updatedAt = now;
  return EMPTY;
};

const carriageGet: Handler = ({ shop, body }: Ctx) => {
  const c = findCarriage(shop, body.carriage_id);
  const cancellable = c.status === 'new' || c.status === 'formed' || c.status === 'in_process';
  return {
    act_type: 'ozon_digital',
    all_blr_traceable: false,
    is_waybill_enabled: true,
    is_econom: false,
    arrival_pass_ids: [],
    available_actions: carriageActions(c),
    cancel_availability: {
      is_cancel_available: cancellable,
      reason: cancellable ? '' : `shipping is ${c.status}`,
    },
    carriage_id: c.id,
    company_id: Number(shop.clientId) || 0,
    containers_count: c.containersCount,
    created_at: iso(c.createdAt),
    delivery_method_id: c.deliveryMethodId,
    departure_date: iso(c.departureDate)!.slice(0, 10),
    first_mile_type: 'DropOff',
    has_postings_for_next_carriage: false,
    integration_type: 'ozon',
    is_container_label_printed: false,
    is_partial: false,
    partial_num: 0,
    retry_count: 0,
    status: c.status,
    tpl_provider_id: 24,
    updated_at: iso(c.updatedAt),
    warehouse_id: c.warehouseId,
  };
};

const carriageCancel: Handler = ({ shop, body, now }: Ctx) => {
  const c = findCarriage(shop, body.carriage_id);
  if (c.status === 'received' || c.status === 'cancelled')
    return { carriage_status: c.status, error: `CARRIAGE_CANNOT_BE_CANCELLED: shipping is ${c.status}` };
  c.status = 'cancelled';
  c.updatedAt = now;
  for (const n of c.postingNumbers) {
    const p = shop.state.postings.get(n);
    if (p && p.status === 'awaiting_deliver') shop.setStatus(p, p.status, 'posting_not_in_carriage', now);
  }
  return { carriage_status: 'cancelled', error: '' };
};

const assemblyPostings: Handler = ({ shop, body }: Ctx) => {
  const limit = checkLimit(body.limit, 1, 100);
  const c = findCarriage(shop, body.filter?.carriage_id);
  const offset = decodeOffset(body.cursor);
  const numbers = c.postingNumbers.slice(offset, offset + limit);
  return {
    can_print_mass_label: true,
    cursor: offset + limit < c.postingNumbers.length ? encodeOffset(offset + limit) : '',
    postings: numbers.map((n) => {
      const p = shop.state.postings.get(n)!;
      return {
        assembly_code: `${c.id}-${p.seq}`,
        can_print_label: p.status === 'awaiting_deliver',
        posting_number: n,
        products: p.lines.map((l) => ({
          offer_id: l.offerId,
          picture_url: '',
          product_name: l.name,
          quantity: l.quantity,
          sku: l.sku,
        })),
      };
    }),
  };
};

// ---------- acts ----------

const actCreate: Handler = ({ shop, body, now }: Ctx) => {
  const wh = methodOf(shop, body.delivery_method_id);
  const day = departureOf(body.departure_date, now);
  if (openCarriage(shop, wh, day, 'act') && !packedFree(shop, wh).length)
    throw badRequest('NO_POSTINGS_FOR_CARRIAGE: every packed posting is already in an act');
  const c = newCarriage(shop, wh, 'act', day, now);
  if (body.containers_count !== undefined)
    c.containersCount = Math.max(0, Number(body.containers_count) || 0);
  return { result: { id: c.id } };
};

const checkStatus: Handler = ({ shop, body, now }: Ctx) => {
  settleCarriages(shop, now);
  const c = findCarriage(shop, body.id);
  const status = c.status === 'cancelled' ? 'cancelled' : documentsReady(c) ? 'ready' : 'in_process';
  return {
    result: {
      act_type: 'ozon_digital',
      added_to_act: status === 'ready' ? c.postingNumbers : [],
      removed_from_act: [],
      status,
      is_partial: false,
      has_postings_for_next_carriage: false,
      partial_num: 0,
    },
  };
};

function readyCarriage(shop: Shop, id: unknown, now: number): Carriage {
  settleCarriages(shop, now);
  const c = findCarriage(shop, id);
  if (!documentsReady(c)) {
    throw badRequest(
      c.kind === 'carriage' && c.status === 'new'
        ? `CARRIAGE_NOT_APPROVED: approve shipping ${c.id} with /v1/carriage/approve first`
        : `DOCUMENTS_NOT_READY: the documents of ${c.id} are being generated, try again later`,
    );
  }
  return c;
}

const getPdf: Handler = ({ shop, body, now }: Ctx) => {
  const c = readyCarriage(shop, body.id, now);
  return new RawBody(
    labelPdf([
      {
        postingNumber: `ACT ${c.id}`,
        barcode: `${c.deliveryMethodName} ${iso(c.departureDate)!.slice(0, 10)}`,
      },
      ...c.postingNumbers.map((n) => ({ postingNumber: n, barcode: `WAYBILL ${c.id}` })),
    ]),
    'application/pdf',
  );
};

/** A 1×1 PNG: the simulator's shipping barcode image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

const getBarcode: Handler = ({ shop, body, now }: Ctx) => {
  readyCarriage(shop, body.id, now);
  return new RawBody(new Uint8Array(PNG), 'image/png');
};

const containerLabels: Handler = ({ shop, body, now }: Ctx) => {
  const c = readyCarriage(shop, body.id, now);
  if (!c.containersCount)
    throw badRequest(`CONTAINERS_NOT_FOUND: shipping ${c.id} is not shipped by package units`);
  return new RawBody(
    labelPdf(
      Array.from({ length: c.containersCount }, (_, k) => ({
        postingNumber: `CONTAINER ${c.id}-${k + 1}`,
        barcode: `${k + 1}/${c.containersCount}`,
      })),
    ),
    'application/pdf',
  );
};

const actPostings: Handler = ({ shop, body, now }: Ctx) => {
  settleCarriages(shop, now);
  const c = findCarriage(shop, body.id);
  return {
    result: c.postingNumbers.map((n) => {
      const p = shop.state.postings.get(n)!;
      return {
        id: c.id,
        multi_box_qty: 1,
        posting_number: n,
        status: p.status,
        seller_error: c.missing.includes(n) && c.status === 'received' ? 'NOT_FOUND_AT_ACCEPTANCE' : '',
        updated_at: iso(p.lastChangedStatusDate),
        created_at: iso(c.createdAt),
        products: p.lines.map((l) => ({
          name: l.name,
          offer_id: l.offerId,
          price: l.price.toFixed(2),
          quantity: l.quantity,
          sku: l.sku,
        })),
      };
    }),
  };
};

const LIST_STATUS: Record<Carriage['status'], string> = {
  new: 'new',
  in_process: 'in_process',
  formed: 'formed',
  received: 'received',
  cancelled: 'cancelled',
};

const actList: Handler = ({ shop, body, now }: Ctx) => {
  settleCarriages(shop, now);
  const limit = checkLimit(body.limit, 1, 50);
  const from = Date.parse(body.filter?.date_from);
  const to = Date.parse(body.filter?.date_to);
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw badRequest('filter.date_from, filter.date_to: invalid date');
  const toEnd = /^\d{4}-\d\d-\d\d$/.test(body.filter.date_to) ? to + DAY - 1 : to;
  const statuses: string[] | undefined = body.filter?.status;
  const result = [...shop.state.carriages.values()]
    .filter((c) => c.createdAt >= from - MOSCOW_MS && c.createdAt <= toEnd)
    .filter((c) => !statuses?.length || statuses.includes(LIST_STATUS[c.status]))
    .slice(0, limit)
    .map((c) => {
      const received = c.status === 'received';
      const acceptance = !documentsReady(c)
        ? 'FORMING'
        : !received
          ? 'FORMED'
          : c.missing.length
            ? 'CONFIRMED_WITH_MISMATCH'
            : 'CONFIRMED';
      const at = iso(c.updatedAt);
      return {
        id: c.id,
        delivery_method_id: c.deliveryMethodId,
        delivery_method_name: c.deliveryMethodName,
        integration_type: 'ozon',
        containers_count: c.containersCount,
        status: LIST_STATUS[c.status],
        departure_date: iso(c.departureDate)!.slice(0, 10),
        created_at: iso(c.createdAt),
        updated_at: at,
        act_type: 'ozon_digital',
        is_partial: false,
        has_postings_for_next_carriage: false,
        partial_num: 0,
        related_docs: {
          act_of_acceptance: { created_at: iso(c.approvedAt ?? c.createdAt), document_status: acceptance },
          act_of_mismatch:
            received && c.missing.length ? { created_at: at, document_status: 'NEED_TO_SIGN' } : null,
          act_of_excess: received && c.excess ? { created_at: at, document_status: 'NEED_TO_SIGN' } : null,
        },
      };
    });
  return { result };
};

// ---------- data Ozon needs before packing ----------

/** Countries of manufacture Ozon lists (names in Russian, as Ozon answers). */
export const COUNTRIES: { name: string; country_iso_code: string }[] = [
  { name: 'Россия', country_iso_code: 'RU' },
  { name: 'Китай', country_iso_code: 'CN' },
  { name: 'Беларусь', country_iso_code: 'BY' },
  { name: 'Казахстан', country_iso_code: 'KZ' },
  { name: 'Турция', country_iso_code: 'TR' },
  { name: 'Вьетнам', country_iso_code: 'VN' },
  { name: 'Индия', country_iso_code: 'IN' },
  { name: 'Узбекистан', country_iso_code: 'UZ' },
  { name: 'Корея, Республика', country_iso_code: 'KR' },
  { name: 'Япония', country_iso_code: 'JP' },
  { name: 'Германия', country_iso_code: 'DE' },
  { name: 'Италия', country_iso_code: 'IT' },
  { name: 'Польша', country_iso_code: 'PL' },
  { name: 'США', country_iso_code: 'US' },
  { name: 'Бангладеш', country_iso_code: 'BD' },
  { name: 'Индонезия', country_iso_code: 'ID' },
];

function compliance(p: Posting): Compliance {
  if (!p.compliance)
    p.compliance = {
      country: new Set(),
      mark: new Set(),
      cutoff: false,
      countries: new Map(),
      exemplars: new Map(),
      marks: new Map(),
      setAt: null,
    };
  return p.compliance;
}

const cutoffSet: Handler = ({ shop, body, now }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  if (p.scheme !== 'rfbs' || !p.compliance?.cutoff)
    throw badRequest(`CUTOFF_SET_NOT_AVAILABLE: posting ${p.postingNumber} has no ship date to set`);
  const t = typeof body.new_cutoff_date === 'string' ? Date.parse(body.new_cutoff_date) : NaN;
  if (!Number.isFinite(t))
    throw badRequest(`new_cutoff_date: invalid value "${String(body.new_cutoff_date)}"`);
  if (moscowDay(t) < moscowDay(now))
    throw badRequest(`INVALID_CUTOFF_DATE: new_cutoff_date ${body.new_cutoff_date} is in the past`);
  if (t > now + 14 * DAY)
    throw badRequest('INVALID_CUTOFF_DATE: new_cutoff_date must be within 14 days from today');
  p.compliance.cutoff = false;
  p.shipmentDate = t;
  return { result: true };
};

const countryList: Handler = ({ body }: Ctx) => {
  const q = typeof body.name_search === 'string' ? body.name_search.trim().toLowerCase() : '';
  return {
    result: COUNTRIES.filter(
      (c) => !q || c.name.toLowerCase().includes(q) || c.country_iso_code.toLowerCase() === q,
    ),
  };
};

function lineOf(p: Posting, sku: unknown) {
  const line = p.lines.find((l) => l.sku === Number(sku));
  if (!line)
    throw badRequest(`PRODUCT_NOT_FOUND_IN_POSTING: SKU ${String(sku)} is not in posting ${p.postingNumber}`);
  return line;
}

const countrySet: Handler = ({ shop, body }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  const line = lineOf(p, body.product_id);
  const code = String(body.country_iso_code ?? '').toUpperCase();
  if (!COUNTRIES.some((c) => c.country_iso_code === code))
    throw badRequest(`INVALID_COUNTRY_ISO_CODE: unknown country "${String(body.country_iso_code)}"`);
  if (p.status !== 'awaiting_packaging')
    throw badRequest(`HAS_INCORRECT_STATUS: posting ${p.postingNumber} is ${p.status}`);
  compliance(p).countries.set(line.sku, code);
  return { product_id: line.sku, is_gtd_needed: false };
};

function exemplarIds(shop: Shop, p: Posting, sku: number, units: number): number[] {
  const c = compliance(p);
  let ids = c.exemplars.get(sku);
  if (!ids || ids.length !== units) {
    ids = Array.from({ length: units }, () => shop.nextExemplarId++);
    c.exemplars.set(sku, ids);
  }
  return ids;
}

const exemplarCreateOrGet: Handler = ({ shop, body }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  const c = compliance(p);
  return {
    multi_box_qty: 1,
    posting_number: p.postingNumber,
    products: p.lines.map((l) => ({
      exemplars: exemplarIds(shop, p, l.sku, l.quantity).map((id) => ({
        exemplar_id: id,
        gtd: '',
        is_gtd_absent: true,
        is_rnpt_absent: true,
        marks: (c.marks.get(id) ?? []).map((mark) => ({ mark, mark_type: 'mandatory_mark' })),
        rnpt: '',
        weight: 0,
      })),
      has_imei: false,
      is_gtd_needed: false,
      is_jw_uin_needed: false,
      is_mandatory_mark_needed: c.mark.has(l.sku),
      is_mandatory_mark_possible: c.mark.has(l.sku),
      is_rnpt_needed: false,
      product_id: l.sku,
      quantity: l.quantity,
      is_weight_needed: false,
      weight_max: 0,
      weight_min: 0,
    })),
  };
};

/**
 * A Chestny ZNAK code as scanned from the DataMatrix: (01) GTIN of 14 digits, (21) a serial of 6–20
 * printable characters, then optional groups (91/92/93 verification keys) after a GS (\u001d) separator.
 */
export function markErrors(mark: unknown): string[] {
  if (typeof mark !== 'string' || !mark.trim()) return ['MARK_IS_EMPTY'];
  const code = mark.trim();
  if (code.length > 200) return ['MARK_IS_TOO_LONG'];
  const GS = String.fromCharCode(0x1d);
  const plain = code.split(GS).join('');
  if (/\s/.test(plain)) return ['MARK_HAS_INVALID_SYMBOLS'];
  if (!/^01\d{14}21[\x21-\x7e]{6,}$/.test(plain)) return ['MARK_INVALID_FORMAT'];
  return [];
}

interface MarkInput {
  product_id: number;
  exemplars: { exemplar_id?: number; marks?: { mark: string; mark_type?: string }[] }[];
}

const validate: Handler = ({ shop, body }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  const c = compliance(p);
  const seen = new Set<string>();
  return {
    products: (body.products as MarkInput[]).map((item) => {
      const line = p.lines.find((l) => l.sku === Number(item.product_id));
      const productError = !line
        ? 'PRODUCT_NOT_FOUND_IN_POSTING'
        : !c.mark.has(line.sku)
          ? 'MANDATORY_MARK_REDUNDANT'
          : item.exemplars.length !== line.quantity
            ? 'HAS_INCORRECT_PRODUCT_QUANTITY'
            : '';
      const exemplars = item.exemplars.map((ex) => {
        const marks = (ex.marks ?? []).map((m) => {
          const errors = markErrors(m.mark);
          if (!errors.length && seen.has(m.mark)) errors.push('MARK_DUPLICATED');
          seen.add(m.mark);
          return { errors, mark: m.mark, mark_type: m.mark_type ?? 'mandatory_mark', valid: !errors.length };
        });
        const errors = marks.length ? [] : ['MARKS_REQUIRED'];
        return {
          errors,
          gtd: '',
          marks,
          rnpt: '',
          valid: !errors.length && marks.every((m) => m.valid),
          weight: 0,
        };
      });
      return {
        error: productError,
        exemplars,
        product_id: Number(item.product_id),
        valid: !productError && exemplars.every((e) => e.valid),
      };
    }),
  };
};

const exemplarSet: Handler = ({ shop, body, now }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  if (p.status !== 'awaiting_packaging')
    throw badRequest(`HAS_INCORRECT_STATUS: posting ${p.postingNumber} is ${p.status}`);
  const c = compliance(p);
  const next = new Map<number, string[]>();
  for (const item of body.products as MarkInput[]) {
    const line = lineOf(p, item.product_id);
    if (!c.mark.has(line.sku))
      throw badRequest(`MANDATORY_MARK_REDUNDANT: SKU ${line.sku} needs no marking code`);
    const ids = c.exemplars.get(line.sku) ?? [];
    for (const ex of item.exemplars) {
      if (!ids.includes(Number(ex.exemplar_id)))
        throw badRequest(
          `EXEMPLAR_ID: exemplar ${String(ex.exemplar_id)} is not in posting ${p.postingNumber}; get ids with /v6/fbs/posting/product/exemplar/create-or-get`,
        );
      next.set(
        Number(ex.exemplar_id),
        (ex.marks ?? []).map((m) => m.mark),
      );
    }
  }
  // Always the complete set: what is not passed again is dropped.
  c.marks = next;
  c.setAt = now;
  return EMPTY;
};

function markStatus(p: Posting, mark: string, now: number): { status: string; errors: string[] } {
  const c = p.compliance!;
  if (c.setAt === null || now < c.setAt + MARK_CHECK_MS) return { status: 'processing', errors: [] };
  const errors = markErrors(mark);
  return errors.length ? { status: 'failed', errors } : { status: 'passed', errors: [] };
}

const exemplarStatus: Handler = ({ shop, body, now }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  const c = compliance(p);
  let processing = false;
  let failed = false;
  const products = p.lines
    .filter((l) => c.mark.has(l.sku))
    .map((l) => ({
      exemplars: (c.exemplars.get(l.sku) ?? []).map((id) => ({
        exemplar_id: id,
        gtd: '',
        gtd_check_status: 'passed',
        gtd_error_codes: [],
        is_gtd_absent: true,
        is_rnpt_absent: true,
        marks: (c.marks.get(id) ?? []).map((mark) => {
          const s = markStatus(p, mark, now);
          processing ||= s.status === 'processing';
          failed ||= s.status === 'failed';
          return { check_status: s.status, error_codes: s.errors, mark, mark_type: 'mandatory_mark' };
        }),
        rnpt: '',
        rnpt_check_status: 'passed',
        rnpt_error_codes: [],
        weight: 0,
        weight_check_status: 'passed',
        weight_error_codes: [],
      })),
      product_id: l.sku,
    }));
  const needs = pendingNeeds(p);
  const status = processing
    ? 'validation_in_process'
    : failed || needs.mark.length
      ? 'ship_not_available'
      : 'ship_available';
  return { posting_number: p.postingNumber, products, status };
};

/** Ship refuses postings that still need data; blocked codes pass the checks but fail at packing. */
export function shipCheck(shop: Shop, p: Posting, now: number): 'ok' | 'ship_failed' {
  const needs = pendingNeeds(p);
  const missing = [
    ...(needs.cutoff ? ['ship date (set_cutoff)'] : []),
    ...needs.country.map((sku) => `country of manufacture of SKU ${sku}`),
    ...needs.mark.map((sku) => `marking codes of SKU ${sku}`),
  ];
  if (missing.length)
    throw badRequest(
      `ADDITIONAL_INFO_REQUIRED: posting ${p.postingNumber} needs ${missing.join(', ')} before packing`,
    );
  const c = p.compliance;
  if (!c || !c.mark.size) return 'ok';
  const marks = [...c.marks.values()].flat();
  if (marks.some((m) => markStatus(p, m, now).status !== 'passed'))
    throw badRequest(
      `ADDITIONAL_INFO_REQUIRED: the marking codes of ${p.postingNumber} are not checked yet or failed the check`,
    );
  return marks.some((m) => shop.blockedMarks.has(m)) ? 'ship_failed' : 'ok';
}

export const handoverHandlers: Record<string, Handler> = {
  '/v2/carriage/delivery/list': deliveryList,
  '/v1/carriage/create': carriageCreate,
  '/v1/carriage/set-postings': setPostings,
  '/v1/carriage/approve': approve,
  '/v1/carriage/get': carriageGet,
  '/v1/carriage/cancel': carriageCancel,
  '/v1/assembly/carriage/posting/list': assemblyPostings,
  '/v2/posting/fbs/act/create': actCreate,
  '/v2/posting/fbs/act/check-status': checkStatus,
  '/v2/posting/fbs/act/get-pdf': getPdf,
  '/v2/posting/fbs/act/get-barcode': getBarcode,
  '/v2/posting/fbs/act/get-container-labels': containerLabels,
  '/v2/posting/fbs/act/get-postings': actPostings,
  '/v2/posting/fbs/act/list': actList,
  '/v1/posting/cutoff/set': cutoffSet,
  '/v2/posting/fbs/product/country/list': countryList,
  '/v2/posting/fbs/product/country/set': countrySet,
  '/v6/fbs/posting/product/exemplar/create-or-get': exemplarCreateOrGet,
  '/v5/fbs/posting/product/exemplar/validate': validate,
  '/v6/fbs/posting/product/exemplar/set': exemplarSet,
  '/v5/fbs/posting/product/exemplar/status': exemplarStatus,
};

/** Test and demo controls: `sim.handover`. */
export interface HandoverControls {
  /** Makes an open posting need data before packing. */
  requireData(postingNumber: string, needs: { country?: boolean; mark?: boolean; cutoff?: boolean }): void;
  /** Chestny ZNAK refuses this code at packing: the posting turns `ship_failed`. */
  blockMark(code: string): void;
  /** Ozon does not find this posting at acceptance: its shipping gets a mismatch certificate. */
  loseAtAcceptance(postingNumber: string): void;
  /** Ozon finds surplus goods in this shipping at acceptance: an excess certificate. */
  addExcess(carriageId: number): void;
  /** The next call of `path` is carried out, but its answer is lost (HTTP 504). */
  loseAnswer(path: string): void;
}

export function handoverControls(shop: Shop): HandoverControls {
  return {
    requireData(n, needs) {
      const p = shop.state.postings.get(n);
      if (!p) throw new Error(`no posting ${n}`);
      shop.requireData(p, {
        country: needs.country ? [p.lines[0].sku] : [],
        mark: needs.mark ? p.lines.map((l) => l.sku) : [],
        cutoff: needs.cutoff && p.scheme === 'rfbs',
      });
    },
    blockMark: (code) => void shop.blockedMarks.add(code),
    loseAtAcceptance(n) {
      const c = [...shop.state.carriages.values()].find((x) => x.postingNumbers.includes(n));
      if (!c) throw new Error(`posting ${n} is in no shipping`);
      c.missing.push(n);
    },
    loseAnswer: (path) => void shop.lostAnswers.set(path, 'timeout'),
    addExcess(id) {
      const c = shop.state.carriages.get(id);
      if (!c) throw new Error(`no shipping ${id}`);
      c.excess += 1;
    },
  };
}
