// Injected into the recorded sidebar HTML: google.script.run and google.script.host, bridged to the
// workbench server, which calls the bundle in the local runtime. Mirrors Apps Script's client:
// chainable with*Handler/withUserObject, any function name, at most 10 calls in flight, plain-data
// arguments only, results delivered asynchronously.

type Handler = ((value: unknown, userObject?: unknown) => void) | null;
interface RunnerState {
  success: Handler;
  failure: Handler;
  userObject: unknown;
}
interface RpcAnswer {
  ok: boolean;
  value?: unknown;
  error?: { name?: string; message: string };
}

const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const queue: (() => void)[] = [];

function tellParent(message: Record<string, unknown>): void {
  if (window.parent && window.parent !== window)
    window.parent.postMessage({ source: 'odesk-sidebar', ...message }, '*');
}

function illegalArgument(value: unknown, depth = 0): string | null {
  if (depth > 100) return 'nesting too deep';
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type === 'function') return 'function';
  if (value instanceof Date) return 'Date';
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = illegalArgument(item, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (type === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      return (value as object).constructor?.name ?? 'object';
    }
    for (const item of Object.values(value as Record<string, unknown>)) {
      const bad = illegalArgument(item, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  return type;
}

function fail(state: RunnerState, error: Error): void {
  if (state.failure) state.failure(error, state.userObject);
  else console.error(error);
}

function invoke(name: string, args: unknown[], state: RunnerState): void {
  const bad = illegalArgument(args);
  if (bad) {
    setTimeout(() => fail(state, new Error(`Failed due to illegal value in property: ${bad}`)), 0);
    return;
  }
  const start = (): void => {
    inFlight += 1;
    fetch('/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, args }),
    })
      .then((response) => response.json() as Promise<RpcAnswer>)
      .then(
        (answer) => {
          if (answer.ok) {
            if (state.success) state.success(answer.value, state.userObject);
          } else {
            const error = new Error(answer.error?.message ?? 'Unknown error');
            error.name = answer.error?.name ?? 'ScriptError';
            fail(state, error);
          }
        },
        (error: unknown) => fail(state, error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => {
        inFlight -= 1;
        tellParent({ type: 'rpc-done', name });
        const next = queue.shift();
        if (next) next();
      });
  };
  if (inFlight < MAX_IN_FLIGHT) start();
  else queue.push(start);
}

function runner(state: RunnerState): unknown {
  const base = {
    withSuccessHandler: (fn: Handler) => runner({ ...state, success: fn }),
    withFailureHandler: (fn: Handler) => runner({ ...state, failure: fn }),
    withUserObject: (object: unknown) => runner({ ...state, userObject: object }),
  };
  return new Proxy(base, {
    get(target, property) {
      if (typeof property !== 'string') return undefined;
      if (property in target) return target[property as keyof typeof target];
      // Names ending in "_" are private in Apps Script and cannot be called from the client.
      if (property.endsWith('_')) return undefined;
      return (...args: unknown[]) => invoke(property, args, state);
    },
  });
}

const frameKind =
  (window as unknown as { ODESK_WORKBENCH_FRAME?: string }).ODESK_WORKBENCH_FRAME ?? 'sidebar';

const host = {
  close(): void {
    const path = frameKind === 'dialog' ? '/dialog/close' : '/sidebar/close';
    void fetch(path, { method: 'POST' }).finally(() => tellParent({ type: 'close' }));
  },
  editor: {
    focus(): void {
      tellParent({ type: 'focus-editor' });
    },
  },
  setHeight(): void {},
  setWidth(): void {},
};

(window as unknown as { google: unknown }).google = {
  script: { run: runner({ success: null, failure: null, userObject: undefined }), host },
};

// Links to files in Drive (label PDFs) open the runtime's copy, which the workbench serves.
document.addEventListener(
  'click',
  (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    const match =
      link && /^https:\/\/drive\.google\.com\/file\/d\/([\w-]+)/.exec(link.getAttribute('href') ?? '');
    if (!match) return;
    event.preventDefault();
    window.open(`/drive/${match[1]}`, '_blank', 'noopener');
  },
  true,
);
