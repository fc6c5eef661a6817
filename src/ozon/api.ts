// The core every Ozon area builds on: one transport (pacing, retries, typed errors), answers validated
// by their schema. A single call is a batch of one; a batch goes out as one fetchAll.
import type { z } from 'zod';
import { RETIRED } from './endpoints';
import type { ClockPort, HttpPort } from './ports';
import { parseAnswer } from './schemas/common';
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

export class OzonApi {
  readonly transport: Transport;

  constructor(readonly options: OzonClientOptions) {
    this.transport = new Transport(options);
  }

  get stats(): TransportStats {
    return this.transport.stats;
  }

  call<S extends z.ZodType>(path: string, body: unknown, schema: S): z.output<S> {
    return this.callMany(path, [body], schema)[0];
  }

  /** A read Ozon documents as GET (no body). */
  get<S extends z.ZodType>(path: string, schema: S): z.output<S> {
    if (RETIRED.has(path)) throw new Error(`${path} is retired by Ozon`);
    const [answer] = this.transport.many([{ path, method: 'get' }]);
    return parseAnswer(path, schema, answer.json);
  }

  callMany<S extends z.ZodType>(path: string, bodies: readonly unknown[], schema: S): z.output<S>[] {
    if (RETIRED.has(path)) throw new Error(`${path} is retired by Ozon`);
    const calls: Call[] = bodies.map((body) => ({ path, body }));
    return this.transport.many(calls).map((a) => parseAnswer(path, schema, a.json));
  }

  /** Clock and deadline for paging loops (collect). */
  bounds() {
    return { clock: this.options.clock, deadline: this.options.deadline };
  }
}
