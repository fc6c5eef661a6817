// Crossing between the host (this runtime) and the script's vm realm: service objects are wrapped so
// that host errors surface as the script realm's `Exception`s, and plain data is copied into the
// script realm so `instanceof Array/Object/Date` behave as they do on Apps Script.
import vm from 'node:vm';
import type { Engine } from './execution';

const wrapped = new WeakMap<object, object>();

/**
 * `owner` names the Apps Script class (`ScriptApp`, `Trigger`, …): each method call is then checked
 * against the scopes Google's reference documents for `owner.method`.
 */
export function expose<T extends object>(engine: Engine, target: T, owner?: string): T {
  const existing = wrapped.get(target);
  if (existing) return existing as T;
  const proxy: T = new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t) as unknown;
      if (typeof v !== 'function' || typeof prop === 'symbol' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        try {
          if (owner) engine.authorize(`${owner}.${prop}`);
          const r = (v as (...a: unknown[]) => unknown).apply(t, args);
          return r === t ? proxy : r;
        } catch (error) {
          throw engine.toScriptError(error);
        }
      };
    },
  });
  wrapped.set(target, proxy);
  return proxy;
}

export interface RealmTools {
  /** Deep-copies plain data (arrays, objects, Dates) into the script realm. */
  toScript<T>(value: T): T;
  /** Deep-copies plain data from the script realm into the host realm. */
  toHost<T>(value: T): T;
  /** A script-realm array holding the same elements (service objects are not copied). */
  list<T>(items: T[]): T[];
}

const COPY_SRC = `(function copy(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
  if (Array.isArray(v)) { var a = new Array(v.length); for (var i = 0; i < v.length; i++) a[i] = copy(v[i]); return a; }
  if (Object.prototype.toString.call(v) === '[object Uint8Array]') return v;
  var o = {}; var keys = Object.keys(v);
  for (var j = 0; j < keys.length; j++) o[keys[j]] = copy(v[keys[j]]);
  return o;
})`;

/** The same copy, compiled in this module's realm (under jest that is the test's realm, not Node's main one). */
function hostCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
  if (Array.isArray(v)) return v.map(hostCopy);
  if (Object.prototype.toString.call(v) === '[object Uint8Array]') return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = hostCopy((v as Record<string, unknown>)[k]);
  return o;
}

export function realmTools(context: vm.Context): RealmTools {
  const toScript = vm.runInContext(COPY_SRC, context) as <T>(v: T) => T;
  const toHost = hostCopy as <T>(v: T) => T;
  const list = vm.runInContext('(function (a) { return Array.prototype.slice.call(a); })', context) as <T>(
    a: T[],
  ) => T[];
  return { toScript, toHost, list };
}
