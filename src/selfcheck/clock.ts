// The self-check's clock-run probe. An editor add-on has one clock trigger per user per document:
// with auto-sync off the check installs a one-off trigger a minute ahead (onSelfCheckTrigger);
// with auto-sync on, the next hourly run records instead. Either run saves what it saw in the
// user's properties under the spreadsheet's id (a clock run may have no document properties), and
// the check's view collects it when the seller reopens or refreshes it.
import { userStore, readJson } from '../adapters/properties';
import { activeSpreadsheetId, observeExecution } from '../adapters/platform-probe';
import {
  deleteTriggers,
  documentClockHandlers,
  HOURLY_HANDLER,
  installOneOffTrigger,
  SELF_CHECK_HANDLER,
  spreadsheetOfTrigger,
} from '../adapters/triggers';
import { safeDetail } from '../ozon/errors';
import type { ClockRunProbe } from '../shared/selfcheck-schema';

const STATE_KEY = 'ODESK_SELFCHECK_CLOCK';
/** How far ahead the one-off trigger is set. */
export const PROBE_DELAY_MS = 60_000;

interface Pending extends ClockRunProbe {
  uid: string | null;
}
type State = Record<string, Pending>;

const readState = (): State => readJson<State>(userStore(), STATE_KEY) ?? {};
function writeState(state: State): void {
  // Only the last check of each spreadsheet is kept.
  if (Object.keys(state).length) userStore().set(STATE_KEY, JSON.stringify(state));
  else userStore().delete(STATE_KEY);
}

const strip = ({ uid: _uid, ...probe }: Pending): ClockRunProbe => probe;

/** Sets up the clock-run probe of spreadsheet `id` (replacing an earlier one); its state. */
export function scheduleClockProbe(id: string, now: number): ClockRunProbe {
  const state = readState();
  const earlier = state[id];
  if (earlier?.uid) deleteTriggers(SELF_CHECK_HANDLER, [earlier.uid]);
  const at = new Date(now + PROBE_DELAY_MS).toISOString();
  let entry: Pending;
  try {
    const handlers = documentClockHandlers();
    if (handlers.includes(HOURLY_HANDLER)) {
      // The document's one clock trigger is the hourly one: its next run records.
      entry = pending(null, 'hourly-trigger', new Date(now + 3_600_000).toISOString());
    } else {
      entry = pending(installOneOffTrigger(SELF_CHECK_HANDLER, now + PROBE_DELAY_MS), 'probe-trigger', at);
    }
  } catch (error) {
    entry = { ...pending(null, 'probe-trigger', at), status: 'failed', error: problemText(error) };
  }
  state[id] = entry;
  writeState(state);
  return strip(entry);
}

function pending(uid: string | null, via: ClockRunProbe['via'], scheduledAt: string): Pending {
  return { uid, status: 'pending', via, scheduledAt, ranAt: null, seen: null, error: null };
}

export function problemText(error: unknown, secrets: readonly string[] = []): string {
  return safeDetail(error instanceof Error ? error.message : String(error), secrets, 200);
}

/** The clock-run probe's latest state for spreadsheet `id`, or null. */
export function clockProbeOf(id: string): ClockRunProbe | null {
  const entry = readState()[id];
  return entry ? strip(entry) : null;
}

/**
 * Records what this clock execution sees, for the spreadsheet the trigger belongs to, if a probe
 * waits for it. `via` says which trigger runs. The probe's own trigger is removed afterwards.
 */
export function recordClockRun(
  event: { triggerUid?: unknown; authMode?: unknown } | undefined,
  via: ClockRunProbe['via'],
  now: number,
): boolean {
  const seen = observeExecution(event);
  const uid = typeof event?.triggerUid === 'string' ? event.triggerUid : undefined;
  const state = readState();
  const waiting = Object.entries(state).filter(([, p]) => p.status === 'pending');
  const id =
    (uid && waiting.find(([, p]) => p.uid === uid)?.[0]) ||
    spreadsheetOfTrigger(uid) ||
    activeSpreadsheetId() ||
    // No uid and no document: the oldest probe waiting for its own trigger is this one.
    (via === 'probe-trigger' ? waiting.find(([, p]) => p.via === 'probe-trigger')?.[0] : undefined);
  const entry = id ? state[id] : undefined;
  if (id && entry && entry.status === 'pending') {
    state[id] = { ...entry, uid: null, via, status: 'seen', ranAt: new Date(now).toISOString(), seen };
    writeState(state);
  }
  if (via === 'probe-trigger') {
    // A one-off trigger never runs again; removing it frees the document's one clock trigger.
    deleteTriggers(SELF_CHECK_HANDLER, uid ? [uid] : entry?.uid ? [entry.uid] : null);
  }
  return Boolean(entry);
}
