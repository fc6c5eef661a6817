// Sends Ozon calls as fetchAll batches: headers, pacing, retries with backoff, error classification.
// Only failed requests are re-sent; a batch answers in call order or throws the first final failure.
import {
  classifyFailure,
  malformedFailure,
  networkFailure,
  OzonRateLimitError,
  unclearAction,
  type Failure,
} from './errors';
import { ACTIONS } from './endpoints';
import { parseJsonKeepingIds, stringifyWithIds } from './json';
import { RateLimiter, type Limit } from './limiter';
import type { ClockPort, HttpPort, HttpRequest, HttpResponse } from './ports';

export interface Credentials {
  clientId: string;
  apiKey: string;
}

export interface TransportOptions {
  credentials: Credentials;
  http: HttpPort;
  clock: ClockPort;
  /** Epoch ms: no sleep (retry or pacing) may end after it. */
  deadline?: number;
  baseUrl?: string;
  /** Tries per request, first one included. */
  maxTries?: number;
  /** Backoff base and cap (ms) for the exponential full-jitter delay. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  limits?: { overall: Limit; perPath: Record<string, Limit> };
}

export interface Call {
  path: string;
  body?: unknown;
  /** The answer is a file (PDF), not JSON. */
  raw?: boolean;
  /** A read Ozon documents as GET (`/v1/actions`): sent without a body. */
  method?: 'get';
}

export interface Answer {
  path: string;
  status: number;
  /** Parsed JSON (big ids kept as strings); undefined for raw answers that are not JSON. */
  json: unknown;
  response: HttpResponse;
}

export interface TransportStats {
  requests: number;
  rounds: number;
  retries: number;
  sleptMs: number;
}

export const DEFAULT_LIMITS = {
  overall: { max: 50, windowMs: 1000 },
  perPath: {
    '/v2/products/stocks': { max: 80, windowMs: 60_000 },
    // "No more than 1 request per minute per Client-Id" (the method's description in Ozon's spec).
    '/v1/analytics/turnover/stocks': { max: 1, windowMs: 60_000 },
  } as Record<string, Limit>,
};

export class Transport {
  readonly stats: TransportStats = { requests: 0, rounds: 0, retries: 0, sleptMs: 0 };
  private readonly limiter: RateLimiter;
  private readonly baseUrl: string;
  private readonly maxTries: number;
  private readonly secrets: string[];

  constructor(private readonly options: TransportOptions) {
    const limits = options.limits ?? DEFAULT_LIMITS;
    this.limiter = new RateLimiter(limits.overall, limits.perPath);
    this.baseUrl = (options.baseUrl ?? 'https://api-seller.ozon.ru').replace(/\/+$/, '');
    this.maxTries = Math.max(1, options.maxTries ?? 6);
    this.secrets = [options.credentials.apiKey];
  }

  get clock(): ClockPort {
    return this.options.clock;
  }

  get deadline(): number {
    return this.options.deadline ?? Infinity;
  }

  /** One call; throws on failure. */
  one(call: Call): Answer {
    return this.many([call])[0];
  }

  /** Calls sent side by side; answers in call order. */
  many(calls: readonly Call[]): Answer[] {
    const answers: Answer[] = new Array(calls.length);
    const tries: number[] = calls.map(() => 0);
    let pending = calls.map((_c, idx) => idx);
    while (pending.length) {
      const responses = this.dispatch(pending.map((idx) => calls[idx]));
      const failed: { idx: number; failure: Failure }[] = [];
      for (let k = 0; k < pending.length; k++) {
        const idx = pending[k];
        tries[idx]++;
        const outcome = this.evaluate(calls[idx], responses[k]);
        if ('failure' in outcome) failed.push({ idx, failure: outcome.failure });
        else answers[idx] = outcome.answer;
      }
      if (!failed.length) break;
      // An action whose answer was lost may have happened: report that, never send it again.
      const unclear = failed.find((f) => f.failure.ambiguous && ACTIONS.has(calls[f.idx].path));
      if (unclear) throw unclearAction(unclear.failure);
      const fatal = failed.find((f) => !f.failure.retryable || tries[f.idx] >= this.maxTries);
      if (fatal) throw fatal.failure.error;
      let delay = 0;
      for (const { idx, failure } of failed) {
        const ceiling = Math.min(this.backoffCap, this.backoffBase * 2 ** (tries[idx] - 1));
        const jitter = this.options.clock.random() * ceiling;
        delay = Math.max(delay, failure.retryAfterMs ?? 0, jitter);
      }
      if (this.options.clock.now() + delay > this.deadline) throw failed[0].failure.error;
      this.sleep(delay);
      this.stats.retries += failed.length;
      pending = failed.map((f) => f.idx);
    }
    return answers;
  }

