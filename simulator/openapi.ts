// Validates request and response bodies against Ozon's official OpenAPI 3.0 spec (simulator/spec/).
// The spec is converted for ajv once: `nullable` becomes a null type, refs point into one ajv document,
// unknown formats are accepted, non-JSON-Schema keywords are dropped.
//
// Known defects of the published spec are corrected here (ERRATA), each with the reason; everything else is
// validated exactly as published.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';
import util from 'util';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

export const SPEC_FILE = path.join(__dirname, 'spec', 'seller-api.openapi.json');
/** Methods announced in Ozon's news after the vendored spec was published (see its `about`). */
export const NEWER_METHODS_FILE = path.join(__dirname, 'spec', 'newer-methods.json');

const JSON_TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
const DROP = new Set([
  'example',
  'examples',
  'description',
  'title',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  'nullable',
  'pattern',
]);

/**
 * Corrections of the published spec, applied in both modes:
 * - `required` lists that are not arrays (e.g. `"required": true` on a property) are dropped: invalid JSON Schema.
 * - names in `required` that the object does not declare in `properties` are dropped (e.g. `quant_size` in
 *   `/v2/products/stocks` items, undocumented and not sent by Ozon's own examples).
 * - `pattern`s are dropped: every one in the spec is a human hint (" YYYY-MM-DDThh:mm:ssZ"), not a regex.
 * - `items: null` next to a `$ref` (cash-flow statement `details`) is dropped, with its `type: array`: the
 *   referenced object is what Ozon sends.
 * - `v2ReturnsRfbsListResponse.returns` is a list of requests (the spec says one object; its own example and
 *   the method's purpose say array).
 * Response mode only: Ozon answers `null` for blocks it does not fill (`customer` of FBS, `analytics_data`
 * when not requested, ...) and for unset timestamps, although the spec never says `nullable`.
 */
const ARRAY_FIXES: Record<string, string[]> = { v2ReturnsRfbsListResponse: ['returns'] };

type Mode = 'request' | 'response';

const baseOf = (mode: Mode) => `https://ozon.sim/${mode}/`;

