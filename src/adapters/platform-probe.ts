// What the self-check asks Apps Script directly: what an execution sees (active spreadsheet,
// document properties, lock and cache — Google does not document them for an add-on's clock run),
// which scopes the user granted, and a temporary tab to time block writes in.
import type { ClockRunSeen } from '../shared/selfcheck-schema';
import { quoteTab, spreadsheetId, writeRequests } from './workbook';
import { currentSpreadsheet } from './spreadsheet';
import { METADATA_KEY } from '../core/table/spec';
import { columnLetter } from '../core/table/requests';

declare const __ADDON_VERSION__: string | undefined;

/** package.json's version, set by the build (webpack DefinePlugin). */
export function addonVersion(): string {
  return typeof __ADDON_VERSION__ === 'string' ? __ADDON_VERSION__ : 'dev';
}

const present = (read: () => unknown): boolean => {
  try {
    return read() != null;
  } catch {
    return false;
  }
};

/** What this execution has; `event` is the trigger's event object. */
export function observeExecution(
  event: { triggerUid?: unknown; authMode?: unknown } | undefined,
): ClockRunSeen {
  return {
    activeSpreadsheet: present(() => SpreadsheetApp.getActiveSpreadsheet()),
    documentProperties: present(() => PropertiesService.getDocumentProperties()),
    documentLock: present(() => LockService.getDocumentLock()),
    documentCache: present(() => CacheService.getDocumentCache()),
    triggerUid: typeof event?.triggerUid === 'string' && event.triggerUid !== '',
    authMode: String(event?.authMode ?? 'unknown').slice(0, 40),
  };
}

/** The id of the active spreadsheet, or null (a clock run without a document). */
export function activeSpreadsheetId(): string | null {
  try {
    return SpreadsheetApp.getActiveSpreadsheet()?.getId() ?? null;
  } catch {
    return null;
  }
}

/** The OAuth scopes the user has granted this add-on (ScriptApp.getAuthorizationInfo). */
export function grantedScopes(): string[] {
  // getAuthorizedScopes is in Google's reference (and gas-types-detailed), not yet in @types.
  const info = ScriptApp.getAuthorizationInfo(
    ScriptApp.AuthMode.FULL,
  ) as GoogleAppsScript.Script.AuthorizationInfo & {
    getAuthorizedScopes(): string[];
  };
  return [...info.getAuthorizedScopes()].map(String).sort();
}

export function authorizationRequired(): boolean {
  return (
    ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() ===
    ScriptApp.AuthorizationStatus.REQUIRED
  );
}

function sheetIdsByTitle(id: string): Map<string, number> {
  const info = (Sheets as GoogleAppsScript.Sheets).Spreadsheets!.get(id, { fields: 'sheets.properties' });
  return new Map(
    (info.sheets ?? []).map(
      (s) => [s.properties?.title ?? '', s.properties?.sheetId ?? 0] as [string, number],
    ),
  );
}

/** Adds a hidden tab of `rows` × `columns` (a leftover of the same title is removed first); its sheetId. */
export function addScratchTab(title: string, rows: number, columns: number): number {
  const id = spreadsheetId();
  const old = sheetIdsByTitle(id).get(title);
  const used = new Set(sheetIdsByTitle(id).values());
  let sheetId = 0;
  do sheetId = 1 + Math.floor(Math.random() * 2_000_000_000);
  while (used.has(sheetId));
  writeRequests(
    [
      ...(old !== undefined ? [{ deleteSheet: { sheetId: old } }] : []),
      {
        addSheet: {
          properties: {
            sheetId,
            title,
            hidden: true,
            gridProperties: { rowCount: rows, columnCount: columns },
          },
        },
      },
    ],
    id,
  );
  return sheetId;
}

export function deleteTab(sheetId: number): void {
  writeRequests([{ deleteSheet: { sheetId } }]);
}

export interface TabColumns {
  title: string;
  sheetId: number;
  rows: number;
  columns: number;
  hidden: boolean;
  /** The add-on's columns found by developer metadata: key → 0-based index. */
  keys: Record<string, number>;
}

/** Every tab with its size and the add-on's columns (two Sheets API calls). */
export function tabColumns(): TabColumns[] {
  const id = spreadsheetId();
  const api = (Sheets as GoogleAppsScript.Sheets).Spreadsheets!;
  const info = api.get(id, { fields: 'sheets.properties' });
  const found = api.DeveloperMetadata!.search(
    { dataFilters: [{ developerMetadataLookup: { metadataKey: METADATA_KEY } }] },
    id,
  );
  const keys = new Map<number, Record<string, number>>();
  for (const match of found.matchedDeveloperMetadata ?? []) {
    const range = match.developerMetadata?.location?.dimensionRange;
    if (!range || range.dimension !== 'COLUMNS' || range.sheetId === undefined) continue;
    const byKey = keys.get(range.sheetId) ?? {};
    byKey[match.developerMetadata?.metadataValue ?? ''] = range.startIndex ?? 0;
    keys.set(range.sheetId, byKey);
  }
  return (info.sheets ?? []).map((s) => {
    const p = s.properties ?? {};
    return {
      title: p.title ?? '',
      sheetId: p.sheetId ?? 0,
      rows: p.gridProperties?.rowCount ?? 0,
      columns: p.gridProperties?.columnCount ?? 0,
      hidden: Boolean(p.hidden),
      keys: keys.get(p.sheetId ?? 0) ?? {},
    };
  });
}

/** Whole columns of one tab (0-based indexes), unformatted, in one call. */
export function readColumns(title: string, indexes: readonly number[]): unknown[][][] {
  if (!indexes.length) return [];
  const answer = (Sheets as GoogleAppsScript.Sheets).Spreadsheets!.Values!.batchGet(spreadsheetId(), {
    ranges: indexes.map((i) => `${quoteTab(title)}!${columnLetter(i)}:${columnLetter(i)}`),
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
  });
  return (answer.valueRanges ?? []).map((r) => (r.values as unknown[][] | undefined) ?? []);
}

/** The last `n` rows of a tab (header excluded), as displayed text; [] when the tab is missing. */
export function lastRows(title: string, n: number): { header: string[]; rows: string[][] } {
  const sheet = currentSpreadsheet().getSheetByName(title);
  if (!sheet || sheet.getLastRow() < 1) return { header: [], rows: [] };
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getDisplayValues()[0];
  const last = sheet.getLastRow();
  const from = Math.max(2, last - n + 1);
  const rows = last >= from ? sheet.getRange(from, 1, last - from + 1, width).getDisplayValues() : [];
  return { header, rows };
}

export { spreadsheetLocale } from './document';

export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}
