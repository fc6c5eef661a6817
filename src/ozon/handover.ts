// The Ozon methods of handing parcels over (shippings and acts, their documents) and of the data Ozon
// needs before packing (ship date, country of manufacture, Chestny ZNAK marking codes).
//
// Reads go through a transport that retries; actions (create, approve, set, cancel) through one that
// never retries, because Ozon's actions are not idempotent: after an unclear answer the use-case
// re-reads the object and reports what really happened.
import type { z } from 'zod';
import { parseAnswer } from './schemas/common';
import { emptyAnswer } from './schemas/service';
import {
  actCreateAnswer,
  actListAnswer,
  actPostingsAnswer,
  actStatusAnswer,
  assemblyPostingsAnswer,
  carriageCancelAnswer,
  carriageCreateAnswer,
  carriageGetAnswer,
  countriesAnswer,
  countrySetAnswer,
  cutoffAnswer,
  deliveryListAnswer,
  exemplarsAnswer,
  exemplarStatusAnswer,
  setPostingsAnswer,
  validateAnswer,
} from './schemas/handover';
import { base64ToBytes } from './body';
import { OzonNetworkError, OzonUnavailableError } from './errors';
import type { Answer, Transport } from './transport';

export const HANDOVER_EP = {
  deliveryList: '/v2/carriage/delivery/list',
  carriageCreate: '/v1/carriage/create',
  carriageSetPostings: '/v1/carriage/set-postings',
  carriageApprove: '/v1/carriage/approve',
  carriageGet: '/v1/carriage/get',
  carriageCancel: '/v1/carriage/cancel',
  carriagePostings: '/v1/assembly/carriage/posting/list',
  actCreate: '/v2/posting/fbs/act/create',
  actStatus: '/v2/posting/fbs/act/check-status',
  actPdf: '/v2/posting/fbs/act/get-pdf',
  actBarcode: '/v2/posting/fbs/act/get-barcode',
  actContainerLabels: '/v2/posting/fbs/act/get-container-labels',
  actPostings: '/v2/posting/fbs/act/get-postings',
  actList: '/v2/posting/fbs/act/list',
  cutoffSet: '/v1/posting/cutoff/set',
  countryList: '/v2/posting/fbs/product/country/list',
  countrySet: '/v2/posting/fbs/product/country/set',
  exemplars: '/v6/fbs/posting/product/exemplar/create-or-get',
  exemplarValidate: '/v5/fbs/posting/product/exemplar/validate',
  exemplarSet: '/v6/fbs/posting/product/exemplar/set',
  exemplarStatus: '/v5/fbs/posting/product/exemplar/status',
} as const;

/** Retired by Ozon: never called (listed for the record and for tests). */
export const HANDOVER_RETIRED = [
  '/v1/posting/carriage-available/list', // off 2026-03-20, replaced by /v2/carriage/delivery/list
  '/v1/carriage/delivery/list', // off 2026-03-20
  '/v2/posting/fbs/digital/act/check-status', // off 2026-03-22
  '/v2/posting/fbs/digital/act/get-pdf', // off 2026-03-22
];

/** An answer that does not say whether Ozon did it (lost, 5xx, malformed): re-read before saying anything. */
export function isUnclear(error: unknown): boolean {
  return error instanceof OzonNetworkError || error instanceof OzonUnavailableError;
}

export interface OzonFile {
  bytes: number[] | Uint8Array;
  blob?: unknown;
  contentType: string;
}

export type DeliveryMethod = z.output<typeof deliveryListAnswer>['methods'][number];
export type CarriageInfo = z.output<typeof carriageGetAnswer>;
export type ActListItem = z.output<typeof actListAnswer>['result'][number];
export type ExemplarProduct = z.output<typeof exemplarsAnswer>['products'][number];

export interface MarkProduct {
  product_id: number;
  exemplars: { exemplar_id?: number; marks: { mark: string; mark_type: string }[] }[];
}

export class HandoverApi {
  constructor(
    private readonly reads: Transport,
    private readonly actions: Transport,
  ) {}

  private read<S extends z.ZodType>(path: string, body: unknown, schema: S): z.output<S> {
    return parseAnswer(path, schema, this.reads.one({ path, body }).json);
  }

  private act<S extends z.ZodType>(path: string, body: unknown, schema: S): z.output<S> {
    return parseAnswer(path, schema, this.actions.one({ path, body }).json);
  }

  /** A document: raw bytes, or `{file_content: base64}` as the spec documents it. */
  private file(path: string, id: number, fallbackType: string): OzonFile {
    const a: Answer = this.reads.one({ path, body: { id }, raw: true });
    if (a.json !== undefined) {
      const parsed = a.json as { file_content?: unknown; content_type?: unknown };
      if (typeof parsed.file_content !== 'string') parseAnswer(path, emptyAnswer, a.json);
      return {
        bytes: base64ToBytes(String(parsed.file_content ?? '')),
        contentType: typeof parsed.content_type === 'string' ? parsed.content_type : fallbackType,
      };
    }
    const bytes = a.response.bytes
      ? a.response.bytes()
      : Array.from(a.response.body, (ch) => ch.charCodeAt(0) & 0xff);
    return {
      bytes,
      ...(a.response.blob !== undefined ? { blob: a.response.blob } : {}),
      contentType: fallbackType,
    };
  }

  // ---- which methods have parcels to hand over ----

