// The local Apps Script runtime: loads the built dist/*.js into one vm global scope (as Apps Script
// does) with in-memory services, a modeled clock and call accounting. See runtime/README.md.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { advancedDrive } from './advanced-drive';
import { advancedBigQuery } from './bigquery/service';
import { BigQueryModel } from './bigquery/model';
import { advancedSheets } from './advanced-sheets';
import { OtherBooks, sheetsForEveryBook } from './other-books';
import { realmTools } from './bridge';
import { referenceScopes } from './scopes';
import { LIMITS } from './limits';
import { guardSheets, SheetsProject, SheetsQuota } from './sheets-quota';
import { installScriptDate } from './script-date';
import {
  DEFAULT_LATENCY,
  Engine,
  zeroCounters,
  type AuthModeName,
  type Counters,
  type LatencyModel,
  type TriggerKind,
} from './execution';
import { LockState, lockService } from './lock';
import { refreshPivots } from './pivot';
import { driveApp, logging, mailApp, session, utilities, type DriveFile, type SentMail } from './misc';
import { SpreadsheetModel } from './model';
import { cacheService, propertiesService, type CacheEntry } from './properties';
import { type SheetsEnv } from './spreadsheet/common';
import { SpreadsheetAppService } from './spreadsheet/service';
import { htmlService } from './html';
import { scriptApp, TriggerState, type TriggerSnapshot } from './triggers';
import { UiState } from './ui';
import { urlFetchApp, type FetchHandler, type FetchLogEntry } from './urlfetch';
import type { ServiceCallHook } from './service-hooks';
import { loadFixture, platformModel, type PlatformModel } from './fixtures';
import type { SelfCheckReport } from '../src/shared/selfcheck-schema';

export type { FetchRequest, FetchResponse, FetchHandler, FetchLogEntry } from './urlfetch';
export type { ServiceCall, ServiceCallHook } from './service-hooks';
export type { Counters, LatencyModel, TriggerKind, AuthModeName } from './execution';
export type { MenuSnapshot, MenuEntry, AlertRequest, AlertResponder, HtmlShown } from './ui';
export type { TriggerSnapshot } from './triggers';
export type { SentMail, DriveFile } from './misc';
export { SpreadsheetModel, SheetModel } from './model';
export { DEFAULT_LATENCY } from './execution';
export { SheetsProject } from './sheets-quota';
export { BigQueryModel } from './bigquery/model';
export { dataSourcesOf } from './bigquery/connected-sheets';
export { LIMITS, UNSOURCED_RULES } from './limits';
export { fixtureFiles, latestFixture, loadFixture, platformModel, FIXTURES_DIR } from './fixtures';
export type { PlatformFixture, PlatformModel } from './fixtures';

export interface RuntimeOptions {
  /** Folder with the built bundle (default <repo>/dist), or a packaged release folder (Code.gs). */
  distDir?: string;
  /**
   * Evaluate the bundle afresh before every execution, as Apps Script does, so no module state
   * carries from one execution to the next. Off by default: it costs a few hundred ms a run.
   */
  freshGlobalsPerExecution?: boolean;
  /** UrlFetchApp routes here; default: every fetch throws "Address unavailable". */
  fetch?: FetchHandler;
  /** Spreadsheet (and script) time zone, default 'Europe/Moscow'. */
  timeZone?: string;
  /** Session.getActiveUserLocale(), default 'en'. */
  locale?: string;
  /** Spreadsheet locale (number/date parsing and display), default 'en_US'. */
  spreadsheetLocale?: string;
  userEmail?: string;
  /** Modeled clock start (epoch ms or ISO), default '2026-11-20T09:00:00Z'. */
  startTime?: number | string;
  latency?: Partial<LatencyModel>;
  /** Consumer-account quotas by default (runtime/limits.ts); Workspace: { triggerRuntimeMinutes: 360, urlFetchCalls: 100000, propertiesCalls: 500000 }. */
  quotas?: { triggerRuntimeMinutes?: number; urlFetchCalls?: number; propertiesCalls?: number };
  /** The add-on's Cloud project, shared by the runtimes of several users (Sheets API per-project quota). */
  sheetsProject?: SheetsProject;
  /** Another spreadsheet of the same Google user: shares user properties, user cache, triggers and project. */
  sameUserAs?: { userShared: UserShared };
  /** This spreadsheet's id (default a fixed one). */
  spreadsheetId?: string;
  /** Whether time-driven runs have an active document (Google does not say): default true. */
  timeTriggersHaveDocument?: boolean;
  /**
   * A self-check report (or a runtime/fixtures/ file name) that sets what clock runs have and the
   * latencies it measured; `latency` and `timeTriggersHaveDocument` still win over it.
   */
  platform?: SelfCheckReport | string;
}

