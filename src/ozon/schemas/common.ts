// Building blocks for Ozon answer schemas. Objects are loose (Ozon adds fields all the time);
// scalars accept the spellings real answers use (ids and numbers as strings, "true" for true),
// but a changed structure fails with the endpoint and the field path.
import { z } from 'zod';
import { OzonSchemaError } from '../errors';
import { parseMoney, type Money } from '../money';

const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

function numericString(value: unknown): unknown {
  return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
}

/** A number, also when Ozon quotes it ("1.2"). */
export const num = z.preprocess(numericString, z.number());
/** An integer, also when Ozon quotes it (int64 ids often come as strings). */
export const int = z.preprocess(numericString, z.number().int());
/** A number in a field that is informational only: junk becomes undefined rather than an error. */
export const looseNum = z
  .unknown()
  .transform((value): number | undefined => {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parseFloat(value) : NaN;
    return Number.isFinite(n) ? n : undefined;
  })
  .optional();
/** A string, also when Ozon sends the value as a bare number. */
export const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());
/** A boolean, also when Ozon spells it as a string ("true"). */
export const bool = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() === 'true' : v),
  z.boolean(),
);
/** An exact 64-bit id as a decimal string (see json.ts for how big values survive parsing). */
export const bigId = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^-?\d+$/, 'expected an integer id'),
);
/** A list Ozon may omit when empty. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : v), z.array(item));

/** Something Ozon sometimes sends as one thing and sometimes as a list of them: always a list. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** The raw money value in any of Ozon's shapes (checked, converted by the owning object). */
export const moneyRaw = z
  .unknown()
  .superRefine((value, ctx) => {
    if (value === undefined || value === null || value === '') return;
    if (parseMoney(value) === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected money (a number, a numeric string or {amount, currency})',
      });
    }
  })
  .optional();

/** Converts a raw money field, taking the currency from the value or from the given fallbacks. */
export function money(value: unknown, ...currencies: unknown[]): Money | null {
  const fallback = currencies.find((c): c is string => typeof c === 'string' && c !== '') ?? '';
  return parseMoney(value, fallback);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part as string];
  }
  return cur;
}

/** Validates an Ozon answer; a mismatch throws OzonSchemaError naming the endpoint and field path. */
export function parseAnswer<S extends z.ZodType>(endpoint: string, schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { path, detail } = describeIssue(result.error, data);
  throw new OzonSchemaError(endpoint, path, detail);
}

/** A list item Ozon sent in a shape the add-on cannot read: set aside, with where and why. */
export interface RejectedItem {
  /** The item's key as far as it can be read (a posting number), '' when even that is unreadable. */
  key: string;
  path: string;
  detail: string;
}

/**
 * A list validated item by item: one bad item (a changed field, an odd value) is set aside with its
 * key and reason instead of failing the whole answer, so the rest of the page still lands.
 */
export function eachValid<T extends z.ZodType>(item: T, keyOf: (raw: unknown) => string) {
  return z
    .preprocess((v) => (v === undefined || v === null ? [] : v), z.array(z.unknown()))
    .transform((raw) => {
      const items: z.output<T>[] = [];
      const rejected: RejectedItem[] = [];
      for (const value of raw) {
        const parsed = item.safeParse(value);
        if (parsed.success) items.push(parsed.data);
        else rejected.push({ key: keyOf(value), ...describeIssue(parsed.error, value) });
      }
      return { items, rejected, received: raw.length };
    });
}

function describeIssue(error: z.ZodError, data: unknown): { path: string; detail: string } {
  let issue = error.issues[0];
  // Report the innermost cause of a union failure, which is the one that names a real field.
  while (issue.code === 'invalid_union' && issue.errors.length && issue.errors[0].length) {
    const inner: z.core.$ZodIssue = issue.errors[0][0];
    issue = { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue;
  }
  const path = formatPath(issue.path);
  let detail = issue.message;
  if (issue.code === 'invalid_type') {
    const got = valueAt(data, issue.path);
    detail = `expected ${issue.expected}, got ${got === undefined ? 'nothing' : typeName(got)}`;
  }
  return { path, detail };
}

/**
 * An object schema that checks the known fields and keeps every other field as Ozon sent it.
 * (zod's looseObject does the same but runs a schema over every unknown key, which is several
 * times slower on postings with dozens of fields.)
 */
export function loose<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = z.object(shape);
  return z.unknown().transform((value, ctx) => {
    const result = known.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue(issue as never);
      return z.NEVER;
    }
    return { ...(value as object), ...result.data } as z.output<typeof known> & { [extra: string]: unknown };
  });
}
