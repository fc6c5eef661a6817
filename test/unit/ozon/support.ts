// Test doubles for the Ozon client's ports: a clock that only moves when slept on (or told to), and
// HTTP ports that answer from a script or from the official examples.
import * as fs from 'fs';
import * as path from 'path';
import type { ClockPort, HttpPort, HttpRequest, HttpResponse } from '../../../src/ozon/ports';

export class FakeClock implements ClockPort {
  readonly sleeps: number[] = [];
  private seed: number;
  constructor(
    public t = Date.parse('2026-09-01T09:00:00Z'),
    seed = 42,
  ) {
    this.seed = seed;
  }
  now(): number {
    return this.t;
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.t += ms;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  /** Deterministic (mulberry32). */
  random(): number {
    let a = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    a = Math.imul(a ^ (a >>> 15), a | 1);
    a ^= a + Math.imul(a ^ (a >>> 7), a | 61);
    return ((a ^ (a >>> 14)) >>> 0) / 4294967296;
  }
}

export interface Sent {
  at: number;
  batch: number;
  request: HttpRequest;
  path: string;
  body: unknown;
}

/** An HttpPort answering through a function; records every request with the clock time. */
export class ScriptedHttp implements HttpPort {
  readonly sent: Sent[] = [];
  batches = 0;
  constructor(
    private readonly clock: FakeClock,
    private readonly answer: (path: string, body: unknown, request: HttpRequest, n: number) => HttpResponse,
  ) {}
  fetchAll(requests: HttpRequest[]): HttpResponse[] {
    const batch = this.batches++;
    return requests.map((request) => {
      const p = new URL(request.url).pathname;
      const body = request.payload ? JSON.parse(request.payload) : undefined;
      this.sent.push({ at: this.clock.now(), batch, request, path: p, body });
      return this.answer(p, body, request, this.sent.length);
    });
  }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

// Ozon's official examples, kept with the spec copy so the tests need nothing outside the repo.
export const EXAMPLES_DIR = path.join(__dirname, '../../../simulator/spec/examples');

export interface Example {
  file: string;
  path: string;
  request_example: unknown;
  response_200_example: unknown;
}

/** Official examples (not retired/), by path. */
export function examples(): Map<string, Example[]> {
  const byPath = new Map<string, Example[]>();
  for (const file of fs.readdirSync(EXAMPLES_DIR)) {
    if (!file.endsWith('.json')) continue;
    const e = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Example;
    e.file = file;
    byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  }
  return byPath;
}

export const CREDENTIALS = { clientId: '123456', apiKey: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' };
