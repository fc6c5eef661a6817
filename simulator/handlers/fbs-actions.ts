// Changing FBS/rFBS postings: ship (pack, split), labels, tracking numbers, rFBS delivery statuses, cancel.
import { CANCEL_REASONS } from '../data';
import { badRequest, notFound } from '../errors';
import { shippedByOzon, type LabelTask, type Posting, type PostingLine } from '../model';
import { labelPdf } from '../pdf';
import type { Shop } from '../shop';
import { RawBody, type Ctx, type Handler } from './common';
import { shipCheck } from './handover';
import { findFbs } from './postings';

/** Labels can be printed this long after packing (Ozon: 45–60 s). */
export const LABEL_READY_MS = 45_000;
const LABEL_TASK_MS = 5_000;

const ship: Handler = ({ shop, body, now }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  if (p.status !== 'awaiting_packaging') {
    throw badRequest(
      p.status === 'cancelled' || p.status === 'cancelled_from_split_pending'
        ? `POSTING_IS_CANCELLED: posting ${p.postingNumber} is ${p.status}`
        : `POSTING_ALREADY_SHIPPED: posting ${p.postingNumber} is ${p.status}, expected awaiting_packaging`,
    );
  }
  const packages = body.packages as { products: { product_id: number; quantity: number }[] }[];
  if (!Array.isArray(packages) || packages.length === 0)
    throw badRequest('packages: value must contain at least 1 item(s)');
  const bySku = new Map(p.lines.map((l) => [l.sku, l]));
  const packed = new Map<number, number>();
  const packageLines: PostingLine[][] = [];
  for (const [i, pkg] of packages.entries()) {
    if (!pkg.products?.length)
      throw badRequest(`packages[${i}].products: value must contain at least 1 item(s)`);
    const lines: PostingLine[] = [];
    for (const item of pkg.products) {
      const line = bySku.get(Number(item.product_id));
      if (!line) {
        const asProductId = p.lines.find(
          (l) => shop.state.productsBySku.get(l.sku)?.productId === Number(item.product_id),
        );
        throw badRequest(
          asProductId
            ? `PRODUCT_NOT_FOUND_IN_POSTING: ${item.product_id} is a product_id; packages[].products[].product_id must be the SKU (${asProductId.sku})`
            : `PRODUCT_NOT_FOUND_IN_POSTING: SKU ${item.product_id} is not in posting ${p.postingNumber}`,
        );
      }
      if (!Number.isInteger(item.quantity) || item.quantity < 1) {
        throw badRequest(`INVALID_QUANTITY: packages[${i}]: quantity of SKU ${line.sku} must be at least 1`);
      }
      packed.set(line.sku, (packed.get(line.sku) ?? 0) + item.quantity);
      lines.push({ ...line, quantity: item.quantity });
    }
    packageLines.push(lines);
  }
  for (const l of p.lines) {
    const n = packed.get(l.sku) ?? 0;
    if (n !== l.quantity) {
      throw badRequest(
        `QUANTITY_MISMATCH: SKU ${l.sku}: ${n} packed, ${l.quantity} in posting ${p.postingNumber}; every item must be packed exactly once`,
      );
    }
  }
  if (shipCheck(shop, p, now) === 'ship_failed') {
    // Ozon took the request, then packing failed: the posting stays awaiting_packaging (HTTP 200 is no success).
    shop.setStatus(p, p.status, 'ship_failed', now);
    return { result: [p.postingNumber] };
  }
  let result: Posting[];
  if (packageLines.length === 1) {
    shop.pack(p, now);
    result = [p];
  } else {
    result = shop.split(p, packageLines, now);
  }
  const out: Record<string, unknown> = { result: result.map((r) => r.postingNumber) };
  if (body.with?.additional_data) {
    out.additional_data = result.map((r) => ({
      posting_number: r.postingNumber,
      products: r.lines.map((l) => ({
        mandatory_mark: [],
        name: l.name,
        offer_id: l.offerId,
        currency_code: r.currency,
        price: l.price.toFixed(6),
        quantity: l.quantity,
        sku: l.sku,
      })),
    }));
  }
  return out;
};

function labelProblem(p: Posting | undefined, number: string, at: number): string | null {
  if (!p || shippedByOzon(p.scheme)) return `posting ${number} not found`;
  if (p.status !== 'awaiting_deliver')
    return `INVALID_POSTING_STATUS: labels are printed for awaiting_deliver, ${number} is ${p.status}`;
  if (p.packedAt === null || at < p.packedAt + LABEL_READY_MS)
    return `POSTING_NOT_READY: the label of ${number} is being generated`;
  return null;
}