/** The script's global scope as test code sees it (asUser, globals). */
export interface GlobalsLike {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  MailApp: GoogleAppsScript.Mail.MailApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  Sheets?: GoogleAppsScript.Sheets;
  [name: string]: unknown;
}

export interface RunOptions {
  trigger?: TriggerKind;
  authMode?: AuthModeName;
  event?: object;
  /** Run with no active document (only meaningful for `time`). */
  noDocument?: boolean;
}

export interface Manifest {
  timeZone?: string;
  urlFetchWhitelist?: string[];
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version?: string }[] };
}

export interface TriggerRun {
  uid: string;
  handler: string;
  error?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..');

export interface LoadedBundle {
  context: vm.Context;
  files: string[];
  functions: string[];
  /** Runs the script files again: fresh global state, as each Apps Script execution starts with. */
  evaluate(): void;
}

const compiled = new Map<string, { stamp: string; script: vm.Script }>();

/**
 * A script file compiled once per process while it is unchanged (same size, modification time and
 * inode): reading and compiling the 2 MB bundle was a quarter of each createRuntime, and integration
 * tests create hundreds. A vm.Script runs in any number of contexts, each with its own globals.
 */
function compiledScript(file: string, filename: string): vm.Script {
  const stat = fs.statSync(file);
  const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const known = compiled.get(file);
  if (known?.stamp === stamp) return known.script;
  const script = new vm.Script(fs.readFileSync(file, 'utf8'), { filename });
  compiled.set(file, { stamp, script });
  return script;
}

/**
 * Runs every script file of `distDir` in name order in `context` and returns the top-level functions
 * they defined: `*.js` as clasp pushes them, `*.gs` as the Apps Script editor names them (a pasted-in
 * release, `npm run package`).
 */
export function loadBundle(distDir: string, context: vm.Context): LoadedBundle {
  if (!fs.existsSync(distDir)) throw new Error(`runtime: ${distDir} does not exist (run npm run build)`);
  const files = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.gs'))
    .sort();
  const before = new Set(Object.getOwnPropertyNames(context));
  const scripts = files.map((file) => compiledScript(path.join(distDir, file), file));
  const evaluate = () => {
    for (const script of scripts) script.runInContext(context);
  };
  evaluate();
  const functions = Object.getOwnPropertyNames(context).filter(
    (n) => !before.has(n) && typeof context[n] === 'function',
  );
  return { context, files, functions: functions.sort(), evaluate };
}

export function readManifest(distDir: string): Manifest {
  const file = path.join(distDir, 'appsscript.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest) : {};
}

/** JSON-like check for google.script.run arguments and results. */
/** SpreadsheetApp members that answer null in a run with no active document. */
const NO_DOCUMENT_NULL = new Set([
  'getActive',
  'getActiveSpreadsheet',
  'getActiveSheet',
  'getActiveRange',
  'getActiveRangeList',
  'getCurrentCell',
  'getSelection',
]);

/** google.script.run: a result holding a Date anywhere reaches the browser as null. */
function holdsDate(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  return Object.values(value as object).some(holdsDate);
}

function checkLegal(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'function' || t === 'symbol' || t === 'bigint')
    throw new Error(`Failed due to illegal value in property: ${where}`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkLegal(v, where ? `${where}.${i}` : String(i)));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  const plain =
    proto === null ||
    (Object.prototype.toString.call(value) === '[object Object]' &&
      (proto.constructor?.name === 'Object' || Object.getPrototypeOf(proto) === null));
  if (!plain) throw new Error(`Failed due to illegal value in property: ${where}`);
  for (const [k, v] of Object.entries(value as object)) checkLegal(v, where ? `${where}.${k}` : k);
}

export type Runtime = ReturnType<typeof createRuntime>;

/** What one Google user's spreadsheets share. */
export interface UserShared {
  properties: Map<string, string>;
  cache: Map<string, CacheEntry>;
  triggers: TriggerState;
  project: SheetsProject;
}

export function createRuntime(opts: RuntimeOptions = {}) {
  const distDir = opts.distDir ?? path.join(REPO_ROOT, 'dist');
  const manifest = readManifest(distDir);
  const timeZone = opts.timeZone ?? 'Europe/Moscow';
  const start =
    opts.startTime === undefined
      ? Date.parse('2026-11-20T09:00:00Z')
      : typeof opts.startTime === 'number'
        ? opts.startTime
        : Date.parse(opts.startTime);
  if (Number.isNaN(start)) throw new Error(`runtime: bad startTime ${String(opts.startTime)}`);
  const platform: PlatformModel | null = opts.platform
    ? platformModel(
        typeof opts.platform === 'string' ? loadFixture(opts.platform).report : opts.platform,
        DEFAULT_LATENCY,
      )
    : null;
  const engine = new Engine(start, {
    ...DEFAULT_LATENCY,
    ...(platform?.latency ?? {}),
    ...(opts.latency ?? {}),
  });
  engine.clockRunHas = platform?.clockRun ?? null;
  const shared: UserShared | undefined = opts.sameUserAs?.userShared;
  const context = vm.createContext({});
  engine.context = context;
  engine.scopes = manifest.oauthScopes ?? null;
  // Google refuses consent for a scope it does not know (the reference's list is the judge).
  const known = referenceScopes();
  const unknown = (engine.scopes ?? []).filter((s) => !known.has(s));
  if (unknown.length)
    throw new Error(`runtime: appsscript.json names unknown OAuth scopes: ${unknown.join(', ')}`);
  engine.triggerRuntimeQuotaMs = (opts.quotas?.triggerRuntimeMinutes ?? 90) * 60_000;
  engine.propertiesDailyQuota = opts.quotas?.propertiesCalls ?? LIMITS.propertiesReadWriteDaily.value;
  const sheetsQuota = new SheetsQuota(engine, opts.sheetsProject ?? shared?.project);
  engine.ScriptError = vm.runInContext('Error', context) as ErrorConstructor;
  const ScriptJSON = vm.runInContext('JSON', context) as JSON;
  engine.realmTools = realmTools(context);
  installScriptDate(context, () => engine.now, manifest.timeZone ?? timeZone);
  const ScriptDate = context.Date as DateConstructor;

  const book = new SpreadsheetModel(timeZone, opts.spreadsheetLocale ?? 'en_US', (ms) => new ScriptDate(ms));
  if (opts.spreadsheetId) book.id = opts.spreadsheetId;
  const ui = new UiState(engine);
  const bigquery = new BigQueryModel(() => engine.now);
  const env: SheetsEnv = { engine, book, realm: engine.realmTools, ui, bigquery };
  const otherBooks = new OtherBooks(
    env,
    () => new SpreadsheetModel(timeZone, opts.spreadsheetLocale ?? 'en_US', (ms) => new ScriptDate(ms)),
  );
  const stores = {
    user: shared?.properties ?? new Map<string, string>(),
    document: new Map<string, string>(),
    script: new Map<string, string>(),
  };
  const caches = {
    user: shared?.cache ?? new Map<string, CacheEntry>(),
    document: new Map<string, CacheEntry>(),
    script: new Map<string, CacheEntry>(),
  };
  const locks = new LockState();
  const triggers = shared?.triggers ?? new TriggerState();
  const mail: SentMail[] = [];
  const drive: DriveFile[] = [];
  const fetchLog: FetchLogEntry[] = [];
  let bundleFunctions: string[] = [];
  const isFunction = (name: string) => typeof context[name] === 'function' && !name.endsWith('_');

  const { Logger, console: consoleObj } = logging(engine);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: new Proxy(new SpreadsheetAppService(env, otherBooks), {
      get(t, p) {
        const v = Reflect.get(t, p, t) as unknown;
        if (typeof v !== 'function') return v;
        if (typeof p === 'string' && NO_DOCUMENT_NULL.has(p) && engine.lacks('activeSpreadsheet'))
          return () => null;
        return (...a: unknown[]) => {
          try {
            return (v as (...x: unknown[]) => unknown).apply(t, a);
          } catch (e) {
            throw engine.toScriptError(e);
          }
        };
      },
    }),
    PropertiesService: propertiesService(engine, stores),
    CacheService: cacheService(engine, caches),
    LockService: lockService(engine, locks),
    ScriptApp: scriptApp(
      engine,
      triggers,
      '1LocalRuntimeScriptId',
      isFunction,
      manifest.timeZone ?? timeZone,
      () => (engine.lacks('activeSpreadsheet') ? null : book.id),
    ),
    UrlFetchApp: urlFetchApp(engine, {
      handler: opts.fetch,
      allowlist: manifest.urlFetchWhitelist,
      log: fetchLog,
      dailyQuota: opts.quotas?.urlFetchCalls,
    }),
    HtmlService: htmlService(engine, distDir, context),
    Session: session(engine, {
      userEmail: opts.userEmail ?? 'seller@example.com',
      locale: opts.locale ?? 'en',
      scriptTimeZone: manifest.timeZone ?? timeZone,
    }),
    Utilities: utilities(engine),
    Logger,
    console: consoleObj,
    MailApp: mailApp(engine, mail),
    DriveApp: driveApp(engine, drive),
  };
  const sheetsService = manifest.dependencies?.enabledAdvancedServices?.find((s) => s.serviceId === 'sheets');
  if (sheetsService)
    globals[sheetsService.userSymbol || 'Sheets'] = guardSheets(
      sheetsForEveryBook(advancedSheets(env) as object, otherBooks, (e) => advancedSheets(e) as object),
      sheetsQuota,
    );
  const driveService = manifest.dependencies?.enabledAdvancedServices?.find(
    (s) => s.serviceId === 'drive' && s.version === 'v3',
  );
  if (driveService) globals[driveService.userSymbol || 'Drive'] = advancedDrive(engine, drive);
  const bigqueryService = manifest.dependencies?.enabledAdvancedServices?.find(
    (s) => s.serviceId === 'bigquery' && s.version === 'v2',
  );
  if (bigqueryService) globals[bigqueryService.userSymbol || 'BigQuery'] = advancedBigQuery(engine, bigquery);
  for (const [k, v] of Object.entries(globals)) context[k] = v;

