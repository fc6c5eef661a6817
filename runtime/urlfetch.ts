// UrlFetchApp routed to an in-process FetchHandler, with the manifest allowlist, size limits, the
// muteHttpExceptions semantics and fetchAll's parallel timing.
import { expose } from './bridge';
import { makeBlob, toSigned } from './blob';
import type { Engine } from './execution';

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string;
}
export interface FetchResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
  latencyMs?: number;
}
/** May throw an Error to simulate a network failure. */
export type FetchHandler = (req: FetchRequest) => FetchResponse;

export interface FetchLogEntry {
  request: FetchRequest;
  status?: number;
  error?: string;
}

export const MAX_URL_LENGTH = 2 * 1024;
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

interface Params {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

function formEncode(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export function allowed(url: string, allowlist: string[] | undefined): boolean {
  if (!allowlist) return true;
  return allowlist.some((prefix) => {
    if (prefix.startsWith('https://*.')) {
      const rest = prefix.slice('https://*.'.length);
      const m = /^https:\/\/([^/]+)(\/.*)?$/.exec(url);
      if (!m) return false;
      const hostAndPath = m[1] + (m[2] ?? '/');
      return (
        hostAndPath.endsWith(rest) ||
        new RegExp(`^[^/]+\\.${rest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(hostAndPath)
      );
    }
    return url.startsWith(prefix);
  });
}

export function urlFetchApp(
  engine: Engine,
  opts: { handler?: FetchHandler; allowlist?: string[]; log: FetchLogEntry[]; dailyQuota?: number },
) {
  const prepare = (url: string, params: Params): { req: FetchRequest; mute: boolean } => {
    engine.requireAuth('UrlFetchApp.fetch', { limitedOk: false, simpleOk: false });
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url))
      throw new Error(`Invalid argument: ${String(url)}`);
    if (url.length > MAX_URL_LENGTH) throw new Error(`Limit Exceeded: URLFetch URL Length.`);
    if (!allowed(url, opts.allowlist))
      throw new Error(
        `The URL ${url} is not allowed by the script manifest's urlFetchWhitelist (${(opts.allowlist ?? []).join(', ')}).`,
      );
    const method = String(params.method ?? 'get').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
    let payload: string | undefined;
    if (params.payload !== undefined && params.payload !== null) {
      if (typeof params.payload === 'string') {
        payload = params.payload;
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
          headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
      } else if (typeof params.payload === 'object') {
        payload = formEncode(params.payload as Record<string, unknown>);
        headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
      } else payload = String(params.payload);
    }
    if (params.contentType && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['Content-Type'] = params.contentType;
    const req: FetchRequest =
      payload === undefined ? { url, method, headers } : { url, method, headers, payload };
    return { req, mute: params.muteHttpExceptions === true };
  };

  const perform = (req: FetchRequest): FetchResponse => {
    if (!opts.handler) {
      opts.log.push({ request: req, error: 'Address unavailable' });
      throw new Error(`Address unavailable: ${req.url}`);
    }
    let res: FetchResponse;
    try {
      res = opts.handler(structuredClone(req));
    } catch (error) {
      opts.log.push({ request: req, error: error instanceof Error ? error.message : String(error) });
      throw new Error(`Address unavailable: ${req.url}`);
    }
    opts.log.push({ request: req, status: res.status });
    return res;
  };

  const respond = (req: FetchRequest, res: FetchResponse, mute: boolean) => {
    const bytes = typeof res.body === 'string' ? new Uint8Array(Buffer.from(res.body, 'utf8')) : res.body;
    if (bytes.length > MAX_RESPONSE_BYTES) throw new Error('Exceeded maximum response size: 50 MB.');
    if (res.status >= 400 && !mute) {
      const text = Buffer.from(bytes).toString('utf8');
      const origin = /^(https?:\/\/[^/?#]+)/i.exec(req.url)?.[1] ?? req.url;
      throw new Error(
        `Request failed for ${origin} returned code ${res.status}. Truncated server response: ${text.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    const headers = { ...(res.headers ?? {}) };
    const contentType =
      Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/plain';
    return expose(
      engine,
      {
        getResponseCode: () => res.status,
        getContentText: (charset?: string) =>
          charset && !/^utf-?8$/i.test(charset)
            ? new TextDecoder(charset).decode(bytes)
            : Buffer.from(bytes).toString('utf8'),
        getContent: () => engine.realm().toScript(toSigned(bytes)),
        getBlob: () => makeBlob(engine, { bytes, contentType, name: null }),
        getAs: (t: string) => makeBlob(engine, { bytes, contentType: t, name: null }),
        getHeaders: () => engine.realm().toScript(headers),
        getAllHeaders: () => engine.realm().toScript(headers),
      },
      'HTTPResponse',
    );
  };

  return expose(
    engine,
    {
      fetch(url: string, params: Params = {}) {
        const { req, mute } = prepare(url, params ?? {});
        engine.call('fetch');
        engine.countDaily('urlfetch', opts.dailyQuota ?? 20_000);
        engine.counters.fetches += engine.counting ? 1 : 0;
        const res = perform(req);
        engine.spend(engine.latency.fetch + (res.latencyMs ?? 0));
        return respond(req, res, mute);
      },
      fetchAll(requests: (string | Params)[]) {
        if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
        const prepared = requests.map((r) =>
          typeof r === 'string' ? prepare(r, {}) : prepare(String(r.url), r),
        );
        engine.call('fetch');
        engine.countDaily('urlfetch', opts.dailyQuota ?? 20_000, prepared.length);
        if (engine.counting) {
          engine.counters.fetchAllBatches++;
          engine.counters.fetches += prepared.length;
        }
        const results = prepared.map((p) => perform(p.req));
        const slowest = Math.max(0, ...results.map((r) => r.latencyMs ?? 0));
        engine.spend(
          engine.latency.fetchAllBase + engine.latency.fetchAllPerRequest * prepared.length + slowest,
        );
        return engine.realm().list(results.map((res, i) => respond(prepared[i].req, res, prepared[i].mute)));
      },
      getRequest(url: string, params: Params = {}) {
        const { req } = prepare(url, params);
        return engine.realm().toScript({ ...req, payload: req.payload ?? '' });
      },
    },
    'UrlFetchApp',
  );
}
