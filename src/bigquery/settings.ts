// Where the history goes: the seller's Google Cloud project and BigQuery dataset (per spreadsheet).
import type { z } from 'zod';
import { readJson, type KeyValueStore } from '../adapters/properties';
import { t, type Lang } from '../core/i18n/messages';
import type { BigQuerySettingsInput, BigQuerySettingsView } from '../shared/bigquery-schema';

export const BQ_PROJECT_KEY = 'ODESK_BQ_PROJECT';
export const BQ_DATASET_KEY = 'ODESK_BQ_DATASET';
/** The last load's outcome: { at, result, message }. */
export const BQ_STATUS_KEY = 'ODESK_BQ_STATUS';
/** Set once the Connected Sheets history has been added to this spreadsheet. */
export const BQ_CONNECTED_KEY = 'ODESK_BQ_CONNECTED';

export interface BigQueryTarget {
  projectId: string;
  datasetId: string;
}

export function bigQueryTarget(doc: KeyValueStore): BigQueryTarget | null {
  const projectId = doc.get(BQ_PROJECT_KEY);
  const datasetId = doc.get(BQ_DATASET_KEY);
  return projectId && datasetId ? { projectId, datasetId } : null;
}

export interface BigQueryStatus {
  at: string;
  result: string;
  message: string;
}

export function readBigQuerySettings(doc: KeyValueStore): BigQuerySettingsView {
  const target = bigQueryTarget(doc);
  const status = readJson<BigQueryStatus>(doc, BQ_STATUS_KEY);
  return {
    projectId: target?.projectId ?? '',
    datasetId: target?.datasetId ?? '',
    lastResult: status?.result ?? '',
    lastMessage: status?.message ?? '',
    lastAt: status?.at ?? '',
    connected: doc.get(BQ_CONNECTED_KEY) !== null,
  };
}

export function saveBigQuerySettings(
  doc: KeyValueStore,
  lang: Lang,
  input: z.output<typeof BigQuerySettingsInput>,
): BigQuerySettingsView & { message: string } {
  const before = bigQueryTarget(doc);
  doc.set(BQ_PROJECT_KEY, input.projectId);
  doc.set(BQ_DATASET_KEY, input.datasetId);
  // Another dataset is another history: the Connected Sheets source is added again for it.
  if (before && (before.projectId !== input.projectId || before.datasetId !== input.datasetId))
    doc.delete(BQ_CONNECTED_KEY);
  return {
    ...readBigQuerySettings(doc),
    message: t(lang, 'bigquery.saved', { project: input.projectId, dataset: input.datasetId }),
  };
}

/** Months (YYYY-MM) whose old postings were archived to BigQuery only: lost if the dataset is deleted. */
export const BQ_ARCHIVED_MONTHS_KEY = 'ODESK_BQ_ARCHIVED_MONTHS';

export function bigQueryArchivedMonths(doc: KeyValueStore): string[] {
  const list = readJson<string[]>(doc, BQ_ARCHIVED_MONTHS_KEY);
  return Array.isArray(list)
    ? list.filter((m) => typeof m === 'string' && /^\d{4}-\d{2}$/.test(m)).sort()
    : [];
}

export function noteBigQueryArchivedMonth(doc: KeyValueStore, month: string): void {
  const months = bigQueryArchivedMonths(doc);
  if (months.includes(month)) return;
  doc.set(BQ_ARCHIVED_MONTHS_KEY, JSON.stringify([...months, month].sort()));
}

export function forgetBigQueryArchivedMonths(doc: KeyValueStore): void {
  if (doc.get(BQ_ARCHIVED_MONTHS_KEY) !== null) doc.delete(BQ_ARCHIVED_MONTHS_KEY);
}
