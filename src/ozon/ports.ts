// What the Ozon client needs from its host. Apps Script adapters live in src/adapters/http.ts;
// tests pass in-memory fakes. The client never reaches for UrlFetchApp or Utilities itself.
export interface HttpRequest {
  url: string;
  method: 'post' | 'get';
  headers: Record<string, string>;
  payload?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** Raw body bytes, for PDFs. */
  bytes?: () => number[] | Uint8Array;
  /** The Apps Script Blob, opaque to the client. */
  blob?: unknown;
  /** Set when the request never got an answer. */
  networkError?: string;
}

export interface HttpPort {
  /** Never throws; answers in request order. */
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

export interface ClockPort {
  now(): number;
  sleep(ms: number): void;
  random(): number;
}
