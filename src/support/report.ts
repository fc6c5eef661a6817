// "Copy support report" in Settings: what a developer asks a seller for — the add-on's version, the
// scopes the user granted, locale and time zones, the tabs and columns the add-on sees, the last 20
// Sync log rows, job states, trigger state and today's use of the daily quotas — as JSON text with
// every secret and personal value masked (src/support/mask.ts), whatever the Sync log holds.
import { formatSpreadsheetTime, spreadsheetTimeZone } from '../adapters/document';
import {
  addonVersion,
  authorizationRequired,
  grantedScopes,
  lastRows,
  readColumns,
  scriptTimeZone,
  spreadsheetLocale,
  tabColumns,
  type TabColumns,
} from '../adapters/platform-probe';
import { hourlyTriggerInstalled, listTriggers } from '../adapters/triggers';
import { spreadsheetId, spreadsheetOffset } from '../adapters/workbook';
import type { AppContext } from '../app/context';
import { toSerial } from '../core/time/serial';
import { ordersSpec } from '../core/orders/tables';
import { API_KEY_KEY, CLIENT_ID_KEY } from '../settings/credentials';
import { JOB_KEY } from '../sync/job';
import { SERVICE_JOB_KEY } from '../service/sync';
import { FEEDBACK_JOB_KEY } from '../feedback/sync';
import { FINANCE_JOB_KEY } from '../finance/job';
import { NIGHTLY_JOB_KEY } from '../reports/settings';
import { syncLogSpec } from '../sync/sync-log';
import { clockProbeOf } from '../selfcheck/clock';
import { selfCheckView } from '../selfcheck/run';
import type { SupportReportView } from '../shared/selfcheck-schema';
import { masker, maskDeep, type Masker } from './mask';

export const SUPPORT_FORMAT = 'odesk-support/1';
const LOG_ROWS = 20;
/** Consumer-account daily quotas (https://developers.google.com/apps-script/guides/services/quotas). */
const LIMITS_TODAY = { triggerRuntimeMinutesPerDay: 90, urlFetchCallsPerDay: 20_000 } as const;
const JOB_TEXT = 400;
/** Columns of the add-on's tabs that hold buyers' personal data: their values are masked anywhere. */
const PERSONAL_COLUMNS: Record<string, readonly string[]> = {
  [ordersSpec.tab]: ['buyer', 'buyer_phone', 'address', 'buyer_id', 'verified_by'],
};

function personalValues(tabs: readonly TabColumns[]): string[] {
  const values: string[] = [];
  for (const tab of tabs) {
    const keys = PERSONAL_COLUMNS[tab.title];
    if (!keys) continue;
    const indexes = keys.map((k) => tab.keys[k]).filter((i): i is number => i !== undefined);
    for (const column of readColumns(tab.title, indexes))
      for (const [cell] of column.slice(1)) if (cell !== '' && cell != null) values.push(String(cell));
  }
  return values;
}

function jobStates(ctx: AppContext, mask: Masker): Record<string, string | null> {
  const jobs: Record<string, string | null> = {};
  for (const key of [JOB_KEY, SERVICE_JOB_KEY, FEEDBACK_JOB_KEY, FINANCE_JOB_KEY, NIGHTLY_JOB_KEY]) {
    const text = ctx.doc.get(key);
    const masked = text === null ? null : mask(text);
    jobs[key] = masked && masked.length > JOB_TEXT ? `${masked.slice(0, JOB_TEXT)}…` : masked;
  }
  return jobs;
}

/** Sync runs started today (the spreadsheet's day) and their time, from the Sync log. */
function syncToday(tabs: readonly TabColumns[]): { runs: number; seconds: number } {
  const log = tabs.find((t) => t.title === syncLogSpec.tab);
  const started = log?.keys.started;
  const duration = log?.keys.duration;
  if (!log || started === undefined || duration === undefined) return { runs: 0, seconds: 0 };
  const [starts, durations] = readColumns(log.title, [started, duration]);
  const today = Math.floor(toSerial(Date.now(), spreadsheetOffset()));
  let runs = 0;
  let seconds = 0;
  starts.slice(1).forEach(([value], i) => {
    if (typeof value !== 'number' || value < today) return;
    runs++;
    const d = durations[i + 1]?.[0];
    if (typeof d === 'number') seconds += d;
  });
  return { runs, seconds: Math.round(seconds) };
}

export function supportReport(ctx: AppContext): SupportReportView {
  const secrets = [ctx.user.get(API_KEY_KEY) ?? '', ctx.user.get(CLIENT_ID_KEY) ?? ''].filter(Boolean);
  const tabs = tabColumns();
  const mask = masker(secrets, personalValues(tabs));
  const log = lastRows(syncLogSpec.tab, LOG_ROWS);
  const today = syncToday(tabs);
  const check = selfCheckView(ctx);
  const report = {
    format: SUPPORT_FORMAT,
    takenAt: new Date().toISOString(),
    addonVersion: addonVersion(),
    authorization: { required: authorizationRequired(), grantedScopes: grantedScopes() },
    locale: {
      user: ctx.locale,
      language: ctx.lang,
      spreadsheet: spreadsheetLocale(),
      spreadsheetTimeZone: spreadsheetTimeZone(),
      scriptTimeZone: scriptTimeZone(),
      localTime: formatSpreadsheetTime(Date.now(), 'yyyy-MM-dd HH:mm Z'),
    },
    credentials: {
      clientId: secrets.length && ctx.user.get(CLIENT_ID_KEY) ? 'saved' : 'missing',
      apiKey: ctx.user.get(API_KEY_KEY) ? 'saved' : 'missing',
    },
    tabs: tabs.map((t) => ({
      title: t.title,
      rows: t.rows,
      columns: t.columns,
      hidden: t.hidden,
      addOnColumns: Object.entries(t.keys)
        .sort((a, b) => a[1] - b[1])
        .map(([key, index]) => `${index}:${key}`),
    })),
    syncLog: log,
    jobs: jobStates(ctx, mask),
    triggers: {
      ...listTriggers(),
      hourlyInstalled: hourlyTriggerInstalled(),
      selfCheckClockRun: clockProbeOf(spreadsheetId()),
    },
    quotasToday: {
      syncRuns: today.runs,
      syncSeconds: today.seconds,
      ...LIMITS_TODAY,
      note: 'Apps Script does not report quota use: these are the sync runs the Sync log holds for today.',
    },
    selfCheck: check.report ? { verdict: check.verdict, takenAt: check.report.takenAt } : null,
  };
  // Every string masked, then the whole text once more (a value split across fields cannot leak).
  return { text: mask(JSON.stringify(maskDeep(report, mask), null, 2)) };
}