function convert(node: Json, mode: Mode, base: string): Json {
  if (Array.isArray(node)) return node.map((n) => convert(n, mode, base));
  if (node === null || typeof node !== 'object') return node;
  const src = node as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    // `v3FinanceCashFlowStatementListResponseResult.details` is `{type: array, items: null, $ref}`: the ref wins.
    if (k === 'items' && v === null) continue;
    if (k === 'type' && v === 'array' && typeof src.$ref === 'string' && src.items === null) continue;
    if (k === '$ref' && typeof v === 'string') {
      out.$ref = base + encodeURIComponent(v.split('/').pop() ?? '');
    } else if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      const props: Schema = {};
      for (const [pk, pv] of Object.entries(v)) props[pk] = convert(pv, mode, base);
      out.properties = props;
    } else if (k === 'type') {
      if (typeof v === 'string' && JSON_TYPES.has(v)) out.type = v;
    } else if (k === 'required') {
      if (Array.isArray(v)) out.required = v;
    } else if (k === 'enum' || k === 'default' || k === 'format') {
      out[k] = v;
    } else {
      out[k] = convert(v, mode, base);
    }
  }
  if (Array.isArray(out.required)) {
    const props = out.properties as Schema | undefined;
    const req = (out.required as string[]).filter((r) => !props || r in props);
    if (req.length) out.required = req;
    else delete out.required;
  }
  const isObject = out.type === 'object' || (!out.type && out.properties !== undefined);
  const nullable = src.nullable === true || (mode === 'response' && (isObject || out.format === 'date-time'));
  if (nullable) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (!out.type && out.properties) out.type = ['object', 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

interface Spec {
  paths: Record<string, Record<string, OperationJson>>;
  components: { schemas: Record<string, Json>; requestBodies?: Record<string, { content?: ContentJson }> };
}
type ContentJson = Record<string, { schema?: Json }>;
interface OperationJson {
  requestBody?: { content?: ContentJson; $ref?: string };
  responses?: Record<string, { content?: ContentJson }>;
}

export class OpenApiValidator {
  private readonly spec: Spec;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction | null>();
  private readonly added = new Set<string>();

  constructor(specFile: string = SPEC_FILE) {
    this.spec = JSON.parse(fs.readFileSync(specFile, 'utf8')) as Spec;
    if (specFile === SPEC_FILE) {
      const newer = JSON.parse(fs.readFileSync(NEWER_METHODS_FILE, 'utf8')) as Spec;
      for (const [p, item] of Object.entries(newer.paths)) this.spec.paths[p] ??= item;
      for (const [n, schema] of Object.entries(newer.components.schemas))
        this.spec.components.schemas[n] ??= schema;
    }
    this.ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, logger: false });
    addFormats(this.ajv);
    const known = new Set(['date-time', 'byte', 'int32', 'int64', 'float', 'double', 'date', 'uri', 'email']);
    const seen = new Set<string>();
    JSON.stringify(this.spec.components, (k, v) => {
      if (k === 'format' && typeof v === 'string') seen.add(v);
      return v;
    });
    for (const f of seen) if (!known.has(f)) this.ajv.addFormat(f, true);
  }

  /** Adds the converted definitions a schema reaches (once per mode): compiling stays proportional to use. */
  private addReachable(schema: Json, mode: Mode): void {
    const base = baseOf(mode);
    const stack: Json[] = [schema];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        stack.push(...node);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') {
          const name = v.split('/').pop() ?? '';
          const id = base + encodeURIComponent(name);
          if (this.added.has(id)) continue;
          this.added.add(id);
          const def = this.spec.components.schemas[name];
          if (def === undefined) continue;
          let converted = convert(def, mode, base) as Schema;
          const fixes = ARRAY_FIXES[name];
          if (fixes && converted.properties) {
            const props = { ...(converted.properties as Schema) };
            for (const f of fixes) if (props[f]) props[f] = { type: 'array', items: props[f] };
            converted = { ...converted, properties: props };
          }
          this.ajv.addSchema({ ...converted, $id: id });
          stack.push(def);
        } else if (v && typeof v === 'object') stack.push(v);
      }
    }
  }

  hasPath(p: string): boolean {
    return !!this.spec.paths[p];
  }

  paths(): string[] {
    return Object.keys(this.spec.paths);
  }

  private operation(p: string): OperationJson | undefined {
    const item = this.spec.paths[p];
    return item ? (item.post ?? item.get ?? Object.values(item)[0]) : undefined;
  }

  private requestSchema(p: string): Json | undefined {
    const rb = this.operation(p)?.requestBody;
    if (!rb) return undefined;
    const content =
      rb.content ?? this.spec.components.requestBodies?.[String(rb.$ref).split('/').pop() ?? '']?.content;
    return content?.['application/json']?.schema;
  }

  /** The content type the spec documents for a response (e.g. `application/pdf` for package labels). */
  responseContentType(p: string, status: number): string | undefined {
    const r = this.responseEntry(p, status);
    return r?.content ? Object.keys(r.content)[0] : undefined;
  }

  private responseEntry(p: string, status: number) {
    const responses = this.operation(p)?.responses ?? {};
    return responses[String(status)] ?? (status !== 200 ? responses.default : undefined);
  }

  private compiled(key: string, schema: Json | undefined, mode: Mode): ValidateFunction | null {
    if (this.cache.has(key)) return this.cache.get(key)!;
    let fn: ValidateFunction | null = null;
    if (schema !== undefined) {
      this.addReachable(schema, mode);
      fn = this.ajv.compile(convert(schema, mode, baseOf(mode)) as Schema);
    }
    this.cache.set(key, fn);
    return fn;
  }

  /** Errors of a request body against the path's request schema (`[]` when valid). */
  validateRequest(p: string, body: unknown): string[] {
    if (!this.hasPath(p)) return [`unknown path ${p}`];
    const fn = this.compiled('req ' + p, this.requestSchema(p), 'request');
    if (!fn) return []; // the method takes no body
    return fn(body) ? [] : format(fn.errors);
  }

  /** Errors of a response body (parsed JSON, JSON text or PDF bytes) against the documented response. */
  validateResponse(p: string, status: number, body: unknown): string[] {
    if (!this.hasPath(p)) return [`unknown path ${p}`];
    // gateway errors (401, 429, 503, ...) come as rpcStatus on every method, documented there or not
    const entry =
      this.responseEntry(p, status) ??
      (status >= 400
        ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/rpcStatus' } } } }
        : undefined);
    if (!entry) return [`status ${status} is not documented for ${p}`];
    const contentType = entry.content ? Object.keys(entry.content)[0] : undefined;
    if (contentType === 'application/pdf') {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : (body as Uint8Array);
      return bytes && Buffer.from(bytes.slice(0, 5)).toString('latin1') === '%PDF-'
        ? []
        : ['body is not a PDF'];
    }
    if (contentType === 'image/png') {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : (body as Uint8Array);
      return bytes && Buffer.from(bytes.slice(1, 4)).toString('latin1') === 'PNG'
        ? []
        : ['body is not a PNG'];
    }
    let value = body;
    if (typeof body === 'string' || body instanceof Uint8Array) {
      const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
      if (!contentType) return []; // documented without a body
      try {
        value = JSON.parse(text);
      } catch {
        return ['body is not JSON'];
      }
    }
    const schema = contentType ? entry.content![contentType].schema : undefined;
    const fn = this.compiled(`res ${status} ${p}`, schema, 'response');
    if (!fn) return [];
    return fn(value) ? [] : format(fn.errors);
  }
}

function format(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

const SHARED = Symbol.for('ozon-order-desk.simulator.ozonSpec');

/**
 * The validator over the vendored spec, loaded once per process and each method's schemas compiled
 * once. It is kept on Node's own `util` module rather than in this module: jest evaluates this module
 * afresh for every test file, but hands every file of a worker the one `util`, so a later file finds
 * the validators an earlier one compiled (reading the spec and compiling a file's methods cost about
 * 0.3–0.5 CPU-s a file). The validator holds nothing but the spec and compiled schemas.
 */
export function ozonSpec(): OpenApiValidator {
  const holder = util as unknown as Record<symbol, OpenApiValidator | undefined>;
  return (holder[SHARED] ??= new OpenApiValidator());
}

export function validateRequest(p: string, body: unknown): string[] {
  return ozonSpec().validateRequest(p, body);
}

export function validateResponse(p: string, status: number, body: unknown): string[] {
  return ozonSpec().validateResponse(p, status, body);
}
