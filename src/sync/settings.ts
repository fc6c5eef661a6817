// Sync options: look-back of the first sync and the digest (per spreadsheet), and the hourly trigger.
import type { KeyValueStore } from '../adapters/properties';
import { hourlyTriggerInstalled, setHourlyTrigger } from '../adapters/triggers';
import type { z } from 'zod';
import type { SyncSettingsInput, SyncSettingsView } from '../shared/sync-schema';
import { digestEnabled, DIGEST_KEY } from './digest';
import { loadJob, loadMark, lookbackDays, LOOKBACK_KEY } from './job';

export function readSyncSettings(doc: KeyValueStore): SyncSettingsView {
  const mark = loadMark(doc);
  return {
    lookbackDays: lookbackDays(doc),
    autoSync: hourlyTriggerInstalled(),
    digest: digestEnabled(doc),
    lastSyncAt: mark ? new Date(mark.completedAt).toISOString() : null,
    pending: loadJob(doc) !== null,
  };
}

export function saveSyncSettings(
  doc: KeyValueStore,
  input: z.output<typeof SyncSettingsInput>,
): SyncSettingsView {
  doc.set(LOOKBACK_KEY, String(input.lookbackDays));
  doc.set(DIGEST_KEY, input.digest ? 'on' : 'off');
  setHourlyTrigger(input.autoSync);
  return readSyncSettings(doc);
}
