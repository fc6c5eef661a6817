// Connected Sheets over the history: a data source sheet on the postings table, a pivot table
// (month × status, totals summed) and a column chart of it. Added once per spreadsheet and dataset,
// from the menu only (inserting the sheet makes it the active one, which an hourly run must not do).
import { connectHistory, hasHistorySource, type HistorySource } from '../adapters/bigquery';
import type { KeyValueStore } from '../adapters/properties';
import { t, type Lang } from '../core/i18n/messages';
import { BQ_CONNECTED_KEY, type BigQueryTarget } from './settings';

export const HISTORY_TABLE = 'postings';

export function connectHistoryOnce(doc: KeyValueStore, target: BigQueryTarget, lang: Lang): string {
  const source: HistorySource = { ...target, tableId: HISTORY_TABLE };
  try {
    if (hasHistorySource(source)) {
      doc.set(BQ_CONNECTED_KEY, `${target.projectId}:${target.datasetId}`);
      return t(lang, 'bigquery.connectedAlready');
    }
    const made = connectHistory(source, { rowGroup: 'month', columnGroup: 'status', value: 'total' });
    doc.set(BQ_CONNECTED_KEY, `${target.projectId}:${target.datasetId}`);
    if (made.state === 'ERROR') return t(lang, 'bigquery.connectFailed', { detail: made.error });
    return t(lang, 'bigquery.connected', { table: HISTORY_TABLE });
  } catch (error) {
    return t(lang, 'bigquery.connectFailed', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}
