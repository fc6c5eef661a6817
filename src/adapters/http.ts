// Apps Script side of the Ozon client's ports: UrlFetchApp.fetchAll and the clock.
import type { ClockPort, HttpPort, HttpRequest, HttpResponse } from '../ozon/ports';

function toFetchRequest(r: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  return {
    url: r.url,
    method: r.method,
    headers: r.headers,
    contentType: 'application/json',
    muteHttpExceptions: true,
    followRedirects: true,
    ...(r.payload !== undefined ? { payload: r.payload } : {}),
  };
}

function toResponse(res: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  const headers: Record<string, string> = {};
  const raw = res.getAllHeaders() as Record<string, unknown>;
  for (const [k, v] of Object.entries(raw)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const binary = /pdf|octet-stream/i.test(type);
  return {
    status: res.getResponseCode(),
    // A PDF decoded as text would be mangled and large: the client reads such answers through bytes().
    body: binary ? '' : res.getContentText('UTF-8'),
    headers,
    bytes: () => res.getContent(),
    blob: binary ? res.getBlob() : undefined,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** fetchAll with muteHttpExceptions; a thrown batch becomes per-request network errors. */
export function appsScriptHttp(): HttpPort {
  return {
    fetchAll(requests: HttpRequest[]): HttpResponse[] {
      if (!requests.length) return [];
      try {
        return UrlFetchApp.fetchAll(requests.map(toFetchRequest)).map(toResponse);
      } catch (error) {
        // One unreachable host (DNS, timeout) throws for the whole batch; the client retries each request.
        const message = describe(error);
        return requests.map(() => ({ status: 0, body: '', headers: {}, networkError: message }));
      }
    },
  };
}

export function appsScriptClock(): ClockPort {
  return {
    now: () => Date.now(),
    sleep: (ms: number) => Utilities.sleep(Math.max(0, Math.round(ms))),
    random: () => Math.random(),
  };
}