  const bundle = loadBundle(distDir, context);
  bundleFunctions = bundle.functions;
  // Apps Script starts every execution with the script's globals evaluated afresh; re-evaluating the
  // bundle costs a few hundred ms, so it is opt-in (tests of behaviour across executions use it).
  let executions = 0;
  const beginExecution = () => {
    if (opts.freshGlobalsPerExecution && executions++ > 0) bundle.evaluate();
  };

  const run = <T = unknown>(functionName: string, args: unknown[] = [], runOpts: RunOptions = {}): T => {
    beginExecution();
    const fn = context[functionName] as unknown;
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    const trigger = runOpts.trigger ?? 'menu';
    const authMode = runOpts.authMode ?? (trigger === 'simple' ? 'LIMITED' : 'FULL');
    const callArgs = runOpts.event
      ? [engine.realmTools.toScript(runOpts.event), ...args]
      : engine.realmTools.toScript(args);
    let result: unknown;
    try {
      result = engine.execute(
        functionName,
        trigger,
        authMode,
        () => (fn as (...a: unknown[]) => unknown).apply(context, callArgs as unknown[]),
        Boolean(runOpts.noDocument),
      );
    } finally {
      refreshPivots(book);
    }
    return engine.realmTools.toHost(result) as T;
  };

  const callFromSidebar = <T = unknown>(functionName: string, ...args: unknown[]): T => {
    if (functionName.endsWith('_'))
      throw new Error(`google.script.run.${functionName} is not a function (private functions end with "_")`);
    if (typeof context[functionName] !== 'function')
      throw new Error(`Script function not found: ${functionName}`);
    checkLegal(args, '');
    const scriptArgs = ScriptJSON.parse(JSON.stringify(args)) as unknown[];
    beginExecution();
    const fn = context[functionName] as (...a: unknown[]) => unknown;
    let result: unknown;
    try {
      result = engine.execute(functionName, 'sidebar', 'FULL', () => fn.apply(context, scriptArgs));
    } finally {
      refreshPivots(book);
    }
    // Google: a return value holding a Date reaches the browser's success handler as null.
    if (holdsDate(result)) return null as T;
    checkLegal(result, '');
    return result === undefined ? (null as T) : (JSON.parse(JSON.stringify(result)) as T);
  };