  private get backoffBase(): number {
    return this.options.backoffBaseMs ?? 1000;
  }

  private get backoffCap(): number {
    return this.options.backoffCapMs ?? 16_000;
  }

  private sleep(ms: number): void {
    if (ms <= 0) return;
    this.stats.sleptMs += ms;
    this.options.clock.sleep(ms);
  }

  /** Sends calls in paced fetchAll rounds; responses in call order. */
  private dispatch(calls: readonly Call[]): HttpResponse[] {
    const out: HttpResponse[] = [];
    let start = 0;
    while (start < calls.length) {
      const chunk: Call[] = [];
      const perPath = new Map<string, number>();
      for (let k = start; k < calls.length; k++) {
        const path = calls[k].path;
        const used = perPath.get(path) ?? 0;
        if (chunk.length >= this.limiter.maxBatch('') || used >= this.limiter.maxBatch(path)) break;
        perPath.set(path, used + 1);
        chunk.push(calls[k]);
      }
      const paths = chunk.map((c) => c.path);
      const now = this.options.clock.now();
      const at = this.limiter.earliest(now, paths);
      if (at > now) {
        if (at > this.deadline) {
          throw new OzonRateLimitError(
            'ozon.rateLimit',
            'ozon.error.rateLimit',
            { method: paths[0], detail: 'client-side limit', status: 0 },
            paths[0],
          );
        }
        this.sleep(at - now);
      }
      this.limiter.record(this.options.clock.now(), paths);
      const requests = chunk.map((c) => this.request(c));
      this.stats.rounds++;
      this.stats.requests += requests.length;
      const responses = this.options.http.fetchAll(requests);
      for (let k = 0; k < chunk.length; k++) {
        out.push(responses[k] ?? { status: 0, body: '', headers: {}, networkError: 'no response' });
      }
      start += chunk.length;
    }
    return out;
  }

  private request(call: Call): HttpRequest {
    const { clientId, apiKey } = this.options.credentials;
    const headers = { 'Client-Id': clientId, 'Api-Key': apiKey, 'Content-Type': 'application/json' };
    if (call.method === 'get') return { url: this.baseUrl + call.path, method: 'get', headers };
    return {
      url: this.baseUrl + call.path,
      method: 'post',
      headers,
      payload: stringifyWithIds(call.body ?? {}),
    };
  }

  private evaluate(call: Call, response: HttpResponse): { answer: Answer } | { failure: Failure } {
    if (response.networkError !== undefined || response.status === 0) {
      return { failure: networkFailure(call.path, response.networkError ?? 'no answer', this.secrets) };
    }
    const { status, body } = response;
    if (status >= 200 && status < 300) {
      if (call.raw && !looksLikeJson(response)) {
        return { answer: { path: call.path, status, json: undefined, response } };
      }
      let json: unknown;
      try {
        json = parseJsonKeepingIds(body);
      } catch {
        return { failure: malformedFailure(call.path) };
      }
      if (isCircleOpen(json)) {
        return { failure: classifyFailure(call.path, 503, body, response.headers, this.secrets) };
      }
      return { answer: { path: call.path, status, json, response } };
    }
    return { failure: classifyFailure(call.path, status, body, response.headers, this.secrets) };
  }
}

function looksLikeJson(response: HttpResponse): boolean {
  const type = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (/json/i.test(type)) return true;
  if (/pdf|octet/i.test(type)) return false;
  return /^\s*[{[]/.test(response.body.slice(0, 16));
}

function isCircleOpen(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const message = (json as { message?: unknown }).message;
  return typeof message === 'string' && /circle is open/i.test(message);
}
