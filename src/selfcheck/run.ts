// Menu "Check this spreadsheet": a short series of probes on the seller's own spreadsheet, each
// within the add-on's scopes and undone afterwards, within BUDGET.selfCheck. The report (schema in
// src/shared/selfcheck-schema.ts) is kept with the spreadsheet; the clock-run part arrives later
// (src/selfcheck/clock.ts) and is merged in when the view is read.
import { appsScriptHttp } from '../adapters/http';
import { withDocumentLock } from '../adapters/lock';
import { addonVersion, addScratchTab, deleteTab } from '../adapters/platform-probe';
import { readJson } from '../adapters/properties';
import { listTriggers } from '../adapters/triggers';
import { formatSpreadsheetTime } from '../adapters/document';
import { spreadsheetId, writeRequests } from '../adapters/workbook';
import type { AppContext } from '../app/context';
import { BUDGET, deadlineFrom } from '../app/budgets';
import { AppError } from '../core/errors';
import { verdictOf } from '../core/selfcheck/verdict';
import { chunkByBytes, bodyBytes } from '../core/table/chunk';
import type { SheetsRequest } from '../core/table/requests';
import { EP } from '../ozon/endpoints';
import { ozonMessage } from '../ozon/errors';
import { readCredentials } from '../settings/credentials';
import {
  SELF_CHECK_FORMAT,
  SelfCheckReport,
  type FetchProbe,
  type MappingProbe,
  type SelfCheckView,
  type TriggersProbe,
  type WriteProbe,
} from '../shared/selfcheck-schema';
import { clockProbeOf, problemText, scheduleClockProbe } from './clock';
import { mapPostings, simulatedPostings } from './mapping';

export const REPORT_KEY = 'ODESK_SELFCHECK_REPORT';
export const SCRATCH_TAB = 'Ozon desk check (temporary)';
/** Block sizes timed, in cells, and the scratch tab's width. */
export const WRITE_SIZES = [10_000, 100_000, 500_000] as const;
const SCRATCH_COLUMNS = 20;
const MAPPED_POSTINGS = 1000;
/** Kept free at the end of the check to delete the scratch tab and save the report. */
const CLEANUP_MS = 8_000;

const elapsed = (from: number) => Math.max(0, Math.round(Date.now() - from));

function probeMapping(ctx: AppContext): MappingProbe {
  const postings = simulatedPostings(MAPPED_POSTINGS);
  const started = Date.now();
  try {
    mapPostings(postings, ctx.lang);
    return { status: 'ok', postings: postings.length, ms: elapsed(started), error: null };
  } catch (error) {
    return { status: 'failed', postings: postings.length, ms: elapsed(started), error: problemText(error) };
  }
}

function probeFetch(ctx: AppContext): FetchProbe {
  const base = { endpoint: EP.roles, httpStatus: null, error: null } as const;
  const credentials = readCredentials(ctx.user);
  if (!credentials) return { ...base, status: 'skipped', requests: 0, ms: 0 };
  const secrets = [credentials.apiKey, credentials.clientId];
  const started = Date.now();
  const [answer] = appsScriptHttp().fetchAll([
    {
      url: `https://api-seller.ozon.ru${EP.roles}`,
      method: 'post',
      headers: {
        'Client-Id': credentials.clientId,
        'Api-Key': credentials.apiKey,
        'Content-Type': 'application/json',
      },
      payload: '{}',
    },
  ]);
  const ms = elapsed(started);
  if (!answer || answer.networkError !== undefined || answer.status === 0)
    return {
      ...base,
      status: 'failed',
      requests: 1,
      ms,
      error: problemText(answer?.networkError ?? 'no answer', secrets),
    };
  if (answer.status >= 200 && answer.status < 300)
    return { ...base, status: 'ok', requests: 1, ms, httpStatus: answer.status };
  return {
    ...base,
    status: 'failed',
    requests: 1,
    ms,
    httpStatus: answer.status,
    error: problemText(ozonMessage(answer.body, secrets), secrets),
  };
}

function probeTriggers(): TriggersProbe {
  try {
    const listed = listTriggers();
    return {
      status: 'ok',
      project: listed.project,
      document: listed.document,
      otherDocuments: Math.max(0, listed.project - listed.document),
      handlers: listed.handlers.slice(0, 20).map((h) => h.slice(0, 60)),
      error: null,
    };
  } catch (error) {
    return {
      status: 'failed',
      project: 0,
      document: 0,
      otherDocuments: 0,
      handlers: [],
      error: problemText(error),
    };
  }
}

