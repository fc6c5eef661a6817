// The nightly run's options, per spreadsheet (document properties).
import type { z } from 'zod';
import type { KeyValueStore } from '../adapters/properties';
import type { ReportSettingsInput, ReportSettingsView } from '../shared/report-schema';

export const NIGHTLY_HOUR_KEY = 'ODESK_NIGHTLY_HOUR';
export const NIGHTLY_EMAIL_KEY = 'ODESK_NIGHTLY_EMAIL';
export const NIGHTLY_LAST_KEY = 'ODESK_NIGHTLY_LAST';
export const NIGHTLY_JOB_KEY = 'ODESK_NIGHTLY_JOB';
export const DEFAULT_NIGHTLY_HOUR = 2;

export function nightlyHour(store: KeyValueStore): number {
  const raw = store.get(NIGHTLY_HOUR_KEY);
  const hour = raw === null ? NaN : Number(raw);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_NIGHTLY_HOUR;
}

export function nightlyEmail(store: KeyValueStore): boolean {
  return store.get(NIGHTLY_EMAIL_KEY) === 'on';
}

export function readReportSettings(doc: KeyValueStore): ReportSettingsView {
  return {
    nightlyHour: nightlyHour(doc),
    email: nightlyEmail(doc),
    lastRunDay: doc.get(NIGHTLY_LAST_KEY),
    pending: doc.get(NIGHTLY_JOB_KEY) !== null,
  };
}

export function saveReportSettings(
  doc: KeyValueStore,
  input: z.output<typeof ReportSettingsInput>,
): ReportSettingsView {
  doc.set(NIGHTLY_HOUR_KEY, String(input.nightlyHour));
  doc.set(NIGHTLY_EMAIL_KEY, input.email ? 'on' : 'off');
  return readReportSettings(doc);
}
