// Calls the in-process simulator like a client would and checks every request and answer against the spec.
import { createSimulator, type ShopOptions, type Simulator, type SimResponse } from '../index';
import { ozonSpec, validateRequest, validateResponse } from '../openapi';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
  bytes: Uint8Array | null;
  /** Spec violations of the answer (always checked). */
  specErrors: string[];
}

export function read(path: string, r: SimResponse): Answer {
  const bytes = typeof r.body === 'string' ? null : r.body;
  const text = typeof r.body === 'string' ? r.body : '';
  let json: unknown = undefined;
  if (!bytes && (r.headers['content-type'] ?? '').includes('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  const specErrors = r.headers['x-sim-fault'] ? [] : validateResponse(path, r.status, bytes ?? text);
  return { status: r.status, headers: r.headers, json, text, bytes, specErrors };
}

export interface Api {
  sim: Simulator;
  /** POSTs a body that must itself conform to the spec; returns the answer. */
  call(path: string, body?: unknown): Answer;
  /** POSTs anything (invalid bodies, other headers). */
  raw(path: string, payload: string | undefined, headers?: Record<string, string>, method?: string): Answer;
}

export function api(opts: ShopOptions = {}, sim: Simulator = createSimulator(opts)): Api {
  const headers = () => ({
    'Client-Id': sim.credentials.clientId,
    'Api-Key': sim.credentials.apiKey,
    'Content-Type': 'application/json',
  });
  // every answer of every test must match the official response schema (faulted answers excepted)
  const raw = (path: string, payload: string | undefined, h = headers(), method = 'POST') => {
    const answer = read(
      path,
      sim.handle({ method, url: 'https://api-seller.ozon.ru' + path, headers: h, payload }),
    );
    const documented = ozonSpec().hasPath(path) && (method === 'POST' || method === 'GET');
    if (documented && answer.specErrors.length) {
      throw new Error(
        `answer of ${path} (${answer.status}) violates the spec: ${answer.specErrors.join('; ')}`,
      );
    }
    return answer;
  };
  return {
    sim,
    raw,
    call(path, body = {}) {
      const reqErrors = validateRequest(path, body);
      if (reqErrors.length)
        throw new Error(`test request to ${path} violates the spec: ${reqErrors.join('; ')}`);
      return raw(path, JSON.stringify(body));
    },
  };
}

export const WITH_ALL = { analytics_data: true, financial_data: true, barcodes: true, legal_info: true };
export const DAY = 86_400_000;
export const iso = (t: number) => new Date(t).toISOString();