/** Rows of `columns` cells, written one updateCells per row as the sync's writer does. */
function blockRequests(sheetId: number, cells: number, columns: number): SheetsRequest[] {
  const rows = Math.ceil(cells / columns);
  const requests: SheetsRequest[] = [];
  for (let r = 0; r < rows; r++) {
    const values: Record<string, unknown>[] = [];
    for (let c = 0; c < columns; c++)
      values.push(
        c % 2
          ? { userEnteredValue: { numberValue: r * columns + c + 0.25 } }
          : { userEnteredValue: { stringValue: `0${r}-${c}` } },
      );
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: r, columnIndex: 0 },
        rows: [{ values }],
        fields: 'userEnteredValue',
      },
    });
  }
  return requests;
}

function probeWrites(deadline: number): WriteProbe[] {
  const largest = WRITE_SIZES[WRITE_SIZES.length - 1];
  const results: WriteProbe[] = [];
  let sheetId: number | null = null;
  try {
    sheetId = addScratchTab(SCRATCH_TAB, Math.ceil(largest / SCRATCH_COLUMNS), SCRATCH_COLUMNS);
  } catch (error) {
    return WRITE_SIZES.map((cells, i) => ({
      cells,
      status: i === 0 ? 'failed' : 'skipped',
      ms: 0,
      requests: 0,
      largestBodyBytes: 0,
      error: i === 0 ? problemText(error) : null,
    }));
  }
  try {
    let msPerCell = 0;
    let failed = false;
    for (const cells of WRITE_SIZES) {
      const skip = {
        cells,
        status: 'skipped',
        ms: 0,
        requests: 0,
        largestBodyBytes: 0,
        error: null,
      } as const;
      // Stay well under a minute: a size the last rate says would not fit is not started.
      if (failed || Date.now() + msPerCell * cells * 1.5 > deadline - CLEANUP_MS) {
        results.push(skip);
        continue;
      }
      const requests = blockRequests(sheetId, cells, SCRATCH_COLUMNS);
      const started = Date.now();
      try {
        const calls = writeRequests(requests, undefined, { until: deadline - CLEANUP_MS });
        const ms = elapsed(started);
        msPerCell = ms / cells;
        const bodies = chunkByBytes(requests).map((chunk) => bodyBytes(chunk));
        results.push({
          cells,
          status: 'ok',
          ms,
          requests: calls,
          largestBodyBytes: Math.max(...bodies),
          error: null,
        });
      } catch (error) {
        failed = true;
        results.push({ ...skip, status: 'failed', ms: elapsed(started), error: problemText(error) });
      }
    }
  } finally {
    deleteTab(sheetId);
  }
  return results;
}

/** Runs every probe, saves the report with the spreadsheet and answers its view. */
export function runSelfCheck(ctx: AppContext, startedAt = Date.now()): SelfCheckView {
  const deadline = deadlineFrom(startedAt, BUDGET.selfCheck);
  const report = withDocumentLock(
    10_000,
    () => new AppError('sync.locked', 'sync.locked'),
    (): SelfCheckReport => {
      const id = spreadsheetId();
      const clockRun = scheduleClockProbe(id, Date.now());
      const triggers = probeTriggers();
      const mapping = probeMapping(ctx);
      const fetchAll = probeFetch(ctx);
      const writes = probeWrites(deadline);
      return {
        format: SELF_CHECK_FORMAT,
        evidence: 'measured',
        takenAt: new Date(startedAt).toISOString(),
        addonVersion: addonVersion(),
        durationMs: elapsed(startedAt),
        clockRun,
        triggers,
        writes,
        fetchAll,
        mapping,
      };
    },
  );
  ctx.doc.set(REPORT_KEY, JSON.stringify(SelfCheckReport.parse(report)));
  return selfCheckView(ctx);
}

/** The last report of this spreadsheet with the clock run's latest state, and its verdict. */
export function selfCheckView(ctx: AppContext, now = Date.now()): SelfCheckView {
  const saved = SelfCheckReport.safeParse(readJson<unknown>(ctx.doc, REPORT_KEY));
  if (!saved.success) return { report: null, verdict: 'none', findings: [], json: '' };
  const clock = clockProbeOf(spreadsheetId());
  // The clock run reports after the check was saved: its latest state replaces the one saved then.
  const report: SelfCheckReport = clock ? { ...saved.data, clockRun: clock } : saved.data;
  const time = (iso: string) => formatSpreadsheetTime(Date.parse(iso), 'HH:mm');
  return { report, ...verdictOf(report, ctx.lang, now, time), json: JSON.stringify(report, null, 2) };
}
