// The modeled clock, the counters and the current execution. Every service call goes through
// `Engine.call`, which enforces the execution time limit, advances the clock and counts the call.
import type vm from 'node:vm';
import type { RealmTools } from './bridge';
import { ServiceHooks } from './service-hooks';
import { LIMITS } from './limits';
import { documentedScopes, insufficientScopes } from './scopes';

export interface LatencyModel {
  sheetsRead: number;
  sheetsWrite: number;
  sheetsOther: number;
  perCellMs: number;
  advancedSheets: number;
  fetch: number;
  fetchAllBase: number;
  fetchAllPerRequest: number;
  properties: number;
  lock: number;
  cache: number;
  other: number;
}

export const DEFAULT_LATENCY: LatencyModel = {
  sheetsRead: 40,
  sheetsWrite: 60,
  sheetsOther: 15,
  perCellMs: 0.002,
  advancedSheets: 120,
  fetch: 200,
  fetchAllBase: 200,
  fetchAllPerRequest: 15,
  properties: 10,
  lock: 10,
  cache: 8,
  other: 2,
};

export interface Counters {
  sheetsReads: number;
  sheetsWrites: number;
  sheetsOther: number;
  advancedSheetsCalls: number;
  cellsRead: number;
  cellsWritten: number;
  fetches: number;
  fetchAllBatches: number;
  propertiesCalls: number;
  /** Total modeled milliseconds spent in service calls (all executions). */
  modeledMs: number;
  executions: number;
}

export const zeroCounters = (): Counters => ({
  sheetsReads: 0,
  sheetsWrites: 0,
  sheetsOther: 0,
  advancedSheetsCalls: 0,
  cellsRead: 0,
  cellsWritten: 0,
  fetches: 0,
  fetchAllBatches: 0,
  propertiesCalls: 0,
  modeledMs: 0,
  executions: 0,
});

export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

export type TriggerKind = 'menu' | 'sidebar' | 'simple' | 'time' | 'install';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface Execution {
  id: number;
  functionName: string;
  trigger: TriggerKind;
  authMode: AuthModeName;
  startedAt: number;
  limitMs: number;
  /** A time-driven run with no active document (no active spreadsheet, document properties, lock or cache). */
  noDocument: boolean;
  /** Cleanups run when the execution ends (lock release, ...). */
  onEnd: (() => void)[];
}

/** What a time-driven execution of the add-on has (a self-check report's `clockRun.seen`). */
export interface ClockRunModel {
  activeSpreadsheet: boolean;
  documentProperties: boolean;
  documentLock: boolean;
  documentCache: boolean;
  triggerUid: boolean;
}

export type CallKind =
  | 'sheetsRead'
  | 'sheetsWrite'
  | 'sheetsOther'
  | 'advancedSheets'
  | 'properties'
  | 'lock'
  | 'cache'
  | 'other'
  | 'fetch';

export class Engine {
  now: number;
  counters: Counters = zeroCounters();
  current: Execution | null = null;
  /** Test code run between service calls (a seller editing the sheet mid-run). */
  readonly hooks = new ServiceHooks();
  /** True while test code acts as the user (asUser): nothing is counted and the clock stands still. */
  userMode = 0;
  context!: vm.Context;
  logs: string[] = [];
  realmTools!: RealmTools;
  /** oauthScopes declared in appsscript.json; null when the manifest leaves them to auto-detection. */
  scopes: string[] | null = null;
  /** The script realm's Error constructor (vm intrinsics are not properties of the context object). */
  ScriptError?: ErrorConstructor;
  private nextExecutionId = 1;

  constructor(
    start: number,
    readonly latency: LatencyModel,
  ) {
    this.now = start;
  }

  realm(): RealmTools {
    return this.realmTools;
  }

  /** An Error from the script's realm, so `e instanceof Error` holds inside the bundle. */
  error(message: string, name = 'Exception'): Error {
    const Ctor = this.ScriptError ?? Error;
    const e = new Ctor(message);
    Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
    return e;
  }

  /** Host errors (from the model) become script-realm Exceptions; script errors pass through. */
  toScriptError(error: unknown): unknown {
    const ScriptError = this.ScriptError;
    if (!ScriptError || error instanceof ScriptError) return error;
    if (error instanceof Error) return this.error(error.message);
    return error;
  }

  /**
   * What a time-driven run has when it runs with a document; null: everything. Set from a self-check
   * report (runtime/fixtures.ts): Google documents none of it for an add-on's clock run.
   */
  clockRunHas: ClockRunModel | null = null;

  /** True inside an execution that has no active document. */
  get noDocument(): boolean {
    return Boolean(this.current?.noDocument) && !this.userMode;
  }

  /** True when this execution lacks `part` (no document at all, or a clock run modelled without it). */
  lacks(part: keyof ClockRunModel): boolean {
    if (!this.current || this.userMode) return false;
    if (this.current.noDocument) return true;
    return this.current.trigger === 'time' && this.clockRunHas !== null && !this.clockRunHas[part];
  }

  get counting(): boolean {
    return this.current !== null && this.userMode === 0;
  }

