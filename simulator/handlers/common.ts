// What every handler gets and the request checks Ozon makes beyond the JSON schema.
import { badRequest } from '../errors';
import type { Shop } from '../shop';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Body = any;

export interface Ctx {
  shop: Shop;
  body: Body;
  now: number;
  path: string;
  /** The request body as sent (ids above 2^53 are read from it). */
  raw: string;
  roles: string[];
  subscription: Subscription;
}

/**
 * The seller's Ozon plan: chats and questions need Premium Plus (or Pro), reviews need Review
 * Management or Premium Pro.
 */
export type Subscription = 'premium_pro' | 'premium_plus' | 'review_management' | 'none';

/** A non-JSON answer (PDF labels). */
export class RawBody {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
  ) {}
}

/** Marks an HTTP 200 answer with an empty body (the spec documents some methods without one). */
export const EMPTY = Symbol('empty');

export type Handler = (ctx: Ctx) => unknown;

export const YEAR_MS = 366 * 24 * 3_600_000;

export function parseTime(value: unknown, field: string): number {
  if (typeof value !== 'string' || !value) throw badRequest(`${field}: value is required`);
  const t = Date.parse(value);
  if (!Number.isFinite(t) || !/^\d{4}-\d\d-\d\dT/.test(value)) {
    throw badRequest(
      `${field}: invalid value "${value}": expected RFC 3339 date-time, e.g. 2026-11-19T10:12:31Z`,
    );
  }
  return t;
}

export function optionalTime(value: unknown, field: string): number | undefined {
  return value === undefined || value === null || value === '' ? undefined : parseTime(value, field);
}

/** Ozon answers 400 to empty filter arrays instead of treating them as "no filter". */
export function rejectEmptyArrays(obj: Body, prefix: string): void {
  if (!obj || typeof obj !== 'object') return;
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v) && v.length === 0)
      throw badRequest(`${prefix}.${k}: value must contain at least 1 item(s)`);
  }
}

export function checkLimit(limit: unknown, min: number, max: number, field = 'limit'): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < min || limit > max) {
    throw badRequest(`${field}: value must be inside range [${min}, ${max}]`);
  }
  return limit;
}

export function checkPeriod(since: number, to: number, prefix: string): void {
  if (to < since) throw badRequest(`${prefix}.to must not be earlier than ${prefix}.since`);
  if (to - since > YEAR_MS)
    throw badRequest(`${prefix}: the period between since and to must not exceed one year`);
}

/** Keyset cursor over (time, seq), shaped like Ozon's (base64 of the sort fields). */
export function encodeCursor(name: string, t: number, seq: number, dir: 'ASC' | 'DESC'): string {
  const json = JSON.stringify({
    fields: [
      { name, dir: dir.toLowerCase(), val: new Date(t).toISOString() },
      { name: 'osp.id', dir: dir.toLowerCase(), val: String(seq) },
    ],
  });
  return Buffer.from(json, 'utf8').toString('base64');
}

export function decodeCursor(cursor: unknown): { t: number; seq: number } | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  try {
    const j = JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8'));
    const t = Date.parse(j.fields[0].val);
    const seq = Number(j.fields[1].val);
    if (!Number.isFinite(t) || !Number.isInteger(seq)) throw new Error('bad');
    return { t, seq };
  } catch {
    throw badRequest('cursor: invalid value');
  }
}

/** Offset cursors for the small lists (products, warehouses, chats): base64 of the next offset. */
export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64');
}

export function decodeOffset(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  const text = Buffer.from(String(cursor), 'base64').toString('utf8');
  const m = /^o:(\d+)$/.exec(text);
  if (!m) throw badRequest('cursor: invalid value');
  return Number(m[1]);
}

export const POSTING_STATUSES = new Set([
  'awaiting_registration',
  'acceptance_in_progress',
  'awaiting_approve',
  'awaiting_verification',
  'awaiting_packaging',
  'awaiting_deliver',
  'arbitration',
  'client_arbitration',
  'delivering',
  'driver_pickup',
  'delivered',
  'cancelled',
  'cancelled_from_split_pending',
  'not_accepted',
  'sent_by_seller',
]);
