// Ozon's stock at its warehouses, its turnover grades and supply requests change by the day, so the hourly
// run refreshes the Ozon stock tabs once a day (spreadsheet time), for a seller who has refreshed them
// from the menu at least once: a shop without FBO never spends Ozon's or Google's quota on them.
// Each refresh, or its failure, gets a Sync log row.
import { appContext, type AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { readTabs, writeRequests } from '../adapters/workbook';
import { t } from '../core/i18n/messages';
import { prepareTab } from '../core/table/snapshot';
import { localDay } from '../core/time/serial';
import { appsScriptHost, type InventoryHost } from '../inventory/host';
import { logRequest, runLogEntry, syncLogSpec } from '../sync/sync-log';
import { OZON_STOCK_DAY_KEY, refreshOzonStock } from './index';

/** True when the seller has used the Ozon stock tabs and today's refresh has not run yet. */
export function ozonStockDue(ctx: AppContext, host: InventoryHost): boolean {
  const last = ctx.doc.get(OZON_STOCK_DAY_KEY);
  return !!last && last !== localDay(host.now(), host.offset);
}

/** The hourly run's refresh, within the run's deadline; never throws (the Sync log says what happened). */
export function refreshOzonStockIfDue(deadline: number): void {
  const ctx = appContext();
  const host = appsScriptHost();
  if (!ozonStockDue(ctx, host)) return;
  const started = host.now();
  let result: { ok: boolean; message: string };
  try {
    result = { ok: true, message: refreshOzonStock(ctx, host, deadline).message };
  } catch (error) {
    const described = describeError(error, ctx.lang);
    const reason = described.ok ? '' : described.error.message;
    result = { ok: false, message: t(ctx.lang, 'ozonStock.failed', { reason }) };
  }
  try {
    const log = prepareTab(readTabs([syncLogSpec]).get(syncLogSpec.tab)!);
    writeRequests([
      ...log.setup,
      logRequest(
        log.snapshot.sheetId,
        log.positions,
        runLogEntry({
          lang: ctx.lang,
          offset: host.offset,
          started,
          now: host.now(),
          source: 'trigger',
          job: 'ozonStock.logSource',
          result: result.ok ? 'done' : 'failed',
          text: result.message,
        }),
        log.snapshot.zone,
      ),
    ]);
  } catch {
    // The log is a courtesy: tomorrow's refresh runs regardless.
  }
}
