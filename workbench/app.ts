// The local workbench: a demo Ozon shop (simulator) behind the built add-on running in the local
// Apps Script runtime, served as a page with the spreadsheet, the add-on menu, toasts and the real
// sidebar, whose google.script.run is bridged to the runtime. Tests start it in-process.
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import { createRuntime, type Runtime } from '../runtime';
import { createSimulator, type Simulator } from '../simulator';
import { API_KEY_KEY, CLIENT_ID_KEY } from '../src/settings/credentials';
import { pageHtml } from './page-html';
import { gridView, menus, tabs } from './snapshot';
import type { LogEntry, WorkbenchState } from './state';

export type { Runtime, Simulator };

export interface WorkbenchOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  seed?: number;
  postings?: number;
  /** FBP postings (partner warehouses) beside `postings`; default 0. */
  fbp?: number;
  products?: number;
  days?: number;
  /** Start of the modeled clock (epoch ms). */
  now?: number;
  distDir?: string;
  timeZone?: string;
  /** The seller's Google account locale (Session.getActiveUserLocale); default 'en'. */
  locale?: string;
  /** The spreadsheet's locale (how dates and numbers display); default 'ru_RU'. */
  spreadsheetLocale?: string;
  /** Share of new postings Ozon needs data for before packing (country, marking codes, ship date). */
  complianceRate?: number;
  /**
   * How often the sidebar's desk reads the selection, passed to the sidebar page as
   * window.ODESK_DESK_POLL_MS (sidebar/poll-interval.ts). Default: the add-on's own 2 s.
   */
  deskPollMs?: number;
  /** How often the workbench page asks for the spreadsheet's state; default 1000 ms. */
  pageRefreshMs?: number;
}

export interface Workbench {
  url: string;
  runtime: Runtime;
  sim: Simulator;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');
const MAX_BODY = 1024 * 1024;
const HOUR_MS = 3_600_000;

function bundle(entry: string): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'client', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    minify: true,
  });
  return result.outputFiles[0].text;
}