const packageLabel: Handler = ({ shop, body, now }: Ctx) => {
  const numbers = body.posting_number as string[];
  if (!numbers.length) throw badRequest('posting_number: value must contain at least 1 item(s)');
  if (numbers.length > 20) throw badRequest('posting_number: value must contain at most 20 item(s)');
  const postings: Posting[] = [];
  for (const n of numbers) {
    const p = shop.state.postings.get(n);
    const problem = labelProblem(p, n, now);
    if (problem) {
      if (!p || shippedByOzon(p.scheme)) throw notFound(problem);
      throw badRequest(
        problem.startsWith('POSTING_NOT_READY') ? `${problem}, try again in a minute` : problem,
      );
    }
    postings.push(p!);
  }
  return new RawBody(
    labelPdf(postings.map((p) => ({ postingNumber: p.postingNumber, barcode: p.barcodes.lower }))),
    'application/pdf',
  );
};

const labelCreate: Handler = ({ shop, body, now }: Ctx) => {
  const numbers = body.posting_number as string[];
  if (!Array.isArray(numbers) || !numbers.length)
    throw badRequest('posting_number: value must contain at least 1 item(s)');
  if (numbers.length > 100) throw badRequest('posting_number: value must contain at most 100 item(s)');
  const task: LabelTask = {
    id: shop.nextLabelTaskId++,
    type: 'big_label',
    postingNumbers: [...numbers],
    createdAt: now,
  };
  shop.state.labelTasks.set(task.id, task);
  return { result: { tasks: [{ task_id: task.id, task_type: task.type }] } };
};

function taskOutcome(shop: Shop, task: LabelTask) {
  const at = task.createdAt + LABEL_TASK_MS;
  const printed: Posting[] = [];
  const unprinted: { posting_number: string; msg: string }[] = [];
  for (const n of task.postingNumbers) {
    const p = shop.state.postings.get(n);
    const problem = labelProblem(p, n, at);
    if (problem) unprinted.push({ posting_number: n, msg: problem });
    else printed.push(p!);
  }
  return { printed, unprinted };
}

const labelGet: Handler = ({ shop, body, now }: Ctx) => {
  const task = shop.state.labelTasks.get(Number(body.task_id));
  if (!task) throw notFound('task not found');
  if (now < task.createdAt + LABEL_TASK_MS) {
    return {
      result: {
        error: '',
        file_url: '',
        printed_postings_count: 0,
        status: now < task.createdAt + LABEL_TASK_MS / 2 ? 'pending' : 'in_progress',
        unprinted_postings: [],
        unprinted_postings_count: 0,
      },
    };
  }
  const { printed, unprinted } = taskOutcome(shop, task);
  return {
    result: {
      error: printed.length ? '' : 'NO_POSTINGS_TO_PRINT',
      file_url: printed.length ? `https://cdn1.ozone.ru/s3/ord-tmp/${task.type}/ticket-${task.id}.pdf` : '',
      printed_postings_count: printed.length,
      status: printed.length ? 'completed' : 'error',
      unprinted_postings: unprinted,
      unprinted_postings_count: unprinted.length,
    },
  };
};

/** The PDF behind a completed task's `file_url` (GET, no auth, like Ozon's CDN). */
export function labelFile(shop: Shop, taskId: number, now: number): Uint8Array | null {
  const task = shop.state.labelTasks.get(taskId);
  if (!task || now < task.createdAt + LABEL_TASK_MS) return null;
  const { printed } = taskOutcome(shop, task);
  if (!printed.length) return null;
  return labelPdf(printed.map((p) => ({ postingNumber: p.postingNumber, barcode: p.barcodes.lower })));
}

type ItemResult = { posting_number: string; result: boolean; error: string };

function perPosting(
  shop: Shop,
  numbers: string[],
  apply: (p: Posting) => string | null,
): { result: ItemResult[] } {
  if (!Array.isArray(numbers) || !numbers.length)
    throw badRequest('posting_number: value must contain at least 1 item(s)');
  return {
    result: numbers.map((n) => {
      const p = shop.state.postings.get(n);
      const error =
        !p || shippedByOzon(p.scheme)
          ? 'POSTING_NOT_FOUND'
          : p.scheme !== 'rfbs'
            ? 'INVALID_DELIVERY_SCHEMA'
            : apply(p);
      return { posting_number: n, result: !error, error: error ?? '' };
    }),
  };
}

const trackingSet: Handler = ({ shop, body }: Ctx) => {
  const items = body.tracking_numbers as { posting_number: string; tracking_number: string }[];
  if (!items.length) throw badRequest('tracking_numbers: value must contain at least 1 item(s)');
  if (items.length > 20) throw badRequest('tracking_numbers: value must contain at most 20 item(s)');
  const byNumber = new Map(items.map((i) => [i.posting_number, i.tracking_number]));
  return perPosting(shop, [...byNumber.keys()], (p) => {
    const tn = (byNumber.get(p.postingNumber) ?? '').trim();
    if (!tn) return 'TRACKING_NUMBER_IS_EMPTY';
    if (p.status !== 'awaiting_deliver' && p.status !== 'delivering') return 'INVALID_POSTING_STATUS';
    p.trackingNumber = tn;
    return null;
  });
};

