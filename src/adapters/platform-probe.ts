// What the self-check asks Apps Script directly: what an execution sees (active spreadsheet,
// document properties, lock and cache — Google does not document them for an add-on's clock run),
// which scopes the user granted, and a temporary tab to time block writes in.
import type { ClockRunSeen } from '../shared/selfcheck-schema';
import { spreadsheetId, writeRequests } from './workbook';

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
