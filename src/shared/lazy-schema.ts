// A schema built on first use. Apps Script evaluates the whole script before every execution, and
// building every zod schema of the add-on then was most of each run's start-up (and most of the
// garbage it left), although a run parses with a handful of them. `lazySchema(() => z.object(…))`
// has the schema's own type; the first property read (parse, safeParse, shape, pick, being a field
// of another schema) builds it, once.
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target is an empty object: a property it lacks may not be reported as fixed.
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
  });
}
