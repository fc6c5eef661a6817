// ScriptApp: auth-mode enums, installable triggers with the editor add-on rules, OAuth token.
import { expose } from './bridge';
import type { Engine } from './execution';
import { LIMITS } from './limits';
import { wallTime, wallToEpoch } from './time';

export type TriggerEvent = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerSnapshot {
  uid: string;
  handlerFunction: string;
  eventType: TriggerEvent;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** Time-driven: interval in ms and the next due time (modeled epoch ms). */
  intervalMs?: number;
  nextRunAt?: number;
  atHour?: number;
  nearMinute?: number;
  /** The spreadsheet the trigger was created from (editor add-on triggers belong to a document). */
  document?: string;
}

export const MAX_TRIGGERS = LIMITS.triggersPerUserPerScript.value;
const HOUR = 3_600_000;

export class TriggerState {
  list: TriggerSnapshot[] = [];
  private nextUid = 1000001;
  uid(): string {
    return String(this.nextUid++);
  }
}

export function scriptApp(
  engine: Engine,
  state: TriggerState,
  scriptId: string,
  isFunction: (name: string) => boolean,
  timeZone = 'Europe/Moscow',
  /** The active spreadsheet's id, or null in a run without a document. */
  documentId: () => string | null = () => null,
) {
  const AuthMode = Object.freeze({
    NONE: 'NONE',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
  });
  const TriggerSource = Object.freeze({
    SPREADSHEETS: 'SPREADSHEETS',
    CLOCK: 'CLOCK',
    FORMS: 'FORMS',
    DOCUMENTS: 'DOCUMENTS',
    CALENDAR: 'CALENDAR',
  });
  const EventType = Object.freeze({
    CLOCK: 'CLOCK',
    ON_OPEN: 'ON_OPEN',
    ON_EDIT: 'ON_EDIT',
    ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
    ON_CHANGE: 'ON_CHANGE',
  });
  const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });

  /** Daily/weekly triggers with atHour run at that hour of the script's time zone; others one interval from now. */
  const firstRun = (intervalMs: number, atHour?: number, nearMinute?: number): number => {
    if (atHour === undefined || intervalMs < 24 * HOUR) return engine.now + intervalMs;
    const w = wallTime(engine.now, timeZone);
    let at = wallToEpoch(Date.UTC(w.year, w.month - 1, w.day, atHour, nearMinute ?? 0), timeZone);
    while (at <= engine.now) at += 24 * HOUR;
    return at;
  };

  const triggerObject = (t: TriggerSnapshot) =>
    expose(
      engine,
      {
        getUniqueId: () => t.uid,
        getHandlerFunction: () => t.handlerFunction,
        getEventType: () => t.eventType,
        getTriggerSource: () => t.source,
        getTriggerSourceId: () => (t.source === 'SPREADSHEETS' ? 'spreadsheet' : null),
        __uid: t.uid,
      },
      'Trigger',
    );

  const checkAllowed = (what: string) => {
    engine.requireAuth(what, { limitedOk: false, simpleOk: false });
  };

  const create = (t: Omit<TriggerSnapshot, 'uid'>) => {
    checkAllowed('ScriptApp.newTrigger');
    engine.call('other');
    if (!isFunction(t.handlerFunction)) throw new Error(`Script function not found: ${t.handlerFunction}`);
    if (state.list.length >= MAX_TRIGGERS)
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const document = documentId() ?? undefined;
    // One trigger of each type per user per document (editor add-on triggers).
    if (state.list.some((x) => x.eventType === t.eventType && x.document === document)) {
      throw new Error(
        t.eventType === 'CLOCK'
          ? 'This add-on has created too many time-based triggers in this document for this Google user account.'
          : `This add-on has created too many ${t.eventType === 'ON_OPEN' ? 'open' : t.eventType === 'ON_EDIT' ? 'edit' : 'change'} triggers in this document for this Google user account.`,
      );
    }
    const snap: TriggerSnapshot = { uid: state.uid(), ...t, ...(document ? { document } : {}) };
    state.list.push(snap);
    return triggerObject(snap);
  };

  const newTrigger = (fn: string) => {
    const handlerFunction = String(fn);
    const clock = () => {
      let intervalMs: number | undefined;
      let atHour: number | undefined;
      let nearMinute: number | undefined;
      const b = {
        everyMinutes(n: number) {
          if (![1, 5, 10, 15, 30].includes(n))
            throw new Error('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
          throw new Error(
            'Add-ons may not create time-based triggers that run more often than once an hour.',
          );
        },
        everyHours(n: number) {
          if (!Number.isInteger(n) || n < 1)
            throw new Error(
              'Add-ons may not create time-based triggers that run more often than once an hour.',
            );
          intervalMs = n * HOUR;
          return proxy;
        },
        everyDays(n: number) {
          if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: everyDays');
          intervalMs = n * 24 * HOUR;
          return proxy;
        },
        everyWeeks(n: number) {
          intervalMs = n * 7 * 24 * HOUR;
          return proxy;
        },
        atHour(h: number) {
          if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error('Invalid argument: hour');
          atHour = h;
          return proxy;
        },
        nearMinute(m: number) {
          nearMinute = m;
          return proxy;
        },
        onWeekDay() {
          return proxy;
        },
        inTimezone() {
          return proxy;
        },
        after(ms: number) {
          intervalMs = Math.max(ms, HOUR);
          return proxy;
        },
        at(date: Date) {
          intervalMs = Math.max(HOUR, date.getTime() - engine.now);
          return proxy;
        },
        create() {
          if (intervalMs === undefined)
            throw new Error('The trigger must have a schedule (everyHours, everyDays, ...).');
          return create({
            handlerFunction,
            eventType: 'CLOCK',
            source: 'CLOCK',
            intervalMs,
            nextRunAt: firstRun(intervalMs, atHour, nearMinute),
            atHour,
            nearMinute,
          });
        },
      };
      const proxy = expose(engine, b, 'ClockTriggerBuilder');
      return proxy;
    };
    const sheets = () => {
      const b = {
        onOpen: () =>
          expose(engine, {
            create: () => create({ handlerFunction, eventType: 'ON_OPEN', source: 'SPREADSHEETS' }),
          }),
        onEdit: () =>
          expose(engine, {
            create: () => create({ handlerFunction, eventType: 'ON_EDIT', source: 'SPREADSHEETS' }),
          }),
        onChange: () =>
          expose(engine, {
            create: () => create({ handlerFunction, eventType: 'ON_CHANGE', source: 'SPREADSHEETS' }),
          }),
        onFormSubmit: () =>
          expose(engine, {
            create: () => create({ handlerFunction, eventType: 'ON_FORM_SUBMIT', source: 'SPREADSHEETS' }),
          }),
      };
      return expose(engine, b, 'SpreadsheetTriggerBuilder');
    };
    return expose(
      engine,
      {
        timeBased: clock,
        forSpreadsheet: (_ss: unknown) => sheets(),
        forDocument: () => {
          throw new Error('This add-on runs in Sheets: use forSpreadsheet().');
        },
      },
      'TriggerBuilder',
    );
  };

  const listFor = (document?: string) =>
    engine
      .realm()
      .list(state.list.filter((t) => document === undefined || t.document === document).map(triggerObject));

  return expose(
    engine,
    {
      AuthMode,
      TriggerSource,
      EventType,
      AuthorizationStatus,
      WeekDay: Object.freeze({
        MONDAY: 'MONDAY',
        TUESDAY: 'TUESDAY',
        WEDNESDAY: 'WEDNESDAY',
        THURSDAY: 'THURSDAY',
        FRIDAY: 'FRIDAY',
        SATURDAY: 'SATURDAY',
        SUNDAY: 'SUNDAY',
      }),
      newTrigger,
      getProjectTriggers() {
        checkAllowed('ScriptApp.getProjectTriggers');
        engine.call('other');
        return listFor();
      },
      /** The user's triggers of this project in one document (getProjectTriggers: in every document). */
      getUserTriggers(doc: { getId(): string }) {
        checkAllowed('ScriptApp.getUserTriggers');
        engine.call('other');
        if (!doc || typeof doc.getId !== 'function')
          throw new Error(
            "The parameters (null) don't match the method signature for ScriptApp.getUserTriggers.",
          );
        return listFor(String(doc.getId()));
      },
      deleteTrigger(trigger: { getUniqueId(): string }) {
        checkAllowed('ScriptApp.deleteTrigger');
        engine.call('other');
        const uid = trigger.getUniqueId();
        const before = state.list.length;
        state.list = state.list.filter((t) => t.uid !== uid);
        if (state.list.length === before) throw new Error('Trigger not found.');
      },
      getOAuthToken() {
        engine.requireAuth('ScriptApp.getOAuthToken');
        return 'ya29.local-runtime-token';
      },
      getScriptId: () => scriptId,
      getInstallationSource: () => 'ADD_ON',
      /** The user granted every manifest scope (the runtime has no consent screen). */
      getAuthorizationInfo: (_mode?: unknown, requested?: string[]) => {
        const granted = engine.scopes ?? [];
        if (requested) {
          const unknown = [...requested].filter((s) => !granted.includes(String(s)));
          if (unknown.length)
            throw new Error(`Invalid scopes or scopes not required by the script: ${unknown.join(', ')}`);
        }
        return expose(engine, {
          getAuthorizationStatus: () => 'NOT_REQUIRED',
          getAuthorizationUrl: () => null,
          getAuthorizedScopes: () =>
            engine.realm().list(requested ? [...requested].map(String) : [...granted]),
        });
      },
      invalidateAuth() {},
    },
    'ScriptApp',
  );
}
