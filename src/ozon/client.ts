// The typed Ozon Seller API client. Pure TypeScript over injected ports: every call goes through
// http.fetchAll (a single call is a batch of one), answers are validated, failures are typed AppErrors.
import { z } from 'zod';
import { EP, RETIRED } from './endpoints';
import { OzonValidationError } from './errors';
import {
  collect,
  inWindow,
  iso,
  MAX_PERIOD_MS,
  nextCursor,
  nextLastId,
  type Collected,
  type Page,
  type WindowCursor,
} from './paging';
import type { ClockPort, HttpPort } from './ports';
import {
  cancelAnswer,
  cancelReasonsAnswer,
  conditionalCancellationsAnswer,
  labelTaskCreateAnswer,
  labelTaskGetAnswer,
  postingOutcomesAnswer,
  productCancelAnswer,
  shipAnswer,
} from './schemas/fulfilment';
import {
  pricesAnswer,
  productInfoAnswer,
  productListAnswer,
  rolesAnswer,
  setStocksAnswer,
  stocksAnswer,
  warehousesAnswer,
} from './schemas/catalog';
import { parseAnswer } from './schemas/common';
import {
  fboGetAnswer,
  fboListAnswer,
  fbsGetAnswer,
  fbsListAnswer,
  fbsUnfulfilledAnswer,
  type FboPosting,
  type FbsPosting,
} from './schemas/postings';
import {
  chatHistoryAnswer,
  chatListAnswer,
  emptyAnswer,
  rfbsReturnAnswer,
  rfbsReturnsAnswer,
  returnsAnswer,
  sendMessageAnswer,
} from './schemas/service';
import {
  Transport,
  type Call,
  type Credentials,
  type TransportOptions,
  type TransportStats,
} from './transport';

export interface OzonClientOptions {
  credentials: Credentials;
  http: HttpPort;
  clock: ClockPort;
  /** Epoch ms: no retry or pacing sleep past it; paging loops stop starting pages after it. */
  deadline?: number;
  /** Default https://api-seller.ozon.ru */
  baseUrl?: string;
  /** Tries per request (default 6). */
  maxTries?: number;
  limits?: TransportOptions['limits'];
}

export interface PostingWith {
  analytics_data?: boolean;
  financial_data?: boolean;
  barcodes?: boolean;
  legal_info?: boolean;
}

export interface FbsListQuery {
  by: 'created' | 'changed';
  statuses?: string[];
  /** Page size, 1..100 (default 100). */
  limit?: number;
  /** Windows advanced per round (default 8). */
  parallel?: number;
}

export interface FboListQuery {
  limit?: number;
  parallel?: number;
}

export interface RoundResult<P> {
  postings: P[];
  windows: WindowCursor[];
}

export interface Role {
  name: string;
  methods: string[];
}

export interface StockUpdate {
  product_id: number;
  warehouse_id: number;
  /** Available stock, reserved excluded; 0 ≤ stock < 1,000,000. */
  stock: number;
  offer_id?: string;
}

export interface StockResult extends StockUpdate {
  updated: boolean;
  errors: { code: string; message: string }[];
}

export interface LabelFile {
  posting_numbers: string[];
  /** Raw PDF bytes. */
  bytes: number[] | Uint8Array;
  /** The Apps Script Blob of the answer, when the host provides one. */
  blob?: unknown;
  content_type: string;
}

export interface PostingOutcome {
  posting_number: string;
  result: boolean;
  error: string;
}

const FBS_WITH: PostingWith = { analytics_data: true, financial_data: true };
const STOCK_PAIR_COOLDOWN_MS = 30_000;
const STOCKS_PER_REQUEST = 100;
const TRACKING_PER_REQUEST = 20;
const LABELS_PER_REQUEST = 20;
const PRODUCT_INFO_PER_REQUEST = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}

