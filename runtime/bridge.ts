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

// for...in over own keys, and primitives copied in place rather than through a call: a tab's read or a
// metadata search answer crosses in a third of the time Object.keys and a call per value took.
const COPY_SRC = `(function () {
  var toString = Object.prototype.toString, own = Object.prototype.hasOwnProperty;
  return function copy(v) {
    if (v === null || typeof v !== 'object') return v;
    var x, i;
    if (Array.isArray(v)) {
      var a = new Array(v.length);
      for (i = 0; i < v.length; i++) { x = v[i]; a[i] = x !== null && typeof x === 'object' ? copy(x) : x; }
      return a;
    }
    var tag = toString.call(v);
    if (tag === '[object Date]') return new Date(v.getTime());
    if (tag === '[object Uint8Array]') return v;
    var o = {};
    for (var k in v) if (own.call(v, k)) { x = v[k]; o[k] = x !== null && typeof x === 'object' ? copy(x) : x; }
    return o;
  };
})()`;

const own = Object.prototype.hasOwnProperty;

/** The same copy, compiled in this module's realm (under jest that is the test's realm, not Node's main one). */
function hostCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x: unknown) => (x !== null && typeof x === 'object' ? hostCopy(x) : x));
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]') return new Date((v as Date).getTime());
  if (tag === '[object Uint8Array]') return v;
  const o: Record<string, unknown> = {};
  for (const k in v)
    if (own.call(v, k)) {
      const x = (v as Record<string, unknown>)[k];
      o[k] = x !== null && typeof x === 'object' ? hostCopy(x) : x;
    }
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
