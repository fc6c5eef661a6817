// Apps Script side of the BigQuery load: the menu's "Load history into BigQuery" and the hourly run
// (when time is left) come here. One deadline per entry point, passed down; the outcome is saved for
// Settings and, from the menu, shown in a toast.
import { appContext } from '../app/context';
import { deadlineFrom, BUDGET } from '../app/budgets';
import type { KeyValueStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { t } from '../core/i18n/messages';
import type { BigQueryRunSummary } from '../shared/bigquery-schema';
import { connectHistoryOnce } from './connect';
import { loadHistory } from './load';
import { bigQueryTarget, BQ_CONNECTED_KEY, BQ_STATUS_KEY } from './settings';

/** The last load's outcome, for Settings (the menu's, the hourly run's or the archive's own load). */
export function saveLoadStatus(doc: KeyValueStore, summary: BigQueryRunSummary): void {
  doc.set(
    BQ_STATUS_KEY,
    JSON.stringify({ at: new Date().toISOString(), result: summary.result, message: summary.message }),
  );
}

export function loadBigQueryNow(
  source: 'menu' | 'trigger',
  startedAt = Date.now(),
  deadline?: number,
): BigQueryRunSummary {
  const ctx = appContext();
  const empty = (result: BigQueryRunSummary['result'], message: string): BigQueryRunSummary => ({
    result,
    message,
    rows: 0,
    batches: 0,
    bytes: 0,
  });
  const target = bigQueryTarget(ctx.doc);
  if (!target) return empty('off', t(ctx.lang, 'bigquery.off'));
  // No document lock: the load writes no live tab, and two loads at once stay exact (the MERGE keeps
  // the copy read last; a digest saved by a slower run only makes a bucket load again).
  const until = deadline ?? deadlineFrom(startedAt, BUDGET.bigqueryLoad);
  let summary = loadHistory(target, ctx.lang, until).summary;
  saveLoadStatus(ctx.doc, summary);
  if (source === 'menu') {
    let message = summary.message;
    const connected = ctx.doc.get(BQ_CONNECTED_KEY) === `${target.projectId}:${target.datasetId}`;
    if (!connected && (summary.result === 'done' || summary.result === 'nothing'))
      message += ` ${connectHistoryOnce(ctx.doc, target, ctx.lang)}`;
    summary = { ...summary, message };
    try {
      toast(message, 'BigQuery', 8);
    } catch {
      // No UI in this context.
    }
  }
  return summary;
}