const delivering: Handler = ({ shop, body, now }: Ctx) =>
  perPosting(shop, body.posting_number, (p) => {
    if (p.status !== 'awaiting_deliver') return 'INVALID_POSTING_STATUS';
    p.deliveringDate = now;
    shop.setStatus(p, 'delivering', 'posting_transferred_to_courier_service', now);
    return null;
  });

const lastMile: Handler = ({ shop, body, now }: Ctx) =>
  perPosting(shop, body.posting_number, (p) => {
    if (p.status !== 'delivering' || p.substatus === 'posting_in_courier_service')
      return 'INVALID_POSTING_STATUS';
    shop.setStatus(p, 'delivering', 'posting_in_courier_service', now);
    return null;
  });

const delivered: Handler = ({ shop, body, now }: Ctx) =>
  perPosting(shop, body.posting_number, (p) => {
    if (p.status !== 'delivering') return 'INVALID_POSTING_STATUS';
    p.deliveredAt = now;
    shop.setStatus(p, 'delivered', 'posting_conditionally_delivered', now);
    return null;
  });

function checkReason(id: unknown, message: unknown): void {
  const reason = CANCEL_REASONS.find((r) => r.id === Number(id));
  if (!reason) throw badRequest(`cancel_reason_id: unknown cancellation reason ${id}`);
  if (!reason.available)
    throw badRequest(`CANCEL_REASON_NOT_AVAILABLE: reason ${id} cannot be used by the seller`);
  if (reason.id === 402 && (typeof message !== 'string' || !message.trim())) {
    throw badRequest('cancel_reason_message: value is required when cancel_reason_id is 402');
  }
}

function checkCancellable(p: Posting): void {
  if (p.status !== 'awaiting_packaging' && p.status !== 'awaiting_deliver') {
    throw badRequest(`POSTING_CANNOT_BE_CANCELLED: posting ${p.postingNumber} is ${p.status}`);
  }
}

const cancel: Handler = ({ shop, body, now }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  checkReason(body.cancel_reason_id, body.cancel_reason_message);
  checkCancellable(p);
  shop.cancelPosting(p, Number(body.cancel_reason_id), 'Seller', now);
  return { result: true };
};

const cancelReasons: Handler = () => ({
  result: CANCEL_REASONS.map((r) => ({
    id: r.id,
    is_available_for_cancellation: r.available,
    title: r.title,
    type_id: r.typeId,
  })),
});

const productCancel: Handler = ({ shop, body, now }: Ctx) => {
  const p = findFbs(shop, body.posting_number);
  checkReason(body.cancel_reason_id, body.cancel_reason_message);
  if (typeof body.cancel_reason_message !== 'string' || !body.cancel_reason_message.trim()) {
    throw badRequest('cancel_reason_message: value is required');
  }
  if (p.status !== 'awaiting_packaging') {
    throw badRequest(
      `POSTING_CANNOT_BE_CANCELLED: products are cancelled only while awaiting_packaging, ${p.postingNumber} is ${p.status}`,
    );
  }
  const items = body.items as { sku: number; quantity: number }[];
  if (!items.length) throw badRequest('items: value must contain at least 1 item(s)');
  const cut = new Map<number, number>();
  for (const it of items) {
    const line = p.lines.find((l) => l.sku === Number(it.sku));
    if (!line)
      throw badRequest(`PRODUCT_NOT_FOUND_IN_POSTING: SKU ${it.sku} is not in posting ${p.postingNumber}`);
    const n = (cut.get(line.sku) ?? 0) + it.quantity;
    if (!Number.isInteger(it.quantity) || it.quantity < 1 || n > line.quantity) {
      throw badRequest(`INVALID_QUANTITY: SKU ${it.sku}: ${n} to cancel, ${line.quantity} in the posting`);
    }
    cut.set(line.sku, n);
  }
  const remaining = p.lines.reduce((s, l) => s + l.quantity - (cut.get(l.sku) ?? 0), 0);
  if (remaining === 0) shop.cancelPosting(p, Number(body.cancel_reason_id), 'Seller', now);
  else shop.reduceLines(p, cut);
  return { result: p.postingNumber };
};

export const fbsActionHandlers: Record<string, Handler> = {
  '/v4/posting/fbs/ship': ship,
  '/v2/posting/fbs/package-label': packageLabel,
  '/v2/posting/fbs/package-label/create': labelCreate,
  '/v1/posting/fbs/package-label/get': labelGet,
  '/v2/fbs/posting/tracking-number/set': trackingSet,
  '/v2/fbs/posting/delivering': delivering,
  '/v2/fbs/posting/last-mile': lastMile,
  '/v2/fbs/posting/delivered': delivered,
  '/v2/posting/fbs/cancel': cancel,
  '/v2/posting/fbs/cancel-reason/list': cancelReasons,
  '/v2/posting/fbs/product/cancel': productCancel,
};
