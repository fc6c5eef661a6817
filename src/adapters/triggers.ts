// The add-on's one time-driven trigger per user and document (the editor add-on limit): hourly,
// and every scheduled job rides on it.
export const HOURLY_HANDLER = 'onHourlyTrigger';

function hourlyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter(
    (tr) => tr.getHandlerFunction() === HOURLY_HANDLER && tr.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

export function hourlyTriggerInstalled(): boolean {
  return hourlyTriggers().length > 0;
}

/** Installs or removes the hourly trigger; calling it twice never makes two. */
export function setHourlyTrigger(enabled: boolean): void {
  const existing = hourlyTriggers();
  if (enabled && existing.length === 0) {
    ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  }
  if (!enabled) existing.forEach((tr) => ScriptApp.deleteTrigger(tr));
  // Duplicates left by an older version are cleaned up too.
  if (enabled) existing.slice(1).forEach((tr) => ScriptApp.deleteTrigger(tr));
}
