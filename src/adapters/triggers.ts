// The add-on's one time-driven trigger per user and document (the editor add-on limit): hourly,
// and every scheduled job rides on it. Listed per document (ScriptApp.getUserTriggers): the project
// listing holds the same seller's triggers of every other spreadsheet too. Each trigger's uid is
// recorded with its spreadsheet id (user properties), so its run finds the spreadsheet without an
// active document.
import { currentSpreadsheet } from './spreadsheet';

export const HOURLY_HANDLER = 'onHourlyTrigger';
/** The self-check's one-off clock trigger (src/selfcheck): it records what its run sees, then goes. */
export const SELF_CHECK_HANDLER = 'onSelfCheckTrigger';
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

function documentClockTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(currentSpreadsheet()).filter(
    (tr) => tr.getHandlerFunction() === handler && tr.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

function hourlyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return documentClockTriggers(HOURLY_HANDLER);
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
    // One clock trigger per document: a self-check's pending one-off gives way (the hourly run records instead).
    for (const probe of documentClockTriggers(SELF_CHECK_HANDLER)) {
      delete docs[probe.getUniqueId()];
      ScriptApp.deleteTrigger(probe);
    }
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

/** This spreadsheet's clock triggers of the add-on, by handler (the editor add-on allows one per document). */
export function documentClockHandlers(): string[] {
  return ScriptApp.getUserTriggers(currentSpreadsheet())
    .filter((tr) => tr.getEventType() === ScriptApp.EventType.CLOCK)
    .map((tr) => tr.getHandlerFunction());
}

/** A one-off clock trigger for `handler` at `at` (epoch ms), recorded with this spreadsheet; its uid. */
export function installOneOffTrigger(handler: string, at: number): string {
  const created = ScriptApp.newTrigger(handler).timeBased().at(new Date(at)).create();
  const docs = readDocs();
  docs[created.getUniqueId()] = currentSpreadsheet().getId();
  writeDocs(docs);
  return created.getUniqueId();
}

/**
 * Deletes this user's triggers of `handler` whose uid is in `uids` (all of them when `uids` is
 * null), from any spreadsheet: a run without an active document lists them per project.
 */
export function deleteTriggers(handler: string, uids: readonly string[] | null): number {
  const docs = readDocs();
  let deleted = 0;
  for (const tr of ScriptApp.getProjectTriggers()) {
    if (tr.getHandlerFunction() !== handler) continue;
    if (uids && !uids.includes(tr.getUniqueId())) continue;
    delete docs[tr.getUniqueId()];
    ScriptApp.deleteTrigger(tr);
    deleted++;
  }
  for (const uid of uids ?? []) delete docs[uid];
  writeDocs(docs);
  return deleted;
}

export interface TriggerListing {
  project: number;
  document: number;
  /** Handler functions of this spreadsheet's triggers. */
  handlers: string[];
}

/** The add-on's triggers of this user: listed per project, and per this spreadsheet. */
export function listTriggers(): TriggerListing {
  const project = ScriptApp.getProjectTriggers();
  const mine = ScriptApp.getUserTriggers(currentSpreadsheet());
  return {
    project: project.length,
    document: mine.length,
    handlers: mine.map((tr) => tr.getHandlerFunction()),
  };
}
