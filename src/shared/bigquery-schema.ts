// BigQuery settings (the Google Cloud project and dataset the history goes to), validated on both sides.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

/** Google Cloud project IDs: 6–30 of a-z, 0-9 and hyphens, a letter first, no hyphen last (or domain:id). */
export const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** BigQuery dataset IDs: letters, digits and underscores, up to 1,024 characters. */
export const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;

export const BigQuerySettingsInput = lazySchema(() =>
  z.object({
    projectId: z.string().trim().regex(PROJECT_ID, 'error.bigquery.project'),
    datasetId: z.string().trim().regex(DATASET_ID, 'error.bigquery.dataset'),
  }),
);
export type BigQuerySettingsInput = z.input<typeof BigQuerySettingsInput>;

export interface BigQuerySettingsView {
  projectId: string;
  datasetId: string;
  /** The last load's outcome in the seller's language (empty before the first). */
  lastResult: string;
  lastMessage: string;
  lastAt: string;
  connected: boolean;
}

export interface BigQueryRunSummary {
  result: 'done' | 'nothing' | 'partial' | 'failed' | 'off' | 'locked';
  message: string;
  rows: number;
  batches: number;
  bytes: number;
}
