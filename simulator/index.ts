// Ozon Seller API simulator: a seeded shop behind Ozon's transport (auth, rate limit, faults, errors).
// In-process use: `createSimulator().handle(req)`; over HTTP: `startServer(sim)` (simulator/http.ts).
import { ApiError } from './errors';
import { EMPTY, RawBody, type Ctx, type Handler, type Subscription } from './handlers/common';
import { handoverControls, settleCarriages, type HandoverControls } from './handlers/handover';
import { routes, RETIRED, ROLE_METHODS } from './routes';
import type { ShopState } from './model';
import type { FboStock } from './fbo-stock';
import { ozonSpec } from './openapi';
import { mix, Rng } from './random';
import { HOUR, Shop, type LostAnswer, type ShopOptions } from './shop';
import { feedbackOf, type FeedbackWorld } from './feedback';

export type { LostAnswer, ShopOptions } from './shop';
export type { ShopState, Posting, Product, Warehouse } from './model';
export type { Subscription } from './handlers/common';
export { startServer } from './http';
export { validateRequest, validateResponse, OpenApiValidator } from './openapi';

export interface SimRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  latencyMs?: number;
}

export interface Faults {
  rate429?: number;
  rate500?: number;
  rate503?: number;
  malformedRate?: number;
  slowRate?: number;
  slowMs?: number;
  circleOpenRate?: number;
  /** How long a method stays blocked after "Circle is open" (clock ms, default 60 000). */
  circleOpenMs?: number;
  seed?: number;
}

export type KeyState = 'ok' | 'deactivated' | 'ip_restricted' | 'offer_not_signed';

export interface SimStats {
  requests: number;
  byPath: Record<string, number>;
  faultsInjected: number;
}

export interface Simulator {
  handle(req: SimRequest): SimResponse;
  setClock(now: () => number): void;
  now(): number;
  advance(hours: number): void;
  setFaults(f: Faults): void;
  setRateLimit(perSecond: number | null): void;
  setKeyState(state: KeyState): void;
  /** Roles of the key (names from `/v1/roles`); default `['Admin']`, which allows every method. */
  setRoles(roles: string[]): void;
  /**
   * The seller's plan (default Premium Pro, which opens everything): chat sending and questions need
   * Premium Plus or Pro, reviews Review Management or Premium Pro; otherwise Ozon answers 403.
   */
  setSubscription(s: Subscription): void;
  /** Validate request bodies against the official spec before handling (default true). */
  setValidateRequests(on: boolean): void;
  /** Whether /v4/product/info/stocks fills the deprecated `warehouse_ids` (default true; Ozon will stop). */
  setDeprecatedWarehouseIds(on: boolean): void;
  readonly credentials: { clientId: string; apiKey: string };
  readonly state: ShopState;
  /** Reviews, questions and error-index postings as of now (for tests). */
  feedback(): FeedbackWorld;
  /** Ozon's stock by cluster and the seller's supply requests (the ground truth of the analytics answers). */
  readonly fboStock: FboStock;
  readonly stats: SimStats;
  resetStats(): void;
  /** The routed API paths (for documentation and tests). */
  readonly paths: string[];
  /** Handover and pre-pack data controls (tests, the demo shop). */
  readonly handover: HandoverControls;
  /** The next call of `path` is carried out, but its answer is lost (`how`, default a 504). */
  loseAnswer(path: string, how?: LostAnswer): void;
  /**
   * Buyers receive these postings now (each must be `delivering`): delivered as the shop's own
   * lifecycle does it, last_changed_status_date now, the sale and its fees booked now.
   */
  deliverNow(postingNumbers: readonly string[]): void;
  /**
   * Lists and gets render this posting changed by `change` (a field in a shape the spec does not
   * allow, an odd value); undefined renders it as it is again.
   */
  garblePosting(postingNumber: string, change: ((item: Record<string, unknown>) => void) | undefined): void;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const BIG = '\u0000big:';

/** JSON text with bigint values written as bare integers (chat message ids exceed 2^53). */
export function toJson(value: unknown): string {
  try {
    return JSON.stringify(value); // fast path: a replacer function makes stringify several times slower
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? BIG + v.toString() : v));
  return text.replace(/"\\u0000big:(\d+)"/g, '$1');
}

