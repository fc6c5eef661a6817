// PropertiesService and CacheService over in-memory stores with the documented limits.
import { expose } from './bridge';
import type { Engine } from './execution';
import { LIMITS } from './limits';

export const PROPERTY_VALUE_LIMIT = LIMITS.propertyValueBytes.value;
export const PROPERTY_STORE_LIMIT = LIMITS.propertyStoreBytes.value;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeSize(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += bytes(k) + bytes(v);
  return n;
}

export function propertiesService(
  engine: Engine,
  stores: { user: Map<string, string>; document: Map<string, string>; script: Map<string, string> },
) {
  const wrap = (store: Map<string, string>) => {
    const call = () => {
      engine.requireAuth('PropertiesService');
      engine.call('properties');
      // Reads and writes share one daily quota (consumer accounts).
      engine.countDaily('properties', engine.propertiesDailyQuota);
    };
    const put = (key: string, value: unknown, target: Map<string, string>) => {
      const k = String(key);
      const v = String(value);
      if (bytes(v) > PROPERTY_VALUE_LIMIT || bytes(k) > PROPERTY_VALUE_LIMIT)
        throw new Error('Argument too large: value');
      target.set(k, v);
    };
    const checkQuota = (next: Map<string, string>) => {
      if (storeSize(next) > PROPERTY_STORE_LIMIT)
        throw new Error(
          'You have exceeded the property storage quota. Please remove some properties and try again.',
        );
    };
    const api = {
      getProperty(key: string) {
        call();
        return store.get(String(key)) ?? null;
      },
      setProperty(key: string, value: unknown) {
        call();
        if (key === null || key === undefined) throw new Error('Invalid argument: key');
        const next = new Map(store);
        put(key, value, next);
        checkQuota(next);
        store.set(String(key), String(value));
        return proxy;
      },
      setProperties(props: Record<string, unknown>, deleteAllOthers = false) {
        call();
        const next = deleteAllOthers ? new Map<string, string>() : new Map(store);
        for (const [k, v] of Object.entries(props ?? {})) put(k, v, next);
        checkQuota(next);
        store.clear();
        for (const [k, v] of next) store.set(k, v);
        return proxy;
      },
      getProperties() {
        call();
        return engine.realm().toScript(Object.fromEntries(store));
      },
      getKeys() {
        call();
        return engine.realm().toScript([...store.keys()]);
      },
      deleteProperty(key: string) {
        call();
        store.delete(String(key));
        return proxy;
      },
      deleteAllProperties() {
        call();
        store.clear();
        return proxy;
      },
    };
    const proxy = expose(engine, api, 'Properties');
    return proxy;
  };
  const user = wrap(stores.user);
  const document = wrap(stores.document);
  const script = wrap(stores.script);
  return expose(
    engine,
    {
      getUserProperties: () => {
        engine.requireAuth('PropertiesService.getUserProperties');
        return user;
      },
      getDocumentProperties: () => {
        engine.requireAuth('PropertiesService.getDocumentProperties');
        if (engine.lacks('documentProperties')) return null;
        return document;
      },
      getScriptProperties: () => {
        engine.requireAuth('PropertiesService.getScriptProperties');
        return script;
      },
    },
    'PropertiesService',
  );
}

interface CacheEntry {
  value: string;
  expires: number;
}

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_MAX_TTL = 21_600;
export const CACHE_MAX_ITEMS = 1000;

export function cacheService(
  engine: Engine,
  stores: {
    user: Map<string, CacheEntry>;
    document: Map<string, CacheEntry>;
    script: Map<string, CacheEntry>;
  },
) {
  const wrap = (store: Map<string, CacheEntry>) => {
    const call = () => {
      engine.requireAuth('CacheService');
      engine.call('cache');
    };
    const checkKey = (key: unknown) => {
      const k = String(key);
      if (k.length > CACHE_KEY_LIMIT) throw new Error(`Argument too large: key`);
      return k;
    };
    const read = (k: string) => {
      const e = store.get(k);
      if (!e) return null;
      if (e.expires <= engine.now) {
        store.delete(k);
        return null;
      }
      return e.value;
    };
    const write = (k: string, value: unknown, ttl?: number) => {
      const v = String(value);
      if (bytes(v) > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
      const seconds = ttl === undefined ? 600 : Number(ttl);
      if (!(seconds >= 1)) throw new Error('Invalid argument: expirationInSeconds');
      store.delete(k);
      store.set(k, { value: v, expires: engine.now + Math.min(seconds, CACHE_MAX_TTL) * 1000 });
      // Over capacity, the oldest entries go first (the cache is best-effort).
      while (store.size > CACHE_MAX_ITEMS) store.delete(store.keys().next().value as string);
    };
    return expose(
      engine,
      {
        get(key: string) {
          call();
          return read(checkKey(key));
        },
        getAll(keys: string[]) {
          call();
          const out: Record<string, string> = {};
          for (const key of keys) {
            const v = read(checkKey(key));
            if (v !== null) out[String(key)] = v;
          }
          return engine.realm().toScript(out);
        },
        put(key: string, value: unknown, ttl?: number) {
          call();
          write(checkKey(key), value, ttl);
        },
        putAll(values: Record<string, unknown>, ttl?: number) {
          call();
          for (const [k, v] of Object.entries(values ?? {})) write(checkKey(k), v, ttl);
        },
        remove(key: string) {
          call();
          store.delete(checkKey(key));
        },
        removeAll(keys: string[]) {
          call();
          for (const k of keys) store.delete(checkKey(k));
        },
      },
      'Cache',
    );
  };
  const user = wrap(stores.user);
  const document = wrap(stores.document);
  const script = wrap(stores.script);
  return expose(
    engine,
    {
      getUserCache: () => user,
      getDocumentCache: () => (engine.lacks('documentCache') ? null : document),
      getScriptCache: () => script,
    },
    'CacheService',
  );
}

export type { CacheEntry };