  /** Checks the time limit, then charges one service call of `kind`. */
  call(kind: CallKind, cells = 0, direction: 'read' | 'write' | 'none' = 'none', extraMs = 0): void {
    if (!this.counting) return;
    this.hooks.fire(kind, (fn) => this.asUser(fn));
    this.checkDeadline();
    const c = this.counters;
    let ms = 0;
    switch (kind) {
      case 'sheetsRead':
        c.sheetsReads++;
        ms = this.latency.sheetsRead;
        break;
      case 'sheetsWrite':
        c.sheetsWrites++;
        ms = this.latency.sheetsWrite;
        break;
      case 'sheetsOther':
        c.sheetsOther++;
        ms = this.latency.sheetsOther;
        break;
      case 'advancedSheets':
        c.advancedSheetsCalls++;
        ms = this.latency.advancedSheets;
        break;
      case 'properties':
        c.propertiesCalls++;
        ms = this.latency.properties;
        break;
      case 'lock':
        ms = this.latency.lock;
        break;
      case 'cache':
        ms = this.latency.cache;
        break;
      case 'fetch':
        ms = 0;
        break;
      default:
        ms = this.latency.other;
    }
    if (direction === 'read') c.cellsRead += cells;
    if (direction === 'write') c.cellsWritten += cells;
    ms += cells * this.latency.perCellMs + extraMs;
    this.spend(ms);
  }

  /** Advances the modeled clock inside an execution (sleep, lock waits, fetch latency). */
  spend(ms: number): void {
    if (!this.counting || ms <= 0) return;
    this.now += ms;
    this.counters.modeledMs += ms;
  }

  checkDeadline(): void {
    const ex = this.current;
    if (!ex || this.userMode) return;
    if (ex.trigger === 'time' && this.triggerQuotaLeft(ex) < 0)
      throw this.error('Service using too much computer time for one day', 'Error');
    if (this.now - ex.startedAt > ex.limitMs) throw this.error('Exceeded maximum execution time', 'Error');
  }

  /** Daily trigger runtime (90 min on consumer accounts), over a 24 h window from its first use. */
  triggerRuntimeQuotaMs = LIMITS.triggerRuntimeDailyMs.value;
  /** Properties reads and writes a day (all three stores together). */
  propertiesDailyQuota = LIMITS.propertiesReadWriteDaily.value;
  private triggerDay = { start: -Infinity, usedMs: 0 };

  private triggerQuotaLeft(ex: Execution): number {
    return this.triggerRuntimeQuotaMs - this.triggerDay.usedMs - (this.now - ex.startedAt);
  }

  /** Daily count quotas (UrlFetch calls, ...): throws once `limit` calls were made within 24 h. */
  private daily = new Map<string, { start: number; count: number }>();
  countDaily(service: string, limit: number, n = 1): void {
    if (!this.counting) return;
    let d = this.daily.get(service);
    if (!d || this.now - d.start >= 86_400_000) this.daily.set(service, (d = { start: this.now, count: 0 }));
    if (d.count + n > limit) throw this.error(`Service invoked too many times for one day: ${service}.`);
    d.count += n;
  }

  /** Runs `fn` as one execution. Executions do not nest (Apps Script runs them separately). */
  execute<T>(
    functionName: string,
    trigger: TriggerKind,
    authMode: AuthModeName,
    fn: () => T,
    noDocument = false,
  ): T {
    if (this.current)
      throw new Error(`runtime: ${functionName} started while ${this.current.functionName} runs`);
    const ex: Execution = {
      id: this.nextExecutionId++,
      functionName,
      trigger,
      authMode,
      startedAt: this.now,
      limitMs: trigger === 'simple' ? LIMITS.simpleTriggerMs.value : LIMITS.executionMs.value,
      noDocument,
      onEnd: [],
    };
    if (trigger === 'time') {
      if (this.now - this.triggerDay.start >= 86_400_000) this.triggerDay = { start: this.now, usedMs: 0 };
      if (this.triggerDay.usedMs >= this.triggerRuntimeQuotaMs)
        throw this.error('Service using too much computer time for one day', 'Error');
    }
    this.current = ex;
    this.counters.executions++;
    try {
      return fn();
    } finally {
      for (const end of ex.onEnd.splice(0)) end();
      this.current = null;
      if (trigger === 'time') this.triggerDay.usedMs += this.now - ex.startedAt;
    }
  }

  asUser<T>(fn: () => T): T {
    this.userMode++;
    try {
      return fn();
    } finally {
      this.userMode--;
    }
  }

  /**
   * Throws Apps Script's error when the manifest declares oauthScopes and none of the scopes Google's
   * reference documents for `member` (e.g. `ScriptApp.newTrigger`) is among them.
   */
  authorize(member: string, fallback?: string[]): void {
    if (!this.current || this.userMode || !this.scopes) return;
    const scopes = documentedScopes(member) ?? fallback?.map((s) => SCOPE_PREFIX + s);
    if (!scopes?.length || scopes.some((s) => this.scopes!.includes(s))) return;
    throw this.error(insufficientScopes(member, scopes));
  }

  /** Throws the authorization error Apps Script gives when the auth mode does not allow a service. */
  requireAuth(
    what: string,
    opts: { limitedOk?: boolean; simpleOk?: boolean; noneOk?: boolean; scopes?: string[] } = {},
  ): void {
    const ex = this.current;
    if (!ex || this.userMode) return;
    // `opts.scopes` only for members the reference table does not name.
    this.authorize(what, opts.scopes);
    const limitedOk = opts.limitedOk ?? true;
    if ((ex.authMode === 'NONE' && !opts.noneOk) || (!limitedOk && ex.authMode === 'LIMITED')) {
      throw this.error(
        `You do not have permission to call ${what}. Required permissions are not granted in this context (AuthMode.${ex.authMode}).`,
      );
    }
    if (opts.simpleOk === false && ex.trigger === 'simple') {
      throw this.error(`You do not have permission to call ${what} from a simple trigger.`);
    }
  }
}