/** Ozon's error envelope; the question methods document `details` as a string, the others as a list. */
function errorBody(code: number, message: string, path = ''): string {
  return JSON.stringify({ code, message, details: path.startsWith('/v1/question/') ? '' : [] });
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'https://api-seller.ozon.ru').pathname.replace(/\/+$/, '') || '/';
  } catch {
    return url.split('?')[0];
  }
}

export function createSimulator(opts: ShopOptions = {}): Simulator {
  const shop = new Shop(opts);
  shop.onAdvance = (to) => settleCarriages(shop, to);
  let internalNow = shop.startedAt;
  let clock: (() => number) | null = null;
  let offset = 0;
  let synced = shop.startedAt;
  let faults: Faults = {};
  let faultRng = new Rng(1);
  const latencyRng = new Rng(mix(shop.seed, 4242));
  let rateLimit: number | null = 50;
  const windows = new Map<string, number[]>();
  const stockCalls: number[] = [];
  const circleUntil = new Map<string, number>();
  let keyState: KeyState = 'ok';
  let roles: string[] = ['Admin'];
  let subscription: Subscription = 'premium_pro';
  let validate = true;
  const stats: SimStats = { requests: 0, byPath: {}, faultsInjected: 0 };

  const now = () => (clock ? clock() + offset : internalNow);

  /** Lets the shop live on the clock: orders arrive and statuses move as modeled time passes. */
  const sync = (force = false) => {
    const t = now();
    if (t - synced >= 60_000 || (force && t > synced)) {
      shop.advance(synced, t);
      synced = t;
    }
  };

  const json = (
    status: number,
    body: string,
    latencyMs: number,
    extra: Record<string, string> = {},
  ): SimResponse => ({
    status,
    headers: { ...JSON_HEADERS, ...extra },
    body,
    latencyMs,
  });

  const allowedByRoles = (path: string) =>
    path === '/v1/roles' ||
    roles.some((r) => r === 'Admin' || (ROLE_METHODS[r] ?? []).some((m) => path.startsWith(m)));

  function rateLimited(clientId: string, t: number): boolean {
    if (rateLimit === null) return false;
    let w = windows.get(clientId);
    if (!w) windows.set(clientId, (w = []));
    while (w.length && w[0] <= t - 1000) w.shift();
    if (w.length >= rateLimit) return true;
    w.push(t);
    return false;
  }

  function stocksLimited(t: number): boolean {
    while (stockCalls.length && stockCalls[0] <= t - 60_000) stockCalls.shift();
    if (stockCalls.length >= 80) return true;
    stockCalls.push(t);
    return false;
  }

  function injectFault(path: string, t: number, latency: number): SimResponse | null {
    const until = circleUntil.get(path);
    if (until !== undefined && t < until) {
      stats.faultsInjected++;
      return json(503, errorBody(14, 'Circle is open'), latency, { 'x-sim-fault': 'circle_open' });
    }
    const u = faultRng.next();
    let edge = faults.circleOpenRate ?? 0;
    if (u < edge) {
      stats.faultsInjected++;
      circleUntil.set(path, t + (faults.circleOpenMs ?? 60_000));
      return json(503, errorBody(14, 'Circle is open'), latency, { 'x-sim-fault': 'circle_open' });
    }
    if (u < (edge += faults.rate429 ?? 0)) {
      stats.faultsInjected++;
      return json(429, errorBody(8, 'You have reached request rate limit per second'), latency, {
        'x-sim-fault': 'rate429',
      });
    }
    if (u < (edge += faults.rate500 ?? 0)) {
      stats.faultsInjected++;
      const html = faultRng.chance(0.5);
      return {
        status: 500,
        headers: { 'content-type': html ? 'text/html' : 'application/json', 'x-sim-fault': 'rate500' },
        body: html
          ? '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>'
          : errorBody(13, 'Internal error'),
        latencyMs: latency,
      };
    }
    if (u < (edge += faults.rate503 ?? 0)) {
      stats.faultsInjected++;
      const html = faultRng.chance(0.5);
      return {
        status: 503,
        headers: { 'content-type': html ? 'text/html' : 'application/json', 'x-sim-fault': 'rate503' },
        body: html
          ? '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>'
          : errorBody(14, 'Service is unavailable'),
        latencyMs: latency,
      };
    }
    return null;
  }

  function dispatch(req: SimRequest, path: string, t: number, latency: number): SimResponse {
    const method = (req.method || 'POST').toUpperCase();
    if (method === 'GET' && path.startsWith('/s3/ord-tmp/')) {
      const task = Number(/ticket-(\d+)\.pdf$/.exec(path)?.[1]);
      const file = routes.labelFile(shop, task, t);
      if (!file) return json(404, errorBody(5, 'Not Found'), latency);
      return { status: 200, headers: { 'content-type': 'application/pdf' }, body: file, latencyMs: latency };
    }
    if (RETIRED.has(path)) return json(404, errorBody(5, 'Not Found'), latency);
    const handler: Handler | undefined = routes.handlers[path];
    if (!handler) return json(404, errorBody(5, 'Not Found'), latency);
    if (method !== (routes.getPaths.has(path) ? 'GET' : 'POST'))
      return json(405, errorBody(12, 'Method Not Allowed'), latency);

    const fault = injectFault(path, t, latency);
    if (fault) return fault;

    const clientId = headerOf(req.headers, 'Client-Id');
    const apiKey = headerOf(req.headers, 'Api-Key');
    if (rateLimited(clientId ?? '', t)) {
      return json(429, errorBody(8, 'You have reached request rate limit per second'), latency);
    }
    if (!clientId || !apiKey)
      return json(401, errorBody(7, 'Invalid Api-Key, please contact support'), latency);
    if (clientId !== shop.clientId || apiKey !== shop.apiKey) {
      return json(403, errorBody(7, 'Invalid Api-Key, please contact support'), latency);
    }
    if (keyState === 'deactivated') return json(403, errorBody(7, 'Api-key is deactivated'), latency);
    if (keyState === 'ip_restricted') {
      return json(403, errorBody(7, 'Api-Key is restricted to specific IP addresses'), latency);
    }
    if (keyState === 'offer_not_signed') return json(403, errorBody(7, 'Offer not signed'), latency);
    if (!allowedByRoles(path)) {
      return json(403, errorBody(7, 'Api-Key is missing a required role for a method'), latency);
    }
    if (path === '/v2/products/stocks' && stocksLimited(t)) {
      return json(429, errorBody(8, 'You have reached request rate limit per minute'), latency);
    }

    let body: unknown = {};
    const text = req.payload ?? '';
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (e) {
        return json(400, errorBody(3, `proto: syntax error: ${(e as Error).message}`), latency);
      }
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return json(400, errorBody(3, 'proto: syntax error: request body must be a JSON object'), latency);
    }
    // Beta methods missing from the spec copy (finance accruals) check their own bodies.
    if (validate && ozonSpec().hasPath(path)) {
      const errors = ozonSpec().validateRequest(path, body);
      if (errors.length)
        return json(400, errorBody(3, `invalid request: ${errors.slice(0, 5).join('; ')}`), latency);
    }
    try {
      const ctx: Ctx = { shop, body, now: t, path, raw: text, roles, subscription };
      const result = handler(ctx);
      if (result instanceof RawBody) {
        return {
          status: 200,
          headers: { 'content-type': result.contentType },
          body: result.bytes,
          latencyMs: latency,
        };
      }
      const out = result === EMPTY ? '{}' : toJson(result);
      const lost = shop.lostAnswers.get(path);
      if (lost) {
        // Done, but the answer never arrives whole: the client cannot tell whether Ozon did it.
        shop.lostAnswers.delete(path);
        stats.faultsInjected++;
        const fault = { 'x-sim-fault': 'lost' };
        if (lost === 'html502')
          return {
            status: 502,
            headers: { 'content-type': 'text/html', ...fault },
            body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
            latencyMs: latency,
          };
        if (lost === 'garbled') return json(200, out.slice(0, Math.max(1, out.length >> 1)), latency, fault);
        return json(504, errorBody(14, 'upstream request timeout'), latency, fault);
      }
      if (faults.malformedRate && faultRng.next() < faults.malformedRate) {
        stats.faultsInjected++;
        const cut = Math.max(1, Math.floor(out.length * (0.2 + faultRng.next() * 0.6)));
        return json(200, out.slice(0, cut), latency, { 'x-sim-fault': 'malformed' });
      }
      return json(200, out, latency);
    } catch (e) {
      if (e instanceof ApiError) return json(e.status, errorBody(e.code, e.message, path), latency);
      throw e;
    }
  }

  const sim: Simulator = {
    handle(req) {
      sync();
      const t = now();
      const path = pathOf(req.url);
      stats.requests++;
      stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
      let latency = 60 + Math.floor(latencyRng.next() * 140);
      if (faults.slowRate && faultRng.next() < faults.slowRate) {
        latency += faults.slowMs ?? 8000;
        stats.faultsInjected++;
      }
      let res: SimResponse;
      try {
        res = dispatch(req, path, t, latency);
      } catch (e) {
        if (e instanceof ApiError) res = json(e.status, errorBody(e.code, e.message), latency);
        else res = json(500, errorBody(13, 'Internal error: ' + (e as Error).message), latency);
      }
      if (!clock) internalNow += latency;
      return res;
    },
    setClock(fn) {
      // the shop's history ends at opts.now: a provider should start near it (the shop lives from there on)
      clock = fn;
      offset = 0;
    },
    now,
    advance(hours) {
      const ms = Math.round(hours * HOUR);
      if (ms <= 0) return;
      if (clock) offset += ms;
      else internalNow += ms;
      sync(true);
    },
    setFaults(f) {
      faults = { ...f };
      faultRng = new Rng(mix(f.seed ?? 0, 977));
      circleUntil.clear();
    },
    setRateLimit(perSecond) {
      rateLimit = perSecond;
      windows.clear();
    },
    setKeyState(s) {
      keyState = s;
    },
    setRoles(r) {
      roles = [...r];
    },
    setSubscription(s) {
      subscription = s;
    },
    setValidateRequests(on) {
      validate = on;
    },
    credentials: { clientId: shop.clientId, apiKey: shop.apiKey },
    state: shop.state,
    feedback: () => feedbackOf(shop, now()),
    fboStock: shop.fboStock,
    setDeprecatedWarehouseIds(on) {
      shop.fillWarehouseIds = on;
    },
    stats,
    resetStats() {
      stats.requests = 0;
      stats.faultsInjected = 0;
      for (const k of Object.keys(stats.byPath)) delete stats.byPath[k];
    },
    paths: Object.keys(routes.handlers),
    handover: handoverControls(shop),
    loseAnswer: (path, how = 'timeout') => void shop.lostAnswers.set(path, how),
    deliverNow(numbers) {
      sync(true);
      const at = now();
      for (const n of numbers) {
        const p = shop.state.postings.get(n);
        if (!p || p.status !== 'delivering') throw new Error(`posting ${n} is not delivering`);
        shop.receive(p, at);
      }
    },
    garblePosting: (n, change) => void (change ? shop.garbled.set(n, change) : shop.garbled.delete(n)),
  };
  return sim;
}