/** Puts `tag` first in the page's <head> (before any of its own scripts). */
function atHeadStart(html: string, tag: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/**
 * Puts the google.script shim, and the host settings a sidebar reads (window.ODESK_DESK_POLL_MS),
 * before any of the sidebar's (or dialog's) own scripts.
 */
export function injectShim(
  html: string,
  shim: string,
  frame: 'sidebar' | 'dialog' = 'sidebar',
  settings: { deskPollMs?: number } = {},
): string {
  const poll = settings.deskPollMs === undefined ? '' : `window.ODESK_DESK_POLL_MS=${settings.deskPollMs};`;
  const tag =
    `<script>window.ODESK_WORKBENCH_FRAME=${JSON.stringify(frame)};${poll}</script>` +
    `<script>${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  return atHeadStart(html, tag);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      try {
        const value = JSON.parse(text) as unknown;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          reject(new HttpError(400, 'expected a JSON object'));
        } else resolve(value as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'invalid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function int(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new HttpError(400, `${name} must be an integer`);
  return value;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const seed = options.seed ?? 1;
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const sim = createSimulator({
    seed,
    postings: options.postings ?? 60,
    fbp: options.fbp ?? 0,
    products: options.products ?? 20,
    days: options.days ?? 14,
    now: options.now ?? Date.now(),
    complianceRate: options.complianceRate ?? 0,
  });
  const runtime = createRuntime({
    distDir: options.distDir ?? path.join(ROOT, 'dist'),
    fetch: (req) => sim.handle(req),
    timeZone,
    locale: options.locale ?? 'en',
    spreadsheetLocale: options.spreadsheetLocale ?? 'ru_RU',
    startTime: options.now ?? Date.now(),
  });
  sim.setClock(() => runtime.clock.now());
  runtime.properties.user.set(CLIENT_ID_KEY, sim.credentials.clientId);
  runtime.properties.user.set(API_KEY_KEY, sim.credentials.apiKey);

  let version = 0;
  let seenExecutions = runtime.counters.executions;
  let closedSidebars = 0;
  let closedDialogs = 0;
  const log: LogEntry[] = [];
  let logId = 0;
  const changed = (): void => {
    version += 1;
  };
  /**
   * Sidebar polls that only read (the desk follows the selection every 2 s) do not make the page draw
   * the whole grid again: on a large shop that redraw would never rest.
   */
  const QUIET = new Set(['pollDeskSelection']);
  const clockText = (ms: number): string =>
    new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(ms) +
    ` (${timeZone})`;

  const execute = async (functionName: string, trigger: string, work: () => unknown): Promise<unknown> => {
    const entry: LogEntry = {
      id: ++logId,
      at: clockText(runtime.clock.now()),
      functionName,
      trigger,
      ok: true,
    };
    log.push(entry);
    if (log.length > 200) log.shift();
    try {
      return await work();
    } catch (error) {
      entry.ok = false;
      entry.error = errorMessage(error);
      throw error;
    } finally {
      if (QUIET.has(functionName) && entry.ok) {
        log.splice(log.indexOf(entry), 1);
        seenExecutions = runtime.counters.executions;
      } else changed();
    }
  };

  /**
   * Loading the page is the seller opening the spreadsheet: Sheets shows no add-on menu until onOpen
   * builds it, in the language saved by then (a language saved later rebuilds it from saveSettings).
   */
  const open = (): Promise<unknown> => {
    runtime.ui.menus = [];
    return execute('onOpen', 'simple', () =>
      runtime.run('onOpen', [], { trigger: 'simple', authMode: 'LIMITED' }),
    );
  };
  await open();

  const positive = (ms: number | undefined, name: string): number | undefined => {
    if (ms !== undefined && !(Number.isInteger(ms) && ms > 0))
      throw new Error(`${name} must be a whole ms > 0`);
    return ms;
  };
  const hostSettings = { deskPollMs: positive(options.deskPollMs, 'deskPollMs') };
  const refreshMs = positive(options.pageRefreshMs, 'pageRefreshMs') ?? 1000;
  const page = atHeadStart(
    pageHtml(bundle('page.ts')),
    `<script>window.ODESK_PAGE_REFRESH_MS=${refreshMs};</script>`,
  );
  const shim = bundle('gas-shim.ts');

  // Executions started outside the page (tests calling runtime.run, triggers) also change the version.
  const currentVersion = (): number => {
    const executions = runtime.counters.executions;
    if (executions !== seenExecutions) {
      seenExecutions = executions;
      version += 1;
    }
    return version;
  };

  const state = (): WorkbenchState => {
    const book = runtime.spreadsheet;
    const active = book.activeSheet();
    const shown = runtime.ui.sidebars.length > closedSidebars ? runtime.ui.sidebars.length : 0;
    const dialogs = runtime.ui.dialogs;
    const dialog = dialogs.length > closedDialogs ? dialogs[dialogs.length - 1] : null;
    const range = book.activeRange;
    return {
      version: currentVersion(),
      spreadsheetName: book.name,
      demo: { seed, clientId: sim.credentials.clientId },
      clock: clockText(runtime.clock.now()),
      shopClock: sim.now() === runtime.clock.now() ? null : clockText(sim.now()),
      tabs: tabs(book),
      activeSheetId: active.id,
      activeRange: range ? { sheetId: range.sheetId, ...range.range } : null,
      grid: gridView(active, book.locale, new Set(runtime.drive.map((f) => f.id))),
      menus: menus(runtime.ui.menus),
      toasts: runtime.ui.toasts.map((t, i) => ({ id: i + 1, ...t })),
      sidebar: shown ? { seq: shown, title: runtime.ui.sidebars[shown - 1].title } : null,
      dialog: dialog
        ? {
            seq: dialogs.length,
            title: dialog.title,
            width: dialog.width ?? 600,
            height: dialog.height ?? 500,
            modal: dialog.modal,
          }
        : null,
      log: log.slice(-20),
    };
  };

  const select = (body: Record<string, unknown>): void => {
    const book = runtime.spreadsheet;
    const sheet = book.byId(int(body.sheetId, 'sheetId'));
    if (!sheet) throw new HttpError(404, 'no such sheet');
    book.activeSheetId = sheet.id;
    if (body.startRow === undefined) {
      book.activeRange = { sheetId: sheet.id, range: { startRow: 0, endRow: 1, startCol: 0, endCol: 1 } };
      return;
    }
    const range = {
      startRow: int(body.startRow, 'startRow'),
      endRow: int(body.endRow, 'endRow'),
      startCol: int(body.startCol, 'startCol'),
      endCol: int(body.endCol, 'endCol'),
    };
    const fits =
      range.startRow >= 0 &&
      range.startCol >= 0 &&
      range.endRow > range.startRow &&
      range.endCol > range.startCol &&
      range.endRow <= sheet.maxRows &&
      range.endCol <= sheet.maxCols;
    if (!fits) throw new HttpError(400, 'range outside the sheet');
    book.activeRange = { sheetId: sheet.id, range };
  };

  const send = (res: http.ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, value: unknown): void =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  let port = 0;
  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Only this machine's page may drive the runtime (guards against DNS rebinding).
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      throw new HttpError(403, 'forbidden host');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/') {
      await open().catch(() => undefined); // a failing onOpen is in the log; the page still opens
      return send(res, 200, 'text/html; charset=utf-8', page);
    }
    if (method === 'GET' && url.pathname === '/state') {
      const known = Number(url.searchParams.get('version'));
      const current = currentVersion();
      return json(res, 200, known === current ? { version: current, unchanged: true } : state());
    }
    const sidebarPage = /^\/sidebar\/(\d+)$/.exec(url.pathname);
    if (method === 'GET' && sidebarPage) {
      const recorded = runtime.ui.sidebars[Number(sidebarPage[1]) - 1];
      if (!recorded) throw new HttpError(404, 'no such sidebar');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        injectShim(recorded.html, shim, 'sidebar', hostSettings),
      );
    }
    const dialogPage = /^\/dialog\/(\d+)$/.exec(url.pathname);
    if (method === 'GET' && dialogPage) {
      const recorded = runtime.ui.dialogs[Number(dialogPage[1]) - 1];
      if (!recorded) throw new HttpError(404, 'no such dialog');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        injectShim(recorded.html, shim, 'dialog', hostSettings),
      );
    }
    // Files the add-on saved to (the runtime's) Drive, e.g. shipping-label PDFs, as Drive would open them.
    const drivePage = /^\/drive\/([\w-]+)$/.exec(url.pathname);
    if (method === 'GET' && drivePage) {
      const file = runtime.drive.find((f) => f.id === drivePage[1] && !f.trashed);
      if (!file) throw new HttpError(404, 'no such file in Drive');
      res.writeHead(200, {
        'Content-Type': file.mimeType,
        'Content-Disposition': `inline; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(Buffer.from(file.bytes));
      return;
    }
    if (method !== 'POST') throw new HttpError(404, 'not found');
    const body = await readJson(req);
    switch (url.pathname) {
      case '/rpc': {
        const name = body.name;
        const args = Array.isArray(body.args) ? body.args : [];
        if (typeof name !== 'string' || !name) throw new HttpError(400, 'name required');
        try {
          const value = await execute(name, 'sidebar', () => runtime.callFromSidebar(name, ...args));
          return json(res, 200, { ok: true, value: value === undefined ? null : value });
        } catch (error) {
          const name = error instanceof Error ? error.name : 'Error';
          return json(res, 200, { ok: false, error: { name, message: errorMessage(error) } });
        }
      }
      case '/menu': {
        const fn = body.functionName;
        if (typeof fn !== 'string' || !fn) throw new HttpError(400, 'functionName required');
        await execute(fn, 'menu', () => runtime.run(fn, [], { trigger: 'menu' }));
        return json(res, 200, { ok: true });
      }
      case '/select':
        select(body);
        changed();
        return json(res, 200, { ok: true });
      case '/advance': {
        const hours = body.hours === undefined ? 24 : Number(body.hours);
        if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30)
          throw new HttpError(400, 'hours out of range');
        // The shop reads the script's clock, so moving that clock lets a day pass for both:
        // orders arrive and move on in the shop, and time-driven triggers come due.
        runtime.clock.advance(Math.round(hours * HOUR_MS));
        changed();
        return json(res, 200, { ok: true });
      }
      case '/hourly': {
        // An hour passes (shop and script share the clock), then every trigger that is due runs.
        runtime.clock.advance(HOUR_MS);
        const runs = runtime.fireTimeTriggers();
        if (!runs.length) {
          log.push({
            id: ++logId,
            at: clockText(runtime.clock.now()),
            functionName: '(no time-driven trigger was due)',
            trigger: 'time',
            ok: true,
          });
        }
        for (const run of runs) {
          const entry: LogEntry = {
            id: ++logId,
            at: clockText(runtime.clock.now()),
            functionName: run.handler,
            trigger: 'time',
            ok: !run.error,
            ...(run.error ? { error: run.error } : {}),
          };
          log.push(entry);
        }
        changed();
        return json(res, 200, { ok: true, runs: runs.length });
      }
      case '/sidebar/close':
        closedSidebars = runtime.ui.sidebars.length;
        changed();
        return json(res, 200, { ok: true });
      case '/dialog/close':
        closedDialogs = runtime.ui.dialogs.length;
        changed();
        return json(res, 200, { ok: true });
      default:
        throw new HttpError(404, 'not found');
    }
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) json(res, status, { ok: false, error: errorMessage(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    runtime,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