  /**
   * Runs this spreadsheet's due time-driven triggers. `withDocument` (default: the runtime option,
   * else true) chooses whether the run has an active document; Google does not document either way.
   */
  const fireTimeTriggers = (fireOpts: { withDocument?: boolean } = {}): TriggerRun[] => {
    const withDocument =
      fireOpts.withDocument ?? opts.timeTriggersHaveDocument ?? platform?.clockRun?.activeSpreadsheet ?? true;
    const withUid = platform?.clockRun?.triggerUid ?? true;
    const runs: TriggerRun[] = [];
    for (const t of [...triggers.list]) {
      if (t.eventType !== 'CLOCK' || t.nextRunAt === undefined || t.nextRunAt > engine.now) continue;
      if (t.document !== undefined && t.document !== book.id) continue; // another spreadsheet's
      while (t.nextRunAt <= engine.now) t.nextRunAt += t.intervalMs!;
      const d = new Date(engine.now);
      const event = {
        authMode: 'FULL',
        ...(withUid ? { triggerUid: t.uid } : {}),
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        'day-of-month': d.getUTCDate(),
        'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
        'week-of-year':
          1 +
          Math.floor(
            (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) -
              Date.UTC(d.getUTCFullYear(), 0, 1)) /
              604_800_000,
          ),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        timezone: 'UTC',
      };
      const entry: TriggerRun = { uid: t.uid, handler: t.handlerFunction };
      try {
        if (!isFunction(t.handlerFunction))
          throw new Error(`Script function not found: ${t.handlerFunction}`);
        run(t.handlerFunction, [], { trigger: 'time', authMode: 'FULL', event, noDocument: !withDocument });
      } catch (error) {
        entry.error =
          error instanceof Error || (error && typeof (error as Error).message === 'string')
            ? (error as Error).message
            : String(error);
        engine.logs.push(`[error] trigger ${t.handlerFunction}: ${entry.error}`);
      }
      runs.push(entry);
    }
    return runs;
  };

  const runtime = {
    run,
    callFromSidebar,
    fireTimeTriggers,
    clock: {
      now: () => engine.now,
      advance(ms: number) {
        if (!(ms >= 0)) throw new Error('runtime: clock.advance needs ms >= 0');
        engine.now += ms;
      },
    },
    get counters(): Counters {
      return { ...engine.counters };
    },
    resetCounters() {
      engine.counters = zeroCounters();
      sheetsQuota.resetStats();
    },
    /** Runs `hook` as the user between the script's service calls (undefined: no more). */
    onServiceCall(hook: ServiceCallHook | undefined) {
      engine.hooks.set(hook);
    },
    /** Sheets API figures: largest body, busiest minute, refusals (reset with resetCounters). */
    get sheetsApi() {
      return structuredClone(sheetsQuota.stats);
    },
    sheetsProject: sheetsQuota.project,
    /** What the `platform` report set (null: the runtime's own guesses). */
    platform,
    /** The latencies in force. */
    latency: engine.latency,
    /** What another spreadsheet of the same user shares (createRuntime({ sameUserAs })). */
    userShared: {
      properties: stores.user,
      cache: caches.user,
      triggers,
      project: sheetsQuota.project,
    } as UserShared,
    spreadsheet: book,
    /** The BigQuery projects the advanced BigQuery service and Connected Sheets reach (runtime/bigquery). */
    bigquery,
    /** Spreadsheets the script created (SpreadsheetApp.create) or that a test added, by id. */
    otherSpreadsheets: otherBooks.books,
    /** The seller deletes a spreadsheet (to the Drive trash): openById and the Sheets API no longer find it. */
    deleteSpreadsheet: (id: string) => otherBooks.delete(id),
    properties: stores,
    caches,
    ui,
    get triggers(): TriggerSnapshot[] {
      return triggers.list.map((t) => ({ ...t }));
    },
    lock: {
      holdDocumentLock: () => locks.hold('document'),
      holdScriptLock: () => locks.hold('script'),
      holdUserLock: () => locks.hold('user'),
    },
    mail,
    drive,
    fetchLog,
    logs: engine.logs,
    globals: context as unknown as GlobalsLike,
    manifest,
    /** Top-level functions the bundle defined. */
    functions: bundleFunctions,
    asUser<T>(fn: (g: GlobalsLike) => T): T {
      return engine.asUser(() => fn(context as unknown as GlobalsLike));
    },
    /** The execution currently running (for tools built on the runtime). */
    get execution() {
      return engine.current ? { ...engine.current, onEnd: undefined } : null;
    },
  };
  return runtime;
}
