// Sync options shown in Settings, validated on both sides.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const SyncSettingsInput = lazySchema(() =>
  z.object({
    lookbackDays: z.coerce
      .number()
      .int('error.lookback.range')
      .min(1, 'error.lookback.range')
      .max(365, 'error.lookback.range'),
    autoSync: z.boolean(),
    digest: z.boolean(),
  }),
);
export type SyncSettingsInput = z.input<typeof SyncSettingsInput>;

export interface SyncSettingsView {
  lookbackDays: number;
  autoSync: boolean;
  digest: boolean;
  /** ISO time of the last completed sync, or null. */
  lastSyncAt: string | null;
  /** True while a sync has work left that the next run continues. */
  pending: boolean;
}

export interface SyncSummary {
  result: 'done' | 'partial' | 'failed' | 'locked';
  message: string;
  fetched: number;
  added: number;
  updated: number;
  newOrders: number;
}