  /** Delivery methods with parcels or shippings on a departure date (YYYY-MM-DD), every page. */
  deliveryMethods(departureDate: string): DeliveryMethod[] {
    const out: DeliveryMethod[] = [];
    let cursor = '';
    for (let page = 0; page < 20; page++) {
      const a = this.read(
        HANDOVER_EP.deliveryList,
        { limit: 1000, filter: { departure_date: departureDate }, ...(cursor ? { cursor } : {}) },
        deliveryListAnswer,
      );
      out.push(...a.methods);
      cursor = a.cursor ?? '';
      if (!a.has_next || !cursor) break;
    }
    return out;
  }

  // ---- shippings ----

  createCarriage(deliveryMethodId: number, departureDate: string): number {
    return this.act(
      HANDOVER_EP.carriageCreate,
      { delivery_method_id: deliveryMethodId, departure_date: `${departureDate}T00:00:00Z` },
      carriageCreateAnswer,
    ).carriage_id;
  }

  setCarriagePostings(carriageId: number, postingNumbers: readonly string[]) {
    return this.act(
      HANDOVER_EP.carriageSetPostings,
      { carriage_id: carriageId, posting_numbers: postingNumbers },
      setPostingsAnswer,
    ).result;
  }

  approveCarriage(carriageId: number, containersCount?: number): void {
    this.act(
      HANDOVER_EP.carriageApprove,
      { carriage_id: carriageId, ...(containersCount ? { containers_count: containersCount } : {}) },
      emptyAnswer,
    );
  }

  getCarriage(carriageId: number): CarriageInfo {
    return this.read(HANDOVER_EP.carriageGet, { carriage_id: carriageId }, carriageGetAnswer);
  }

  cancelCarriage(carriageId: number) {
    return this.act(HANDOVER_EP.carriageCancel, { carriage_id: carriageId }, carriageCancelAnswer);
  }

  /** Posting numbers in a shipping, every page. */
  carriagePostings(carriageId: number): string[] {
    const out: string[] = [];
    let cursor = '';
    for (let page = 0; page < 100; page++) {
      const a = this.read(
        HANDOVER_EP.carriagePostings,
        { filter: { carriage_id: carriageId }, limit: 100, ...(cursor ? { cursor } : {}) },
        assemblyPostingsAnswer,
      );
      out.push(...a.postings.map((p) => p.posting_number));
      cursor = a.cursor ?? '';
      if (!cursor || !a.postings.length) break;
    }
    return out;
  }

  // ---- acts ----

  createAct(deliveryMethodId: number, departureDate: string, containersCount?: number): number {
    return this.act(
      HANDOVER_EP.actCreate,
      {
        delivery_method_id: deliveryMethodId,
        departure_date: `${departureDate}T00:00:00Z`,
        ...(containersCount ? { containers_count: containersCount } : {}),
      },
      actCreateAnswer,
    ).result.id;
  }

  actStatus(id: number) {
    return this.read(HANDOVER_EP.actStatus, { id }, actStatusAnswer).result;
  }

  actPostings(id: number) {
    return this.read(HANDOVER_EP.actPostings, { id }, actPostingsAnswer).result;
  }

  /** Acts and shippings created between two dates (YYYY-MM-DD), at most 50 (Ozon's page). */
  acts(dateFrom: string, dateTo: string): ActListItem[] {
    return this.read(
      HANDOVER_EP.actList,
      { limit: 50, filter: { date_from: dateFrom, date_to: dateTo } },
      actListAnswer,
    ).result;
  }

  /** The acceptance certificate and waybill (or only the waybill with electronic documents). */
  actPdf(id: number): OzonFile {
    return this.file(HANDOVER_EP.actPdf, id, 'application/pdf');
  }

  barcode(id: number): OzonFile {
    return this.file(HANDOVER_EP.actBarcode, id, 'image/png');
  }

  containerLabels(id: number): OzonFile {
    return this.file(HANDOVER_EP.actContainerLabels, id, 'application/pdf');
  }

  // ---- data before packing ----

  setCutoff(postingNumber: string, newCutoffIso: string): boolean {
    return this.act(
      HANDOVER_EP.cutoffSet,
      { posting_number: postingNumber, new_cutoff_date: newCutoffIso },
      cutoffAnswer,
    ).result;
  }

  countries(search = '') {
    return this.read(HANDOVER_EP.countryList, search ? { name_search: search } : {}, countriesAnswer).result;
  }

  /** `product_id` here is the SKU, as in the posting's `requirements` and in ship. */
  setCountry(postingNumber: string, sku: number, isoCode: string) {
    return this.act(
      HANDOVER_EP.countrySet,
      { posting_number: postingNumber, product_id: sku, country_iso_code: isoCode },
      countrySetAnswer,
    );
  }

  /** The posting's items with their exemplar ids (created on first call; the same ids after). */
  exemplars(postingNumber: string) {
    return this.read(HANDOVER_EP.exemplars, { posting_number: postingNumber }, exemplarsAnswer);
  }

  validateMarks(postingNumber: string, products: readonly MarkProduct[]) {
    return this.read(
      HANDOVER_EP.exemplarValidate,
      {
        posting_number: postingNumber,
        products: products.map((p) => ({
          product_id: p.product_id,
          exemplars: p.exemplars.map((e) => ({ marks: e.marks })),
        })),
      },
      validateAnswer,
    ).products;
  }

  /** Saves the complete set of items (asynchronous: read markStatus). */
  setMarks(postingNumber: string, products: readonly MarkProduct[]): void {
    this.act(HANDOVER_EP.exemplarSet, { posting_number: postingNumber, products }, emptyAnswer);
  }

  markStatus(postingNumber: string) {
    return this.read(HANDOVER_EP.exemplarStatus, { posting_number: postingNumber }, exemplarStatusAnswer);
  }
}