function clampLimit(limit: number | undefined, max: number): number {
  if (limit === undefined) return max;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

/** Drops empty arrays and undefined values: Ozon answers 400 to some empty filter arrays. */
function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

function base64ToBytes(b64: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

export class OzonClient {
  readonly transport: Transport;
  private readonly stockPairSentAt = new Map<string, number>();

  constructor(private readonly options: OzonClientOptions) {
    this.transport = new Transport(options);
  }

  get stats(): TransportStats {
    return this.transport.stats;
  }

  private call<S extends z.ZodType>(path: string, body: unknown, schema: S): z.output<S> {
    return this.callMany(path, [body], schema)[0];
  }

  private callMany<S extends z.ZodType>(path: string, bodies: readonly unknown[], schema: S): z.output<S>[] {
    if (RETIRED.has(path)) throw new Error(`${path} is retired by Ozon`);
    const calls: Call[] = bodies.map((body) => ({ path, body }));
    return this.transport.many(calls).map((a) => parseAnswer(path, schema, a.json));
  }

  private bounds() {
    return { clock: this.options.clock, deadline: this.options.deadline };
  }

  // ---- Postings -------------------------------------------------------------------------------

  /**
   * One fetchAll round over posting windows: the next page of up to `parallel` unfinished windows.
   * by 'created' filters since/to (the posting's in_process_at); by 'changed' filters
   * last_changed_status_date, with since/to set to the year before the window's end (Ozon requires
   * them and refuses periods over a year). Windows are half-open (the last one closed): postings
   * outside their window's bounds are dropped, so a boundary posting comes from exactly one window.
   * All pages are validated before any window advances: a bad page throws and nothing moves.
   */
  fbsListRound(windows: readonly WindowCursor[], query: FbsListQuery): RoundResult<FbsPosting> {
    const limit = clampLimit(query.limit, 100);
    const lastTo = Math.max(...windows.map((w) => Date.parse(w.to)));
    const active = this.activeWindows(windows, query.parallel);
    const bodies = active.map((idx) => {
      const w = windows[idx];
      const isLast = Date.parse(w.to) === lastTo;
      const to = Date.parse(w.to);
      const filter =
        query.by === 'created'
          ? { since: w.from, to: w.to }
          : {
              since: iso(to - MAX_PERIOD_MS),
              to: w.to,
              last_changed_status_date: { from: w.from, to: isLast ? w.to : iso(to - 1) },
            };
      return compact({
        filter: compact({ ...filter, statuses: query.statuses }),
        limit,
        sort_dir: 'ASC',
        cursor: w.cursor || undefined,
        with: FBS_WITH,
      });
    });
    const answers = this.callMany(EP.fbsList, bodies, fbsListAnswer);
    return this.advance(windows, active, answers, lastTo, (p: FbsPosting, w, isLast) =>
      query.by === 'created'
        ? inWindow(p.in_process_at, w, isLast)
        : inWindow(p.last_changed_status_date, w, isLast),
    );
  }

  /** Same as fbsListRound for /v3/posting/fbo/list (cursor + has_next), by since/to. */
  fboListRound(windows: readonly WindowCursor[], query: FboListQuery = {}): RoundResult<FboPosting> {
    const limit = clampLimit(query.limit, 100);
    const lastTo = Math.max(...windows.map((w) => Date.parse(w.to)));
    const active = this.activeWindows(windows, query.parallel);
    const bodies = active.map((idx) => {
      const w = windows[idx];
      return compact({
        filter: { since: w.from, to: w.to },
        limit,
        sort_dir: 'ASC',
        cursor: w.cursor || undefined,
        with: { analytics_data: true, financial_data: true },
      });
    });
    const answers = this.callMany(EP.fboList, bodies, fboListAnswer);
    return this.advance(windows, active, answers, lastTo, (p: FboPosting, w, isLast) =>
      inWindow(p.in_process_at ?? p.created_at, w, isLast),
    );
  }

  private activeWindows(windows: readonly WindowCursor[], parallel = 8): number[] {
    const max = Math.max(1, Math.floor(parallel));
    const active: number[] = [];
    windows.forEach((w, idx) => {
      if (!w.done && active.length < max) active.push(idx);
    });
    return active;
  }

  private advance<P extends { posting_number: string }>(
    windows: readonly WindowCursor[],
    active: number[],
    answers: { postings: P[]; cursor?: string | null; has_next?: boolean | null }[],
    lastTo: number,
    belongs: (p: P, w: WindowCursor, isLast: boolean) => boolean,
  ): RoundResult<P> {
    const next = windows.map((w) => ({ ...w }));
    const seen = new Set<string>();
    const postings: P[] = [];
    active.forEach((idx, k) => {
      const w = windows[idx];
      const answer = answers[k];
      const isLast = Date.parse(w.to) === lastTo;
      for (const p of answer.postings) {
        if (!belongs(p, w, isLast) || seen.has(p.posting_number)) continue;
        seen.add(p.posting_number);
        postings.push(p);
      }
      const cursor = nextCursor(answer, answer.postings.length);
      next[idx] = { ...w, cursor: cursor ?? '', done: cursor === null, pages: w.pages + 1 };
    });
    return { postings, windows: next };
  }

  /** One page of open FBS work. Use cutoff_* or delivering_date_* (not both). */
  unfulfilledPage(
    filter: {
      cutoff_from?: string;
      cutoff_to?: string;
      delivering_date_from?: string;
      delivering_date_to?: string;
      statuses?: string[];
      warehouse_ids?: string[];
    },
    cursor = '',
    limit = 100,
  ): Page<FbsPosting, string> & { count?: number | null } {
    if (
      (filter.cutoff_from || filter.cutoff_to) &&
      (filter.delivering_date_from || filter.delivering_date_to)
    ) {
      throw new OzonValidationError(
        'ozon.validation',
        'ozon.error.validation',
        {
          method: EP.fbsUnfulfilled,
          detail: 'use either cutoff_from/to or delivering_date_from/to, not both',
        },
        EP.fbsUnfulfilled,
      );
    }
    const a = this.call(
      EP.fbsUnfulfilled,
      compact({
        filter: compact({ ...filter }),
        limit: clampLimit(limit, 100),
        sort_dir: 'ASC',
        cursor: cursor || undefined,
        with: FBS_WITH,
      }),
      fbsUnfulfilledAnswer,
    );
    return { items: a.postings, next: nextCursor(a, a.postings.length), count: a.count };
  }

  /** All open FBS work, paged within the deadline. */
  unfulfilled(filter: Parameters<OzonClient['unfulfilledPage']>[0]): Collected<FbsPosting, string> {
    return collect('', (c) => this.unfulfilledPage(filter, c), this.bounds());
  }

  getFbsPosting(
    postingNumber: string,
    withParts: PostingWith & { related_postings?: boolean } = FBS_WITH,
  ): FbsPosting {
    return this.call(EP.fbsGet, { posting_number: postingNumber, with: withParts }, fbsGetAnswer).result;
  }

  getFboPosting(postingNumber: string, withParts: Omit<PostingWith, 'barcodes'> = FBS_WITH): FboPosting {
    return this.call(EP.fboGet, { posting_number: postingNumber, with: withParts }, fboGetAnswer).result;
  }

  // ---- Fulfilment -----------------------------------------------------------------------------

  /**
   * Packs a posting into packages (several packages split it). product_id is the SKU. HTTP 200 is not
   * success: re-read the posting and check for substatus ship_failed.
   */
  shipPosting(
    postingNumber: string,
    packages: { products: { product_id: number; quantity: number }[] }[],
    withAdditional = false,
  ) {
    const body = {
      packages,
      posting_number: postingNumber,
      ...(withAdditional ? { with: { additional_data: true } } : {}),
    };
    return this.call(EP.ship, body, shipAnswer);
  }

  /** Labels as PDFs (≤20 postings a request, only awaiting_deliver, ready 45–60 s after packing). */
  getLabels(postingNumbers: readonly string[]): LabelFile[] {
    const groups = chunks(postingNumbers, LABELS_PER_REQUEST);
    const answers = this.transport.many(
      groups.map((g) => ({ path: EP.label, body: { posting_number: g }, raw: true })),
    );
    return answers.map((a, k) => {
      if (a.json !== undefined) {
        const parsed = parseAnswer(
          EP.label,
          z.looseObject({ file_content: z.string(), content_type: z.string().nullish() }),
          a.json,
        );
        return {
          posting_numbers: groups[k],
          bytes: base64ToBytes(parsed.file_content),
          content_type: parsed.content_type ?? 'application/pdf',
        };
      }
      const raw = a.response.bytes
        ? a.response.bytes()
        : Array.from(a.response.body, (ch) => ch.charCodeAt(0) & 0xff);
      return {
        posting_numbers: groups[k],
        bytes: raw,
        ...(a.response.blob !== undefined ? { blob: a.response.blob } : {}),
        content_type: 'application/pdf',
      };
    });
  }

  createLabelTask(postingNumbers: readonly string[]) {
    return this.call(EP.labelCreate, { posting_number: postingNumbers }, labelTaskCreateAnswer).result.tasks;
  }

  getLabelTask(taskId: number) {
    return this.call(EP.labelGet, { task_id: taskId }, labelTaskGetAnswer).result;
  }

  /** rFBS tracking numbers, ≤20 a request (split here); per-posting outcomes. */
  setTrackingNumbers(
    items: readonly { posting_number: string; tracking_number: string }[],
  ): PostingOutcome[] {
    const bodies = chunks(items, TRACKING_PER_REQUEST).map((g) => ({ tracking_numbers: g }));
    return this.outcomes(EP.trackingSet, bodies);
  }

  /** rFBS status → delivering (asynchronous: re-read the posting to confirm). */
  setDelivering(postingNumbers: readonly string[]): PostingOutcome[] {
    return this.outcomes(EP.delivering, [{ posting_number: postingNumbers }]);
  }

  setLastMile(postingNumbers: readonly string[]): PostingOutcome[] {
    return this.outcomes(EP.lastMile, [{ posting_number: postingNumbers }]);
  }

  setDelivered(postingNumbers: readonly string[]): PostingOutcome[] {
    return this.outcomes(EP.delivered, [{ posting_number: postingNumbers }]);
  }

  private outcomes(path: string, bodies: unknown[]): PostingOutcome[] {
    if (!bodies.length) return [];
    return this.callMany(path, bodies, postingOutcomesAnswer).flatMap((a) =>
      a.result.map((r) => ({
        posting_number: r.posting_number,
        result: r.result === true,
        error: r.error ?? '',
      })),
    );
  }

  cancelPosting(input: {
    posting_number: string;
    cancel_reason_id: number;
    cancel_reason_message?: string;
  }): boolean {
    return this.call(EP.cancel, compact({ ...input }), cancelAnswer).result;
  }

  cancelReasons() {
    return this.call(EP.cancelReasons, {}, cancelReasonsAnswer).result;
  }

  cancelProducts(input: {
    posting_number: string;
    cancel_reason_id: number;
    cancel_reason_message: string;
    items: { sku: number; quantity: number }[];
  }) {
    return this.call(EP.productCancel, input, productCancelAnswer).result ?? '';
  }

  conditionalCancellationsPage(
    filters: {
      posting_number?: string[];
      state?: 'ALL' | 'ON_APPROVAL' | 'APPROVED' | 'REJECTED';
      cancellation_initiator?: string[];
    } = {},
    lastId = 0,
    limit = 500,
  ) {
    const size = clampLimit(limit, 500);
    const a = this.call(
      EP.conditionalCancellations,
      compact({
        filters: compact({ ...filters }),
        limit: size,
        last_id: lastId || undefined,
        with: { counter: true },
      }),
      conditionalCancellationsAnswer,
    );
    return { items: a.result, next: nextLastId(a.last_id, a.result.length, size), counter: a.counter };
  }

  listConditionalCancellations(filters: Parameters<OzonClient['conditionalCancellationsPage']>[0] = {}) {
    return collect(0, (id) => this.conditionalCancellationsPage(filters, id), this.bounds());
  }

  /** Approves a buyer's rFBS cancellation request (ON_APPROVAL only): the order is cancelled. */
  approveConditionalCancellation(cancellationId: number, comment?: string): void {
    this.call(
      EP.conditionalCancellationApprove,
      compact({ cancellation_id: cancellationId, comment: comment || undefined }),
      emptyAnswer,
    );
  }

  /** Rejects a buyer's rFBS cancellation request (ON_APPROVAL only): the order goes on. */
  rejectConditionalCancellation(cancellationId: number, comment?: string): void {
    this.call(
      EP.conditionalCancellationReject,
      compact({ cancellation_id: cancellationId, comment: comment || undefined }),
      emptyAnswer,
    );
  }

  // ---- Stocks, warehouses, products -----------------------------------------------------------

  /**
   * Sets stocks: ≤100 pairs a request, ≤80 requests a minute (paced), the same product/warehouse pair
   * at most once per 30 s within this execution (waits when the deadline allows, otherwise the item
   * comes back with a CLIENT_COOLDOWN error). Duplicate pairs in one call: the last value wins.
   * Per-item results, including Ozon's own errors from inside its HTTP 200.
   */
  setStocks(items: readonly StockUpdate[]): StockResult[] {
    const key = (i: { product_id?: number | null; warehouse_id?: number | null }) =>
      `${i.product_id}:${i.warehouse_id}`;
    const latest = new Map<string, StockUpdate>();
    for (const item of items) latest.set(key(item), item);
    const results = new Map<string, StockResult>();
    const valid: StockUpdate[] = [];
    for (const [k, item] of latest) {
      if (!Number.isInteger(item.stock) || item.stock < 0 || item.stock >= 1_000_000) {
        results.set(k, {
          ...item,
          updated: false,
          errors: [
            { code: 'CLIENT_INVALID_STOCK', message: 'stock must be a whole number from 0 to 999999' },
          ],
        });
      } else valid.push(item);
    }
    let waiting = valid;
    const clock = this.options.clock;
    const deadline = this.options.deadline ?? Infinity;
    while (waiting.length) {
      const now = clock.now();
      const readyAt = (i: StockUpdate) =>
        (this.stockPairSentAt.get(key(i)) ?? -Infinity) + STOCK_PAIR_COOLDOWN_MS;
      const ready = waiting.filter((i) => readyAt(i) <= now);
      if (!ready.length) {
        const soonest = Math.min(...waiting.map(readyAt));
        if (soonest > deadline) {
          for (const item of waiting) {
            results.set(key(item), {
              ...item,
              updated: false,
              errors: [
                {
                  code: 'CLIENT_COOLDOWN',
                  message: 'this pair was updated less than 30 s ago; try again later',
                },
              ],
            });
          }
          break;
        }
        clock.sleep(soonest - now);
        continue;
      }
      waiting = waiting.filter((i) => readyAt(i) > now);
      const groups = chunks(ready, STOCKS_PER_REQUEST);
      const answers = this.callMany(
        EP.stocksSet,
        groups.map((g) => ({ stocks: g.map((i) => compact({ ...i })) })),
        setStocksAnswer,
      );
      const sentAt = clock.now();
      groups.forEach((group, g) => {
        const byPair = new Map<string, (typeof answers)[number]['result'][number]>();
        for (const r of answers[g].result) byPair.set(key(r), r);
        for (const item of group) {
          this.stockPairSentAt.set(key(item), sentAt);
          const r = byPair.get(key(item));
          results.set(key(item), {
            ...item,
            updated: r?.updated === true,
            errors: r
              ? r.errors.map((e) => ({ code: e.code ?? '', message: e.message ?? '' }))
              : [{ code: 'CLIENT_NO_RESULT', message: 'Ozon did not report on this item' }],
          });
        }
      });
    }
    return [...latest.keys()].map((k) => results.get(k) as StockResult);
  }

  /** One page of /v4/product/info/stocks (cursor, ≤1000; ends on an empty cursor or a short page). */
  stocksPage(
    filter: { offer_id?: string[]; product_id?: string[]; visibility?: string } = {},
    cursor = '',
    limit = 1000,
  ) {
    const size = clampLimit(limit, 1000);
    const a = this.call(
      EP.stocksGet,
      compact({
        filter: compact({ visibility: 'ALL', ...filter }),
        limit: size,
        cursor: cursor || undefined,
      }),
      stocksAnswer,
    );
    const next = a.cursor && a.items.length >= size ? a.cursor : null;
    return { items: a.items, next, total: a.total };
  }

  listStocks(filter: Parameters<OzonClient['stocksPage']>[0] = {}) {
    return collect('', (c) => this.stocksPage(filter, c), this.bounds());
  }

  /** One page of warehouses (cursor, ≤200 a page). */
  warehousesPage(cursor = '', limit = 200) {
    const a = this.call(
      EP.warehouses,
      compact({ limit: clampLimit(limit, 200), cursor: cursor || undefined }),
      warehousesAnswer,
    );
    return { items: a.warehouses, next: nextCursor(a, a.warehouses.length) };
  }

  /** All warehouses. */
  warehouses() {
    return collect('', (cursor) => this.warehousesPage(cursor), this.bounds());
  }

  productsPage(
    filter: { offer_id?: string[]; product_id?: string[]; visibility?: string } = {},
    lastId = '',
    limit = 1000,
  ) {
    const size = clampLimit(limit, 1000);
    const a = this.call(
      EP.productList,
      compact({
        filter: compact({ visibility: 'ALL', ...filter }),
        last_id: lastId || undefined,
        limit: size,
      }),
      productListAnswer,
    );
    return {
      items: a.result.items,
      next: nextLastId(a.result.last_id, a.result.items.length, size),
      total: a.result.total,
    };
  }

  listProducts(filter: Parameters<OzonClient['productsPage']>[0] = {}) {
    return collect('', (id) => this.productsPage(filter, id), this.bounds());
  }

  /** Product details by one kind of id, ≤1000 ids a request (split here and sent side by side). */
  productInfo(ids: { offer_id?: string[]; product_id?: number[]; sku?: number[] }) {
    const [kind, values] = (Object.entries(ids).find(([, v]) => v && v.length) ?? ['offer_id', []]) as [
      string,
      (string | number)[],
    ];
    const bodies = chunks(values, PRODUCT_INFO_PER_REQUEST).map((g) => ({
      [kind]: g.map((v) => String(v)),
    }));
    if (!bodies.length) return [];
    return this.callMany(EP.productInfo, bodies, productInfoAnswer).flatMap((a) => a.items);
  }

  pricesPage(
    filter: { offer_id?: string[]; product_id?: string[]; visibility?: string } = {},
    cursor = '',
    limit = 1000,
  ) {
    const size = clampLimit(limit, 1000);
    const a = this.call(
      EP.prices,
      compact({
        filter: compact({ visibility: 'ALL', ...filter }),
        limit: size,
        cursor: cursor || undefined,
      }),
      pricesAnswer,
    );
    const next = a.cursor && a.items.length >= size ? a.cursor : null;
    return { items: a.items, next, total: a.total };
  }

  productPrices(filter: Parameters<OzonClient['pricesPage']>[0] = {}) {
    return collect('', (c) => this.pricesPage(filter, c), this.bounds());
  }

  // ---- Returns, chats -------------------------------------------------------------------------

  returnsPage(filter: Record<string, unknown> = {}, lastId = 0, limit = 500) {
    const size = clampLimit(limit, 500);
    const a = this.call(
      EP.returns,
      compact({ filter: compact(filter), limit: size, last_id: lastId || undefined }),
      returnsAnswer,
    );
    const last = a.returns.length ? a.returns[a.returns.length - 1].id : null;
    return { items: a.returns, next: nextLastId(last, a.returns.length, size, a.has_next) };
  }

  listReturns(filter: Record<string, unknown> = {}) {
    return collect(0, (id) => this.returnsPage(filter, id), this.bounds());
  }

  rfbsReturnsPage(
    filter: {
      offer_id?: string;
      posting_number?: string;
      group_state?: string[];
      created_at?: { from?: string; to?: string };
    } = {},
    lastId = 0,
    limit = 1000,
  ) {
    const size = clampLimit(limit, 1000);
    const a = this.call(
      EP.rfbsReturns,
      compact({ filter: compact({ ...filter }), limit: size, last_id: lastId || undefined }),
      rfbsReturnsAnswer,
    );
    const last = a.returns.length ? a.returns[a.returns.length - 1].return_id : null;
    return { items: a.returns, next: nextLastId(last, a.returns.length, size) };
  }

  listRfbsReturns(filter: Parameters<OzonClient['rfbsReturnsPage']>[0] = {}) {
    return collect(0, (id) => this.rfbsReturnsPage(filter, id), this.bounds());
  }

  getRfbsReturn(returnId: number) {
    return this.call(EP.rfbsReturn, { return_id: returnId }, rfbsReturnAnswer).returns;
  }

  /** An action on an rFBS return request; `id` is one of getRfbsReturn(...).available_actions. */
  setRfbsReturnAction(input: {
    return_id: number;
    id: number;
    comment?: string;
    compensation_amount?: number;
    rejection_reason_id?: number;
    return_for_back_way?: number;
  }): void {
    this.call(EP.rfbsReturnAction, compact({ ...input }), emptyAnswer);
  }

  chatsPage(filter: { chat_status?: string; unread_only?: boolean } = {}, cursor = '', limit = 100) {
    const size = clampLimit(limit, 100);
    const a = this.call(
      EP.chats,
      compact({ filter: compact({ ...filter }), limit: size, cursor: cursor || undefined }),
      chatListAnswer,
    );
    return { items: a.chats, next: nextCursor(a, a.chats.length), total_unread_count: a.total_unread_count };
  }

  listChats(filter: Parameters<OzonClient['chatsPage']>[0] = {}) {
    return collect('', (c) => this.chatsPage(filter, c), this.bounds());
  }

  /** Messages of a chat; message ids are exact decimal strings (they exceed 2^53). */
  chatHistory(
    chatId: string,
    options: { from_message_id?: string; direction?: 'Forward' | 'Backward'; limit?: number } = {},
  ) {
    const body = compact({
      chat_id: chatId,
      direction: options.direction ?? 'Backward',
      from_message_id: options.from_message_id,
      limit: clampLimit(options.limit, 1000),
    });
    return this.call(EP.chatHistory, body, chatHistoryAnswer);
  }

  /** The latest `limit` messages of several chats, fetched side by side (one fetchAll). */
  chatHistories(chatIds: readonly string[], limit = 1) {
    if (!chatIds.length) return [];
    const size = clampLimit(limit, 1000);
    return this.callMany(
      EP.chatHistory,
      chatIds.map((chat_id) => ({ chat_id, direction: 'Backward', limit: size })),
      chatHistoryAnswer,
    );
  }

  /** Sends a text to a chat (needs Ozon Premium Plus/Pro: a 403 becomes OzonSubscriptionError). */
  sendChatMessage(chatId: string, text: string): string {
    return this.call(EP.chatSend, { chat_id: chatId, text }, sendMessageAnswer).result ?? '';
  }

  // ---- Access ---------------------------------------------------------------------------------

  /** The key's roles and allowed methods, and when it expires. */
  roles(): { roles: Role[]; expiresAt?: string } {
    const a = this.call(EP.roles, {}, rolesAnswer);
    return {
      roles: a.roles.map((r) => ({ name: r.name, methods: r.methods })),
      ...(a.expires_at ? { expiresAt: a.expires_at } : {}),
    };
  }
}

export function createOzonClient(options: OzonClientOptions): OzonClient {
  return new OzonClient(options);
}
