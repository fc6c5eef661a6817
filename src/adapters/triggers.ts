// The add-on's one time-driven trigger per user and document (the editor add-on limit): hourly,
// and every scheduled job rides on it. Listed per document (ScriptApp.getUserTriggers): the project
// listing holds the same seller's triggers of every other spreadsheet too. Each trigger's uid is
// recorded with its spreadsheet id (user properties), so its run finds the spreadsheet without an
// active document.
import { currentSpreadsheet } from './spreadsheet';

export const HOURLY_HANDLER = 'onHourlyTrigger';
const TRIGGER_DOCS = 'ODESK_TRIGGER_DOCS';

type TriggerDocs = Record<string, string>;

function readDocs(): TriggerDocs {
  try {
    const parsed = JSON.parse(
      PropertiesService.getUserProperties().getProperty(TRIGGER_DOCS) ?? '{}',
    ) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as TriggerDocs) : {};
  } catch {
    return {};
  }
}

function writeDocs(docs: TriggerDocs): void {
  const props = PropertiesService.getUserProperties();
  if (Object.keys(docs).length) props.setProperty(TRIGGER_DOCS, JSON.stringify(docs));
  else props.deleteProperty(TRIGGER_DOCS);
}

function hourlyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(currentSpreadsheet()).filter(
    (tr) => tr.getHandlerFunction() === HOURLY_HANDLER && tr.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

export function hourlyTriggerInstalled(): boolean {
  return hourlyTriggers().length > 0;
}

/** Installs or removes this spreadsheet's hourly trigger; calling it twice never makes two. */
export function setHourlyTrigger(enabled: boolean): void {
  const existing = hourlyTriggers();
  const docs = readDocs();
  const id = currentSpreadsheet().getId();
  if (enabled && existing.length === 0) {
    const created = ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
    docs[created.getUniqueId()] = id;
  }
  // Duplicates left by an older version are cleaned up too.
  const remove = enabled ? existing.slice(1) : existing;
  for (const tr of remove) {
    delete docs[tr.getUniqueId()];
    ScriptApp.deleteTrigger(tr);
  }
  for (const tr of enabled ? existing.slice(0, 1) : []) docs[tr.getUniqueId()] = id;
  writeDocs(docs);
}

/** The spreadsheet a trigger was installed from, or null (a trigger from before this was recorded). */
export function spreadsheetOfTrigger(uid: string | undefined): string | null {
  return uid ? (readDocs()[uid] ?? null) : null;
}
